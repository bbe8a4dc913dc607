package dev.strata.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@link Main#run} in-process and captures what it printed. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    return run(new Environment(java.util.Map.of(), Path.of("")), args);
  }

  /**
   * Runs with {@code environment} as the environment variables and working directory: tests never
   * see the process's {@code STRATA_*} variables, nor a {@code strata.toml} they did not write.
   */
  static Cli run(Environment environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, environment);
    }
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The repository root (set by the parent pom for surefire). */
  static Path repoRoot() {
    String root = System.getProperty("strata.repo.root");
    return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
  }

  /** The sample chain {@code versions/} at the repository root. */
  static Path sampleVersions() {
    return repoRoot().resolve("versions");
  }
}
