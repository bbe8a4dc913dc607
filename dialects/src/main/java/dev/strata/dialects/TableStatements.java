package dev.strata.dialects;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.Operation.AlterTable;
import dev.strata.grammar.ast.Operation.CreatePartition;
import dev.strata.grammar.ast.Operation.CreateTable;
import dev.strata.grammar.ast.Operation.CreateTableAs;
import dev.strata.grammar.ast.Operation.DropTable;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.AlterTableStep;
import org.jooq.Constraint;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.ConstraintTypeStep;
import org.jooq.CreateTableElementListStep;
import org.jooq.DataType;
import org.jooq.DropTableStep;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.TableElement;
import org.jooq.impl.DSL;

/**
 * {@code CREATE TABLE}, {@code DROP TABLE} and {@code ALTER TABLE}, built with jOOQ.
 *
 * <p>Column {@code PRIMARY KEY}, {@code UNIQUE}, {@code CHECK} and {@code REFERENCES} constraints are
 * rendered as table constraints after the columns (jOOQ has no column-level form); PostgreSQL
 * treats both forms alike, generated constraint names included. An {@code ALTER TABLE} with several
 * actions becomes one statement per action, in order (jOOQ renders one action per statement), which
 * is equivalent inside the script's transaction.
 *
 * <p>What jOOQ 3.20 has no form for is added by hand: {@code UNLOGGED} and {@code ONLY} after the
 * leading words ({@link TablePrefix}), constraints with a timing, {@code NOT VALID}, {@code MATCH},
 * {@code NULLS NOT DISTINCT} or {@code USING INDEX} in place of stand-ins ({@link StandIns},
 * {@link ConstraintSql}), {@code PARTITION BY} and {@code WITH (...)} in jOOQ's storage slot after
 * the element list, and whole statements for partitions, {@code CREATE TABLE ... AS}, several-table
 * drops and the constraint and partition actions ({@link TableFormSql}).
 */
final class TableStatements {
  private final SqlContext sql;
  private final Expressions expressions;
  private final IndexKeySql keys;
  private final PartitionSql partitions;

  TableStatements(SqlContext sql, Expressions expressions, IndexKeySql keys) {
    this.sql = sql;
    this.expressions = expressions;
    this.keys = keys;
    this.partitions = new PartitionSql(sql, expressions, keys);
  }

  List<String> createTable(CreateTable create, Site site) throws DiagnosticException {
    Name table = SqlContext.name(create.table());
    if (create.ifNotExists() && create.columns().stream().anyMatch(TableStatements::identityAlways)) {
      throw identityAlwaysIfNotExists(site, "CREATE TABLE IF NOT EXISTS");
    }
    if (create.ifNotExists()
        && create.columns().stream().anyMatch(c -> identityWithOptions(c).isPresent())) {
      throw identityOptionsIfNotExists(site, "CREATE TABLE IF NOT EXISTS");
    }
    if (create.columns().isEmpty() && create.constraints().isEmpty()) {
      return List.of(EmptyTableSql.render(sql, table, create.ifNotExists()));
    }
    CreateTableElementListStep statement =
        create.ifNotExists()
            ? sql.dsl().createTableIfNotExists(table)
            : sql.dsl().createTable(table);
    List<Constraint> constraints = new ArrayList<>();
    List<String> after = new ArrayList<>();
    StandIns standIns = new StandIns(sql);
    for (ColumnDef column : create.columns()) {
      statement = statement.column(SqlContext.name(column.name()), columnType(column, site));
      constraints.addAll(columnConstraints(column, standIns, site));
      if (identityAlways(column)) {
        after.add(IdentityAlwaysSql.render(sql, table, false, SqlContext.name(column.name())));
      }
      identityWithOptions(column)
          .ifPresent(identity -> after.add(addIdentity(table, false, column, identity)));
    }
    for (TableConstraint constraint : create.constraints()) {
      constraints.add(constraint(constraint, standIns, site));
    }
    statement = statement.constraints(constraints);
    // PARTITION BY and WITH (...) follow the element list; jOOQ has neither, only this slot
    List<String> tail = new ArrayList<>();
    if (create.partitionBy().isPresent()) {
      tail.add(partitions.spec(create.partitionBy().get(), site));
    }
    if (!create.options().isEmpty()) {
      tail.add(keys.with(create.options(), site));
    }
    Query query = tail.isEmpty() ? statement : statement.storage(DSL.raw(String.join(" ", tail)));
    boolean multiline = expressionsOf(create).anyMatch(Expressions::multiline);
    String rendered = standIns.apply(multiline ? sql.render(query) : sql.renderFormatted(query));
    List<String> out = new ArrayList<>();
    out.add(create.unlogged() ? TablePrefix.unlogged(rendered) : rendered);
    out.addAll(after);
    return out;
  }

