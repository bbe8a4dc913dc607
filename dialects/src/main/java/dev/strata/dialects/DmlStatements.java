package dev.strata.dialects;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.AssignedValue;
import dev.strata.grammar.ast.Operation.Assignment;
import dev.strata.grammar.ast.Operation.CommonTableExpression;
import dev.strata.grammar.ast.Operation.ConflictAction;
import dev.strata.grammar.ast.Operation.ConflictKey;
import dev.strata.grammar.ast.Operation.ConflictTarget;
import dev.strata.grammar.ast.Operation.Delete;
import dev.strata.grammar.ast.Operation.Insert;
import dev.strata.grammar.ast.Operation.Update;
import dev.strata.grammar.ast.Operation.With;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DeleteUsingStep;
import org.jooq.DeleteWhereStep;
import org.jooq.Field;
import org.jooq.InsertOnConflictDoUpdateStep;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertReturningStep;
import org.jooq.InsertSetStep;
import org.jooq.InsertValuesStepN;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.UpdateFromStep;
import org.jooq.UpdateSetFirstStep;
import org.jooq.UpdateWhereStep;
import org.jooq.WithStep;
import org.jooq.impl.DSL;

/**
 * The data-changing statements ({@code INSERT}, {@code UPDATE}, {@code DELETE} with their
 * {@code WITH} queries, aliases, {@code FROM}/{@code USING} lists, {@code ON CONFLICT} and
 * {@code RETURNING}), standalone {@code SELECT} and {@code TRUNCATE}, built with jOOQ.
 *
 * <p>Parts the language keeps as source text (expressions, {@code FROM} lists, query bodies) go in
 * as raw SQL. A row item of {@code SET} ({@code (a, b) = (...)}) is one raw key and value in jOOQ's
 * {@code SET} map, its column list rendered by jOOQ: jOOQ's own row-value {@code SET} can only be
 * the first item, writes {@code ROW (...)} for the values, and takes only a typed {@code Select},
 * not a query kept as text. The hand-written forms are {@link InsertSelectSql} (an {@code INSERT}
 * from a query, or with {@code OVERRIDING}, neither of which jOOQ can build from text), {@link
 * TruncateSql} ({@code ONLY}) and the {@code WITH} before a standalone {@code SELECT}; each says
 * why.
 */
final class DmlStatements {
  private final SqlContext sql;
  private final Expressions expressions;

  DmlStatements(SqlContext sql, Expressions expressions) {
    this.sql = sql;
    this.expressions = expressions;
  }

  String insert(Insert insert, Site site) throws DiagnosticException {
    List<Name> columns = insert.columns().stream().map(SqlContext::name).toList();
    if (insert.source() instanceof Operation.InsertSource.Query || insert.overriding().isPresent()) {
      return new InsertSelectSql(sql, this).render(insert, site);
    }
    Table<?> table = aliased(insert.table(), insert.alias());
    InsertOnDuplicateStep<?> rows = switch (insert.source()) {
      case Operation.InsertSource.DefaultValues ignored -> insertStart(insert.with(), table, site)
          .defaultValues();
      case Operation.InsertSource.Values values -> values(insert, table, columns, values, site);
      case Operation.InsertSource.Query ignored ->
          throw new IllegalStateException("INSERT ... SELECT is rendered by InsertSelectSql");
    };
    InsertReturningStep<?> conflict = insert.onConflict().isEmpty()
        ? rows
        : onConflict(rows, ObjectName.of(insert.table()), insert.alias(),
            insert.onConflict().get(), site);
    return sql.render(insert.returning().isEmpty()
        ? conflict
        : conflict.returning(returning(insert.returning().get(), site)));
  }

  private InsertSetStep<?> insertStart(Optional<With> with, Table<?> table, Site site)
      throws DiagnosticException {
    return with.isPresent()
        ? with(with.get(), site).insertInto(table)
        : sql.dsl().insertInto(table);
  }

