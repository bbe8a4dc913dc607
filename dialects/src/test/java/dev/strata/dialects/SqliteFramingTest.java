package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.Direction;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of a SQLite script ({@link SqliteFraming}) that the golden corpus, rendered with the
 * default options only, does not show: the directives, the busy timeouts made from the
 * PostgreSQL-style durations, the unguarded shape, and the foreign-key switch around a rebuild.
 */
class SqliteFramingTest {
  @TempDir Path dir;

  private static final String ONE =
      "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
          + "CREATE TABLE t (a INTEGER);\n";

  private String render(ScriptOptions options, String... revisions) throws Exception {
    Chain chain = new Chain(dir.resolve("c" + (++chains)), revisions);
    return chain.render(Dialect.SQLITE, Direction.UPGRADE, "base:head", options).text();
  }

  private int chains;

  @Test
  void aScriptOpensWithTheDirectives() throws Exception {
    String text = render(GoldenCases.OPTIONS, ONE);
    assertEquals(List.of(".bail on", ".headers off", ".mode list", "PRAGMA foreign_keys = ON;"),
        text.lines().limit(4).toList());
    assertEquals(Dialect.SQLITE.clientDirectives(), text.lines().limit(4).toList());
  }

  @Test
  void theLockTimeoutIsTheBusyTimeoutAndTheLockWaitIsItsTimeoutAroundBegin() throws Exception {
    String text = render(GoldenCases.OPTIONS.withTimeouts(Optional.of("5s"), Optional.empty())
        .withLockWait(Optional.of("2min")), ONE);
    assertTrue(text.contains("\n\n.timeout 5000\n\n"), text);
    assertTrue(text.contains("\n.timeout 120000\nBEGIN IMMEDIATE;\n.timeout 5000\n"), text);
    String waitOnly = render(GoldenCases.OPTIONS.withLockWait(Optional.of("1500ms")), ONE);
    assertTrue(waitOnly.contains("\n.timeout 1500\nBEGIN IMMEDIATE;\n.timeout 0\n"), waitOnly);
    assertEquals(2, waitOnly.split("\n\\.timeout ", -1).length - 1, "no session timeout: "
        + waitOnly);
    String micro = render(GoldenCases.OPTIONS.withTimeouts(Optional.of("1001us"),
        Optional.empty()), ONE);
    assertTrue(micro.contains("\n.timeout 2\n"), "microseconds round up: " + micro);
    String plain = render(GoldenCases.OPTIONS.withTimeouts(Optional.of("250"),
        Optional.empty()), ONE);
    assertTrue(plain.contains("\n.timeout 250\n"), "no unit: milliseconds: " + plain);
    String hours = render(GoldenCases.OPTIONS.withTimeouts(Optional.of("1h"),
        Optional.empty()), ONE);
    assertTrue(hours.contains("\n.timeout 3600000\n"), hours);
  }

  @Test
  void anUnguardedScriptHasNoGuardAndAPlainBegin() throws Exception {
    String text = render(GoldenCases.OPTIONS.withGuards(false), ONE,
        "-- revision: 0002_u\n-- revises: 0001_t\n-- message: u\n\n-- +upgrade\n"
            + "CREATE TABLE u (a INTEGER);\n");
    assertFalse(text.contains("strata_check"), text);
    assertFalse(text.contains("IMMEDIATE"), text);
    assertTrue(text.contains("\nBEGIN;\n"), text);
    assertTrue(text.contains("UPDATE alembic_version SET version_num = '0002_u'"
        + " WHERE alembic_version.version_num = '0001_t';\n"), text);
  }

  @Test
  void aTransactionWithARebuildRunsWithForeignKeysOff() throws Exception {
    String text = render(GoldenCases.OPTIONS, ONE,
        "-- revision: 0002_u\n-- revises: 0001_t\n-- message: u\n\n-- +upgrade\n"
            + "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n");
    int off = text.indexOf("PRAGMA foreign_keys = OFF;\n\nBEGIN IMMEDIATE;");
    int rebuild = text.indexOf(SqliteRebuild.MARKER);
    int check = text.indexOf("CONSTRAINT `strata: foreign keys are broken at the end of this"
        + " script");
    int on = text.indexOf("COMMIT;\n\nPRAGMA foreign_keys = ON;\n");
    assertTrue(off > 0 && off < rebuild && rebuild < check && check < on, text);
    assertTrue(text.endsWith("COMMIT;\n\nPRAGMA foreign_keys = ON;\n"), text);
  }

  /**
   * Canary for {@link SqliteCheck}: jOOQ 3.20 writes {@code CREATE GLOBAL TEMPORARY TABLE} for
   * SQLite, which SQLite refuses, so a check's table is named in the schema {@code temp} instead.
   */
  @Test
  void jooqWritesAGlobalTemporaryTableForSqlite() {
    SqlContext sql = SqlContext.forDialect(Dialect.SQLITE);
    assertTrue(sql.render(sql.dsl().createTemporaryTableIfNotExists("x")
        .column("a", org.jooq.impl.SQLDataType.INTEGER)).startsWith("CREATE GLOBAL TEMPORARY"));
  }
}
