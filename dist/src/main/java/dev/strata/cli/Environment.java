package dev.strata.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What strata reads from the process around it, passed in rather than read globally so that
 * tests can give their own: the environment variables ({@code STRATA_*} option values, {@code
 * STRATA_CONFIG}, {@code PGPASSWORD}) and the working directory, where {@code strata.toml} is
 * looked for.
 *
 * @param variables the environment variables, name to value
 * @param workingDirectory the directory relative paths are read against (absolute)
 */
record Environment(Map<String, String> variables, Path workingDirectory) {
  Environment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    workingDirectory = workingDirectory.toAbsolutePath();
  }

  /** The process's own environment and working directory. */
  static Environment system() {
    return new Environment(System.getenv(), Path.of(""));
  }

  /** The variable {@code name}, when it is set (to any value, empty included). */
  Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }
}
