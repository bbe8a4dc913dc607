package dev.strata.dialects.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.lint.Linter;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DBA's lock report on a three-revision chain: the exact text of {@code strata lint --locks}
 * and of the "Locks" section of {@code APPLY.md}, with a table created in the same revision (blocks
 * nobody), a rewrite, a scan, a foreign key's second table, a statement outside the transaction and
 * a {@code -- +dialect} block whose locks are unknown; and the sentence other dialects get.
 */
class LockReportTest {
  @TempDir Path dir;

  private LockReport report(DialectId dialect) throws Exception {
    Path versions = Files.createDirectories(dir.resolve("versions"));
    Files.writeString(versions.resolve("0001_base.sql"), """
        -- revision: 0001_base
        -- revises: base

        -- +upgrade
        CREATE TABLE customers (id BIGINT PRIMARY KEY, email TEXT);
        CREATE TABLE payments (id BIGINT PRIMARY KEY, customer_id BIGINT, note VARCHAR(20));
        """);
    Files.writeString(versions.resolve("0002_change.sql"), """
        -- revision: 0002_change
        -- revises: 0001_base

        -- +upgrade
        CREATE TABLE refunds (id BIGINT PRIMARY KEY, payment_id BIGINT REFERENCES payments (id));
        ALTER TABLE payments ADD CONSTRAINT payments_customer_fk
            FOREIGN KEY (customer_id) REFERENCES customers (id);
        ALTER TABLE payments ALTER COLUMN note TYPE INTEGER USING note::integer;
        CREATE INDEX CONCURRENTLY ix_payments_note ON payments (note);
        -- +dialect postgresql
        ALTER TABLE customers SET (fillfactor = 70);
        -- +end
        UPDATE customers SET email = lower(email) WHERE id > 0;
        """);
    Files.writeString(versions.resolve("0003_quiet.sql"), """
        -- revision: 0003_quiet
        -- revises: 0002_change

        -- +upgrade
        CREATE SCHEMA reports;
        """);
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(versions));
    return LockReport.of(graph, new Planner(graph).plan(Direction.UPGRADE,
        Range.parse(Direction.UPGRADE, "base:heads")), dialect, Linter.Options.DEFAULT);
  }

  @Test
  void text() throws Exception {
    assertEquals("""
        Locks on PostgreSQL, per revision in script order:

        0001_base  VERSIONS/0001_base.sql
          line 5: CREATE TABLE customers (id BIGINT PRIMARY KEY, email TEXT)
            customers: ACCESS EXCLUSIVE; blocks nobody: created by this revision
          line 6: CREATE TABLE payments (id BIGINT PRIMARY KEY, customer_id...
            payments: ACCESS EXCLUSIVE; blocks nobody: created by this revision

        0002_change  VERSIONS/0002_change.sql
          line 5: CREATE TABLE refunds (id BIGINT PRIMARY KEY, payment_id B...
            refunds: ACCESS EXCLUSIVE; blocks nobody: created by this revision
            payments: SHARE ROW EXCLUSIVE; blocks writes, not reads
          line 6: ALTER TABLE payments ADD CONSTRAINT payments_customer_fk ...
            payments: SHARE ROW EXCLUSIVE, scans the table; blocks writes, not reads
            customers: SHARE ROW EXCLUSIVE; blocks writes, not reads
          line 8: ALTER TABLE payments ALTER COLUMN note TYPE INTEGER USING...
            payments: ACCESS EXCLUSIVE, rewrites the table; blocks reads and writes
          line 9: CREATE INDEX CONCURRENTLY ix_payments_note ON payments (n...  (outside a transaction)
            payments: SHARE UPDATE EXCLUSIVE, scans the table; blocks schema changes and VACUUM, not reads or writes
          line 10: ALTER TABLE customers SET (fillfactor = 70);
            locks unknown: a -- +dialect postgresql block: strata does not analyse its SQL
          line 13: UPDATE customers SET email = lower(email) WHERE id > 0
            customers: ROW EXCLUSIVE; blocks SHARE and stronger locks (CREATE INDEX without CONCURRENTLY)

        0003_quiet  VERSIONS/0003_quiet.sql
          no table locks
        """, report(DialectId.POSTGRESQL).text().replace(dir.resolve("versions").toString(),
            "VERSIONS"));
  }

  @Test
  void markdown() throws Exception {
    assertEquals("""
        ## Locks

        The table locks `upgrade.sql` takes, per revision, as strata knows them from the
        revisions (`strata lint --locks` prints the same). A statement waits for its lock and,
        in a transaction, holds it until the transaction commits; while it waits, the queries
        that its lock blocks queue behind it. A rewrite copies the whole table, a scan reads it
        all: both take time in proportion to its size.

        ### 0001_base (`sources/0001_base.sql`)

        | line | statement | table | lock | blocks | rewrite / scan |
        |---|---|---|---|---|---|
        | 5 | `CREATE TABLE customers (id BIGINT PRIMARY KEY, email TEXT)` | customers (new) | ACCESS EXCLUSIVE | nobody: created by this revision |  |
        | 6 | `CREATE TABLE payments (id BIGINT PRIMARY KEY, customer_id...` | payments (new) | ACCESS EXCLUSIVE | nobody: created by this revision |  |

        ### 0002_change (`sources/0002_change.sql`)

        | line | statement | table | lock | blocks | rewrite / scan |
        |---|---|---|---|---|---|
        | 5 | `CREATE TABLE refunds (id BIGINT PRIMARY KEY, payment_id B...` | refunds (new) | ACCESS EXCLUSIVE | nobody: created by this revision |  |
        | 5 | `CREATE TABLE refunds (id BIGINT PRIMARY KEY, payment_id B...` | payments | SHARE ROW EXCLUSIVE | writes, not reads |  |
        | 6 | `ALTER TABLE payments ADD CONSTRAINT payments_customer_fk ...` | payments | SHARE ROW EXCLUSIVE | writes, not reads | scans the table |
        | 6 | `ALTER TABLE payments ADD CONSTRAINT payments_customer_fk ...` | customers | SHARE ROW EXCLUSIVE | writes, not reads |  |
        | 8 | `ALTER TABLE payments ALTER COLUMN note TYPE INTEGER USING...` | payments | ACCESS EXCLUSIVE | reads and writes | rewrites the table |
        | 9 | `CREATE INDEX CONCURRENTLY ix_payments_note ON payments (n...` (outside a transaction) | payments | SHARE UPDATE EXCLUSIVE | schema changes and VACUUM, not reads or writes | scans the table |
        | 10 | `ALTER TABLE customers SET (fillfactor = 70);` | ? | ? | a -- +dialect postgresql block: strata does not analyse its SQL | |
        | 13 | `UPDATE customers SET email = lower(email) WHERE id > 0` | customers | ROW EXCLUSIVE | SHARE and stronger locks (CREATE INDEX without CONCURRENTLY) |  |

        ### 0003_quiet (`sources/0003_quiet.sql`)

        No table locks.
        """, report(DialectId.POSTGRESQL).markdown(
            source -> "sources/" + java.nio.file.Path.of(source).getFileName()));
  }

  @Test
  void otherDialectsAreNotAnalysed() throws Exception {
    LockReport report = report(DialectId.MYSQL);
    assertEquals("strata analyses the table locks of PostgreSQL scripts only; this mysql script's"
        + " locks are not listed (see the lint rules of mysql: strata lint --dialect mysql).\n",
        report.text());
    assertEquals("## Locks\n\n" + report.text(), report.markdown(source -> source));
  }
}
