package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata.toml} and {@code STRATA_*} variables as defaults of every option: the precedence
 * (command line, environment, file, built-in default), command tables, which file is read, paths
 * relative to the file, and each error at its position in the file.
 */
class ConfigFileTest {
  private static final String VERSIONS = Cli.sampleVersions().toString();

  @TempDir Path dir;

  /** The dialect the header line of {@code upgrade 0015:0016}'s script names. */
  private static String dialectOf(Cli cli) {
    assertEquals(0, cli.exitCode(), cli.err());
    String marker = "-- strata 0.1.0: upgrade 0015_lrs_payment_settlement -> "
        + "0016_lrs_credited_signal (";
    int at = cli.out().indexOf(marker);
    assertTrue(at >= 0, cli.out());
    return cli.out().substring(at + marker.length(), cli.out().indexOf(')', at));
  }

  private Environment in(Path working, Map<String, String> variables) {
    return new Environment(variables, working);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void commandLineBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
    write("strata.toml", "dialect = \"mysql\"\nversions = \"" + VERSIONS + "\"\n");
    Environment none = in(dir, Map.of());
    Environment sqlite = in(dir, Map.of("STRATA_DIALECT", "sqlite"));
    assertEquals("mysql", dialectOf(Cli.run(none, "upgrade", "0015:0016")));
    assertEquals("sqlite", dialectOf(Cli.run(sqlite, "upgrade", "0015:0016")));
    assertEquals("mariadb",
        dialectOf(Cli.run(sqlite, "upgrade", "--dialect", "mariadb", "0015:0016")));
    // no file, no variable: the built-in default
    assertEquals("postgresql", dialectOf(Cli.run(in(dir.resolve("elsewhere"), Map.of()),
        "upgrade", "--versions", VERSIONS, "0015:0016")));
  }

  @Test
  void aCommandsTableWinsOverTheTopLevel() throws IOException {
    write("strata.toml", """
        dialect = "mysql"
        versions = "%s"
        [upgrade]
        dialect = "sqlite"
        """.formatted(VERSIONS));
    assertEquals("sqlite", dialectOf(Cli.run(in(dir, Map.of()), "upgrade", "0015:0016")));
    Cli downgrade = Cli.run(in(dir, Map.of()), "downgrade", "0016:0015");
    assertTrue(downgrade.out().contains("(mysql)\n"), downgrade.err() + downgrade.out());
  }

