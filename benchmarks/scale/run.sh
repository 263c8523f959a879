#!/usr/bin/env bash
# The scale benchmark in one command (see run.py): SIZES=100000,1000000 benchmarks/scale/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
exec /usr/bin/python3 benchmarks/scale/run.py --sizes "${SIZES:-100000,1000000,10000000}" "$@"
