package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view's {@code *}: PostgreSQL expands it when the view is made, so the view keeps its columns
 * when its table gains one (by SQLite's own {@code ADD COLUMN} or by a rebuild) and keeps their
 * names when one is renamed (and so does a column the view names without an alias); SQLite would
 * expand it at every query, so strata writes the columns
 * out ({@link ViewStars}), run here with the real sqlite3. A {@code USING} join and a subquery are
 * left as written.
 */
class SqliteViewStarTest {
  @TempDir Path dir;

  @Test
  void aViewKeepsTheColumnsItsStarHadWhenItWasMade() throws Exception {
    Chain chain = new Chain(dir.resolve("stars"), """
        -- revision: 0001_views
        -- revises: base
        -- message: views

        -- +upgrade
        CREATE TABLE t (id BIGINT PRIMARY KEY, a TEXT, "Mixed Col" TEXT);
        CREATE TABLE u (id BIGINT PRIMARY KEY, t_id BIGINT, b TEXT);
        CREATE VIEW v AS SELECT * FROM t;
        CREATE VIEW w AS SELECT x.*, u.b FROM t AS x JOIN u ON u.t_id = x.id;
        CREATE VIEW kept AS SELECT * FROM (SELECT id FROM t) AS q;
        INSERT INTO t (id, a, "Mixed Col") VALUES (1, 'x', 'm');
        INSERT INTO u (id, t_id, b) VALUES (1, 1, 'y');
        """, """
        -- revision: 0002_columns
        -- revises: 0001_views
        -- message: columns

        -- +upgrade
        ALTER TABLE t ADD COLUMN c TEXT DEFAULT 'new';
        ALTER TABLE t ADD COLUMN d INTEGER NOT NULL DEFAULT 1 CHECK (d > 0);
        ALTER TABLE t RENAME COLUMN a TO a2;
        """);
    Path script = chain.script(Dialect.SQLITE, Direction.UPGRADE, "base:head",
        GoldenCases.OPTIONS);
    String text = Files.readString(script);
    assertTrue(text.contains("CREATE VIEW v AS SELECT t.id AS id, t.a AS a,"
        + " t.`Mixed Col` AS `Mixed Col` FROM t;"), text);
    assertTrue(text.contains("CREATE VIEW kept AS SELECT * FROM (SELECT id FROM t) AS q;"), text);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_view_star")) {
      ClientRun run = Sqlite3.apply(database, script);
      assertEquals("", run.stdout() + run.stderr());
      assertEquals(List.of("id|a|Mixed Col", "1|x|m"), Sqlite3.query(database,
          ".headers on\nSELECT * FROM v"));
      assertEquals(List.of("id|a|Mixed Col|b", "1|x|m|y"), Sqlite3.query(database,
          ".headers on\nSELECT * FROM w"));
      assertEquals(List.of("id|a2|Mixed Col|c|d", "1|x|m|new|1"), Sqlite3.query(database,
          ".headers on\nSELECT * FROM t"));
    }
  }

  /**
   * A column a view names without an alias keeps its name in the view when the table's column is
   * renamed, as in PostgreSQL (whose view's text becomes {@code a2 AS a}); SQLite's {@code RENAME
   * COLUMN} rewrote the view's {@code a} to {@code a2}, renaming the view's column too.
   */
  @Test
  void aViewKeepsItsColumnNamesWhenATableColumnIsRenamed() throws Exception {
    Chain chain = new Chain(dir.resolve("named"), """
        -- revision: 0001_views
        -- revises: base
        -- message: views

        -- +upgrade
        CREATE TABLE t (id BIGINT PRIMARY KEY, a TEXT);
        CREATE VIEW v AS SELECT id, t.a, upper(a) AS up FROM t WHERE a <> '';
        INSERT INTO t (id, a) VALUES (1, 'x');
        ALTER TABLE t RENAME COLUMN a TO a2;
        """);
    Path script = chain.script(Dialect.SQLITE, Direction.UPGRADE, "base:head",
        GoldenCases.OPTIONS);
    String text = Files.readString(script);
    assertTrue(text.contains("CREATE VIEW v AS SELECT id AS id, t.a AS a, upper(a) AS up FROM t"
        + " WHERE a <> '';"), text);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_view_named")) {
      Sqlite3.apply(database, script);
      assertEquals(List.of("id|a|up", "1|x|X"), Sqlite3.query(database,
          ".headers on\nSELECT * FROM v"));
    }
  }

  /**
   * Renamed, a view is made again from the model, where its {@code *} would stand for the columns
   * its tables have then, not the ones PostgreSQL's view kept: refused (E0450).
   */
  @Test
  void aViewWithAStarIsNotRenamed() throws Exception {
    Chain chain = new Chain(dir.resolve("renamed"), """
        -- revision: 0001_views
        -- revises: base
        -- message: views

        -- +upgrade
        CREATE TABLE t (id BIGINT PRIMARY KEY, a TEXT);
        CREATE VIEW v AS SELECT * FROM t;
        ALTER TABLE t ADD COLUMN extra INTEGER;
        ALTER VIEW v RENAME TO w;
        """);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain.render(
        Dialect.SQLITE, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
    String text = e.diagnostics().getFirst().format();
    assertTrue(text.contains("error[E0450]: ALTER VIEW ... RENAME TO cannot be rendered for"
        + " sqlite: view v selects *"), text);
  }
}
