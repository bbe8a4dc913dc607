package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation.CreateTable;
import dev.strata.grammar.ast.Operation.CreateTableAs;
import dev.strata.grammar.ast.Operation.DropTable;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.ConstraintTypeStep;
import org.jooq.CreateTableElementListStep;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * MySQL and MariaDB {@code CREATE TABLE}, {@code CREATE TABLE ... AS} and {@code DROP TABLE}, and
 * the table constraints every table statement writes, built with jOOQ.
 *
 * <p>{@code CREATE TABLE} is written as the revision wrote it (names, column order, constraints in
 * order) with each column taken from the schema model after the statement ({@link MysqlColumns}:
 * enum types inline, {@code SERIAL} and identities as {@code AUTO_INCREMENT}) and every constraint
 * named as the model names it: a constraint written without a name gets the name PostgreSQL would
 * give it ({@code t_pkey}, {@code t_email_key}, {@code t_a_fkey}, {@code t_v_check}), so that a
 * later {@code DROP CONSTRAINT t_v_check} finds it (MySQL would name it {@code t_chk_1}).
 */
final class MysqlTables {
  private final MysqlRules rules;
  private final SqlContext sql;
  private final Expressions expressions;
  private final MysqlColumns columns;

  MysqlTables(MysqlRules rules, SqlContext sql, Expressions expressions, MysqlColumns columns) {
    this.rules = rules;
    this.sql = sql;
    this.expressions = expressions;
    this.columns = columns;
  }

  private Dialect dialect() {
    return rules.dialect();
  }

  /**
   * {@code CREATE TABLE}, from the statement and the model after it.
   *
   * @throws DiagnosticException E0440 for {@code UNLOGGED}, partitioning, storage parameters, a
   *     collation or a named type that is not an enum; E0441 for a key on a TEXT or BLOB column;
   *     E0445 for a constraint form the dialect lacks; E0446 for an {@code AUTO_INCREMENT} column
   *     that no key starts with, a second one, or identity options other than {@code START WITH}
   */
  List<String> createTable(CreateTable create, Site site, SchemaModel before, SchemaModel after)
      throws DiagnosticException {
    rules.unqualified(create.table(), site);
    if (create.unlogged() || create.partitionBy().isPresent() || !create.options().isEmpty()) {
      String what = create.unlogged() ? "UNLOGGED"
          : create.partitionBy().isPresent() ? "PARTITION BY" : "WITH (storage parameters)";
      throw rules.refuse(site, "E0440", "CREATE TABLE ... " + what,
          "these are PostgreSQL's own table forms");
    }
    ObjectName name = ObjectName.of(create.table());
    if (create.ifNotExists() && before.table(name).isPresent()
        && rules.clause(false, false, before, "CREATE TABLE IF NOT EXISTS of an existing table",
            site) == MysqlRules.Clause.SKIP) {
      // the table exists on the database the guard checked: the statement does nothing
      return List.of();
    }
    Table table = after.table(name).orElseThrow(() -> missing(site, name.display()));
    Name tableName = SqlContext.name(create.table());
    CreateTableElementListStep statement = create.ifNotExists()
        ? sql.dsl().createTableIfNotExists(tableName)
        : sql.dsl().createTable(tableName);
    List<TableConstraint> written = new ArrayList<>();
    for (ColumnDef def : create.columns()) {
      Column column = table.column(ObjectName.fold(def.name()))
          .orElseThrow(() -> missing(site, "column " + def.name().value()));
      statement = statement.column(columns.field(SqlContext.name(def.name()), column, after, site));
      written.addAll(columnConstraints(def));
    }
    written.addAll(create.constraints());
    List<Constraint> fresh = new ArrayList<>(table.constraints());
    List<org.jooq.Constraint> constraints = new ArrayList<>();
    for (TableConstraint constraint : written) {
      constraints.add(constraint(constraint, table, fresh, after, site));
    }
    Optional<Long> start = autoIncrement(table, List.of(), site);
    var withConstraints = statement.constraints(constraints);
    // the table option that makes an AUTO_INCREMENT column start at START WITH
    Query query = start.isPresent()
        ? withConstraints.storage(DSL.raw("AUTO_INCREMENT = " + start.get()))
        : withConstraints;
    boolean multiline = table.columns().stream().anyMatch(c ->
        c.defaultValue().map(Expressions::multiline).orElse(false)
            || c.generated().map(Expressions::multiline).orElse(false))
        || table.constraints().stream().anyMatch(c ->
            c instanceof Constraint.Check check && Expressions.multiline(check.condition()));
    return List.of(multiline ? sql.render(query) : sql.renderFormatted(query));
  }

