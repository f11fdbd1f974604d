# rounds.gp: Table 4: Pilot vs CT-CLIP (visual understanding) — mean client validation score per round
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot rounds.gp
# Reads rounds.dat; writes rounds.png (pngcairo) and rounds.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set linetype 2 lc rgb '#D55E00' lw 2 pt 5 ps 1.2 dt 1
set terminal pngcairo size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'rounds.png'
set multiplot layout 1,3 title 'Table 4: Pilot vs CT-CLIP (visual understanding) — mean client validation score per round' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
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
plot 'rounds.dat' index 0 using 1:2:3:4 with yerrorlines lt 1 title 'Pilot', \
     'rounds.dat' index 1 using 1:2:3:4 with yerrorlines lt 2 title 'CT-CLIP'
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
plot 'rounds.dat' index 2 using 1:2:3:4 with yerrorlines lt 1 title 'Pilot', \
     'rounds.dat' index 3 using 1:2:3:4 with yerrorlines lt 2 title 'CT-CLIP'
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
plot 'rounds.dat' index 4 using 1:2:3:4 with yerrorlines lt 1 title 'Pilot', \
     'rounds.dat' index 5 using 1:2:3:4 with yerrorlines lt 2 title 'CT-CLIP'
unset multiplot
unset output
set terminal svg size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'rounds.svg'
set multiplot layout 1,3 title 'Table 4: Pilot vs CT-CLIP (visual understanding) — mean client validation score per round' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
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
plot 'rounds.dat' index 0 using 1:2:3:4 with yerrorlines lt 1 title 'Pilot', \
     'rounds.dat' index 1 using 1:2:3:4 with yerrorlines lt 2 title 'CT-CLIP'
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
plot 'rounds.dat' index 2 using 1:2:3:4 with yerrorlines lt 1 title 'Pilot', \
     'rounds.dat' index 3 using 1:2:3:4 with yerrorlines lt 2 title 'CT-CLIP'
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
plot 'rounds.dat' index 4 using 1:2:3:4 with yerrorlines lt 1 title 'Pilot', \
     'rounds.dat' index 5 using 1:2:3:4 with yerrorlines lt 2 title 'CT-CLIP'
unset multiplot
unset output
