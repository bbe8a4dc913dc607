package dev.strata.cli;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Alembic of one project, for the import proof: {@code PYTHON -m alembic -c INI ARGS}
 * run in the project's directory (so that {@code prepend_sys_path = .} and the project's own
 * imports work), with {@code PYTHONHASHSEED=0} (Alembic picks the row to update over a merge in set
 * order, reference section 1.4) and {@code PYTHONDONTWRITEBYTECODE=1} (no {@code __pycache__} left
 * in the user's project).
 *
 * @param python the interpreter
 * @param ini the project's {@code alembic.ini}, absolute
 * @param version what {@code alembic.__version__} says
 */
record AlembicRunner(String python, Path ini, String version) {
  private static final Map<String, String> ENV =
      Map.of("PYTHONHASHSEED", "0", "PYTHONDONTWRITEBYTECODE", "1");

  /**
   * Checks that {@code python} can import alembic.
   *
   * @throws DiagnosticException E0731 when it cannot (or does not start)
   */
  static AlembicRunner find(String python, Path ini) throws DiagnosticException {
    ExternalProcess probe = ExternalProcess.run(
        List.of(python, "-c", "import alembic; print(alembic.__version__)"), ENV, null);
    if (!probe.ok() || probe.stdout().isBlank()) {
      throw new DiagnosticException(Diagnostic.error("E0731",
          "no Alembic for " + python + ": " + probe.tail(1),
          "help: install Alembic for that Python (Debian: apt-get install python3-alembic"
              + " python3-psycopg2), or name a Python that has it"));
    }
    return new AlembicRunner(python, ini.toAbsolutePath(), probe.stdout().strip());
  }

  /** Runs {@code alembic -c INI ARGS...}; the result says whether Alembic succeeded. */
  ExternalProcess run(String... args) {
    List<String> command = new ArrayList<>(List.of(python, "-m", "alembic", "-c", ini.toString()));
    command.addAll(List.of(args));
    ExternalProcess run = ExternalProcess.run(command, ENV, ini.getParent());
    // Alembic 1.8 prints "FAILED: ..." after the partial script and exits non-zero; keep it so
    if (run.ok() && run.stdout().contains("\nFAILED: ")) {
      return new ExternalProcess(1, run.stdout(), run.stderr());
    }
    return run;
  }
}
