package dev.strata.cli;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Target;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.RevisionId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a live database's version table says: its rows (the current heads, sorted), or that the
 * table does not exist (a database strata or Alembic never touched: {@code base}).
 *
 * @param table the version table's name
 * @param schema its schema, when one was named (else the search path found it)
 * @param tableExists whether the table exists
 * @param rows its {@code version_num} values, sorted; empty when it does not exist
 * @param dialect the dialect of the database: {@code postgresql}, {@code sqlite}, or {@code
 *     mariadb} / {@code mysql} as the server's {@code VERSION()} says
 */
record DatabaseState(String table, Optional<String> schema, boolean tableExists,
    List<String> rows, DialectId dialect) {

  DatabaseState {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(dialect, "dialect");
    rows = rows.stream().sorted().toList();
    if (!tableExists && !rows.isEmpty()) {
      throw new IllegalArgumentException("rows of a table that does not exist");
    }
  }

  /** The table as messages name it: {@code schema.table}, or {@code table}. */
  String displayName() {
    return schema.map(s -> s + ".").orElse("") + table;
  }

  /** FROM as a range side: the rows joined with {@code ,}, or {@code base} when there are none. */
  String current() {
    return rows.isEmpty() ? "base" : String.join(",", rows);
  }

  /**
   * The rows as the FROM side of a range: each row exactly, or {@code base} when there is none.
   * Call it once {@link #requireKnown} has passed: every row is then a revision id.
   */
  List<Target> targets() {
    if (rows.isEmpty()) {
      return List.of(new Target.Base(Optional.empty()));
    }
    return rows.stream().<Target>map(row -> new Target.Exact(new RevisionId(row))).toList();
  }

  /**
   * Every row must be a revision of {@code graph}.
   *
   * @throws DiagnosticException E0532, one per row that is not, naming the database and {@code
   *     versions}
   */
  void requireKnown(RevisionGraph graph, Path versions, JdbcUrl url) throws DiagnosticException {
    List<Diagnostic> problems = new ArrayList<>();
    for (String row : rows) {
      if (graph.revision(row).isEmpty()) {
        problems.add(Diagnostic.error("E0532",
            "the version table " + displayName() + " of " + url + " holds '" + row
                + "', which is not a revision in '" + versions + "'",
            "help: the database was upgraded from other revision files (another branch, a newer"
                + " checkout): run strata with those, or name them with --versions DIR"));
      }
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
  }

  /**
   * No row may be an ancestor of another (through {@code revises:} or {@code depends-on:}): a
   * version table holds one row per head, so such rows say the database is at two places of one
   * line at once. Call after {@link #requireKnown}.
   *
   * @throws DiagnosticException E0540, one per row that other rows descend from, naming them
   */
  void requireConsistent(RevisionGraph graph, JdbcUrl url) throws DiagnosticException {
    List<Diagnostic> problems = new ArrayList<>();
    for (String row : rows) {
      List<String> below = rows.stream().filter(r -> graph.ancestors(r).contains(row)).toList();
      if (!below.isEmpty()) {
        problems.add(Diagnostic.error("E0540",
            "the version table " + displayName() + " of " + url + " is inconsistent: it holds '"
                + row + "' and its descendant" + (below.size() == 1 ? " '" : "s '")
                + String.join("', '", below) + "'",
            "note: the table holds one row per head; a revision below another row is never a row"
                + " of its own (strata and Alembic replace a parent's row with its child's)",
            "help: find out which revisions the database really has, then delete the stale row:"
                + " DELETE FROM " + displayName() + " WHERE version_num = '" + row + "';"));
      }
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
  }

  /**
   * The scripts for this database are rendered for its dialect: {@code --dialect} must name it, or
   * its sibling ({@code mysql} for a MariaDB server, {@code mariadb} for a MySQL one: their common
   * ground is the user's call).
   *
   * @throws DiagnosticException E0553 when {@code rendered} is another engine's dialect
   */
  void requireRenderedFor(DialectId rendered, JdbcUrl url) throws DiagnosticException {
    if (family(rendered) != family(dialect)) {
      throw new DiagnosticException(Diagnostic.error("E0553",
          "the database " + url + " is " + dialect.id() + ", but the script would be rendered"
              + " for " + rendered.id(),
          "help: add --dialect " + dialect.id() + " (the default is postgresql)"));
    }
  }

  private static JdbcUrl.Engine family(DialectId dialect) {
    return switch (dialect) {
      case POSTGRESQL -> JdbcUrl.Engine.POSTGRESQL;
      case MYSQL, MARIADB -> JdbcUrl.Engine.MARIADB;
      case SQLITE -> JdbcUrl.Engine.SQLITE;
    };
  }
}
