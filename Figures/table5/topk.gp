# topk.gp: Table 5: text-adapter aggregation strategies (visual understanding) — score against top-k
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot topk.gp
# Reads topk.dat; writes topk.png (pngcairo) and topk.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set linetype 2 lc rgb '#D55E00' lw 2 pt 5 ps 1.2 dt 1
set linetype 3 lc rgb '#009E73' lw 2 pt 9 ps 1.2 dt 1
set title 'Table 5: text-adapter aggregation strategies (visual understanding) — score against top-k'
set xlabel 'top-k (clients averaged into each text adapter)'
set ylabel 'mean client score (accuracy %, CIDEr-D × 100, Acc@IoU0.5 %)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key outside right top vertical Left reverse
set autoscale xfix
set xtics ('5' 5, '6' 6, '7' 7)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set terminal pngcairo size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'topk.png'
plot 'topk.dat' index 0 using 1:2:3 with yerrorlines lt 1 title 'GQA', \
     'topk.dat' index 1 using 1:2:3 with yerrorlines lt 2 title 'COCO', \
     'topk.dat' index 2 using 1:2:3 with yerrorlines lt 3 title 'RefCOCO'
set terminal svg size 800,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'topk.svg'
replot
unset output
