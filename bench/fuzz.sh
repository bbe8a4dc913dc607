#!/usr/bin/env bash
# Fuzzes the strata CLI: damages copies of the sample chain (versions/) and runs check, upgrade and
# one of downgrade, bundle or heads on each, in-process, checking that only positioned
# diagnostics and exit 0 or 1 come out (docs/fuzzing.md says exactly what is checked).
#
#   bench/fuzz.sh N [SEED]        cases 1..N of SEED (a random seed, printed, when omitted)
#   bench/fuzz.sh --case K SEED   case K of SEED alone, to rerun a violation
#   bench/fuzz.sh --list N SEED   what cases 1..N of SEED do (mutations, commands), without running
#
# Builds the project first (mvn -o -q -DskipTests package) when the fuzzer's classes are missing
# or a source file is newer than the build this script last made. Cases are written under
# bench/out/fuzz/seed-SEED/ (emptied first); each failing case stays there as case-K/ with the
# damaged versions/ and a REPORT.txt. Prints every violation, a count per symptom and the timing,
# then `N cases, V violations` (V: cases that broke a rule). Exit 0 without violations, 1 with
# some, 2 for a wrong command line.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)

usage() {
  echo "usage: $0 N [SEED]   |   $0 --case K SEED   |   $0 --list N SEED" >&2
  exit 2
}
if [[ $# -eq 3 && ($1 == --case || $1 == --list) ]]; then
  [[ $2 =~ ^[1-9][0-9]*$ && $3 =~ ^-?[0-9]+$ ]] || usage
elif [[ $# -ge 1 && $# -le 2 && $1 =~ ^[1-9][0-9]*$ ]]; then
  [[ $# -eq 1 || $2 =~ ^-?[0-9]+$ ]] || usage
else
  usage
fi

# A JDK 21 or later, looked for as the launcher does: $JAVA_HOME, java on PATH, /usr/lib/jvm.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
java_bin=""
for c in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} $(command -v java || true) /usr/lib/jvm/*/bin/java; do
  [[ -x $c ]] || continue
  v=$(java_major "$c")
  if [[ -n $v ]] && ((v >= 21)); then java_bin=$c; break; fi
done
if [[ -z $java_bin ]]; then
  echo "bench/fuzz.sh: error: no Java 21 or later (looked at \$JAVA_HOME, java on PATH, /usr/lib/jvm)" >&2
  exit 1
fi

# Rebuild when the build this script last made is older than a source file (the jars carry a
# fixed reproducible time, so the script keeps its own stamp), or the fuzzer's class is missing.
lib=$root/dist/target/strata/lib
stamp=$root/dist/target/fuzz-build.stamp
if [[ ! -f $stamp || ! -f $root/dist/target/test-classes/dev/strata/cli/fuzz/FuzzMain.class ]] ||
  [[ -n $(find "$root"/*/src "$root"/pom.xml "$root"/*/pom.xml -newer "$stamp" -type f -print -quit) ]]; then
  echo "bench/fuzz.sh: building (mvn -o -q -B -DskipTests package)" >&2
  started=$(date +%s)
  if ! log=$(cd "$root" && mvn -o -q -B -DskipTests package 2>&1); then
    printf '%s\n' "$log" >&2
    echo "bench/fuzz.sh: error: the build failed" >&2
    exit 1
  fi
  touch -d "@$started" -- "$stamp"
fi

# The launcher's JVM flags (C1 only, serial GC), so that stack depth and speed are what the CLI
# sees; -Xmx2g bounds the harness on a shared machine.
exec "$java_bin" -Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
  -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
  -cp "$root/dist/target/test-classes:$lib/*" dev.strata.cli.fuzz.FuzzMain \
  --versions "$root/versions" --out "$root/bench/out/fuzz" "$@"