  /** {@code CREATE TABLE ... PARTITION OF}, hand-written ({@link TableFormSql}). */
  List<String> createPartition(CreatePartition create, Site site) throws DiagnosticException {
    List<String> tail = new ArrayList<>();
    if (create.partitionBy().isPresent()) {
      tail.add(partitions.spec(create.partitionBy().get(), site));
    }
    if (!create.options().isEmpty()) {
      tail.add(keys.with(create.options(), site));
    }
    List<String> constraints = new ArrayList<>();
    for (TableConstraint constraint : create.constraints()) {
      constraints.add(constraintText(constraint, site));
    }
    return List.of(
        TableFormSql.createPartition(
            sql,
            SqlContext.name(create.table()),
            create.ifNotExists(),
            create.unlogged(),
            SqlContext.name(create.parent()),
            constraints,
            partitions.bound(create.bound(), site),
            String.join(" ", tail)));
  }

  /** {@code CREATE TABLE ... AS query}, hand-written ({@link TableFormSql}). */
  List<String> createTableAs(CreateTableAs create, Site site) throws DiagnosticException {
    return List.of(
        TableFormSql.createTableAs(
            sql,
            SqlContext.name(create.table()),
            create.ifNotExists(),
            create.unlogged(),
            keys.with(create.options(), site),
            expressions.query(create.query(), site),
            create.withData()));
  }

  List<String> dropTable(DropTable drop) {
    if (drop.tables().size() > 1) {
      return List.of(
          TableFormSql.dropTables(
              sql,
              drop.tables().stream().map(SqlContext::name).toList(),
              drop.ifExists(),
              drop.cascade()));
    }
    Name table = SqlContext.name(drop.tables().getFirst());
    DropTableStep statement =
        drop.ifExists() ? sql.dsl().dropTableIfExists(table) : sql.dsl().dropTable(table);
    return List.of(sql.render(drop.cascade() ? statement.cascade() : statement));
  }

