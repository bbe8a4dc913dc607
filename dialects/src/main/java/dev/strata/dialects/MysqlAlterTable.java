package dev.strata.dialects;

import dev.strata.compiler.lint.Volatility;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.NameMentions;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.SchemaText;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.TypeConversion;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation.AlterTable;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.AlterTableStep;
import org.jooq.Name;
import org.jooq.Query;

/**
 * MySQL and MariaDB {@code ALTER TABLE}, one statement per action, from the schema models before
 * and after the statement (see {@code docs/dialects.md}, "MySQL and MariaDB: statements"):
 *
 * <ul>
 *   <li>a column's type, {@code NOT NULL}, default, comment, identity and generation change by
 *       {@code MODIFY COLUMN} with the column's whole definition after the statement (anything
 *       left out, a default or a comment, the server would drop); {@code DROP DEFAULT} stays
 *       {@code ALTER COLUMN ... DROP DEFAULT} ({@link MysqlAlterSql});
 *   <li>{@code DROP CONSTRAINT} becomes, by the kind the model gives the constraint, {@code DROP
 *       PRIMARY KEY} (MySQL and MariaDB name every primary key {@code PRIMARY}), and on MySQL
 *       {@code DROP FOREIGN KEY}, {@code DROP CHECK} or {@code DROP INDEX}; MariaDB drops the
 *       others with {@code DROP CONSTRAINT};
 *   <li>{@code DROP COLUMN} first drops what PostgreSQL drops with the column and MySQL would keep
 *       or refuse: the foreign keys, multi-column keys and indexes and the checks that use it.
 * </ul>
 */
