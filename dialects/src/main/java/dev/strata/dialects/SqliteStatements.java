package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ModelOperations;
import dev.strata.compiler.schema.NameMentions;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.Statement;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * The statements SQLite renders its own way (for {@link Dialect#SQLITE}), before {@link
 * StatementRenderer}'s shared jOOQ path: each operation is rendered here, rewritten into a form the
 * shared path renders right for SQLite ({@link SqliteTables}), or refused with a diagnostic that
 * names the statement and the dialect; empty for a statement the shared path renders as it is.
 * {@code docs/dialects.md} ("SQLite: statements and the table rebuild") describes every choice.
 *
 * <p>What SQLite lacks in {@code ALTER TABLE} is a table rebuild ({@link SqliteAlter}, {@link
 * SqliteRebuild}). {@code CONCURRENTLY} is left out of {@code CREATE/DROP INDEX}: it is a
 * PostgreSQL locking hint (build without blocking writes) with no meaning in SQLite, whose one
 * writer holds the database anyway; so are an index's {@code INCLUDE} columns, storage parameters
 * and {@code NULLS FIRST/LAST}, which only tune PostgreSQL's use of the index. Enum types exist only
 * in the schema model: their columns are {@code TEXT} with a {@code CHECK}, so {@code CREATE TYPE},
 * {@code ALTER TYPE ... RENAME TO} and {@code DROP TYPE} render nothing, and a new or renamed value
 * rebuilds the tables whose checks list the values.
 *
 * <p>Diagnostics: E0450 a statement or clause SQLite cannot express; E0451 a change that needs the
 * schema model (a table rebuild, a renamed index or view) where the model does not know the
 * object; E0452 script options (see {@link SqliteFraming}).
 */
final class SqliteStatements {
  private final SqlContext sql;
  private final Expressions expressions;
  private final StatementRenderer renderer;
  private final SqliteAlter alter;

  SqliteStatements(SqlContext sql, Expressions expressions, StatementRenderer renderer) {
    this.sql = sql;
    this.expressions = expressions;
    this.renderer = renderer;
    this.alter = new SqliteAlter(sql, expressions, this);
  }

  /**
   * The statement's SQL when this dialect renders it its own way, else empty.
   *
   * @param before the schema model right before the statement
   * @param after the schema model right after it
   * @throws DiagnosticException E0450, E0451 when the dialect cannot express the statement
   */
  Optional<List<String>> render(Statement statement, Site site, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    return switch (statement.operation()) {
      // its checks and defaults name its own columns: their kinds are in the model after it
      case Operation.CreateTable create -> own(List.of(
          new SqliteTableSql(sql, expressions.inTableOf(create), after)
              .createTable(SqliteTables.normalize(create, site), site)));
      case Operation.CreatePartition create -> throw refuse(site, "CREATE TABLE ... PARTITION OF",
          "SQLite has no partitioned tables");
      case Operation.CreateTableAs create -> own(createTableAs(create, site, before));
      case Operation.DropTable drop -> own(dropTable(drop, site, before));
      case Operation.AlterTable change -> own(alter.render(change, site, before, after));
      case Operation.CreateIndex index ->
          own(shared(index(named(index, before, after), site), site, before));
      case Operation.DropIndex drop -> own(dropIndex(drop, site));
      case Operation.RenameIndex rename -> own(renameIndex(rename, site, before, after));
      case Operation.CreateSchema create -> throw refuse(site, "CREATE SCHEMA",
          "SQLite has no schemas (its other databases are files attached by name)");
      case Operation.DropSchema drop -> throw refuse(site, "DROP SCHEMA",
          "SQLite has no schemas (its other databases are files attached by name)");
      case Operation.Insert insert -> {
        requireQueries(insert.with(), site);
        if (insert.source() instanceof Operation.InsertSource.Values values
            && values.rows().stream().flatMap(List::stream)
                .anyMatch(v -> v.sql().strip().equalsIgnoreCase("DEFAULT"))) {
          throw refuse(site, "DEFAULT in VALUES", "SQLite has no DEFAULT there (a syntax error)"
              + "; leave the column out of the column list, or write its default value");
        }
        yield insert(insert, site, before);
      }
      case Operation.Update update -> {
        requireLocal(update.table(), site);
        requireQueries(update.with(), site);
        for (Operation.Assignment assignment : update.assignments()) {
          List<Operation.AssignedValue> values = switch (assignment) {
            case Operation.Assignment.Column column -> List.of(column.value());
            case Operation.Assignment.Row row -> row.values();
            case Operation.Assignment.RowQuery row -> List.of();
          };
          if (values.stream().anyMatch(Operation.AssignedValue.Default.class::isInstance)) {
            throw refuse(site, "UPDATE ... SET column = DEFAULT", "SQLite has no DEFAULT there"
                + " (jOOQ writes NULL); write the column's default value");
          }
        }
        yield Optional.empty();
      }
      case Operation.Delete delete -> {
        requireLocal(delete.table(), site);
        requireQueries(delete.with(), site);
        if (delete.using().isPresent()) {
          throw refuse(site, "DELETE ... USING",
              "SQLite has no USING list in DELETE; write WHERE ... IN (SELECT ...) instead");
        }
        yield Optional.empty();
      }
      case Operation.Select select -> {
        requireQueries(select.with(), site);
        yield Optional.empty();
      }
      case Operation.Truncate truncate -> own(truncate(truncate, site, before));
      case Operation.RawSql raw -> Optional.empty();
      case Operation.CreateView view -> own(createView(view, site, before));
      case Operation.DropView drop -> own(dropView(drop, site, before));
      case Operation.AlterView change -> own(alterView(change, site, before, after));
      // the shared path refuses them (E0407) or renders the SET the script makes
      case Operation.PostgresOnly postgres -> Optional.empty();
      case Operation.CreateEnumType create -> own(List.of());
      case Operation.AddEnumValue add -> own(alter.enumValues(add.type(), Optional.empty(), site,
          before, after));
      case Operation.RenameEnumValue rename -> own(alter.enumValues(rename.type(),
          Optional.of(rename), site, before, after));
      case Operation.RenameType rename -> own(List.of());
      case Operation.DropType drop -> own(dropType(drop, site, before));
      case Operation.CreateSequence create -> throw sequences(site, "CREATE SEQUENCE");
      case Operation.AlterSequence change -> throw sequences(site, "ALTER SEQUENCE");
      case Operation.RenameSequence rename -> throw sequences(site, "ALTER SEQUENCE ... RENAME");
      case Operation.DropSequence drop -> throw sequences(site, "DROP SEQUENCE");
      case Operation.CommentOn comment -> throw refuse(site,
          "COMMENT ON " + comment.kind().keywords(), "SQLite keeps no comments on objects");
    };
  }

  private static Optional<List<String>> own(List<String> statements) {
    return Optional.of(statements);
  }

  /** {@code operation} by the shared path, as if written at {@code site}. */
  List<String> shared(Operation operation, Site site) throws DiagnosticException {
    return renderer.shared(new Statement(operation, false, site.span(), ""), site);
  }

  /**
   * {@code operation} by the shared path, as if written at {@code site}, its expressions
   * translated with {@code model} (the kinds of the columns they name: {@link ValueKinds}).
   */
  List<String> shared(Operation operation, Site site, SchemaModel model)
      throws DiagnosticException {
    return renderer.shared(new Statement(operation, false, site.span(), ""), site, model);
  }

  // ---- tables

  /**
   * {@code CREATE TABLE t AS SELECT * FROM (query)}, built by jOOQ; {@code WITH NO DATA} as jOOQ
   * writes it for SQLite ({@code WHERE 1 = 0}).
   */
  private List<String> createTableAs(Operation.CreateTableAs create, Site site,
      SchemaModel before) throws DiagnosticException {
    requireLocal(create.table(), site);
    if (!create.options().isEmpty()) {
      throw refuse(site, "CREATE TABLE ... WITH (storage parameters)",
          "SQLite has no storage parameters");
    }
    Name table = SqlContext.name(create.table());
    var query = DSL.select(DSL.asterisk())
        .from(DSL.table(DSL.raw("(" + expressions.with(before).query(create.query(), site)
            + ")")));
    var start = create.ifNotExists()
        ? sql.dsl().createTableIfNotExists(table) : sql.dsl().createTable(table);
    var as = start.as(query);
    return List.of(sql.render(create.withData() ? as : as.withNoData()));
  }

  /**
   * One {@code DROP TABLE} per table (SQLite drops one per statement); {@code CASCADE} only when
   * nothing depends on the table in the model, where it drops nothing more.
   */
  private List<String> dropTable(Operation.DropTable drop, Site site, SchemaModel before)
      throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (QualifiedName name : drop.tables()) {
      requireLocal(name, site);
      if (drop.cascade()) {
        requireNoDependents(ObjectName.of(name), "DROP TABLE ... CASCADE", site, before, true);
      }
      Name table = SqlContext.name(name);
      out.add(sql.render(drop.ifExists()
          ? sql.dsl().dropTableIfExists(table) : sql.dsl().dropTable(table)));
    }
    return out;
  }

  /**
   * @throws DiagnosticException E0450 when, in the model, another table's foreign key references
   *     {@code table} ({@code foreignKeys}) or a view reads it: what {@code CASCADE} would drop
   *     and SQLite cannot
   */
  private static void requireNoDependents(ObjectName table, String what, Site site,
      SchemaModel before, boolean foreignKeys) throws DiagnosticException {
    if (foreignKeys) {
      for (Table other : before.referencing(table)) {
        for (Constraint c : other.constraints()) {
          if (c instanceof Constraint.ForeignKey fk && fk.references().equals(table)
              && !other.name().equals(table)) {
            throw refuse(site, what, "SQLite cannot drop the foreign key " + fk.name()
                + " of table " + other.name().display() + " with it");
          }
        }
      }
    }
    Optional<View> reader = References.readers(table, before).stream().findFirst();
    if (reader.isPresent()) {
      throw refuse(site, what, "SQLite cannot drop the view " + reader.get().name().display()
          + " that reads " + table.display() + " with it");
    }
  }

  /**
   * {@code TRUNCATE} as {@code DELETE FROM} each table; with {@code CASCADE}, the tables whose
   * foreign keys reference them (in the model, all the way down) too, the referencing ones first;
   * {@code RESTART IDENTITY} starts the numbering of an {@code AUTOINCREMENT} table again.
   */
  private List<String> truncate(Operation.Truncate truncate, Site site, SchemaModel before)
      throws DiagnosticException {
    java.util.LinkedHashSet<ObjectName> tables = new java.util.LinkedHashSet<>();
    for (Operation.TruncateTarget target : truncate.tables()) {
      requireLocal(target.table(), site);
      tables.add(ObjectName.of(target.table()));
    }
    boolean grew = truncate.cascade();
    while (grew) {
      grew = false;
      for (Table table : before.tables().values()) {
        if (!tables.contains(table.name()) && referencesAny(table, tables)) {
          tables.add(table.name());
          grew = true;
        }
      }
    }
    List<ObjectName> order = new ArrayList<>();
    java.util.LinkedHashSet<ObjectName> left = new java.util.LinkedHashSet<>(tables);
    while (!left.isEmpty()) {
      ObjectName next = left.stream()
          .filter(t -> left.stream().noneMatch(other -> !other.equals(t)
              && before.table(other).filter(o -> referencesAny(o, java.util.Set.of(t)))
                  .isPresent()))
          .findFirst().orElse(left.iterator().next());
      order.add(next);
      left.remove(next);
    }
    List<String> out = new ArrayList<>();
    for (ObjectName name : order) {
      Name table = SqlContext.name(ModelOperations.identifier(name.name()));
      out.add(sql.render(sql.dsl().deleteFrom(DSL.table(table))));
      boolean numbered = before.table(name).map(SqliteRebuild::numbered).orElse(false);
      if (truncate.identity() == Operation.TruncateIdentity.RESTART && numbered) {
        out.add(SqliteRebuild.restartNumbering(sql, table));
      }
    }
    return out;
  }

  private static boolean referencesAny(Table table, java.util.Set<ObjectName> tables) {
    return table.constraints().stream().anyMatch(c -> c instanceof Constraint.ForeignKey fk
        && tables.contains(fk.references()) && !fk.references().equals(table.name()));
  }

  private Optional<List<String>> insert(Operation.Insert insert, Site site, SchemaModel before)
      throws DiagnosticException {
    requireLocal(insert.table(), site);
    if (insert.onConflict().isPresent()
        && insert.onConflict().get().target().orElse(null)
            instanceof Operation.ConflictTarget.Constraint) {
      throw refuse(site, "INSERT ... ON CONFLICT ON CONSTRAINT",
          "SQLite names the conflict by its columns only: write ON CONFLICT (columns)");
    }
    if (insert.overriding().isEmpty()) {
      return Optional.empty();
    }
    if (insert.overriding().get() == Operation.Overriding.USER_VALUE) {
      throw refuse(site, "INSERT ... OVERRIDING USER VALUE",
          "SQLite cannot ignore the values given for its INTEGER PRIMARY KEY column");
    }
    // OVERRIDING SYSTEM VALUE: SQLite always takes the value given for its numbered column
    return own(shared(new Operation.Insert(insert.with(), insert.table(), insert.alias(),
        insert.columns(), Optional.empty(), insert.source(), insert.onConflict(),
        insert.returning()), site, before));
  }

  /**
   * @throws DiagnosticException E0450 for a {@code WITH} query that changes data: SQLite's common
   *     table expressions are queries only
   */
  private static void requireQueries(Optional<Operation.With> with, Site site)
      throws DiagnosticException {
    if (with.isEmpty()) {
      return;
    }
    for (Operation.CommonTableExpression query : with.get().queries()) {
      String first = query.body().sql().strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
      if (List.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(first)) {
        throw refuse(site, query.body().span(), "WITH " + query.name().value() + " AS ("
            + first + " ...)", "SQLite's WITH queries cannot change data");
      }
    }
  }

  // ---- indexes

  /**
   * The index as SQLite keeps it: without {@code CONCURRENTLY}, {@code ONLY}, {@code USING
   * btree}, {@code INCLUDE}, storage parameters and {@code NULLS FIRST/LAST} (see the class
   * documentation), {@code COLLATE "C"} as {@code BINARY}.
   *
   * @throws DiagnosticException E0450 for another index method, an operator class, another
   *     collation or {@code NULLS NOT DISTINCT}
   */
  Operation.CreateIndex index(Operation.CreateIndex index, Site site)
      throws DiagnosticException {
    requireLocal(index.table(), site);
    if (index.method().isPresent() && !index.method().get().equalsIgnoreCase("btree")) {
      throw refuse(site, "CREATE INDEX ... USING " + index.method().get(),
          "SQLite's indexes are all b-trees");
    }
    if (index.nullsNotDistinct()) {
      throw refuse(site, "CREATE INDEX ... NULLS NOT DISTINCT",
          "every NULL is distinct in a SQLite unique index");
    }
    List<IndexElement> keys = new ArrayList<>();
    for (IndexElement key : index.elements()) {
      if (key.opclass().isPresent()) {
        throw refuse(site, "an index key with the operator class "
            + key.opclass().get().name().value(), "SQLite has no operator classes");
      }
      Optional<QualifiedName> collation = Optional.empty();
      if (key.collation().isPresent()) {
        String folded = ObjectName.fold(key.collation().get().name());
        if (!folded.equals("C") && !folded.equals("POSIX")) {
          throw refuse(site, "an index key with the collation " + folded,
              "SQLite's collations are BINARY, NOCASE and RTRIM; only \"C\" and \"POSIX\" (as"
                  + " BINARY) mean the same");
        }
        collation = Optional.of(QualifiedName.of("BINARY"));
      }
      keys.add(new IndexElement(key.column(), key.expression(), collation, Optional.empty(),
          List.of(), key.order(), IndexElement.NullsOrder.DEFAULT));
    }
    return new Operation.CreateIndex(index.name(), index.table(), false, index.unique(), false,
        index.ifNotExists(), Optional.empty(), keys, List.of(), false, List.of(), index.where());
  }

  /**
   * {@code index} with a name: SQLite's {@code CREATE INDEX} needs one, so an index written without
   * one gets the name PostgreSQL gives it, as the schema model has it.
   */
  private static Operation.CreateIndex named(Operation.CreateIndex index, SchemaModel before,
      SchemaModel after) {
    if (index.name().isPresent()) {
      return index;
    }
    ObjectName table = ObjectName.of(index.table());
    Optional<Index> made = after.indexesOn(table).stream()
        .filter(i -> !before.indexes().containsKey(i.name()))
        .findFirst();
    if (made.isEmpty()) {
      return index;
    }
    return new Operation.CreateIndex(
        Optional.of(ModelOperations.identifier(made.get().name().name())), index.table(),
        index.only(), index.unique(), index.concurrently(), index.ifNotExists(), index.method(),
        index.elements(), index.include(), index.nullsNotDistinct(), index.options(),
        index.where());
  }

  /** One {@code DROP INDEX [IF EXISTS]} per index, without {@code CONCURRENTLY} and {@code CASCADE}. */
  private List<String> dropIndex(Operation.DropIndex drop, Site site) throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (QualifiedName name : drop.indexes()) {
      requireLocal(name, site);
      Name index = SqlContext.name(name);
      out.add(sql.render(drop.ifExists()
          ? sql.dsl().dropIndexIfExists(index) : sql.dsl().dropIndex(index)));
    }
    return out;
  }

  /**
   * SQLite cannot rename an index: it is dropped and created again under its new name, from the
   * schema model.
   *
   * @throws DiagnosticException E0451 when the model does not know the index
   */
  private List<String> renameIndex(Operation.RenameIndex rename, Site site, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    requireLocal(rename.index(), site);
    ObjectName name = ObjectName.of(rename.index());
    Optional<Index> old = Optional.ofNullable(before.indexes().get(name));
    Optional<Index> renamed = Optional.ofNullable(
        after.indexes().get(ObjectName.in(name, rename.newName())));
    if (old.isEmpty() || renamed.isEmpty()) {
      if (rename.ifExists() && old.isEmpty() && before.constraintIndex(name).isEmpty()) {
        return List.of();
      }
      throw unknown(site, "ALTER INDEX ... RENAME", "index " + name.display(),
          "SQLite cannot rename an index, and strata recreates it from the schema model");
    }
    List<String> out = new ArrayList<>();
    out.add(sql.render(sql.dsl().dropIndex(SqlContext.name(rename.index()))));
    out.addAll(shared(index(ModelOperations.index(renamed.get()), site), site, after));
    return out;
  }

  // ---- views

  /**
   * {@code CREATE VIEW}; {@code OR REPLACE} as {@code DROP VIEW IF EXISTS} and {@code CREATE VIEW}
   * (SQLite has no {@code OR REPLACE}; its views are resolved when used, so views that read this
   * one are not disturbed).
   */
  private List<String> createView(Operation.CreateView view, Site site, SchemaModel before)
      throws DiagnosticException {
    requireLocal(view.view(), site);
    if (view.recursive()) {
      throw refuse(site, "CREATE RECURSIVE VIEW",
          "SQLite has no recursive views; write the query WITH RECURSIVE");
    }
    if (!view.definition().options().isEmpty()) {
      throw refuse(site, "CREATE VIEW ... WITH (options)", "SQLite views take no options");
    }
    if (view.checkOption().isPresent()) {
      throw refuse(site, "CREATE VIEW ... WITH CHECK OPTION",
          "SQLite views cannot be written through");
    }
    if (view.orReplace() && view.temporary()) {
      throw refuse(site, "CREATE OR REPLACE TEMPORARY VIEW",
          "SQLite has no OR REPLACE, and a temporary view cannot be dropped by that name");
    }
    Operation.CreateView plain = new Operation.CreateView(view.view(), false, view.temporary(),
        false, view.definition(), Optional.empty());
    List<String> out = new ArrayList<>();
    if (view.orReplace()) {
      out.add(sql.render(sql.dsl().dropViewIfExists(SqlContext.name(view.view()))));
    }
    out.addAll(shared(plain, site, before));
    return out;
  }

  private List<String> dropView(Operation.DropView drop, Site site, SchemaModel before)
      throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (QualifiedName name : drop.views()) {
      requireLocal(name, site);
      if (drop.cascade()) {
        requireNoDependents(ObjectName.of(name), "DROP VIEW ... CASCADE", site, before, false);
      }
      Name view = SqlContext.name(name);
      out.add(sql.render(drop.ifExists()
          ? sql.dsl().dropViewIfExists(view) : sql.dsl().dropView(view)));
    }
    return out;
  }

  /**
   * SQLite cannot alter a view: a renamed view, or one whose column is renamed in its column list,
   * is dropped and created again from the schema model.
   *
   * @throws DiagnosticException E0450 for {@code SET SCHEMA}, a column renamed in a view
   *     without a column list, a rename of a view another view reads, a column renamed that
   *     another view reads, or a view whose query names what was renamed since ({@link
   *     View#renamedSince}); E0451 when the model does not know the view
   */
  private List<String> alterView(Operation.AlterView change, Site site, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    requireLocal(change.view(), site);
    ObjectName name = ObjectName.of(change.view());
    Optional<View> old = Optional.ofNullable(before.views().get(name));
    if (old.isEmpty()) {
      if (change.ifExists()) {
        return List.of();
      }
      throw unknown(site, "ALTER VIEW", "view " + name.display(),
          "SQLite cannot alter a view, and strata recreates it from the schema model");
    }
    View view = old.get();
    ViewDefinition definition = view.definition();
    ObjectName to = name;
    switch (change.change()) {
      case ViewDefinition.Change.RenameTo rename -> {
        // a view over this one keeps its name as written: SQLite's DROP VIEW leaves it in place,
        // failing at every query ("no such table"), where PostgreSQL's follows the rename
        List<View> readers = References.readers(name, before);
        if (!readers.isEmpty()) {
          throw site.error("E0450", "ALTER VIEW ... RENAME TO cannot be rendered for sqlite: view "
                  + readers.getFirst().name().display() + " reads view " + name.display()
                  + ", and SQLite, which renames a view by dropping and creating it, would leave"
                  + " it naming the old view, failing at every query; PostgreSQL's follows the"
                  + " rename",
              "help: drop view " + readers.getFirst().name().display() + " before the rename and"
                  + " create it again after, with the new name");
        }
        // made again from the model, its * would stand for the columns its tables have now
        if (ExpressionScan.of(definition.query().sql()).selectsStar()) {
          throw site.error("E0450", "ALTER VIEW ... RENAME TO cannot be rendered for sqlite: view "
                  + name.display() + " selects *, and SQLite, which renames a view by dropping"
                  + " and creating it, would take the columns its tables have now, which need not"
                  + " be the ones PostgreSQL's view kept",
              "help: drop the view and create it under the new name with its columns listed");
        }
        to = ObjectName.in(name, rename.name());
      }
      case ViewDefinition.Change.SetSchema move ->
          throw refuse(site, "ALTER VIEW ... SET SCHEMA", "SQLite has no schemas");
      case ViewDefinition.Change.RenameColumn rename -> {
        if (definition.columns().isEmpty()) {
          throw refuse(site, "ALTER VIEW ... RENAME COLUMN of a view without a column list",
              "SQLite cannot rename a view's column, and strata cannot tell the view's column"
                  + " names from its query");
        }
        // a view over this one names the column as before: SQLite's drop and create of this one
        // leaves it failing at every query ("no such column"), where PostgreSQL's follows
        String column = ObjectName.fold(rename.from());
        for (View reader : References.readers(name, before)) {
          if (NameMentions.mentions(reader.definition().query().sql(), column)) {
            throw site.error("E0450", "ALTER VIEW ... RENAME COLUMN cannot be rendered for"
                    + " sqlite: view " + reader.name().display() + " reads column "
                    + ObjectName.quoted(column) + " of view " + name.display() + ", and SQLite,"
                    + " which renames it by dropping and creating the view, would leave it"
                    + " naming the old column, failing at every query; PostgreSQL's follows the"
                    + " rename",
                "help: drop view " + reader.name().display() + " before the rename and create it"
                    + " again after, with the new name");
          }
        }
        definition = new ViewDefinition(definition.columns().stream()
            .map(c -> ObjectName.fold(c).equals(column) ? rename.to() : c)
            .toList(), definition.options(), definition.query(), definition.reads());
      }
    }
    if (!view.current()) {
      // made again from the query as written, it would name what was renamed since
      throw site.error("E0450", "ALTER VIEW cannot be rendered for sqlite: SQLite alters a view"
              + " by dropping it and creating it again from its query as written, and the query"
              + " of view " + name.display() + " names what was renamed since: "
              + view.renamedSince().getFirst().describe(),
          "note: the schema model keeps a view's query as the revision wrote it, where"
              + " PostgreSQL's view follows the rename",
          "help: drop view " + name.display() + " and create it again, naming the new names");
    }
    View recreated = new View(to, false, definition, view.comment(), view.origin());
    List<String> out = new ArrayList<>();
    out.add(sql.render(sql.dsl().dropView(SqlContext.name(change.view()))));
    out.addAll(shared(ModelOperations.view(recreated), site, before));
    return out;
  }

  // ---- types

  /**
   * Nothing: an enum type exists only in the schema model. {@code CASCADE} would drop the columns
   * of the type, which SQLite can only do by rebuilds: refused when a column uses the type.
   */
  private List<String> dropType(Operation.DropType drop, Site site, SchemaModel before)
      throws DiagnosticException {
    if (drop.cascade()) {
      for (QualifiedName name : drop.types()) {
        ObjectName type = ObjectName.of(name);
        for (Table table : before.tables().values()) {
          for (Column column : table.columns()) {
            if (DataTypes.enumType(column.type(), before).filter(t -> t.name().equals(type))
                .isPresent()) {
              throw refuse(site, "DROP TYPE ... CASCADE", "it would drop the column "
                  + ObjectName.quoted(column.name()) + " of table " + table.name().display()
                  + ", which strata does not do by a rebuild: drop the column first");
            }
          }
        }
      }
    }
    return List.of();
  }

  // ---- diagnostics

  /**
   * E0450: {@code what} cannot be rendered for SQLite, because {@code why}; at the statement.
   */
  static DiagnosticException refuse(Site site, String what, String why) {
    return refuse(site, site.span(), what, why);
  }

  /** E0450 at {@code at}, a position inside the statement. */
  static DiagnosticException refuse(Site site, Span at, String what, String why) {
    return site.at(at, "E0450", what + " cannot be rendered for sqlite: " + why,
        "help: write what it should do in sqlite between '-- +dialect sqlite' and '-- +end'"
            + " lines, and put this statement between '-- +dialect postgresql' and '-- +end'"
            + " lines");
  }

  /**
   * E0451: {@code statement} needs the schema model's definition of {@code object} (because
   * {@code why}), and the model does not know it: it was made by a {@code -- +dialect} block.
   */
  static DiagnosticException unknown(Site site, String statement, String object, String why) {
    return site.error("E0451", statement + " cannot be rendered for sqlite: the schema model"
            + " does not know " + object,
        "note: " + why + "; an object made by a '-- +dialect' block is not in the model",
        "help: write the change for sqlite between '-- +dialect sqlite' and '-- +end' lines");
  }

  private static DiagnosticException sequences(Site site, String statement) {
    return refuse(site, statement, "SQLite has no sequences (only its INTEGER PRIMARY KEY"
        + " AUTOINCREMENT columns number rows)");
  }

  /**
   * @throws DiagnosticException E0450 for a name in a schema: SQLite has none ({@code main},
   *     {@code temp} and attached databases are files, not schemas)
   */
  static void requireLocal(QualifiedName name, Site site) throws DiagnosticException {
    if (name.schema().isPresent()) {
      Span at = name.schema().get().span().orElse(site.span());
      throw refuse(site, at, "the name " + name.schema().get().value() + "."
          + name.name().value(), "SQLite has no schemas: write the name without one");
    }
  }
}