  /** The key, unique, check and reference constraints written on a column, as table constraints. */
  static List<TableConstraint> columnConstraints(ColumnDef column) {
    List<Identifier> self = List.of(column.name());
    List<TableConstraint> out = new ArrayList<>();
    for (ColumnConstraint constraint : column.constraints()) {
      switch (constraint) {
        case ColumnConstraint.PrimaryKey key ->
            out.add(new TableConstraint.PrimaryKey(key.name(), self, key.timing()));
        case ColumnConstraint.Unique unique ->
            out.add(new TableConstraint.Unique(unique.name(), self, false, unique.timing()));
        case ColumnConstraint.Check check ->
            out.add(new TableConstraint.Check(check.name(), check.condition()));
        case ColumnConstraint.References ref -> out.add(new TableConstraint.ForeignKey(ref.name(),
            self, ref.table(), ref.column().stream().toList(), ref.match(), ref.onDelete(),
            ref.onUpdate(), ref.timing(), false));
        case ColumnConstraint.NotNull notNull -> {}
        case ColumnConstraint.Null nullable -> {}
        case ColumnConstraint.Default value -> {}
        case ColumnConstraint.Identity identity -> {}
        case ColumnConstraint.Generated generated -> {}
      }
    }
    return out;
  }

  /**
   * The written constraint as jOOQ's, named as the model names it: the constraint of {@code fresh}
   * (the table's constraints not yet matched) that it made, which is then removed from {@code
   * fresh}.
   *
   * @throws DiagnosticException E0445 for a form the dialect lacks, E0441 for a key on a TEXT or
   *     BLOB column or a key longer than InnoDB takes ({@link MysqlColumns#requireKeyFits}),
   *     E0443 when the model has no such constraint
   */
  org.jooq.Constraint constraint(TableConstraint written, Table table, List<Constraint> fresh,
      SchemaModel model, Site site) throws DiagnosticException {
    refuseForm(written, site);
    Constraint made = match(written, table, fresh)
        .orElseThrow(() -> missing(site, "the constraint " + describe(written) + " of table "
            + table.name().display()));
    fresh.remove(made);
    List<Column> keyColumns = made.columns().stream()
        .flatMap(c -> table.column(c).stream()).toList();
    for (Column keyed : keyColumns) {
      if (columns.unkeyable(keyed, model, site)) {
        throw rules.refuse(site, "E0441", describe(written) + " on column "
                + ObjectName.quoted(keyed.name()) + " of table " + table.name().display(),
            "the column's type cannot be a key part without a key length",
            "note: MySQL and MariaDB index TEXT, BLOB and JSON columns only by a prefix",
            "help: give the column a VARCHAR(n) type, or write the statement in a '-- +dialect "
                + dialect().id() + "' block");
      }
    }
    if (written instanceof TableConstraint.PrimaryKey || written instanceof TableConstraint.Unique) {
      columns.requireKeyFits(describe(written) + " of table " + table.name().display(),
          keyColumns, written instanceof TableConstraint.Unique,
          written instanceof TableConstraint.PrimaryKey, site);
    }
    if (made instanceof Constraint.ForeignKey key) {
      similarTypes(written, key, table, model, site);
    }
    ConstraintTypeStep step = DSL.constraint(name(made.name()));
    return switch (written) {
      case TableConstraint.PrimaryKey key -> step.primaryKey(SqlContext.names(key.columns()));
      case TableConstraint.Unique unique -> step.unique(SqlContext.names(unique.columns()));
      case TableConstraint.Check check ->
          step.check(expressions.condition(check.condition(), site));
      case TableConstraint.ForeignKey key -> foreignKey(step, key,
          ((Constraint.ForeignKey) made).referencedColumns());
      case TableConstraint.UsingIndex using -> throw new IllegalStateException("refused above");
      case TableConstraint.Exclude exclude -> throw new IllegalStateException("refused above");
    };
  }

