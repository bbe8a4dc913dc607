package dev.strata.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The alternatives the PostgreSQL rules spell out are SQL that runs: each is applied by {@code
 * psql} (ON_ERROR_STOP, autocommit, so {@code CONCURRENTLY} runs outside a transaction) to a real
 * database holding the base revision's tables with rows, and then linting the alternative as a
 * revision of its own finds nothing. Under {@code CI=true} a missing server fails the test.
 */
class PgAlternativesPostgresTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE INDEX ix_payments_note ON payments (note);",
      "CREATE UNIQUE INDEX ON payments (id, note);",
      "DROP INDEX ix_payments_customer_id;",
      "ALTER TABLE payments ADD CONSTRAINT fk_payments_customer FOREIGN KEY (customer_id)"
          + " REFERENCES customers (id);",
      "ALTER TABLE payments ADD CONSTRAINT ck_amount CHECK (amount > 0);",
      "ALTER TABLE payments ALTER COLUMN note SET NOT NULL;",
      "ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(8, 2);",
      "ALTER TABLE payments ADD CONSTRAINT uq_payments_id_note UNIQUE (id, note);",
      "ALTER TABLE payments RENAME TO charges;",
      "ALTER TABLE payments ADD COLUMN token UUID DEFAULT gen_random_uuid();",
      "ALTER TABLE payments ADD COLUMN payer_id BIGINT REFERENCES customers (id);",
      "ALTER TABLE payments ADD COLUMN fee NUMERIC CONSTRAINT ck_fee CHECK (fee >= 0);",
      "ALTER TABLE payments ADD COLUMN reference TEXT UNIQUE;"
  })
  void theAlternativeRunsOnPostgresAndLintsClean(String dangerous) throws Exception {
    List<Finding> findings = LintProbe.findings(tmp.resolve("d"), dangerous);
    assertEquals(1, findings.size(), findings::toString);
    String alternative = findings.getFirst().alternative().orElseThrow();
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("l1_alt");
    try {
      Path setup = tmp.resolve("setup.sql");
      Files.writeString(setup, LintProbe.BASE + "\n"
          + "INSERT INTO customers VALUES (1, 'a@example.com');\n"
          + "INSERT INTO payments VALUES (1, 1, 10.50, 'first', 'new'),"
          + " (2, 1, 20.00, 'second', 'new');\n");
      assertEquals(0, server.psql(db, setup).exitCode());
      Path script = tmp.resolve("alternative.sql");
      Files.writeString(script, alternative + "\n");
      PostgresServer.ProcessResult run = server.psql(db, script);
      assertEquals(0, run.exitCode(), () -> alternative + "\n" + run.stderr());
    } finally {
      server.dropDatabase(db);
    }
    String runnable = String.join("\n", alternative.lines()
        .filter(l -> !l.startsWith("--")).toList());
    assertTrue(!runnable.contains("<") && !runnable.contains("..."), runnable);
    List<Finding> after = LintProbe.findings(tmp.resolve("e"), runnable);
    assertEquals(List.of(), after.stream().map(Finding::rule)
        .filter(r -> r != Rule.RENAME && r != Rule.DROP_DATA).toList(), runnable);
  }
}
