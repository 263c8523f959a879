#!/usr/bin/env bash
# Side-by-side benchmark: NNTrainer's FMNIST-MLP and spiral workloads next to the anchors (PyTorch, NumPy; optionally
# scikit-learn and TorchSharp), run one after another (never two at once), then one table and one JSON:
#   benchmarks/results/summary.md    the table (system, threads, s/epoch, ratio to PyTorch, GEMM fraction, accuracy, RSS)
#   benchmarks/results/summary.json  one record per system, workload and thread count
# Every run also leaves results/<name>.{json,log,time} (anchors' under results/anchors/).
#
# usage: benchmarks/run.sh [--only nntrainer] [--reps N] [--epochs N] [--threads "2 1"] [--all-anchors] [--workload LIST]
#   --workload: comma-separated from mlp, spiral, shallownet, lenet, minivggnet, cnn (= the three convnets);
#               default "mlp,spiral" (with the allocation check and GEMM rate); naming workloads runs just those.
# env:   ANCHORS_DIR (default: ../shared/anchors beside the repository), FASHION_MNIST_DIR, PYTHON (/usr/bin/python3),
#        IDLE_WAIT_S (60: how long to wait for other processes to go idle before each run), RESULTS_DIR
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
ONLY=""; REPS=3; EPOCHS=10; THREADS="2 1"; ALL_ANCHORS=0; WORKLOADS=
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --epochs) EPOCHS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --all-anchors) ALL_ANCHORS=1; shift ;;
    --workload) WORKLOADS="$2"; shift 2 ;;
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
DEFAULT_SET=0; [ -z "$WORKLOADS" ] && { WORKLOADS="mlp,spiral"; DEFAULT_SET=1; }
WORKLOADS=",${WORKLOADS//cnn/shallownet,lenet,minivggnet},"
wants() { case "$WORKLOADS" in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
for w in ${WORKLOADS//,/ }; do
  case "$w" in mlp|spiral|shallownet|lenet|minivggnet) ;; *) echo "unknown workload $w (mlp, spiral, shallownet, lenet, minivggnet, cnn)"; exit 2 ;; esac
done
export FASHION_MNIST_DIR="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
PYTHON="${PYTHON:-/usr/bin/python3}"
IDLE_WAIT_S="${IDLE_WAIT_S:-60}"
RESULTS="${RESULTS_DIR:-$HERE/results}"
TIMEV=/usr/bin/time; [ -x "$TIMEV" ] || TIMEV=""

ANCHORS=""
for d in "${ANCHORS_DIR:-}" "$ROOT/../shared/anchors" "$ROOT/../../shared/anchors" /work/shared/anchors; do
  if [ -n "$d" ] && [ -f "$d/run_all.sh" ]; then ANCHORS="$(cd "$d" && pwd)"; break; fi
done
if [ -z "$ONLY" ] && [ -z "$ANCHORS" ]; then echo "anchors not found (set ANCHORS_DIR), running NNTrainer only"; ONLY=nntrainer; fi

echo "building (Release)..."
dotnet build "$HERE/NNTrainer.Bench.Runner/NNTrainer.Bench.Runner.csproj" -c Release -v quiet -nologo > "$RESULTS.build.log" 2>&1 \
  && dotnet build "$HERE/NNTrainer.Benchmarks/NNTrainer.Benchmarks.csproj" -c Release -v quiet -nologo >> "$RESULTS.build.log" 2>&1 \
  || { cat "$RESULTS.build.log"; exit 1; }
rm -f "$RESULTS.build.log"
RUNNER="$HERE/NNTrainer.Bench.Runner/bin/Release/net10.0/NNTrainer.Bench.Runner"
BENCH="$HERE/NNTrainer.Benchmarks/bin/Release/net10.0/NNTrainer.Benchmarks"

rm -rf "$RESULTS"; mkdir -p "$RESULTS/anchors"
export ANCHORS_RESULTS_DIR="$RESULTS/anchors"

# Busy fraction of all CPUs over one second, from /proc/stat (0..100).
cpu_busy() {
  read -r _ a1 b1 c1 d1 e1 f1 g1 h1 _ < /proc/stat; sleep 1
  read -r _ a2 b2 c2 d2 e2 f2 g2 h2 _ < /proc/stat
  local busy=$(( (a2+b2+c2+f2+g2+h2) - (a1+b1+c1+f1+g1+h1) )) idle=$(( (d2+e2) - (d1+e1) ))
  echo $(( 100 * busy / (busy + idle + 1) ))
}
wait_idle() {
  local waited=0 b; b=$(cpu_busy)
  while [ "$b" -gt 10 ] && [ "$waited" -lt "$IDLE_WAIT_S" ]; do sleep 2; waited=$((waited + 3)); b=$(cpu_busy); done
  echo "$b"
}

