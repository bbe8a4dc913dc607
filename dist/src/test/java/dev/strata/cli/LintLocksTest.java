package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code strata lint --locks}: before the summary, the lock report of the range (the same as a
 * bundle's APPLY.md "Locks" section, as text), on the sample chain; and the sentence another
 * dialect gets.
 */
class LintLocksTest {
  @Test
  void locksFollowTheSummary() {
    Cli cli = Cli.run("lint", "--locks", "0021:0022", "--versions",
        Cli.sampleVersions().toString());
    assertEquals(0, cli.exitCode(), cli.err());
    String out = cli.out().replace(Cli.sampleVersions().toString(), "VERSIONS");
    assertEquals("""
        Locks on PostgreSQL, per revision in script order:

        0022_transaction_value_date  VERSIONS/0022_transaction_value_date.sql
          line 9: UPDATE transactions SET value_date = CAST(booked_at AT TI...
            transactions: ROW EXCLUSIVE; blocks SHARE and stronger locks (CREATE INDEX without CONCURRENTLY)
          line 12: ALTER TABLE transactions ALTER COLUMN value_date SET DEFA...
            transactions: ACCESS EXCLUSIVE, scans the table; blocks reads and writes

        """, out.substring(0, out.indexOf("lint: 1 revision")));
  }

  @Test
  void otherDialectsSaySo() {
    Cli cli = Cli.run("lint", "--locks", "--dialect", "sqlite", "0021:0022", "--versions",
        Cli.sampleVersions().toString());
    assertEquals("strata analyses the table locks of PostgreSQL scripts only; this sqlite"
        + " script's locks are not listed (see the lint rules of sqlite: strata lint --dialect"
        + " sqlite).\n\n", cli.out().substring(0, cli.out().indexOf("lint: 1 revision")),
        cli.err());
  }
}
