package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.VersionTableOp;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The script framing of {@link Dialect#POSTGRESQL}, for {@code psql}. Writes a script from its
 * segments: the {@link ScriptHeader header}, the session settings, the
 * {@link SessionLock advisory lock}, the {@link Guard start check} and the segments, each wrapped in
 * its {@link Progress} skip check and followed by its completion record when the script is guarded
 * and has more than one segment, then the lock's release. The lock, the guard and the progress
 * records are written only when {@link ScriptOptions#guards()}. Blocks are separated by one blank
 * line; the text ends with a single {@code \n}.
 */
final class PsqlFraming implements ScriptFraming {
  private final SqlContext sql;
  private final Dialect dialect;
  private final VersionTable versionTable;

  PsqlFraming(SqlContext sql, Dialect dialect, VersionTable versionTable) {
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
            new Guard(versionTable.displayName()).exactlyOneRow(statement, op), false, statement)
        : new ScriptElement.Sql(statement, false);
  }

  @Override
  public void write(Plan plan, ScriptOptions options, List<TransactionFramer.Segment> segments,
      SegmentBodies bodies, ScriptKind kind, Writer writer) throws IOException {
    Optional<Progress> progress = Optional.empty();
    String header = String.join("\n", dialect.clientDirectives()) + "\n"
        + ScriptHeader.render(kind, plan, options, dialect, versionTable.displayName());
    if (options.guards() && segments.size() > 1) {
      String runId = Progress.runId(plan, options, versionTable.displayName());
      Progress p = new Progress(sql, options, runId);
      progress = Optional.of(p);
      header += "-- run: " + runId + " (" + segments.size() + " segments, progress in "
          + p.tableName() + ")\n";
    }
    ScriptOut out = ScriptOut.to(writer);
    out.header(header);
    Optional<String> settings = settings(options);
    if (settings.isPresent()) {
      out.block(settings.get());
    }
    SessionLock lock = SessionLock.of(options, versionTable);
    if (options.guards()) {
      out.block(lock.take(options.lockWait()) + ";");
      if (kind.checksStart()) {
        out.block(new Guard(versionTable.displayName())
            .check(expected(plan, segments), progress, kind.refusalHint()) + ";");
      }
    }
    for (int i = 0; i < segments.size(); i++) {
      segment(out, i + 1, segments, bodies, progress);
    }
    if (options.guards()) {
      out.block(lock.release() + ";");
    }
    out.end();
  }

  /** {@code SET lock_timeout} and {@code SET statement_timeout} as one block, when any is set. */
  private static Optional<String> settings(ScriptOptions options) {
    List<String> lines = new ArrayList<>();
    options.lockTimeout().ifPresent(t -> lines.add("SET lock_timeout = " + Guard.literal(t) + ";"));
    options.statementTimeout()
        .ifPresent(t -> lines.add("SET statement_timeout = " + Guard.literal(t) + ";"));
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
  }

  /** The rows the guard expects after {@code k} recorded segments, at index {@code k}. */
  private static List<List<String>> expected(Plan plan, List<TransactionFramer.Segment> segments) {
    List<List<String>> expected = new ArrayList<>();
    expected.add(plan.fromHeads());
    for (int k = 1; k < segments.size(); k++) {
      expected.add(segments.get(k - 1).headsAfter());
    }
    return expected;
  }

  private static void segment(ScriptOut out, int number,
      List<TransactionFramer.Segment> segments, SegmentBodies bodies, Optional<Progress> progress)
      throws IOException {
    TransactionFramer.Segment segment = segments.get(number - 1);
    if (progress.isPresent()) {
      out.block(progress.get().open(number, segments.size(), segment));
    }
    if (segment.transactional()) {
      out.block("BEGIN;");
    }
    out.body(bodies, number - 1);
    if (progress.isPresent()) {
      for (String statement : progress.get().record(number, segments.size())) {
        out.block(statement + ";");
      }
    }
    if (segment.transactional()) {
      out.block("COMMIT;");
    }
    if (progress.isPresent()) {
      out.block(progress.get().close());
    }
  }
}
