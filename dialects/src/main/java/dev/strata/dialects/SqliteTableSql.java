package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation.CreateTable;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Constraint;
import org.jooq.ConstraintTypeStep;
import org.jooq.CreateTableElementListStep;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * SQLite's {@code CREATE TABLE} and {@code ADD COLUMN}, built with jOOQ for {@link
 * org.jooq.SQLDialect#SQLITE} from a statement {@link SqliteTables} has made SQLite's: each
 * column's type as {@link DataTypes} maps it for SQLite, its default as {@link
 * Expressions#columnDefault} writes it, the checks the type implies ({@link
 * DataTypes#impliedCheck}: an enum type's values, {@code json_valid} for JSON), expressions
 * translated with the schema model given ({@link Expressions#with}: after a {@code CREATE TABLE},
 * whose checks name its columns; before an {@code ADD COLUMN}). An identity
 * column is jOOQ's identity, which jOOQ writes for SQLite as {@code integer PRIMARY KEY
 * AUTOINCREMENT} in place of the table's primary key; a generated column is spelled after its type
 * ({@code GENERATED ALWAYS AS (...) STORED}: jOOQ's open-source edition has no computed columns);
 * a foreign key's {@code DEFERRABLE} is {@link ConstraintSql}'s.
 */
final class SqliteTableSql {
  private static final Dialect SQLITE = Dialect.SQLITE;

  private final SqlContext sql;
  private final Expressions expressions;
  private final IndexKeySql keys;
  private final SchemaModel model;

  /** The statements of a statement whose schema model before it is {@code model}. */
  SqliteTableSql(SqlContext sql, Expressions expressions, SchemaModel model) {
    this.sql = sql;
    this.expressions = expressions.with(model);
    this.keys = new IndexKeySql(sql, this.expressions);
    this.model = model;
  }

  /**
   * The {@code CREATE TABLE} of {@code create}, made SQLite's by {@link SqliteTables#normalize}.
   *
   * @throws DiagnosticException E0430-E0434 for a type or an expression SQLite has no counterpart
   *     for ({@link DataTypes}, {@link Expressions})
   */
  String createTable(CreateTable create, Site site) throws DiagnosticException {
    Name table = SqlContext.name(create.table());
    CreateTableElementListStep statement = create.ifNotExists()
        ? sql.dsl().createTableIfNotExists(table) : sql.dsl().createTable(table);
    StandIns standIns = new StandIns(sql);
    List<Constraint> constraints = new ArrayList<>();
    boolean multiline = false;
    for (ColumnDef column : create.columns()) {
      statement = statement.column(SqlContext.name(column.name()), columnType(column, site));
      constraints.addAll(columnConstraints(column, standIns, site));
      multiline |= column.constraints().stream().anyMatch(SqliteTableSql::multiline);
    }
    for (TableConstraint constraint : create.constraints()) {
      constraints.add(constraint(constraint, standIns, site));
      multiline |= constraint instanceof TableConstraint.Check check
          && Expressions.multiline(check.condition());
    }
    if (create.columns().isEmpty() && create.constraints().isEmpty()) {
      return EmptyTableSql.render(sql, table, create.ifNotExists());
    }
    var query = statement.constraints(constraints);
    return standIns.apply(multiline ? sql.render(query) : sql.renderFormatted(query));
  }

  /**
   * {@code ALTER TABLE t ADD name type [NOT NULL] [DEFAULT value]}: SQLite's own {@code ADD
   * COLUMN}, for a column {@link #addable} says it takes.
   */
  String addColumn(QualifiedName table, ColumnDef column, Site site) throws DiagnosticException {
    return sql.render(sql.dsl().alterTable(SqlContext.name(table))
        .addColumn(DSL.field(SqlContext.name(column.name()), columnType(column, site))));
  }

  /**
   * Whether SQLite's own {@code ADD COLUMN} can add {@code column}: a plain column (no key, check,
   * reference, identity, generation, collation, nor a type that implies a check), {@code NOT NULL}
   * only with a default that is not NULL, its default a literal (SQLite's limits).
   */
  boolean addable(ColumnDef column, Site site) throws DiagnosticException {
    if (column.type().isArray() || column.type().kind().autoIncrement()
        || column.collation().isPresent()
        || DataTypes.impliedCheck(SqlContext.name(column.name()), column.type(), SQLITE, model)
            .isPresent()) {
      return false;
    }
    boolean notNull = false;
    Optional<Expr> value = Optional.empty();
    for (ColumnConstraint constraint : column.constraints()) {
      switch (constraint) {
        case ColumnConstraint.NotNull n -> notNull = true;
        case ColumnConstraint.Null n -> {}
        case ColumnConstraint.Default d -> value = Optional.of(d.value());
        case ColumnConstraint.Generated g -> {
          return false;
        }
        case ColumnConstraint.PrimaryKey k -> {
          return false;
        }
        case ColumnConstraint.Unique u -> {
          return false;
        }
        case ColumnConstraint.Check c -> {
          return false;
        }
        case ColumnConstraint.References r -> {
          return false;
        }
        case ColumnConstraint.Identity i -> {
          return false;
        }
      }
    }
    if (value.isEmpty()) {
      return !notNull;
    }
    ColumnDefault written = expressions.columnDefault(value.get(),
        DataTypes.of(column.type(), SQLITE, sql, model, at(site, column)), column.type(), site);
    boolean isNull = written.bare().strip().equalsIgnoreCase("NULL");
    return written.kind() == ColumnDefault.Kind.LITERAL && !(notNull && isNull);
  }

  /** The column's type with its collation, NOT NULL, default, identity and generation. */
  private DataType<?> columnType(ColumnDef column, Site site) throws DiagnosticException {
    Site at = at(site, column);
    boolean identity = column.constraints().stream()
        .anyMatch(ColumnConstraint.Identity.class::isInstance);
    Optional<Expr> generation = column.constraints().stream()
        .filter(ColumnConstraint.Generated.class::isInstance)
        .map(c -> ((ColumnConstraint.Generated) c).expression())
        .findFirst();
    DataType<?> type;
    if (identity) {
      // jOOQ writes integer PRIMARY KEY AUTOINCREMENT (SQLite's numbered rowid column)
      type = SQLDataType.INTEGER.identity(true);
    } else if (generation.isPresent()) {
      type = DataTypes.written(DataTypes.name(column.type(), SQLITE, sql, model, at)
          + collateClause(column.collation()) + " GENERATED ALWAYS AS ("
          + expressions.generated(generation.get(), column.type(), at) + ") STORED");
    } else {
      type = DataTypes.of(column.type(), SQLITE, sql, model, at);
      if (column.collation().isPresent()) {
        type = type.collation(DSL.collation(SqlContext.name(column.collation().get())));
      }
    }
    return withAttributes(type, column, at);
  }

  private <T> DataType<T> withAttributes(DataType<T> type, ColumnDef column, Site site)
      throws DiagnosticException {
    DataType<T> out = type;
    for (ColumnConstraint constraint : column.constraints()) {
      out = switch (constraint) {
        case ColumnConstraint.NotNull notNull -> out.notNull();
        case ColumnConstraint.Null nullable -> out.null_();
        case ColumnConstraint.Default value ->
            expressions.columnDefault(value.value(), out, column.type(), site)
                .applyTo(out, SQLITE);
        // the rest are spelled with the type (identity, generation) or are table constraints
        case ColumnConstraint.Identity identity -> out;
        case ColumnConstraint.Generated generated -> out;
        case ColumnConstraint.PrimaryKey key -> out;
        case ColumnConstraint.Unique unique -> out;
        case ColumnConstraint.Check check -> out;
        case ColumnConstraint.References references -> out;
      };
    }
    return out;
  }

  /**
   * The column's key, unique, check and reference constraints as table constraints, and the check
   * its type implies.
   */
  private List<Constraint> columnConstraints(ColumnDef column, StandIns standIns, Site site)
      throws DiagnosticException {
    List<Identifier> self = List.of(column.name());
    List<Constraint> out = new ArrayList<>();
    for (ColumnConstraint constraint : column.constraints()) {
      switch (constraint) {
        case ColumnConstraint.PrimaryKey key -> out.add(constraint(
            new TableConstraint.PrimaryKey(key.name(), self, key.timing()), standIns, site));
        case ColumnConstraint.Unique unique -> out.add(constraint(
            new TableConstraint.Unique(unique.name(), self, false, unique.timing()), standIns,
            site));
        case ColumnConstraint.Check check -> out.add(constraint(
            new TableConstraint.Check(check.name(), check.condition()), standIns, site));
        case ColumnConstraint.References ref -> out.add(constraint(
            new TableConstraint.ForeignKey(ref.name(), self, ref.table(),
                ref.column().stream().toList(), ref.match(), ref.onDelete(), ref.onUpdate(),
                ref.timing(), false), standIns, site));
        case ColumnConstraint.NotNull notNull -> {}
        case ColumnConstraint.Null nullable -> {}
        case ColumnConstraint.Default value -> {}
        case ColumnConstraint.Identity identity -> {}
        case ColumnConstraint.Generated generated -> {}
      }
    }
    // NULL passes a CHECK only when the condition is NULL, and json_valid(NULL) is 0 before
    // SQLite 3.45: the column's NULL is let through explicitly, as PostgreSQL's type lets it
    Name name = SqlContext.name(column.name());
    DataTypes.impliedCheck(name, column.type(), SQLITE, model)
        .ifPresent(check -> out.add(DSL.check(DSL.field(name).isNull().or(check))));
    return out;
  }

  /** jOOQ's constraint, or a stand-in for one with a {@code DEFERRABLE} ({@link ConstraintSql}). */
  private Constraint constraint(TableConstraint constraint, StandIns standIns, Site site)
      throws DiagnosticException {
    return ConstraintSql.needed(constraint)
        ? standIns.add(ConstraintSql.render(
            sql, keys, constraint, c -> jooqConstraint(c, site), site))
        : jooqConstraint(constraint, site);
  }

  private Constraint jooqConstraint(TableConstraint constraint, Site site)
      throws DiagnosticException {
    ConstraintTypeStep step =
        constraint.name().map(n -> DSL.constraint(SqlContext.name(n))).orElseGet(DSL::constraint);
    return switch (constraint) {
      case TableConstraint.PrimaryKey key -> step.primaryKey(SqlContext.names(key.columns()));
      case TableConstraint.Unique unique -> step.unique(SqlContext.names(unique.columns()));
      case TableConstraint.Check check ->
          step.check(expressions.condition(check.condition(), site));
      case TableConstraint.ForeignKey key -> TableStatements.foreignKey(step, key);
      case TableConstraint.UsingIndex using ->
          throw new IllegalStateException("refused by SqliteTables: " + using);
      case TableConstraint.Exclude exclude ->
          throw new IllegalStateException("refused by SqliteTables: " + exclude);
    };
  }

  private String collateClause(Optional<QualifiedName> collation) {
    return collation
        .map(c -> " COLLATE " + sql.render(DSL.collation(SqlContext.name(c))))
        .orElse("");
  }

  private static boolean multiline(ColumnConstraint constraint) {
    return switch (constraint) {
      case ColumnConstraint.Default value -> Expressions.multiline(value.value());
      case ColumnConstraint.Check check -> Expressions.multiline(check.condition());
      case ColumnConstraint.Generated generated -> Expressions.multiline(generated.expression());
      case ColumnConstraint.NotNull notNull -> false;
      case ColumnConstraint.Null nullable -> false;
      case ColumnConstraint.PrimaryKey key -> false;
      case ColumnConstraint.Unique unique -> false;
      case ColumnConstraint.References references -> false;
      case ColumnConstraint.Identity identity -> false;
    };
  }

  private static Site at(Site site, ColumnDef column) {
    return DataTypes.at(site, column.name());
  }
}
