package dev.strata.cli;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The real Alembic of one project, for the import proof: its offline commands run through the
 * {@code alembic_offline.py} driver in the project's directory (so that {@code prepend_sys_path =
 * .} and the project's own imports work), with {@code PYTHONHASHSEED=0} (Alembic picks the row to update over a merge in set
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

  /**
   * Alembic's offline scripts for several commands, in one interpreter (starting Python and
   * importing Alembic takes about a second, which the proof would otherwise pay per range): each
   * of {@code commands} is {@code upgrade TARGET} or {@code downgrade TARGET}, run as {@code alembic
   * COMMAND TARGET --sql} runs it (a fresh {@code Config}, so a fresh migration context, per
   * command). Each result holds the script (exit 0), or Alembic's message (exit 1) as {@code alembic}
   * prints it; all fail alike when the interpreter does not run the driver.
   */
  List<ExternalProcess> offline(List<List<String>> commands, Path scratch) {
    List<ExternalProcess> results = new ArrayList<>();
    try {
      Path dir = Files.createTempDirectory(scratch, "alembic");
      Path driver = dir.resolve("alembic_offline.py");
      try (InputStream in = AlembicRunner.class.getResourceAsStream("alembic_offline.py")) {
        Files.copy(Objects.requireNonNull(in, "alembic_offline.py"), driver);
      }
      List<String> command = new ArrayList<>(List.of(python, driver.toString(), ini.toString(),
          dir.toString()));
      commands.forEach(command::addAll);
      ExternalProcess run = ExternalProcess.run(command, ENV, ini.getParent());
      for (int i = 0; i < commands.size(); i++) {
        Path sql = dir.resolve(i + ".sql");
        Path failed = dir.resolve(i + ".failed");
        if (Files.isRegularFile(failed)) {
          results.add(new ExternalProcess(1, Files.readString(sql), Files.readString(failed)));
        } else if (run.ok() && Files.isRegularFile(sql)) {
          results.add(new ExternalProcess(0, Files.readString(sql), ""));
        } else {
          results.add(new ExternalProcess(run.ok() ? -1 : run.exitCode(), "", run.tail(5)));
        }
      }
      return results;
    } catch (IOException e) {
      ExternalProcess failed = new ExternalProcess(-1, "", "cannot run Alembic: " + e.getMessage());
      return commands.stream().map(c -> failed).toList();
    }
  }
}
