package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows a chain leaves after {@code strata upgrade base:head} is run by the real client of a
 * dialect: {@code psql} against PostgreSQL, {@code mariadb} against MariaDB, {@code sqlite3} on a
 * file, each in a database of its own, the script required to run without an error. For tests
 * whose every client must leave PostgreSQL's rows.
 */
final class ClientRows {
  private ClientRows() {}

  /**
   * The rows {@code query} returns after psql ran the upgrade of {@code revisions}.
   *
   * @param dir a fresh folder for the chain
   * @param database the test database's name
   */
  static List<String> postgresql(Path dir, String database, String query, String... revisions)
      throws Exception {
    Chain chain = new Chain(dir, revisions);
    try (TestDatabase db = TestDatabase.create("postgresql", database)) {
      ClientRun run = db.apply(chain.script(Dialect.POSTGRESQL, Direction.UPGRADE, "base:head",
          GoldenCases.OPTIONS));
      assertEquals(0, run.exitCode(), run.stderr());
      return db.query(query);
    }
  }

  /** The rows {@code query} returns after the mariadb client ran the upgrade. */
  static List<String> mariadb(Path dir, String database, String query, String... revisions)
      throws Exception {
    MysqlChain chain = new MysqlChain(dir, Dialect.MARIADB, revisions);
    try (TestDatabase db = TestDatabase.create("mariadb", database)) {
      MysqlChain.apply(db, chain.upgrade("base:head", GoldenCases.OPTIONS));
      return db.query(query);
    }
  }

  /** The rows {@code query} returns after sqlite3 ran {@code script}, which it ran silently. */
  static List<String> sqlite(Path script, String database, String query) throws Exception {
    try (SqliteDatabase db = SqliteDatabase.create(database)) {
      ClientRun run = Sqlite3.apply(db, script);
      assertEquals("", run.stdout() + run.stderr());
      return Sqlite3.query(db, query);
    }
  }

  /** The upgrade script of {@code revisions} for SQLite, in {@code dir}. */
  static Path sqliteScript(Path dir, String... revisions) throws Exception {
    return new Chain(dir, revisions).script(Dialect.SQLITE, Direction.UPGRADE, "base:head",
        GoldenCases.OPTIONS);
  }
}
