package dev.strata.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One run of an outside program that the Alembic import proof drives ({@code python -m alembic},
 * {@code psql}, {@code pg_dump}): its exit code and what it printed, both streams captured whole.
 *
 * @param exitCode the exit code; {@code -1} when the program could not be started at all
 * @param stdout standard output, decoded as UTF-8
 * @param stderr standard error, decoded as UTF-8 (or why the program could not start)
 */
record ExternalProcess(int exitCode, String stdout, String stderr) {
  /** How long one program may run before it is killed, in seconds. */
  static final long TIMEOUT_SECONDS = 300;

  ExternalProcess {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Whether the program ran and exited with 0. */
  boolean ok() {
    return exitCode == 0;
  }

  /**
   * The last non-blank lines of what the program printed on either stream (its error, for a
   * report line), at most {@code max} of them, joined by newlines.
   */
  String tail(int max) {
    List<String> lines = (stdout + "\n" + stderr).lines().filter(l -> !l.isBlank()).toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - max), lines.size()));
  }

  /**
   * Runs {@code command} in {@code directory} (this process's own when null) with {@code env} added
   * to the environment and nothing on its standard input; waits up to {@link #TIMEOUT_SECONDS}.
   * Never throws for a program that fails or cannot start: the result says so (exit code -1 when
   * it could not start or was killed).
   */
  static ExternalProcess run(List<String> command, Map<String, String> env, Path directory) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("strata-run", ".out");
      err = Files.createTempFile("strata-run", ".err");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new ExternalProcess(-1, "", String.join(" ", command) + ": killed after "
            + TIMEOUT_SECONDS + " s");
      }
      return new ExternalProcess(process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new ExternalProcess(-1, "", "cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ExternalProcess(-1, "", "interrupted: " + command.get(0));
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file left behind in the temporary directory: nothing to report
      }
    }
  }
}
