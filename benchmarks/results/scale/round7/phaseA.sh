#!/bin/bash
# Audit phase A (1M rows), one command at a time. Main's builds: /tmp/s7/jit (JIT), /tmp/s7/r2r (ReadyToRun).
D=/tmp/nntrainer-scale; O=/tmp/s7/audit; J="dotnet /tmp/s7/jit/NNTrainer.Cli.dll"; R=/tmp/s7/r2r/NNTrainer.Cli
T() { local name=$1; shift; /usr/bin/time -f "TIME $name %e %U %S %M" -a -o $O/times.txt "$@"; }
cd $O
echo "load $(cat /proc/loadavg)" >> $O/times.txt
for i in 1 2; do
  T loadtxt$i /usr/bin/python3 /work/wt/scale7/benchmarks/scale/numpy_loadtxt.py $D/scale-1000000.csv > $O/loadtxt$i.out 2>&1
  T ingest$i dotnet /tmp/s7/probe/IngestProbe.dll $D/scale-1000000.csv cli > $O/ingest$i.json 2>&1
done
T train1m-e2 $J train $D/scale-1000000.csv --label label --epochs 2 --seed 1 --no-plots --json -o $O/m1m-e2.zip > $O/train1m-e2.json 2>$O/train1m-e2.err
T train1m-e3 $J train $D/scale-1000000.csv --label label --epochs 3 --seed 1 --no-plots --json -o $O/m1m-e3.zip > $O/train1m-e3.json 2>$O/train1m-e3.err
echo "load $(cat /proc/loadavg)" >> $O/times.txt
for i in 1 2 3; do
  T predR$i taskset -c 0 $R predict $O/m1m-e2.zip $D/scale-1000000.csv --out $O/pR.csv --json > $O/predR$i.json 2>&1
  T predJ$i taskset -c 0 $J predict $O/m1m-e2.zip $D/scale-1000000.csv --out $O/pJ.csv --json > $O/predJ$i.json 2>&1
done
cmp $O/pR.csv $O/pJ.csv && echo "cmp predR predJ identical" >> $O/times.txt
T eval1m $J evaluate $O/m1m-e2.zip $D/scale-1000000.csv --json > $O/eval1m.json 2>&1
for m in m1m-e2 m1m-e3; do $J evaluate $O/$m.zip $D/holdout-100000.csv --json > $O/hold-$m.json 2>&1; done
echo "load $(cat /proc/loadavg)" >> $O/times.txt
echo PHASE_A_DONE >> $O/times.txt
