#!/usr/bin/env bash
# The long run of the model-file fuzzers (CI runs 12,000 engine and 5,000 zip cases):
#   tools/fuzz-models.sh [engine-cases] [zip-cases] [seed]
# defaults: 100,000 engine model files, 10,000 ML.NET model zips, a seed from the clock (printed, to replay a failure).
# The per-mutation tally of outcomes is written to fuzz-report.md (or $NNTRAINER_FUZZ_REPORT).
set -euo pipefail
cd "$(dirname "$0")/.."
engine_cases="${1:-100000}"
zip_cases="${2:-10000}"
seed="${3:-$(date +%s)}"
report="${NNTRAINER_FUZZ_REPORT:-$PWD/fuzz-report.md}"
: > "$report"
echo "Fuzzing $engine_cases engine model files and $zip_cases model zips, seed $seed; report: $report"
NNTRAINER_FUZZ_CASES="$engine_cases" NNTRAINER_ZIP_FUZZ_CASES="$zip_cases" NNTRAINER_FUZZ_SEED="$seed" NNTRAINER_FUZZ_REPORT="$report" \
  dotnet test tests/NNTrainer.Hardening.Tests/NNTrainer.Hardening.Tests.csproj -c Release \
  --filter "FullyQualifiedName~ModelFileFuzzTests|FullyQualifiedName~ModelZipFuzzTests" --logger "console;verbosity=normal"
cat "$report"