  @Test
  void flagsAndTimeoutsComeFromTheFile() throws IOException {
    write("strata.toml", """
        versions = "%s"
        lock-timeout = "5s"
        no-guard = true
        """.formatted(VERSIONS));
    Cli cli = Cli.run(in(dir, Map.of()), "upgrade", "0015:0016");
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("SET lock_timeout = '5s';"), cli.out());
    assertFalse(cli.out().contains("pg_try_advisory_lock"), cli.out());
  }

  @Test
  void relativePathsAreReadAgainstTheFilesDirectory() throws IOException {
    Path project = dir.resolve("project");
    Files.createDirectories(project);
    copySample(project.resolve("revisions"));
    write("project/strata.toml", "versions = \"revisions\"\n");
    Path config = project.resolve("strata.toml");
    // run from another directory: --config, then STRATA_CONFIG
    Environment elsewhere = in(dir, Map.of());
    assertEquals("postgresql", dialectOf(Cli.run(elsewhere, "--config", config.toString(),
        "upgrade", "0015:0016")));
    assertEquals("postgresql", dialectOf(Cli.run(in(dir, Map.of("STRATA_CONFIG",
        config.toString())), "upgrade", "0015:0016")));
  }

  @Test
  void theLintTableIsReadAndCheckedWithTheRestOfTheFile() throws IOException {
    write("strata.toml", "versions = \"" + VERSIONS + "\"\n[lint]\nprefer-bigint-keys = false\n"
        + "rules = { \"drop-data\" = \"error\" }\n");
    assertEquals("postgresql", dialectOf(Cli.run(in(dir, Map.of()), "upgrade", "0015:0016")));
    write("strata.toml", "versions = \"" + VERSIONS + "\"\n[lint]\nanything = \"later\"\n");
    Cli cli = Cli.run(in(dir, Map.of()), "upgrade", "0015:0016");
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith(
        "strata.toml:3:1: error[E0689]: unknown key 'lint.anything'\n"), cli.err());
  }

  @Test
  void anUnknownKeyIsAnErrorAtItsPositionListingTheKnownOnes() throws IOException {
    write("strata.toml", "dialect = \"mysql\"\nversion-tabel = \"x\"\n");
    Cli cli = Cli.run(in(dir, Map.of()), "upgrade", "--versions", VERSIONS, "0015:0016");
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.out());
    assertTrue(cli.err().startsWith("""
        strata.toml:2:1: error[E0642]: unknown key 'version-tabel'
          2 | version-tabel = "x"
            | ^^^^^^^^^^^^^
          = help: did you mean 'version-table'?
          = note: the known keys at the top level are\s"""), cli.err());
    assertTrue(cli.err().contains(" dialect, "), cli.err());
    assertTrue(cli.err().contains(" [upgrade], "), cli.err());
    assertTrue(cli.err().endsWith(", [stamp]\n"), cli.err());
    // [lint] is the lint command's table and the rules' settings: listed once
    assertEquals(1, cli.err().split("\\[lint\\]", -1).length - 1, cli.err());
    assertFalse(cli.err().contains("Exception"), cli.err());
  }

  @Test
  void theFileIsReadAndCheckedWithNoCacheToo() throws IOException {
    write("strata.toml", "dialect = \"mysql\"\nversions = \"" + VERSIONS + "\"\n");
    assertEquals("mysql", dialectOf(Cli.run(in(dir, Map.of()), "upgrade", "--no-cache",
        "0015:0016")));
    write("strata.toml", "dialect = \"mysql\"\nversion-tabel = \"x\"\n");
    Cli cli = Cli.run(in(dir, Map.of()), "check", "--no-cache", "--versions", VERSIONS);
    assertEquals(1, cli.exitCode(), cli.err());
    assertTrue(cli.err().startsWith(
        "strata.toml:2:1: error[E0642]: unknown key 'version-tabel'\n"), cli.err());
  }

  @Test
  void anUnknownKeyInACommandsTable() throws IOException {
    write("strata.toml", "[status]\ndialect = \"mysql\"\n");
    Cli cli = Cli.run(in(dir, Map.of()), "heads", "--versions", VERSIONS);
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith("""
        strata.toml:2:1: error[E0642]: unknown key 'status.dialect'
          2 | dialect = "mysql"
            | ^^^^^^^
          = note: the known keys of [status] are cache-dir, db, format, no-cache, verbose,\
         version-table, version-table-schema, versions
        """), cli.err());
  }

  @Test
  void aCommandsNameIsATable() throws IOException {
    write("strata.toml", "upgrade = \"sqlite\"\n");
    Cli cli = Cli.run(in(dir, Map.of()), "heads", "--versions", VERSIONS);
    assertEquals(new Cli(1, "", """
        strata.toml:1:11: error[E0643]: 'upgrade' must be a table ([upgrade]: the settings of\
         'strata upgrade'), not a string
          1 | upgrade = "sqlite"
            |           ^^^^^^^^
        """), cli);
  }

  @Test
  void aValueOfTheWrongTypeIsAnError() throws IOException {
    write("strata.toml", "[upgrade]\nno-guard = \"yes\"\n");
    Cli cli = Cli.run(in(dir, Map.of()), "upgrade", "--versions", VERSIONS, "0015:0016");
    assertEquals(new Cli(1, "", """
        strata.toml:2:12: error[E0643]: 'upgrade.no-guard' must be true or false, not a string
          2 | no-guard = "yes"
            |            ^^^^^
          = help: it sets --no-guard; see docs/configuration.md
        """), cli);
  }

  @Test
  void aValueTheOptionRefusesIsAnErrorAtTheValue() throws IOException {
    write("strata.toml", "# the database\ndialect = \"oracle\"\n");
    Cli cli = Cli.run(in(dir, Map.of()), "upgrade", "--versions", VERSIONS, "0015:0016");
    assertEquals(new Cli(1, "", """
        strata.toml:2:11: error[E0644]: bad value for 'dialect': unknown dialect 'oracle'\
         (known: postgresql, mysql, mariadb, sqlite)
          2 | dialect = "oracle"
            |           ^^^^^^^^
          = note: 'dialect' sets --dialect NAME; the command line and STRATA_DIALECT override it
        """), cli);
    // the command line overrides the bad value: no error
    assertEquals("mysql", dialectOf(Cli.run(in(dir, Map.of()), "upgrade", "--versions",
        VERSIONS, "--dialect", "mysql", "0015:0016")));
  }

  @Test
  void aBadEnvironmentVariableNamesIt() {
    Cli cli = Cli.run(in(dir, Map.of("STRATA_LOCK_TIMEOUT", "forever")), "upgrade",
        "--versions", VERSIONS, "0015:0016");
    assertEquals(new Cli(1, "", """
        strata: error[E0645]: bad value in the environment variable STRATA_LOCK_TIMEOUT: bad\
         lock timeout 'forever': expected a number with a unit, like 5s, 500ms or 2min
          = note: STRATA_LOCK_TIMEOUT sets --lock-timeout DURATION; the command line overrides it
        """), cli);
  }

  @Test
  void invalidTomlIsAnErrorAtTheParsersPosition() throws IOException {
    write("strata.toml", "dialect = \n");
    Cli cli = Cli.run(in(dir, Map.of()), "upgrade", "--versions", VERSIONS, "0015:0016");
    assertEquals(new Cli(1, "", """
        strata.toml:1:11: error[E0640]: 'strata.toml' is not valid TOML: Newline not permitted\
         here
          1 | dialect =\s
            |           ^
          = help: strata.toml is TOML 1.0 (https://toml.io): key = "value", [table]
        """), cli);
  }

  /**
   * A key set twice and a table defined twice: the parser reports them past the culprit (the next
   * line, the end of the header); the caret is on the second key and on the table's name.
   */
  @Test
  void aDuplicateKeyAndARedefinedTableArePointedAt() throws IOException {
    for (String[] file : new String[][] {
        {"versions = \"a\"\n  versions = \"b\" # again\ndialect = \"mysql\"\n", "2:3", "versions"},
        {"[upgrade]\ndialect = \"mysql\"\n\ndialect = \"sqlite\"\n\n[lint]\n", "4:1", "dialect"},
        {"dialect = \"mysql\"\ndialect = \"sqlite\"", "2:1", "dialect"},
        {"[upgrade]\ndialect = \"mysql\"\n [ upgrade ] # again\n", "3:4", "upgrade"}}) {
      write("strata.toml", file[0]);
      Cli cli = Cli.run(in(dir, Map.of()), "check", "--no-cache", "--versions", VERSIONS);
      assertEquals(1, cli.exitCode(), cli.err());
      assertTrue(cli.err().startsWith("strata.toml:" + file[1] + ": error[E0640]: "), cli.err());
      List<String> lines = cli.err().lines().toList();
      String source = lines.get(1);
      String carets = lines.get(2);
      assertTrue(source.startsWith(file[2], carets.indexOf('^')), cli.err());
      assertEquals(file[2].length(), carets.chars().filter(c -> c == '^').count(), cli.err());
    }
  }

  /** The report: a transaction mode from the file was reported as a command-line mistake. */
  @Test
  void aTransactionModeTheDialectCannotHonourIsReportedWhereItWasSet() throws IOException {
    write("strata.toml", "transaction = \"bundle\"\ndialect = \"mysql\"\n");
    Cli file = Cli.run(in(dir, Map.of()), "upgrade", "--versions", VERSIONS, "head");
    assertEquals(1, file.exitCode(), file.err());
    assertTrue(file.err().startsWith("strata.toml:1:15: error[E0644]: bad value for"
        + " 'transaction': --transaction bundle does not apply to mysql"), file.err());
    assertTrue(file.err().contains("  1 | transaction = \"bundle\"\n"), file.err());
    Files.delete(dir.resolve("strata.toml"));
    Cli variable = Cli.run(in(dir, Map.of("STRATA_TRANSACTION", "bundle",
        "STRATA_DIALECT", "mysql")), "upgrade", "--versions", VERSIONS, "head");
    assertEquals(1, variable.exitCode(), variable.err());
    assertTrue(variable.err().startsWith("strata: error[E0645]: bad value in the environment"
        + " variable STRATA_TRANSACTION: --transaction bundle does not apply to mysql"),
        variable.err());
    Cli given = Cli.run(in(dir, Map.of()), "upgrade", "--versions", VERSIONS, "head",
        "--dialect", "mysql", "--transaction", "bundle");
    assertEquals(2, given.exitCode(), given.err());
    assertTrue(given.err().startsWith("strata: error: --transaction bundle does not apply"),
        given.err());
  }

  /** The report: {@code strata upgrade --help} printed E0640 and no help. */
  @Test
  void helpIsPrintedDespiteABrokenFile() throws IOException {
    write("strata.toml", "dialect = \n");
    Cli withoutFile = Cli.run("upgrade", "--help");
    assertEquals(0, withoutFile.exitCode(), withoutFile.err());
    for (String[] args : List.of(new String[] {"upgrade", "--help"},
        new String[] {"upgrade", "head", "-h"}, new String[] {"help", "upgrade"})) {
      Cli help = Cli.run(in(dir, Map.of()), args);
      assertEquals(withoutFile, help, String.join(" ", args));
    }
    assertEquals(1, Cli.run(in(dir, Map.of()), "upgrade", "--versions", VERSIONS, "head")
        .exitCode(), "the file is still refused when no help is asked for");
  }

  @Test
  void aMissingConfigFileIsAnError() {
    Cli cli = Cli.run(in(dir, Map.of()), "--config", "nope.toml", "heads", "--versions",
        VERSIONS);
    assertEquals(new Cli(1, "", """
        strata: error[E0641]: the configuration file 'nope.toml' does not exist
          = help: --config and STRATA_CONFIG name an existing strata.toml; 'strata init' writes\
         one
        """), cli);
  }

  @Test
  void theFileThatInitWritesIsValidAndChangesNothing() throws IOException {
    write("strata.toml", ConfigTemplate.text(null) + "versions = \"" + VERSIONS + "\"\n");
    assertEquals("postgresql", dialectOf(Cli.run(in(dir, Map.of()), "upgrade", "0015:0016")));
    write("strata.toml", ConfigTemplate.text("sqlite") + "versions = \"" + VERSIONS + "\"\n");
    assertEquals("sqlite", dialectOf(Cli.run(in(dir, Map.of()), "upgrade", "0015:0016")));
  }

  static void copySample(Path target) throws IOException {
    Files.createDirectories(target);
    try (var files = Files.list(Cli.sampleVersions())) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
  }
}
