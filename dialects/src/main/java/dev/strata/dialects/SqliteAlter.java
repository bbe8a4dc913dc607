package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.NameMentions;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.SchemaText;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.TypeConversion;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@code ALTER TABLE} for SQLite: each action in SQLite's own {@code ALTER TABLE} where it has one
 * ({@code ADD COLUMN} of a plain column, {@code RENAME COLUMN}, {@code RENAME TO}, {@code DROP
 * COLUMN} of a column nothing else names), and the whole statement as one {@link SqliteRebuild
 * table rebuild} when any action needs one (column type, nullability and default, constraints,
 * identities, a column that SQLite cannot add or drop in place). One statement is one rebuild,
 * however many of its actions need one. Also the rebuilds that an enum type's new or renamed
 * value makes in every table with a column of the type (their {@code CHECK}s list the values).
 */
final class SqliteAlter {
  private final SqlContext sql;
  private final Expressions expressions;
  private final SqliteStatements statements;
  private final SqliteRebuild rebuild;

  SqliteAlter(SqlContext sql, Expressions expressions, SqliteStatements statements) {
    this.sql = sql;
    this.expressions = expressions;
    this.statements = statements;
    this.rebuild = new SqliteRebuild(sql, expressions, statements);
  }

  /** What SQLite does for one action. */
  private enum Way {
    /** SQLite's own {@code ALTER TABLE} */
    NATIVE,
    /** nothing: the action changes nothing in SQLite */
    NOTHING,
    /** a table rebuild */
    REBUILD
  }

  /**
   * The statements of {@code alter}.
   *
   * @throws DiagnosticException E0450 for an action SQLite cannot express; E0451 for a rebuild of
   *     a table the model does not know
   */
  List<String> render(Operation.AlterTable alter, Site site, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    SqliteStatements.requireLocal(alter.table(), site);
    ObjectName name = ObjectName.of(alter.table());
    Optional<Table> table = before.table(name);
    if (table.isEmpty() && alter.ifExists() && !before.views().containsKey(name)) {
      return List.of(); // PostgreSQL does nothing either
    }
    List<String> natives = new ArrayList<>();
    boolean rebuilds = false;
    ObjectName finalName = name;
    for (AlterAction action : alter.actions()) {
      if (action instanceof AlterAction.RenameTable rename) {
        finalName = ObjectName.in(name, rename.newName());
      }
      switch (way(action, table, before, site)) {
        case NATIVE -> natives.add(nativeStatement(alter.table(), action, before, site));
        case NOTHING -> {}
        case REBUILD -> rebuilds = true;
      }
    }
    if (!rebuilds) {
      return natives;
    }
    if (table.isEmpty()) {
      throw SqliteStatements.unknown(site, "ALTER TABLE", "table " + name.display(),
          "SQLite makes this change by rebuilding the table from its definition");
    }
    Optional<Table> changed = after.table(finalName);
    if (changed.isEmpty()) {
      throw SqliteStatements.unknown(site, "ALTER TABLE", "table " + finalName.display()
          + " after the change", "SQLite makes this change by rebuilding the table");
    }
    // the renames first, by SQLite itself, which renames the table or column in the views,
    // triggers and other tables' foreign keys that name it too; the rebuild starts from the
    // renamed table
    List<String> out = new ArrayList<>();
    Table renamed = table.get();
    QualifiedName current = alter.table();
    for (AlterAction action : alter.actions()) {
      if (action instanceof AlterAction.RenameColumn rename) {
        out.addAll(statements.shared(new Operation.AlterTable(current, false, List.of(action)),
            site));
        renamed = renamed(renamed, ObjectName.fold(rename.from()), ObjectName.fold(rename.to()));
      } else if (action instanceof AlterAction.RenameTable rename) {
        out.addAll(statements.shared(new Operation.AlterTable(current, false, List.of(action)),
            site));
        current = new QualifiedName(Optional.empty(), rename.newName());
        renamed = moved(renamed, ObjectName.in(name, rename.newName()));
      }
    }
    out.addAll(rebuild.rebuild(renamed, name, changed.get(), copies(alter, renamed, before, site),
        before, after, site));
    return out;
  }