  /**
   * One statement per action; with {@code ONLY}, each statement gets it ({@link TablePrefix}), as
   * PostgreSQL applies {@code ONLY} to every action of the statement.
   */
  List<String> alterTable(AlterTable alter, Site site) throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (AlterAction action : alter.actions()) {
      for (String statement : alterAction(alter, action, site)) {
        out.add(alter.only() ? TablePrefix.only(statement, alter.ifExists()) : statement);
      }
    }
    return out;
  }

  private List<String> alterAction(AlterTable alter, AlterAction action, Site site)
      throws DiagnosticException {
    Name table = SqlContext.name(alter.table());
    AlterTableStep statement =
        alter.ifExists() ? sql.dsl().alterTableIfExists(table) : sql.dsl().alterTable(table);
    return switch (action) {
      case AlterAction.AddColumn add -> addColumn(statement, table, alter.ifExists(), add, site);
      case AlterAction.AlterColumnType change when change.using().isPresent() ->
          List.of(
              AlterColumnTypeSql.render(
                  sql,
                  table,
                  alter.ifExists(),
                  SqlContext.name(change.column()),
                  DataTypes.name(change.type(), sql) + collateClause(change.collation()),
                  expressions.text(change.using().get(), site)));
      case AlterAction.AlterColumnType change ->
          one(
              statement
                  .alter(SqlContext.name(change.column()))
                  .set(collated(DataTypes.of(change.type(), sql), change.collation())));
      case AlterAction.DropExpression drop ->
          List.of(
              DropExpressionSql.render(
                  sql, table, alter.ifExists(), SqlContext.name(drop.column()), drop.ifExists()));
      case AlterAction.DropColumn drop -> {
        Name column = SqlContext.name(drop.column());
        var step =
            drop.ifExists() ? statement.dropColumnIfExists(column) : statement.dropColumn(column);
        yield one(drop.cascade() ? step.cascade() : step);
      }
      case AlterAction.RenameColumn rename ->
          one(
              statement
                  .renameColumn(SqlContext.name(rename.from()))
                  .to(SqlContext.name(rename.to())));
      case AlterAction.SetDefault set ->
          one(
              statement
                  .alter(SqlContext.name(set.column()))
                  .setDefault(expressions.field(set.value(), site)));
      case AlterAction.DropDefault drop ->
          one(statement.alter(SqlContext.name(drop.column())).dropDefault());
      case AlterAction.SetNotNull set ->
          one(statement.alter(SqlContext.name(set.column())).setNotNull());
      case AlterAction.DropNotNull drop ->
          one(statement.alter(SqlContext.name(drop.column())).dropNotNull());
      case AlterAction.AddConstraint add -> {
        StandIns standIns = new StandIns(sql);
        yield List.of(
            standIns.apply(sql.render(statement.add(constraint(add.constraint(), standIns, site)))));
      }
      case AlterAction.DropConstraint drop -> {
        Name name = SqlContext.name(drop.name());
        var step =
            drop.ifExists()
                ? statement.dropConstraintIfExists(name)
                : statement.dropConstraint(name);
        yield one(drop.cascade() ? step.cascade() : step);
      }
      case AlterAction.RenameTable rename ->
          one(statement.renameTo(SqlContext.name(rename.newName())));
      case AlterAction.AddIdentity add ->
          List.of(IdentitySql.add(sql, table, alter.ifExists(), SqlContext.name(add.column()),
              add.always(), add.options()));
      case AlterAction.AlterIdentity change ->
          List.of(IdentitySql.alter(sql, table, alter.ifExists(), SqlContext.name(change.column()),
              change.always(), change.options()));
      case AlterAction.DropIdentity drop ->
          List.of(IdentitySql.drop(sql, table, alter.ifExists(), SqlContext.name(drop.column()),
              drop.ifExists()));
      case AlterAction.RenameConstraint rename ->
          one(
              statement
                  .renameConstraint(SqlContext.name(rename.from()))
                  .to(SqlContext.name(rename.to())));
      case AlterAction.AlterConstraint change ->
          handWritten(alter, "ALTER CONSTRAINT " + sql.render(SqlContext.name(change.name()))
              + " " + change.timing().sql());
      case AlterAction.ValidateConstraint validate ->
          handWritten(alter, "VALIDATE CONSTRAINT " + sql.render(SqlContext.name(validate.name())));
      case AlterAction.AttachPartition attach ->
          handWritten(alter, "ATTACH PARTITION " + sql.render(SqlContext.name(attach.partition()))
              + " " + partitions.bound(attach.bound(), site));
      case AlterAction.SetSchema move ->
          handWritten(alter, "SET SCHEMA " + sql.render(SqlContext.name(move.schema())));
      case AlterAction.DetachPartition detach ->
          handWritten(alter, "DETACH PARTITION " + sql.render(SqlContext.name(detach.partition())));
    };
  }

  private List<String> one(Query query) {
    return List.of(sql.render(query));
  }

  /** An action jOOQ has no form for ({@link TableFormSql#alterTable}). */
  private List<String> handWritten(AlterTable alter, String action) {
    return List.of(
        TableFormSql.alterTable(sql, SqlContext.name(alter.table()), alter.ifExists(), action));
  }

  private List<String> addColumn(
      AlterTableStep statement, Name table, boolean ifExists, AlterAction.AddColumn add, Site site)
      throws DiagnosticException {
    ColumnDef column = add.column();
    Name name = SqlContext.name(column.name());
    if (identityWithOptions(column).isPresent()) {
      // CREATE TABLE writes such a column NOT NULL, then adds the identity; on a table with rows
      // that NOT NULL would fail where the identity would have numbered the rows
      throw site.error(
          "E0413",
          "ADD COLUMN with an identity column that has sequence options cannot be rendered",
          "note: jOOQ writes an identity without options, and adding them afterwards would not"
              + " number the table's existing rows from START",
          "help: add the column as GENERATED ... AS IDENTITY without options, then change them"
              + " with ALTER COLUMN ... SET option ... RESTART, or put the statement between"
              + " '-- +dialect postgresql' and '-- +end' lines");
    }
    StandIns standIns = new StandIns(sql);
    List<Constraint> constraints = columnConstraints(column, standIns, site);
    Query query;
    if (add.ifNotExists()) {
      if (identityAlways(column)) {
        throw identityAlwaysIfNotExists(site, "ADD COLUMN IF NOT EXISTS");
      }
      if (!constraints.isEmpty()) {
        // jOOQ's ADD COLUMN IF NOT EXISTS takes no constraints, and a separate ADD CONSTRAINT
        // would not be skipped with the column: refuse rather than change the meaning.
        throw site.error(
            "E0403",
            "ADD COLUMN IF NOT EXISTS with a constraint on the column cannot be rendered",
            "help: add the column, then the constraint with ALTER TABLE ... ADD CONSTRAINT");
      }
      query = statement.addColumnIfNotExists(name, columnType(column, site));
    } else {
      List<TableElement> elements = new ArrayList<>();
      elements.add(DSL.field(name, columnType(column, site)));
      elements.addAll(constraints);
      query = statement.add(elements);
    }
    List<String> out = new ArrayList<>();
    out.add(standIns.apply(sql.render(query)));
    if (identityAlways(column)) {
      out.add(IdentityAlwaysSql.render(sql, table, ifExists, name));
    }
    return out;
  }

  /**
   * An identity declared with sequence options, as the statement that follows the column's: jOOQ
   * renders identities without options, so the column is written {@code NOT NULL} and made an
   * identity by {@code ALTER COLUMN ... ADD GENERATED ... AS IDENTITY (options)} ({@link
   * IdentitySql}), the form pg_dump writes; the column and its sequence are the same.
   */
  private String addIdentity(
      Name table, boolean ifExists, ColumnDef column, ColumnConstraint.Identity identity) {
    return IdentitySql.add(sql, table, ifExists, SqlContext.name(column.name()),
        identity.always(), identity.options());
  }

  /**
   * E0412: an identity with sequence options is added by a second statement after the column
   * ({@link #addIdentity}), which an {@code IF NOT EXISTS} that skips the column would not skip.
   */
  private static DiagnosticException identityOptionsIfNotExists(Site site, String form) {
    return site.error(
        "E0412",
        form + " with an identity column that has sequence options cannot be rendered",
        "note: strata adds such an identity in a second statement, which IF NOT EXISTS would not"
            + " skip",
        "help: drop IF NOT EXISTS, or the identity's options");
  }

  /**
   * E0404: {@code GENERATED ALWAYS AS IDENTITY} is written as a second statement after the column
   * ({@link IdentityAlwaysSql}), and that statement cannot be skipped along with an {@code IF NOT
   * EXISTS} that skips the column: on an existing table it would change the column or fail.
   */
  private static DiagnosticException identityAlwaysIfNotExists(Site site, String form) {
    return site.error(
        "E0404",
        form + " with a GENERATED ALWAYS AS IDENTITY column cannot be rendered",
        "note: strata sets ALWAYS in a second statement, which IF NOT EXISTS would not skip",
        "help: drop IF NOT EXISTS, or use GENERATED BY DEFAULT AS IDENTITY");
  }

  /**
   * The column's type with its collation and its NOT NULL, NULL, DEFAULT, identity and generation
   * attributes.
   */
  private DataType<?> columnType(ColumnDef column, Site site) throws DiagnosticException {
    Optional<Expr> generation =
        column.constraints().stream()
            .flatMap(
                c ->
                    c instanceof ColumnConstraint.Generated generated
                        ? Stream.of(generated.expression())
                        : Stream.empty())
            .findFirst();
    DataType<?> type =
        generation.isPresent()
            // jOOQ's open-source edition ignores generatedAlwaysAs (computed columns are a
            // commercial feature), so the clause is spelled after the type, as pg_dump does
            ? DataTypes.written(
                DataTypes.name(column.type(), sql)
                    + collateClause(column.collation())
                    + " GENERATED ALWAYS AS ("
                    + expressions.text(generation.get(), site)
                    + ") STORED")
            : collated(DataTypes.of(column.type(), sql), column.collation());
    return withAttributes(type, column.constraints(), site);
  }

  /** {@code type COLLATE collation}, built by jOOQ. */
  private static DataType<?> collated(DataType<?> type, Optional<QualifiedName> collation) {
    return collation.isPresent()
        ? type.collation(DSL.collation(SqlContext.name(collation.get())))
        : type;
  }

  /** {@code " COLLATE collation"} as jOOQ renders it, or nothing, for hand-spelled types. */
  private String collateClause(Optional<QualifiedName> collation) {
    return collation
        .map(c -> " COLLATE " + sql.render(DSL.collation(SqlContext.name(c))))
        .orElse("");
  }

  private <T> DataType<T> withAttributes(
      DataType<T> type, List<ColumnConstraint> constraints, Site site) throws DiagnosticException {
    DataType<T> out = type;
    for (ColumnConstraint constraint : constraints) {
      out =
          switch (constraint) {
            // a name on NOT NULL / NULL: PostgreSQL before 18 ignores it, jOOQ has no place for it
            case ColumnConstraint.NotNull notNull -> out.notNull();
            case ColumnConstraint.Null nullable -> out.null_();
            case ColumnConstraint.Default value ->
                out.defaultValue(expressions.field(value.value(), out, site));
            // jOOQ renders every identity BY DEFAULT; ALWAYS follows as IdentityAlwaysSql, and an
            // identity with options as IdentitySql (on a NOT NULL column, as ADD GENERATED needs)
            case ColumnConstraint.Identity identity ->
                identity.options().isEmpty() ? out.identity(true) : out.notNull();
            // spelled with the type by columnType
            case ColumnConstraint.Generated generated -> out;
            case ColumnConstraint.PrimaryKey key -> out;
            case ColumnConstraint.Unique unique -> out;
            case ColumnConstraint.Check check -> out;
            case ColumnConstraint.References references -> out;
          };
    }
    return out;
  }

  /** An identity declared {@code ALWAYS} without options (with options, see {@link #addIdentity}). */
  private static boolean identityAlways(ColumnDef column) {
    return column.constraints().stream()
        .anyMatch(c -> c instanceof ColumnConstraint.Identity identity && identity.always()
            && identity.options().isEmpty());
  }

  private static Optional<ColumnConstraint.Identity> identityWithOptions(ColumnDef column) {
    return column.constraints().stream()
        .flatMap(c -> c instanceof ColumnConstraint.Identity identity
            && !identity.options().isEmpty() ? Stream.of(identity) : Stream.empty())
        .findFirst();
  }

  /**
   * The column's key, unique, check and reference constraints, as table constraints (hand-written
   * ones as {@code standIns}).
   */
  private List<Constraint> columnConstraints(ColumnDef column, StandIns standIns, Site site)
      throws DiagnosticException {
    List<Identifier> self = List.of(column.name());
    List<Constraint> out = new ArrayList<>();
    for (ColumnConstraint constraint : column.constraints()) {
      switch (constraint) {
        case ColumnConstraint.PrimaryKey key ->
            out.add(
                constraint(new TableConstraint.PrimaryKey(key.name(), self, key.timing()),
                    standIns, site));
        case ColumnConstraint.Unique unique ->
            out.add(
                constraint(new TableConstraint.Unique(unique.name(), self, false, unique.timing()),
                    standIns, site));
        case ColumnConstraint.Check check ->
            out.add(
                constraint(new TableConstraint.Check(check.name(), check.condition()), standIns,
                    site));
        case ColumnConstraint.References ref ->
            out.add(
                constraint(
                    new TableConstraint.ForeignKey(
                        ref.name(),
                        self,
                        ref.table(),
                        ref.column().stream().toList(),
                        ref.match(),
                        ref.onDelete(),
                        ref.onUpdate(),
                        ref.timing(),
                        false),
                    standIns, site));
        case ColumnConstraint.NotNull notNull -> {}
        case ColumnConstraint.Null nullable -> {}
        case ColumnConstraint.Default value -> {}
        case ColumnConstraint.Identity identity -> {}
        case ColumnConstraint.Generated generated -> {}
      }
    }
    return out;
  }

  /** jOOQ's constraint, or a stand-in for a hand-written one ({@link ConstraintSql}). */
  private Constraint constraint(TableConstraint constraint, StandIns standIns, Site site)
      throws DiagnosticException {
    return ConstraintSql.needed(constraint)
        ? standIns.add(ConstraintSql.render(
            sql, keys, constraint, c -> jooqConstraint(c, site), site))
        : jooqConstraint(constraint, site);
  }

  /** The constraint's SQL, by jOOQ or by hand ({@link ConstraintSql}). */
  private String constraintText(TableConstraint constraint, Site site)
      throws DiagnosticException {
    return ConstraintSql.needed(constraint)
        ? ConstraintSql.render(sql, keys, constraint, c -> jooqConstraint(c, site), site)
        : sql.render(jooqConstraint(constraint, site));
  }

  /** The constraint as jOOQ builds it, without the clauses only {@link ConstraintSql} renders. */
  private Constraint jooqConstraint(TableConstraint constraint, Site site)
      throws DiagnosticException {
    ConstraintTypeStep step =
        constraint.name().map(n -> DSL.constraint(SqlContext.name(n))).orElseGet(DSL::constraint);
    return switch (constraint) {
      case TableConstraint.PrimaryKey key -> step.primaryKey(SqlContext.names(key.columns()));
      case TableConstraint.Unique unique -> step.unique(SqlContext.names(unique.columns()));
      case TableConstraint.Check check ->
          step.check(expressions.condition(check.condition(), site));
      case TableConstraint.ForeignKey key -> foreignKey(step, key);
      case TableConstraint.UsingIndex using ->
          throw new IllegalStateException("USING INDEX is rendered by ConstraintSql");
      case TableConstraint.Exclude exclude ->
          throw new IllegalStateException("EXCLUDE is rendered by ConstraintSql");
    };
  }

  /** A foreign key as jOOQ builds it, with its referential actions (also SQLite's, {@link SqliteTableSql}). */
  static Constraint foreignKey(ConstraintTypeStep step, TableConstraint.ForeignKey key) {
    ConstraintForeignKeyOnStep out =
        step.foreignKey(SqlContext.names(key.columns()))
            .references(SqlContext.name(key.table()), SqlContext.names(key.referencedColumns()));
    if (key.onDelete().isPresent()) {
      out = onDelete(out, key.onDelete().get());
    }
    if (key.onUpdate().isPresent()) {
      out = onUpdate(out, key.onUpdate().get());
    }
    return out;
  }

  private static ConstraintForeignKeyOnStep onDelete(
      ConstraintForeignKeyOnStep step, ReferentialAction action) {
    return switch (action) {
      case NO_ACTION -> step.onDeleteNoAction();
      case RESTRICT -> step.onDeleteRestrict();
      case CASCADE -> step.onDeleteCascade();
      case SET_NULL -> step.onDeleteSetNull();
      case SET_DEFAULT -> step.onDeleteSetDefault();
    };
  }

  private static ConstraintForeignKeyOnStep onUpdate(
      ConstraintForeignKeyOnStep step, ReferentialAction action) {
    return switch (action) {
      case NO_ACTION -> step.onUpdateNoAction();
      case RESTRICT -> step.onUpdateRestrict();
      case CASCADE -> step.onUpdateCascade();
      case SET_NULL -> step.onUpdateSetNull();
      case SET_DEFAULT -> step.onUpdateSetDefault();
    };
  }

  /** Every expression written in a CREATE TABLE (defaults and checks). */
  private static Stream<Expr> expressionsOf(CreateTable create) {
    Stream<Expr> columns =
        create.columns().stream()
            .flatMap(column -> column.constraints().stream())
            .flatMap(
                constraint ->
                    switch (constraint) {
                      case ColumnConstraint.Default value -> Stream.of(value.value());
                      case ColumnConstraint.Check check -> Stream.of(check.condition());
                      case ColumnConstraint.NotNull notNull -> Stream.<Expr>empty();
                      case ColumnConstraint.Null nullable -> Stream.<Expr>empty();
                      case ColumnConstraint.PrimaryKey key -> Stream.<Expr>empty();
                      case ColumnConstraint.Unique unique -> Stream.<Expr>empty();
                      case ColumnConstraint.References references -> Stream.<Expr>empty();
                      case ColumnConstraint.Identity identity -> Stream.<Expr>empty();
                      case ColumnConstraint.Generated generated -> Stream.of(generated.expression());
                    });
    Stream<Expr> tables =
        create.constraints().stream()
            .flatMap(
                constraint ->
                    constraint instanceof TableConstraint.Check check
                        ? Stream.of(check.condition())
                        : Stream.<Expr>empty());
    return Stream.concat(columns, tables);
  }
}
