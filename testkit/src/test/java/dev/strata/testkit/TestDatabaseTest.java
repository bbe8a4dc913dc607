package dev.strata.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The harness itself, once per dialect: it applies, it stops at the first error, dumps are stable. */
class TestDatabaseTest {
  private static final String VERSION_TABLE =
      "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);\n";

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
  void appliesAScriptWithTheRealClient(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_harness")) {
      assertEquals(dialect, db.dialect());
      ClientRun run = db.applyText(VERSION_TABLE
          + "CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));\n"
          + "INSERT INTO accounts (id, name) VALUES (1, 'one');\n"
          + "INSERT INTO alembic_version (version_num) VALUES ('0002_b');\n"
          + "INSERT INTO alembic_version (version_num) VALUES ('0001_a');\n");
      assertEquals(0, run.exitCode(), run.describe());
      assertEquals(List.of("0001_a", "0002_b"), db.versionRows("alembic_version"));
      assertEquals(List.of("1|one"), db.query("SELECT id, name FROM accounts"));
      assertTrue(db.schema().contains("accounts"), db.schema());
      assertTrue(db.schema().contains("alembic_version"), db.schema());
      assertFalse(db.schema(Set.of("alembic_version")).contains("alembic_version"),
          db.schema(Set.of("alembic_version")));
      db.execute("CREATE TABLE later (id INTEGER)");
      assertTrue(db.schema().contains("later"));
      assertThrows(IllegalStateException.class, () -> db.execute("CREATE TABLE later (id INTEGER)"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
  void stopsAtTheFirstError(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_harness")) {
      ClientRun run = db.applyText("CREATE TABLE first_one (id INTEGER);\n"
          + "SELECT * FROM no_such_table;\n"
          + "CREATE TABLE never_made (id INTEGER);\n");
      assertNotEquals(0, run.exitCode(), run.describe());
      assertTrue(run.stderr().contains("no_such_table"), run.describe());
      String schema = db.schema();
      assertTrue(schema.contains("first_one"), schema);
      assertFalse(schema.contains("never_made"), schema);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
  void theDumpIsStableAndIndependentOfCreationOrder(String dialect) {
    String a = "CREATE TABLE a_table (id INTEGER NOT NULL PRIMARY KEY, v VARCHAR(10));\n"
        + "CREATE INDEX a_v ON a_table (v);\n";
    String b = "CREATE TABLE b_table (id INTEGER NOT NULL PRIMARY KEY);\n";
    String view = "CREATE VIEW c_view AS SELECT id FROM b_table;\n";
    try (TestDatabase first = TestDatabase.create(dialect, "db_harness");
        TestDatabase second = TestDatabase.create(dialect, "db_harness")) {
      assertEquals(0, first.applyText(a + b + view).exitCode());
      assertEquals(0, second.applyText(b + view + a).exitCode());
      String dump = first.schema();
      assertEquals(dump, first.schema());
      assertEquals(dump, second.schema());
      assertTrue(dump.indexOf("a_table") < dump.indexOf("b_table"), dump);
      assertTrue(dump.contains("c_view"), dump);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mysql", "mariadb"})
  void theMariaDbDumpHasNoCountersOrDefiners(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_harness")) {
      assertEquals(0, db.applyText(
          "CREATE TABLE counted (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, v INT);\n"
              + "INSERT INTO counted (v) VALUES (1), (2), (3);\n"
              + "CREATE VIEW seen AS SELECT v FROM counted;\n").exitCode());
      String dump = db.schema();
      assertFalse(dump.contains("AUTO_INCREMENT="), dump);
      assertFalse(dump.contains("DEFINER="), dump);
      assertTrue(dump.contains("AUTO_INCREMENT PRIMARY KEY") || dump.contains("AUTO_INCREMENT,"),
          dump);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void theSqliteFileIsDeletedOnClose(String dialect) {
    SqliteDatabase db = (SqliteDatabase) TestDatabase.create(dialect, "db_harness");
    db.execute("CREATE TABLE t (id INTEGER)");
    assertTrue(java.nio.file.Files.exists(db.file()));
    db.close();
    assertFalse(java.nio.file.Files.exists(db.file()));
  }

  @org.junit.jupiter.api.Test
  void anUnknownDialectIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TestDatabase.create("oracle", "db_x"));
  }
}
