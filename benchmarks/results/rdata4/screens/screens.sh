set -u
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
B=/work/wt/set4/benchmarks/NNTrainer.Defaults.Bench/bin/Release/net10.0/NNTrainer.Defaults.Bench.dll
s() { # name datasets args...
  local name="$1" ds="$2"; shift 2
  NNTRAINER_BENCH_CLI_ARGS="$*" dotnet $B --data /tmp/set4/run/data --out /tmp/set4/screens/$name --splits 5 --datasets "$ds" --systems cli --title "screen $name: $*" 2>&1 | grep 'NNTrainer CLI'
}
cd /tmp/set4
s cat-district contraception --categorical district
s cat-school exam --categorical school
s cat-school160 hsb82 --categorical school --max-categories 200
s l2 contraception,beps,bankwages,pbc,exam --l2 0.01
s noscale bankwages,pbc --scale-l2-small-data false
s epochs200 bankwages,pbc,beps --epochs 200
s hidden1 beps,bankwages,pbc --hidden 1
s cat-school-cap exam --categorical school --l2 0.01
