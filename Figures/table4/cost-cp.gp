# cost-cp.gp: Table 4: Pilot vs CT-CLIP (visual understanding) — score against CP
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot cost-cp.gp
# Reads cost-cp.dat; writes cost-cp.png (pngcairo) and cost-cp.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set linetype 2 lc rgb '#D55E00' lw 2 pt 5 ps 1.2 dt 1
set linetype 3 lc rgb '#009E73' lw 2 pt 9 ps 1.2 dt 1
set linetype 4 lc rgb '#CC79A7' lw 2 pt 11 ps 1.2 dt 1
set linetype 5 lc rgb '#E69F00' lw 2 pt 13 ps 1.2 dt 1
set linetype 6 lc rgb '#56B4E9' lw 2 pt 15 ps 1.2 dt 1
set title 'Table 4: Pilot vs CT-CLIP (visual understanding) — score against CP'
set xlabel 'CP: parameters sent to the server per client per round (floats)'
set ylabel 'mean client score (accuracy %, CIDEr-D × 100, Acc@IoU0.5 %)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key outside right top vertical Left reverse
set autoscale xfix
set format x '%.1s%c'
unset key
set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1
set terminal pngcairo size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'cost-cp.png'
plot 'cost-cp.dat' using 1:2:3:(int($0) % 8 + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \
     'cost-cp.dat' using 1:2:5 with labels left offset char 0.8,0.6 notitle
set terminal svg size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'cost-cp.svg'
replot
unset output
