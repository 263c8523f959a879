# usage: bench.sh TAG  (runs the copied bench TAG/NNTrainer.Defaults.Bench.dll on the band tables, CLI only, 5 splits)
TAG=$1
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
cd /tmp/refit18
DLL=/tmp/refit18/$TAG/NNTrainer.Defaults.Bench.dll; [ -d /tmp/refit18/$TAG ] || exit 2
run() { dotnet $DLL --data $2 --out out-$TAG/$1 --splits 5 --datasets $3 --systems cli --title "$TAG $1" > out-$TAG/$1.log 2>&1; echo "$1 done rc=$?"; }
mkdir -p out-$TAG
run r3 /tmp/factors17/r3/quoted bfi,chfls,segmentation
run r2 /tmp/factors17/r2/quoted attrition,credit,chile
run r4 /tmp/q4/data scotssec,exam,beps,contraception
