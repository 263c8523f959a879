#!/bin/bash
# before/after pairs, alternating order
for i in 1 2 3 4 5; do
  for v in before after; do
    /work/$v-bench/NNTrainer.Bench.Runner fmnist --threads 1 --epochs 5 --seed 0 --results /tmp/mb/f --tag f_${v}_$i > /dev/null 2>&1
    /work/$v-bench/NNTrainer.Bench.Runner spiral --threads 1 --samples 100 --warm --results /tmp/mb/s --tag s_${v}_$i > /dev/null 2>&1
  done
done
