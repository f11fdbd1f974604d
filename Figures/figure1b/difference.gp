# difference.gp: Figure 1(b): Shepherd relative to local training — Shepherd − Local per task
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot difference.gp
# Reads difference.dat; writes difference.png (pngcairo) and difference.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set terminal pngcairo size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'difference.png'
set multiplot layout 1,3 title 'Figure 1(b): Shepherd relative to local training — Shepherd − Local per task' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel ''
set ylabel 'accuracy difference (points)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set xzeroaxis lc rgb '#444444' lw 1 dt 2
set yrange [*<0:0<*]
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
plot 'difference.dat' index 0 using 2:3:4:xtic(1) title 'Shepherd − Local' lt 1
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel ''
set ylabel 'CIDEr difference (points)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set xzeroaxis lc rgb '#444444' lw 1 dt 2
set yrange [*<0:0<*]
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
plot 'difference.dat' index 1 using 2:3:4:xtic(1) title 'Shepherd − Local' lt 1
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel ''
set ylabel 'Acc@IoU0.5 difference (points)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set xzeroaxis lc rgb '#444444' lw 1 dt 2
set yrange [*<0:0<*]
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
plot 'difference.dat' index 2 using 2:3:4:xtic(1) title 'Shepherd − Local' lt 1
unset multiplot
unset output
set terminal svg size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'difference.svg'
set multiplot layout 1,3 title 'Figure 1(b): Shepherd relative to local training — Shepherd − Local per task' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel ''
set ylabel 'accuracy difference (points)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set xzeroaxis lc rgb '#444444' lw 1 dt 2
set yrange [*<0:0<*]
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
plot 'difference.dat' index 0 using 2:3:4:xtic(1) title 'Shepherd − Local' lt 1
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel ''
set ylabel 'CIDEr difference (points)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set xzeroaxis lc rgb '#444444' lw 1 dt 2
set yrange [*<0:0<*]
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
plot 'difference.dat' index 1 using 2:3:4:xtic(1) title 'Shepherd − Local' lt 1
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel ''
set ylabel 'Acc@IoU0.5 difference (points)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set xzeroaxis lc rgb '#444444' lw 1 dt 2
set yrange [*<0:0<*]
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
plot 'difference.dat' index 2 using 2:3:4:xtic(1) title 'Shepherd − Local' lt 1
unset multiplot
unset output
