package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code sqlite3} client for the SQLite tests, on the testkit's {@link SqliteDatabase}
 * files: runs a script as a DBA does, {@code sqlite3 FILE < SCRIPT} (without the {@code -bail} that
 * {@link SqliteDatabase#apply} adds, so that a test proves the script's own {@code .bail on}), and
 * describes a schema in a form two databases made different ways can be compared by.
 */
final class Sqlite3 {
  private Sqlite3() {}

  /** {@code sqlite3 FILE < script}: what a DBA runs. */
  static ClientRun run(SqliteDatabase database, Path script) {
    return run(List.of("sqlite3", database.file().toString()), script);
  }

  /** {@link #run(SqliteDatabase, Path)} of a script made of {@code sql}. */
  static ClientRun run(SqliteDatabase database, String sql) throws IOException {
    Path script = Files.createTempFile("strata-sqlite", ".sql");
    try {
      Files.writeString(script, sql + "\n", StandardCharsets.UTF_8);
      return run(database, script);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** Runs {@code script} and fails the test unless sqlite3 exits 0 with nothing on stderr. */
  static ClientRun apply(SqliteDatabase database, Path script) {
    ClientRun result = run(database, script);
    assertEquals(0, result.exitCode(), script + " failed:\n" + result.describe());
    assertEquals("", result.stderr(), script + " wrote to stderr");
    return result;
  }

  /** {@link #apply} of {@code sql}. */
  static ClientRun apply(SqliteDatabase database, String sql) throws IOException {
    ClientRun result = run(database, sql);
    assertEquals(0, result.exitCode(), sql + " failed:\n" + result.describe());
    return result;
  }

  /** The rows of {@code sql} as sqlite3 prints them in list mode, one per line. */
  static List<String> query(SqliteDatabase database, String sql) throws IOException {
    ClientRun result = run(database, ".bail on\n.headers off\n.mode list\n" + sql + ";");
    assertEquals(0, result.exitCode(), sql + " failed:\n" + result.describe());
    return result.stdout().lines().toList();
  }

  /**
   * The schema of {@code database} in a form that does not depend on how it was made: per table
   * (sorted by name, SQLite's own and {@code excluded} left out) its columns, primary key,
   * foreign keys, unique and plain indexes (the latter by their SQL) and {@code CHECK}s; per view
   * and trigger its SQL, the name after {@code CREATE VIEW}/{@code TRIGGER} unquoted.
   */
  static String schema(SqliteDatabase database, List<String> excluded) throws IOException {
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

  private static ClientRun run(List<String> command, Path input) {
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
        return new ClientRun(process.exitValue(),
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
