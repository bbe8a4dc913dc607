package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled launcher reads the process's own {@code strata.toml} (in its working directory)
 * and {@code STRATA_*} variables: what the in-process tests pass in as an {@link Environment}.
 */
class ConfigLauncherIT {
  private static final Path LAUNCHER = Cli.repoRoot().resolve("dist/target/strata/bin/strata");

  @TempDir Path project;

  private record Run(int exitCode, String out, String err) {}

  private Run run(Map<String, String> variables, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(
        java.util.stream.Stream.concat(java.util.stream.Stream.of(LAUNCHER.toString()),
            java.util.stream.Stream.of(args)).toList());
    builder.directory(project.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_"));
    builder.environment().putAll(variables);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), out, err);
  }

  @Test
  void theWorkingDirectorysFileAndTheVariablesAreRead() throws Exception {
    Run init = run(Map.of(), "init", "--dialect", "mysql");
    assertEquals(0, init.exitCode(), init.err());
    assertTrue(init.out().startsWith("wrote strata.toml (dialect = \"mysql\")\n"
        + "wrote versions/.gitkeep\n"), init.out());
    Files.delete(project.resolve("versions/.gitkeep"));
    ConfigFileTest.copySample(project.resolve("versions"));
    Run fromFile = run(Map.of(), "upgrade", "0015:0016");
    assertEquals(0, fromFile.exitCode(), fromFile.err());
    assertTrue(fromFile.out().contains(" (mysql)\n"), fromFile.out());
    Run fromVariable = run(Map.of("STRATA_DIALECT", "sqlite", "STRATA_LOCK_TIMEOUT", "3s"),
        "upgrade", "0015:0016");
    assertEquals(0, fromVariable.exitCode(), fromVariable.err());
    assertTrue(fromVariable.out().contains(" (sqlite)\n"), fromVariable.out());
    assertTrue(fromVariable.out().contains(".timeout 3000\n"), fromVariable.out());
    Run elsewhere = run(Map.of("STRATA_CONFIG", "missing.toml"), "heads");
    assertEquals(List.of(1, ""), List.of(elsewhere.exitCode(), elsewhere.out()));
    assertTrue(elsewhere.err().startsWith("strata: error[E0641]: the configuration file"
        + " 'missing.toml' does not exist\n"), elsewhere.err());
  }
}
