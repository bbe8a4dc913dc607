package dev.strata.grammar.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a view or materialized view is: its column names (empty when the query names them), its
 * {@code WITH (...)} options as written, its query as written, and the tables and views the query
 * reads, as far as {@code reads} can tell.
 *
 * <p>{@code reads} comes from a token scan of the query, not from a parsed query: every name that
 * follows {@code FROM} or {@code JOIN} (and each further item of a {@code FROM} list), at any
 * depth of subqueries, in order of first appearance, without repeats; names of the query's common
 * table expressions ({@code WITH name AS (...)}) are left out, and so are function calls in a
 * {@code FROM} list ({@code generate_series(1, 3)}), subqueries in one (their own {@code FROM} is
 * scanned), and the {@code FROM} inside calls such as {@code extract(year FROM at)}. It misses
 * tables read through functions, and it is only as right as a scan can be; a later check must
 * treat it as a hint.
 *
 * @param query the query (from its first token to its last, without the trailing {@code WITH
 *     CHECK OPTION} or {@code WITH [NO] DATA}), line ends normalised to LF
 */
public record ViewDefinition(
    List<Identifier> columns,
    List<RelationOption> options,
    Expr query,
    List<QualifiedName> reads) {
  public ViewDefinition {
    columns = List.copyOf(columns);
    options = List.copyOf(options);
    Objects.requireNonNull(query, "query");
    reads = List.copyOf(reads);
  }

  /**
   * One {@code name [= value]} of a {@code WITH (...)} list, as written ({@code security_barrier},
   * {@code check_option = local}, {@code fillfactor = 70}).
   */
  public record RelationOption(String name, Optional<String> value) {
    public RelationOption {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A {@code WITH [CASCADED | LOCAL] CHECK OPTION} ({@code WITH CHECK OPTION} is cascaded). */
  public enum CheckOption {
    CASCADED,
    LOCAL
  }

  /** What an {@code ALTER [MATERIALIZED] VIEW} changes. */
  public sealed interface Change {
    /** {@code RENAME TO name} */
    record RenameTo(Identifier name) implements Change {}

    /** {@code RENAME [COLUMN] from TO to} */
    record RenameColumn(Identifier from, Identifier to) implements Change {}

    /** {@code SET SCHEMA schema} */
    record SetSchema(Identifier schema) implements Change {}
  }
}
