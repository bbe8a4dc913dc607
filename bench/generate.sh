#!/usr/bin/env bash
# Writes a synthetic chain of N revision files into DIR, for benchmarks; with --alembic, also the
# same chain as an Alembic project, so that both tools compile the same history.
#
#   bench/generate.sh [--shape linear|branchy] [--dml] [--alembic ADIR] N DIR
#
# Revision i (1 <= i <= N) has the id r<i as 6 digits>_t<i> (file r000001_t1.sql, ...), so
# file-name order is a topological order. Its upgrade creates table t<i> (six columns) and the
# index ix_t<i>_name; every third revision also adds a column `note` to the table of its first
# parent. The downgrade undoes that in reverse order.
#
# --dml adds, after the index, a row and an update of it with expressions the other dialects
# translate by the columns' types (an integer division of a NUMERIC column, a boolean column
# compared with 'true'), which every table has under the same names:
#   INSERT INTO t<i> (name, amount, active) VALUES ('row <i>', <i>, true);
#   UPDATE t<i> SET amount = amount / 2 + 1, name = upper(name) WHERE name <> 'x' AND active = 'true';
# (strata files only: it is refused with --alembic).
#
# Shapes (default linear):
#   linear   revision i revises i-1 (the first revises base).
#   branchy  blocks of 10 revisions s..s+9: s revises the previous block's merge (or base) and is
#            a branch point; s+1..s+4 and s+5..s+8 are two branches of four revisions, both
#            starting at s; s+9 is a merge revision that revises s+4 and s+8. A last block of
#            fewer than 10 revisions is linear, so the graph always has exactly one head.
#
# --alembic ADIR writes ADIR/alembic.ini (offline mode, PostgreSQL: `postgresql://`, which --sql
# never connects to), ADIR/env.py and ADIR/versions/<id>.py with the same revision ids,
# `down_revision` (a tuple for a merge) and upgrade()/downgrade() doing the same DDL through
# op.create_table, op.create_index, op.add_column, op.drop_column, op.drop_index, op.drop_table;
# applied to PostgreSQL the two give the same schema (bench/check-generators.sh checks that).
#
# DIR (and ADIR) are created; one that exists and is not empty is refused. One awk process writes
# all the files (100,000 revisions for both tools take a few seconds).
set -euo pipefail

usage() {
  echo "usage: $0 [--shape linear|branchy] [--dml] [--alembic ADIR] N DIR" >&2
  echo "  (N: number of revisions, 1..999999; DIR, ADIR: new or empty directories)" >&2
  exit 2
}

