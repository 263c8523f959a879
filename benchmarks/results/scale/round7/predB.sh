#!/bin/bash
D=/tmp/nntrainer-scale; O=/tmp/s7/audit; J="dotnet /tmp/s7/jit/NNTrainer.Cli.dll"; R=/tmp/s7/r2r/NNTrainer.Cli
T() { local name=$1; shift; /usr/bin/time -f "TIME $name %e %U %S %M" -a -o $O/times.txt "$@"; }
echo "load $(cat /proc/loadavg)" >> $O/times.txt
for i in 4 5 6; do
  T predR$i taskset -c 0 $R predict $O/m1m-e2.zip $D/scale-1000000.csv --out $O/pR.csv --json > $O/predR$i.json 2>&1
  T predJ$i taskset -c 0 $J predict $O/m1m-e2.zip $D/scale-1000000.csv --out $O/pJ.csv --json > $O/predJ$i.json 2>&1
done
cmp $O/pR.csv $O/pJ.csv && echo "cmp predR predJ identical (round 2)" >> $O/times.txt
echo "load $(cat /proc/loadavg)" >> $O/times.txt
