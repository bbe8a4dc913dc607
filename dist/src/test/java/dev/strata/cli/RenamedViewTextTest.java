package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view's query as written, after a rename the view followed in PostgreSQL ({@code RENAME
 * COLUMN}, a table's rename): the schema model keeps the text, which names the old name, so
 * whatever would create the view again from it refuses or says so (the derived downgrade of {@code
 * DROP VIEW}: E0633; SQLite's {@code ALTER VIEW}: E0450; {@code strata schema}: a warning), and
 * a view redefined after the rename, or a rename undone, is created again from its text and runs
 * on the real server. Before, the derived downgrade wrote {@code CREATE VIEW v AS SELECT id, a FROM
 * t}, which PostgreSQL refused ({@code column "a" does not exist}), and SQLite's {@code ALTER VIEW
 * v RENAME TO w} made a view failing at every query.
 */
class RenamedViewTextTest {
  private static final String CREATE = "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
      + "CREATE TABLE t (id BIGINT PRIMARY KEY, a TEXT);\n"
      + "CREATE VIEW v AS SELECT id, a FROM t;\n\n-- +downgrade\nDROP VIEW v;\nDROP TABLE t;\n";
  private static final String RENAME_COLUMN = "-- revision: 0002_b\n-- revises: 0001_a\n\n"
      + "-- +upgrade\nALTER TABLE t RENAME COLUMN a TO b;\n\n"
      + "-- +downgrade\nALTER TABLE t RENAME COLUMN b TO a;\n";

  @TempDir Path tmp;

