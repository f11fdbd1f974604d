# difference.gp: Figure 1(b): Shepherd relative to local training — per task
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot difference.gp
# Reads difference.dat; writes difference.png (pngcairo) and difference.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set title 'Figure 1(b): Shepherd relative to local training — per task'
set xlabel 'task'
set ylabel 'Shepherd − Local (score points)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key outside right top vertical Left reverse
set xzeroaxis lc rgb '#444444' lw 1 dt 2
set yrange [*<0:0<*]
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set terminal pngcairo size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'difference.png'
plot 'difference.dat' using 2:3:xtic(1) title 'Shepherd − Local' lt 1
set terminal svg size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'difference.svg'
replot
unset output
