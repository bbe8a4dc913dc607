#!/usr/bin/env bash
# Checks that bench/generate.sh writes the same history for both tools: for each shape (linear,
# branchy) it generates N revisions (default 30) as strata revision files and as an Alembic
# project, renders `strata upgrade base:heads` and `alembic upgrade base:heads --sql`, applies
# them with psql to two scratch PostgreSQL databases (bench_a: strata, bench_b: Alembic) and
# compares `pg_dump --schema-only` of the two; then the same after each tool's downgrade
# `head:base` (down to the version table alone). Run by hand, not part of the Maven build:
#
#   bench/check-generators.sh [N]
#
# Needs the built distribution (dist/target/strata/bin/strata, or STRATA), Debian's
# python3-alembic (/usr/bin/python3 -m alembic, or ALEMBIC="cmd ..."), psql and pg_dump, and a
# PostgreSQL server that the user postgres reaches without a password: PGHOST (default
# 127.0.0.1), PGPORT (5432), PGUSER (postgres). The databases bench_a and bench_b are dropped and
# created again, and dropped at the end. strata's own bookkeeping table strata_progress, which
# Alembic does not have, is left out of the comparison (pg_dump -T strata_progress), and after the
# downgrade so is the version table (Alembic's offline downgrade to base drops it, strata keeps it). Prints one
# line per comparison and `generators agree` at the end; exit 0 when they agree, 1 with the diff
# when they do not.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
strata=${STRATA:-$root/dist/target/strata/bin/strata}
read -r -a alembic <<<"${ALEMBIC:-/usr/bin/python3 -m alembic}"
n=${1:-30}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N]" >&2; exit 2; }
[[ -x $strata ]] || { echo "$0: error: build first (mvn -q -DskipTests package): $strata is missing" >&2; exit 1; }
"${alembic[@]}" --version >/dev/null 2>&1 || { echo "$0: error: ${alembic[*]} does not run" >&2; exit 1; }

tmp=$(mktemp -d)
cleanup() {
  for db in bench_a bench_b; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
  rm -rf -- "$tmp"
}
trap cleanup EXIT

psql_run() { psql -X -q -v ON_ERROR_STOP=1 -d "$1" -f "$2" >/dev/null; }
# pg_dump 17.6+ writes a random \restrict key; the versions of server and client are not schema.
dump() {
  pg_dump --schema-only --no-owner -T strata_progress "${@:2}" -d "$1" |
    grep -v '^\\\(un\)\{0,1\}restrict \|^-- Dumped \(from\|by\)'
}

failed=0
compare() {
  local what=$1
  dump bench_a "${@:2}" >"$tmp/a.dump"
  dump bench_b "${@:2}" >"$tmp/b.dump"
  if diff -u --label "strata ($what)" --label "alembic ($what)" "$tmp/a.dump" "$tmp/b.dump" >"$tmp/diff"; then
    echo "same schema: $what ($(grep -c '^CREATE TABLE' "$tmp/a.dump") tables)"
  else
    echo "DIFFERENT schema: $what"
    cat "$tmp/diff"
    failed=1
  fi
}

for shape in linear branchy; do
  for db in bench_a bench_b; do
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
    psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null
  done
  "$root/bench/generate.sh" --shape "$shape" --alembic "$tmp/$shape/alembic" "$n" "$tmp/$shape/strata"
  "$strata" upgrade base:heads --versions "$tmp/$shape/strata" -o "$tmp/s-up.sql" 2>/dev/null
  "$strata" downgrade head:base --versions "$tmp/$shape/strata" -o "$tmp/s-down.sql" 2>/dev/null
  (cd "$tmp/$shape/alembic" && "${alembic[@]}" upgrade base:heads --sql >"$tmp/a-up.sql")
  (cd "$tmp/$shape/alembic" && "${alembic[@]}" downgrade head:base --sql >"$tmp/a-down.sql")
  psql_run bench_a "$tmp/s-up.sql"
  psql_run bench_b "$tmp/a-up.sql"
  compare "$shape, $n revisions, upgrade base:heads"
  psql_run bench_a "$tmp/s-down.sql"
  psql_run bench_b "$tmp/a-down.sql"
  # Alembic's offline downgrade to base also drops its version table; strata keeps it (empty).
  compare "$shape, $n revisions, then downgrade head:base (version table left out)" -T alembic_version
done

if ((failed)); then
  echo "generators DISAGREE"
  exit 1
fi
echo "generators agree"
