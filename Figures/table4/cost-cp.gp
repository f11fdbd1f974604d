# cost-cp.gp: Table 4: Pilot vs CT-CLIP (visual understanding) — score against CP
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot cost-cp.gp
# Reads cost-cp.dat; writes cost-cp.png (pngcairo) and cost-cp.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set linetype 2 lc rgb '#D55E00' lw 2 pt 5 ps 1.2 dt 1
set terminal pngcairo size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'cost-cp.png'
set multiplot layout 1,3 title 'Table 4: Pilot vs CT-CLIP (visual understanding) — score against CP' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel 'CP: parameters sent to the server per client per round (floats)'
set ylabel 'accuracy (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set format x '%.1s%c'
unset key
set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1
set yrange [0:*<100]
plot 'cost-cp.dat' index 0 using 1:2:3:4:(int($0) % 8 + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \
     'cost-cp.dat' index 0 using 1:2:6 with labels left offset char 0.8,0.6 notitle
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel 'CP: parameters sent to the server per client per round (floats)'
set ylabel 'CIDEr-D × 100'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set format x '%.1s%c'
unset key
set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1
set yrange [0:*]
plot 'cost-cp.dat' index 1 using 1:2:3:4:(int($0) % 8 + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \
     'cost-cp.dat' index 1 using 1:2:6 with labels left offset char 0.8,0.6 notitle
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel 'CP: parameters sent to the server per client per round (floats)'
set ylabel 'Acc@IoU0.5 (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set autoscale xfix
set format x '%.1s%c'
unset key
set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1
set yrange [0:*<100]
plot 'cost-cp.dat' index 2 using 1:2:3:4:(int($0) % 8 + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \
     'cost-cp.dat' index 2 using 1:2:6 with labels left offset char 0.8,0.6 notitle
unset multiplot
unset output
set terminal svg size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'cost-cp.svg'
set multiplot layout 1,3 title 'Table 4: Pilot vs CT-CLIP (visual understanding) — score against CP' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel 'CP: parameters sent to the server per client per round (floats)'
set ylabel 'accuracy (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set format x '%.1s%c'
unset key
set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1
set yrange [0:*<100]
plot 'cost-cp.dat' index 0 using 1:2:3:4:(int($0) % 8 + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \
     'cost-cp.dat' index 0 using 1:2:6 with labels left offset char 0.8,0.6 notitle
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel 'CP: parameters sent to the server per client per round (floats)'
set ylabel 'CIDEr-D × 100'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set format x '%.1s%c'
unset key
set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1
set yrange [0:*]
plot 'cost-cp.dat' index 1 using 1:2:3:4:(int($0) % 8 + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \
     'cost-cp.dat' index 1 using 1:2:6 with labels left offset char 0.8,0.6 notitle
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel 'CP: parameters sent to the server per client per round (floats)'
set ylabel 'Acc@IoU0.5 (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set autoscale xfix
set format x '%.1s%c'
unset key
set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1
set yrange [0:*<100]
plot 'cost-cp.dat' index 2 using 1:2:3:4:(int($0) % 8 + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \
     'cost-cp.dat' index 2 using 1:2:6 with labels left offset char 0.8,0.6 notitle
unset multiplot
unset output
