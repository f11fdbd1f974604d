# tasks.gp: Difference loss: released code's form vs per-token form (visual understanding) — per task
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot tasks.gp
# Reads tasks.dat; writes tasks.png (pngcairo) and tasks.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set linetype 2 lc rgb '#D55E00' lw 2 pt 5 ps 1.2 dt 1
set linetype 3 lc rgb '#009E73' lw 2 pt 9 ps 1.2 dt 1
set terminal pngcairo size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'tasks.png'
set multiplot layout 1,3 title 'Difference loss: released code''s form vs per-token form (visual understanding) — per task' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel ''
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
plot 'tasks.dat' index 0 using 2:3:4:xtic(1) title 'One adapter, no difference loss' lt 1, \
     'tasks.dat' index 0 using 5:6:7 title 'Pilot (released code''s form)' lt 2, \
     'tasks.dat' index 0 using 8:9:10 title 'Per-token form' lt 3
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel ''
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
plot 'tasks.dat' index 1 using 2:3:4:xtic(1) title 'One adapter, no difference loss' lt 1, \
     'tasks.dat' index 1 using 5:6:7 title 'Pilot (released code''s form)' lt 2, \
     'tasks.dat' index 1 using 8:9:10 title 'Per-token form' lt 3
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel ''
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
plot 'tasks.dat' index 2 using 2:3:4:xtic(1) title 'One adapter, no difference loss' lt 1, \
     'tasks.dat' index 2 using 5:6:7 title 'Pilot (released code''s form)' lt 2, \
     'tasks.dat' index 2 using 8:9:10 title 'Per-token form' lt 3
unset multiplot
unset output
set terminal svg size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'tasks.svg'
set multiplot layout 1,3 title 'Difference loss: released code''s form vs per-token form (visual understanding) — per task' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel ''
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
plot 'tasks.dat' index 0 using 2:3:4:xtic(1) title 'One adapter, no difference loss' lt 1, \
     'tasks.dat' index 0 using 5:6:7 title 'Pilot (released code''s form)' lt 2, \
     'tasks.dat' index 0 using 8:9:10 title 'Per-token form' lt 3
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel ''
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
plot 'tasks.dat' index 1 using 2:3:4:xtic(1) title 'One adapter, no difference loss' lt 1, \
     'tasks.dat' index 1 using 5:6:7 title 'Pilot (released code''s form)' lt 2, \
     'tasks.dat' index 1 using 8:9:10 title 'Per-token form' lt 3
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel ''
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
plot 'tasks.dat' index 2 using 2:3:4:xtic(1) title 'One adapter, no difference loss' lt 1, \
     'tasks.dat' index 2 using 5:6:7 title 'Pilot (released code''s form)' lt 2, \
     'tasks.dat' index 2 using 8:9:10 title 'Per-token form' lt 3
unset multiplot
unset output