  /** {@code table} under the name {@code to}. */
  private static Table moved(Table table, ObjectName to) {
    return new Table(to, table.columns(), table.constraints(), table.unlogged(),
        table.partitionBy(), table.partitionOf(), table.options(), table.comment(),
        table.origin());
  }

  /** {@code table} with its column {@code from} named {@code to}. */
  private static Table renamed(Table table, String from, String to) {
    return new Table(table.name(), table.columns().stream()
        .map(c -> c.name().equals(from) ? new Column(to, c.type(), c.notNull(), c.defaultValue(),
            c.identity(), c.generated(), c.collation(), c.comment(), c.origin()) : c)
        .toList(), table.constraints(), table.unlogged(), table.partitionBy(),
        table.partitionOf(), table.options(), table.comment(), table.origin());
  }

  /**
   * The rebuilds of every table with a column of the enum type {@code type} once a value is added
   * to it ({@code rename} empty) or renamed: the columns' checks list the values. A renamed value is
   * renamed in the rows too.
   */
  List<String> enumValues(QualifiedName type, Optional<Operation.RenameEnumValue> rename,
      Site site, SchemaModel before, SchemaModel after) throws DiagnosticException {
    SqliteStatements.requireLocal(type, site);
    ObjectName name = ObjectName.of(type);
    Optional<EnumType> old = Optional.ofNullable(before.types().get(name));
    Optional<EnumType> changed = Optional.ofNullable(after.types().get(name));
    if (old.isEmpty() || changed.isEmpty()) {
      throw SqliteStatements.unknown(site, "ALTER TYPE", "type " + name.display(),
          "SQLite has no types: the columns of the type check its values, and strata rebuilds"
              + " their tables from the model");
    }
    if (old.get().values().equals(changed.get().values())) {
      return List.of(); // ADD VALUE IF NOT EXISTS of a value it has
    }
    if (rename.isPresent()) {
      refuseStaleLabel(name, rename.get(), site, before);
    }
    // a view that orders the values keeps its CASE of the labels; the rebuild leaves it in place
    Optional<String> stale = MovedLabels.stale(name, expressions, false, before, after, site);
    if (stale.isPresent()) {
      String statement = rename.isPresent() ? "RENAME VALUE" : "ADD VALUE";
      throw site.error("E0450", "ALTER TYPE ... " + statement + " cannot be rendered for sqlite: "
              + stale.get() + " orders the values of " + name.display() + " by their labels,"
              + " which SQLite's copy of it lists as they were",
          "help: drop the view before " + statement + " and create it again after");
    }
    List<String> out = new ArrayList<>();
    for (Table table : before.typeUsers(name)) {
      List<String> typed = table.columns().stream()
          .filter(c -> DataTypes.enumType(c.type(), before)
              .filter(t -> t.name().equals(name)).isPresent())
          .map(Column::name).toList();
      if (typed.isEmpty()) {
        continue;
      }
      Map<String, Field<?>> copies = new LinkedHashMap<>();
      for (Column column : table.columns()) {
        Field<Object> value = SqliteRebuild.column(column.name());
        copies.put(column.name(), typed.contains(column.name()) && rename.isPresent()
            ? DSL.when(value.eq(DSL.inline(rename.get().from())), DSL.inline((Object) rename.get().to()))
                .otherwise(value)
            : value);
      }
      Table changedTable = after.table(table.name()).orElse(table);
      out.addAll(rebuild.rebuild(table, table.name(), changedTable, copies, before, after,
          site));
    }
    return out;
  }