  /**
   * Refuses a foreign key whose column's type is not similar to the referenced column's ({@link
   * MysqlColumns#referenceClass}): the servers refuse to create it, PostgreSQL does not (an {@code
   * integer} column may reference a {@code bigint} key there). The caret is at the column where
   * the revision names it.
   *
   * @throws DiagnosticException E0454 for the first pair of columns that differ
   */
  private void similarTypes(TableConstraint written, Constraint.ForeignKey key, Table table,
      SchemaModel model, Site site) throws DiagnosticException {
    Optional<Table> target = key.references().equals(table.name())
        ? Optional.of(table) : model.table(key.references());
    if (target.isEmpty() || key.columns().size() != key.referencedColumns().size()) {
      return; // the schema checks report a missing table or a column count that differs
    }
    for (int i = 0; i < key.columns().size(); i++) {
      Optional<Column> from = table.column(key.columns().get(i));
      Optional<Column> to = target.get().column(key.referencedColumns().get(i));
      if (from.isEmpty() || to.isEmpty()) {
        continue;
      }
      String mine = columns.referenceClass(from.get(), model, site);
      String theirs = columns.referenceClass(to.get(), model, site);
      if (mine.equals(theirs)) {
        continue;
      }
      String fromType = DataTypes.name(from.get().type(), dialect(), sql, model, site);
      String toType = DataTypes.name(to.get().type(), dialect(), sql, model, site);
      Site at = written instanceof TableConstraint.ForeignKey w && i < w.columns().size()
          ? DataTypes.at(site, w.columns().get(i)) : site;
      throw at.error("E0454", "foreign key " + ObjectName.quoted(key.name()) + ": column "
              + ObjectName.quoted(from.get().name()) + " of table " + table.name().display()
              + " is " + fromType + ", but the column " + ObjectName.quoted(to.get().name())
              + " of table " + key.references().display() + " it references is " + toType
              + ", which " + dialect().id() + " refuses",
          "note: MySQL and MariaDB want a foreign key's columns of the referenced columns' types"
              + " (\"Foreign key constraint is incorrectly formed\", errno 150); integers of"
              + " the same size, strings of any length",
          "help: declare " + ObjectName.quoted(from.get().name()) + " " + toType.toUpperCase(
              java.util.Locale.ROOT) + ", as the column it references");
    }
  }

  /**
   * @throws DiagnosticException E0445 for {@code DEFERRABLE}, {@code NOT VALID}, {@code MATCH},
   *     {@code ON DELETE/UPDATE SET DEFAULT},
   *     {@code NULLS NOT DISTINCT}, {@code USING INDEX} and {@code EXCLUDE}
   */
  void refuseForm(TableConstraint constraint, Site site) throws DiagnosticException {
    String form = switch (constraint) {
      case TableConstraint.PrimaryKey key -> deferrable(key.timing());
      case TableConstraint.Unique unique -> unique.nullsNotDistinct() ? "NULLS NOT DISTINCT"
          : deferrable(unique.timing());
      case TableConstraint.Check check -> check.notValid() ? "NOT VALID" : null;
      case TableConstraint.ForeignKey key -> key.notValid() ? "NOT VALID"
          : key.match().isPresent() ? key.match().get().sql()
          : key.onDelete().filter(ReferentialAction.SET_DEFAULT::equals).isPresent()
              ? "ON DELETE SET DEFAULT"
          : key.onUpdate().filter(ReferentialAction.SET_DEFAULT::equals).isPresent()
              ? "ON UPDATE SET DEFAULT"
          : deferrable(key.timing());
      case TableConstraint.UsingIndex using -> "USING INDEX";
      case TableConstraint.Exclude exclude -> "EXCLUDE";
    };
    if (form != null) {
      String why = switch (form) {
        case "NOT VALID" -> "it checks every row when the constraint is added";
        case "USING INDEX" -> "a constraint cannot take over an index";
        case "EXCLUDE" -> "it has no exclusion constraints";
        case "NULLS NOT DISTINCT" -> "its unique keys always treat nulls as distinct";
        case "ON DELETE SET DEFAULT", "ON UPDATE SET DEFAULT" -> "InnoDB parses SET DEFAULT and"
            + " then refuses the change it asks for (\"Cannot delete or update a parent row\"),"
            + " so the constraint would not do what it says";
        default -> form.startsWith("MATCH")
            ? "it parses MATCH and ignores it, so the constraint would not do what it says"
            : "its constraints are checked at once, never deferred";
      };
      boolean kind = constraint instanceof TableConstraint.UsingIndex
          || constraint instanceof TableConstraint.Exclude;
      throw rules.refuse(site, "E0445", "the constraint " + describe(constraint)
              + (kind ? "" : " with " + form),
          dialect().id() + " has no " + form + ": " + why);
    }
  }

