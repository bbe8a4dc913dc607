#!/usr/bin/env bash
# Times strata's compiling commands for every dialect on generated linear chains of two or more
# sizes, and flags growth faster than the number of revisions: where a quadratic term hides that
# bench/run.sh (PostgreSQL only) cannot see, such as a per-segment search in MySQL's guard.
#
#   bench/dialects.sh        # BENCH_SIZES="10000 30000" BENCH_RUNS=1 by default
#
# Needs the built distribution (dist/target/strata/bin/strata; STRATA overrides it); builds
# nothing. For each chain in BENCH_CHAINS (default "linear dml": bench/generate.sh without and
# with --dml, whose UPDATE's expressions the other dialects translate by the model's column types)
# and each N, it writes bench/out/<chain>-N with bench/generate.sh (when not there yet), then,
# for each dialect in BENCH_DIALECTS (default "postgresql mysql sqlite"), times `upgrade
# base:head -o /dev/null`, `downgrade head:base -o /dev/null` (both with STRATA_BENCH_ARGS,
# default "--lock-timeout 5s", as bench/run.sh) and `check`, all with --no-cache: one untimed run,
# then the median wall-clock seconds of BENCH_RUNS runs and the highest peak RSS (GNU
# /usr/bin/time %M). The growth column divides each time by the one at the previous size, and
# says "SUPER-LINEAR" when it exceeds 1.1 times the ratio of the sizes (start-up makes small
# sizes grow slower than linear, so compare sizes of 10,000 revisions and more).
#
# Tables go to stdout, progress to stderr. Exit 0 when everything ran, 1 when a command failed or
# grew faster than the chain, 2 for a bad setting.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
strata=${STRATA:-$root/dist/target/strata/bin/strata}
sizes=${BENCH_SIZES:-10000 30000}
runs=${BENCH_RUNS:-1}
dialects=${BENCH_DIALECTS:-postgresql mysql sqlite}
chains=${BENCH_CHAINS:-linear dml}
read -r -a strata_args <<<"${STRATA_BENCH_ARGS---lock-timeout 5s}"
out=$root/bench/out

fail() { echo "bench/dialects.sh: error: $*" >&2; exit 2; }
[[ -x $strata ]] || fail "build first: mvn -q -DskipTests package"
[[ -x /usr/bin/time ]] || fail "GNU time is needed for the peak RSS: apt-get install -y time"
[[ $runs =~ ^[1-9][0-9]*$ ]] || fail "BENCH_RUNS must be a positive integer"
for n in $sizes; do [[ $n =~ ^[1-9][0-9]{0,5}$ ]] || fail "BENCH_SIZES: $n is not a size (1..999999)"; done
for d in $dialects; do [[ $d =~ ^(postgresql|mysql|mariadb|sqlite)$ ]] || fail "BENCH_DIALECTS: $d is not a dialect"; done
for c in $chains; do [[ $c =~ ^(linear|dml)$ ]] || fail "BENCH_CHAINS: $c is not linear or dml"; done

# measure CMD...: one untimed run, then $runs timed ones; prints "median_seconds peak_kib", or
# "failed" when a run exits non-zero.
measure() {
  local r log
  log=$(mktemp)
  "$@" >/dev/null 2>"$log" || { echo failed; rm -f -- "$log"; return; }
  for ((r = 1; r <= runs; r++)); do
    if ! /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>/dev/null; then
      echo failed; rm -f -- "$log"; return
    fi
    tail -n 1 "$log"
  done | sort -g | awk '{ t[NR] = $1; if ($2 > m) m = $2 }
    END { if (NR == 0) { print "failed"; exit }
          printf "%.2f %d\n", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2, m }'
  rm -f -- "$log"
}

status=0
declare -A previous
declare -A prev_n
echo "| chain | dialect | command | N | seconds | peak RSS MiB | growth |"
echo "|---|---|---|---:|---:|---:|---|"
for chain in $chains; do
for n in $sizes; do
  dir=$out/$chain-$n/strata
  if [[ ! -d $dir ]]; then
    echo "bench: generating $n revisions ($chain)" >&2
    generate=("$root/bench/generate.sh")
    [[ $chain == dml ]] && generate+=(--dml)
    "${generate[@]}" "$n" "$dir" >/dev/null
  fi
  for d in $dialects; do
    for command in upgrade downgrade check; do
      case $command in
        upgrade) args=(upgrade base:head -o /dev/null "${strata_args[@]}") ;;
        downgrade) args=(downgrade head:base -o /dev/null "${strata_args[@]}") ;;
        check) args=(check) ;;
      esac
      echo "bench: $chain $d $command N=$n" >&2
      read -r secs kib <<<"$(measure "$strata" "${args[@]}" --no-cache --dialect "$d" --versions "$dir")"
      if [[ $secs == failed ]]; then
        echo "| $chain | $d | $command | $n | failed | | |"
        status=1
        continue
      fi
      growth=""
      key=$chain-$d-$command
      if [[ -n ${previous[$key]:-} ]]; then
        growth=$(awk -v a="${previous[$key]}" -v b="$secs" -v na="${prev_n[$key]}" -v nb="$n" 'BEGIN {
          g = b / a; printf "%.2f× for %.1f× the revisions", g, nb / na
          if (g > 1.1 * nb / na) printf " SUPER-LINEAR" }')
        [[ $growth == *SUPER-LINEAR* ]] && status=1
      fi
      previous[$key]=$secs
      prev_n[$key]=$n
      echo "| $chain | $d | $command | $n | $secs | $((kib / 1024)) | $growth |"
    done
  done
done
done
exit $status
