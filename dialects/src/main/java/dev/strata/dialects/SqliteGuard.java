package dev.strata.dialects;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.groupConcat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import dev.strata.compiler.VersionTableOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The checks of a guarded {@code sqlite3} script ({@code docs/dialects.md}, "SQLite: scripts, guard,
 * failure and resume"), as {@link SqliteCheck}s.
 *
 * <p>The guard of a segment runs in the segment's first transaction, before its first change: the
 * version table (created {@code IF NOT EXISTS} first, so that it can be read) must hold exactly the
 * rows the segment starts from, else the script stops. When it holds the rows after another
 * segment of the script, the message says so and gives the command that runs the script from the
 * segment that follows (its marker line, {@code -- strata: segment k of n}): SQLite has no
 * conditionals outside triggers, so a re-run cannot skip the segments that are done by itself.
 * Before the check, a query prints {@code strata: <table> holds [<rows>]} (rows sorted, {@code
 * base} for none) when they are not the expected ones.
 *
 * <p>The row-count check of a version-table {@code UPDATE} or {@code DELETE} inserts {@code
 * changes()} right after it: it must be 1.
 *
 * <p>Not thread-safe (the row-count check's shape is made on first use); one per script.
 */
final class SqliteGuard {
  /** The text a line number of a segment's marker is written as until the script is assembled. */
  static final String LINE = "\u0000line-of-segment-";

  private final SqlContext sql;
  private final String versionTable;
  private final Table<?> table;
  private final Field<String> column;

  /**
   * The guard of the version table {@code table}, whose rendered name is {@code versionTable}.
   */
  SqliteGuard(SqlContext sql, Name table, String versionTable) {
    this.sql = sql;
    this.versionTable = versionTable;
    this.table = DSL.table(table);
    this.column = field(DSL.unquotedName("version_num"), SQLDataType.VARCHAR(32));
  }

  /**
   * The statements of the guard of segment {@code number} of a script whose version-table rows are
   * {@code rows.get(j)} after its segment {@code j} ({@code rows.get(0)}: the rows it starts from),
   * each without {@code ;}: the check's table, the query that prints the rows when they are not the
   * expected ones, and the check. A message that names the line of segment {@code m}'s marker holds
   * {@link #LINE}{@code m}{@code \u0000} in its place.
   *
   * @param create the version table's {@code CREATE TABLE IF NOT EXISTS}
   */
  List<String> check(String create, int number, List<List<String>> rows) {
    int segments = rows.size() - 1;
    String expected = joined(rows.get(number - 1));
    Field<String> actual = coalesce(
        field(select(groupConcat(column).separator(", "))
            .from(select(column).from(table).orderBy(column).asTable("v"))),
        inline(""));
    SqliteCheck<String> check = new SqliteCheck<>(sql, SQLDataType.CLOB, value -> {
      List<SqliteCheck.Rule> rules = new ArrayList<>();
      Map<String, List<Integer>> after = new LinkedHashMap<>();
      for (int j = 0; j <= segments; j++) {
        String state = joined(rows.get(j));
        if (!state.equals(expected)) {
          after.computeIfAbsent(state, s -> new ArrayList<>()).add(j);
        }
      }
      after.forEach((state, js) -> rules.add(new SqliteCheck.Rule(
          elsewhere(state, js, segments), value.isDistinctFrom(inline(state)))));
      String from = number == 1 ? "this script starts from"
          : "segment " + number + " of " + segments + " starts from";
      rules.add(new SqliteCheck.Rule(
          "strata: " + versionTable + " holds other rows than " + Guard.rows(rows.get(number - 1))
              + ", the rows " + from,
          value.isNotDistinctFrom(inline(expected))));
      return rules;
    });
    Field<String> holds = field(DSL.unquotedName("actual"), SQLDataType.CLOB);
    String print = sql.render(
        select(inline("strata: " + versionTable + " holds [")
            .concat(DSL.when(holds.eq(inline("")), inline("base")).otherwise(holds))
            .concat(inline("]")))
            .from(select(actual.as("actual")).asTable("strata_rows"))
            .where(holds.isDistinctFrom(inline(expected))));
    return List.of(create, check.define(), print, check.run(actual));
  }

  /**
   * The message for a version table that holds the rows after segments {@code js} (in order) of
   * {@code segments}: where the script stands, and what to run.
   */
  private String elsewhere(String state, List<Integer> js, int segments) {
    int j = js.getFirst();
    String holds = "strata: " + versionTable + " holds [" + (state.isEmpty() ? "base" : state)
        + "], the rows ";
    if (j == 0) {
      return holds + "this script starts from: run it from its first line";
    }
    if (j == segments) {
      return holds + "this script ends with: it has run to the end already";
    }
    String tail = "tail -n +" + LINE + (j + 1) + "\u0000 <script> | sqlite3 <database>";
    if (js.size() == 1) {
      return holds + "after segment " + j + " of " + segments + ": run the rest, from segment "
          + (j + 1) + ", with: " + tail;
    }
    int last = js.getLast();
    String between = last == j + 1 ? "segment " + last : "segments " + (j + 1) + " to " + last;
    return holds + "after segments " + j + " to " + last + " of " + segments + " (" + between
        + (last == j + 1 ? " changes" : " change") + " no row of it): run the rest, from segment " + (j + 1) + ", with: " + tail
        + "; or, if " + between + " ran, from segment " + (last + 1) + ": tail -n +" + LINE
        + (last + 1) + "\u0000 <script> | sqlite3 <database>";
  }

  /**
   * The version-table change {@code statement} checked to change exactly one row: the check's
   * table, the change, the check of {@code changes()}, each without {@code ;}. The check's shape is
   * rendered by jOOQ once per guard ({@link #oneRowShape}) and filled in per change.
   */
  List<String> exactlyOneRow(String statement, VersionTableOp op) {
    String what = switch (op) {
      case VersionTableOp.InsertHead insert ->
          throw new IllegalArgumentException("an INSERT is checked by the primary key: " + op);
      case VersionTableOp.UpdateHead update -> "update " + update.from() + " -> " + update.to();
      case VersionTableOp.DeleteHead delete -> "delete of " + delete.revision();
    };
    String message = "strata: version-table " + what + " changed 0 rows of " + versionTable
        + ", expected 1";
    OneRowShape shape = oneRowShape();
    return shape == null ? oneRow(message, statement) : shape.fill(message, statement);
  }

  /** Whether row-count checks are filled in from a shape, not rendered by jOOQ (for tests). */
  boolean oneRowFilled() {
    return oneRowShape() != null;
  }

  /** The row-count check of {@code message}, rendered by jOOQ. */
  private List<String> oneRow(String message, String statement) {
    SqliteCheck<Integer> check = new SqliteCheck<>(sql, SQLDataType.INTEGER, value -> List.of(
        new SqliteCheck.Rule(message, value.eq(inline(1)))));
    return List.of(check.define(), statement,
        check.run(DSL.function(DSL.unquotedName("changes"), SQLDataType.INTEGER)));
  }

  // the row-count check rendered once with a sentinel message; null until made, or when the
  // shape cannot be cut (every check is then rendered by jOOQ)
  private OneRowShape oneRowShape;
  private boolean oneRowShapeMade;

  /**
   * The row-count check's shape: its statements rendered by jOOQ with a sentinel message, in
   * which a change's message (a quoted constraint name, between the quotes jOOQ put around the
   * sentinel, the closing one doubled inside) and the table's digest of it are put; checked against jOOQ with a probe message holding quotes, and null (jOOQ on
   * every use) unless the sentinel's name and digest each show exactly once and the probe matches.
   */
  private OneRowShape oneRowShape() {
    if (!oneRowShapeMade) {
      oneRowShapeMade = true;
      String sentinel = "strata slot message";
      List<String> rendered = oneRow(sentinel, "");
      String condition = sql.render(DSL.field(DSL.unquotedName("value"), SQLDataType.INTEGER)
          .eq(inline(1)));
      String define = rendered.get(0);
      int at = define.indexOf(sentinel);
      if (at < 1 || at + sentinel.length() >= define.length()) {
        return null;
      }
      OneRowShape shape = new OneRowShape(define, rendered.get(2), sentinel, condition,
          define.charAt(at - 1), define.charAt(at + sentinel.length()));
      String probe = "strata: it's a \"probe\" `with` [quotes] -> ü, 100%";
      if (shape.cut() && shape.fill(probe, "S").equals(oneRow(probe, "S"))) {
        oneRowShape = shape;
      }
    }
    return oneRowShape;
  }

  /** The row-count check's statements with a sentinel message, and how to fill them in. */
  private record OneRowShape(String define, String run, String sentinel, String condition,
      char open, char close) {
    private String digest(String message) {
      return SqliteCheck.digest(message + "\n" + condition + "\n");
    }

    private String quoted(String message) {
      String closing = String.valueOf(close);
      return open + message.replace(closing, closing + closing) + close;
    }

    /** Whether the sentinel's name shows once in the definition and its digest once in each. */
    boolean cut() {
      String digest = digest(sentinel);
      return once(define, quoted(sentinel)) && once(define, digest) && once(run, digest)
          && !run.contains(sentinel);
    }

    private static boolean once(String text, String part) {
      int at = text.indexOf(part);
      return at >= 0 && text.indexOf(part, at + 1) < 0;
    }

    List<String> fill(String message, String statement) {
      String from = digest(sentinel);
      String to = digest(message);
      return List.of(
          define.replace(from, to).replace(quoted(sentinel), quoted(message)),
          statement,
          run.replace(from, to));
    }
  }

  /**
   * SQLite's {@code PRAGMA foreign_key_check} of the whole database as a check that stops the
   * script with {@code message} when it finds a row: a query that prints the first ten rows found
   * ({@code strata: <table> row <rowid> has no <parent> row for its foreign key}), the check's table
   * and the check, each without {@code ;}.
   */
  static List<String> foreignKeys(SqlContext sql, String message) {
    Table<?> violations = DSL.table(DSL.unquotedName("pragma_foreign_key_check"));
    Field<String> child = field(DSL.quotedName("table"), SQLDataType.CLOB);
    Field<Object> rowid = field(DSL.unquotedName("rowid"));
    Field<String> parent = field(DSL.unquotedName("parent"), SQLDataType.CLOB);
    String print = sql.render(
        select(inline("strata: ").concat(child).concat(inline(" row "))
            .concat(coalesce(rowid.cast(SQLDataType.CLOB), inline("?")))
            .concat(inline(" has no ")).concat(parent)
            .concat(inline(" row for its foreign key")))
            .from(violations)
            .limit(inline(10)));
    SqliteCheck<Integer> check = new SqliteCheck<>(sql, SQLDataType.INTEGER,
        value -> List.of(new SqliteCheck.Rule(message, value.eq(inline(0)))));
    return List.of(print, check.define(),
        check.run(select(DSL.count()).from(violations)));
  }

  /** Rows as the checks compare them: sorted, joined with {@code ", "}, empty for none. */
  static String joined(List<String> rows) {
    return String.join(", ", rows.stream().sorted().toList());
  }
}
