package dev.strata.cli.fuzz;

import java.util.Objects;

/**
 * A broken promise found by a fuzz case.
 *
 * @param command the command as a user reruns it ({@link Command#display()})
 * @param kind which rule it broke
 * @param key what groups it with others of the same cause (an exception class, a diagnostic
 *     code, a stack frame)
 * @param detail the offending output, for the report
 */
record Violation(String command, Kind kind, String key, String detail) {
  Violation {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(detail, "detail");
  }

  /** The rules of {@link Invariant}. */
  enum Kind {
    /** The exit code is not 0 or 1. */
    EXIT_CODE,
    /** Something escaped {@code Main.run}. */
    THROWABLE,
    /** A line of stderr is not part of a diagnostic (a stack trace, a raw message). */
    STRAY_STDERR,
    /** An error diagnostic without {@code path:line:col}. */
    NO_POSITION,
    /** An error at a path or position that does not exist, or a {@code <range>} it cannot be. */
    BAD_POSITION,
    /** Exit 1 without any error diagnostic. */
    SILENT_FAILURE,
    /** Exit 0 with an error diagnostic. */
    ERROR_ON_SUCCESS,
    /** More than 16 MiB on stderr: an error storm. */
    FLOOD,
    /** Exit 0 without the script or bundle the command promises. */
    NO_OUTPUT,
    /** {@code check} has no error for a file that must have one (see {@link CaseInvariant}). */
    MISSED_ERROR,
    /** {@code check} passed, another command found an error in a file. */
    CHECK_MISSED
  }

  /** {@code KIND verb key}: violations with the same signature most likely share a cause. */
  String signature() {
    String verb = command.substring("strata ".length()).split(" ", 2)[0];
    return kind + " " + verb + " " + key;
  }

  @Override
  public String toString() {
    return command + ": " + kind + ": " + detail;
  }
}