# run DIR NAME THREADS CMD...: one measurement under /usr/bin/time -v, output in DIR/NAME.{log,time}.
run() {
  local dir=$1 name=$2 threads=$3; shift 3
  local busy; busy=$(wait_idle)
  printf '%-36s t=%s (CPU busy before: %s%%) ... ' "$name" "$threads" "$busy"
  local t0 t1 rc; t0=$(date +%s.%N)
  if [ -n "$TIMEV" ]; then
    OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads MKL_NUM_THREADS=$threads \
      "$TIMEV" -v -o "$dir/$name.time" "$@" > "$dir/$name.log" 2>&1
  else
    OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads MKL_NUM_THREADS=$threads "$@" > "$dir/$name.log" 2>&1
  fi
  rc=$?; t1=$(date +%s.%N)
  echo "busy_before_pct=$busy rc=$rc" >> "$dir/$name.time"
  printf 'rc=%s %.1fs\n' "$rc" "$(echo "$t1 - $t0" | bc)"
  [ $rc -eq 0 ] || tail -5 "$dir/$name.log"
}
anchor() { [ -z "$ONLY" ]; }

if [ "$DEFAULT_SET" = 1 ]; then
echo "== zero-allocation check"
"$BENCH" --alloc | tee "$RESULTS/allocation.txt"

echo "== GEMM rate"
for t in $THREADS; do
  run "$RESULTS" gemm_nntrainer_t$t $t "$RUNNER" gemm --threads $t --results "$RESULTS"
  anchor && run "$RESULTS/anchors" gemm_py_t$t $t "$PYTHON" "$ANCHORS/py/gemm_bench.py" --threads $t
done
fi

if wants mlp; then
echo "== FMNIST-MLP, $EPOCHS epochs, $REPS repetitions (interleaved)"
for r in $(seq 1 "$REPS"); do
  for t in $THREADS; do
    # Seed r−1 for repetition r: the accuracy column is then a mean over seeds, not one chosen seed.
    run "$RESULTS" fmnist_nntrainer_t${t}_r$r $t "$RUNNER" fmnist --threads $t --epochs "$EPOCHS" --seed $((r - 1)) --results "$RESULTS" --tag fmnist_nntrainer_t${t}_r$r
    anchor && run "$RESULTS/anchors" fmnist_torch_t${t}_r$r $t "$PYTHON" "$ANCHORS/py/fmnist_torch.py" --threads $t --epochs "$EPOCHS" --tag fmnist_torch_t${t}_r$r
    if anchor && [ "$ALL_ANCHORS" = 1 ]; then
      run "$RESULTS/anchors" fmnist_nnfs_t${t}_r$r $t "$PYTHON" "$ANCHORS/py/fmnist_nnfs.py" --threads $t --epochs "$EPOCHS" --tag fmnist_nnfs_t${t}_r$r
      run "$RESULTS/anchors" fmnist_sklearn_t${t}_r$r $t "$PYTHON" "$ANCHORS/py/fmnist_sklearn.py" --threads $t --epochs "$EPOCHS" --tag fmnist_sklearn_t${t}_r$r
      TS="$ANCHORS/build/TorchSharpBench/TorchSharpBench"
      [ -x "$TS" ] && run "$RESULTS/anchors" fmnist_torchsharp_t${t}_r$r $t "$TS" fmnist --threads $t --epochs "$EPOCHS" --results "$RESULTS/anchors" --tag fmnist_torchsharp_t${t}_r$r
    fi
  done
done

fi

# The book's convnets (cnn_torch.py's settings): NNTrainer and PyTorch alternately, same epochs and threads.
for arch in shallownet lenet minivggnet; do
  wants $arch || continue
  echo "== FMNIST-$arch, $EPOCHS epochs, $REPS repetitions (interleaved)"
  for r in $(seq 1 "$REPS"); do
    for t in $THREADS; do
      run "$RESULTS" cnn_${arch}_nntrainer_t${t}_r$r $t "$RUNNER" cnn --arch $arch --threads $t --epochs "$EPOCHS" --seed $((r - 1)) --results "$RESULTS" --tag cnn_${arch}_nntrainer_t${t}_r$r
      anchor && run "$RESULTS/anchors" cnn_${arch}_torch_t${t}_r$r $t "$PYTHON" "$ANCHORS/py/cnn_torch.py" --arch $arch --threads $t --epochs "$EPOCHS" --tag cnn_${arch}_torch_t${t}_r$r
    done
  done
done

if wants spiral; then
echo "== spiral 2-64-3, 10,000 full-batch epochs, 1 thread"
DATA="${ANCHORS:+$ANCHORS/data}"
for r in $(seq 1 "$REPS"); do
  run "$RESULTS" spiral100_nntrainer_t1_r$r 1 "$RUNNER" spiral --threads 1 --samples 100 ${DATA:+--data "$DATA"} --results "$RESULTS" --tag spiral100_nntrainer_t1_r$r
  run "$RESULTS" spiral100_nntrainer_t1_warm_r$r 1 "$RUNNER" spiral --threads 1 --samples 100 --warm ${DATA:+--data "$DATA"} --results "$RESULTS" --tag spiral100_nntrainer_t1_warm_r$r
  anchor && run "$RESULTS/anchors" spiral100_torch_t1_r$r 1 "$PYTHON" "$ANCHORS/py/spiral_bench.py" --system torch --threads 1 --samples 100 --tag spiral100_torch_t1_r$r
  anchor && run "$RESULTS/anchors" spiral100_numpy_t1_r$r 1 "$PYTHON" "$ANCHORS/py/spiral_bench.py" --system numpy --threads 1 --samples 100 --tag spiral100_numpy_t1_r$r
done

fi

echo "== table"
"$RUNNER" report --results "$RESULTS"
