package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Stamp;
import dev.strata.compiler.VersionTableOp;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * The script of a {@link Stamp}, framed by the dialect's {@link ScriptFraming} as a one-step
 * migration is: the client directives and a {@link ScriptHeader header} naming the stamp, the
 * session settings, the lock and (unless the stamp purges) the start check when guarded, then one
 * segment (one transaction where DDL is transactional, in the default mode) holding the version
 * table's {@code CREATE TABLE IF NOT EXISTS}, the purge's {@code DELETE} when asked, Alembic's
 * banner {@code -- Running stamp_revision A -> B} and the version-table changes ({@link
 * Stamp#ops()}), each {@code UPDATE} and {@code DELETE} checked to change exactly one row when
 * guarded.
 */
final class StampScript {
  private StampScript() {}

  /** An id for the one segment of the stamp, as segment lists show it. */
  static final String SEGMENT = "stamp";

  /**
   * The script of {@code stamp} for {@code dialect}.
   *
   * @throws DiagnosticException the options the dialect cannot honour ({@link
   *     ScriptFraming#check}, E04xx)
   */
  static RenderedScript render(Dialect dialect, SqlContext sql, Stamp stamp, ScriptOptions options)
      throws DiagnosticException {
    VersionTable versionTable = new VersionTable(sql, options);
    ScriptFraming framing = ScriptFraming.of(dialect, sql, versionTable);
    framing.check(options);
    List<ScriptElement> elements = new ArrayList<>();
    elements.add(new ScriptElement.StepStart(SEGMENT));
    elements.add(new ScriptElement.Sql(versionTable.create(), false));
    if (stamp.purge()) {
      elements.add(new ScriptElement.Sql(versionTable.deleteAll(), false));
    }
    elements.add(new ScriptElement.Comment("-- Running stamp_revision "
        + String.join(", ", stamp.fromRows()) + " -> " + String.join(", ", stamp.toRows())));
    for (VersionTableOp op : stamp.ops()) {
      elements.add(framing.versionChange(op, versionTable.render(op), options));
    }
    elements.add(new ScriptElement.SettingsEnd());
    elements.add(new ScriptElement.StepEnd(stamp.toRows()));
    List<TransactionFramer.Segment> segments = TransactionFramer.segments(
        elements, dialect, options.transactionMode(), stamp.fromRows());
    Plan plan = new Plan(Direction.UPGRADE, stamp.fromRows(), stamp.toRows(), List.of());
    return framing.write(plan, options, segments, new ScriptKind.Stamp(stamp.purge()));
  }
}
