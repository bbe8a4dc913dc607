package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, version, usage errors, exit codes, atomic output. */
class CliTest {
  @TempDir Path tmp;

  @Test
  void helpIsTheGoldenText() throws Exception {
    Cli cli = Cli.run("--help");
    assertEquals(0, cli.exitCode());
    assertEquals(golden("help.txt"), cli.out());
    assertEquals("", cli.err());
  }

  @Test
  void upgradeHelpIsTheGoldenText() throws Exception {
    Cli cli = Cli.run("upgrade", "--help");
    assertEquals(0, cli.exitCode());
    assertEquals(golden("upgrade-help.txt"), cli.out());
  }

  @Test
  void versionPrintsTheToolVersion() {
    for (String option : new String[] {"--version", "-V"}) {
      Cli cli = Cli.run(option);
      assertEquals(0, cli.exitCode(), option);
      assertEquals("strata " + ToolVersion.get() + "\n", cli.out(), option);
    }
  }

  @Test
  void noCommandIsAUsageError() {
    Cli cli = Cli.run();
    assertEquals(2, cli.exitCode());
    assertEquals(
        "strata: error: a command is required\n"
            + "Try 'strata --help' for more information.\n",
        cli.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli cli = Cli.run("upgrade", "head", "--frobnicate");
    assertEquals(2, cli.exitCode());
    assertEquals(
        "strata: error: Unknown option: '--frobnicate'\n"
            + "Try 'strata upgrade --help' for more information.\n",
        cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void aMistypedOptionGetsTheClosestSpelling() {
    Cli cli = Cli.run("upgrade", "head", "--versoins", "versions");
    assertEquals(new Cli(2, "", "strata: error: Unknown options: '--versoins', 'versions'\n"
        + "  = help: did you mean '--versions'?\n"
        + "Try 'strata upgrade --help' for more information.\n"), cli);
  }

  /** Issue 7: 'upgrade head --version DIR -o x.sql' printed nothing, exit 0, and wrote no file. */
  @Test
  void versionOnASubcommandIsAUsageErrorNotASilentSuccess() {
    Path out = tmp.resolve("x.sql");
    for (String option : new String[] {"--version", "-V"}) {
      Cli cli = Cli.run("upgrade", "head", option, Cli.sampleVersions().toString(),
          "-o", out.toString());
      assertEquals(new Cli(2, "", "strata: error: Unknown options: '" + option + "', '"
          + Cli.sampleVersions() + "'\n"
          + "  = help: --version is an option of strata itself (strata --version); the directory"
          + " of revision files is --versions DIR\n"
          + "Try 'strata upgrade --help' for more information.\n"), cli);
      assertFalse(Files.exists(out));
    }
    for (String command : new String[] {"downgrade", "bundle", "verify", "heads", "branches",
        "history", "show", "graph", "new", "merge", "status", "check", "lock"}) {
      Cli cli = Cli.run(command, "--version");
      assertEquals(2, cli.exitCode(), command);
      assertTrue(cli.err().contains("--version is an option of strata itself"), cli.err());
    }
  }

  @Test
  void alembicsSqlFlagGetsAHint() {
    Cli cli = Cli.run("upgrade", "head", "--sql", "--versions", Cli.sampleVersions().toString());
    assertEquals(new Cli(2, "", "strata: error: Unknown option: '--sql'\n"
        + "  = help: strata always prints SQL (it never connects to a database, like Alembic's"
        + " --sql): leave --sql out\n"
        + "Try 'strata upgrade --help' for more information.\n"), cli);
  }

  @Test
  void alembicsCommandNamesGetTheirStrataCounterparts() {
    assertEquals(new Cli(2, "", "strata: error: unknown command 'revision'\n"
        + "  = help: 'strata new -m MESSAGE' writes a new revision file (Alembic's 'revision')\n"
        + "Try 'strata --help' for more information.\n"), Cli.run("revision", "-m", "add x"));
    assertEquals(new Cli(2, "", "strata: error: unknown command 'current'\n"
        + "  = help: 'strata status --db URL' reads a database's current revisions"
        + " (Alembic's 'current')\n"
        + "Try 'strata --help' for more information.\n"), Cli.run("current"));
    assertEquals(new Cli(2, "", "strata: error: unknown command 'upgrad'\n"
        + "  = help: did you mean 'upgrade'?\n"
        + "Try 'strata --help' for more information.\n"), Cli.run("upgrad", "head"));
  }

  /** Issue 7: a name past PostgreSQL's 63-byte identifier limit made a script that failed. */
  @Test
  void versionTableNamesPastPostgresqlsLimitAreUsageErrors() {
    String versions = Cli.sampleVersions().toString();
    String sixty = "v".repeat(60);
    assertEquals(new Cli(2, "", "strata: error: Invalid value for option '--version-table': the"
        + " version table's primary key '" + sixty + "_pkc' would be 64 bytes long (UTF-8), and"
        + " PostgreSQL truncates identifiers to 63 bytes: give a table name of at most 59"
        + " bytes\n"
        + "Try 'strata upgrade --help' for more information.\n"),
        Cli.run("upgrade", "head", "--versions", versions, "--version-table", sixty));
    // 32 characters, 64 bytes: the limit counts bytes
    String accents = "é".repeat(32);
    assertEquals(new Cli(2, "", "strata: error: Invalid value for option '--version-table': the"
        + " version table name '" + accents + "' is 64 bytes long (UTF-8), and PostgreSQL"
        + " truncates identifiers to 63 bytes: give a name of at most 59 bytes (its primary key"
        + " '<name>_pkc' must fit too)\n"
        + "Try 'strata bundle --help' for more information.\n"),
        Cli.run("bundle", "head", "--versions", versions, "--version-table", accents,
            "-o", tmp.resolve("b").toString()));
    String schema = "s".repeat(62) + "é";
    assertEquals(new Cli(2, "", "strata: error: Invalid value for option"
        + " '--version-table-schema': the schema name '" + schema + "' is 64 bytes long (UTF-8),"
        + " and PostgreSQL truncates identifiers to 63 bytes: give a name of at most 63 bytes\n"
        + "Try 'strata status --help' for more information.\n"),
        Cli.run("status", "--db", "jdbc:postgresql://127.0.0.1:1/none", "--versions", versions,
            "--version-table-schema", schema));
    // at the limits: a 59-byte table (63 with _pkc) and a 63-byte schema render
    Cli fits = Cli.run("upgrade", "head", "--versions", versions,
        "--version-table", "v".repeat(59), "--version-table-schema", "s".repeat(63));
    assertEquals(0, fits.exitCode(), fits.err());
    assertTrue(fits.out().contains("CONSTRAINT " + "v".repeat(59) + "_pkc PRIMARY KEY"),
        fits.out());
  }

  @Test
  void unknownDialectIsAUsageErrorListingTheKnownOnes() {
    Cli cli = Cli.run("upgrade", "head", "--dialect", "oracle");
    assertEquals(2, cli.exitCode());
    assertEquals(
        "strata: error: Invalid value for option '--dialect': unknown dialect 'oracle'"
            + " (known: postgresql, mysql, mariadb, sqlite)\n"
            + "Try 'strata upgrade --help' for more information.\n",
        cli.err());
  }

  @Test
  void missingRangeIsAUsageError() {
    Cli cli = Cli.run("downgrade");
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().startsWith("strata: error: Missing required parameter: 'FROM:TO'\n"),
        cli.err());
  }

  @Test
  void missingVersionsDirectoryIsADiagnostic() {
    Path missing = tmp.resolve("nope");
    Cli cli = Cli.run("upgrade", "head", "--versions", missing.toString());
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().contains(missing.toString()), cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void outputFileIsWrittenAndEqualsStdout() throws Exception {
    Path out = tmp.resolve("upgrade.sql");
    Cli toFile = Cli.run("upgrade", "base:head", "--versions", Cli.sampleVersions().toString(),
        "-o", out.toString());
    assertEquals(0, toFile.exitCode(), toFile.err());
    assertEquals("", toFile.out());
    Cli toStdout = Cli.run("upgrade", "base:head", "--versions", Cli.sampleVersions().toString());
    assertEquals(toStdout.out(), Files.readString(out, StandardCharsets.UTF_8));
    assertTrue(toStdout.out().startsWith("\\set ON_ERROR_STOP on\n"));
  }

  @Test
  void anErrorLeavesAnExistingOutputFileUntouchedAndNoTemporaryFile() throws Exception {
    Path out = tmp.resolve("upgrade.sql");
    Files.writeString(out, "previous content\n");
    Cli cli = Cli.run("upgrade", "base:no_such_revision", "--versions",
        Cli.sampleVersions().toString(), "-o", out.toString());
    assertEquals(1, cli.exitCode());
    assertEquals("previous content\n", Files.readString(out));
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void anErrorCreatesNoOutputFile() {
    Path out = tmp.resolve("new.sql");
    Cli cli = Cli.run("upgrade", "base:no_such_revision", "--versions",
        Cli.sampleVersions().toString(), "-o", out.toString());
    assertEquals(1, cli.exitCode());
    assertFalse(Files.exists(out));
  }

  @Test
  void anUnwritableOutputIsADiagnostic() {
    Path out = tmp.resolve("no-such-dir").resolve("upgrade.sql");
    Cli cli = Cli.run("upgrade", "base:head", "--versions", Cli.sampleVersions().toString(),
        "-o", out.toString());
    assertEquals(1, cli.exitCode());
    assertEquals(
        "strata: error[E0501]: cannot write '" + out + "': no such directory\n"
            + "  = help: -o names a file in an existing, writable directory\n",
        cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void renderingIsDeterministic() {
    Cli first = Cli.run("upgrade", "base:head", "--versions", Cli.sampleVersions().toString());
    Cli second = Cli.run("upgrade", "base:head", "--versions", Cli.sampleVersions().toString());
    assertEquals(0, first.exitCode(), first.err());
    assertEquals(first.out(), second.out());
  }

  private static String golden(String name) throws Exception {
    try (var in = CliTest.class.getResourceAsStream("/cli/" + name)) {
      if (in == null) {
        throw new AssertionError("missing golden file src/test/resources/cli/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
