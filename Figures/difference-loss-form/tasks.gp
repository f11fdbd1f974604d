# tasks.gp: Difference loss: released code's form vs per-token form (visual understanding) — per task
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot tasks.gp
# Reads tasks.dat; writes tasks.png (pngcairo) and tasks.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set linetype 2 lc rgb '#D55E00' lw 2 pt 5 ps 1.2 dt 1
set linetype 3 lc rgb '#009E73' lw 2 pt 9 ps 1.2 dt 1
set title 'Difference loss: released code''s form vs per-token form (visual understanding) — per task'
set xlabel 'task'
set ylabel 'mean client score (accuracy %, CIDEr-D × 100, Acc@IoU0.5 %)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key outside right top vertical Left reverse
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.85 border rgb '#333333'
set yrange [*<0:0<*]
set xtics scale 0
set terminal pngcairo size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'tasks.png'
plot 'tasks.dat' using 2:3:xtic(1) title 'One adapter, no difference loss' lt 1, \
     'tasks.dat' using 4:5 title 'Pilot (released code''s form)' lt 2, \
     'tasks.dat' using 6:7 title 'Per-token form (DESIGN §5)' lt 3
set terminal svg size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'tasks.svg'
replot
unset output
