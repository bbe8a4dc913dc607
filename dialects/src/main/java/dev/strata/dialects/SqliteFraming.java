package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.VersionTableOp;
import java.util.List;

/** The script framing of {@link Dialect#SQLITE}, for {@code sqlite3}. */
final class SqliteFraming implements ScriptFraming {
  private final SqlContext sql;
  private final Dialect dialect;
  private final VersionTable versionTable;

  SqliteFraming(SqlContext sql, Dialect dialect, VersionTable versionTable) {
    this.sql = sql;
    this.dialect = dialect;
    this.versionTable = versionTable;
  }

  @Override
  public ScriptElement.Sql versionChange(VersionTableOp op, String statement,
      ScriptOptions options) {
    throw new UnsupportedOperationException("the SqliteFraming framing is not written yet");
  }

  @Override
  public RenderedScript write(
      Plan plan, ScriptOptions options, List<TransactionFramer.Segment> segments) {
    throw new UnsupportedOperationException("the SqliteFraming framing is not written yet");
  }
}
