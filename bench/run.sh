#!/usr/bin/env bash
# Times the strata CLI as a whole process on synthetic linear chains (see generate.sh).
#
#   bench/run.sh
#
# Needs the built distribution (dist/target/strata/bin/strata); builds nothing. For each N in
# BENCH_SIZES (default "100 1000 10000"; 100 is the warm baseline, mostly JVM start-up) it
# regenerates bench/out/chain-N, runs `strata upgrade base:head --versions DIR -o /dev/null` once
# untimed, then BENCH_RUNS times (default 3), and prints a Markdown table on stdout: best and
# median wall-clock seconds (bash `time`, millisecond resolution), the peak resident set size
# over the timed runs (GNU /usr/bin/time %M; the column is left out when that is not available)
# and best seconds per 1,000 revisions. Progress goes to stderr. STRATA overrides the launcher.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
strata=${STRATA:-$root/dist/target/strata/bin/strata}
sizes=${BENCH_SIZES:-100 1000 10000}
runs=${BENCH_RUNS:-3}
out=$root/bench/out

if [[ ! -x $strata ]]; then
  {
    echo "bench/run.sh: error: the strata launcher is missing: $strata"
    echo "  build the distribution first, at the repository root:"
    echo "    mvn -q -B -DskipTests package"
    echo "  (it assembles dist/target/strata/{bin/strata,lib/*.jar}), then run bench/run.sh again."
  } >&2
  exit 1
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: error: BENCH_RUNS must be a positive integer" >&2; exit 2; }

# Peak RSS needs GNU time's %M; probe it rather than trusting the path.
have_rss=false
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
  have_rss=true
fi

tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT

# run_once DIR: runs strata once; sets $wall (seconds) and $rss_kib (KiB, or empty).
run_once() {
  local dir=$1 cmd
  cmd=("$strata" upgrade base:head --versions "$dir" -o /dev/null)
  if $have_rss; then
    cmd=(/usr/bin/time -f %M -o "$tmp/rss" "${cmd[@]}")
  fi
  local TIMEFORMAT=%3R status=0
  { time "${cmd[@]}" >/dev/null 2>"$tmp/stderr"; } 2>"$tmp/wall" || status=$?
  if ((status != 0)); then
    echo "bench/run.sh: error: strata exited with status $status on $dir:" >&2
    sed 's/^/  | /' "$tmp/stderr" >&2
    exit 1
  fi
  wall=$(tail -n 1 "$tmp/wall")
  rss_kib=""
  if $have_rss; then rss_kib=$(tail -n 1 "$tmp/rss"); fi
}

# stats: reads numbers (one per line); prints "best median".
stats() {
  sort -g | awk '{ v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%.3f %.3f\n", v[1], m }'
}

mkdir -p -- "$out"
rows=()
for n in $sizes; do
  dir=$out/chain-$n
  rm -rf -- "$dir"
  echo "bench: generating $n revisions in ${dir#"$root"/}" >&2
  "$root/bench/generate.sh" "$n" "$dir"
  files=$(find "$dir" -maxdepth 1 -name '*.sql' | wc -l)
  echo "bench: N=$n warm-up run" >&2
  run_once "$dir"
  : >"$tmp/walls"
  peak=0
  for ((r = 1; r <= runs; r++)); do
    run_once "$dir"
    echo "bench: N=$n run $r/$runs: ${wall}s${rss_kib:+, ${rss_kib} KiB}" >&2
    echo "$wall" >>"$tmp/walls"
    if [[ -n $rss_kib ]] && ((rss_kib > peak)); then peak=$rss_kib; fi
  done
  read -r best median < <(stats <"$tmp/walls")
  per_k=$(awk -v b="$best" -v n="$n" 'BEGIN { printf "%.3f", b * 1000 / n }')
  if $have_rss; then
    rss_mib=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
    rows+=("| $n | $files | $best | $median | $rss_mib | $per_k |")
  else
    rows+=("| $n | $files | $best | $median | $per_k |")
  fi
done

echo "\`strata upgrade base:head --versions bench/out/chain-N -o /dev/null\`, best and median of $runs runs" \
  "after one warm-up; $(uname -srm), $(nproc) CPUs, $(date -u +%Y-%m-%d)."
echo
if $have_rss; then
  echo "| N | files | best s | median s | peak RSS MiB | s per 1,000 revisions |"
  echo "|---:|---:|---:|---:|---:|---:|"
else
  echo "| N | files | best s | median s | s per 1,000 revisions |"
  echo "|---:|---:|---:|---:|---:|"
fi
printf '%s\n' "${rows[@]}"
