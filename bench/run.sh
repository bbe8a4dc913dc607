#!/usr/bin/env bash
# Times strata against Alembic offline on the same generated chains, in one run, as whole
# processes, and prints Markdown tables: the measurements, the ratios Alembic/strata, the growth
# from one size to the next, the sample chain's commands, and the issue's targets met or NOT met.
#
#   bench/run.sh
#
# Needs the built distribution (dist/target/strata/bin/strata; STRATA overrides it); builds
# nothing. Alembic is Debian's python3-alembic (`/usr/bin/python3 -m alembic`; ALEMBIC="cmd ..."
# overrides it); when it does not run, its columns say "not installed".
#
# For each shape in BENCH_SHAPES (default "linear branchy", see bench/generate.sh) and each N in
# BENCH_SIZES (default "1000 10000 100000"), it writes bench/out/<shape>-N/{strata,alembic} with
# bench/generate.sh, then times, for the upgrade (strata `upgrade base:head`, `base:heads` for
# branchy; Alembic `upgrade base:heads --sql`) and the downgrade all the way down (both tools:
# `downgrade head:base`; the chains have exactly one head):
#   strata cold   STRATA_CACHE_DIR set to an empty folder, emptied again before every run, and the
#                 words of STRATA_BENCH_NOCACHE_ARGS added to the command (e.g. --no-cache);
#   strata warm   STRATA_CACHE_DIR set to a folder kept between the runs of one chain (the untimed
#                 first run fills it), and the words of STRATA_BENCH_CACHE_ARGS added: the results
#                 cache prints the script of the earlier run (unchanged inputs);
#   strata parsed the same folder with the results cache's entries (result-*.bin) removed before
#                 every run: only the parse cache serves, as after an edit of one revision (which
#                 then costs one file's parse more).
#                 >>> CACHE HOOK: when strata's on-disk parse cache takes other options than
#                 >>> STRATA_CACHE_DIR, pass them in these two variables. If the warm folder stays
#                 >>> empty, the table says that no cache was seen (warm is then cold again).
#   alembic       `alembic -c DIR/alembic.ini upgrade base:heads --sql` (and `downgrade head:base
#                 --sql`), only for N <= BENCH_ALEMBIC_MAX (default 10000: Alembic is slow, its
#                 branchy downgrade quadratic); above it the table says "skipped". Python's bytecode
#                 cache (versions/__pycache__) is written by the untimed first run, as for a user.
# On the generated chains strata also gets the words of STRATA_BENCH_ARGS (default
# "--lock-timeout 5s": one SET per script, and lint then has no no-lock-timeout warning for each
# ADD COLUMN to format; set it empty for none). strata's output goes to /dev/null with
# -o /dev/null, Alembic's stdout to /dev/null; stderr
# (strata's lint warnings) is discarded. Each measurement is one untimed run, then BENCH_RUNS
# timed runs (default 3): the median wall-clock seconds (bash `time`) and the highest peak RSS
# (GNU /usr/bin/time %M). A process running longer than BENCH_TIMEOUT seconds (default 120) is
# killed and the cell says "timeout" (after a timed-out first run the timed runs are skipped).
# Then `strata heads`, `strata check` and `strata upgrade base:head -o /dev/null` on the
# repository's versions/, cold and warm.
#
# Tables go to stdout, progress to stderr. Exit 0 when everything ran (targets met or not), 1 when
# strata failed (not timed out) on a chain, 2 for a bad setting.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
strata=${STRATA:-$root/dist/target/strata/bin/strata}
read -r -a alembic <<<"${ALEMBIC:-/usr/bin/python3 -m alembic}"
shapes=${BENCH_SHAPES:-linear branchy}
sizes=${BENCH_SIZES:-1000 10000 100000}
runs=${BENCH_RUNS:-3}
limit=${BENCH_TIMEOUT:-120}
alembic_max=${BENCH_ALEMBIC_MAX:-10000}
read -r -a strata_args <<<"${STRATA_BENCH_ARGS---lock-timeout 5s}"
read -r -a nocache_args <<<"${STRATA_BENCH_NOCACHE_ARGS:-}"
read -r -a cache_args <<<"${STRATA_BENCH_CACHE_ARGS:-}"
out=$root/bench/out

