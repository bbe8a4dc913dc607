package dev.strata.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two revision rules about locks, {@code no-lock-timeout} and {@code
 * statements-after-access-exclusive}, on a revision after {@link LintProbe#BASE}: the exact text
 * {@code strata lint} prints, and what does not trigger them (a timeout, a table created in the
 * same revision, a transaction that ends after the lock).
 */
class LockRulesTest {
  @TempDir Path tmp;

  private String lint(String sql, Linter.Options options) throws Exception {
    Path dir = tmp.resolve("v" + System.nanoTime());
    List<Finding> findings = new Linter(List.of(),
        List.of(new NoLockTimeout(), new StatementsAfterAccessExclusive()))
        .lint(LintProbe.graph(dir, sql), Linter.ALL, DialectId.POSTGRESQL, options);
    return LintText.format(findings).replace(dir.toString(), "versions");
  }

  private String lint(String sql) throws Exception {
    return lint(sql, Linter.Options.DEFAULT);
  }

  @Test
  void accessExclusiveWithoutLockTimeout() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:13: warning[no-lock-timeout]: ACCESS EXCLUSIVE on table \
        payments is taken without a lock_timeout: while it waits, every query of payments waits \
        behind it
          5 | ALTER TABLE payments ADD COLUMN paid_at DATE;
            |             ^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
          = help: --lock-timeout 5s (or the revision's own SET lock_timeout)
        """, lint("ALTER TABLE payments ADD COLUMN paid_at DATE;"));
  }

  @Test
  void aLockTimeoutOfTheScriptOrTheRevisionSilencesIt() throws Exception {
    String sql = "ALTER TABLE payments ADD COLUMN paid_at DATE;";
    assertEquals("", lint(sql, new Linter.Options(Optional.of("5s"), false)));
    assertEquals("", lint("SET lock_timeout = '5s';\n" + sql));
  }

  @Test
  void aLockTimeoutSetAfterTheLockOrToZeroDoesNot() throws Exception {
    String after = lint("ALTER TABLE payments ADD COLUMN paid_at DATE;\n"
        + "SET lock_timeout = '5s';");
    assertEquals(1, after.lines().filter(l -> l.contains("[no-lock-timeout]")).count(), after);
    String zero = lint("SET lock_timeout = 0;\nALTER TABLE payments ADD COLUMN paid_at DATE;");
    assertEquals(1, zero.lines().filter(l -> l.contains("[no-lock-timeout]")).count(), zero);
  }

  @Test
  void weakerLocksAndNewTablesNeedNoTimeout() throws Exception {
    assertEquals("", lint("CREATE TABLE refunds (id BIGINT PRIMARY KEY);\n"
        + "ALTER TABLE refunds ADD COLUMN note TEXT;\n"
        + "UPDATE payments SET note = 'x' WHERE id = 1;"));
  }

  @Test
  void statementsAfterTheLockInTheBundleTransaction() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:13: warning[no-lock-timeout]: ACCESS EXCLUSIVE on table \
        payments is taken without a lock_timeout: while it waits, every query of payments waits \
        behind it
          5 | ALTER TABLE payments ADD COLUMN paid_at DATE;
            |             ^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
          = help: --lock-timeout 5s (or the revision's own SET lock_timeout)
        versions/0002_change.sql:6:1: warning[statements-after-access-exclusive]: 2 more \
        statements run while ACCESS EXCLUSIVE on table payments (taken at line 5) is held until \
        the script's COMMIT (bundle mode: one transaction for every revision)
          6 | UPDATE payments SET paid_at = CURRENT_DATE WHERE id < 100;
            | ^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
          = help: --transaction revision, with the statements after line 5 in a revision of their \
        own; or the statement of line 5 last in its revision
        """, lint("""
            ALTER TABLE payments ADD COLUMN paid_at DATE;
            UPDATE payments SET paid_at = CURRENT_DATE WHERE id < 100;
            CREATE INDEX ix_customers_email ON customers (email);"""));
  }

  @Test
  void perRevisionTransactionsEndWithTheRevision() throws Exception {
    String text = lint("ALTER TABLE payments ADD COLUMN paid_at DATE;\n"
        + "ALTER TABLE customers ADD COLUMN name TEXT;",
        new Linter.Options(Optional.of("5s"), true));
    assertEquals("""
        versions/0002_change.sql:6:1: warning[statements-after-access-exclusive]: 1 more \
        statement runs while ACCESS EXCLUSIVE on table payments (taken at line 5) is held until \
        the revision's COMMIT
          6 | ALTER TABLE customers ADD COLUMN name TEXT;
            | ^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
          = help: move the statements after line 5 to a revision of their own, or the statement \
        of line 5 to the end of this one
        """, text);
  }

  @Test
  void aStatementOutsideTheTransactionEndsIt() throws Exception {
    Linter.Options timeout = new Linter.Options(Optional.of("5s"), false);
    assertEquals("", lint("ALTER TABLE payments ADD COLUMN paid_at DATE;\n"
        + "CREATE INDEX CONCURRENTLY ix_payments_paid_at ON payments (paid_at);", timeout));
    assertEquals("", lint("ALTER TABLE payments ADD COLUMN paid_at DATE;\n"
        + "-- +no-transaction\nUPDATE payments SET paid_at = CURRENT_DATE WHERE id < 100;",
        timeout));
    assertEquals("", lint("ALTER TABLE payments ADD COLUMN paid_at DATE;\n"
        + "UPDATE payments SET paid_at = CURRENT_DATE WHERE id < 100;",
        new Linter.Options(Optional.of("5s"), false, false)));
  }

  @Test
  void theLastStatementOfARevisionIsNotFlagged() throws Exception {
    assertEquals("", lint("CREATE TABLE refunds (id BIGINT PRIMARY KEY);\n"
        + "ALTER TABLE payments ADD COLUMN paid_at DATE;",
        new Linter.Options(Optional.of("5s"), false)));
  }
}
