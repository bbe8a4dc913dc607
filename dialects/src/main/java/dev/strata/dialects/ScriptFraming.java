package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.VersionTableOp;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place per client that owns a script's framing around the rendered statements: the
 * client's directives and the {@link ScriptHeader header}, session settings, the lock that keeps
 * two scripts apart, the guard that checks the version table before the first change, the
 * row-count check of each version-table change, and the progress records that let a failed run
 * resume (see {@code docs/scripts.md} and {@code docs/dialects.md}). {@link TransactionFramer}
 * places the transactions; a framing writes the segments it cut.
 */
sealed interface ScriptFraming permits PsqlFraming, MysqlFraming, SqliteFraming {
  /** The framing of {@code dialect}'s client. */
  static ScriptFraming of(Dialect dialect, SqlContext sql, VersionTable versionTable) {
    return switch (dialect) {
      case POSTGRESQL -> new PsqlFraming(sql, dialect, versionTable);
      case MYSQL, MARIADB -> new MysqlFraming(sql, dialect, versionTable);
      case SQLITE -> new SqliteFraming(sql, dialect, versionTable);
    };
  }

  /**
   * Refuses the options this client cannot honour, before anything is rendered; by default none.
   *
   * @throws DiagnosticException (E04xx) naming each option the dialect cannot honour
   */
  default void check(ScriptOptions options) throws DiagnosticException {}

  /**
   * The version-table change {@code op} (rendered as {@code statement}, without {@code ;}) as a
   * script element: the statement alone, or, when {@link ScriptOptions#guards()}, the statement in
   * a check that it changed exactly one row (an {@code INSERT} is checked by the primary key).
   */
  ScriptElement.Sql versionChange(VersionTableOp op, String statement, ScriptOptions options);

  /**
   * Whether a segment's body keeps {@code block}, one of the blocks {@link TransactionFramer} cut
   * into it; by default every block.
   */
  default boolean keeps(String block, ScriptOptions options, ScriptKind kind) {
    return true;
  }

  /**
   * Writes the whole script for {@code plan} to {@code out}: its header, its framing and the
   * bodies of the {@code segments} {@link TransactionFramer} cut, in order; {@code kind} names the
   * script in its header and says whether a guarded script checks the version table's starting
   * rows ({@link ScriptKind#checksStart()}).
   *
   * @param bodies the segments' blocks that {@link #keeps} keeps, body {@code i} for segment
   *     {@code i}
   * @throws IOException when {@code out} or {@code bodies} fails
   */
  void write(Plan plan, ScriptOptions options, List<TransactionFramer.Segment> segments,
      SegmentBodies bodies, ScriptKind kind, Writer out) throws IOException;

  /**
   * The whole script for {@code plan}, whose body {@link TransactionFramer} cut into {@code
   * segments} with their blocks, as {@link #write(Plan, ScriptOptions, List, SegmentBodies,
   * ScriptKind, Writer)} writes it.
   */
  default RenderedScript write(Plan plan, ScriptOptions options,
      List<TransactionFramer.Segment> segments, ScriptKind kind) {
    StringWriter text = new StringWriter();
    try {
      write(plan, options, segments,
          SegmentBodies.of(segments, block -> keeps(block, options, kind)), kind, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // memory does not fail
    }
    return new RenderedScript(text.toString(), described(plan, segments));
  }

  /** The segments as {@link RenderedScript} reports them; one empty segment for an empty body. */
  static List<RenderedScript.Segment> described(
      Plan plan, List<TransactionFramer.Segment> segments) {
    if (segments.isEmpty()) {
      return List.of(new RenderedScript.Segment(1, false, List.of(), List.of(), plan.toHeads()));
    }
    List<RenderedScript.Segment> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      TransactionFramer.Segment s = segments.get(i);
      out.add(new RenderedScript.Segment(
          i + 1, s.transactional(), s.revisions(), s.statements(), s.headsAfter()));
    }
    return out;
  }
}