fail() { echo "bench/run.sh: error: $*" >&2; exit 2; }
if [[ ! -x $strata ]]; then
  {
    echo "bench/run.sh: error: the strata launcher is missing: $strata"
    echo "  build the distribution first, at the repository root: mvn -q -B -DskipTests package"
  } >&2
  exit 1
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || fail "BENCH_RUNS must be a positive integer"
[[ $limit =~ ^[1-9][0-9]*$ ]] || fail "BENCH_TIMEOUT must be a positive number of seconds"
[[ $alembic_max =~ ^[0-9]+$ ]] || fail "BENCH_ALEMBIC_MAX must be a number of revisions"
for n in $sizes; do [[ $n =~ ^[1-9][0-9]{0,5}$ ]] || fail "BENCH_SIZES: $n is not a size (1..999999)"; done
for s in $shapes; do [[ $s == linear || $s == branchy ]] || fail "BENCH_SHAPES: $s is not linear or branchy"; done
/usr/bin/time -f %M -o /dev/null true 2>/dev/null || fail "GNU time is needed for the peak RSS: apt-get install time"

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
have_alembic=false
alembic_version=""
if alembic_version=$("${alembic[@]}" --version 2>/dev/null); then have_alembic=true; fi

tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT

# --- the machine and the versions ------------------------------------------------------------
# The Java strata runs on: the launcher is a shell script ending in `exec JAVA ...`; trace it.
java_bin=$(sh -x "$strata" --version 2>&1 >/dev/null | sed -n 's/^+ exec \([^ ]*\) .*/\1/p' | tail -n 1)
java_desc="unknown"
if [[ -n $java_bin && -x $java_bin ]]; then
  java_home=$(cd -- "$(dirname -- "$java_bin")/.." && pwd -P)
  rt=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$java_home/release" 2>/dev/null || true)
  [[ -n $rt ]] || rt=$("$java_bin" -version 2>&1 | head -n 1)
  java_desc="$rt ($java_home)"
fi
strata_version=$("$strata" --version 2>/dev/null | head -n 1 || echo "strata ?")
if $have_alembic; then
  py=$("${alembic[0]}" -c 'import sys, sqlalchemy; print("Python %d.%d.%d, SQLAlchemy %s" % (sys.version_info[:3] + (sqlalchemy.__version__,)))' 2>/dev/null || echo "Python ?")
  alembic_desc="$alembic_version ($py)"
else
  alembic_desc="Alembic not installed (${alembic[*]} does not run): its columns are empty"
fi

