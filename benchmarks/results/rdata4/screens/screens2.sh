set -u
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
B=/work/wt/set4/benchmarks/NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll
s() { local name="$1" ds="$2"; shift 2
  NNTRAINER_BENCH_CLI_ARGS="$*" dotnet $B --data /tmp/set4/run/data --out /tmp/set4/screens/$name --splits 5 --datasets "$ds" --systems cli --title "screen $name: $*" 2>&1 | grep 'NNTrainer CLI  ' | sed "s/\$/   [$*]/"; }
cd /tmp/set4
s longfalse beps,exam,contraception,scotssec --long-training false
s l2x30 beps --l2 0.03
s l2x100 beps --l2 0.1
s holdout beps,exam --hold-out-epochs true
s scotssec-auto-cat scotssec --task regression --categorical primary,second --max-categories 200
