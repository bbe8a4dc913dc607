package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.VersionTableOp;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The script framing of {@link Dialect#MYSQL} and {@link Dialect#MARIADB}, for the {@code mysql}
 * and {@code mariadb} clients ({@code mariadb --batch DATABASE < upgrade.sql}), which stop at the
 * first error unless run with {@code --force}. See {@code docs/dialects.md}, "MySQL and MariaDB:
 * scripts, guard, failure and resume".
 *
 * <p>Both servers commit every DDL statement as it runs (MariaDB even when it fails), so the
 * script has no transactions and one segment per revision ({@link TransactionFramer}), each ending
 * with its version-table change: after a failure the version table names the last revision that
 * ran to its end, and the failing revision's earlier statements stay committed.
 *
 * <p>Shape: the client directives ({@link Dialect#clientDirectives()}) and the {@link ScriptHeader
 * header}, with, for a guarded script of several segments, comment lines on what a failure leaves
 * and how to resume; the session settings ({@link MysqlSettingsSql}); when guarded, the MySQL
 * abort procedure, the lock and the guard ({@link MysqlGuardSql}); each segment after a marker line
 * {@code -- strata: segment K of N: <revisions>} and, from the second on, a check that the version
 * table holds the rows the segment starts from; then the lock's release and the procedure's drop.
 * Blocks are separated by one blank line; the text ends with a single {@code \n}.
 *
 * <p>Resume: the client cannot skip statements (no {@code \if}, and wrapping every statement in a
 * prepared statement would hide it from the DBA who reads the script and cannot hold a {@code --
 * +dialect} block's triggers or procedures), so a re-run whose guard finds the rows after segment
 * {@code k} stops before any change and prints the command that runs the script's head (directives,
 * settings, lock) and then its segments from {@code k + 1}: {@link MysqlGuardSql#resumeCommand}.
 */
final class MysqlFraming implements ScriptFraming {
  private final SqlContext sql;
  private final Dialect dialect;
  private final VersionTable versionTable;

  MysqlFraming(SqlContext sql, Dialect dialect, VersionTable versionTable) {
    this.sql = sql;
    this.dialect = dialect;
    this.versionTable = versionTable;
  }

  @Override
  public ScriptElement.Sql versionChange(VersionTableOp op, String statement,
      ScriptOptions options) {
    boolean checked = options.guards() && !(op instanceof VersionTableOp.InsertHead);
    return checked
        ? new ScriptElement.Sql(
            MysqlGuardSql.of(dialect, options, versionTable).exactlyOneRow(statement, op), false,
            statement)
        : new ScriptElement.Sql(statement, false);
  }

  @Override
  public void write(Plan plan, ScriptOptions options, List<TransactionFramer.Segment> segments,
      SegmentBodies bodies, ScriptKind kind, Writer writer) throws IOException {
    MysqlGuardSql guard = MysqlGuardSql.of(dialect, options, versionTable);
    int total = segments.size();
    boolean markers = options.guards() && total > 1;
    ScriptOut out = ScriptOut.to(writer);
    out.header(String.join("\n", dialect.clientDirectives()) + "\n"
        + ScriptHeader.render(kind, plan, options, dialect, versionTable.displayName())
        + (markers ? failureNotes(guard, total) : ""));
    Optional<String> settings = MysqlSettingsSql.block(dialect, options);
    if (settings.isPresent()) {
      out.block(settings.get());
    }
    if (options.guards()) {
      List<String> routine = guard.routine();
      if (!routine.isEmpty()) {
        out.block(String.join("\n", routine));
      }
      out.block(guard.take(
          options.lockWait().map(MysqlSettingsSql::lockWaitSeconds).orElse(0L),
          options.lockWait()));
      if (kind.checksStart()) {
        out.block(guard.guard(expected(plan, segments)));
      }
    }
    for (int i = 0; i < total; i++) {
      TransactionFramer.Segment segment = segments.get(i);
      if (markers) {
        String marker = MysqlGuardSql.marker(String.valueOf(i + 1), total) + " "
            + String.join(", ", segment.revisions());
        out.block(i == 0 ? marker
            : marker + "\n" + guard.segmentCheck(i + 1, total,
                i == 0 ? plan.fromHeads() : segments.get(i - 1).headsAfter()));
      }
      if (segment.transactional()) {
        out.block("BEGIN;");
      }
      out.body(bodies, i);
      if (segment.transactional()) {
        out.block("COMMIT;");
      }
    }
    if (options.guards()) {
      out.block(guard.release());
      List<String> drop = guard.dropRoutine();
      if (!drop.isEmpty()) {
        out.block(String.join("\n", drop));
      }
    }
    out.end();
  }

  /**
   * Header comments of a guarded script of several segments: that each segment commits as it
   * runs, and how to finish a run that stopped.
   */
  private String failureNotes(MysqlGuardSql guard, int total) {
    return "-- segments: " + total + ", one per revision; " + dialect.client() + " commits every"
        + " statement as it runs, so a failure\n"
        + "--   leaves the failing revision's earlier statements in place and the version table"
        + " at the last\n"
        + "--   revision that ran to its end. Undo what the failing segment did, then run the"
        + " rest:\n"
        + "--   " + guard.resumeCommand("K", total)
        + "\n"
        + "--   (K is the failed segment; a re-run of the whole script stops and prints this"
        + " command)\n";
  }

  /** The rows the guard expects after {@code k} segments, at index {@code k}. */
  private static List<List<String>> expected(Plan plan, List<TransactionFramer.Segment> segments) {
    List<List<String>> expected = new ArrayList<>();
    expected.add(plan.fromHeads());
    for (int k = 1; k < segments.size(); k++) {
      expected.add(segments.get(k - 1).headsAfter());
    }
    return expected;
  }
}
