#!/usr/bin/env bash
# In-process chart engine against the C loop over libswe (shared/peers/c-limit), one thread, distinct
# inputs, alternating runs so machine noise hits both alike. Prints each pair and the median ratio.
#
#   bench/engine.sh [PAIRS=5] [CHARTS=20000]
# Needs: make build (Release), apt libswe-dev swe-standard-data, gcc.
set -euo pipefail
PAIRS=${1:-5}
N=${2:-20000}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$SHARED/peers/c-limit" "$WORK/c-limit"
(cd "$WORK/c-limit" && ./build.sh >/dev/null)
BENCH="$ROOT/bench/ChartEngine.Benchmarks/bin/Release/net10.0/ChartEngine.Benchmarks"

rate() { grep -o 'charts_per_s=[0-9.]*' | tail -1 | cut -d= -f2; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $N charts x 5 reps per run"
ratios=()
for i in $(seq 1 "$PAIRS"); do
  # Which one runs first alternates, so neither always gets the machine just after the other's load.
  if (( i % 2 == 1 )); then
    c=$("$WORK/c-limit/bench" -n "$N" -r 5 | rate)
    z=$("$BENCH" --quick "$N" 5 | rate)
  else
    z=$("$BENCH" --quick "$N" 5 | rate)
    c=$("$WORK/c-limit/bench" -n "$N" -r 5 | rate)
  fi
  f=$("$BENCH" --quick "$N" 5 --full | rate)
  ratio=$(python3 -c "print(f'{$z/$c:.3f}')")
  ratios+=("$ratio")
  echo "pair $i c-limit=$c zodiacore-core=$z ratio=$ratio zodiacore-full-default-chart=$f full/c=$(python3 -c "print(f'{$f/$c:.3f}')")"
done
echo "median ratio core/c-limit: $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
