package dev.strata.dialects;

import dev.strata.compiler.Plan;
import java.util.List;
import java.util.Locale;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The bookkeeping that lets a script cut into several segments resume after a failure (see {@code
 * docs/scripts.md}): the progress table {@code strata_progress (run_id, segment)} in the version
 * table's schema, one row per completed segment of one run, and the psql lines around each
 * segment that skip it when it is recorded as done.
 *
 * <p>The run id names one script, not one execution: the lowercase hex SHA-256 of the UTF-8 text
 * made of the lines {@code strata run}, {@code direction: <upgrade|downgrade>}, {@code from:
 * <heads>}, {@code to: <heads>}, {@code sources: <sources checksum>}, {@code transaction:
 * <bundle|revision|none>} and {@code version table: <rendered name>}, each ending with {@code \n}
 * (heads as in the header: comma-separated, {@code base} for none).
 *
 * <p>Not thread-safe (the insert's shape is cut on first use); one instance per script.
 */
final class Progress {
  /** The table's unqualified name. */
  static final String TABLE = "strata_progress";

  /** The session setting the guard leaves the number of recorded segments in. */
  static final String SEGMENTS_DONE = "strata.segments_done";

  private final SqlContext sql;
  private final Table<?> table;
  private final Field<String> runIdColumn;
  private final Field<Integer> segmentColumn;
  private final String runId;

  Progress(SqlContext sql, ScriptOptions options, String runId) {
    this.sql = sql;
    Name name = DSL.unquotedName(TABLE);
    this.table = DSL.table(options.versionTableSchema()
        .map(schema -> DSL.name(VersionTable.plainName(schema), name)).orElse(name));
    this.runIdColumn = DSL.field(DSL.unquotedName("run_id"), SQLDataType.VARCHAR(64));
    this.segmentColumn = DSL.field(DSL.unquotedName("segment"), SQLDataType.INTEGER);
    this.runId = runId;
  }

  /** The run id of the script for {@code plan} (see the class documentation). */
  static String runId(Plan plan, ScriptOptions options, String versionTable) {
    return ScriptIdentity.runId(plan.direction().word(), plan.fromHeads(), plan.toHeads(),
        ScriptHeader.sourcesChecksum(plan.steps()),
        options.transactionMode().name().toLowerCase(Locale.ROOT), versionTable);
  }

  /** This script's run id. */
  String runId() {
    return runId;
  }

  /** The table's name as rendered, e.g. {@code strata_progress} or {@code "Ops".strata_progress}. */
  String tableName() {
    return sql.render(table);
  }

  /**
   * The statements that record the completion of segment {@code number} of {@code total}, each
   * without {@code ;}: the first segment creates the table, the others insert their row; the last
   * deletes this run's rows instead, and drops the table when no row of another run is left.
   */
  List<String> record(int number, int total) {
    if (number == total) {
      String delete = sql.render(sql.dsl().deleteFrom(table).where(runIdColumn.eq(DSL.inline(runId))));
      String dropWhenEmpty = DoBlock.render(List.of(), List.of(
          "IF NOT EXISTS (" + sql.render(DSL.selectOne().from(table)) + ") THEN\n"
              + "    " + sql.render(sql.dsl().dropTable(table)) + ";\n"
              + "END IF;"));
      return List.of(delete, dropWhenEmpty);
    }
    String insert = insert(number);
    return number == 1 ? List.of(create(), insert) : List.of(insert);
  }

  // the insert's text around its segment number, cut once per script (see insert); empty: the
  // shape could not be cut, every insert is rendered by jOOQ
  private String[] insertAround;
  private static final int SLOT = 1_234_567_891;
  private static final int PROBE = 987_654_321;

  /**
   * The insert of segment {@code number}'s row: rendered by jOOQ once per script with a sentinel
   * number, then filled in (a script of 100,000 segments records 99,999), as {@link
   * LiteralTemplate} does for strings; checked against jOOQ with a probe number, and rendered by
   * jOOQ each time when the sentinel does not show exactly once or the probe differs.
   */
  private String insert(int number) {
    if (insertAround == null) {
      String text = renderInsert(SLOT);
      String slot = Integer.toString(SLOT);
      int at = text.indexOf(slot);
      String[] around = at < 0 || text.indexOf(slot, at + 1) >= 0 ? new String[0]
          : new String[] {text.substring(0, at), text.substring(at + slot.length())};
      insertAround = around.length == 2
          && (around[0] + PROBE + around[1]).equals(renderInsert(PROBE)) ? around : new String[0];
    }
    return insertAround.length == 2 ? insertAround[0] + number + insertAround[1]
        : renderInsert(number);
  }

  private String renderInsert(int number) {
    return sql.render(sql.dsl().insertInto(table, runIdColumn, segmentColumn)
        .values(DSL.inline(runId), DSL.inline(number)));
  }

  private String create() {
    return sql.renderFormatted(sql.dsl()
        .createTableIfNotExists(table)
        .column(runIdColumn.getUnqualifiedName(), SQLDataType.VARCHAR(64).notNull())
        .column(segmentColumn.getUnqualifiedName(), SQLDataType.INTEGER.notNull())
        .constraint(DSL.constraint(DSL.unquotedName(TABLE + "_pkey"))
            .primaryKey(runIdColumn, segmentColumn)));
  }

  /**
   * The psql lines that open segment {@code number} of {@code total}: a comment saying what it
   * holds, a query that sets the psql variable {@code strata_skip} from the guard's {@link
   * #SEGMENTS_DONE}, and an {@code \if} that echoes the skip or, in its {@code \else}, runs the
   * segment. {@link #close()} ends it.
   */
  String open(int number, int total, TransactionFramer.Segment segment) {
    String of = number + " of " + total;
    String kind = segment.transactional() ? "one transaction" : "no transaction";
    String revisions = segment.revisions().isEmpty() ? "" : ": " + String.join(", ", segment.revisions());
    return "-- segment " + of + " (" + kind + ")" + revisions + "\n"
        + "SELECT current_setting('" + SEGMENTS_DONE + "')::integer >= " + number
        + " AS strata_skip \\gset\n"
        + "\\if :strata_skip\n"
        + "\\echo 'strata: segment " + of + " already done, skipped'\n"
        + "\\else\n"
        + "\\echo 'strata: segment " + of + "'";
  }

  /** The line that closes a segment opened by {@link #open}. */
  String close() {
    return "\\endif";
  }
}
