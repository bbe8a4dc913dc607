package dev.strata.dialects;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Constraint;

/**
 * A table constraint with a clause jOOQ 3.20 has no form for: {@code [NOT] DEFERRABLE},
 * {@code INITIALLY DEFERRED|IMMEDIATE}, {@code NOT VALID}, {@code MATCH FULL|SIMPLE}, {@code UNIQUE
 * NULLS NOT DISTINCT}, {@code PRIMARY KEY|UNIQUE USING INDEX} and {@code EXCLUDE} constraints. What jOOQ can say (name, key
 * columns, references, check condition) is rendered by jOOQ and the missing clauses follow in
 * PostgreSQL's order (gram.y's ConstraintElem: {@code MATCH} before the referential actions, the
 * attributes last). Constraints without such a clause are left to jOOQ entirely ({@link
 * #needed}); {@link StandIns} puts this text where jOOQ rendered a stand-in.
 */
final class ConstraintSql {
  private ConstraintSql() {}

  /** Whether {@code constraint} has a clause that jOOQ cannot render. */
  static boolean needed(TableConstraint constraint) {
    return switch (constraint) {
      case TableConstraint.PrimaryKey key -> !key.timing().isDefault();
      case TableConstraint.Unique unique ->
          unique.nullsNotDistinct() || !unique.timing().isDefault();
      case TableConstraint.Check check -> check.notValid();
      case TableConstraint.ForeignKey key ->
          key.match().isPresent() || !key.timing().isDefault() || key.notValid();
      case TableConstraint.UsingIndex using -> true;
      case TableConstraint.Exclude exclude -> true;
    };
  }

  /** jOOQ's constraint for a {@link TableConstraint} without the clauses jOOQ cannot say. */
  @FunctionalInterface
  interface JooqConstraint {
    /** @throws DiagnosticException when a check's condition cannot be translated */
    Constraint apply(TableConstraint constraint) throws DiagnosticException;
  }

  /**
   * The constraint's SQL; {@code jooq} renders a constraint without the clauses jOOQ cannot say.
   *
   * @throws DiagnosticException when an expression in it cannot be translated ({@link
   *     Expressions})
   */
  static String render(SqlContext sql, IndexKeySql keys, TableConstraint constraint,
      JooqConstraint jooq, Site site) throws DiagnosticException {
    return switch (constraint) {
      case TableConstraint.PrimaryKey key ->
          sql.render(jooq.apply(new TableConstraint.PrimaryKey(key.name(), key.columns())))
              + timing(key.timing());
      case TableConstraint.Unique unique when unique.nullsNotDistinct() ->
          name(sql, unique.name())
              + "UNIQUE NULLS NOT DISTINCT "
              + columns(sql, unique.columns())
              + timing(unique.timing());
      case TableConstraint.Unique unique ->
          sql.render(jooq.apply(new TableConstraint.Unique(unique.name(), unique.columns())))
              + timing(unique.timing());
      case TableConstraint.Check check ->
          sql.render(jooq.apply(new TableConstraint.Check(check.name(), check.condition())))
              + (check.notValid() ? " NOT VALID" : "");
      case TableConstraint.ForeignKey key -> foreignKey(sql, key, jooq);
      case TableConstraint.UsingIndex using ->
          name(sql, using.name())
              + (using.primaryKey() ? "PRIMARY KEY" : "UNIQUE")
              + " USING INDEX "
              + sql.render(SqlContext.name(using.index()))
              + timing(using.timing());
      case TableConstraint.Exclude exclude -> exclude(sql, keys, exclude, site);
    };
  }

  private static String foreignKey(
      SqlContext sql, TableConstraint.ForeignKey key, JooqConstraint jooq)
      throws DiagnosticException {
    String references;
    if (key.match().isEmpty()) {
      references =
          sql.render(
              jooq.apply(
                  new TableConstraint.ForeignKey(
                      key.name(),
                      key.columns(),
                      key.table(),
                      key.referencedColumns(),
                      key.onDelete(),
                      key.onUpdate())));
    } else {
      // MATCH comes before ON DELETE/ON UPDATE, so jOOQ renders the reference without actions
      references =
          sql.render(
                  jooq.apply(
                      new TableConstraint.ForeignKey(
                          key.name(),
                          key.columns(),
                          key.table(),
                          key.referencedColumns(),
                          Optional.empty(),
                          Optional.empty())))
              + " "
              + key.match().get().sql()
              + key.onDelete().map(a -> " ON DELETE " + a.sql()).orElse("")
              + key.onUpdate().map(a -> " ON UPDATE " + a.sql()).orElse("");
    }
    return references + timing(key.timing()) + (key.notValid() ? " NOT VALID" : "");
  }

  /** {@code EXCLUDE USING gist (room WITH =, during WITH &&) ...}: jOOQ has no EXCLUDE at all. */
  private static String exclude(
      SqlContext sql, IndexKeySql keys, TableConstraint.Exclude exclude, Site site)
      throws DiagnosticException {
    List<String> elements = new ArrayList<>();
    for (TableConstraint.ExclusionElement e : exclude.elements()) {
      elements.add(keys.key(e.key(), site) + " WITH " + e.operator());
    }
    return name(sql, exclude.name())
        + "EXCLUDE"
        + exclude.method().map(m -> " USING " + m).orElse("")
        + " (" + String.join(", ", elements) + ")"
        + (exclude.include().isEmpty() ? "" : " INCLUDE " + columns(sql, exclude.include()))
        + (exclude.options().isEmpty() ? "" : " " + keys.with(exclude.options(), site))
        + (exclude.where().isPresent()
            ? " WHERE (" + keys.predicate(exclude.where().get(), site) + ")"
            : "")
        + timing(exclude.timing());
  }

  private static String timing(ConstraintTiming timing) {
    return timing.isDefault() ? "" : " " + timing.sql();
  }

  private static String name(SqlContext sql, Optional<Identifier> name) {
    return name.map(n -> "CONSTRAINT " + sql.render(SqlContext.name(n)) + " ").orElse("");
  }

  private static String columns(SqlContext sql, List<Identifier> columns) {
    return columns.stream()
        .map(c -> sql.render(SqlContext.name(c)))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
