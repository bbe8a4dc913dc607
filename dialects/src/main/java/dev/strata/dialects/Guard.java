package dev.strata.dialects;

import dev.strata.compiler.VersionTableOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks a guarded PostgreSQL script makes (see {@code docs/scripts.md}), as PL/pgSQL {@code DO}
 * blocks that raise an exception, which {@code psql}'s {@code ON_ERROR_STOP} turns into a stop.
 *
 * <p>The start check runs before the first change: the version table must hold exactly the
 * expected rows (a missing table holds none), else it raises {@code strata: <table> holds [<rows>]
 * but this script starts from [<rows>]}, with {@code [base]} for no rows. With a {@link Progress}
 * table, the rows it expects are those after the last segment recorded for this run, and it leaves
 * the number of recorded segments in the session setting {@code strata.segments_done} for the
 * segments' skip checks. Table names reach the dynamic SQL ({@code EXECUTE}) as string literals of
 * the names jOOQ rendered, so a quoted name keeps its quotes.
 *
 * <p>The row-count check wraps a version-table {@code UPDATE} or {@code DELETE}: it must change
 * exactly one row, else {@code strata: version-table update A -> B changed 0 rows of <table>,
 * expected 1} (Alembic checks this online and drops the check offline).
 */
final class Guard {
  private final String versionTable;

  /** A guard for the version table named (as rendered) {@code versionTable}. */
  Guard(String versionTable) {
    this.versionTable = versionTable;
  }

  /**
   * The start check, without its {@code ;}.
   *
   * @param expected the rows expected after {@code k} recorded segments, at index {@code k}; index
   *     0 holds the script's starting rows; without progress only index 0 is used
   * @param progress the progress table of a script cut into several segments, or empty
   */
  String check(List<List<String>> expected, Optional<Progress> progress) {
    return check(expected, progress, Optional.empty());
  }

  /**
   * The start check, as {@link #check(List, Optional)}, whose error on a fresh run carries {@code
   * hint} as its {@code HINT} (psql prints it under the error), when present.
   */
  String check(List<List<String>> expected, Optional<Progress> progress, Optional<String> hint) {
    List<String> declarations = new ArrayList<>();
    List<String> body = new ArrayList<>();
    if (progress.isPresent()) {
      declarations.add("done integer := 0;");
      declarations.add("expected text[];");
      body.addAll(progressLookup(progress.get(), expected.size()));
      body.add("expected := " + expectedRows(expected) + ";");
    } else {
      declarations.add("expected text[] := " + array(expected.get(0)) + ";");
    }
    declarations.add("actual text[] := '{}';");
    body.add("IF to_regclass(" + literal(versionTable) + ") IS NOT NULL THEN\n"
        + "    EXECUTE " + literal("SELECT coalesce(array_agg(version_num::text ORDER BY"
            + " version_num COLLATE \"C\"), '{}') FROM " + versionTable) + "\n"
        + "        INTO actual;\n"
        + "END IF;");
    body.add("IF NOT (actual @> expected AND actual <@ expected) THEN\n"
        + DoBlock.indent(mismatch(expected, progress.isPresent(), hint)) + "\n"
        + "END IF;");
    progress.ifPresent(p -> body.add(
        "PERFORM set_config('" + Progress.SEGMENTS_DONE + "', done::text, false);\n"
            + "IF done > 0 THEN\n"
            + "    RAISE NOTICE 'strata: resuming after segment % of " + expected.size()
            + "', done;\n"
            + "END IF;"));
    return DoBlock.render(declarations, body);
  }

  /** Reads this run's highest recorded segment into {@code done}, when the table exists. */
  private List<String> progressLookup(Progress progress, int segments) {
    return List.of(
        "IF to_regclass(" + literal(progress.tableName()) + ") IS NOT NULL THEN\n"
            + "    EXECUTE " + literal("SELECT coalesce(max(segment), 0) FROM "
                + progress.tableName() + " WHERE run_id = $1") + "\n"
            + "        INTO done USING " + literal(progress.runId()) + ";\n"
            + "END IF;",
        "IF done NOT BETWEEN 0 AND " + (segments - 1) + " THEN\n"
            + "    RAISE EXCEPTION " + format("strata: " + esc(progress.tableName()) + " records % of "
                + segments + " segments done for run " + esc(progress.runId())) + ", done;\n"
            + "END IF;");
  }

  private static String expectedRows(List<List<String>> expected) {
    StringBuilder cases = new StringBuilder("CASE done");
    for (int k = 0; k < expected.size(); k++) {
      cases.append("\n    WHEN ").append(k).append(" THEN ").append(array(expected.get(k)));
    }
    return cases.append("\nEND").toString();
  }

  private String mismatch(List<List<String>> expected, boolean resumable, Optional<String> hint) {
    String fresh = "RAISE EXCEPTION " + format("strata: " + esc(versionTable)
        + " holds % but this script starts from " + esc(rows(expected.get(0)))) + ",\n"
        + "    " + rowsOf("actual")
        + hint.map(h -> "\n    USING HINT = " + literal(h)).orElse("") + ";";
    if (!resumable) {
      return fresh;
    }
    return "IF done = 0 THEN\n"
        + DoBlock.indent(fresh) + "\n"
        + "END IF;\n"
        + "RAISE EXCEPTION " + format("strata: " + esc(versionTable) + " holds % but this script,"
            + " resuming after segment % of " + expected.size() + ", expects %") + ",\n"
        + "    " + rowsOf("actual") + ", done, " + rowsOf("expected") + ";";
  }

  /** Rows as messages print them: {@code [a, b]}, or {@code [base]} for none. */
  static String rows(List<String> rows) {
    return "[" + (rows.isEmpty() ? "base" : String.join(", ", rows)) + "]";
  }

  /** A PL/pgSQL expression giving {@link #rows} of the text array {@code variable}. */
  private static String rowsOf(String variable) {
    return "'[' || coalesce(nullif(array_to_string(" + variable + ", ', '), ''), 'base') || ']'";
  }

  /**
   * The row-count check around a version-table {@code UPDATE} or {@code DELETE} ({@code
   * statement}, rendered without {@code ;}), without its own {@code ;}.
   */
  String exactlyOneRow(String statement, VersionTableOp op) {
    String what = switch (op) {
      case VersionTableOp.InsertHead insert ->
          throw new IllegalArgumentException("an INSERT is checked by the primary key: " + op);
      case VersionTableOp.UpdateHead update -> "update " + update.from() + " -> " + update.to();
      case VersionTableOp.DeleteHead delete -> "delete of " + delete.revision();
    };
    return DoBlock.render(
        List.of("n bigint;"),
        List.of(
            statement + ";",
            "GET DIAGNOSTICS n = ROW_COUNT;",
            "IF n <> 1 THEN\n"
                + "    RAISE EXCEPTION " + format("strata: version-table " + esc(what)
                    + " changed % rows of " + esc(versionTable) + ", expected 1") + ", n;\n"
                + "END IF;"));
  }

  /** {@code ARRAY['a', 'b']::text[]}, {@code '{}'::text[]} when empty. */
  private static String array(List<String> rows) {
    return rows.isEmpty()
        ? "'{}'::text[]"
        : rows.stream().map(Guard::literal).collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));
  }

  /** A {@code RAISE} format string as a literal: each {@code %} in it is a placeholder. */
  private static String format(String text) {
    return literal(text);
  }

  /** Text for a {@code RAISE} format string, with its {@code %} doubled so that it prints as is. */
  private static String esc(String text) {
    return text.replace("%", "%%");
  }

  /** {@code text} as an SQL string literal ({@code '} doubled, no backslash escapes). */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

}
