package dev.strata.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AlembicCli finds a Python with alembic and runs the real Alembic command line. */
class AlembicCliTest {
  @Test
  void runsAlembicAndReportsItsFailures(@TempDir Path dir) throws Exception {
    AlembicCli alembic = AlembicCli.require();
    assertTrue(alembic.version().matches("\\d+\\.\\d+.*"), alembic.version());
    Path ini = dir.resolve("alembic.ini");
    Files.writeString(ini, "[alembic]\nscript_location = " + dir.resolve("missing") + "\n");
    ClientRun run = alembic.run(ini, "heads");
    assertTrue(run.exitCode() != 0, run.describe());
    assertTrue((run.stdout() + run.stderr()).contains("Path doesn't exist"), run.describe());
  }
}
