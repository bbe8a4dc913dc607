package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.ClientRun;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code strata stamp} scripts applied with the real client ({@code psql}, {@code mariadb},
 * {@code sqlite3}) to real databases: a database whose schema was made outside strata is stamped
 * from empty, moved from a named FROM, refused (with nothing changed) when the version table holds
 * anything else, purged, cleared with {@code base}; and {@code strata upgrade REV:head} then
 * applies cleanly on top of the stamp.
 */
class StampDatabaseTest {
  private static final String ONE = """
      -- revision: 0001_one
      -- revises: base
      -- message: create one

      -- +upgrade
      CREATE TABLE one (id BIGINT NOT NULL PRIMARY KEY);

      -- +downgrade
      DROP TABLE one;
      """;
  private static final String TWO = """
      -- revision: 0002_two
      -- revises: 0001_one
      -- message: create two

      -- +upgrade
      CREATE TABLE two (id BIGINT NOT NULL PRIMARY KEY);

      -- +downgrade
      DROP TABLE two;
      """;
  private static final String THREE = """
      -- revision: 0003_three
      -- revises: 0002_two
      -- message: create three

      -- +upgrade
      CREATE TABLE three (id BIGINT NOT NULL PRIMARY KEY);

      -- +downgrade
      DROP TABLE three;
      """;

  @TempDir Path dir;
  private Path versions;

  @BeforeEach
  void chain() throws Exception {
    versions = Files.createDirectories(dir.resolve("versions"));
    Files.writeString(versions.resolve("0001_one.sql"), ONE);
    Files.writeString(versions.resolve("0002_two.sql"), TWO);
    Files.writeString(versions.resolve("0003_three.sql"), THREE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
  void stampsGuardsPurgesAndUpgradesOnTop(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "h4_stamp")) {
      // a database made outside both tools: the schema of 0002, no version table
      db.execute("CREATE TABLE one (id BIGINT NOT NULL PRIMARY KEY)");
      db.execute("CREATE TABLE two (id BIGINT NOT NULL PRIMARY KEY)");

      ok(db, stamp(dialect, "0002"));
      assertEquals(List.of("0002_two"), rows(db));

      // the table holds something else than the (absent) FROM: refused, nothing changed
      refused(db, stamp(dialect, "0001"), refusal(dialect, "[0002_two]", "[base]"));
      refused(db, stamp(dialect, "0001:0003"), refusal(dialect, "[0002_two]", "[0001_one]"));
      if (dialect.equals("postgresql")) {
        ClientRun run = db.applyText(stamp(dialect, "0001"));
        assertTrue(run.stderr().contains("HINT:  if the schema is at the target revision, stamp from"
            + " the rows the table holds (strata stamp FROM:REV) or replace them (strata stamp"
            + " --purge REV)"), run.describe());
      }
      assertEquals(List.of("0002_two"), rows(db));

      ok(db, stamp(dialect, "0002:0001"));
      assertEquals(List.of("0001_one"), rows(db));

      ok(db, stamp(dialect, "--purge", "0002"));
      assertEquals(List.of("0002_two"), rows(db));

      ok(db, script(dialect, "upgrade", "0002:head"));
      assertEquals(List.of("0003_three"), rows(db));
      assertTrue(db.schema().contains("three"), db.schema());

      // base clears the table; an empty table is stamped as an absent one
      ok(db, stamp(dialect, "0003:base"));
      assertEquals(List.of(), rows(db));
      ok(db, stamp(dialect, "heads"));
      assertEquals(List.of("0003_three"), rows(db));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
  void purgeCreatesAnAbsentTable(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "h4_purge")) {
      ok(db, stamp(dialect, "--purge", "0002"));
      assertEquals(List.of("0002_two"), rows(db));
      ok(db, script(dialect, "upgrade", "0002:head"));
      assertEquals(List.of("0003_three"), rows(db));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb", "mysql", "sqlite"})
  void stampsSeveralHeadsAndMovesOneOfThem(String dialect) throws Exception {
    Files.writeString(versions.resolve("0004_left.sql"), """
        -- revision: 0004_left
        -- revises: 0003_three

        -- +upgrade
        CREATE TABLE lefts (id BIGINT NOT NULL PRIMARY KEY);

        -- +downgrade
        DROP TABLE lefts;
        """);
    Files.writeString(versions.resolve("0004_right.sql"), """
        -- revision: 0004_right
        -- revises: 0003_three

        -- +upgrade
        CREATE TABLE rights (id BIGINT NOT NULL PRIMARY KEY);

        -- +downgrade
        DROP TABLE rights;
        """);
    Cli refused = Cli.run("stamp", "0003", "0004_right", "--versions", versions.toString(),
        "--dialect", dialect);
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("error[E0661]"), refused.err());
    try (TestDatabase db = TestDatabase.create(dialect, "h4_heads")) {
      ok(db, stamp(dialect, "heads"));
      assertEquals(List.of("0004_left", "0004_right"), rows(db));
      ok(db, stamp(dialect, "0004_left,0004_right:0004_left"));
      assertEquals(List.of("0004_left"), rows(db));
      ok(db, stamp(dialect, "0004_left:0004_right"));
      assertEquals(List.of("0004_right"), rows(db));
      ok(db, stamp(dialect, "0004_right:0004_left", "0004_right"));
      assertEquals(List.of("0004_left", "0004_right"), rows(db));
      refused(db, stamp(dialect, "0004_right:base"), dialect.equals("sqlite")
          ? "holds other rows than [0004_right]"
          : "holds [0004_left, 0004_right] but this script starts from [0004_right]");
      assertEquals(List.of("0004_left", "0004_right"), rows(db));
    }
  }

  private String stamp(String dialect, String... args) {
    List<String> all = new ArrayList<>(List.of("stamp"));
    all.addAll(List.of(args));
    return script(dialect, all.toArray(String[]::new));
  }

  private String script(String dialect, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--versions", versions.toString(), "--dialect", dialect));
    Cli cli = Cli.run(all.toArray(String[]::new));
    assertEquals(0, cli.exitCode(), cli.err());
    return cli.out();
  }

  /** The guard's message, as each dialect's guard words it. */
  private static String refusal(String dialect, String holds, String from) {
    return dialect.equals("sqlite")
        ? "alembic_version holds other rows than " + from + ", the rows this script starts from"
        : "alembic_version holds " + holds + " but this script starts from " + from;
  }

  private static void ok(TestDatabase db, String script) {
    ClientRun run = db.applyText(script);
    assertTrue(run.ok(), run.describe() + "\n--- script\n" + script);
  }

  private static void refused(TestDatabase db, String script, String message) {
    ClientRun run = db.applyText(script);
    assertFalse(run.ok(), run.describe());
    assertTrue(run.stderr().contains(message), run.describe());
  }

  private static List<String> rows(TestDatabase db) {
    return db.versionRows("alembic_version");
  }
}
