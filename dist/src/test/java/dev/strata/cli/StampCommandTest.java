package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata stamp} without a database: the exact PostgreSQL script (golden files under {@code
 * src/test/resources/cli/stamp/}), the shape of every dialect's script, {@code -o}, and the
 * diagnostics of names that cannot be stamped (E0660-E0662 and the planner's). The scripts are
 * applied to real databases in {@link StampDatabaseTest}.
 */
class StampCommandTest {
  private static final String VERSIONS = Cli.sampleVersions().toString();

  @TempDir Path dir;

  @Test
  void guardedStampFromANamedStateIsExactlyTheGoldenScript() throws Exception {
    Cli cli = Cli.run("stamp", "0015:0016", "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals(golden("from-0015-to-0016.postgresql.sql"), cli.out());
    assertEquals("", cli.err());
  }

  @Test
  void unguardedPurgeIsExactlyTheGoldenScript() throws Exception {
    Cli cli = Cli.run("stamp", "--purge", "0016", "--no-guard", "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals(golden("purge-unguarded.postgresql.sql"), cli.out());
  }

  @Test
  void stampFromBaseInsertsAndChecksForAnEmptyTable() {
    Cli cli = Cli.run("stamp", "0016", "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("-- strata " + ToolVersion.get()
        + ": stamp base -> 0016_lrs_credited_signal (postgresql)\n"), cli.out());
    assertTrue(cli.out().contains("expected text[] := '{}'::text[];"), cli.out());
    assertTrue(cli.out().contains(
        "INSERT INTO alembic_version (version_num) VALUES ('0016_lrs_credited_signal');"),
        cli.out());
  }

  @Test
  void purgeTakesTheLockButDoesNotCheckTheRows() {
    Cli cli = Cli.run("stamp", "--purge", "heads", "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("pg_try_advisory_lock"), cli.out());
    assertFalse(cli.out().contains("but this script starts from"), cli.out());
    assertTrue(cli.out().contains("\nDELETE FROM alembic_version;\n"), cli.out());
  }

  @Test
  void everyDialectFramesTheStampAsItsScripts() {
    Cli mariadb = Cli.run("stamp", "0015:0016", "--dialect", "mariadb", "--versions", VERSIONS);
    assertEquals(0, mariadb.exitCode(), mariadb.err());
    assertTrue(mariadb.out().contains("GET_LOCK(@strata_lock"), mariadb.out());
    assertTrue(mariadb.out().contains("-- strata: guard"), mariadb.out());
    assertTrue(mariadb.out().contains("version_num varchar(32) COLLATE utf8mb4_bin NOT NULL"),
        mariadb.out());
    Cli sqlite = Cli.run("stamp", "0016", "--dialect", "sqlite", "--versions", VERSIONS);
    assertEquals(0, sqlite.exitCode(), sqlite.err());
    assertTrue(sqlite.out().startsWith(".bail on\n"), sqlite.out());
    assertTrue(sqlite.out().contains("BEGIN IMMEDIATE;"), sqlite.out());
    Cli schema = Cli.run("stamp", "0016", "--dialect", "sqlite", "--version-table-schema", "meta",
        "--versions", VERSIONS);
    assertEquals(1, schema.exitCode());
    assertTrue(schema.err().contains("error[E0452]"), schema.err());
  }

  @Test
  void versionTableOptionsNameTheTable() {
    Cli cli = Cli.run("stamp", "0016", "--version-table", "schema_version",
        "--version-table-schema", "meta", "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("CREATE TABLE IF NOT EXISTS meta.schema_version ("), cli.out());
    assertTrue(cli.out().contains("CONSTRAINT schema_version_pkc PRIMARY KEY"), cli.out());
  }

  @Test
  void outputWritesTheScriptToAFile() throws Exception {
    Path file = dir.resolve("stamp.sql");
    Cli cli = Cli.run("stamp", "0015:0016", "-o", file.toString(), "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("", cli.out());
    assertEquals(golden("from-0015-to-0016.postgresql.sql"), Files.readString(file));
  }

  @Test
  void fromWithPurgeIsRefused() {
    Cli cli = Cli.run("stamp", "--purge", "0015:0016", "--versions", VERSIONS);
    assertEquals(1, cli.exitCode());
    assertEquals("""
        <range>:1:1: error[E0662]: --purge deletes whatever the version table holds: FROM: names nothing to check
          1 | 0015:0016
            | ^^^^^^^^^
          = help: stamp '0016' with --purge, or drop --purge to refuse unless the table holds FROM
        """, cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void twoStartingStatesAreRefused() {
    Cli cli = Cli.run("stamp", "0001:0002", "0003:0004", "--versions", VERSIONS);
    assertEquals(1, cli.exitCode());
    assertEquals("""
        <range>:1:1: error[E0660]: a stamp has one starting state: FROM: may be given in one argument only
          1 | 0003:0004
            | ^^^^^^^^^
          = help: name several starting heads comma-separated in one FROM, e.g. 'a,b:c'
        """, cli.err());
  }

  @Test
  void aRevisionWithItsAncestorIsRefused() {
    Cli cli = Cli.run("stamp", "0003", "0016", "--versions", VERSIONS);
    assertEquals(1, cli.exitCode());
    assertEquals("""
        <range>:1:1: error[E0661]: the target revisions hold both 0016_lrs_credited_signal and its ancestor 0003_create_transactions: a version table holds heads only
          1 | 0003
            | ^^^^
          = help: leave out 0003_create_transactions (0016_lrs_credited_signal implies it)
        """, cli.err());
  }

  @Test
  void unknownRevisionIsThePlannersError() {
    Cli cli = Cli.run("stamp", "0015:zzz", "--versions", VERSIONS);
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith("<range>:1:6: error[E0302]: unknown revision 'zzz'\n"),
        cli.err());
  }

  @Test
  void branchLabelsAndPrefixesResolveAsInEveryCommand() throws Exception {
    Path versions = Files.createDirectories(dir.resolve("labelled"));
    Files.writeString(versions.resolve("0001_core.sql"), """
        -- revision: 0001_core
        -- revises: base
        -- branch: core

        -- +upgrade
        CREATE TABLE core (id BIGINT NOT NULL PRIMARY KEY);

        -- +downgrade
        DROP TABLE core;
        """);
    Files.writeString(versions.resolve("0002_more.sql"), """
        -- revision: 0002_more
        -- revises: 0001_core

        -- +upgrade
        CREATE TABLE more (id BIGINT NOT NULL PRIMARY KEY);

        -- +downgrade
        DROP TABLE more;
        """);
    assertEquals("0001_core", stampedRow(versions, "core"));
    assertEquals("0002_more", stampedRow(versions, "core@head"));
    assertEquals("0002_more", stampedRow(versions, "0002"));
    assertEquals("0001_core", stampedRow(versions, "head-1"));
  }

  /** The one row the stamp of {@code rev} (from base) inserts. */
  private static String stampedRow(Path versions, String rev) {
    Cli cli = Cli.run("stamp", rev, "--no-guard", "--versions", versions.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    var inserts = cli.out().lines()
        .filter(l -> l.startsWith("INSERT INTO alembic_version (version_num) VALUES ('"))
        .map(l -> l.substring(l.indexOf("('") + 2, l.indexOf("')")))
        .toList();
    assertEquals(1, inserts.size(), cli.out());
    return inserts.getFirst();
  }

  private static String golden(String name) throws Exception {
    try (var in = StampCommandTest.class.getResourceAsStream("/cli/stamp/" + name)) {
      if (in == null) {
        throw new AssertionError("missing golden file src/test/resources/cli/stamp/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