# --- one measurement -------------------------------------------------------------------------
declare -A MED RSS
# run_once CMD...: one run under timeout and GNU time; sets wall (s), rss (KiB), rc.
run_once() {
  local TIMEFORMAT=%3R
  rc=0
  : >"$tmp/rss"
  { time timeout -k 5 "$limit" /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/stderr"; } 2>"$tmp/wall" || rc=$?
  wall=$(tail -n 1 "$tmp/wall")
  rss=$(grep -E '^[0-9]+$' "$tmp/rss" | tail -n 1 || true)
}

# measure KEY PRE CMD...: PRE (a function name, or :) runs before every run; the untimed first
# run, then $runs timed ones. Sets MED[KEY] (median s, or timeout/error) and RSS[KEY] (MiB).
measure() {
  local key=$1 pre=$2 r
  shift 2
  "$pre"
  run_once "$@"
  if ((rc == 0)); then
    : >"$tmp/walls"
    local peak=0
    for ((r = 1; r <= runs; r++)); do
      "$pre"
      run_once "$@"
      ((rc == 0)) || break
      echo "$wall" >>"$tmp/walls"
      if [[ -n $rss ]] && ((rss > peak)); then peak=$rss; fi
    done
  fi
  if ((rc == 124 || rc == 137)); then
    MED[$key]=timeout; RSS[$key]=""
  elif ((rc != 0)); then
    MED[$key]=error; RSS[$key]=""
    echo "bench: $key: exit status $rc:" >&2
    head -n 20 "$tmp/stderr" | sed 's/^/  | /' >&2
  else
    MED[$key]=$(sort -g "$tmp/walls" | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    RSS[$key]=$(awk -v k="$peak" 'BEGIN { printf "%.0f", k / 1024 }')
  fi
  echo "bench: $key: ${MED[$key]}${RSS[$key]:+ s, ${RSS[$key]} MiB}" >&2
}

cold_cache=$tmp/cache-cold
clear_cold() { rm -rf -- "$cold_cache"; mkdir -p -- "$cold_cache"; }
forget_results() { rm -f -- "$warm_cache"/result-*.bin; }
warm_cache=""
cache_seen=false
strata_failed=false

# --- the chains ------------------------------------------------------------------------------
mkdir -p -- "$out"
for shape in $shapes; do
  for n in $sizes; do
    base=$out/$shape-$n
    rm -rf -- "$base"
    with_alembic=false
    if $have_alembic && ((n <= alembic_max)); then with_alembic=true; fi
    echo "bench: generating $shape $n for strata$($with_alembic && echo " and Alembic" || true) in ${base#"$root"/}" >&2
    if $with_alembic; then
      "$root/bench/generate.sh" --shape "$shape" --alembic "$base/alembic" "$n" "$base/strata"
    else
      "$root/bench/generate.sh" --shape "$shape" "$n" "$base/strata"
    fi
    warm_cache=$base/cache
    mkdir -p -- "$warm_cache"
    up_to=head
    [[ $shape == branchy ]] && up_to=heads
    for dir in upgrade downgrade; do
      if [[ $dir == upgrade ]]; then range=base:$up_to; arange=base:heads; else range=head:base; arange=head:base; fi
      key=$shape/$dir/$n
      measure "$key/cold" clear_cold env STRATA_CACHE_DIR="$cold_cache" \
        "$strata" "$dir" "$range" --versions "$base/strata" -o /dev/null "${strata_args[@]}" "${nocache_args[@]}"
      measure "$key/warm" : env STRATA_CACHE_DIR="$warm_cache" \
        "$strata" "$dir" "$range" --versions "$base/strata" -o /dev/null "${strata_args[@]}" "${cache_args[@]}"
      measure "$key/parsed" forget_results env STRATA_CACHE_DIR="$warm_cache" \
        "$strata" "$dir" "$range" --versions "$base/strata" -o /dev/null "${strata_args[@]}" "${cache_args[@]}"
      [[ -n $(find "$warm_cache" -mindepth 1 -print -quit) ]] && cache_seen=true
      [[ ${MED[$key/cold]} == error || ${MED[$key/warm]} == error ]] && strata_failed=true
      if $with_alembic; then
        measure "$key/alembic" : "${alembic[@]}" -c "$base/alembic/alembic.ini" "$dir" "$arange" --sql
      elif $have_alembic; then
        MED[$key/alembic]=skipped
      else
        MED[$key/alembic]="not installed"
      fi
    done
  done
done

# The sample chain of the repository, from the repository's root as a user runs it.
cd -- "$root"
warm_cache=$out/cache-sample
rm -rf -- "$warm_cache"; mkdir -p -- "$warm_cache"
for cmd in heads check upgrade; do
  args=("$cmd" --versions "$root/versions")
  [[ $cmd == upgrade ]] && args=(upgrade base:head --versions "$root/versions" -o /dev/null)
  measure "sample/$cmd/cold" clear_cold env STRATA_CACHE_DIR="$cold_cache" "$strata" "${args[@]}" "${nocache_args[@]}"
  measure "sample/$cmd/warm" : env STRATA_CACHE_DIR="$warm_cache" "$strata" "${args[@]}" "${cache_args[@]}"
  [[ ${MED[sample/$cmd/cold]} == error ]] && strata_failed=true
done
sample_n=$(find "$root/versions" -maxdepth 1 -name '*.sql' | wc -l)

# --- the tables ------------------------------------------------------------------------------
num() { [[ ${1:-} =~ ^[0-9.]+$ ]]; }
ratio() { if num "${1:-}" && num "${2:-}"; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; else echo "–"; fi; }
cell() { echo "${MED[$1]:-–}"; }
mib() { [[ -n ${RSS[$1]:-} ]] && echo "${RSS[$1]}" || echo "–"; }
fmt_n() { # 10000 -> 10,000
  LC_ALL=C awk -v n="$1" 'BEGIN { s = sprintf("%d", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); print s }'
}

echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC on $(uname -srm), $(nproc) CPUs, load average" \
  "$load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end (other processes share the CPUs); $strata_version on Java $java_desc; $alembic_desc." \
  "Median of $runs runs after one untimed run, whole processes; peak RSS the highest of the runs."
echo
if $cache_seen; then
  echo "strata cold: an empty STRATA_CACHE_DIR before every run${STRATA_BENCH_NOCACHE_ARGS:+ and \`$STRATA_BENCH_NOCACHE_ARGS\`}; warm: the cache the first run filled${STRATA_BENCH_CACHE_ARGS:+, with \`$STRATA_BENCH_CACHE_ARGS\`}."
else
  echo "strata cold and warm: no on-disk cache was seen (the warm STRATA_CACHE_DIR stayed empty), so \"warm\" is a second cold measurement."
fi
echo "Commands: \`strata upgrade base:head\` (\`base:heads\` for branchy) or \`strata downgrade head:base\`, each with \`--versions bench/out/SHAPE-N/strata -o /dev/null${strata_args[*]:+ ${strata_args[*]}}\`; \`alembic -c bench/out/SHAPE-N/alembic/alembic.ini upgrade base:heads --sql\` or \`downgrade head:base --sql\`, stdout to /dev/null."
echo "Alembic offline (\`--sql\`) up to $(fmt_n "$alembic_max") revisions (BENCH_ALEMBIC_MAX), with Python's bytecode cache written by the untimed run; \"skipped\" above that. Time limit $limit s per process (BENCH_TIMEOUT)."
echo
echo "| shape | work | N | strata cold s | peak RSS MiB | strata warm s | strata parsed s | Alembic s | Alembic RSS MiB | Alembic / strata cold | Alembic / strata warm |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for shape in $shapes; do
  for dir in upgrade downgrade; do
    if [[ $dir == upgrade ]]; then work="upgrade base:$([[ $shape == branchy ]] && echo heads || echo head)"; else work="downgrade head:base"; fi
    for n in $sizes; do
      k=$shape/$dir/$n
      echo "| $shape | $work | $(fmt_n "$n") | $(cell "$k/cold") | $(mib "$k/cold") | $(cell "$k/warm") | $(cell "$k/parsed") | $(cell "$k/alembic") | $(mib "$k/alembic") | $(ratio "${MED[$k/alembic]:-}" "${MED[$k/cold]:-}") | $(ratio "${MED[$k/alembic]:-}" "${MED[$k/warm]:-}") |"
    done
  done
done

read -r -a sz <<<"$sizes"
if ((${#sz[@]} > 1)); then
  echo
  echo "Growth in time from one size to the next (the revisions grow by the factor in the header; linear growth is at most that factor)."
  echo
  hdr="| shape | work | series"; sep="|---|---|---"
  for ((i = 1; i < ${#sz[@]}; i++)); do hdr+=" | $(fmt_n "${sz[i - 1]}") → $(fmt_n "${sz[i]}")"; sep+="|---:"; done
  echo "$hdr |"; echo "$sep|"
  for shape in $shapes; do
    for dir in upgrade downgrade; do
      for series in cold warm parsed alembic; do
        row="| $shape | $dir | $([[ $series == alembic ]] && echo Alembic || echo "strata $series")"
        for ((i = 1; i < ${#sz[@]}; i++)); do
          row+=" | $(ratio "${MED[$shape/$dir/${sz[i]}/$series]:-}" "${MED[$shape/$dir/${sz[i - 1]}/$series]:-}")"
        done
        echo "$row |"
      done
    done
  done
fi

echo
echo "The repository's sample chain (versions/, $sample_n revisions), run from the repository's root:"
echo
echo "| command | cold s | peak RSS MiB | warm s |"
echo "|---|---:|---:|---:|"
for cmd in heads check upgrade; do
  label="strata $cmd"; [[ $cmd == upgrade ]] && label="strata upgrade base:head -o /dev/null"
  echo "| \`$label\` | $(cell "sample/$cmd/cold") | $(mib "sample/$cmd/cold") | $(cell "sample/$cmd/warm") |"
done

# --- the targets of the issue ----------------------------------------------------------------
# verdict VALUE OP LIMIT: met / NOT met / not measured
verdict() {
  if [[ ${1:-} == timeout ]]; then echo "**NOT met** (timeout)"; return; fi
  if ! num "${1:-}"; then echo "not measured${1:+ ($1)}"; return; fi
  if awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { exit !((op == "le") ? v <= l : v >= l) }'; then echo "met"; else echo "**NOT met**"; fi
}
# rnum A B: A / B to one decimal; "timeout" when B (strata) timed out, or A did in a growth
# (GROWTH=1); otherwise "" or the reason A was not measured (Alembic skipped, timed out...).
rnum() {
  if num "${1:-}" && num "${2:-}"; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'
  elif [[ ${2:-} == timeout || (${GROWTH:-0} == 1 && ${1:-} == timeout) ]]; then echo timeout
  elif [[ -n ${1:-} && ${1:-} != – ]] && ! num "$1"; then echo "$1"
  fi
}
target() { # WORK GOAL UNIT VALUE OP LIMIT
  local shown=–
  if num "${4:-}"; then shown="$4$3"; elif [[ -n ${4:-} ]]; then shown=$4; fi
  echo "| $1 | $2 | $shown | $(verdict "$4" "$5" "$6") |"
}
k10=10000; k100=100000
echo
echo "Targets (issue 13): strata cold unless it says warm; the ratios are from this run."
echo
echo "| work | target | measured | verdict |"
echo "|---|---|---:|---|"
v=${MED[linear/upgrade/$k10/cold]:-}
target "\`upgrade base:head\`, 10,000 linear, whole process" "≤ 0.8 s" " s" "$v" le 0.8
r=$(rnum "${MED[linear/upgrade/$k10/alembic]:-}" "$v")
target "the same against Alembic offline" "≥ 10× faster" "×" "$r" ge 10
for dir in upgrade downgrade; do
  v=${MED[branchy/$dir/$k10/cold]:-}
  w=$([[ $dir == upgrade ]] && echo "\`upgrade base:heads\`" || echo "\`downgrade head:base\`")
  target "$w, 10,000 branchy" "≤ 1.0 s" " s" "$v" le 1.0
  r=$(rnum "${MED[branchy/$dir/$k10/alembic]:-}" "$v")
  target "the same against Alembic offline" "≥ 25× faster" "×" "$r" ge 25
done
v=${MED[linear/upgrade/$k100/cold]:-}
target "\`upgrade base:head\`, 100,000 linear" "≤ 6 s" " s" "$v" le 6
v=${RSS[linear/upgrade/$k100/cold]:-${MED[linear/upgrade/$k100/cold]:-}}
target "the same, peak RSS" "≤ 1 GiB" " MiB" "$v" le 1024
for shape in $shapes; do
  for dir in upgrade downgrade; do
    g=$(GROWTH=1 rnum "${MED[$shape/$dir/$k100/cold]:-}" "${MED[$shape/$dir/$k10/cold]:-}")
    target "growth 10,000 → 100,000, $shape $dir" "≤ 11×" "×" "$g" le 11
  done
done
for cmd in heads check upgrade; do
  v=${MED[sample/$cmd/cold]:-}
  target "\`strata $cmd\` on the sample chain" "≤ 0.3 s" " s" "$v" le 0.3
  v=${MED[sample/$cmd/warm]:-}
  target "the same, cache warm" "≤ 0.3 s" " s" "$v" le 0.3
done
v=${MED[linear/upgrade/$k10/warm]:-}
note=""; $cache_seen || note=" (no cache seen)"
target "second \`upgrade base:head\` of 10,000 linear, cache warm$note" "≤ 0.4 s" " s" "$v" le 0.4

if $strata_failed; then exit 1; fi
