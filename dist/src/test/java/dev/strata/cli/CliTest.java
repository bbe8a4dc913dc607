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
    Cli cli = Cli.run("--version");
    assertEquals(0, cli.exitCode());
    assertEquals("strata " + ToolVersion.get() + "\n", cli.out());
  }

  @Test
  void noCommandIsAUsageError() {
    Cli cli = Cli.run();
    assertEquals(2, cli.exitCode());
    assertEquals(
        "strata: error: a command is required (upgrade, downgrade, bundle, verify, check, lock)\n"
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
  void unknownDialectIsAUsageErrorListingTheKnownOnes() {
    Cli cli = Cli.run("upgrade", "head", "--dialect", "oracle");
    assertEquals(2, cli.exitCode());
    assertEquals(
        "strata: error: Invalid value for option '--dialect': unknown dialect 'oracle'"
            + " (known: postgresql)\n"
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