  /**
   * E0450 when a check, a generated column, a partial or expression index, or a view (directly or
   * through other views) over a table with a column of the enum type {@code type} has the renamed
   * label as a string literal. PostgreSQL keeps such a literal as the enum value, which follows
   * the rename ({@code pg_get_constraintdef} and {@code pg_get_viewdef} then show the new label);
   * SQLite keeps the text, so the check, index or view would go on comparing with a label no row
   * holds any more, without a word. A literal of another column counts too: the text does not tell
   * which column it is compared with. A column default that is the label follows the rename in
   * the schema model ({@code TypeApplier.renameDefaults}).
   */
  private static void refuseStaleLabel(ObjectName type, Operation.RenameEnumValue rename,
      Site site, SchemaModel before) throws DiagnosticException {
    String label = rename.from();
    for (Table table : before.typeUsers(type)) {
      for (Constraint constraint : table.constraints()) {
        if (constraint instanceof Constraint.Check check && names(check.condition(), label)) {
          throw staleLabel(site, rename, "check " + ObjectName.quoted(check.name())
              + " of table " + table.name().display(), "the constraint");
        }
      }
      for (Column column : table.columns()) {
        if (column.generated().filter(e -> names(e, label)).isPresent()) {
          throw staleLabel(site, rename, "generated column " + ObjectName.quoted(column.name())
              + " of table " + table.name().display(), "the column");
        }
      }
      for (Index index : before.indexesOn(table.name())) {
        if (index.where().filter(e -> names(e, label)).isPresent() || index.keys().stream()
            .anyMatch(k -> k.expression().filter(e -> names(e, label)).isPresent())) {
          throw staleLabel(site, rename, "index " + index.name().display(), "the index");
        }
      }
      for (View view : References.readers(table.name(), before)) {
        if (names(view.definition().query(), label)) {
          throw staleLabel(site, rename, "view " + view.name().display(), "the view");
        }
      }
    }
  }

  /** Whether {@code expression} has a string literal whose value is {@code label}. */
  private static boolean names(dev.strata.grammar.ast.Expr expression, String label) {
    return ExpressionScan.of(expression.sql()).strings().contains(label);
  }

  private static DiagnosticException staleLabel(Site site, Operation.RenameEnumValue rename,
      String object, String it) {
    String from = "'" + rename.from().replace("'", "''") + "'";
    String to = "'" + rename.to().replace("'", "''") + "'";
    return site.error("E0450", "ALTER TYPE ... RENAME VALUE cannot be rendered for sqlite: "
            + object + " has the text " + from + ", which SQLite would keep after the rename;"
            + " where it is a value of the type, PostgreSQL's follows the rename to " + to,
        "help: drop " + it + " before the rename and make it again after it, saying " + to);
  }

  private Way way(AlterAction action, Optional<Table> table, SchemaModel before, Site site)
      throws DiagnosticException {
    return switch (action) {
      case AlterAction.AddColumn add -> {
        String column = ObjectName.fold(add.column().name());
        if (add.ifNotExists() && table.flatMap(t -> t.column(column)).isPresent()) {
          yield Way.NOTHING;
        }
        yield new SqliteTableSql(sql,
            table.map(t -> expressions.in(t.name())).orElse(expressions), before)
            .addable(add.column(), site)
            ? Way.NATIVE : Way.REBUILD;
      }
      case AlterAction.DropColumn drop -> {
        String column = ObjectName.fold(drop.column());
        if (table.isEmpty()) {
          yield Way.NATIVE;
        }
        if (table.get().column(column).isEmpty()) {
          yield drop.ifExists() ? Way.NOTHING : Way.NATIVE;
        }
        yield free(table.get(), column, before) ? Way.NATIVE : Way.REBUILD;
      }
      case AlterAction.RenameColumn rename -> Way.NATIVE;
      case AlterAction.RenameTable rename -> Way.NATIVE;
      case AlterAction.AlterColumnType change -> Way.REBUILD;
      case AlterAction.SetDefault set -> Way.REBUILD;
      case AlterAction.DropDefault drop -> Way.REBUILD;
      case AlterAction.SetNotNull set -> Way.REBUILD;
      case AlterAction.DropNotNull drop -> Way.REBUILD;
      case AlterAction.DropExpression drop -> Way.REBUILD;
      case AlterAction.AddConstraint add -> {
        if (add.constraint() instanceof TableConstraint.Check check && check.notValid()
            || add.constraint() instanceof TableConstraint.ForeignKey key && key.notValid()) {
          throw SqliteStatements.refuse(site, "ADD CONSTRAINT ... NOT VALID",
              "SQLite checks every row when it rebuilds the table to add the constraint");
        }
        yield Way.REBUILD;
      }
      case AlterAction.DropConstraint drop -> {
        boolean known = table.flatMap(t -> t.constraint(ObjectName.fold(drop.name())))
            .isPresent();
        yield !known && drop.ifExists() && table.isPresent() ? Way.NOTHING : Way.REBUILD;
      }
      case AlterAction.RenameConstraint rename -> Way.REBUILD;
      case AlterAction.AlterConstraint change -> Way.REBUILD;
      // SQLite's constraints are always valid: NOT VALID is refused where it is added
      case AlterAction.ValidateConstraint validate -> Way.NOTHING;
      case AlterAction.AddIdentity add -> Way.REBUILD;
      case AlterAction.DropIdentity drop -> Way.REBUILD;
      case AlterAction.AlterIdentity change -> throw SqliteStatements.refuse(site,
          "ALTER COLUMN ... SET GENERATED / SET option / RESTART",
          "an INTEGER PRIMARY KEY AUTOINCREMENT column has no sequence options, and SQLite"
              + " cannot refuse a value given for it");
      case AlterAction.AttachPartition attach -> throw SqliteStatements.refuse(site,
          "ALTER TABLE ... ATTACH PARTITION", "SQLite has no partitioned tables");
      case AlterAction.DetachPartition detach -> throw SqliteStatements.refuse(site,
          "ALTER TABLE ... DETACH PARTITION", "SQLite has no partitioned tables");
      case AlterAction.SetSchema move -> throw SqliteStatements.refuse(site,
          "ALTER TABLE ... SET SCHEMA", "SQLite has no schemas");
    };
  }

