package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The MariaDB server on 127.0.0.1:3306 (user root, no password) that the MySQL and MariaDB
 * database tests run against, reached only through the real {@code mariadb} client, as a DBA
 * would: scripts are fed on standard input with {@code --batch}. With no server, tests are skipped
 * with a loud warning, except under {@code CI=true}, where that is a failure. Databases are named
 * {@code mysqlh_<prefix>_<pid>_<n>}. (A local stand-in until the testkit has its own MariaDB
 * server class.)
 */
final class MariaDbClient {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static MariaDbClient instance;
  private static String unavailable;

  private final List<String> connection = List.of("-h", "127.0.0.1", "-P", "3306", "-u", "root");

  private MariaDbClient() {}

  /** The server, or a skipped (locally) / failed (under CI=true) test when there is none. */
  static synchronized MariaDbClient require() {
    if (instance == null && unavailable == null) {
      MariaDbClient client = new MariaDbClient();
      try {
        ProcessResult answer = client.client(List.of("-e", "SELECT 1"), null);
        if (answer.exitCode() == 0) {
          instance = client;
        } else {
          unavailable = "127.0.0.1:3306 did not answer: " + answer.stderr().strip();
        }
      } catch (IllegalStateException e) {
        unavailable = "the mariadb client cannot run: " + e.getMessage();
      }
    }
    if (instance != null) {
      return instance;
    }
    String message = "no MariaDB server for the database tests: " + unavailable;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true: database tests may not be skipped)");
    }
    System.err.println("!!!!!!!! WARNING: SKIPPING DATABASE TEST: " + message + " !!!!!!!!");
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** A fresh, empty database named {@code mysqlh_<prefix>_<pid>_<n>}. */
  String createDatabase(String prefix) {
    String name = "mysqlh_" + prefix + "_" + ProcessHandle.current().pid() + "_"
        + COUNTER.incrementAndGet();
    admin("DROP DATABASE IF EXISTS " + name + "; CREATE DATABASE " + name
        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    return name;
  }

  void dropDatabase(String name) {
    admin("DROP DATABASE IF EXISTS " + name);
  }

  private void admin(String sql) {
    ProcessResult result = client(List.of("-e", sql), null);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(sql + ": " + result.stderr());
    }
  }

  /** Runs {@code script} with {@code mariadb --batch DATABASE < script}; never throws on failure. */
  ProcessResult run(String database, Path script, String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    args.add("--batch");
    args.add(database);
    return client(args, script);
  }

  /** Rows of a query, each row's columns joined by {@code |} (NULL as {@code NULL}). */
  List<String> query(String database, String sql) {
    ProcessResult result =
        client(List.of("--batch", "--skip-column-names", "--raw", "-e", sql, database), null);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(sql + ": " + result.stderr());
    }
    return result.stdout().lines().map(line -> line.replace('\t', '|')).toList();
  }

  /**
   * The schema of {@code database} as {@code SHOW CREATE TABLE} / {@code SHOW CREATE VIEW} print
   * it, every table and view in name order (sequences as {@code SHOW CREATE SEQUENCE}), with the
   * {@code AUTO_INCREMENT=n} table option (a counter, not the schema) removed, and without the
   * tables named in {@code excluded}.
   */
  String schemaDump(String database, String... excluded) {
    List<String> out = new ArrayList<>();
    List<String> objects = query(database, "SELECT table_name, table_type FROM"
        + " information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name");
    for (String object : objects) {
      String[] parts = object.split("\\|");
      if (List.of(excluded).contains(parts[0])) {
        continue;
      }
      String kind = switch (parts[1]) {
        case "VIEW" -> "VIEW";
        case "SEQUENCE" -> "SEQUENCE";
        default -> "TABLE";
      };
      List<String> rows = query(database, "SHOW CREATE " + kind + " `" + parts[0] + "`");
      String text = rows.stream().reduce("", (a, b) -> a + b + "\n");
      out.add(text.replaceAll(" AUTO_INCREMENT=[0-9]+", "")
          .replaceAll("DEFINER=`[^`]*`@`[^`]*` ", ""));
    }
    return String.join("\n", out);
  }

  private ProcessResult client(List<String> args, Path stdin) {
    List<String> command = new ArrayList<>();
    command.add("mariadb");
    command.addAll(connection);
    command.addAll(args);
    if (stdin == null) {
      return PostgresServer.run(command, Map.of());
    }
    List<String> shell = List.of("sh", "-c", "exec \"$@\" < \"$STRATA_SCRIPT\"", "mariadb");
    List<String> full = new ArrayList<>(shell);
    full.addAll(command);
    return PostgresServer.run(full, Map.of("STRATA_SCRIPT", stdin.toString()));
  }

  /**
   * The client's messages on standard error without the statement it echoes before an error
   * ({@code --print-query-on-error}, on by default in batch mode) and without the {@code at line
   * N} of each error: e.g. {@code ERROR 1644 (45000): strata: ...}.
   */
  static List<String> errors(ProcessResult result) {
    return result.stderr().lines()
        .filter(line -> line.startsWith("ERROR "))
        .map(line -> line.replaceFirst(" at line [0-9]+: ", ": "))
        .toList();
  }
}
