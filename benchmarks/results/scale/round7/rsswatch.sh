#!/bin/bash
# Samples VmRSS of a predict Parquet -> Parquet run on 10M rows every 5 s.
dotnet /tmp/s7/new3/NNTrainer.Cli.dll predict /tmp/s7/audit/mpq10m.zip /tmp/nntrainer-scale/scale-10000000.parquet --out /tmp/s7/audit/ppq10m-w.parquet -q > /tmp/s7/audit/rsswatch.out 2>&1 &
pid=$!
while kill -0 $pid 2>/dev/null; do echo "$(date +%s) $(grep VmRSS /proc/$pid/status 2>/dev/null | awk '{print $2}') $(grep VmHWM /proc/$pid/status 2>/dev/null | awk '{print $2}')"; sleep 5; done > /tmp/s7/audit/rsswatch.log
rm -f /tmp/s7/audit/ppq10m-w.parquet