  /**
   * The action in SQLite's own {@code ALTER TABLE} (without {@code IF [NOT] EXISTS}, which it
   * lacks: the model has decided them): {@code ADD COLUMN} by {@link SqliteTableSql}, the renames
   * and {@code DROP COLUMN} by the shared path.
   */
  private String nativeStatement(QualifiedName table, AlterAction action, SchemaModel before,
      Site site) throws DiagnosticException {
    if (action instanceof AlterAction.AddColumn add) {
      return new SqliteTableSql(sql, expressions.in(ObjectName.of(table)), before)
          .addColumn(table, add.column(), site);
    }
    AlterAction plain = action instanceof AlterAction.DropColumn drop
        ? new AlterAction.DropColumn(drop.column(), false, false)
        : action;
    return String.join(";\n", statements.shared(
        new Operation.AlterTable(table, false, List.of(plain)), site));
  }

  /**
   * Whether SQLite's own {@code DROP COLUMN} can drop {@code column}: it is in no key, unique
   * constraint, foreign key (of this table or another), check, index (key, expression, {@code
   * INCLUDE} or predicate), generated column or view of the table, and its type implies no check
   * (an enum's values, {@code json_valid} for JSON: {@link DataTypes#impliedCheck}), which SQLite
   * refuses to drop a column from ("error in table t after drop column: no such column").
   */
  private static boolean free(Table table, String column, SchemaModel model) {
    Optional<Column> own = table.column(column);
    if (own.isPresent() && DataTypes.impliedCheck(
        DSL.name(column), own.get().type(), Dialect.SQLITE, model).isPresent()) {
      return false;
    }
    for (Constraint constraint : table.constraints()) {
      boolean uses = switch (constraint) {
        case Constraint.PrimaryKey key -> key.columns().contains(column);
        case Constraint.Unique unique -> unique.columns().contains(column);
        case Constraint.ForeignKey key -> key.columns().contains(column);
        case Constraint.Check check -> NameMentions.mentions(check.condition().sql(), column);
        case Constraint.Exclude exclude -> true;
      };
      if (uses) {
        return false;
      }
    }
    for (Table other : model.referencing(table.name())) {
      for (Constraint constraint : other.constraints()) {
        if (constraint instanceof Constraint.ForeignKey key
            && key.references().equals(table.name()) && key.referencedColumns().contains(column)) {
          return false;
        }
      }
    }
    for (Column other : table.columns()) {
      if (other.generated().filter(g -> NameMentions.mentions(g.sql(), column)).isPresent()) {
        return false;
      }
    }
    for (Index index : model.indexesOn(table.name())) {
      boolean uses = index.include().contains(column)
          || index.where().filter(w -> NameMentions.mentions(w.sql(), column)).isPresent();
      for (IndexElement key : index.keys()) {
        uses |= key.column().map(ObjectName::fold).filter(column::equals).isPresent()
            || key.expression().filter(e -> NameMentions.mentions(e.sql(), column)).isPresent();
      }
      if (uses) {
        return false;
      }
    }
    for (View view : References.readers(table.name(), model)) {
      if (NameMentions.mentions(view.definition().query().sql(), column)) {
        return false;
      }
    }
    return true;
  }

