package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaModel;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final TypeStatements types;
  private final SequenceStatements sequences;
  private final CommentStatements comments;
  private final ViewStatements views;
  private final DmlStatements dml;
  private final IndexKeySql keys;
  private final MysqlStatements mysql;
  private final SqliteStatements sqlite;

  StatementRenderer(Dialect dialect, SqlContext sql) {
    this.dialect = dialect;
    this.sql = sql;
    this.expressions = new Expressions(dialect, sql);
    this.keys = new IndexKeySql(sql, expressions);
    this.tables = new TableStatements(sql, expressions, keys);
    this.types = new TypeStatements(sql);
    this.sequences = new SequenceStatements(sql);
    this.comments = new CommentStatements(sql, expressions);
    this.views = new ViewStatements(sql, expressions);
    this.dml = new DmlStatements(sql, expressions);
    this.mysql = new MysqlStatements(dialect, sql, expressions);
    this.sqlite = new SqliteStatements(sql, expressions, this);
  }

  /**
   * The statement's SQL, in order: usually one statement, several for a multi-action
   * {@code ALTER TABLE} or an identity declared {@code ALWAYS}, none for a {@code -- +dialect} block
   * of another dialect.
   *
   * @param before the schema model right before the statement (what MySQL's {@code MODIFY COLUMN}
   *     and SQLite's table rebuild restate); {@link SchemaModel#empty()} for PostgreSQL
   * @throws DiagnosticException (E04xx) when the statement cannot be rendered for this dialect
   */
  List<String> render(Statement statement, SourceFile source, SchemaModel before)
      throws DiagnosticException {
    return render(statement, source, before, before);
  }

  /**
   * {@link #render(Statement, SourceFile, SchemaModel)} with the schema model right after the
   * statement too ({@code after}): the names PostgreSQL gives what the statement creates without
   * one (which MySQL's statements write out), the columns it leaves, as MySQL's {@code MODIFY
   * COLUMN} restates them, and the table SQLite's rebuild restates.
   */
  List<String> render(Statement statement, SourceFile source, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    if (dialect != Dialect.POSTGRESQL) {
      statement = viewRenamedAsTable(statement, before);
    }
    Site site = new Site(source, statement.span());
    DefinedNames.check(statement.operation(), dialect, site);
    DefinedNames.checkCase(statement.operation(), dialect, after, site);
    Optional<List<String>> own = switch (dialect) {
      case POSTGRESQL -> Optional.empty();
      case MYSQL, MARIADB -> mysql.render(statement, site, before, after);
      case SQLITE -> sqlite.render(statement, site, before, after);
    };
    if (own.isPresent()) {
      return own.get();
    }
    return shared(statement, site, before);
  }

  /**
   * {@code ALTER TABLE v RENAME TO w} of a view (which PostgreSQL takes, as it takes most {@code
   * ALTER TABLE} forms for views) as the {@code ALTER VIEW v RENAME TO w} it is: the other
   * dialects rename a view their own way ({@code RENAME TABLE}, or SQLite's drop and create),
   * with the same checks of the views that read it. Any other statement as it is.
   */
  private static Statement viewRenamedAsTable(Statement statement, SchemaModel before) {
    if (statement.operation() instanceof Operation.AlterTable alter && alter.actions().size() == 1
        && alter.actions().getFirst()
            instanceof dev.strata.grammar.ast.AlterAction.RenameTable rename) {
      dev.strata.compiler.schema.ObjectName name =
          dev.strata.compiler.schema.ObjectName.of(alter.table());
      dev.strata.compiler.schema.View view = before.views().get(name);
      if (view != null && !view.materialized() && before.table(name).isEmpty()) {
        return new Statement(new Operation.AlterView(alter.table(), alter.ifExists(),
            new dev.strata.grammar.ast.ViewDefinition.Change.RenameTo(rename.newName())),
            statement.noTransaction(), statement.span(), statement.text(), statement.dialects());
      }
    }
    return statement;
  }

  /**
   * The statement's SQL by the path every dialect shares (jOOQ with the dialect's {@link
   * org.jooq.SQLDialect}), without a dialect's own rendering: what a dialect's own renderer ({@link
   * SqliteStatements}) calls for a statement it has rewritten into a form the shared path renders
   * right.
   *
   * @throws DiagnosticException (E04xx) when the statement cannot be rendered for this dialect
   */
  List<String> shared(Statement statement, Site site) throws DiagnosticException {
    return shared(statement, site, SchemaModel.empty());
  }

  /**
   * {@link #shared(Statement, Site)}, with expressions that see {@code before}: the kinds of the
   * columns they name ({@link ValueKinds}: integer division, a boolean compared with text, an
   * enum's order), the enum types a cast names.
   */
  List<String> shared(Statement statement, Site site, SchemaModel before)
      throws DiagnosticException {
    return switch (statement.operation()) {
      case Operation.CreateTable create -> tables.createTable(create, site);
      case Operation.CreatePartition create -> tables.createPartition(create, site);
      case Operation.CreateTableAs create -> tables.createTableAs(create, site);
      case Operation.DropTable drop -> tables.dropTable(drop);
      case Operation.AlterTable alter -> tables.alterTable(alter, site);
      case CreateIndex index -> List.of(createIndex(index, site, before));
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
      case Insert insert -> List.of(dml(before).insert(insert, site));
      case Operation.Update update -> List.of(dml(before).update(update, site));
      case Operation.Delete delete -> List.of(dml(before).delete(delete, site));
      case Operation.Select select -> List.of(dml(before).select(select, site));
      case Operation.Truncate truncate -> List.of(dml.truncate(truncate));
      case RawSql raw -> raw.dialect().equals(dialect.id()) ? List.of(raw(raw)) : List.of();
      case Operation.CreateView view -> List.of(
          (before.equals(SchemaModel.empty()) ? views
              : new ViewStatements(sql, expressions.with(before))).create(view, site));
      case Operation.DropView drop -> List.of(views.drop(drop));
      case Operation.AlterView alter -> List.of(views.alter(alter));
      case Operation.PostgresOnly.SetSetting set -> {
        requirePostgresStatements(set, site);
        yield List.of(SettingSql.apply(sql, set));
      }
      case Operation.PostgresOnly.ResetSetting reset -> {
        requirePostgresStatements(reset, site);
        yield List.of(SettingSql.reset(sql, reset.name()));
      }
      case Operation.PostgresOnly postgres -> List.of(asWritten(statement, postgres, site));
      case Operation.CreateEnumType create -> List.of(types.createEnumType(create));
      case Operation.AddEnumValue add -> List.of(types.addEnumValue(add));
      case Operation.RenameEnumValue rename -> List.of(types.renameEnumValue(rename));
      case Operation.RenameType rename -> List.of(types.renameType(rename));
      case Operation.DropType drop -> List.of(types.dropType(drop));
      case Operation.CreateSequence create -> List.of(sequences.createSequence(create));
      case Operation.AlterSequence alter -> List.of(sequences.alterSequence(alter));
      case Operation.RenameSequence rename -> List.of(sequences.renameSequence(rename));
      case Operation.DropSequence drop -> List.of(sequences.dropSequence(drop));
      case Operation.CommentOn comment -> List.of(comments.comment(comment, site));
    };
  }

  /**
   * The DML renderer whose expressions see {@code before}: a translation needs the model (the
   * enum types a cast names, the JSON columns a {@code ||} joins); PostgreSQL's expressions are
   * written as they are, whatever the model.
   */
  private DmlStatements dml(SchemaModel before) {
    return before.equals(SchemaModel.empty()) ? dml
        : new DmlStatements(sql, expressions.with(before));
  }

  /**
   * Whether {@code statement} is a {@code -- +dialect} block for another dialect, or a {@code --
   * +only} statement of other dialects, which {@link #render} skips.
   */
  boolean skipped(Statement statement) {
    return !statement.runsOn(dialect.id());
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
    requirePostgresStatements(operation, site);
    return statement.text().replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * @throws DiagnosticException E0407 for a dialect without {@link
   *     Capability#POSTGRESQL_STATEMENTS}
   */
  private void requirePostgresStatements(Operation.PostgresOnly operation, Site site)
      throws DiagnosticException {
    if (!dialect.has(Capability.POSTGRESQL_STATEMENTS)) {
      String id = dialect.id();
      throw site.error(
          "E0407",
          operation.kind() + " is a PostgreSQL-only statement, with no meaning in " + id,
          "help: write what it should do in " + id + " between '-- +dialect "
              + id + "' and '-- +end' lines, and put this statement between '-- +dialect"
              + " postgresql' and '-- +end' lines");
    }
  }

  private String createIndex(CreateIndex index, Site site, SchemaModel before)
      throws DiagnosticException {
    Expressions expressions = this.expressions.with(before).inTableOf(index);
    IndexKeySql keys = new IndexKeySql(sql, expressions);
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
      List<String> elements = new ArrayList<>();
      for (IndexElement element : index.elements()) {
        elements.add(IndexKeySql.needed(element)
            ? keys.key(element, site)
            : sql.render(indexKey(element, site, expressions)));
      }
      return new CreateIndexSql(
              index.name().map(SqlContext::name),
              SqlContext.name(index.table()),
              index.only(),
              index.unique(),
              index.concurrently(),
              index.ifNotExists(),
              index.method(),
              elements,
              index.include().stream().map(SqlContext::name).toList(),
              index.nullsNotDistinct(),
              keys.with(index.options(), site),
              index.where().isPresent()
                  ? Optional.of(expressions.conditionText(index.where().get(), site))
                  : Optional.empty())
          .render(sql);
    }
    CreateIndexStep start = createIndexStart(index);
    List<OrderField<?>> indexKeys = new ArrayList<>();
    for (IndexElement element : index.elements()) {
      indexKeys.add(indexKey(element, site, expressions));
    }
    CreateIndexIncludeStep on =
        start.on(table(index.table()), indexKeys.toArray(OrderField<?>[]::new));
    var include =
        index.include().isEmpty()
            ? on
            : on.include(index.include().stream().map(c -> DSL.field(SqlContext.name(c))).toList());
    Query query =
        index.where().isPresent()
            ? include.where(expressions.condition(index.where().get(), site))
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
  private OrderField<?> indexKey(IndexElement element, Site site, Expressions expressions)
      throws DiagnosticException {
    Field<Object> key =
        element.column().isPresent()
            ? DSL.field(SqlContext.name(element.column().get()))
            : DSL.field(DSL.raw("(" + expressions.text(element.expression().get(), site) + ")"));
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
