package dev.strata.dialects;

import dev.strata.compiler.VersionTableOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a guarded MySQL or MariaDB script makes (see {@code docs/dialects.md}, "MySQL and
 * MariaDB: scripts, guard, failure and resume"), written by hand: they are made of user variables,
 * {@code PREPARE}/{@code EXECUTE}, {@code SIGNAL} and locking functions, none of which jOOQ builds.
 *
 * <p>The {@code mysql} and {@code mariadb} clients have no conditionals (psql's {@code \if}), and
 * both servers run procedural code ({@code IF}) only inside stored routines. So each check puts
 * its verdict in the user variable {@code @strata_stop} (NULL when the check holds, else strata's
 * message) and runs a prepared statement that is {@code DO 0} when it is NULL, and otherwise stops
 * the client (which stops at its first error unless run with {@code --force}):
 *
 * <ul>
 *   <li>MariaDB ({@link Capability#SIGNAL_IN_PREPARED_STATEMENT}): {@code SIGNAL SQLSTATE '45000'
 *       SET MESSAGE_TEXT = @strata_stop}, which the client prints as {@code ERROR 1644 (45000) at
 *       line N: strata: ...};
 *   <li>MySQL, which refuses {@code SIGNAL} as a prepared statement: {@code CALL
 *       strata_abort(LEFT(@strata_stop, 128))}, a procedure whose one-statement body ({@code
 *       SIGNAL}, no {@code DELIMITER} needed) the script creates before its first check and drops
 *       after its last ({@link #routine()}, {@link #dropRoutine()}). A procedure, not a function:
 *       with binary logging on, MySQL refuses to create a function unless {@code
 *       log_bin_trust_function_creators} is set (the pitfall of Sqitch's {@code checkit()}); a
 *       procedure has no such rule. It needs the {@code CREATE ROUTINE} privilege. MySQL's {@code
 *       MESSAGE_TEXT} holds 128 characters.
 * </ul>
 *
 * <p>Messages never pass through a string literal built at run time: the prepared text names the
 * variable, so no quoting of the message can go wrong. Literals written here double quotes and,
 * where a backslash is an escape ({@link Capability#BACKSLASH_ESCAPES}), backslashes.
 */
final class MysqlGuardSql {
  /** The procedure a MySQL script stops its client with. */
  static final String ROUTINE = "strata_abort";

  private final Dialect dialect;
  private final String table;
  private final String tableName;
  private final Optional<String> schema;

  /**
   * The checks of the version table {@code table} (as the script names it, e.g. {@code
   * alembic_version} or {@code `Ops`.`Versions`}), whose plain name is {@code tableName} in the
   * database {@code schema} (the current database when empty).
   */
  MysqlGuardSql(Dialect dialect, String table, String tableName, Optional<String> schema) {
    this.dialect = dialect;
    this.table = table;
    this.tableName = tableName;
    this.schema = schema;
  }

  /** The checks of the version table of {@code options}, named as {@code versionTable} says. */
  static MysqlGuardSql of(Dialect dialect, ScriptOptions options, VersionTable versionTable) {
    return new MysqlGuardSql(dialect, versionTable.displayName(), options.versionTable(),
        options.versionTableSchema());
  }

  /**
   * The statements (each with its {@code ;}, one per line) that create the procedure a MySQL script
   * stops with; none for MariaDB. A procedure left behind by a run that stopped is replaced.
   */
  List<String> routine() {
    if (dialect.has(Capability.SIGNAL_IN_PREPARED_STATEMENT)) {
      return List.of();
    }
    return List.of("DROP PROCEDURE IF EXISTS " + ROUTINE + ";",
        "CREATE PROCEDURE " + ROUTINE + "(IN message VARCHAR(128))"
            + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = message;");
  }

  /** The statement that drops the procedure of {@link #routine()}, or none (MariaDB). */
  List<String> dropRoutine() {
    return dialect.has(Capability.SIGNAL_IN_PREPARED_STATEMENT)
        ? List.of()
        : List.of("DROP PROCEDURE IF EXISTS " + ROUTINE + ";");
  }

  /**
   * The two statements (with their {@code ;}) that stop the client with the message in {@code
   * @strata_stop}, or do nothing when it is NULL.
   */
  String stop() {
    String abort = dialect.has(Capability.SIGNAL_IN_PREPARED_STATEMENT)
        ? "SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = @strata_stop"
        : "CALL " + ROUTINE + "(LEFT(@strata_stop, 128))";
    return "PREPARE strata_stmt FROM IF(@strata_stop IS NULL, 'DO 0', '" + abort + "');\n"
        + "EXECUTE strata_stmt;";
  }

  /** {@code SET @strata_stop = verdict;} followed by {@link #stop()}. */
  private String check(String verdict) {
    return "SET @strata_stop = " + verdict + ";\n" + stop();
  }

  /**
   * The lock that keeps two guarded scripts of one version table apart, held by the client's
   * session to its end ({@code GET_LOCK}: a named lock survives commits, and the server releases
   * it when the session ends), with the check that a database is selected before it. The lock's
   * name is {@code strata:<database>.<table>} (or {@code strata:} and the SHA-1 of that text when it
   * is longer than the 64 characters a lock name may have); lock names are server-wide, hence the
   * database in it.
   *
   * @param waitSeconds how long to wait for another session's lock, 0 to fail at once
   * @param wait the wait as the options gave it, for the message
   */
  String take(long waitSeconds, Optional<String> wait) {
    String name = "CONCAT('strata:', " + database() + ", '.', " + literal(tableName) + ")";
    String who = wait.map(w -> "another strata script is still running on this database after " + w)
        .orElse("another strata script is running on this database");
    // the holder first: MySQL keeps the first 128 characters of a message
    List<String> lines = new ArrayList<>(noDatabase());
    lines.addAll(List.of(
        "SET @strata_lock = " + name + ";",
        "SET @strata_lock = IF(CHAR_LENGTH(@strata_lock) <= 64, @strata_lock,"
            + " CONCAT('strata:', SHA1(@strata_lock)));",
        check("IF(GET_LOCK(@strata_lock, " + waitSeconds + ") = 1, NULL,\n"
            + "    CONCAT(" + literal("strata: " + who + ": connection ")
            + ", COALESCE(IS_USED_LOCK(@strata_lock), 'unknown'), "
            + literal(" holds the lock ") + ", @strata_lock))")));
    return String.join("\n", lines);
  }

  /** The statement that releases the lock of {@link #take}. */
  String release() {
    return "DO RELEASE_LOCK(@strata_lock);";
  }

  /** Stops when the version table's database is the current one and none is selected. */
  private List<String> noDatabase() {
    if (schema.isPresent()) {
      return List.of();
    }
    return List.of(check("IF(DATABASE() IS NULL, "
        + literal("strata: no database is selected: name it on the " + dialect.client()
            + " command line")
        + ", NULL)"));
  }

  /**
   * The start check: the version table must hold exactly {@code expected.get(0)} (a missing table
   * holds none). When it holds the rows after segment {@code k} of the script ({@code
   * expected.get(k)}, k from 1), the script ran that far before: the check prints the command that
   * runs the rest ({@link #resumeCommand}) and stops. Starts with the marker line {@link #GUARD}.
   *
   * @param expected the rows before each segment, sorted, at index {@code k} those after {@code k}
   *     segments; one entry for a script of one segment
   */
  String guard(List<List<String>> expected) {
    List<String> lines = new ArrayList<>();
    lines.add(GUARD);
    lines.add("SET @strata_sql = IF(EXISTS (SELECT 1 FROM information_schema.tables"
        + " WHERE table_schema = " + database() + " AND table_name = " + literal(tableName) + "),\n"
        + "    " + literal(readRows()) + ",\n"
        + "    'SET @strata_rows = ''''');");
    lines.add("PREPARE strata_stmt FROM @strata_sql;");
    lines.add("EXECUTE strata_stmt;");
    int segments = expected.size();
    StringBuilder verdict = new StringBuilder("CASE CAST(@strata_rows AS BINARY)\n");
    StringBuilder hint = new StringBuilder("CASE CAST(@strata_rows AS BINARY)\n");
    verdict.append("    WHEN ").append(literal(joined(expected.get(0)))).append(" THEN NULL\n");
    Set<String> seen = new HashSet<>(List.of(joined(expected.get(0)))); // one per segment
    for (int k = 1; k < segments; k++) {
      String rows = joined(expected.get(k));
      if (!seen.add(rows)) {
        continue; // the first segment that ends there is the one that ran
      }
      verdict.append("    WHEN ").append(literal(rows)).append(" THEN ")
          .append(literal("strata: " + table + " holds " + Guard.rows(expected.get(k))
              + ", the rows after segment " + k + " of " + segments + ": run the rest as printed"))
          .append('\n');
      hint.append("    WHEN ").append(literal(rows)).append(" THEN ")
          .append(literal("strata: " + (k == 1 ? "segment 1" : "segments 1 to " + k) + " of "
              + segments + " ran before; run the rest with: "
              + resumeCommand(String.valueOf(k + 1), segments)))
          .append('\n');
    }
    verdict.append("    ELSE CONCAT(").append(literal("strata: " + table + " holds ["))
        .append(", IF(@strata_rows = '', 'base', @strata_rows), ")
        .append(literal("] but this script starts from " + Guard.rows(expected.get(0))))
        .append(")\nEND");
    if (seen.size() > 1) {
      lines.add("SET @strata_hint = " + hint.append("    ELSE NULL\nEND") + ";");
      lines.add("PREPARE strata_stmt FROM IF(@strata_hint IS NULL, 'DO 0',"
          + " 'SELECT @strata_hint AS strata');");
      lines.add("EXECUTE strata_stmt;");
    }
    lines.add(check(verdict.toString()));
    return String.join("\n", lines);
  }

  /**
   * The check at the start of segment {@code number} (from 2) of {@code total}: the version table
   * must hold {@code before}, the rows the segment starts from. It exists by then (the script
   * creates it before its first revision, or started with it), so it is read directly.
   */
  String segmentCheck(int number, int total, List<String> before) {
    return readRows() + ";\n"
        + check("IF(CAST(@strata_rows AS BINARY) = " + literal(joined(before)) + ", NULL,\n"
            + "    CONCAT(" + literal("strata: " + table + " holds [")
            + ", IF(@strata_rows = '', 'base', @strata_rows), "
            + literal("] but segment " + number + " of " + total + " starts from "
                + Guard.rows(before)) + "))");
  }

  /**
   * The row-count check after a version-table {@code UPDATE} or {@code DELETE} ({@code statement},
   * without {@code ;}): it must have changed exactly one row ({@code ROW_COUNT()}, read right after
   * it). Without its last {@code ;}.
   */
  String exactlyOneRow(String statement, VersionTableOp op) {
    String what = switch (op) {
      case VersionTableOp.InsertHead insert ->
          throw new IllegalArgumentException("an INSERT is checked by the primary key: " + op);
      case VersionTableOp.UpdateHead update -> "update " + update.from() + " -> " + update.to();
      case VersionTableOp.DeleteHead delete -> "delete of " + delete.revision();
    };
    String text = statement + ";\n"
        + "SET @strata_count = ROW_COUNT();\n"
        + check("IF(@strata_count = 1, NULL, CONCAT("
            + literal("strata: version-table " + what + " changed ") + ", @strata_count, "
            + literal(" rows of " + table + ", expected 1") + "))");
    return text.substring(0, text.length() - 1);
  }

  /**
   * The shell command that runs the rest of a script from segment {@code from} of {@code total}:
   * the script's lines up to the guard's marker (directives, settings, lock), then from the
   * segment's marker to the end. The segment's own check stands for the guard.
   */
  String resumeCommand(String from, int total) {
    return "sed -n '1,/^" + GUARD + "$/p;/^" + marker(from, total) + "/,$p' <this file> | "
        + dialect.client() + " <database>";
  }

  /** The line before the guard, where {@link #resumeCommand} stops taking the script's head. */
  static final String GUARD = "-- strata: guard";

  /** The start of segment {@code number}'s marker line: {@code -- strata: segment 2 of 3:}. */
  static String marker(String number, int total) {
    return "-- strata: segment " + number + " of " + total + ":";
  }

  /** {@code SET @strata_rows = (...)}: the version table's rows as {@code a, b}, byte-sorted. */
  private String readRows() {
    return "SET @strata_rows = (SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY"
        + " CAST(version_num AS BINARY) SEPARATOR ', '), '') FROM " + table + ")";
  }

  /** The version table's database: the configured one, else the current one. */
  private String database() {
    return schema.map(this::literal).orElse("DATABASE()");
  }

  private static String joined(List<String> rows) {
    return String.join(", ", rows.stream().sorted().toList());
  }

  /**
   * {@code text} as a string literal of the dialect: quotes doubled, and backslashes where a
   * backslash is an escape ({@link Capability#BACKSLASH_ESCAPES}, under the script's {@code
   * sql_mode}).
   */
  String literal(String text) {
    String escaped = dialect.has(Capability.BACKSLASH_ESCAPES) ? text.replace("\\", "\\\\") : text;
    return "'" + escaped.replace("'", "''") + "'";
  }
}