  /** The kinds of type whose values a type change converts with a cast ({@link #conversion}). */
  private static final Set<DataType.Kind> CAST_KINDS = EnumSet.of(DataType.Kind.SMALLINT,
      DataType.Kind.INTEGER, DataType.Kind.BIGINT, DataType.Kind.NUMERIC, DataType.Kind.REAL,
      DataType.Kind.DOUBLE_PRECISION, DataType.Kind.BOOLEAN, DataType.Kind.DATE);

  /**
   * What PostgreSQL does to {@code old}'s values in a type change without {@code USING} (its
   * assignment cast), as an expression to translate: {@code old::NEW_TYPE} for a number, boolean
   * or date type of another kind, size or scale ({@code NUMERIC(10, 2)} to {@code INTEGER} rounds,
   * to {@code NUMERIC(4, 1)} rounds to one digit and fails past three before the point), and for a
   * date becoming a timestamp (midnight); {@code old::TEXT} for a boolean becoming text ({@code
   * 'true'}, where SQLite's copy would keep 1); none where the copy keeps the value as PostgreSQL
   * does, or as near as SQLite's text of a time can (a timestamp's or time's precision is not
   * applied: SQLite's date functions drop the fraction). A string target's length is not checked,
   * as SQLite checks none.
   */
  private static Optional<Expr> conversion(Column old, AlterAction.AlterColumnType change,
      Site site) {
    DataType from = old.type();
    DataType to = change.type();
    if (from.equals(to) || from.isArray() || to.isArray()) {
      return Optional.empty();
    }
    String target;
    boolean midnight = from.kind() == DataType.Kind.DATE
        && (to.kind() == DataType.Kind.TIMESTAMP || to.kind() == DataType.Kind.TIMESTAMPTZ);
    if (CAST_KINDS.contains(to.kind()) || midnight) {
      target = SchemaText.type(to);
    } else if (from.kind() == DataType.Kind.BOOLEAN && TypeConversion.text(to)) {
      target = "TEXT";
    } else {
      return Optional.empty();
    }
    return Optional.of(new Expr(ObjectName.quoted(old.name()) + "::" + target,
        change.column().span().orElse(site.span())));
  }

  /**
   * For each column the table has after {@code alter}, the value its row takes from {@code table}
   * (the table with the statement's columns renamed already): the column, converted by a type
   * change's {@code USING} or, without one, as PostgreSQL converts it ({@link #conversion}); none
   * for a column the statement adds.
   */
  private Map<String, Field<?>> copies(Operation.AlterTable alter, Table table,
      SchemaModel before, Site site) throws DiagnosticException {
    Map<String, Field<?>> current = new LinkedHashMap<>();
    table.columns().forEach(c -> current.put(c.name(), SqliteRebuild.column(c.name())));
    for (AlterAction action : alter.actions()) {
      // the other actions keep every column's values as they are
      if (action instanceof AlterAction.AddColumn add) {
        current.putIfAbsent(ObjectName.fold(add.column().name()), null);
      } else if (action instanceof AlterAction.DropColumn drop) {
        current.remove(ObjectName.fold(drop.column()));
      } else if (action instanceof AlterAction.AlterColumnType change) {
        String name = ObjectName.fold(change.column());
        Optional<Expr> conversion = change.using()
            .or(() -> table.column(name).flatMap(old -> conversion(old, change, site)));
        if (current.get(name) != null && conversion.isPresent()) {
          current.put(name, DSL.field(DSL.raw(
              expressions.with(before).in(ObjectName.of(alter.table()))
                  .text(conversion.get(), site))));
        }
      }
    }
    current.values().removeIf(java.util.Objects::isNull);
    return current;
  }
}
