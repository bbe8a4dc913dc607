package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's write lock as the lock that keeps two scripts apart: with another connection writing,
 * a script fails at its {@code BEGIN IMMEDIATE} at once ("database is locked"), changing nothing;
 * with a lock wait ({@code .timeout} around the {@code BEGIN IMMEDIATE}) it waits for the other
 * connection and then runs.
 */
class SqliteLockTest {
  @TempDir Path dir;

  private Path script(Optional<String> wait) throws Exception {
    Chain chain = new Chain(dir.resolve("chain"),
        "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
            + "CREATE TABLE a (id INTEGER);\n");
    return chain.script(Dialect.SQLITE, Direction.UPGRADE, "base:head",
        GoldenCases.OPTIONS.withLockWait(wait));
  }

  /** A {@code sqlite3} session that holds the write lock until {@link #release}. */
  private static final class Writer {
    private final Process process;
    private final OutputStream in;

    Writer(SqliteDatabase database) throws Exception {
      Sqlite3.apply(database, "CREATE TABLE IF NOT EXISTS other (id INTEGER);");
      process = new ProcessBuilder("sqlite3", database.file().toString())
          .redirectErrorStream(true).start();
      in = process.getOutputStream();
      in.write("BEGIN IMMEDIATE;\nINSERT INTO other VALUES (1);\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (Sqlite3.run(database, "BEGIN IMMEDIATE; ROLLBACK;").exitCode() == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the writer never took the lock");
        }
        Thread.sleep(20);
      }
    }

    void release() throws IOException, InterruptedException {
      in.write("COMMIT;\n.quit\n".getBytes(StandardCharsets.UTF_8));
      in.close();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aScriptFailsAtOnceWhileAnotherConnectionWrites() throws Exception {
    Path script = script(Optional.empty());
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_lock")) {
      Writer writer = new Writer(database);
      try {
        ClientRun run = Sqlite3.run(database, script);
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.stderr().contains("database is locked"), run.stderr());
      } finally {
        writer.release();
      }
      assertEquals(List.of("other"), Sqlite3.query(database,
          "SELECT name FROM sqlite_master WHERE type = 'table'"), "nothing of the script");
    }
  }

  @Test
  void aScriptWithALockWaitRunsOnceTheOtherConnectionCommits() throws Exception {
    Path script = script(Optional.of("20s"));
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_lock")) {
      CompletableFuture<ClientRun> run;
      Writer writer = new Writer(database);
      try {
        run = CompletableFuture.supplyAsync(() -> Sqlite3.run(database, script));
        Thread.sleep(500);
        assertTrue(!run.isDone(), "the script waits for the lock");
      } finally {
        writer.release();
      }
      ClientRun done = run.get(30, TimeUnit.SECONDS);
      assertEquals(0, done.exitCode(), done.describe());
      assertEquals(List.of("0001_a"), Sqlite3.query(database,
          "SELECT version_num FROM alembic_version"));
    }
  }
}
