package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.NameMentions;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.Statement;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * The statements MySQL and MariaDB render their own way (for {@link Dialect#MYSQL} and {@link
 * Dialect#MARIADB}), before {@link StatementRenderer}'s shared jOOQ path: every {@link Operation}
 * is either rendered here, checked here and left to the shared path (empty), or refused with a
 * diagnostic at the statement that names it and the dialect (E0440-E0449, see {@code
 * docs/dialects.md}, "MySQL and MariaDB: statements"). PostgreSQL-only statements are left to the
 * shared path, which refuses them (E0407).
 */
final class MysqlStatements {
  private final Dialect dialect;
  private final SqlContext sql;
  private final Expressions expressions;
  private final MysqlRules rules;
  private final SequenceStatements sequences;

  MysqlStatements(Dialect dialect, SqlContext sql, Expressions expressions) {
    this.dialect = dialect;
    this.sql = sql;
    this.expressions = expressions;
    this.rules = new MysqlRules(dialect);
    this.sequences = new SequenceStatements(sql);
  }

  /**
   * Refuses an {@code UPDATE} whose {@code SET} reads a column it assigns to the left of the read
   * ({@code SET a = b, b = a}): MySQL reads the new value there, PostgreSQL the old one
   * ({@link Capability#SIMULTANEOUS_ASSIGNMENT}). A read is a mention of the column's name in a
   * later expression ({@link SqliteAlter#mentions}: a false hit only refuses a statement that
   * would have run as written).
   *
   * @throws DiagnosticException E0447 at the statement
   */
  private void assignedBeforeRead(Operation.Update update, Site site)
      throws DiagnosticException {
    List<String> assigned = new java.util.ArrayList<>();
    for (Operation.Assignment assignment : update.assignments()) {
      List<String> reads = switch (assignment) {
        case Operation.Assignment.Column column -> texts(List.of(column.value()));
        case Operation.Assignment.Row row -> texts(row.values());
        case Operation.Assignment.RowQuery row -> List.of(row.query().sql());
      };
      for (String earlier : assigned) {
        if (reads.stream().anyMatch(sql -> NameMentions.mentions(sql, earlier))) {
          throw rules.refuse(site, "E0447", "UPDATE ... SET that reads " + earlier
                  + " after assigning it", dialect.id() + " reads the value just assigned"
                  + " where PostgreSQL reads the row's old value",
              "help: assign " + earlier + " last, or write the statement in a '-- +dialect "
                  + dialect.id() + "' block");
        }
      }
      assignment.columns().forEach(c -> assigned.add(ObjectName.fold(c)));
    }
  }

  private static List<String> texts(List<Operation.AssignedValue> values) {
    List<String> out = new java.util.ArrayList<>();
    for (Operation.AssignedValue value : values) {
      switch (value) {
        case Operation.AssignedValue.Expression expression -> out.add(expression.expr().sql());
        case Operation.AssignedValue.Default ignored -> {}
      }
    }
    return out;
  }

  /**
   * The statement's SQL when this dialect renders it its own way, else empty.
   *
   * @param before the schema model right before the statement
   * @param after the schema model right after it
   * @throws DiagnosticException (E0440-E0449) when the dialect cannot express the statement
   */
  Optional<List<String>> render(Statement statement, Site site, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    // a CREATE TABLE's or an ALTER TABLE's expressions (a CHECK, a default) name the columns the
    // statement makes: their kinds are in the model after it (ValueKinds)
    boolean makesColumns = statement.operation() instanceof Operation.CreateTable
        || statement.operation() instanceof Operation.AlterTable;
    return new Rendering(makesColumns ? after : before, statement.operation())
        .render(statement, site, before, after);
  }

  /**
   * Refuses (E0445) a {@code CREATE TABLE} or {@code ALTER TABLE} that leaves a foreign key with
   * {@code ON DELETE SET NULL} or {@code ON UPDATE SET NULL} on a {@code NOT NULL} column of the
   * table, where there was none before: MySQL and MariaDB refuse to make such a key ("Foreign key
   * constraint is incorrectly formed", errno 150) or to make its column {@code NOT NULL};
   * PostgreSQL takes both, and fails only when a referenced row is deleted or updated.
   */
  private void refuseSetNullOnNotNull(Operation operation, Site site, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    Optional<ObjectName> name = operation instanceof Operation.CreateTable create
        ? Optional.of(ObjectName.of(create.table()))
        : operation instanceof Operation.AlterTable alter
            ? Optional.of(ObjectName.of(alter.table()))
            : Optional.empty();
    Optional<Table> table = name.flatMap(after::table);
    if (table.isEmpty()) {
      return;
    }
    Optional<String> now = setNullOnNotNull(table.get());
    if (now.isPresent() && !now.equals(name.flatMap(before::table).flatMap(
        MysqlStatements::setNullOnNotNull))) {
      throw rules.refuse(site, "E0445", now.get(), dialect.id() + " refuses a foreign key that"
          + " sets a NOT NULL column to NULL (\"Foreign key constraint is incorrectly formed\","
          + " errno 150); PostgreSQL takes it and fails when a referenced row goes",
          "help: drop NOT NULL from the column, or choose another ON DELETE / ON UPDATE action");
    }
  }

  /** The first foreign key of {@code table} that sets a NOT NULL column to NULL, described. */
  private static Optional<String> setNullOnNotNull(Table table) {
    for (Constraint constraint : table.constraints()) {
      if (constraint instanceof Constraint.ForeignKey key) {
        for (String column : key.columns()) {
          boolean notNull = table.column(column).filter(Column::notNull).isPresent();
          String action = key.onDelete().filter(ReferentialAction.SET_NULL::equals).isPresent()
              ? "ON DELETE SET NULL"
              : key.onUpdate().filter(ReferentialAction.SET_NULL::equals).isPresent()
                  ? "ON UPDATE SET NULL" : null;
          if (notNull && action != null) {
            return Optional.of("the foreign key " + key.name() + " " + action + " on the NOT NULL"
                + " column " + column);
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * One statement's rendering: the renderers of this package, with expressions that know the
   * model before the statement, or after a {@code CREATE TABLE} or {@code ALTER TABLE} (a cast
   * to one of its enum types keeps the value as text, which the {@code ENUM} column checks).
   * Made per statement, so that {@link MysqlStatements} stays immutable.
   */
  private final class Rendering {
    private final MysqlColumns columns;
    private final MysqlTables tables;
    private final MysqlAlterTable alters;
    private final MysqlIndexes indexes;
    private final DmlStatements dml;

    /**
     * @param model the model the statement's expressions are read by
     * @param operation the statement, whose own table its expressions name ({@link
     *     Expressions#inTableOf})
     */
    Rendering(SchemaModel model, Operation operation) {
      Expressions withModel = expressions.with(model).inTableOf(operation);
      this.columns = new MysqlColumns(dialect, sql, withModel);
      this.tables = new MysqlTables(rules, sql, withModel, columns);
      this.alters = new MysqlAlterTable(rules, sql, columns, tables);
      this.indexes = new MysqlIndexes(rules, sql, withModel, columns, tables);
      this.dml = new DmlStatements(sql, withModel);
    }

    Optional<List<String>> render(Statement statement, Site site, SchemaModel before,
        SchemaModel after) throws DiagnosticException {
      refuseSetNullOnNotNull(statement.operation(), site, before, after);
      return switch (statement.operation()) {
        case Operation.CreateTable create ->
            Optional.of(tables.createTable(create, site, before, after));
        case Operation.CreatePartition create -> throw rules.refuse(site, "E0440",
            "CREATE TABLE ... PARTITION OF", "PostgreSQL's declarative partitions have no"
                + " counterpart here");
        case Operation.CreateTableAs create -> {
          tables.refuseCreateTableAs(create, site);
          yield Optional.empty();
        }
        case Operation.DropTable drop -> tables.dropTable(drop, site, before);
        case Operation.AlterTable alter ->
            Optional.of(alters.alterTable(alter, site, before, after));
        case Operation.CreateIndex index -> indexes.createIndex(index, site, before, after);
        case Operation.DropIndex drop -> Optional.of(indexes.dropIndex(drop, site, before));
        case Operation.RenameIndex rename -> Optional.of(indexes.renameIndex(rename, site, before));
        case Operation.CreateSchema create -> throw schemas(site, "CREATE SCHEMA");
        case Operation.DropSchema drop -> throw schemas(site, "DROP SCHEMA");
        case Operation.Insert insert -> {
          rules.unqualified(insert.table(), site);
          refuseDml(site, "INSERT", insert.with().isPresent(), insert.returning().isPresent());
          if (insert.overriding().isPresent() || insert.alias().isPresent()) {
            throw rules.refuse(site, "E0447", insert.alias().isPresent() ? "INSERT INTO ... AS"
                    + " alias" : "INSERT ... OVERRIDING", dialect.id() + " has no such form");
          }
          yield insert.onConflict().isPresent()
              ? Optional.of(List.of(onConflict(insert, site, before)))
              : Optional.empty();
        }
        case Operation.Update update -> {
          rules.unqualified(update.table(), site);
          refuseDml(site, "UPDATE", update.with().isPresent(), update.returning().isPresent());
          if (update.from().isPresent()) {
            throw rules.refuse(site, "E0447", "UPDATE ... FROM", dialect.id() + " joins in the"
                    + " table list instead (UPDATE t JOIN f ON ... SET t.c = ...), where an"
                    + " unqualified column of SET may name the other table's column",
                "help: write the statement in a '-- +dialect " + dialect.id() + "' block as a"
                    + " multi-table UPDATE");
          }
          if (!dialect.has(Capability.SIMULTANEOUS_ASSIGNMENT)) {
            assignedBeforeRead(update, site);
          }
          yield Optional.empty();
        }
        case Operation.Delete delete -> {
          rules.unqualified(delete.table(), site);
          refuseDml(site, "DELETE", delete.with().isPresent(), delete.returning().isPresent());
          if (delete.using().isPresent() || delete.alias().isPresent()) {
            throw rules.refuse(site, "E0447", delete.using().isPresent() ? "DELETE ... USING"
                    : "DELETE FROM ... AS alias", dialect.id() + " writes it as a multi-table"
                    + " DELETE (DELETE t FROM t JOIN ...)",
                "help: write the statement in a '-- +dialect " + dialect.id() + "' block");
          }
          yield Optional.empty();
        }
        case Operation.Select select -> Optional.empty();
        case Operation.Truncate truncate -> Optional.of(truncate(truncate, site, before));
        case Operation.RawSql raw -> Optional.empty();
        case Operation.CreateView view -> {
          rules.unqualified(view.view(), site);
          if (view.temporary() || view.recursive() || !view.definition().options().isEmpty()) {
            throw rules.refuse(site, "E0440", "CREATE " + (view.temporary() ? "TEMPORARY VIEW"
                : view.recursive() ? "RECURSIVE VIEW" : "VIEW ... WITH (options)"),
                dialect.id() + " has no such view form");
          }
          yield Optional.empty();
        }
        case Operation.DropView drop -> dropView(drop, site, before);
        case Operation.AlterView alter -> Optional.of(alterView(alter, site, before));
        case Operation.PostgresOnly postgres -> Optional.empty();
        // an enum type is spelled inline in each column of the type: nothing to create or rename
        case Operation.CreateEnumType create -> {
          rules.unqualified(create.type(), site);
          yield Optional.of(List.of());
        }
        case Operation.AddEnumValue add -> Optional.of(addEnumValue(add, site, before, after));
        case Operation.RenameEnumValue rename -> throw rules.refuse(site, "E0448",
            "ALTER TYPE ... RENAME VALUE", "an enum column converts its values by name, so the"
                + " column would lose the values it holds under the old name",
            "help: add the new value, UPDATE the columns from the old value to the new one, then"
                + " leave the old value unused");
        case Operation.RenameType rename -> Optional.of(List.of());
        case Operation.DropType drop -> Optional.of(dropType(drop, site, before));
        case Operation.CreateSequence create -> {
          // a MariaDB sequence is a BIGINT one: AS BIGINT says what it is anyway; OWNED BY is
          // the model's, which drops the sequence with its column (MysqlTables.ownedSequences)
          List<SequenceOption> options = create.options().stream()
              .filter(o -> !(o instanceof SequenceOption.As as
                  && as.type().kind() == dev.strata.grammar.ast.DataType.Kind.BIGINT
                  && !as.type().isArray()))
              .filter(o -> !(o instanceof SequenceOption.OwnedBy))
              .toList();
          sequence(site, "CREATE SEQUENCE", create.sequence(), options);
          yield options.size() == create.options().size()
              ? Optional.empty()
              : Optional.of(List.of(sequences.createSequence(new Operation.CreateSequence(
                  create.sequence(), create.ifNotExists(), options))));
        }
        case Operation.AlterSequence alter -> {
          List<SequenceOption> options = alter.options().stream()
              .filter(o -> !(o instanceof SequenceOption.OwnedBy)).toList();
          sequence(site, "ALTER SEQUENCE", alter.sequence(), options);
          yield options.size() == alter.options().size() ? Optional.empty()
              : options.isEmpty() ? Optional.of(List.of())
              : Optional.of(List.of(sequences.alterSequence(new Operation.AlterSequence(
                  alter.sequence(), alter.ifExists(), options))));
        }
        case Operation.RenameSequence rename -> {
          sequence(site, "ALTER SEQUENCE ... RENAME TO", rename.sequence(), List.of());
          if (rename.ifExists() && rules.clause(false,
              before.sequences().containsKey(ObjectName.of(rename.sequence())), before,
              "ALTER SEQUENCE IF EXISTS", site) == MysqlRules.Clause.SKIP) {
            yield Optional.of(List.of());
          }
          // MariaDB's sequences are tables: RENAME TABLE renames one
          yield Optional.of(List.of(MysqlObjectSql.renameTable(sql,
              SqlContext.name(rename.sequence()), SqlContext.name(rename.newName()))));
        }
        case Operation.DropSequence drop -> {
          sequence(site, "DROP SEQUENCE", drop.sequences().getFirst(), List.of());
          rules.unqualified(drop.sequences(), site);
          if (drop.cascade()) {
            throw tables.cascade(site, "DROP SEQUENCE ... CASCADE", "the defaults that use the"
                + " sequence");
          }
          yield Optional.empty();
        }
        case Operation.CommentOn comment -> Optional.of(comment(comment, site, after));
      };
    }

    /**
     * {@code INSERT ... ON CONFLICT DO NOTHING} as {@code INSERT ... ON DUPLICATE KEY UPDATE c = c}
     * ({@link MysqlInsertSql}), when a conflict there is the conflict PostgreSQL means: without a
     * target, any unique key's, as in MySQL; with one, when the table has no other unique key.
     *
     * @throws DiagnosticException E0447 for {@code DO UPDATE}, or a target that is not the table's
     *     only unique key
     */
    private String onConflict(Operation.Insert insert, Site site, SchemaModel before)
        throws DiagnosticException {
      Operation.OnConflict conflict = insert.onConflict().get();
      boolean nothing = conflict.action() instanceof Operation.ConflictAction.DoNothing;
      boolean onlyKey = conflict.target().isEmpty() || before.table(ObjectName.of(insert.table()))
          .map(t -> t.constraints().stream().filter(c -> c instanceof dev.strata.compiler.schema
              .Constraint.PrimaryKey || c instanceof dev.strata.compiler.schema.Constraint.Unique)
              .count() + before.indexesOn(t.name()).stream()
              .filter(i -> i.unique()).count() == 1)
          .orElse(false);
      if (!nothing || !onlyKey || insert.columns().isEmpty()) {
        throw rules.refuse(site, "E0447", "INSERT ... ON CONFLICT" + (nothing ? " with a target"
                : " DO UPDATE"), dialect.id() + "'s ON DUPLICATE KEY UPDATE acts on a conflict"
                + " with any unique key of the table, not the one named, and its INSERT IGNORE also"
                + " ignores errors that are no conflict",
            "help: write the statement in a '-- +dialect " + dialect.id() + "' block with"
                + " INSERT ... ON DUPLICATE KEY UPDATE");
      }
      Operation.Insert plain = new Operation.Insert(insert.with(), insert.table(), insert.alias(),
          insert.columns(), insert.overriding(), insert.source(), Optional.empty(),
          insert.returning());
      return MysqlInsertSql.doNothing(sql, dml.insert(plain, site), SqlContext.name(insert.table()),
          SqlContext.name(insert.columns().getFirst()));
    }

    private DiagnosticException schemas(Site site, String what) {
      return rules.refuse(site, "E0440", what, dialect.id() + " has no schemas inside a database"
              + " (a schema there is a database of its own)",
          "help: create the database outside strata; a script runs in the database the "
              + dialect.client() + " command line names");
    }

    /** @throws DiagnosticException E0447 for {@code WITH} before or {@code RETURNING} after DML */
    private void refuseDml(Site site, String what, boolean with, boolean returning)
        throws DiagnosticException {
      if (with || returning) {
        throw rules.refuse(site, "E0447", with ? "WITH ... " + what : what + " ... RETURNING",
            dialect.id() + (with ? " takes WITH before SELECT only" : " has no RETURNING here"));
      }
    }

    /**
     * {@code TRUNCATE TABLE t}, one statement per table: MySQL and MariaDB always restart the
     * table's {@code AUTO_INCREMENT} numbering, as {@code RESTART IDENTITY} does.
     *
     * @throws DiagnosticException E0447 when a table has an auto-incremented column and the
     *     statement does not say {@code RESTART IDENTITY}, for {@code CASCADE}, and for a table a
     *     foreign key references (the servers refuse to truncate it)
     */
    private List<String> truncate(Operation.Truncate truncate, Site site, SchemaModel before)
        throws DiagnosticException {
      List<String> out = new ArrayList<>();
      for (Operation.TruncateTarget target : truncate.tables()) {
        rules.unqualified(target.table(), site);
        ObjectName name = ObjectName.of(target.table());
        Optional<Table> table = before.table(name);
        boolean numbered = table.map(t -> t.columns().stream()
            .anyMatch(MysqlColumns::autoIncrement)).orElse(false);
        if (numbered && truncate.identity() != Operation.TruncateIdentity.RESTART) {
          throw rules.refuse(site, "E0447", "TRUNCATE of " + name.display() + " without RESTART"
                  + " IDENTITY", dialect.id() + "'s TRUNCATE restarts the table's AUTO_INCREMENT"
                  + " numbering, which PostgreSQL continues unless told RESTART IDENTITY",
              "help: write RESTART IDENTITY, or DELETE FROM " + name.display() + " to keep the"
                  + " numbering");
        }
        Optional<String> dependent = MysqlTables.dependent(name, List.of(), before)
            .filter(d -> d.startsWith("the foreign key"));
        if (truncate.cascade() || dependent.isPresent()) {
          throw rules.refuse(site, "E0447", "TRUNCATE of " + name.display()
                  + (truncate.cascade() ? " ... CASCADE" : ""),
              dialect.id() + " refuses to truncate a table that a foreign key references"
                  + dependent.map(d -> " (" + d + ")").orElse(""),
              "help: DELETE FROM the referencing tables, then from this one");
        }
        out.add(sql.render(sql.dsl().truncate(DSL.table(SqlContext.name(target.table())))));
      }
      return out;
    }

    private Optional<List<String>> dropView(Operation.DropView drop, Site site, SchemaModel before)
        throws DiagnosticException {
      rules.unqualified(drop.views(), site);
      if (!drop.cascade()) {
        return Optional.empty();
      }
      List<ObjectName> dropped = drop.views().stream().map(ObjectName::of).toList();
      for (ObjectName view : dropped) {
        Optional<String> dependent = MysqlTables.viewReading(view, dropped, before);
        if (dependent.isPresent()) {
          throw tables.cascade(site, "DROP VIEW ... CASCADE", dependent.get());
        }
      }
      return Optional.of(List.of(ViewStatements.ViewSql.drop(sql, new Operation.DropView(
          drop.views(), drop.ifExists(), false))));
    }

    private List<String> alterView(Operation.AlterView alter, Site site, SchemaModel before)
        throws DiagnosticException {
      rules.unqualified(alter.view(), site);
      return switch (alter.change()) {
        case ViewDefinition.Change.RenameTo rename -> {
          if (alter.ifExists() && rules.clause(false,
              before.views().containsKey(ObjectName.of(alter.view())), before,
              "ALTER VIEW IF EXISTS", site) == MysqlRules.Clause.SKIP) {
            yield List.of();
          }
          // a view over this one keeps its name as written, as for a table
          alters.refuseReadByViews(ObjectName.of(alter.view()), "view", Optional.empty(), before,
              site, "RENAME TO");
          yield List.of(MysqlObjectSql.renameTable(sql, SqlContext.name(alter.view()),
              SqlContext.name(rename.name())));
        }
        case ViewDefinition.Change.RenameColumn rename -> throw rules.refuse(site, "E0440",
            "ALTER VIEW ... RENAME COLUMN", dialect.id() + " renames a view's column only by"
                + " replacing the view",
            "help: CREATE OR REPLACE VIEW with the new column name");
        case ViewDefinition.Change.SetSchema move -> throw rules.refuse(site, "E0440",
            "ALTER VIEW ... SET SCHEMA", dialect.id() + " has no schemas inside a database");
      };
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE}: {@code MODIFY COLUMN} of every column of the type, with the
     * values of the type after the statement, one {@code ALTER TABLE} per table.
     */
    private List<String> addEnumValue(Operation.AddEnumValue add, Site site, SchemaModel before,
        SchemaModel after) throws DiagnosticException {
      rules.unqualified(add.type(), site);
      ObjectName type = ObjectName.of(add.type());
      EnumType values = before.types().get(type);
      if (values != null && values.values().contains(add.value()) && add.ifNotExists()) {
        return List.of();
      }
      if (after.types().get(type) == null) {
        throw tables.missing(site, "enum type " + type.display());
      }
      // a check or view that orders the values keeps the positions written for it
      Optional<String> stale = MovedLabels.stale(type, expressions, true, before, after, site);
      if (stale.isPresent()) {
        throw rules.refuse(site, "E0448", "ALTER TYPE ... ADD VALUE",
            stale.get() + " orders the values of " + type.display() + " by the positions of"
                + " their labels, which the new label moves, and " + dialect.id() + " keeps the"
                + " positions it was given",
            "help: drop it before ADD VALUE and create it again after, or add the label at the"
                + " end");
      }
      return modifyColumnsOfType(type, site, after);
    }

    /** {@code MODIFY COLUMN} of each column whose type is {@code type}, as in {@code model}. */
    private List<String> modifyColumnsOfType(ObjectName type, Site site, SchemaModel model)
        throws DiagnosticException {
      Map<Table, List<Column>> uses = usesOf(type, model);
      List<String> out = new ArrayList<>();
      for (Map.Entry<Table, List<Column>> use : uses.entrySet()) {
        Name table = MysqlTables.name(use.getKey().name().name());
        List<String> definitions = new ArrayList<>();
        for (Column column : use.getValue()) {
          definitions.add(columns.definition(MysqlTables.name(column.name()), column, model, site));
        }
        out.add(MysqlRules.restated(MysqlAlterSql.modifyColumns(sql, table, definitions), model));
      }
      return out;
    }

    /** The columns of type {@code type}, by table, in the model's order. */
    private static Map<Table, List<Column>> usesOf(ObjectName type, SchemaModel model) {
      Map<Table, List<Column>> uses = new LinkedHashMap<>();
      for (Table table : model.typeUsers(type)) {
        for (Column column : table.columns()) {
          if (column.type().named().map(n -> ObjectName.of(n.name())).filter(type::equals)
              .isPresent()) {
            uses.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
          }
        }
      }
      return uses;
    }

    private List<String> dropType(Operation.DropType drop, Site site, SchemaModel before)
        throws DiagnosticException {
      rules.unqualified(drop.types(), site);
      for (QualifiedName type : drop.types()) {
        Map<Table, List<Column>> uses = usesOf(ObjectName.of(type), before);
        if (!uses.isEmpty()) {
          Map.Entry<Table, List<Column>> first = uses.entrySet().iterator().next();
          throw tables.cascade(site, "DROP TYPE " + ObjectName.of(type).display()
              + (drop.cascade() ? " ... CASCADE" : ""), "the column "
              + ObjectName.quoted(first.getValue().getFirst().name()) + " of table "
              + first.getKey().name().display());
        }
      }
      return List.of();
    }

    /**
     * Checks a sequence statement: MySQL has no sequences; MariaDB's are BIGINT ones, without
     * another {@code AS type}. Empty: the shared path renders it.
     */
    private Optional<List<String>> sequence(Site site, String what, QualifiedName name,
        List<SequenceOption> options) throws DiagnosticException {
      rules.unqualified(name, site);
      if (!dialect.has(Capability.SEQUENCES)) {
        throw rules.refuse(site, "E0440", what, dialect.id() + " has no sequences",
            "help: number rows with an identity column (AUTO_INCREMENT), or write the statement"
                + " in a '-- +dialect " + dialect.id() + "' block");
      }
      for (SequenceOption option : options) {
        if (option instanceof SequenceOption.As) {
          throw rules.refuse(site, "E0440", what + " ... AS type",
              dialect.id() + "'s sequences are BIGINT ones");
        }
      }
      return Optional.empty();
    }

    /**
     * {@code COMMENT ON TABLE} as {@code ALTER TABLE t COMMENT = '...'} (jOOQ), {@code COMMENT ON
     * COLUMN} as {@code MODIFY COLUMN} with the column's whole definition and its new comment; {@code
     * IS NULL} is the empty comment, which is none.
     */
    private List<String> comment(Operation.CommentOn comment, Site site, SchemaModel after)
        throws DiagnosticException {
      rules.unqualified(comment.object(), site);
      return switch (comment.kind()) {
        case TABLE -> List.of(sql.render(sql.dsl().commentOnTable(SqlContext.name(comment.object()))
            .is(comment.text().orElse(""))));
        case COLUMN -> {
          ObjectName name = ObjectName.of(comment.object());
          Table table = after.table(name).orElseThrow(() -> tables.missing(site, "table "
              + name.display()));
          String folded = ObjectName.fold(comment.column().get());
          Column column = table.column(folded).orElseThrow(() -> tables.missing(site, "column "
              + ObjectName.quoted(folded) + " of table " + name.display()));
          yield List.of(MysqlRules.restated(MysqlAlterSql.modifyColumn(sql,
              SqlContext.name(comment.object()),
              columns.definition(SqlContext.name(comment.column().get()), column, after, site)),
              after));
        }
        case INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE, TYPE, DOMAIN, SCHEMA, EXTENSION, FUNCTION,
            PROCEDURE, TRIGGER, CONSTRAINT, POLICY -> throw rules.refuse(site, "E0448",
            "COMMENT ON " + comment.kind().keywords(), dialect.id() + " keeps comments on tables"
                + " and columns only (and on indexes, given when the index is created)",
            "help: leave the comment out of the " + dialect.id() + " script with a '-- +dialect "
                + "postgresql' block, or keep it in a SQL comment");
      };
    }
  }
}
