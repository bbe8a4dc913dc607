#!/usr/bin/env bash
# Proves that this Alembic project and the repository's strata chain (versions/*.sql) mean the same
# thing on PostgreSQL: for every revision R it applies
#   alembic upgrade base:R --sql     and   strata upgrade base:R       then compares,
#   alembic downgrade R:base --sql   and   strata downgrade R:base     (from there) and compares,
#   alembic downgrade head:R --sql   and   strata downgrade head:R     (from head) and compares,
# and finally online Alembic (-x url=...) upgrade head and downgrade base against strata's scripts,
# each pair to two scratch databases, comparing `pg_dump --schema-only --no-owner` (comments, SET
# lines and blank lines left out) and the rows of alembic_version.
#
# Usage: check.sh [REVISION...]   (default: every revision of versions/*.sql)
# Environment: STRATA (launcher), CHECK_VERSIONS (strata versions directory, default the
# repository's versions/), CHECK_DB_PREFIX (scratch database prefix, default h5_), ALEMBIC_PYTHON.
# Needs: psql and pg_dump on PATH, a PostgreSQL server (PGHOST/PGPORT/PGUSER, default
# 127.0.0.1:5432 postgres), /usr/bin/python3 with alembic, and the strata launcher
# (mvn -o -q package -pl dist -am -DskipTests). Exit status 0 when every comparison is identical.
#
# Alembic 1.8.1 (Debian's python3-alembic) ends an offline downgrade to base with
# `DROP TABLE alembic_version` (removed in Alembic 1.19); strata keeps the empty table. For targets at
# base that one table is left out of the comparison and its absence is reported (README.md).
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../../../.." && pwd)
STRATA=${STRATA:-$ROOT/dist/target/strata/bin/strata}
# The strata chain to compare with: the repository's, or e.g. the output of `strata import alembic`.
VERSIONS=${CHECK_VERSIONS:-$ROOT/versions}
PYTHON=${ALEMBIC_PYTHON:-/usr/bin/python3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PREFIX=${CHECK_DB_PREFIX:-h5_}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; for d in a s head_a head_s; do dropdb --if-exists "${PREFIX}$d" 2>/dev/null; done' EXIT

[ -x "$STRATA" ] || { echo "check.sh: no strata launcher at $STRATA (mvn -o -q package -pl dist -am -DskipTests)" >&2; exit 2; }
"$PYTHON" -c 'import alembic' 2>/dev/null || { echo "check.sh: $PYTHON has no alembic" >&2; exit 2; }

if [ $# -gt 0 ]; then
    REVS=("$@")
else
    REVS=()
    for f in "$VERSIONS"/*.sql; do REVS+=("$(basename "$f" .sql)"); done
fi
# The downgrades start from the single head, or from the last revision named on the command line.
if [ $# -gt 0 ]; then
    HEAD=${REVS[${#REVS[@]}-1]}
else
    HEAD=$("$STRATA" heads --versions "$VERSIONS" | awk 'NR==1{print $1}')
fi

failures=0
checks=0

alembic_sql() { "$PYTHON" -m alembic -c "$HERE/alembic.ini" "$@" --sql 2>"$WORK/alembic.err"; }
strata_sql() { "$STRATA" "$@" --versions "$VERSIONS" 2>"$WORK/strata.err"; }
run_psql() { psql -X -q -v ON_ERROR_STOP=1 -d "$1" >/dev/null 2>"$WORK/psql.err"; }

fresh() { # fresh DB [TEMPLATE]
    dropdb --if-exists "$1" 2>/dev/null && createdb ${2:+-T "$2"} "$1"
}

# apply DB SIDE ARGS...: renders with Alembic (SIDE=a) or strata (SIDE=s) and runs it in DB.
apply() {
    local db=$1 side=$2; shift 2
    local sql="$WORK/$side.sql"
    if [ "$side" = a ]; then
        alembic_sql "$@" >"$sql" || { echo "  alembic $* failed:"; sed 's/^/    /' "$WORK/alembic.err" | tail -5; return 1; }
    else
        strata_sql "$@" >"$sql" || { echo "  strata $* failed:"; sed 's/^/    /' "$WORK/strata.err" | tail -5; return 1; }
    fi
    run_psql "$db" <"$sql" || { echo "  psql of $side ($*) failed:"; sed 's/^/    /' "$WORK/psql.err" | tail -5; return 1; }
}

snapshot() { # snapshot DB OUT [EXCLUDE_VERSION_TABLE]
    local args=(--schema-only --no-owner -d "$1")
    [ -n "${3:-}" ] && args+=(--exclude-table=alembic_version)
    pg_dump "${args[@]}" | grep -v -E '^(--|SET |SELECT pg_catalog\.set_config|\\restrict|\\unrestrict)' | sed '/^[[:space:]]*$/d' >"$2"
    echo "alembic_version rows:" >>"$2"
    psql -X -At -d "$1" -c "SELECT CASE WHEN to_regclass('alembic_version') IS NULL THEN 'no table' END" >>"$2"
    if [ "$(psql -X -At -d "$1" -c "SELECT to_regclass('alembic_version') IS NOT NULL")" = t ]; then
        psql -X -At -d "$1" -c 'SELECT version_num FROM alembic_version ORDER BY 1' >>"$2"
    fi
}

compare() { # compare LABEL [AT_BASE]
    local label=$1 at_base=${2:-}
    checks=$((checks + 1))
    snapshot "${PREFIX}a" "$WORK/a.dump" "$at_base"
    snapshot "${PREFIX}s" "$WORK/s.dump" "$at_base"
    if [ -n "$at_base" ]; then
        # Alembic 1.8 drops alembic_version at base; strata leaves it empty. Compare the rest.
        sed -i '/^alembic_version rows:$/,$d' "$WORK/a.dump" "$WORK/s.dump"
    fi
    if diff -u "$WORK/a.dump" "$WORK/s.dump" >"$WORK/diff"; then
        echo "ok    $label"
    else
        echo "DIFF  $label  (--- alembic, +++ strata)"
        sed 's/^/    /' "$WORK/diff"
        failures=$((failures + 1))
    fi
}

fail() { echo "FAIL  $1"; checks=$((checks + 1)); failures=$((failures + 1)); }

for r in "${REVS[@]}"; do
    fresh "${PREFIX}a" && fresh "${PREFIX}s"
    if apply "${PREFIX}a" a upgrade "base:$r" && apply "${PREFIX}s" s upgrade "base:$r"; then
        compare "upgrade base:$r"
        if apply "${PREFIX}a" a downgrade "$r:base" && apply "${PREFIX}s" s downgrade "$r:base"; then
            compare "downgrade $r:base" at-base
        else
            fail "downgrade $r:base"
        fi
    else
        fail "upgrade base:$r"
    fi
done

fresh "${PREFIX}head_a" && fresh "${PREFIX}head_s"
apply "${PREFIX}head_a" a upgrade "base:$HEAD" && apply "${PREFIX}head_s" s upgrade "base:$HEAD" || { fail "upgrade base:$HEAD"; exit 1; }
for r in base "${REVS[@]}"; do
    [ "$r" = "$HEAD" ] && continue
    fresh "${PREFIX}a" "${PREFIX}head_a" && fresh "${PREFIX}s" "${PREFIX}head_s"
    if apply "${PREFIX}a" a downgrade "$HEAD:$r" && apply "${PREFIX}s" s downgrade "$HEAD:$r"; then
        compare "downgrade $HEAD:$r" "$([ "$r" = base ] && echo at-base)"
    else
        fail "downgrade $HEAD:$r"
    fi
done

# Online Alembic (how a team's databases were really migrated) against strata's scripts.
online_url="postgresql://${PGUSER}@${PGHOST}:${PGPORT}/${PREFIX}a"
online() { "$PYTHON" -m alembic -c "$HERE/alembic.ini" -x "url=$online_url" "$@" >/dev/null 2>"$WORK/alembic.err" \
    || { echo "  online alembic $* failed:"; sed 's/^/    /' "$WORK/alembic.err" | tail -5; return 1; }; }
fresh "${PREFIX}a" && fresh "${PREFIX}s" "${PREFIX}head_s"
if online upgrade "$HEAD"; then
    compare "online upgrade $HEAD (strata upgrade base:$HEAD)"
    apply "${PREFIX}s" s downgrade "$HEAD:base" \
        && online downgrade base && compare "online downgrade base (strata downgrade $HEAD:base)" || fail "online downgrade base"
else
    fail "online upgrade $HEAD"
fi

echo "$((checks - failures)) of $checks comparisons identical"
[ "$failures" -eq 0 ]
