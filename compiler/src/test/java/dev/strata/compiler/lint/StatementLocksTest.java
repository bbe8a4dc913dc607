package dev.strata.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.DialectId;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Expr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link StatementLocks} says that a server cannot show in {@code pg_locks}: the scans (and
 * the rewrites judged from the model) of statements on {@link LintProbe#BASE}'s {@code payments},
 * the caret of a lock, and the statements whose locks are unknown. The lock modes themselves are
 * proven against PostgreSQL by {@code StatementLocksPostgresTest} (module dialects).
 */
class StatementLocksTest {
  @TempDir Path tmp;

  private List<StatementContext> contexts(String sql) throws Exception {
    List<RevisionContext> revisions = new ArrayList<>();
    new Linter(List.of(), List.of(revision -> {
      revisions.add(revision);
      return List.of();
    })).lint(LintProbe.graph(tmp.resolve("v" + System.nanoTime()), sql), Linter.ALL,
        DialectId.POSTGRESQL, Linter.Options.DEFAULT);
    return revisions.getLast().upgrade();
  }

  private String locks(String sql) throws Exception {
    return StatementLocks.of(contexts(sql).getLast()).stream()
        .map(l -> l.table() + " " + l.level().sql() + (l.rewrite() ? " rewrite" : "")
            + (l.scan() ? " scan" : ""))
        .collect(Collectors.joining(", "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ALTER TABLE payments ADD COLUMN paid_at DATE | payments ACCESS EXCLUSIVE",
      "ALTER TABLE payments ADD COLUMN paid BOOLEAN NOT NULL | payments ACCESS EXCLUSIVE scan",
      "ALTER TABLE payments ADD COLUMN paid BOOLEAN NOT NULL DEFAULT false"
          + " | payments ACCESS EXCLUSIVE",
      "ALTER TABLE payments ADD COLUMN at TIMESTAMPTZ DEFAULT now() | payments ACCESS EXCLUSIVE",
      "ALTER TABLE payments ADD COLUMN at TIMESTAMPTZ DEFAULT clock_timestamp()"
          + " | payments ACCESS EXCLUSIVE rewrite",
      "ALTER TABLE payments ADD COLUMN n BIGSERIAL | payments ACCESS EXCLUSIVE rewrite",
      "ALTER TABLE payments ALTER COLUMN note TYPE VARCHAR(80) | payments ACCESS EXCLUSIVE",
      "ALTER TABLE payments ALTER COLUMN note TYPE VARCHAR(20) | payments ACCESS EXCLUSIVE rewrite",
      "ALTER TABLE payments ALTER COLUMN status TYPE VARCHAR(20)"
          + " | payments ACCESS EXCLUSIVE rewrite",
      "ALTER TABLE payments ALTER COLUMN status TYPE VARCHAR | payments ACCESS EXCLUSIVE",
      "ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(14, 2) | payments ACCESS EXCLUSIVE",
      "ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(14, 4)"
          + " | payments ACCESS EXCLUSIVE rewrite",
      "ALTER TABLE payments ALTER COLUMN note SET NOT NULL | payments ACCESS EXCLUSIVE scan",
      "ALTER TABLE payments ADD CONSTRAINT c CHECK (amount > 0) | payments ACCESS EXCLUSIVE scan",
      "ALTER TABLE payments ADD CONSTRAINT c CHECK (amount > 0) NOT VALID"
          + " | payments ACCESS EXCLUSIVE",
      "ALTER TABLE payments ADD CONSTRAINT f FOREIGN KEY (customer_id) REFERENCES customers (id)"
          + " | payments SHARE ROW EXCLUSIVE scan, customers SHARE ROW EXCLUSIVE",
      "ALTER TABLE payments ADD CONSTRAINT f FOREIGN KEY (customer_id) REFERENCES customers (id)"
          + " NOT VALID | payments SHARE ROW EXCLUSIVE, customers SHARE ROW EXCLUSIVE",
      "ALTER TABLE payments ADD CONSTRAINT u UNIQUE (note) | payments ACCESS EXCLUSIVE scan",
      "ALTER TABLE payments ADD COLUMN x INTEGER, ALTER COLUMN note TYPE TEXT"
          + " | payments ACCESS EXCLUSIVE",
      "CREATE INDEX ix ON payments (note) | payments SHARE scan",
      "DROP INDEX ix_payments_customer_id | payments ACCESS EXCLUSIVE",
      "DROP INDEX CONCURRENTLY ix_payments_customer_id | payments SHARE UPDATE EXCLUSIVE",
      "LOCK TABLE payments IN SHARE ROW EXCLUSIVE MODE | payments SHARE ROW EXCLUSIVE",
      "LOCK TABLE payments | payments ACCESS EXCLUSIVE",
      "SET lock_timeout = '5s' | ''",
  })
  void locksOnPayments(String sql, String expected) throws Exception {
    assertEquals(expected, locks(sql + ";"));
  }

  @Test
  void aValidatedNotNullCheckSparesTheScan() throws Exception {
    assertEquals("payments ACCESS EXCLUSIVE", locks(
        "ALTER TABLE payments ADD CONSTRAINT nn CHECK (note IS NOT NULL) NOT VALID;\n"
            + "ALTER TABLE payments VALIDATE CONSTRAINT nn;\n"
            + "ALTER TABLE payments ALTER COLUMN note SET NOT NULL;"));
  }

  @Test
  void theCaretIsOnTheNameAsWritten() throws Exception {
    StatementContext drop = contexts("DROP INDEX ix_payments_customer_id;").getLast();
    assertEquals(new Span(5, 12, 23), StatementLocks.location(drop,
        StatementLocks.of(drop).getFirst().table()).span());
  }

  @Test
  void unknownLocksSayWhy() throws Exception {
    StatementContext raw = contexts(
        "-- +dialect postgresql\nALTER TABLE payments SET (fillfactor = 70);\n-- +end").getLast();
    assertEquals("a -- +dialect postgresql block: strata does not analyse its SQL",
        StatementLocks.unknown(raw).orElseThrow());
    assertEquals(List.of(), StatementLocks.of(raw));
    StatementContext plain = contexts("UPDATE payments SET note = 'x' WHERE id = 1;").getLast();
    assertEquals(Optional.empty(), StatementLocks.unknown(plain));
  }

  @Test
  void volatileDefaults() {
    Span at = Span.at(1, 1);
    assertEquals(true, Volatility.isVolatile(new Expr("gen_random_uuid()", at)));
    assertEquals(true, Volatility.isVolatile(new Expr("(random() * 10)::int", at)));
    assertEquals(true, Volatility.isVolatile(new Expr("nextval('s'::regclass)", at)));
    assertEquals(false, Volatility.isVolatile(new Expr("now()", at)));
    assertEquals(false, Volatility.isVolatile(new Expr("'random()'", at)));
    assertEquals(false, Volatility.isVolatile(new Expr("CURRENT_TIMESTAMP", at)));
  }
}
