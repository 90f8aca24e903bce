#!/usr/bin/env bash
# In-process chart engine against the C loop over libswe (shared/peers/c-limit), one thread, distinct
# inputs, alternating runs so machine noise hits both alike. Prints each pair and the median ratios, two ways:
#   wall  the median pass rate each program reports (what the machine gave it, neighbours and steal included)
#   cpu   charts per CPU-second over each whole process (both run one untimed pass and REPS timed passes over the
#         same N inputs; ZodiaCore's count includes the .NET runtime's start-up and JIT)
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

CPUTIME="$ROOT/bench/lib/cputime.py"
source "$ROOT/bench/lib/common.sh"
REPS=5

rate() { grep -o ' charts_per_s=[0-9.]*' "$1" | tail -1 | cut -d= -f2; }
cpu() { grep -o '^cpu_s=[0-9.]*' "$1" | cut -d= -f2; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(machine); $N charts x $REPS reps per run"
ratios=()
cpu_ratios=()
for i in $(seq 1 "$PAIRS"); do
  # Which one runs first alternates, so neither always gets the machine just after the other's load.
  if (( i % 2 == 1 )); then
    "$CPUTIME" "$WORK/c-limit/bench" -n "$N" -r "$REPS" > "$WORK/c.out"
    "$CPUTIME" "$BENCH" --quick "$N" "$REPS" > "$WORK/z.out"
  else
    "$CPUTIME" "$BENCH" --quick "$N" "$REPS" > "$WORK/z.out"
    "$CPUTIME" "$WORK/c-limit/bench" -n "$N" -r "$REPS" > "$WORK/c.out"
  fi
  "$BENCH" --quick "$N" "$REPS" --full > "$WORK/f.out"
  c=$(rate "$WORK/c.out") z=$(rate "$WORK/z.out") f=$(rate "$WORK/f.out")
  # Same number of charts on both sides, so the ratio of charts per CPU-second is c-limit's CPU over ZodiaCore's.
  ratio=$(python3 -c "print(f'{$z/$c:.3f}')") cpu_ratio=$(python3 -c "print(f'{$(cpu "$WORK/c.out")/$(cpu "$WORK/z.out"):.3f}')")
  ratios+=("$ratio")
  cpu_ratios+=("$cpu_ratio")
  echo "pair $i wall: c-limit=$c zodiacore-core=$z ratio=$ratio | cpu: c-limit=$(cpu "$WORK/c.out")s zodiacore-core=$(cpu "$WORK/z.out")s ratio=$cpu_ratio | zodiacore-full-default-chart=$f full/c=$(python3 -c "print(f'{$f/$c:.3f}')")"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
echo "median ratio core/c-limit: wall $(median "${ratios[@]}"), cpu $(median "${cpu_ratios[@]}")"
