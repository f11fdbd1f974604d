# rounds.gp: Table 1: visual understanding, per client — mean client validation score per round
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot rounds.gp
# Reads rounds.dat; writes rounds.png (pngcairo) and rounds.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set linetype 2 lc rgb '#D55E00' lw 2 pt 5 ps 1.2 dt 1
set linetype 3 lc rgb '#009E73' lw 2 pt 9 ps 1.2 dt 1
set linetype 4 lc rgb '#CC79A7' lw 2 pt 11 ps 1.2 dt 1
set linetype 5 lc rgb '#E69F00' lw 2 pt 13 ps 1.2 dt 1
set linetype 6 lc rgb '#56B4E9' lw 2 pt 15 ps 1.2 dt 1
set linetype 7 lc rgb '#000000' lw 2 pt 7 ps 1.2 dt 1
set linetype 8 lc rgb '#8C564B' lw 2 pt 5 ps 1.2 dt 1
set terminal pngcairo size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'rounds.png'
set multiplot layout 1,3 title 'Table 1: visual understanding, per client — mean client validation score per round' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel 'round'
set ylabel 'accuracy (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set xtics ('1' 1, '2' 2, '3' 3)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*<100]
plot 'rounds.dat' index 0 using 1:2:3:4 with yerrorlines lt 1 title 'Centralized', \
     'rounds.dat' index 1 using 1:2:3:4 with yerrorlines lt 2 title 'Local', \
     'rounds.dat' index 2 using 1:2:3:4 with yerrorlines lt 3 title 'FedAvg', \
     'rounds.dat' index 3 using 1:2:3:4 with yerrorlines lt 4 title 'FedProx', \
     'rounds.dat' index 4 using 1:2:3:4 with yerrorlines lt 5 title 'FedAdam', \
     'rounds.dat' index 5 using 1:2:3:4 with yerrorlines lt 6 title 'FedDPA', \
     'rounds.dat' index 6 using 1:2:3:4 with yerrorlines lt 7 title 'Shepherd', \
     'rounds.dat' index 7 using 1:2:3:4 with yerrorlines lt 8 title 'Pilot'
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel 'round'
set ylabel 'CIDEr-D × 100'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set xtics ('1' 1, '2' 2, '3' 3)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*]
plot 'rounds.dat' index 8 using 1:2:3:4 with yerrorlines lt 1 title 'Centralized', \
     'rounds.dat' index 9 using 1:2:3:4 with yerrorlines lt 2 title 'Local', \
     'rounds.dat' index 10 using 1:2:3:4 with yerrorlines lt 3 title 'FedAvg', \
     'rounds.dat' index 11 using 1:2:3:4 with yerrorlines lt 4 title 'FedProx', \
     'rounds.dat' index 12 using 1:2:3:4 with yerrorlines lt 5 title 'FedAdam', \
     'rounds.dat' index 13 using 1:2:3:4 with yerrorlines lt 6 title 'FedDPA', \
     'rounds.dat' index 14 using 1:2:3:4 with yerrorlines lt 7 title 'Shepherd', \
     'rounds.dat' index 15 using 1:2:3:4 with yerrorlines lt 8 title 'Pilot'
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel 'round'
set ylabel 'Acc@IoU0.5 (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set autoscale xfix
set xtics ('1' 1, '2' 2, '3' 3)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*<100]
plot 'rounds.dat' index 16 using 1:2:3:4 with yerrorlines lt 1 title 'Centralized', \
     'rounds.dat' index 17 using 1:2:3:4 with yerrorlines lt 2 title 'Local', \
     'rounds.dat' index 18 using 1:2:3:4 with yerrorlines lt 3 title 'FedAvg', \
     'rounds.dat' index 19 using 1:2:3:4 with yerrorlines lt 4 title 'FedProx', \
     'rounds.dat' index 20 using 1:2:3:4 with yerrorlines lt 5 title 'FedAdam', \
     'rounds.dat' index 21 using 1:2:3:4 with yerrorlines lt 6 title 'FedDPA', \
     'rounds.dat' index 22 using 1:2:3:4 with yerrorlines lt 7 title 'Shepherd', \
     'rounds.dat' index 23 using 1:2:3:4 with yerrorlines lt 8 title 'Pilot'
unset multiplot
unset output
set terminal svg size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'rounds.svg'
set multiplot layout 1,3 title 'Table 1: visual understanding, per client — mean client validation score per round' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel 'round'
set ylabel 'accuracy (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set xtics ('1' 1, '2' 2, '3' 3)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*<100]
plot 'rounds.dat' index 0 using 1:2:3:4 with yerrorlines lt 1 title 'Centralized', \
     'rounds.dat' index 1 using 1:2:3:4 with yerrorlines lt 2 title 'Local', \
     'rounds.dat' index 2 using 1:2:3:4 with yerrorlines lt 3 title 'FedAvg', \
     'rounds.dat' index 3 using 1:2:3:4 with yerrorlines lt 4 title 'FedProx', \
     'rounds.dat' index 4 using 1:2:3:4 with yerrorlines lt 5 title 'FedAdam', \
     'rounds.dat' index 5 using 1:2:3:4 with yerrorlines lt 6 title 'FedDPA', \
     'rounds.dat' index 6 using 1:2:3:4 with yerrorlines lt 7 title 'Shepherd', \
     'rounds.dat' index 7 using 1:2:3:4 with yerrorlines lt 8 title 'Pilot'
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel 'round'
set ylabel 'CIDEr-D × 100'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set xtics ('1' 1, '2' 2, '3' 3)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*]
plot 'rounds.dat' index 8 using 1:2:3:4 with yerrorlines lt 1 title 'Centralized', \
     'rounds.dat' index 9 using 1:2:3:4 with yerrorlines lt 2 title 'Local', \
     'rounds.dat' index 10 using 1:2:3:4 with yerrorlines lt 3 title 'FedAvg', \
     'rounds.dat' index 11 using 1:2:3:4 with yerrorlines lt 4 title 'FedProx', \
     'rounds.dat' index 12 using 1:2:3:4 with yerrorlines lt 5 title 'FedAdam', \
     'rounds.dat' index 13 using 1:2:3:4 with yerrorlines lt 6 title 'FedDPA', \
     'rounds.dat' index 14 using 1:2:3:4 with yerrorlines lt 7 title 'Shepherd', \
     'rounds.dat' index 15 using 1:2:3:4 with yerrorlines lt 8 title 'Pilot'
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel 'round'
set ylabel 'Acc@IoU0.5 (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set autoscale xfix
set xtics ('1' 1, '2' 2, '3' 3)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*<100]
plot 'rounds.dat' index 16 using 1:2:3:4 with yerrorlines lt 1 title 'Centralized', \
     'rounds.dat' index 17 using 1:2:3:4 with yerrorlines lt 2 title 'Local', \
     'rounds.dat' index 18 using 1:2:3:4 with yerrorlines lt 3 title 'FedAvg', \
     'rounds.dat' index 19 using 1:2:3:4 with yerrorlines lt 4 title 'FedProx', \
     'rounds.dat' index 20 using 1:2:3:4 with yerrorlines lt 5 title 'FedAdam', \
     'rounds.dat' index 21 using 1:2:3:4 with yerrorlines lt 6 title 'FedDPA', \
     'rounds.dat' index 22 using 1:2:3:4 with yerrorlines lt 7 title 'Shepherd', \
     'rounds.dat' index 23 using 1:2:3:4 with yerrorlines lt 8 title 'Pilot'
unset multiplot
unset output
