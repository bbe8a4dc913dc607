package dev.strata.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a client process with an optional file on its standard input, capturing what it prints. */
final class Processes {
  private Processes() {}

  /**
   * Runs {@code command} with {@code env} added to this process's environment and {@code stdin}
   * (or nothing, when null) on its standard input; waits up to 120 s. Throws {@link
   * IllegalStateException} when it cannot start or times out, never when it exits non-zero.
   */
  static ClientRun run(List<String> command, Map<String, String> env, Path stdin) {
    return run(command, env, stdin, null);
  }

  /** {@link #run(List, Map, Path)} in {@code directory} (this process's own when null). */
  static ClientRun run(List<String> command, Map<String, String> env, Path stdin,
      java.io.File directory) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.directory(directory);
    builder.environment().putAll(env);
    try {
      Path out = Files.createTempFile("strata-client", ".out");
      Path err = Files.createTempFile("strata-client", ".err");
      try {
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
          builder.redirectInput(stdin.toFile());
        } else {
          builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("timed out: " + command);
        }
        return new ClientRun(process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  /** Writes {@code text} to a new temporary {@code .sql} file that is deleted when the JVM exits. */
  static Path tempScript(String text) {
    try {
      Path file = Files.createTempFile("strata-script", ".sql");
      file.toFile().deleteOnExit();
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a temporary script: " + e.getMessage(), e);
    }
  }
}
