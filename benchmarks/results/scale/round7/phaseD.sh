#!/bin/bash
# Waits for the RSS watch (a 10M job) to end, then the automatic switch at 10M rows with this branch's build.
O=/tmp/s7/audit; D=/tmp/nntrainer-scale
while pgrep -f "rsswatch.sh" > /dev/null; do sleep 5; done
echo "load $(cat /proc/loadavg)" >> $O/times.txt
/usr/bin/time -f "TIME new10m-auto %e %U %S %M" -a -o $O/times.txt dotnet /tmp/s7/new3/NNTrainer.Cli.dll train $D/scale-10000000.csv --label label --epochs 2 --seed 1 --no-plots --json --memory-budget 2000 -o $O/n10m-auto.zip > $O/new10m-auto.json 2>&1
dotnet /tmp/s7/new3/NNTrainer.Cli.dll evaluate $O/n10m-auto.zip $D/holdout-100000.csv --json > $O/hold-n10m-auto.json 2>&1
echo "load $(cat /proc/loadavg)" >> $O/times.txt
echo PHASE_D_DONE >> $O/times.txt