  /**
   * The timing clauses of a constraint that can be deferred, or null: {@code NOT DEFERRABLE} and
   * {@code INITIALLY IMMEDIATE} alone say what the dialect does anyway, and are left out.
   */
  private static String deferrable(ConstraintTiming timing) {
    boolean deferred = timing.deferrable() == ConstraintTiming.Deferrable.DEFERRABLE
        || timing.initially() == ConstraintTiming.Initially.DEFERRED;
    return deferred ? timing.sql() : null;
  }

  /** The model's constraint that {@code written} made, among {@code fresh}. */
  private static Optional<Constraint> match(TableConstraint written, Table table,
      List<Constraint> fresh) {
    Optional<String> name = written.name().map(ObjectName::fold);
    return fresh.stream().filter(c -> name.map(n -> c.name().equals(n)).orElseGet(() ->
        switch (written) {
          case TableConstraint.PrimaryKey key -> c instanceof Constraint.PrimaryKey;
          case TableConstraint.Unique unique -> c instanceof Constraint.Unique u
              && u.columns().equals(folded(unique.columns()));
          case TableConstraint.Check check -> c instanceof Constraint.Check k
              && k.condition().equals(check.condition());
          case TableConstraint.ForeignKey key -> c instanceof Constraint.ForeignKey f
              && f.columns().equals(folded(key.columns()))
              && f.references().equals(ObjectName.of(key.table()));
          case TableConstraint.UsingIndex using -> false;
          case TableConstraint.Exclude exclude -> false;
        })).findFirst();
  }

  private static List<String> folded(List<Identifier> names) {
    return names.stream().map(ObjectName::fold).toList();
  }

  /** {@code PRIMARY KEY}, {@code UNIQUE (a, b)}, {@code CHECK (...)}, {@code FOREIGN KEY (a)}. */
  static String describe(TableConstraint constraint) {
    String name = constraint.name().map(n -> n.value() + " ").orElse("");
    return name + switch (constraint) {
      case TableConstraint.PrimaryKey key -> "PRIMARY KEY";
      case TableConstraint.Unique unique -> "UNIQUE (" + names(unique.columns()) + ")";
      case TableConstraint.Check check -> "CHECK";
      case TableConstraint.ForeignKey key -> "FOREIGN KEY (" + names(key.columns()) + ")";
      case TableConstraint.UsingIndex using -> "USING INDEX";
      case TableConstraint.Exclude exclude -> "EXCLUDE";
    };
  }

  private static String names(List<Identifier> names) {
    return String.join(", ", names.stream().map(Identifier::value).toList());
  }

