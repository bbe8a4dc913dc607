"""Runs several offline Alembic commands in one interpreter, for strata's Alembic import proof.

Usage: python alembic_offline.py INI OUTDIR COMMAND TARGET [COMMAND TARGET ...]
where COMMAND is upgrade or downgrade and TARGET what `alembic COMMAND TARGET --sql` takes.
For the i-th pair (from 0) it writes OUTDIR/i.sql, the script Alembic printed, and, when Alembic
failed, OUTDIR/i.failed with its message, as `alembic ... --sql` would have printed it.
"""
import sys
import traceback

from alembic import command
from alembic.config import Config
from alembic.util import CommandError


def main(argv):
    ini, outdir, pairs = argv[1], argv[2], argv[3:]
    for i in range(0, len(pairs), 2):
        name, target = pairs[i], pairs[i + 1]
        n = i // 2
        with open("%s/%d.sql" % (outdir, n), "w", encoding="utf-8") as out:
            config = Config(ini, output_buffer=out)
            try:
                getattr(command, name)(config, target, sql=True)
            except CommandError as e:
                failed(outdir, n, "FAILED: %s" % e)
            except Exception:
                failed(outdir, n, traceback.format_exc())
    return 0


def failed(outdir, n, message):
    with open("%s/%d.failed" % (outdir, n), "w", encoding="utf-8") as f:
        f.write(message)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
