package dev.strata.dialects;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.CreateIndex;
import dev.strata.grammar.ast.Operation.DropIndex;
import dev.strata.grammar.ast.Operation.Insert;
import dev.strata.grammar.ast.Operation.RawSql;
import dev.strata.grammar.ast.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.CreateIndexIncludeStep;
import org.jooq.CreateIndexStep;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Renders one statement of a revision as the SQL statements that do it in one dialect, each without
 * its terminating {@code ;}. Built with jOOQ; the few hand-written forms are the {@code *Sql}
 * classes of this package, each saying why jOOQ is not used.
 */
final class StatementRenderer {
  private final Dialect dialect;
  private final SqlContext sql;
  private final Expressions expressions;
  private final TableStatements tables;
  private final IndexKeySql keys;

  StatementRenderer(Dialect dialect, SqlContext sql) {
    this.dialect = dialect;
    this.sql = sql;
    this.expressions = new Expressions(dialect);
    this.keys = new IndexKeySql(sql, expressions);
    this.tables = new TableStatements(sql, expressions, keys);
  }

  /**
   * The statement's SQL, in order: usually one statement, several for a multi-action
   * {@code ALTER TABLE} or an identity declared {@code ALWAYS}, none for a {@code -- +dialect} block
   * of another dialect.
   *
   * @throws DiagnosticException (E04xx) when the statement cannot be rendered for this dialect
   */
  List<String> render(Statement statement, SourceFile source) throws DiagnosticException {
    Site site = new Site(source, statement.span());
    return switch (statement.operation()) {
      case Operation.CreateTable create -> tables.createTable(create, site);
      case Operation.CreatePartition create -> tables.createPartition(create);
      case Operation.CreateTableAs create -> tables.createTableAs(create);
      case Operation.DropTable drop -> tables.dropTable(drop);
      case Operation.AlterTable alter -> tables.alterTable(alter, site);
      case CreateIndex index -> List.of(createIndex(index, site));
      case DropIndex drop -> List.of(dropIndex(drop));
      case Operation.RenameIndex rename -> List.of(renameIndex(rename));
      case Operation.CreateSchema create -> {
        Name schema = SqlContext.name(create.schema());
        yield List.of(
            sql.render(
                create.ifNotExists()
                    ? sql.dsl().createSchemaIfNotExists(schema)
                    : sql.dsl().createSchema(schema)));
      }
      case Operation.DropSchema drop -> {
        Name schema = SqlContext.name(drop.schema());
        var step =
            drop.ifExists() ? sql.dsl().dropSchemaIfExists(schema) : sql.dsl().dropSchema(schema);
        yield List.of(sql.render(drop.cascade() ? step.cascade() : step));
      }
      case Insert insert -> List.of(insert(insert, site));
      case Operation.Update update -> List.of(update(update));
      case Operation.Delete delete -> {
        var step = sql.dsl().deleteFrom(table(delete.table()));
        yield List.of(
            sql.render(
                delete.where().isPresent()
                    ? step.where(expressions.condition(delete.where().get()))
                    : step));
      }
      case RawSql raw -> raw.dialect().equals(dialect.id()) ? List.of(raw(raw)) : List.of();
      case Operation.PostgresOnly postgres -> List.of(asWritten(statement, postgres, site));
    };
  }

  /**
   * Whether {@code statement} is a {@code -- +dialect} block for another dialect, which
   * {@link #render} skips.
   */
  boolean skipped(Statement statement) {
    return statement.operation() instanceof RawSql raw && !raw.dialect().equals(dialect.id());
  }

