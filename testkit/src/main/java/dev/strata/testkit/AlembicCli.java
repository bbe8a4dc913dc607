package dev.strata.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Alembic, for the tests that compare strata with it: a Python interpreter that can
 * {@code import alembic, psycopg2}, found as DESIGN.md finds servers: the interpreter named by
 * {@code STRATA_TEST_PYTHON}, else {@code /usr/bin/python3} (Debian's {@code python3-alembic}
 * and {@code python3-psycopg2}), else {@code python3} on the PATH. With none, tests are skipped
 * with a loud warning, except under {@code CI=true}, where that is a failure ({@code .ci/run}
 * installs the Debian packages).
 *
 * <p>Alembic runs as {@code PYTHON -m alembic -c INI ARGS...} (Debian ships no {@code alembic}
 * executable), with the project's directory as working directory and {@code
 * PYTHONDONTWRITEBYTECODE=1} (no {@code __pycache__} in the fixtures), and is waited for up to
 * 120 s.
 *
 * @param python the interpreter's path or command name
 * @param version what {@code alembic.__version__} says, e.g. {@code 1.8.1}
 */
public record AlembicCli(String python, String version) {
  private static AlembicCli instance;
  private static String unavailableReason;

  public AlembicCli {
    if (python == null || python.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException("an Alembic CLI has an interpreter and a version");
    }
  }

  /** Alembic, or a skipped (locally) / failed (under {@code CI=true}) test when there is none. */
  public static synchronized AlembicCli require() {
    if (instance == null && unavailableReason == null) {
      instance = find();
    }
    if (instance != null) {
      return instance;
    }
    String message = "no Python with alembic and psycopg2 for the Alembic tests: " + unavailableReason;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true: Alembic tests may not be skipped; .ci/run installs python3-alembic)");
    }
    System.err.println("!!!!!!!! WARNING: SKIPPING ALEMBIC TEST: " + message + " !!!!!!!!");
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** Whether a Python with alembic and psycopg2 is there (without skipping or failing anything). */
  public static synchronized boolean available() {
    if (instance == null && unavailableReason == null) {
      instance = find();
    }
    return instance != null;
  }

  private static AlembicCli find() {
    List<String> candidates = new ArrayList<>();
    String named = System.getenv("STRATA_TEST_PYTHON");
    if (named != null && !named.isBlank()) {
      candidates.add(named);
    } else {
      if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
        candidates.add("/usr/bin/python3");
      }
      candidates.add("python3");
    }
    List<String> tried = new ArrayList<>();
    for (String python : candidates) {
      try {
        ClientRun probe = Processes.run(List.of(python, "-c",
            "import alembic, psycopg2; print(alembic.__version__)"), Map.of(), null);
        if (probe.ok() && !probe.stdout().isBlank()) {
          return new AlembicCli(python, probe.stdout().strip());
        }
        tried.add(python + " (" + lastLine(probe.stderr()) + ")");
      } catch (IllegalStateException e) {
        tried.add(python + " (" + e.getMessage() + ")");
      }
    }
    unavailableReason = "tried " + String.join(", ", tried)
        + (named == null || named.isBlank() ? "; set STRATA_TEST_PYTHON to one that has them" : "");
    return null;
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
  }

  /**
   * Runs {@code PYTHON -m alembic -c INI ARGS...} in {@code ini}'s directory, e.g. {@code
   * run(ini, "upgrade", "base:head", "--sql")} or {@code run(ini, "-x", "url=postgresql://...",
   * "upgrade", "abc")}. Never throws when Alembic fails: the exit code and stderr say why.
   *
   * @throws IllegalStateException when the interpreter cannot start or runs longer than 120 s
   */
  public ClientRun run(Path ini, String... args) {
    return run(ini, Map.of(), args);
  }

  /**
   * {@link #run(Path, String...)} with {@code env} added to the environment (e.g. {@code
   * PGPASSWORD} for an online run, or {@code PYTHONHASHSEED} to pin the order Alembic picks rows in
   * over a merge).
   */
  public ClientRun run(Path ini, Map<String, String> env, String... args) {
    Path absolute = ini.toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(python, "-m", "alembic", "-c",
        absolute.toString()));
    command.addAll(List.of(args));
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putIfAbsent("PYTHONDONTWRITEBYTECODE", "1");
    return Processes.run(command, all, null, absolute.getParent().toFile());
  }

  /** The interpreter's path, for a script or a message. */
  @Override
  public String toString() {
    return python + " (alembic " + version + ")";
  }
}
