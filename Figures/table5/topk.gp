# topk.gp: Table 5: text-adapter aggregation strategies (visual understanding) — score against top-k
# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot topk.gp
# Reads topk.dat; writes topk.png (pngcairo) and topk.svg.
reset
unset decimalsign
set encoding utf8
set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 1.2 dt 1
set terminal pngcairo size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'topk.png'
set multiplot layout 1,3 title 'Table 5: text-adapter aggregation strategies (visual understanding) — score against top-k' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel 'top-k (clients averaged into each text adapter)'
set ylabel 'accuracy (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set xtics ('5' 5, '6' 6, '7' 7)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*<100]
plot 'topk.dat' index 0 using 1:2:3:4 with yerrorlines lt 1 title 'GQA'
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel 'top-k (clients averaged into each text adapter)'
set ylabel 'CIDEr-D × 100'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set xtics ('5' 5, '6' 6, '7' 7)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*]
plot 'topk.dat' index 1 using 1:2:3:4 with yerrorlines lt 1 title 'COCO'
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel 'top-k (clients averaged into each text adapter)'
set ylabel 'Acc@IoU0.5 (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set autoscale xfix
set xtics ('5' 5, '6' 6, '7' 7)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*<100]
plot 'topk.dat' index 2 using 1:2:3:4 with yerrorlines lt 1 title 'RefCOCO'
unset multiplot
unset output
set terminal svg size 1240,480 font 'DejaVu Sans,10' noenhanced background rgb '#ffffff'
set output 'topk.svg'
set multiplot layout 1,3 title 'Table 5: text-adapter aggregation strategies (visual understanding) — score against top-k' margins 0.06,0.879032,0.16,0.86 spacing 0.06,0.1
reset
unset decimalsign
set encoding utf8
set title 'GQA'
set xlabel 'top-k (clients averaged into each text adapter)'
set ylabel 'accuracy (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set xtics ('5' 5, '6' 6, '7' 7)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*<100]
plot 'topk.dat' index 0 using 1:2:3:4 with yerrorlines lt 1 title 'GQA'
reset
unset decimalsign
set encoding utf8
set title 'COCO'
set xlabel 'top-k (clients averaged into each text adapter)'
set ylabel 'CIDEr-D × 100'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
unset key
set autoscale xfix
set xtics ('5' 5, '6' 6, '7' 7)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*]
plot 'topk.dat' index 1 using 1:2:3:4 with yerrorlines lt 1 title 'COCO'
reset
unset decimalsign
set encoding utf8
set title 'RefCOCO'
set xlabel 'top-k (clients averaged into each text adapter)'
set ylabel 'Acc@IoU0.5 (%)'
set border 3
set tics nomirror
set grid ytics lt 1 lc rgb '#d9d9d9' lw 1
set key at screen 0.995,0.86 right top vertical Left reverse
set autoscale xfix
set xtics ('5' 5, '6' 6, '7' 7)
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05
set yrange [0:*<100]
plot 'topk.dat' index 2 using 1:2:3:4 with yerrorlines lt 1 title 'RefCOCO'
unset multiplot
unset output