  /** {@code RETURNING} items, kept as text ({@link Expressions#items}). */
  private Field<Object> returning(Expr items, Site site) throws DiagnosticException {
    return DSL.field(DSL.raw(expressions.items(items, site)));
  }

  private InsertOnDuplicateStep<?> values(
      Insert insert, Table<?> table, List<Name> columns, Operation.InsertSource.Values values,
      Site site) throws DiagnosticException {
    checkRows(columns.size(), values.rows(), site);
    List<? extends Field<?>> fields = columns.stream().map(DSL::field).toList();
    InsertValuesStepN<?> rows = null;
    ObjectName target = ObjectName.of(insert.table());
    for (List<Expr> row : values.rows()) {
      List<Field<Object>> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Optional<Identifier> column = insert.columns().isEmpty()
            ? Optional.empty()
            : Optional.of(insert.columns().get(i));
        cells.add(expressions.assigned(target, column, i, row.get(i), site));
      }
      if (rows != null) {
        rows = rows.values(cells);
      } else if (fields.isEmpty()) {
        rows = insertStart(insert.with(), table, site).values(cells);
      } else if (insert.with().isPresent()) {
        rows = with(insert.with().get(), site).insertInto(table, fields).values(cells);
      } else {
        rows = sql.dsl().insertInto(table, fields).values(cells);
      }
    }
    return rows;
  }

  private InsertReturningStep<?> onConflict(InsertOnDuplicateStep<?> rows, ObjectName table,
      Optional<Identifier> alias, Operation.OnConflict conflict, Site site)
      throws DiagnosticException {
    Expressions expressions = this.expressions.in(table, alias);
    if (conflict.target().isEmpty()) {
      // the record allows no target only with DO NOTHING
      return rows.onConflictDoNothing();
    }
    InsertOnConflictDoUpdateStep<?> target = switch (conflict.target().get()) {
      case ConflictTarget.Constraint constraint ->
          rows.onConflictOnConstraint(SqlContext.name(constraint.name()));
      case ConflictTarget.Keys keys -> {
        List<Field<?>> fields = new ArrayList<>();
        for (ConflictKey key : keys.keys()) {
          fields.add(conflictKey(key, expressions, site));
        }
        var on = rows.onConflict(fields);
        yield keys.where().isPresent()
            ? on.where(expressions.condition(keys.where().get(), site))
            : on;
      }
    };
    return switch (conflict.action()) {
      case ConflictAction.DoNothing ignored -> target.doNothing();
      case ConflictAction.DoUpdate update -> {
        var set = target.doUpdate().set(
            assignments(expressions, table, update.assignments(), site));
        yield update.where().isPresent()
            ? set.where(expressions.condition(update.where().get(), site))
            : set;
      }
    };
  }

  private static Field<?> conflictKey(ConflictKey key, Expressions expressions, Site site)
      throws DiagnosticException {
    return switch (key) {
      case ConflictKey.Column column -> DSL.field(SqlContext.name(column.column()));
      case ConflictKey.Expression expression -> expressions.field(expression.expression(), site);
    };
  }

  /** Every row as long as the column list (or, without one, as the first row). */
  private static void checkRows(int columns, List<List<Expr>> rows, Site site)
      throws DiagnosticException {
    int expected = columns > 0 ? columns : rows.get(0).size();
    for (int i = 0; i < rows.size(); i++) {
      List<Expr> row = rows.get(i);
      if (row.size() != expected) {
        String what =
            columns > 0 ? expected + " columns are listed" : "row 1 has " + values(expected);
        throw site.at(
            row.isEmpty() ? site.span() : row.get(0).span(),
            "E0401",
            "INSERT row " + (i + 1) + " has " + values(row.size()) + ", but " + what,
            "help: give every VALUES row one value per column");
      }
    }
  }

  private static String values(int count) {
    return count + (count == 1 ? " value" : " values");
  }

  String update(Update update, Site site) throws DiagnosticException {
    Table<?> table = aliased(update.table(), update.alias());
    UpdateSetFirstStep<?> start = update.with().isPresent()
        ? with(update.with().get(), site).update(table)
        : sql.dsl().update(table);
    ObjectName target = ObjectName.of(update.table());
    Expressions own = expressions.in(target, update.alias(),
        update.from().map(Operation.FromList::sql));
    UpdateFromStep<?> set = start.set(assignments(own, target, update.assignments(), site));
    UpdateWhereStep<?> from = update.from().isEmpty()
        ? set
        : set.from(DSL.table(DSL.raw(expressions.tables(update.from().get().sql(), site))));
    var where = update.where().isPresent()
        ? from.where(own.condition(update.where().get(), site))
        : from;
    return sql.render(update.returning().isEmpty()
        ? where
        : where.returning(returning(update.returning().get(), site)));
  }

  String delete(Delete delete, Site site) throws DiagnosticException {
    Table<?> table = aliased(delete.table(), delete.alias());
    DeleteUsingStep<?> start = delete.with().isPresent()
        ? with(delete.with().get(), site).delete(table)
        : sql.dsl().deleteFrom(table);
    DeleteWhereStep<?> using = delete.using().isEmpty()
        ? start
        : start.using(DSL.table(DSL.raw(expressions.tables(delete.using().get().sql(), site))));
    var where = delete.where().isPresent()
        ? using.where(expressions.in(ObjectName.of(delete.table()), delete.alias(),
                delete.using().map(Operation.FromList::sql))
            .condition(delete.where().get(), site))
        : using;
    return sql.render(delete.returning().isEmpty()
        ? where
        : where.returning(returning(delete.returning().get(), site)));
  }

  /**
   * {@code [WITH ...] SELECT ...}: the query as written. The {@code WITH} is joined by hand in
   * front of it, each of its queries rendered by jOOQ: jOOQ's {@code with(...).select(...)} takes
   * typed select fields, and the query is kept as text.
   */
  String select(Operation.Select select, Site site) throws DiagnosticException {
    String query = expressions.query(select.query(), site);
    return select.with().isEmpty() ? query : withClause(select.with().get(), site) + " " + query;
  }

  String truncate(Operation.Truncate truncate) {
    if (truncate.tables().stream().anyMatch(Operation.TruncateTarget::only)) {
      return TruncateSql.render(sql, truncate);
    }
    var start = sql.dsl().truncate(
        truncate.tables().stream().map(t -> DSL.table(SqlContext.name(t.table()))).toList());
    var identity = switch (truncate.identity()) {
      case DEFAULT -> start;
      case RESTART -> start.restartIdentity();
      case CONTINUE -> start.continueIdentity();
    };
    Query query = truncate.cascade() ? identity.cascade() : identity;
    return sql.render(query);
  }

  /**
   * The {@code SET} items of an {@code UPDATE} or an upsert of {@code table} as jOOQ's assignment
   * map (see the class doc for row items), their values translated by {@code expressions}, which
   * are {@link Expressions#in} the statement's tables.
   */
  Map<Field<?>, Field<?>> assignments(Expressions expressions, ObjectName table,
      List<Assignment> items, Site site) throws DiagnosticException {
    Map<Field<?>, Field<?>> assignments = new LinkedHashMap<>();
    for (Assignment item : items) {
      switch (item) {
        case Assignment.Column column -> assignments.put(
            DSL.field(SqlContext.name(column.column())),
            value(expressions, table, column.column(), column.value(), site));
        case Assignment.Row row -> {
          List<String> values = new ArrayList<>();
          for (int i = 0; i < row.values().size(); i++) {
            values.add(sql.render(
                value(expressions, table, row.columns().get(i), row.values().get(i), site)));
          }
          assignments.put(
              columnRow(row.columns()),
              // PostgreSQL reads "(a) = (v)" as a plain parenthesized value and refuses it
              DSL.field(DSL.raw((row.columns().size() == 1 ? "ROW (" : "(")
                  + String.join(", ", values) + ")")));
        }
        case Assignment.RowQuery row -> assignments.put(
            columnRow(row.columns()),
            DSL.field(DSL.raw("(" + expressions.query(row.query(), site) + ")")));
      }
    }
    return assignments;
  }

  /** {@code (a, b)}: the names rendered by jOOQ. */
  private Field<?> columnRow(List<dev.strata.grammar.ast.Identifier> columns) {
    return DSL.field(DSL.raw(columns.stream()
        .map(c -> sql.render(SqlContext.name(c)))
        .collect(Collectors.joining(", ", "(", ")"))));
  }

  private static Field<?> value(Expressions expressions, ObjectName table, Identifier column,
      AssignedValue value, Site site) throws DiagnosticException {
    return switch (value) {
      case AssignedValue.Expression expression ->
          expressions.assigned(table, Optional.of(column), 0, expression.expr(), site);
      case AssignedValue.Default ignored -> DSL.default_();
    };
  }

  /** {@code WITH [RECURSIVE] q AS (...), ...} as jOOQ's start of a statement. */
  private WithStep with(With with, Site site) throws DiagnosticException {
    List<org.jooq.CommonTableExpression<?>> queries = new ArrayList<>();
    for (CommonTableExpression query : with.queries()) {
      queries.add(commonTableExpression(query, site));
    }
    var array = queries.toArray(org.jooq.CommonTableExpression<?>[]::new);
    return with.recursive() ? sql.dsl().withRecursive(array) : sql.dsl().with(array);
  }

  /**
   * {@code WITH [RECURSIVE] q AS (...), ...} as text, in the layout jOOQ gives it before a
   * statement it builds; names rendered by jOOQ. Hand-written: jOOQ renders a common table
   * expression on its own as a reference (its name only), never as its definition.
   */
  String withClause(With with, Site site) throws DiagnosticException {
    List<String> definitions = new ArrayList<>();
    for (CommonTableExpression query : with.queries()) {
      definitions.add(definition(query, site));
    }
    return (with.recursive() ? "WITH RECURSIVE " : "WITH ") + String.join(", ", definitions);
  }

  private String definition(CommonTableExpression query, Site site) throws DiagnosticException {
    String columns = query.columns().isEmpty()
        ? ""
        : query.columns().stream()
            .map(c -> sql.render(SqlContext.name(c)))
            .collect(Collectors.joining(", ", "(", ")"));
    String materialization = switch (query.materialization()) {
      case DEFAULT -> "";
      case MATERIALIZED -> "MATERIALIZED ";
      case NOT_MATERIALIZED -> "NOT MATERIALIZED ";
    };
    return sql.render(SqlContext.name(query.name())) + columns + " AS " + materialization
        + "(" + expressions.query(query.body(), site) + ")";
  }

  private org.jooq.CommonTableExpression<?> commonTableExpression(
      CommonTableExpression query, Site site) throws DiagnosticException {
    ResultQuery<org.jooq.Record> body =
        DSL.resultQuery(DSL.raw(expressions.query(query.body(), site)));
    Name name = SqlContext.name(query.name());
    if (query.columns().isEmpty()) {
      return switch (query.materialization()) {
        case DEFAULT -> name.as(body);
        case MATERIALIZED -> name.asMaterialized(body);
        case NOT_MATERIALIZED -> name.asNotMaterialized(body);
      };
    }
    var named = name.fields(SqlContext.names(query.columns()));
    return switch (query.materialization()) {
      case DEFAULT -> named.as(body);
      case MATERIALIZED -> named.asMaterialized(body);
      case NOT_MATERIALIZED -> named.asNotMaterialized(body);
    };
  }

  /** The expressions of the statements this class builds, for {@link InsertSelectSql}. */
  Expressions expressions() {
    return expressions;
  }

  /** {@code t} or {@code t AS alias}. */
  Table<?> aliased(QualifiedName table, Optional<dev.strata.grammar.ast.Identifier> alias) {
    Table<?> named = DSL.table(SqlContext.name(table));
    return alias.isEmpty() ? named : named.as(SqlContext.name(alias.get()));
  }
}
