# clients.gp: Table 1: visual understanding, per client
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
set terminal pngcairo size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'clients.png'
set multiplot layout 1,3 title 'Table 1: visual understanding, per client' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel 'client'
set ylabel 'accuracy (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set yrange [0:*<100]
plot 'clients.dat' index 0 using 2:3:4:xtic(1) title 'Centralized' lt 1, \
     'clients.dat' index 0 using 5:6:7 title 'Local' lt 2, \
     'clients.dat' index 0 using 8:9:10 title 'FedAvg' lt 3, \
     'clients.dat' index 0 using 11:12:13 title 'FedProx' lt 4, \
     'clients.dat' index 0 using 14:15:16 title 'FedAdam' lt 5, \
     'clients.dat' index 0 using 17:18:19 title 'FedDPA' lt 6, \
     'clients.dat' index 0 using 20:21:22 title 'Shepherd' lt 7, \
     'clients.dat' index 0 using 23:24:25 title 'Pilot' lt 8
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel 'client'
set ylabel 'CIDEr-D × 100'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set yrange [0:*]
plot 'clients.dat' index 1 using 2:3:4:xtic(1) title 'Centralized' lt 1, \
     'clients.dat' index 1 using 5:6:7 title 'Local' lt 2, \
     'clients.dat' index 1 using 8:9:10 title 'FedAvg' lt 3, \
     'clients.dat' index 1 using 11:12:13 title 'FedProx' lt 4, \
     'clients.dat' index 1 using 14:15:16 title 'FedAdam' lt 5, \
     'clients.dat' index 1 using 17:18:19 title 'FedDPA' lt 6, \
     'clients.dat' index 1 using 20:21:22 title 'Shepherd' lt 7, \
     'clients.dat' index 1 using 23:24:25 title 'Pilot' lt 8
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel 'client'
set ylabel 'Acc@IoU0.5 (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set yrange [0:*<100]
plot 'clients.dat' index 2 using 2:3:4:xtic(1) title 'Centralized' lt 1, \
     'clients.dat' index 2 using 5:6:7 title 'Local' lt 2, \
     'clients.dat' index 2 using 8:9:10 title 'FedAvg' lt 3, \
     'clients.dat' index 2 using 11:12:13 title 'FedProx' lt 4, \
     'clients.dat' index 2 using 14:15:16 title 'FedAdam' lt 5, \
     'clients.dat' index 2 using 17:18:19 title 'FedDPA' lt 6, \
     'clients.dat' index 2 using 20:21:22 title 'Shepherd' lt 7, \
     'clients.dat' index 2 using 23:24:25 title 'Pilot' lt 8
unset multiplot
unset output
set terminal svg size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'clients.svg'
set multiplot layout 1,3 title 'Table 1: visual understanding, per client' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel 'client'
set ylabel 'accuracy (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set yrange [0:*<100]
plot 'clients.dat' index 0 using 2:3:4:xtic(1) title 'Centralized' lt 1, \
     'clients.dat' index 0 using 5:6:7 title 'Local' lt 2, \
     'clients.dat' index 0 using 8:9:10 title 'FedAvg' lt 3, \
     'clients.dat' index 0 using 11:12:13 title 'FedProx' lt 4, \
     'clients.dat' index 0 using 14:15:16 title 'FedAdam' lt 5, \
     'clients.dat' index 0 using 17:18:19 title 'FedDPA' lt 6, \
     'clients.dat' index 0 using 20:21:22 title 'Shepherd' lt 7, \
     'clients.dat' index 0 using 23:24:25 title 'Pilot' lt 8
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel 'client'
set ylabel 'CIDEr-D × 100'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set yrange [0:*]
plot 'clients.dat' index 1 using 2:3:4:xtic(1) title 'Centralized' lt 1, \
     'clients.dat' index 1 using 5:6:7 title 'Local' lt 2, \
     'clients.dat' index 1 using 8:9:10 title 'FedAvg' lt 3, \
     'clients.dat' index 1 using 11:12:13 title 'FedProx' lt 4, \
     'clients.dat' index 1 using 14:15:16 title 'FedAdam' lt 5, \
     'clients.dat' index 1 using 17:18:19 title 'FedDPA' lt 6, \
     'clients.dat' index 1 using 20:21:22 title 'Shepherd' lt 7, \
     'clients.dat' index 1 using 23:24:25 title 'Pilot' lt 8
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel 'client'
set ylabel 'Acc@IoU0.5 (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set yrange [0:*<100]
plot 'clients.dat' index 2 using 2:3:4:xtic(1) title 'Centralized' lt 1, \
     'clients.dat' index 2 using 5:6:7 title 'Local' lt 2, \
     'clients.dat' index 2 using 8:9:10 title 'FedAvg' lt 3, \
     'clients.dat' index 2 using 11:12:13 title 'FedProx' lt 4, \
     'clients.dat' index 2 using 14:15:16 title 'FedAdam' lt 5, \
     'clients.dat' index 2 using 17:18:19 title 'FedDPA' lt 6, \
     'clients.dat' index 2 using 20:21:22 title 'Shepherd' lt 7, \
     'clients.dat' index 2 using 23:24:25 title 'Pilot' lt 8
unset multiplot
unset output
