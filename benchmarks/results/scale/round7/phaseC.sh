#!/bin/bash
D=/tmp/nntrainer-scale; O=/tmp/s7/audit; J="dotnet /tmp/s7/jit/NNTrainer.Cli.dll"; N="dotnet /tmp/s7/new/NNTrainer.Cli.dll"
T() { local name=$1; shift; /usr/bin/time -f "TIME $name %e %U %S %M" -a -o $O/times.txt "$@"; }
cd $O
echo "load $(cat /proc/loadavg)" >> $O/times.txt
for s in 1m 2m; do
  NNTRAINER_MEMORY_TRACE=1 T wide$s $J train /tmp/s7/wide/wide-$s.csv --label label --epochs 1 --seed 1 --no-plots --json -o $O/wide$s.zip > $O/wide$s.json 2>$O/wide$s.err
done
T new1m-stream $N train $D/scale-1000000.csv --label label --epochs 2 --seed 1 --no-plots --json --streaming -o $O/n1m-stream.zip > $O/new1m-stream.json 2>&1
$N evaluate $O/n1m-stream.zip $D/holdout-100000.csv --json > $O/hold-n1m-stream.json 2>&1
echo "load $(cat /proc/loadavg)" >> $O/times.txt
T new10m-stream $N train $D/scale-10000000.csv --label label --epochs 2 --seed 1 --no-plots --json --streaming -o $O/n10m-stream.zip > $O/new10m-stream.json 2>&1
$N evaluate $O/n10m-stream.zip $D/holdout-100000.csv --json > $O/hold-n10m-stream.json 2>&1
echo "load $(cat /proc/loadavg)" >> $O/times.txt
echo PHASE_C_DONE >> $O/times.txt