  /**
   * A PostgreSQL-only statement as the revision wrote it (line ends normalised to LF), for a
   * dialect that runs them.
   *
   * @throws DiagnosticException E0407 for a dialect without {@link
   *     Capability#POSTGRESQL_STATEMENTS}
   */
  private String asWritten(Statement statement, Operation.PostgresOnly operation, Site site)
      throws DiagnosticException {
    if (!dialect.has(Capability.POSTGRESQL_STATEMENTS)) {
      throw site.error(
          "E0407",
          operation.kind() + " is a PostgreSQL-only statement, with no meaning in " + dialect.id(),
          "help: write what it should do in " + dialect.id() + " between '-- +dialect "
              + dialect.id() + "' and '-- +end' lines, and put this statement between '-- +dialect"
              + " postgresql' and '-- +end' lines");
    }
    return statement.text().replace("\r\n", "\n").replace('\r', '\n');
  }

  private String createIndex(CreateIndex index, Site site) throws DiagnosticException {
    if (index.ifNotExists() && index.name().isEmpty()) {
      throw site.error(
          "E0402",
          "CREATE INDEX IF NOT EXISTS needs an index name",
          "note: " + dialect.id() + " can only test for an index by its name");
    }
    if (index.concurrently()
        || index.method().isPresent()
        || index.only()
        || index.nullsNotDistinct()
        || !index.options().isEmpty()
        || index.elements().stream().anyMatch(IndexKeySql::needed)) {
      return new CreateIndexSql(
              index.name().map(SqlContext::name),
              SqlContext.name(index.table()),
              index.only(),
              index.unique(),
              index.concurrently(),
              index.ifNotExists(),
              index.method(),
              index.elements().stream()
                  .map(e -> IndexKeySql.needed(e) ? keys.key(e) : sql.render(indexKey(e)))
                  .toList(),
              index.include().stream().map(SqlContext::name).toList(),
              index.nullsNotDistinct(),
              keys.with(index.options()),
              index.where().map(expressions::text))
          .render(sql);
    }
    CreateIndexStep start = createIndexStart(index);
    CreateIndexIncludeStep on =
        start.on(
            table(index.table()),
            index.elements().stream().map(this::indexKey).toArray(OrderField<?>[]::new));
    var include =
        index.include().isEmpty()
            ? on
            : on.include(index.include().stream().map(c -> DSL.field(SqlContext.name(c))).toList());
    Query query =
        index.where().isPresent()
            ? include.where(expressions.condition(index.where().get()))
            : include;
    return sql.render(query);
  }

  private CreateIndexStep createIndexStart(CreateIndex index) {
    if (index.name().isEmpty()) {
      return index.unique() ? sql.dsl().createUniqueIndex() : sql.dsl().createIndex();
    }
    Name name = SqlContext.name(index.name().get());
    if (index.ifNotExists()) {
      return index.unique()
          ? sql.dsl().createUniqueIndexIfNotExists(name)
          : sql.dsl().createIndexIfNotExists(name);
    }
    return index.unique() ? sql.dsl().createUniqueIndex(name) : sql.dsl().createIndex(name);
  }

  /**
   * A column key, or an expression key in the parentheses PostgreSQL requires around it, with its
   * order and nulls order.
   */
  private OrderField<?> indexKey(IndexElement element) {
    Field<Object> key =
        element.column().isPresent()
            ? DSL.field(SqlContext.name(element.column().get()))
            : DSL.field(DSL.raw("(" + expressions.text(element.expression().get()) + ")"));
    OrderField<?> ordered = switch (element.order()) {
      case DEFAULT -> key;
      case ASC -> key.asc();
      case DESC -> key.desc();
    };
    SortField<?> sorted = ordered instanceof SortField<?> field ? field : key.sortDefault();
    return switch (element.nulls()) {
      case DEFAULT -> ordered;
      case FIRST -> sorted.nullsFirst();
      case LAST -> sorted.nullsLast();
    };
  }

