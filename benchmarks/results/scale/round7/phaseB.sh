#!/bin/bash
# Audit phase B (10M rows, Parquet) with main's JIT build, one command at a time.
D=/tmp/nntrainer-scale; O=/tmp/s7/audit; J="dotnet /tmp/s7/jit/NNTrainer.Cli.dll"
T() { local name=$1; shift; /usr/bin/time -f "TIME $name %e %U %S %M" -a -o $O/times.txt "$@"; }
cd $O
echo "load $(cat /proc/loadavg)" >> $O/times.txt
T train1m-stream $J train $D/scale-1000000.csv --label label --epochs 2 --seed 1 --no-plots --json --streaming -o $O/m1m-stream.zip > $O/train1m-stream.json 2>&1
T train10m-auto $J train $D/scale-10000000.csv --label label --epochs 2 --seed 1 --no-plots --json --memory-budget 2000 -o $O/m10m-auto.zip > $O/train10m-auto.json 2>&1
T pred10m $J predict $O/m10m-auto.zip $D/scale-10000000.csv --out $O/p10m.csv --json > $O/pred10m.json 2>&1
head -3 $O/p10m.csv > $O/p10m.head; wc -l < $O/p10m.csv > $O/p10m.lines; rm -f $O/p10m.csv
T eval10m $J evaluate $O/m10m-auto.zip $D/scale-10000000.csv --json > $O/eval10m.json 2>&1
for m in m1m-stream m10m-auto; do $J evaluate $O/$m.zip $D/holdout-100000.csv --json > $O/hold-$m.json 2>&1; done
echo "load $(cat /proc/loadavg)" >> $O/times.txt
[ -f $D/scale-10000000.parquet ] || T c2p10m dotnet /tmp/s7/c2p/CsvToParquet.dll $D/scale-10000000.csv $D/scale-10000000.parquet > $O/c2p.log 2>&1
T pq1m-stream $J train $D/scale-1000000.parquet --label label --epochs 2 --seed 1 --no-plots --json --streaming -o $O/mpq1m.zip > $O/pq1m-stream.json 2>&1
T pq1m-pred-pq $J predict $O/m1m-stream.zip $D/scale-1000000.parquet --out $O/ppq1m.parquet --json > $O/pq1m-pred-pq.json 2>&1
T pq1m-pred-csv $J predict $O/m1m-stream.zip $D/scale-1000000.parquet --out $O/ppq1m.csv --json > $O/pq1m-pred-csv.json 2>&1
T csv1m-pred-csv $J predict $O/m1m-stream.zip $D/scale-1000000.csv --out $O/pcsv1m.csv --json > $O/csv1m-pred-csv.json 2>&1
cmp $O/ppq1m.csv $O/pcsv1m.csv && echo "cmp pq->csv csv->csv identical" >> $O/times.txt
rm -f $O/ppq1m.csv $O/pcsv1m.csv $O/ppq1m.parquet
T pq1m-eval $J evaluate $O/m1m-stream.zip $D/scale-1000000.parquet --json > $O/pq1m-eval.json 2>&1
T pq10m-stream $J train $D/scale-10000000.parquet --label label --epochs 2 --seed 1 --no-plots --json --streaming -o $O/mpq10m.zip > $O/pq10m-stream.json 2>&1
T pq10m-pred-pq $J predict $O/mpq10m.zip $D/scale-10000000.parquet --out $O/ppq10m.parquet --json > $O/pq10m-pred-pq.json 2>&1
ls -l $O/ppq10m.parquet >> $O/times.txt; rm -f $O/ppq10m.parquet
$J evaluate $O/mpq10m.zip $D/holdout-100000.csv --json > $O/hold-mpq10m.json 2>&1
echo "load $(cat /proc/loadavg)" >> $O/times.txt
echo PHASE_B_DONE >> $O/times.txt