  private org.jooq.Constraint foreignKey(ConstraintTypeStep step, TableConstraint.ForeignKey key,
      List<String> referenced) {
    // MySQL needs the referenced columns; PostgreSQL's default is the primary key, which the
    // model resolved
    Name[] to = key.referencedColumns().isEmpty()
        ? referenced.stream().map(c -> SqlContext.name(
            dev.strata.compiler.schema.ModelOperations.identifier(c))).toArray(Name[]::new)
        : SqlContext.names(key.referencedColumns());
    ConstraintForeignKeyOnStep out = step.foreignKey(SqlContext.names(key.columns()))
        .references(SqlContext.name(key.table()), to);
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

  /**
   * Checks the table's {@code AUTO_INCREMENT} column, if any: there is at most one, and a primary
   * key or unique constraint of {@code table}, or one of {@code indexes} (first columns of the
   * table's indexes), starts with it, as MySQL requires. Returns where its numbering starts when
   * its identity says {@code START WITH}.
   *
   * @throws DiagnosticException E0446 otherwise, or for identity options but {@code START WITH}
   */
  Optional<Long> autoIncrement(Table table, List<String> indexes, Site site)
      throws DiagnosticException {
    List<Column> auto = table.columns().stream().filter(MysqlColumns::autoIncrement).toList();
    if (auto.isEmpty()) {
      return Optional.empty();
    }
    if (auto.size() > 1) {
      throw rules.refuse(site, "E0446", "table " + table.name().display() + " with "
              + auto.size() + " auto-incremented columns (identity or SERIAL)",
          dialect().id() + " numbers one AUTO_INCREMENT column per table",
          "help: keep one identity or SERIAL column; number the others with a "
              + "'-- +dialect " + dialect().id() + "' trigger");
    }
    Column column = auto.getFirst();
    boolean keyed = indexes.contains(column.name()) || table.constraints().stream().anyMatch(c ->
        (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique)
            && c.columns().getFirst().equals(column.name()));
    if (!keyed) {
      throw rules.refuse(site, "E0446", "the auto-incremented column "
              + ObjectName.quoted(column.name()) + " of table " + table.name().display(),
          "an AUTO_INCREMENT column must be the first column of a key, and no primary key,"
              + " unique constraint or index starts with it",
          "help: declare the column PRIMARY KEY or UNIQUE in the same statement");
    }
    Optional<Long> start = Optional.empty();
    for (SequenceOption option : column.identity().map(ColumnConstraint.Identity::options)
        .orElse(List.of())) {
      if (option instanceof SequenceOption.StartWith startWith) {
        start = Optional.of(startWith.value());
      } else {
        throw rules.refuse(site, "E0446", "the identity options of column "
                + ObjectName.quoted(column.name()) + " of table " + table.name().display(),
            "an AUTO_INCREMENT column has no sequence options but where it starts",
            "help: keep START WITH only, or write the statement in a '-- +dialect "
                + dialect().id() + "' block");
      }
    }
    return start;
  }

  /**
   * {@code CREATE TABLE ... AS query}, the shared path's, when the dialect can say it.
   *
   * @throws DiagnosticException E0440 for {@code WITH NO DATA}, {@code UNLOGGED} or storage
   *     parameters
   */
  void refuseCreateTableAs(CreateTableAs create, Site site) throws DiagnosticException {
    rules.unqualified(create.table(), site);
    if (!create.withData() || create.unlogged() || !create.options().isEmpty()) {
      String what = !create.withData() ? "WITH NO DATA"
          : create.unlogged() ? "UNLOGGED" : "WITH (storage parameters)";
      throw rules.refuse(site, "E0440", "CREATE TABLE ... AS with " + what,
          dialect().id() + " has no such form");
    }
  }

  /**
   * {@code DROP TABLE}: written without {@code CASCADE}, which MySQL and MariaDB parse and ignore,
   * when the model shows nothing depends on the tables; refused when something does.
   *
   * @throws DiagnosticException E0444 for {@code CASCADE} with a foreign key of another table or
   *     a view that reads one of the tables
   */
  Optional<List<String>> dropTable(DropTable drop, Site site, SchemaModel before)
      throws DiagnosticException {
    rules.unqualified(drop.tables(), site);
    List<ObjectName> dropped = drop.tables().stream().map(ObjectName::of).toList();
    List<String> owned = ownedSequences(before, s -> dropped.contains(s.table()));
    if (!drop.cascade() && owned.isEmpty()) {
      return Optional.empty();
    }
    if (drop.cascade()) {
      for (ObjectName table : dropped) {
        Optional<String> dependent = dependent(table, dropped, before);
        if (dependent.isPresent()) {
          throw cascade(site, "DROP TABLE ... CASCADE", dependent.get());
        }
      }
    }
    List<String> out = new ArrayList<>();
    out.add(TableFormSql.dropTables(sql, drop.tables().stream().map(SqlContext::name).toList(),
        drop.ifExists(), false));
    out.addAll(owned);
    return Optional.of(out);
  }

  /**
   * {@code DROP SEQUENCE} of each sequence of the model {@code OWNED BY} a column that {@code
   * dropped} accepts: PostgreSQL drops such a sequence with its column or table; MariaDB's
   * sequences have no owner, so strata drops them after (none on MySQL, which has no sequences).
   */
  List<String> ownedSequences(SchemaModel model,
      java.util.function.Predicate<dev.strata.compiler.schema.ColumnRef> dropped) {
    return model.sequences().values().stream()
        .filter(s -> s.ownedBy().filter(dropped).isPresent())
        .map(s -> sql.render(sql.dsl().dropSequence(name(s.name().name()))))
        .toList();
  }

  /**
   * What depends on {@code table} and is not itself dropped: a foreign key of another table, or a
   * view that reads it; or, when the model may be missing changes, that it cannot tell.
   */
  static Optional<String> dependent(ObjectName table, List<ObjectName> dropped,
      SchemaModel model) {
    for (Table other : model.referencing(table)) {
      if (dropped.contains(other.name())) {
        continue;
      }
      for (Constraint c : other.constraints()) {
        if (c instanceof Constraint.ForeignKey fk && fk.references().equals(table)) {
          return Optional.of("the foreign key " + fk.name() + " of table "
              + other.name().display());
        }
      }
    }
    return viewReading(table, dropped, model);
  }

  /** A view of the model, not in {@code dropped}, whose query reads {@code relation}. */
  static Optional<String> viewReading(ObjectName relation, List<ObjectName> dropped,
      SchemaModel model) {
    for (var view : model.readersOf(relation)) { // a map access on a replay's model
      if (!dropped.contains(view.name())) {
        return Optional.of("the view " + view.name().display());
      }
    }
    if (model.blind()) {
      return Optional.of("what '-- +dialect' blocks made, which the schema model cannot see");
    }
    return Optional.empty();
  }

  /** E0444: {@code CASCADE} where something depends on what is dropped. */
  DiagnosticException cascade(Site site, String what, String dependent) {
    return rules.refuse(site, "E0444", what, "CASCADE would drop " + dependent + " in"
            + " PostgreSQL, and " + dialect().id() + " parses CASCADE and ignores it",
        "note: strata writes such a statement without CASCADE only where the schema model shows"
            + " nothing depends on what it drops",
        "help: drop the dependent objects first, then drop this one without CASCADE");
  }

  /**
   * The foreign keys of {@code table} that only the index or unique key {@code dropped} (its plain
   * key columns {@code keys}, in order) serves: MySQL and MariaDB need every foreign key's columns
   * to lead some index of its table, and drop the index they made for a foreign key once another
   * index leads with its columns, so such an index cannot be dropped alone ("needed in a foreign key
   * constraint"). {@code gone} names what the same statement drops besides (foreign keys that then
   * need no index, other indexes that then serve none). The statement that drops {@code dropped}
   * adds, for each, the index the server would have made for it, named after it ({@link
   * MysqlAlterSql#replaceIndex}).
   */
  static List<Constraint.ForeignKey> servedOnlyBy(Table table, SchemaModel model, String dropped,
      List<String> keys, java.util.Set<String> gone) {
    List<List<String>> others = new ArrayList<>();
    for (Constraint c : table.constraints()) {
      if ((c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique)
          && !c.name().equals(dropped) && !gone.contains(c.name())) {
        others.add(c.columns());
      }
    }
    for (dev.strata.compiler.schema.Index index : model.indexesOn(table.name())) {
      if (!index.name().name().equals(dropped)
          && !gone.contains(index.name().name())) {
        others.add(index.keys().stream()
            .map(k -> k.column().map(ObjectName::fold).orElse("")).toList());
      }
    }
    List<Constraint.ForeignKey> out = new ArrayList<>();
    for (Constraint c : table.constraints()) {
      if (c instanceof Constraint.ForeignKey fk && !gone.contains(fk.name())
          && leads(keys, fk.columns()) && others.stream().noneMatch(o -> leads(o, fk.columns()))) {
        out.add(fk);
      }
    }
    return out;
  }

  private static boolean leads(List<String> keys, List<String> columns) {
    return keys.size() >= columns.size() && keys.subList(0, columns.size()).equals(columns);
  }

  /** E0443: the schema model does not hold what the statement must restate or locate. */
  DiagnosticException missing(Site site, String what) {
    return rules.refuse(site, "E0443", "this statement",
        "the schema model has no " + what + " to take its definition from",
        "note: " + dialect().id() + " restates whole columns and names every constraint from"
            + " the schema model; a '-- +dialect' block the model could not follow may have made"
            + " it",
        "help: add a '-- +model' block after the '-- +dialect postgresql' block that made it, or"
            + " write this statement in a '-- +dialect " + dialect().id() + "' block");
  }

  /** The name of a model object as jOOQ renders it, quoted when PostgreSQL would quote it. */
  static Name name(String folded) {
    return SqlContext.name(dev.strata.compiler.schema.ModelOperations.identifier(folded));
  }

  /** The unqualified written name of {@code name}. */
  static Name name(QualifiedName name) {
    return SqlContext.name(name);
  }
}
