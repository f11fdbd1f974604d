# clients.gp: Table 2: general VQA, per client — per client
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot clients.gp
# Reads clients.dat; writes clients.png (pngcairo) and clients.svg.
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
set title 'Table 2: general VQA, per client — per client'
set xlabel 'client'
set ylabel 'score (accuracy %, CIDEr-D × 100, Acc@IoU0.5 %)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key outside right top vertical Left reverse
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set xtics rotate by 30 right
set terminal pngcairo size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'clients.png'
plot 'clients.dat' using 2:3:xtic(1) title 'Centralized' lt 1, \
     'clients.dat' using 4:5 title 'Local' lt 2, \
     'clients.dat' using 6:7 title 'FedAvg' lt 3, \
     'clients.dat' using 8:9 title 'FedProx' lt 4, \
     'clients.dat' using 10:11 title 'FedAdam' lt 5, \
     'clients.dat' using 12:13 title 'FedDPA' lt 6, \
     'clients.dat' using 14:15 title 'Shepherd' lt 7, \
     'clients.dat' using 16:17 title 'Pilot' lt 8
set terminal svg size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'clients.svg'
replot
unset output