  private Path versions(String... files) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1]);
    }
    return dir;
  }

  private static String revision(String id, String parent, String upgrade, String downgrade) {
    return "-- revision: " + id + "\n-- revises: " + parent + "\n\n-- +upgrade\n" + upgrade
        + "\n" + (downgrade == null ? "" : "\n-- +downgrade\n" + downgrade + "\n");
  }

  @Test
  void theDerivedDowngradeOfDropViewIsRefusedAfterAColumnRenameTheViewFollowed() throws Exception {
    Path dir = versions("0001_a.sql", CREATE, "0002_b.sql", RENAME_COLUMN,
        "0003_c.sql", revision("0003_c", "0002_b", "DROP VIEW v;", null));
    Cli check = Cli.run("check", "--versions", dir.toString());
    assertEquals(1, check.exitCode());
    assertTrue(check.err().startsWith(dir.resolve("0003_c.sql") + ":5:1: error[E0633]: cannot"
        + " derive the downgrade of '0003_c': view v cannot be created again from its query as"
        + " written: column a of table t was renamed to b at " + dir.resolve("0002_b.sql")
        + ":5:34, which PostgreSQL's view followed and the query's text does not\n"),
        check.err());
    assertTrue(check.err().contains("  = note: view v was created at "
        + dir.resolve("0001_a.sql") + ":6:13\n"), check.err());
    Cli down = Cli.run("downgrade", "head:0002_b", "--versions", dir.toString());
    assertEquals(1, down.exitCode());
    assertEquals("", down.out());
  }

  @Test
  void theDerivedDowngradeOfDropViewIsRefusedAfterATableRenameTheViewFollowed() throws Exception {
    Path dir = versions("0001_a.sql", CREATE,
        "0002_b.sql", revision("0002_b", "0001_a", "ALTER TABLE t RENAME TO u;",
            "ALTER TABLE u RENAME TO t;"),
        "0003_c.sql", revision("0003_c", "0002_b", "DROP VIEW v;", null));
    Cli check = Cli.run("check", "--versions", dir.toString());
    assertEquals(1, check.exitCode());
    assertTrue(check.err().contains("error[E0633]: cannot derive the downgrade of '0003_c': view v"
        + " cannot be created again from its query as written: table t was renamed to u at "
        + dir.resolve("0002_b.sql") + ":5:25,"), check.err());
  }

  /**
   * The view redefined after the rename (what the help says), or the rename undone: the derived
   * downgrade of {@code DROP VIEW} creates it again from its text, and psql runs the whole chain
   * up and down.
   */
  @Test
  void aViewRedefinedAfterTheRenameOrARenameUndoneIsCreatedAgainOnTheServer() throws Exception {
    Path redefined = versions("0001_a.sql", CREATE, "0002_b.sql", RENAME_COLUMN,
        "0003_c.sql", revision("0003_c", "0002_b",
            "CREATE OR REPLACE VIEW v AS SELECT id, b AS a FROM t;", "-- +no-op"),
        "0004_d.sql", revision("0004_d", "0003_c", "DROP VIEW v;", null));
    Cli down = Cli.run("downgrade", "0004_d:0003_c", "--versions", redefined.toString());
    assertEquals(0, down.exitCode(), down.err());
    assertTrue(down.out().contains("\nCREATE VIEW v AS SELECT id, b AS a FROM t;\n"), down.out());
    upAndDown(redefined);

    Path undone = Files.createDirectory(tmp.resolve("undone"));
    Files.writeString(undone.resolve("0001_a.sql"), CREATE);
    Files.writeString(undone.resolve("0002_b.sql"), RENAME_COLUMN);
    Files.writeString(undone.resolve("0003_c.sql"), revision("0003_c", "0002_b",
        "ALTER TABLE t RENAME COLUMN b TO a;", "ALTER TABLE t RENAME COLUMN a TO b;"));
    Files.writeString(undone.resolve("0004_d.sql"),
        revision("0004_d", "0003_c", "DROP VIEW v;", null));
    assertEquals(0, Cli.run("check", "--versions", undone.toString()).exitCode());
    upAndDown(undone);
  }

  private void upAndDown(Path dir) throws Exception {
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_view_text");
    try {
      for (String[] step : List.of(new String[] {"upgrade", "base:head"},
          new String[] {"downgrade", "head:0003_c"})) {
        Path script = tmp.resolve(dir.getFileName() + "-" + step[0] + ".sql");
        Cli cli = Cli.run(step[0], step[1], "--versions", dir.toString(), "-o", script.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        PostgresServer.ProcessResult run = server.psql(db, script);
        assertEquals(0, run.exitCode(), step[0] + ": " + run.stderr());
      }
      // the view is back, under its column name, reading the table's column as it is now
      server.execute(db, "INSERT INTO t VALUES (1, 'x')");
      assertEquals(List.of("1|x"), server.query(db, "SELECT id, a FROM v"));
    } finally {
      server.dropDatabase(db);
    }
  }

  @Test
  void sqliteRefusesToCreateTheViewAgainFromTextThatNamesTheOldColumn() throws Exception {
    Path dir = versions("0001_a.sql", CREATE, "0002_b.sql", RENAME_COLUMN,
        "0003_c.sql", revision("0003_c", "0002_b", "ALTER VIEW v RENAME TO w;",
            "ALTER VIEW w RENAME TO v;"));
    Path out = tmp.resolve("up.sql");
    Cli up = Cli.run("upgrade", "base:head", "--dialect", "sqlite", "--versions", dir.toString(),
        "-o", out.toString());
    assertEquals(1, up.exitCode());
    assertTrue(up.err().startsWith(dir.resolve("0003_c.sql") + ":5:1: error[E0450]: ALTER VIEW"
        + " cannot be rendered for sqlite: SQLite alters a view by dropping it and creating it"
        + " again from its query as written, and the query of view v names what was renamed"
        + " since: column a of table t was renamed to b at " + dir.resolve("0002_b.sql")
        + ":5:34\n"), up.err());
    assertFalse(Files.exists(out));
    // PostgreSQL renames the view in place
    assertEquals(0, Cli.run("upgrade", "base:head", "--versions", dir.toString()).exitCode());
  }

  /**
   * SQLite renames a view's column by dropping and creating the view: a view over it that names
   * the column kept the old name and failed at every query ({@code no such column: email});
   * PostgreSQL's follows. Refused; a reader that does not name the column is no obstacle.
   */
  @Test
  void sqliteRefusesAViewColumnRenameThatAViewOverItReads() throws Exception {
    String upgrade = "CREATE TABLE t (id BIGINT PRIMARY KEY, e TEXT);\n"
        + "CREATE VIEW v (id, email) AS SELECT id, e FROM t;\n"
        + "CREATE VIEW x AS SELECT %s FROM v;\n"
        + "ALTER VIEW v RENAME COLUMN email TO mail;";
    Path dir = versions("0001_a.sql", revision("0001_a", "base", upgrade.formatted("email"),
        "DROP VIEW x;\nDROP VIEW v;\nDROP TABLE t;"));
    Cli up = Cli.run("upgrade", "base:head", "--dialect", "sqlite", "--versions", dir.toString());
    assertEquals(1, up.exitCode());
    assertTrue(up.err().startsWith(dir.resolve("0001_a.sql") + ":8:1: error[E0450]: ALTER VIEW"
        + " ... RENAME COLUMN cannot be rendered for sqlite: view x reads column email of view v,"
        + " and SQLite, which renames it by dropping and creating the view, would leave it naming"
        + " the old column, failing at every query; PostgreSQL's follows the rename\n"),
        up.err());
    Files.writeString(dir.resolve("0001_a.sql"), revision("0001_a", "base",
        upgrade.formatted("id"), "DROP VIEW x;\nDROP VIEW v;\nDROP TABLE t;"));
    Path script = tmp.resolve("up.sql");
    Cli ok = Cli.run("upgrade", "base:head", "--dialect", "sqlite", "--versions", dir.toString(),
        "-o", script.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    try (dev.strata.testkit.SqliteDatabase db = dev.strata.testkit.SqliteDatabase.create("view")) {
      assertEquals(0, db.apply(script).exitCode());
      db.execute("INSERT INTO t VALUES (1, 'a@b')");
      assertEquals(List.of("1|a@b"), db.query("SELECT id, mail FROM v"));
      assertEquals(List.of("1"), db.query("SELECT id FROM x"));
    }
  }

  @Test
  void theSchemaScriptSaysWhichViewsNameWhatWasRenamed() throws Exception {
    Path dir = versions("0001_a.sql", CREATE, "0002_b.sql", RENAME_COLUMN);
    String warning = "--\n-- WARNING: the query of view v, as " + dir.resolve("0001_a.sql")
        + ":6:13 wrote it, names what was renamed since;\n-- PostgreSQL's view followed, this"
        + " script's CREATE VIEW fails there:\n--   column a of table t was renamed to b at "
        + dir.resolve("0002_b.sql") + ":5:34\n-- (redefine the view after the rename, in a"
        + " revision of its own)\n";
    for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
      Cli schema = Cli.run("schema", "head", "--dialect", dialect, "--versions", dir.toString());
      assertEquals(0, schema.exitCode(), schema.err());
      assertTrue(schema.out().contains(warning), dialect + ":\n" + schema.out());
    }
    Cli before = Cli.run("schema", "0001_a", "--versions", dir.toString());
    assertFalse(before.out().contains("WARNING"), before.out());
    Cli json = Cli.run("schema", "head", "--format", "json", "--versions", dir.toString());
    assertEquals(0, json.exitCode(), json.err());
    assertTrue(json.out().replaceAll("\\s+", "").contains("\"renamedSince\":[{\"object\":"
        + "\"column\",\"owner\":\"tablet\",\"from\":\"a\",\"to\":\"b\",\"origin\":{"
        + "\"revision\":\"0002_b\","), json.out());
  }
}
