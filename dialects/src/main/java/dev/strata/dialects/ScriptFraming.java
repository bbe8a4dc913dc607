package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.VersionTableOp;
import dev.strata.grammar.DiagnosticException;
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
   * The whole script for {@code plan}, whose body {@link TransactionFramer} cut into {@code
   * segments}; {@code kind} names the script in its header and says whether a guarded script
   * checks the version table's starting rows ({@link ScriptKind#checksStart()}).
   */
  RenderedScript write(Plan plan, ScriptOptions options, List<TransactionFramer.Segment> segments,
      ScriptKind kind);
}