final class MysqlAlterTable {
  private static final Pattern WORD =
      Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")+)\"|`([^`]+)`|([A-Za-z_][A-Za-z0-9_$]*)");

  private final MysqlRules rules;
  private final SqlContext sql;
  private final MysqlColumns columns;
  private final MysqlTables tables;

  MysqlAlterTable(MysqlRules rules, SqlContext sql, MysqlColumns columns, MysqlTables tables) {
    this.rules = rules;
    this.sql = sql;
    this.columns = columns;
    this.tables = tables;
  }

  private Dialect dialect() {
    return rules.dialect();
  }

  /** Every action's statements, in order (none for an action that changes nothing here). */
  List<String> alterTable(AlterTable alter, Site site, SchemaModel before, SchemaModel after)
      throws DiagnosticException {
    rules.unqualified(alter.table(), site);
    ObjectName name = ObjectName.of(alter.table());
    if (alter.ifExists()) {
      MysqlRules.Clause clause = rules.decide(dialect().has(Capability.IF_EXISTS_IN_ALTER_TABLE),
          before.table(name).isPresent(), before, "ALTER TABLE IF EXISTS", site);
      if (clause == MysqlRules.Clause.SKIP) {
        return List.of();
      }
    }
    Table old = before.table(name).orElseThrow(() -> tables.missing(site, "table "
        + name.display()));
    List<String> out = new ArrayList<>();
    // the table as each action finds it: earlier actions of the statement may have dropped,
    // added or renamed what a later one restates or drops with a column
    Table current = old;
    for (AlterAction action : alter.actions()) {
      for (String statement : action(alter, action, current, site, before, after)) {
        // two changes of one column in a row restate it alike: once is enough
        if (out.isEmpty() || !out.getLast().equals(statement)) {
          out.add(statement);
        }
      }
      current = advanced(current, action, after);
    }
    return out;
  }

  /**
   * {@code table} after {@code action}, as far as later actions of the statement need it: its
   * columns and constraints (definitions come from {@code after}).
   */
  private static Table advanced(Table table, AlterAction action, SchemaModel after) {
    List<Column> columns = new ArrayList<>(table.columns());
    List<Constraint> constraints = new ArrayList<>(table.constraints());
    Optional<Table> now = after.table(table.name());
    switch (action) {
      case AlterAction.DropConstraint drop ->
          constraints.removeIf(c -> c.name().equals(ObjectName.fold(drop.name())));
      case AlterAction.DropColumn drop -> {
        String name = ObjectName.fold(drop.column());
        columns.removeIf(c -> c.name().equals(name));
        constraints.removeIf(c -> c.columns().contains(name)
            || c instanceof Constraint.Check check && reads(check, name, table));
      }
      case AlterAction.AddColumn add -> {
        String name = ObjectName.fold(add.column().name());
        now.flatMap(t -> t.column(name)).filter(c -> table.column(name).isEmpty())
            .ifPresent(columns::add);
        now.ifPresent(t -> t.constraints().stream()
            .filter(c -> !table.constraints().contains(c) && c.columns().contains(name))
            .forEach(constraints::add));
      }
      case AlterAction.AddConstraint add -> now.ifPresent(t -> t.constraints().stream()
          .filter(c -> !table.constraints().contains(c))
          .filter(c -> add.constraint().name().map(n -> c.name().equals(ObjectName.fold(n)))
              .orElse(true))
          .findFirst().ifPresent(constraints::add));
      case AlterAction.RenameColumn rename -> {
        String from = ObjectName.fold(rename.from());
        now.flatMap(t -> t.column(ObjectName.fold(rename.to()))).ifPresent(renamed ->
            columns.replaceAll(c -> c.name().equals(from) ? renamed : c));
      }
      case AlterAction.RenameConstraint rename -> {
        constraints.removeIf(c -> c.name().equals(ObjectName.fold(rename.from())));
        now.flatMap(t -> t.constraint(ObjectName.fold(rename.to()))).ifPresent(constraints::add);
      }
      // column definitions come from the model after the statement; the rest changes nothing
      // that a later action of the statement reads
      case AlterAction.AlterColumnType change -> {}
      case AlterAction.SetDefault set -> {}
      case AlterAction.DropDefault drop -> {}
      case AlterAction.SetNotNull set -> {}
      case AlterAction.DropNotNull drop -> {}
      case AlterAction.DropExpression drop -> {}
      case AlterAction.RenameTable rename -> {}
      case AlterAction.AddIdentity add -> {}
      case AlterAction.AlterIdentity change -> {}
      case AlterAction.DropIdentity drop -> {}
      case AlterAction.AlterConstraint change -> {}
      case AlterAction.ValidateConstraint validate -> {}
      case AlterAction.AttachPartition attach -> {}
      case AlterAction.SetSchema move -> {}
      case AlterAction.DetachPartition detach -> {}
    }
    return new Table(table.name(), columns, constraints, table.unlogged(), table.partitionBy(),
        table.partitionOf(), table.options(), table.comment(), table.origin());
  }

  private List<String> action(AlterTable alter, AlterAction action, Table old, Site site,
      SchemaModel before, SchemaModel after) throws DiagnosticException {
    Name table = SqlContext.name(alter.table());
    AlterTableStep statement = sql.dsl().alterTable(table);
    if (action instanceof AlterAction.AlterColumnType change) {
      Optional<String> key = foreignKeyOf(old, ObjectName.fold(change.column()), before);
      if (key.isPresent()) {
        throw rules.refuse(site, "E0449", "ALTER COLUMN " + change.column().value() + " TYPE",
            dialect().id() + " refuses to change the type of a column that a foreign key uses,"
                + " and " + key.get() + " uses it",
            "help: drop the foreign key, change the type of the column and of the columns on"
                + " the key's other side alike, then add the foreign key again");
      }
    }
    return switch (action) {
      case AlterAction.AddColumn add -> addColumn(table, add, old, site, before, after);
      case AlterAction.DropColumn drop -> dropColumn(table, drop, old, site, before);
      case AlterAction.RenameColumn rename -> {
        String from = ObjectName.fold(rename.from());
        Optional<Constraint> check = old.constraints().stream()
            .filter(c -> c instanceof Constraint.Check k && reads(k, from, old))
            .findFirst();
        if (check.isPresent() && !dialect().has(Capability.SIGNAL_IN_PREPARED_STATEMENT)) {
          throw rules.refuse(site, "E0445", "RENAME COLUMN " + rename.from().value(),
              "MySQL refuses to rename a column that a check constraint uses, and "
                  + check.get().name() + " uses it",
              "help: drop the check, rename the column, then add the check again");
        }
        refuseReadByViews(old.name(), "table", Optional.of(from), before, site,
            "RENAME COLUMN " + rename.from().value());
        yield one(statement.renameColumn(SqlContext.name(rename.from()))
            .to(SqlContext.name(rename.to())));
      }
      case AlterAction.AlterColumnType change when
          column(old, change.column(), site).type().kind().autoIncrement() -> {
        // a SERIAL column keeps its sequence's default through a type change (the model drops
        // the SERIAL type, and with it the numbering): keep AUTO_INCREMENT
        Table now = after.table(old.name()).orElseThrow(() -> tables.missing(site, "table "
            + old.name().display()));
        Column c = column(now, change.column(), site);
        Column numbered = new Column(c.name(), c.type(), c.notNull(), c.defaultValue(),
            Optional.of(new ColumnConstraint.Identity(false)), c.generated(), c.collation(),
            c.comment(), c.origin());
        yield List.of(MysqlRules.restated(MysqlAlterSql.modifyColumn(sql, table,
            columns.definition(SqlContext.name(change.column()), numbered, after, site)), after));
      }
      case AlterAction.AlterColumnType change -> {
        if (change.using().isPresent() && !castsOnly(change)) {
          throw rules.refuse(site, "E0449", "ALTER COLUMN " + change.column().value()
                  + " TYPE ... USING", dialect().id() + " converts the values itself and has no"
                  + " USING",
              "help: convert the values with an UPDATE before or after the type change, or"
                  + " write the statement in a '-- +dialect " + dialect().id() + "' block");
        }
        // a USING left here only casts, and is left out: the server's conversion is what runs
        DataType was = column(old, change.column(), site).type();
        if (was.kind() == DataType.Kind.BOOLEAN && TypeConversion.text(change.type())) {
          throw rules.refuse(site, "E0449", "ALTER COLUMN " + change.column().value()
                  + " TYPE of a BOOLEAN column to text", dialect().id() + " would write 1 and 0"
                  + " where PostgreSQL writes 'true' and 'false'",
              "help: add a text column, fill it with UPDATE ... SET c = CASE WHEN b THEN 'true'"
                  + " ELSE 'false' END, drop the boolean column and rename the new one");
        }
        if (fractionalTime(was) && TypeConversion.text(change.type())) {
          throw rules.refuse(site, "E0449", "ALTER COLUMN " + change.column().value()
                  + " TYPE of a " + SchemaText.type(was) + " column to text",
              dialect().id() + " would write every fractional digit ('10:00:00.000000') where"
                  + " PostgreSQL writes none of the trailing zeros ('10:00:00')",
              "help: add a text column, fill it with an UPDATE, drop the old column and rename"
                  + " the new one; or write the statement in a '-- +dialect " + dialect().id()
                  + "' block");
        }
        yield modify(table, alter, change.column(), site, after);
      }
      case AlterAction.SetDefault set -> {
        if (column(old, set.column(), site).type().kind().autoIncrement()) {
          throw rules.refuse(site, "E0446", "ALTER COLUMN " + set.column().value()
                  + " SET DEFAULT of a SERIAL column",
              "the column is AUTO_INCREMENT, which takes no default",
              "help: write the statement in a '-- +dialect " + dialect().id() + "' block");
        }
        yield modify(table, alter, set.column(), site, after);
      }
      case AlterAction.DropDefault drop -> {
        Column column = column(old, drop.column(), site);
        if (column.type().kind().autoIncrement()) {
          throw rules.refuse(site, "E0446", "ALTER COLUMN " + drop.column().value()
                  + " DROP DEFAULT of a SERIAL column",
              "the column is AUTO_INCREMENT, whose numbering is no default that can be dropped",
              "help: drop the identity with a '-- +dialect " + dialect().id() + "' block that"
                  + " restates the column with MODIFY COLUMN");
        }
        yield List.of(MysqlAlterSql.dropDefault(sql, table, SqlContext.name(drop.column())));
      }
      case AlterAction.SetNotNull set -> modify(table, alter, set.column(), site, after);
      case AlterAction.DropNotNull drop -> modify(table, alter, drop.column(), site, after);
      case AlterAction.DropExpression drop -> {
        Column column = column(old, drop.column(), site);
        yield drop.ifExists() && column.generated().isEmpty()
            ? List.of()
            : modify(table, alter, drop.column(), site, after);
      }
      case AlterAction.AddConstraint add -> addConstraint(statement, add.constraint(), old, site,
          after);
      case AlterAction.DropConstraint drop -> dropConstraint(table, drop, old, site, before);
      case AlterAction.RenameTable rename -> {
        refuseReadByViews(old.name(), "table", Optional.empty(), before, site, "RENAME TO");
        yield one(statement.renameTo(SqlContext.name(rename.newName())));
      }
      case AlterAction.AddIdentity add -> {
        Table now = after.table(ObjectName.of(alter.table())).orElse(old);
        Optional<Long> start = tables.autoIncrement(now, indexStarts(before, old.name()), site);
        List<String> out = new ArrayList<>(modify(table, alter, add.column(), site, after));
        start.ifPresent(n -> out.add(MysqlAlterSql.autoIncrement(sql, table, n)));
        yield out;
      }
      case AlterAction.AlterIdentity change -> {
        if (!change.options().isEmpty()) {
          throw rules.refuse(site, "E0446", "ALTER COLUMN " + change.column().value() + " SET/"
                  + "RESTART (identity options)",
              "an AUTO_INCREMENT column has no sequence options, and it never numbers below the"
                  + " largest value it holds");
        }
        // ALWAYS and BY DEFAULT are both AUTO_INCREMENT, which takes explicit values either way
        yield List.of();
      }
      case AlterAction.DropIdentity drop -> {
        Column column = column(old, drop.column(), site);
        yield drop.ifExists() && column.identity().isEmpty()
            ? List.of()
            : modify(table, alter, drop.column(), site, after);
      }
      case AlterAction.RenameConstraint rename -> renameConstraint(statement, rename, old, site);
      case AlterAction.AlterConstraint change -> throw rules.refuse(site, "E0445",
          "ALTER CONSTRAINT " + change.name().value(),
          dialect().id() + " checks every constraint at once, never deferred");
      case AlterAction.ValidateConstraint validate -> {
        Optional<Constraint> constraint = old.constraint(ObjectName.fold(validate.name()));
        if (constraint.isPresent() && !notValid(constraint.get())) {
          // PostgreSQL validates a valid constraint as a no-op; the dialect has no NOT VALID
          yield List.of();
        }
        throw rules.refuse(site, "E0445", "VALIDATE CONSTRAINT " + validate.name().value(),
            dialect().id() + " has no NOT VALID constraints to validate");
      }
      case AlterAction.AttachPartition attach -> throw partition(site, "ATTACH PARTITION");
      case AlterAction.DetachPartition detach -> throw partition(site, "DETACH PARTITION");
      case AlterAction.SetSchema move -> throw rules.refuse(site, "E0440", "ALTER TABLE ..."
          + " SET SCHEMA", dialect().id() + " has no schemas inside a database");
    };
  }

  private static final Set<DataType.Kind> FRACTIONAL_TIMES = EnumSet.of(DataType.Kind.TIME,
      DataType.Kind.TIMETZ, DataType.Kind.TIMESTAMP, DataType.Kind.TIMESTAMPTZ);

  /**
   * Whether {@code type} is a time or timestamp with fractional digits ({@code TIMESTAMP}, which
   * strata writes as {@code DATETIME(6)}, or {@code TIME(3)}): {@code MODIFY ... TEXT} writes them
   * all, zeros included.
   */
  private static boolean fractionalTime(DataType type) {
    return FRACTIONAL_TIMES.contains(type.kind()) && !type.isArray()
        && type.size().orElse(6) > 0;
  }

  private DiagnosticException partition(Site site, String what) {
    return rules.refuse(site, "E0440", "ALTER TABLE ... " + what,
        "PostgreSQL's declarative partitions have no counterpart here");
  }

  private static boolean notValid(Constraint constraint) {
    return constraint instanceof Constraint.Check check && check.notValid()
        || constraint instanceof Constraint.ForeignKey key && key.notValid();
  }

  private List<String> one(Query query) {
    return List.of(sql.render(query));
  }

  /** {@code MODIFY COLUMN} with the column's definition after the statement. */
  private List<String> modify(Name table, AlterTable alter, Identifier column, Site site,
      SchemaModel after) throws DiagnosticException {
    Table now = after.table(ObjectName.of(alter.table()))
        .orElseThrow(() -> tables.missing(site, "table " + ObjectName.of(alter.table()).display()));
    Column definition = column(now, column, site);
    return List.of(MysqlRules.restated(MysqlAlterSql.modifyColumn(sql, table,
        columns.definition(SqlContext.name(column), definition, after, site)), after));
  }

  private Column column(Table table, Identifier column, Site site) throws DiagnosticException {
    return table.column(ObjectName.fold(column)).orElseThrow(() -> tables.missing(site,
        "column " + ObjectName.quoted(ObjectName.fold(column)) + " of table "
            + table.name().display()));
  }

  private List<String> addColumn(Name table, AlterAction.AddColumn add, Table old, Site site,
      SchemaModel before, SchemaModel after) throws DiagnosticException {
    String name = ObjectName.fold(add.column().name());
    boolean exists = old.column(name).isPresent();
    MysqlRules.Clause clause = MysqlRules.Clause.KEEP;
    if (add.ifNotExists()) {
      clause = rules.clause(dialect().has(Capability.IF_EXISTS_IN_ALTER_TABLE), !exists, before,
          "ADD COLUMN IF NOT EXISTS", site);
      if (clause == MysqlRules.Clause.SKIP) {
        return List.of();
      }
    }
    List<TableConstraint> written = MysqlTables.columnConstraints(add.column());
    if (add.ifNotExists() && !written.isEmpty()) {
      throw rules.refuse(site, "E0445", "ADD COLUMN IF NOT EXISTS with a constraint on the"
              + " column", "the constraint would be added even when the column is not",
          "help: add the column, then the constraint with ALTER TABLE ... ADD CONSTRAINT");
    }
    Table now = after.table(old.name()).orElseThrow(() -> tables.missing(site, "table "
        + old.name().display()));
    Column column = column(now, add.column().name(), site);
    List<Constraint> fresh = new ArrayList<>(now.constraints());
    fresh.removeAll(old.constraints());
    List<org.jooq.Constraint> constraints = new ArrayList<>();
    for (TableConstraint constraint : written) {
      constraints.add(tables.constraint(constraint, now, fresh, after, site));
    }
    Optional<Long> start = tables.autoIncrement(now, indexStarts(before, old.name()), site);
    // the START WITH of the table's identity: refused when it is the added column's (an identity
    // of another column, added before, is no concern of this statement)
    if (start.isPresent() && MysqlColumns.autoIncrement(column)) {
      throw rules.refuse(site, "E0446", "ADD COLUMN with an identity that says START WITH",
          "the existing rows are numbered from the table's own AUTO_INCREMENT counter",
          "help: add the column without START WITH");
    }
    Name columnName = SqlContext.name(add.column().name());
    // a column the model has already is no change: IF NOT EXISTS skips it, with nothing to copy
    boolean copy = volatileDefault(add) && !exists;
    if (clause == MysqlRules.Clause.KEEP && add.ifNotExists()) {
      String statement = MysqlAlterSql.addColumnIfNotExists(sql, table,
          columns.definition(columnName, column, after, site));
      return List.of(copy ? MysqlAlterSql.withCopy(statement) : statement);
    }
    List<org.jooq.TableElement> elements = new ArrayList<>();
    elements.add(columns.field(columnName, column, after, site));
    elements.addAll(constraints);
    String statement = sql.render(sql.dsl().alterTable(table).add(elements));
    return List.of(copy ? MysqlAlterSql.withCopy(statement) : statement);
  }

  /**
   * Whether the added column's default calls a function PostgreSQL evaluates row by row ({@link
   * Volatility#isVolatile}: {@code random()}, {@code gen_random_uuid()}, ...). PostgreSQL gives
   * every existing row its own value (the table is rewritten); MariaDB 10.11 adds a column whose
   * default is {@code (rand())} instantly, with one value stored for every existing row, unless
   * the statement says {@code ALGORITHM = COPY} (checked against the server).
   */
  private static boolean volatileDefault(AlterAction.AddColumn add) {
    return add.column().constraints().stream().anyMatch(c ->
        c instanceof ColumnConstraint.Default value && Volatility.isVolatile(value.value()));
  }

  /** The first column of each index of {@code table} (its own indexes, not its constraints). */
  private static List<String> indexStarts(SchemaModel model, ObjectName table) {
    return model.indexesOn(table).stream()
        .flatMap(i -> i.keys().getFirst().column().map(ObjectName::fold).stream())
        .toList();
  }

  private List<String> addConstraint(AlterTableStep statement, TableConstraint constraint,
      Table old, Site site, SchemaModel after) throws DiagnosticException {
    tables.refuseForm(constraint, site);
    Table now = after.table(old.name()).orElseThrow(() -> tables.missing(site, "table "
        + old.name().display()));
    List<Constraint> fresh = new ArrayList<>(now.constraints());
    fresh.removeAll(old.constraints());
    return one(statement.add(tables.constraint(constraint, now, fresh, after, site)));
  }

  private List<String> dropConstraint(Name table, AlterAction.DropConstraint drop, Table old,
      Site site, SchemaModel before) throws DiagnosticException {
    Optional<Constraint> found = old.constraint(ObjectName.fold(drop.name()));
    if (found.isEmpty()) {
      if (drop.ifExists() && !before.blind()) {
        return List.of(); // PostgreSQL skips it; so does the database the guard checked
      }
      if (drop.ifExists() && dialect().has(Capability.DROP_CONSTRAINT)) {
        return one(sql.dsl().alterTable(table).dropConstraintIfExists(
            SqlContext.name(drop.name())));
      }
      throw tables.missing(site, "constraint " + drop.name().value() + " of table "
          + old.name().display() + " to tell which kind of constraint it is");
    }
    Constraint constraint = found.get();
    if (drop.cascade()) {
      Optional<String> dependent = referencing(constraint, old, before);
      if (dependent.isPresent()) {
        throw tables.cascade(site, "DROP CONSTRAINT ... CASCADE", dependent.get());
      }
    }
    if (constraint instanceof Constraint.PrimaryKey key) {
      Optional<Column> auto = old.columns().stream().filter(MysqlColumns::autoIncrement)
          .filter(c -> key.columns().getFirst().equals(c.name())).findFirst();
      boolean otherKey = auto.isPresent() && (indexStarts(before, old.name())
          .contains(auto.get().name()) || old.constraints().stream().anyMatch(c ->
              c instanceof Constraint.Unique && c.columns().getFirst().equals(auto.get().name())));
      if (auto.isPresent() && !otherKey) {
        throw rules.refuse(site, "E0446", "DROP CONSTRAINT " + drop.name().value(),
            "the primary key is the only key that starts with the AUTO_INCREMENT column "
                + ObjectName.quoted(auto.get().name()) + ", which must be the first column of"
                + " a key");
      }
    }
    return List.of(dropConstraint(table, constraint, old, before, Set.of()));
  }

  /**
   * The statement that drops {@code constraint} of {@code table} ({@code model}'s {@code old}), by
   * its kind; a unique key that a foreign key needs is replaced by that key's own index ({@link
   * MysqlTables#servedOnlyBy}; {@code gone}: what the statement drops besides).
   */
  private String dropConstraint(Name table, Constraint constraint, Table old, SchemaModel model,
      Set<String> gone) {
    Name name = MysqlTables.name(constraint.name());
    AlterTableStep statement = sql.dsl().alterTable(table);
    boolean general = dialect().has(Capability.DROP_CONSTRAINT);
    if (constraint instanceof Constraint.Unique unique) {
      List<Constraint.ForeignKey> served = MysqlTables.servedOnlyBy(old, model, unique.name(),
          unique.columns(), gone);
      if (!served.isEmpty()) {
        return MysqlAlterSql.replaceIndex(sql, table, served, name, false);
      }
    }
    return switch (constraint) {
      // MySQL and MariaDB name every primary key PRIMARY
      case Constraint.PrimaryKey key -> sql.render(statement.dropPrimaryKey());
      case Constraint.ForeignKey key ->
          sql.render(general ? statement.dropConstraint(name) : statement.dropForeignKey(name));
      case Constraint.Check check -> general
          ? sql.render(statement.dropConstraint(name))
          : MysqlAlterSql.dropCheck(sql, table, name);
      // a unique constraint is its index
      case Constraint.Unique unique -> sql.render(general
          ? statement.dropConstraint(name)
          : sql.dsl().dropIndex(name).on(table));
      case Constraint.Exclude exclude -> throw new IllegalStateException(
          "an exclusion constraint cannot be created for " + dialect().id());
    };
  }

  /** A foreign key (of any table) that references the key {@code constraint} of {@code table}. */
  private static Optional<String> referencing(Constraint constraint, Table table,
      SchemaModel model) {
    if (!(constraint instanceof Constraint.PrimaryKey || constraint instanceof Constraint.Unique)) {
      return model.blind()
          ? Optional.of("what '-- +dialect' blocks made, which the schema model cannot see")
          : Optional.empty();
    }
    for (Table other : model.referencing(table.name())) {
      for (Constraint c : other.constraints()) {
        if (c instanceof Constraint.ForeignKey fk && fk.references().equals(table.name())
            && Set.copyOf(fk.referencedColumns()).equals(Set.copyOf(constraint.columns()))) {
          return Optional.of("the foreign key " + fk.name() + " of table "
              + other.name().display());
        }
      }
    }
    return model.blind()
        ? Optional.of("what '-- +dialect' blocks made, which the schema model cannot see")
        : Optional.empty();
  }

  /**
   * {@code DROP COLUMN}: first the statements that drop what PostgreSQL drops along with the
   * column and MySQL/MariaDB would not (foreign keys of the table that use it, checks that read
   * it, keys and indexes of several columns that include it, which the servers would shrink to
   * the other columns), then the column.
   */
  private List<String> dropColumn(Name table, AlterAction.DropColumn drop, Table old, Site site,
      SchemaModel before) throws DiagnosticException {
    String name = ObjectName.fold(drop.column());
    boolean exists = old.column(name).isPresent();
    MysqlRules.Clause clause = MysqlRules.Clause.KEEP;
    if (drop.ifExists()) {
      clause = rules.decide(dialect().has(Capability.IF_EXISTS_IN_ALTER_TABLE), exists, before,
          "DROP COLUMN IF EXISTS", site);
      if (clause == MysqlRules.Clause.SKIP) {
        return List.of();
      }
    }
    if (!exists) {
      throw tables.missing(site, "column " + ObjectName.quoted(name) + " of table "
          + old.name().display());
    }
    if (drop.cascade()) {
      Optional<String> dependent = columnDependent(old, name, before);
      if (dependent.isPresent()) {
        throw tables.cascade(site, "DROP COLUMN ... CASCADE", dependent.get());
      }
    }
    List<String> out = new ArrayList<>();
    // foreign keys first: the servers refuse to drop an index a foreign key uses
    List<Constraint> ordered = new ArrayList<>(old.constraints().stream()
        .filter(Constraint.ForeignKey.class::isInstance).toList());
    old.constraints().stream().filter(c -> !(c instanceof Constraint.ForeignKey))
        .forEach(ordered::add);
    Set<String> gone = new java.util.HashSet<>();
    for (Constraint c : ordered) {
      boolean dropsIt = switch (c) {
        case Constraint.ForeignKey fk -> fk.columns().contains(name);
        case Constraint.Check check -> reads(check, name, old);
        case Constraint.Unique unique -> unique.columns().contains(name);
        case Constraint.PrimaryKey key -> key.columns().contains(name);
        case Constraint.Exclude exclude -> false;
      };
      if (dropsIt) {
        gone.add(c.name());
      }
    }
    before.indexesOn(old.name()).stream()
        .filter(i -> i.keys().stream().anyMatch(k ->
            k.column().map(ObjectName::fold).filter(name::equals).isPresent()))
        .forEach(i -> gone.add(i.name().name()));
    for (Constraint c : ordered) {
      boolean drops = switch (c) {
        case Constraint.ForeignKey fk -> fk.columns().contains(name);
        case Constraint.Check check -> reads(check, name, old);
        case Constraint.Unique unique -> unique.columns().size() > 1
            && unique.columns().contains(name);
        // the primary key goes with its column; one of several columns would be kept shrunk
        case Constraint.PrimaryKey key -> key.columns().size() > 1 && key.columns().contains(name);
        case Constraint.Exclude exclude -> false;
      };
      if (drops) {
        out.add(dropConstraint(table, c, old, before, gone));
      }
    }
    for (Index index : before.indexesOn(old.name())) {
      if (index.keys().size() > 1
          && index.keys().stream().anyMatch(k -> k.column().map(ObjectName::fold)
              .filter(name::equals).isPresent())) {
        Name indexName = MysqlTables.name(index.name().name());
        List<Constraint.ForeignKey> served = MysqlTables.servedOnlyBy(old, before,
            index.name().name(), index.keys().stream()
                .map(k -> k.column().map(ObjectName::fold).orElse("")).toList(), gone);
        out.add(served.isEmpty()
            ? sql.render(sql.dsl().dropIndex(indexName).on(table))
            : MysqlAlterSql.replaceIndex(sql, table, served, indexName, false));
      }
    }
    out.add(sql.render(sql.dsl().alterTable(table).dropColumn(SqlContext.name(drop.column()))));
    out.addAll(tables.ownedSequences(before,
        owner -> owner.table().equals(old.name()) && owner.column().equals(name)));
    return out;
  }

  private static final Pattern CAST = Pattern.compile("\\s*::\\s*([A-Za-z_][A-Za-z0-9_ ]*"
      + "(?:\\(\\s*[0-9]+\\s*(?:,\\s*[0-9]+\\s*)?\\))?)\\s*");

  /**
   * Whether the {@code USING} of a type change only casts the column ({@code amount::numeric(20,
   * 4)}, {@code status::text::mood}), each cast to text or to the new type: MySQL and MariaDB
   * convert the column's values to the new type themselves, so such a {@code USING} is left out.
   * Any other expression (a function, arithmetic, another column) is refused.
   */
  static boolean castsOnly(AlterAction.AlterColumnType change) {
    String text = change.using().get().sql().strip();
    String column = change.column().quoted()
        ? "\"" + change.column().value().replace("\"", "\"\"") + "\""
        : change.column().value();
    if (!text.regionMatches(!change.column().quoted(), 0, column, 0, column.length())) {
      return false;
    }
    String rest = text.substring(column.length());
    if (rest.isEmpty()) {
      return true;
    }
    Matcher m = CAST.matcher(rest);
    int at = 0;
    while (at < rest.length()) {
      if (!m.find(at) || m.start() != at) {
        return false;
      }
      String target = m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
          .replaceAll("\\s*([(),])\\s*", "$1");
      if (!textual(target) && !spells(target, change.type())) {
        return false;
      }
      at = m.end();
    }
    return true;
  }

  private static boolean textual(String type) {
    return type.equals("text") || type.matches("(varchar|character varying)(\\([0-9]+\\))?");
  }

  /** Whether {@code target} (lower case, no spaces around parentheses) names {@code type}. */
  private static boolean spells(String target, DataType type) {
    if (type.isArray()) {
      return false;
    }
    String args = type.size().isPresent()
        ? "(" + type.size().getAsInt() + type.scale().stream().mapToObj(s -> "," + s)
            .findFirst().orElse("") + ")"
        : "";
    List<String> names = switch (type.kind()) {
      case NAMED -> List.of(type.named().get().name().name().value().toLowerCase(Locale.ROOT));
      case NUMERIC -> List.of("numeric", "decimal");
      case VARCHAR -> List.of("varchar", "character varying");
      case CHAR -> List.of("char", "character");
      case INTEGER -> List.of("integer", "int", "int4");
      case BIGINT -> List.of("bigint", "int8");
      case SMALLINT -> List.of("smallint", "int2");
      case TEXT -> List.of("text");
      case DATE -> List.of("date");
      default -> List.of();
    };
    return type.named().map(n -> n.modifiers().isEmpty()).orElse(true)
        && names.stream().anyMatch(n -> target.equals(n + args));
  }

  /** A foreign key, of {@code table} or referencing it, that uses {@code column}. */
  private static Optional<String> foreignKeyOf(Table table, String column, SchemaModel model) {
    // only the table and the tables referencing it can hold such a key: those, in model order
    Set<ObjectName> candidates = new java.util.HashSet<>(Set.of(table.name()));
    model.referencing(table.name()).forEach(t -> candidates.add(t.name()));
    for (Table other : model.tablesAmong(candidates)) {
      for (Constraint c : other.constraints()) {
        if (c instanceof Constraint.ForeignKey fk
            && (other.name().equals(table.name()) && fk.columns().contains(column)
                || fk.references().equals(table.name())
                    && fk.referencedColumns().contains(column))) {
          return Optional.of("the foreign key " + fk.name() + " of table "
              + other.name().display());
        }
      }
    }
    return Optional.empty();
  }

  /** What PostgreSQL's {@code DROP COLUMN ... CASCADE} would drop beyond the table. */
  private static Optional<String> columnDependent(Table table, String column, SchemaModel model) {
    for (Table other : model.referencing(table.name())) {
      for (Constraint c : other.constraints()) {
        if (c instanceof Constraint.ForeignKey fk && fk.references().equals(table.name())
            && fk.referencedColumns().contains(column)) {
          return Optional.of("the foreign key " + fk.name() + " of table "
              + other.name().display());
        }
      }
    }
    return MysqlTables.viewReading(table.name(), List.of(), model);
  }

  /** Whether the check's condition names {@code column} (outside string literals). */
  static boolean reads(Constraint.Check check, String column, Table table) {
    Matcher m = WORD.matcher(check.condition().sql());
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
          : m.group(2) != null ? m.group(2)
          : m.group(3) != null ? m.group(3).toLowerCase(Locale.ROOT) : null;
      if (column.equals(word)) {
        return true;
      }
    }
    return false;
  }

  private List<String> renameConstraint(AlterTableStep statement,
      AlterAction.RenameConstraint rename, Table old, Site site) throws DiagnosticException {
    Optional<Constraint> found = old.constraint(ObjectName.fold(rename.from()));
    if (found.isEmpty()) {
      throw tables.missing(site, "constraint " + rename.from().value() + " of table "
          + old.name().display());
    }
    return switch (found.get()) {
      // always named PRIMARY here; the model keeps the new name for later statements
      case Constraint.PrimaryKey key -> List.of();
      case Constraint.Unique unique -> one(statement.renameIndex(SqlContext.name(rename.from()))
          .to(SqlContext.name(rename.to())));
      case Constraint.ForeignKey key -> throw renameRefused(site, rename, "foreign key");
      case Constraint.Check check -> throw renameRefused(site, rename, "check");
      case Constraint.Exclude exclude -> throw renameRefused(site, rename, "exclusion");
    };
  }

  private DiagnosticException renameRefused(Site site, AlterAction.RenameConstraint rename,
      String kind) {
    return rules.refuse(site, "E0445", "RENAME CONSTRAINT " + rename.from().value(),
        dialect().id() + " cannot rename a " + kind + " constraint",
        "help: drop the constraint and add it again under the new name");
  }

  /**
   * Refuses renaming {@code relation} (a table or a view, as {@code kind} says), or its {@code
   * column}, while a view reads it: MySQL and MariaDB keep a view's query with the names as
   * written, so the rename succeeds and every query of the view then fails ("View ... references
   * invalid table(s) or column(s)", error 1356); PostgreSQL's views follow the rename.
   *
   * @throws DiagnosticException E0444 naming the first such view
   */
  void refuseReadByViews(ObjectName relation, String kind, Optional<String> column,
      SchemaModel before, Site site, String what) throws DiagnosticException {
    for (dev.strata.compiler.schema.View view : References.readers(relation, before)) {
      String query = view.definition().query().sql();
      // a view's * is expanded when it is made: it names every column, as written then
      if (column.isEmpty() || NameMentions.mentions(query, column.get())
          || ExpressionScan.of(query).selectsStar()) {
        throw rules.refuse(site, "E0444", what + " of " + kind + " " + relation.display()
                + " while view " + view.name().display() + " reads it", dialect().id()
                + " keeps a view's query as written, so the view would fail at every query"
                + " after the rename (error 1356); PostgreSQL's views follow it",
            "help: drop the view before the rename and create it again after, with the new"
                + " name");
      }
    }
  }
}
