package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every executable golden script with the real {@code psql} against the PostgreSQL server on
 * 127.0.0.1:5432 (user {@code postgres}, trust authentication), each in a fresh database, and checks
 * that psql exits 0 and that the version table then holds exactly the plan's target heads.
 *
 * <p>When no server answers the tests fail under {@code CI=true} and are skipped, loudly, otherwise.
 */
class PostgresGoldenTest {
  private static final String HOST = "127.0.0.1";
  private static final String USER = "postgres";

  @TestFactory
  Stream<DynamicTest> goldenScriptsRunOnPostgres() {
    Map<String, GoldenCase> byName =
        GoldenCases.all().stream().collect(Collectors.toMap(GoldenCase::name, Function.identity()));
    List<GoldenCase> executable = GoldenCases.all().stream().filter(GoldenCase::executable).toList();
    return executable.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c, byName, executable.indexOf(c))));
  }

  private static void run(GoldenCase c, Map<String, GoldenCase> byName, int n) throws Exception {
    requireServer();
    // the pid keeps concurrent builds on the same server apart
    String database = "strata_golden_" + n + "_" + ProcessHandle.current().pid();
    psql("test", "-c", "DROP DATABASE IF EXISTS " + database);
    check(psql("test", "-c", "CREATE DATABASE " + database), "create database");
    try {
      if (!c.prelude().isEmpty()) {
        check(psql(database, "-c", c.prelude()), "prelude");
      }
      for (String setup : c.setupCases()) {
        check(psql(database, "-f", GoldenTest.goldenFile(byName.get(setup).name()).toString()), setup);
      }
      check(psql(database, "-f", GoldenTest.goldenFile(c.name()).toString()), c.name());
      Result rows =
          psql(database, "-A", "-t", "-c",
              "SELECT version_num FROM " + new VersionTable(
                      SqlContext.forDialect(Dialect.POSTGRESQL), c.options()).displayName()
                  + " ORDER BY version_num");
      check(rows, "read version table");
      List<String> heads = rows.out().lines().filter(l -> !l.isEmpty()).toList();
      assertEquals(c.plan().toHeads().stream().sorted().toList(), heads, "version table rows");
    } finally {
      psql("test", "-c", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static void check(Result result, String what) {
    if (result.exit() != 0) {
      fail(what + ": psql exited " + result.exit() + "\n" + result.err() + result.out());
    }
  }

  private static void requireServer() {
    Result probe;
    try {
      probe = psql("test", "-c", "SELECT 1");
    } catch (IOException e) {
      probe = new Result(-1, "", e.getMessage());
    }
    if (probe.exit() == 0) {
      return;
    }
    String message =
        "no PostgreSQL answers at " + HOST + ":5432 as " + USER + " (psql exit " + probe.exit()
            + "): " + probe.err().strip();
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    System.err.println("WARNING: SKIPPING the PostgreSQL golden tests: " + message);
    Assumptions.abort(message);
  }

  private record Result(int exit, String out, String err) {}

  private static Result psql(String database, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-U", USER, "-d", database));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("psql", ".out");
    Path err = Files.createTempFile("psql", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "", "psql timed out");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
