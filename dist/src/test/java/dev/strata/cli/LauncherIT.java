package dev.strata.cli;

import dev.strata.testkit.PostgresServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assembled distribution, as a user runs it: {@code dist/target/strata/bin/strata} in a new
 * process. Runs after {@code package} (failsafe), so the launcher and {@code lib/} exist.
 */
class LauncherIT {
  private static final Path LAUNCHER =
      Cli.repoRoot().resolve("dist/target/strata/bin/strata");

  @Test
  void launcherIsExecutableAndPrintsTheVersion() {
    assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is executable");
    PostgresServer.ProcessResult result =
        PostgresServer.run(List.of(LAUNCHER.toString(), "--version"), Map.of());
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("strata " + ToolVersion.get() + "\n", result.stdout());
  }

  @Test
  void launcherRendersTheSampleChainLikeTheInProcessCli() {
    PostgresServer.ProcessResult result = PostgresServer.run(
        List.of(LAUNCHER.toString(), "upgrade", "base:head",
            "--versions", Cli.sampleVersions().toString()),
        Map.of());
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr(), "no jOOQ logo or tips, no warnings");
    Cli inProcess = Cli.run("upgrade", "base:head", "--versions", Cli.sampleVersions().toString());
    assertEquals(inProcess.out(), result.stdout());
  }

  @Test
  void launcherSaysClearlyWhenNoJava21IsFound() {
    // a PATH with only the basic tools, no JAVA_HOME, and a JVM directory that does not exist
    PostgresServer.ProcessResult result = PostgresServer.run(
        List.of("/usr/bin/env", "-i", "PATH=/nonexistent:/usr/bin:/bin", "STRATA_JVM_DIRS=/nonexistent",
            LAUNCHER.toString(), "--version"),
        Map.of());
    assertEquals(3, result.exitCode(), result.stdout() + result.stderr());
    assertTrue(result.stderr().startsWith("strata: error: no Java 21 or later found"),
        result.stderr());
  }
}
