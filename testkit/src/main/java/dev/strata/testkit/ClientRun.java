package dev.strata.testkit;

/**
 * What one run of a real database client ({@code psql}, {@code mariadb}, {@code sqlite3}) returned
 * and printed: its exit code, standard output and standard error, as captured. A client that
 * stopped at an error has a non-zero {@code exitCode} and says why in {@code stderr}.
 */
public record ClientRun(int exitCode, String stdout, String stderr) {
  public ClientRun {
    if (stdout == null || stderr == null) {
      throw new IllegalArgumentException("a client run has an stdout and an stderr, maybe empty");
    }
  }

  /** Whether the client exited with 0. */
  public boolean ok() {
    return exitCode == 0;
  }

  /** The three fields on separate lines, for assertion messages. */
  public String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }
}
