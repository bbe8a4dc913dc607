package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code sqlite3} client for the SQLite tests: runs a script on a database file as a DBA
 * does ({@code sqlite3 db.sqlite < script.sql}), queries a database, and describes its schema in a
 * form two databases made different ways can be compared by. A test that needs it fails under
 * {@code CI=true} when {@code sqlite3} is missing, and is skipped with a loud warning otherwise.
 */
final class Sqlite3 {
  private static Sqlite3 instance;
  private static String unavailable;

  private Sqlite3() {}

  /** The client, or a skipped (locally) / failed (under CI=true) test when there is none. */
  static synchronized Sqlite3 require() {
    if (instance == null && unavailable == null) {
      try {
        ProcessResult version = PostgresServer.run(List.of("sqlite3", "-version"), Map.of());
        if (version.exitCode() == 0) {
          instance = new Sqlite3();
        } else {
          unavailable = "sqlite3 -version exits " + version.exitCode();
        }
      } catch (IllegalStateException e) {
        unavailable = e.getMessage();
      }
    }
    if (instance != null) {
      return instance;
    }
    String message = "no sqlite3 client for the SQLite tests: " + unavailable;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true: database tests may not be skipped)");
    }
    System.err.println("!!!!!!!! WARNING: SKIPPING DATABASE TEST: " + message + " !!!!!!!!");
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** {@code sqlite3 database < script}: what a DBA runs. */
  ProcessResult run(Path database, Path script) {
    return run(List.of("sqlite3", database.toString()), script);
  }

  /** {@code sqlite3 database < script} with {@code sql} as the script. */
  ProcessResult run(Path database, String sql) throws IOException {
    Path script = Files.createTempFile("strata-sqlite", ".sql");
    try {
      Files.writeString(script, sql + "\n", StandardCharsets.UTF_8);
      return run(database, script);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** Runs {@code script} on {@code database} and fails the test unless sqlite3 exits 0. */
  ProcessResult apply(Path database, Path script) {
    ProcessResult result = run(database, script);
    assertEquals(0, result.exitCode(), script + " failed:\n" + result.stderr() + result.stdout());
    return result;
  }

  /** {@link #apply} of {@code sql}. */
  ProcessResult apply(Path database, String sql) throws IOException {
    ProcessResult result = run(database, sql);
    assertEquals(0, result.exitCode(), sql + " failed:\n" + result.stderr() + result.stdout());
    return result;
  }

  /** The rows of {@code sql}, each as its columns joined with {@code |}. */
  List<String> query(Path database, String sql) throws IOException {
    ProcessResult result = run(database, ".bail on\n.headers off\n.mode list\n" + sql + ";");
    assertEquals(0, result.exitCode(), sql + " failed:\n" + result.stderr());
    return result.stdout().lines().toList();
  }

  /**
   * The schema of {@code database} in a form that does not depend on how it was made: per table
   * (sorted by name, SQLite's own and {@code excluded} left out) its columns, primary key,
   * foreign keys, unique and plain indexes (the latter by their SQL) and {@code CHECK}s; per view
   * and trigger its SQL, the name after {@code CREATE VIEW}/{@code TRIGGER} unquoted.
   */
  String schema(Path database, List<String> excluded) throws IOException {
    StringBuilder out = new StringBuilder();
    List<String> tables = query(database, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    for (String table : tables) {
      if (excluded.contains(table)) {
        continue;
      }
      String t = table.replace("'", "''");
      out.append("table ").append(table).append('\n');
      query(database, "SELECT name, type, \"notnull\", coalesce(dflt_value, '-'), pk, hidden"
          + " FROM pragma_table_xinfo('" + t + "') ORDER BY cid")
          .forEach(c -> out.append("  column ").append(c).append('\n'));
      query(database, "SELECT \"table\" || '(' || group_concat(\"to\", ',') || ') from ('"
          + " || group_concat(\"from\", ',') || ') on update ' || on_update || ' on delete '"
          + " || on_delete FROM (SELECT * FROM pragma_foreign_key_list('" + t + "')"
          + " ORDER BY id, seq) GROUP BY id ORDER BY 1")
          .forEach(f -> out.append("  foreign key ").append(f).append('\n'));
      query(database, "SELECT l.origin || ' ' || l.\"unique\" || ' (' || (SELECT group_concat("
          + "coalesce(x.name, '<expr>') || CASE x.desc WHEN 1 THEN ' desc' ELSE '' END, ',') FROM"
          + " (SELECT * FROM pragma_index_xinfo(l.name) WHERE key ORDER BY seqno) x) || ')'"
          + " || CASE l.origin WHEN 'c' THEN ' ' || l.name || ' ' || (SELECT sql FROM"
          + " sqlite_master m WHERE m.name = l.name) ELSE '' END"
          + " FROM pragma_index_list('" + t + "') l ORDER BY 1")
          .forEach(i -> out.append("  index ").append(normal(i)).append('\n'));
      String sql = String.join("\n", query(database,
          "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + t + "'"));
      checks(sql).forEach(c -> out.append("  check ").append(normal(c)).append('\n'));
    }
    for (String row : query(database, "SELECT type || ' ' || name FROM sqlite_master"
        + " WHERE type IN ('view', 'trigger') ORDER BY type, name")) {
      String name = row.substring(row.indexOf(' ') + 1).replace("'", "''");
      String sql = String.join("\n", query(database,
          "SELECT sql FROM sqlite_master WHERE name = '" + name + "'"));
      out.append(row).append(": ").append(normal(sql.replaceFirst(
          "^CREATE (VIEW|TRIGGER) (\"[^\"]*\"|`[^`]*`|\\S+)", "CREATE $1 " + name)))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * SQL with runs of white space as one space and the quotes around plain names left out: SQLite
   * quotes the names it rewrites in a {@code RENAME}, a statement written directly does not.
   */
  static String normal(String sql) {
    return sql.replaceAll("[\"`]([A-Za-z_][A-Za-z0-9_]*)[\"`]", "$1").replaceAll("\\s+", " ")
        .strip();
  }

  /** The conditions of the {@code CHECK}s in a table's SQL, sorted, constraint names left out. */
  static List<String> checks(String sql) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?i)\\bCHECK\\s*\\(").matcher(sql);
    int from = 0;
    while (m.find(from)) {
      int depth = 1;
      int i = m.end();
      boolean quoted = false;
      while (i < sql.length() && depth > 0) {
        char c = sql.charAt(i);
        if (c == '\'') {
          quoted = !quoted;
        } else if (!quoted && c == '(') {
          depth++;
        } else if (!quoted && c == ')') {
          depth--;
        }
        i++;
      }
      out.add(sql.substring(m.end(), i - 1).strip());
      from = i;
    }
    return out.stream().sorted().toList();
  }

  private static ProcessResult run(List<String> command, Path input) {
    ProcessBuilder builder = new ProcessBuilder(command);
    try {
      Path out = Files.createTempFile("strata-sqlite", ".out");
      Path err = Files.createTempFile("strata-sqlite", ".err");
      try {
        Process process = builder.redirectInput(input.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("timed out: " + command);
        }
        return new ProcessResult(process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }
}
