#!/usr/bin/env bash
# Times the schema replay against `strata upgrade base:head` on mixed chains (generate-mixed.sh).
#
#   bench/replay.sh          # BENCH_SIZES="1000 10000" BENCH_RUNS=3 by default
#
# Needs the built distribution (dist/target/strata); builds nothing. For each N it regenerates
# bench/out/mixed-N, then prints one Markdown row: the median wall-clock seconds (bash `time`,
# after one untimed run) of `strata upgrade base:head -o /dev/null` and of `strata check` (which
# parses, compiles every revision both ways and replays), and the in-process replay times of
# bench/ReplayBench.java in one fresh JVM with the launcher's flags (first = what a CLI process
# pays, warm = median of BENCH_RUNS more), the warm check pass in CPU time of the replaying thread
# (steady under load from other processes, collector pauses left out), and replay as a share of
# the upgrade time (which includes it: every compilation runs the check pass).
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
strata=$root/dist/target/strata/bin/strata
sizes=${BENCH_SIZES:-1000 10000}
runs=${BENCH_RUNS:-3}
out=$root/bench/out
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[[ -x $strata ]] || { echo "bench/replay.sh: error: build first: mvn -q -DskipTests package" >&2; exit 1; }

# median_time CMD...: runs CMD once untimed, then $runs times; prints the median seconds.
median_time() {
  local TIMEFORMAT=%3R r
  "$@" >/dev/null 2>&1 || true
  for ((r = 1; r <= runs; r++)); do
    { time "$@" >/dev/null 2>&1; } 2>&1 | tail -n 1
  done | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

mkdir -p -- "$out"
echo "| N | upgrade s | check s | replay first ms | replay warm ms | check pass warm ms | check pass CPU ms | first replay / upgrade |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  dir=$out/mixed-$n
  rm -rf -- "$dir"
  "$root/bench/generate-mixed.sh" "$n" "$dir"
  echo "bench: N=$n" >&2
  up=$(median_time "$strata" upgrade base:head --versions "$dir" -o /dev/null)
  ck=$(median_time "$strata" check --versions "$dir")
  line=$("$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
    -cp "$root/dist/target/strata/lib/*" "$root/bench/ReplayBench.java" "$dir" "$runs")
  echo "bench: $line" >&2
  get() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$line"; }
  first=$(get at_first_ms); warm=$(get at_median_ms); cwarm=$(get check_median_ms)
  ccpu=$(get cpu_check_ms)
  share=$(awk -v f="$first" -v u="$up" 'BEGIN { printf "%.0f%%", f / (u * 1000) * 100 }')
  echo "| $n | $up | $ck | $first | $warm | $cwarm | $ccpu | $share |"
done