  private String dropIndex(DropIndex drop) {
    if (drop.concurrently()
        || drop.indexes().size() > 1
        || drop.indexes().getFirst().schema().isPresent()) {
      return DropIndexSql.render(
          sql,
          drop.indexes().stream().map(SqlContext::name).toList(),
          drop.concurrently(),
          drop.ifExists(),
          drop.cascade());
    }
    Name index = SqlContext.name(drop.indexes().getFirst());
    var step = drop.ifExists() ? sql.dsl().dropIndexIfExists(index) : sql.dsl().dropIndex(index);
    return sql.render(drop.cascade() ? step.cascade() : step);
  }

  /** jOOQ for an unqualified index; {@link TableFormSql#renameIndex}, keeping the schema, else. */
  private String renameIndex(Operation.RenameIndex rename) {
    Name index = SqlContext.name(rename.index());
    Name newName = SqlContext.name(rename.newName());
    if (rename.index().schema().isPresent()) {
      return TableFormSql.renameIndex(sql, index, rename.ifExists(), newName);
    }
    var step =
        rename.ifExists() ? sql.dsl().alterIndexIfExists(index) : sql.dsl().alterIndex(index);
    return sql.render(step.renameTo(newName));
  }

  private String insert(Insert insert, Site site) throws DiagnosticException {
    List<Name> columns = insert.columns().stream().map(SqlContext::name).toList();
    return switch (insert.source()) {
      case Operation.InsertSource.Query query ->
          InsertSelectSql.render(
              sql,
              SqlContext.name(insert.table()),
              columns,
              expressions.text(query.select()),
              insert.onConflictDoNothing());
      case Operation.InsertSource.Values values -> insertValues(insert, columns, values, site);
    };
  }

  private String insertValues(
      Insert insert, List<Name> columns, Operation.InsertSource.Values values, Site site)
      throws DiagnosticException {
    checkRows(columns.size(), values.rows(), site);
    Table<?> table = table(insert.table());
    List<? extends Field<?>> fields = columns.stream().map(DSL::field).toList();
    InsertValuesStepN<?> rows = null;
    for (List<Expr> row : values.rows()) {
      List<Field<Object>> cells = row.stream().map(expressions::field).toList();
      if (rows != null) {
        rows = rows.values(cells);
      } else if (fields.isEmpty()) {
        rows = sql.dsl().insertInto(table).values(cells);
      } else {
        rows = sql.dsl().insertInto(table, fields).values(cells);
      }
    }
    return sql.render(insert.onConflictDoNothing() ? rows.onConflictDoNothing() : rows);
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

  private String update(Operation.Update update) {
    Map<Field<?>, Field<?>> assignments = new LinkedHashMap<>();
    update.assignments()
        .forEach(
            a ->
                assignments.put(
                    DSL.field(SqlContext.name(a.column())), expressions.field(a.value())));
    var step = sql.dsl().update(table(update.table())).set(assignments);
    return sql.render(
        update.where().isPresent()
            ? step.where(expressions.condition(update.where().get()))
            : step);
  }

  /**
   * A {@code -- +dialect} block's SQL as written (line breaks normalised to LF, surrounding blank
   * space removed), without a final {@code ;} since the script adds one after every statement.
   * When the last line holds a {@code --} comment, a line break follows it, so that the {@code ;}
   * the script adds is not swallowed by the comment (psql ignores the empty statement this may
   * leave when the block already ended with {@code ;} before its comment). A block that opts in to
   * psql meta-commands always ends with a line break, since a meta-command on its last line would
   * take the {@code ;} as part of its arguments ({@code \set n 42;}).
   */
  private static String raw(RawSql raw) {
    String text =
        raw.sql()
            .replace("\r\n", "\n")
            .replace('\r', '\n')
            .replaceFirst("\\A(?:[ \t]*\n)+", "")
            .stripTrailing();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).stripTrailing();
    }
    boolean ownLine =
        raw.psqlMetaCommands() || text.substring(text.lastIndexOf('\n') + 1).contains("--");
    return ownLine ? text + "\n" : text;
  }

  private static Table<?> table(dev.strata.grammar.ast.QualifiedName name) {
    return DSL.table(SqlContext.name(name));
  }
}