shape=linear
adir=""
dml=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --shape) [[ $# -ge 2 ]] || usage; shape=$2; shift 2 ;;
    --dml) dml=1; shift ;;
    --alembic) [[ $# -ge 2 && -n $2 ]] || usage; adir=$2; shift 2 ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[[ $shape == linear || $shape == branchy ]] || usage
if [[ $dml == 1 && -n $adir ]]; then
  echo "$0: error: --dml writes strata files only; leave out --alembic" >&2
  exit 2
fi
[[ $# -eq 2 ]] || usage
n=$1
dir=$2
if [[ ! $n =~ ^[0-9]{1,6}$ ]] || ((10#$n < 1)); then
  usage
fi
n=$((10#$n))

fresh_dir() {
  if [[ -e $1 && ! -d $1 ]]; then
    echo "$0: error: $1 exists and is not a directory" >&2
    exit 1
  fi
  if [[ -d $1 && -n $(find "$1" -mindepth 1 -maxdepth 1 -print -quit) ]]; then
    echo "$0: error: $1 is not empty; give a new or empty directory" >&2
    exit 1
  fi
  mkdir -p -- "$1"
}
fresh_dir "$dir"
if [[ -n $adir ]]; then
  fresh_dir "$adir"
  mkdir -p -- "$adir/versions"
  cat >"$adir/alembic.ini" <<'EOF'
# An Alembic project written by strata's bench/generate.sh: the same chain as the strata revision
# files next to it. Offline (--sql) it renders for PostgreSQL; the URL is never connected to.

[alembic]
script_location = %(here)s
prepend_sys_path = %(here)s
version_path_separator = os
sqlalchemy.url = postgresql://

# Logging as in Alembic's stock alembic.ini, except that the alembic logger is at WARN: the
# benchmark does not time one "Running upgrade ..." line per revision on stderr.
[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = WARN
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
EOF
  cat >"$adir/env.py" <<'EOF'
"""Alembic environment of strata's benchmark chains: the stock template's env.py, offline only
(``alembic upgrade ... --sql``): the SQL goes to standard output, no database is connected to."""
from logging.config import fileConfig

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

if not context.is_offline_mode():
    raise SystemExit("this benchmark project runs offline only: add --sql")

context.configure(
    url=config.get_main_option("sqlalchemy.url"),
    target_metadata=None,
    literal_binds=True,
    dialect_opts={"paramstyle": "named"},
)
with context.begin_transaction():
    context.run_migrations()
EOF
fi

LC_ALL=C awk -v n="$n" -v dir="$dir" -v adir="$adir" -v shape="$shape" -v dml="$dml" '
function id(i) { return sprintf("r%06d_t%d", i, i) }
BEGIN {
  for (i = 1; i <= n; i++) {
    # parents: p1 (the first parent, whose table gets `note`) and p2 (a merge), 0 for base
    p1 = i - 1; p2 = -1
    if (shape == "branchy") {
      k = (i - 1) % 10; s = i - k
      if (s + 9 <= n) {
        if (k == 1 || k == 5) p1 = s
        else if (k == 9) { p1 = s + 4; p2 = s + 8 }
      }
    }
    parents = (p1 == 0) ? "base" : id(p1)
    if (p2 > 0) parents = parents ", " id(p2)
    alter = (i % 3 == 0 && p1 > 0)
    f = dir "/" id(i) ".sql"
    printf "-- revision: %s\n-- revises: %s\n-- message: create t%d%s\n\n", \
      id(i), parents, i, alter ? sprintf(", add t%d.note", p1) : "" > f
    printf "-- +upgrade\n" \
      "CREATE TABLE t%d (\n" \
      "    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n" \
      "    name VARCHAR(100) NOT NULL,\n" \
      "    amount NUMERIC(20,4) NOT NULL DEFAULT 0,\n" \
      "    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),\n" \
      "    payload JSONB,\n" \
      "    active BOOLEAN NOT NULL DEFAULT true\n" \
      ");\n" \
      "CREATE INDEX ix_t%d_name ON t%d (name);\n", i, i, i > f
    if (alter) printf "ALTER TABLE t%d ADD COLUMN note TEXT;\n", p1 > f
    if (dml) printf "INSERT INTO t%d (name, amount, active) VALUES (\047row %d\047, %d, true);\n" \
      "UPDATE t%d SET amount = amount / 2 + 1, name = upper(name)" \
      " WHERE name <> \047x\047 AND active = \047true\047;\n", i, i, i, i > f
    printf "\n-- +downgrade\n" > f
    if (alter) printf "ALTER TABLE t%d DROP COLUMN note;\n", p1 > f
    printf "DROP INDEX ix_t%d_name;\nDROP TABLE t%d;\n", i, i > f
    close(f)
    if (adir == "") continue
    down = (p1 == 0) ? "None" : sprintf("\"%s\"", id(p1))
    if (p2 > 0) down = sprintf("(\"%s\", \"%s\")", id(p1), id(p2))
    g = adir "/versions/" id(i) ".py"
    printf "\"\"\"create t%d%s\"\"\"\n" \
      "from alembic import op\n" \
      "import sqlalchemy as sa\n" \
      "from sqlalchemy.dialects import postgresql\n\n" \
      "revision = \"%s\"\n" \
      "down_revision = %s\n" \
      "branch_labels = None\n" \
      "depends_on = None\n\n\n", \
      i, alter ? sprintf(", add t%d.note", p1) : "", id(i), down > g
    printf "def upgrade():\n" \
      "    op.create_table(\n" \
      "        \"t%d\",\n" \
      "        sa.Column(\"id\", sa.BigInteger(), sa.Identity(always=False), nullable=False),\n" \
      "        sa.Column(\"name\", sa.String(length=100), nullable=False),\n" \
      "        sa.Column(\"amount\", sa.Numeric(20, 4), server_default=sa.text(\"0\"), nullable=False),\n" \
      "        sa.Column(\"created_at\", sa.DateTime(timezone=True), server_default=sa.text(\"now()\"), nullable=False),\n" \
      "        sa.Column(\"payload\", postgresql.JSONB(), nullable=True),\n" \
      "        sa.Column(\"active\", sa.Boolean(), server_default=sa.text(\"true\"), nullable=False),\n" \
      "        sa.PrimaryKeyConstraint(\"id\"),\n" \
      "    )\n" \
      "    op.create_index(\"ix_t%d_name\", \"t%d\", [\"name\"])\n", i, i, i > g
    if (alter) printf "    op.add_column(\"t%d\", sa.Column(\"note\", sa.Text(), nullable=True))\n", p1 > g
    printf "\n\ndef downgrade():\n" > g
    if (alter) printf "    op.drop_column(\"t%d\", \"note\")\n", p1 > g
    printf "    op.drop_index(\"ix_t%d_name\", table_name=\"t%d\")\n" \
      "    op.drop_table(\"t%d\")\n", i, i, i > g
    close(g)
  }
}'
