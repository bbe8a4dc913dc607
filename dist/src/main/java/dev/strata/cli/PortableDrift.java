package dev.strata.cli;

import dev.strata.cli.LiveCatalog.LiveColumn;
import dev.strata.cli.LiveCatalog.LiveForeignKey;
import dev.strata.cli.LiveCatalog.LiveIndex;
import dev.strata.cli.LiveCatalog.LiveTable;
import dev.strata.cli.LiveCatalog.LiveView;
import dev.strata.compiler.schema.Change;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaDiff;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drift on MariaDB, MySQL and SQLite: how a live database ({@link LiveCatalog}) differs from the
 * model of the revisions its version table names, as {@link SchemaDiff} changes from the model
 * (before) to the database (after), like {@link Drift} on PostgreSQL, but comparing less.
 *
 * <p>The model holds the revisions' PostgreSQL-flavoured definitions; these databases hold what
 * each dialect's type mapping made of them ({@code BOOLEAN} is {@code tinyint(1)} on MariaDB, a
 * declared type on SQLite, {@code now()} is {@code current_timestamp()}), so types, defaults and
 * expressions are not compared: a difference there is never reported, even a real one. What is
 * compared, names without case (as both engines compare them):
 *
 * <ul>
 *   <li>tables and views, by name (a view's query is not compared);
 *   <li>columns, by name, and their nullability: the model's {@code NOT NULL} (declared, or
 *       implied by a primary key or an identity) against the database's; on SQLite a primary-key
 *       column's nullability is not compared ({@code pragma_table_info} reports only a declared
 *       {@code NOT NULL}, and SQLite lets most key columns hold NULL);
 *   <li>primary keys, by their columns in order;
 *   <li>foreign keys, by their columns, referenced table and referenced columns (not by name:
 *       SQLite keeps none; not by their actions or timing);
 *   <li>indexes, by name and table, and by uniqueness and columns when every key of both is a
 *       plain column. On MariaDB/MySQL, where {@code information_schema.STATISTICS} lists the
 *       indexes of unique constraints and the ones the server makes for foreign keys with the
 *       others, a unique index on the columns of the model's primary key or of one of its unique
 *       constraints, and a non-unique index named after a foreign key (or its first column) whose
 *       leading columns are the key's, are their constraints', not indexes.
 * </ul>
 *
 * <p>Unique and check constraints, enum types, sequences, schemas, routines, triggers, extensions
 * and comments are not compared (the model's are kept as they are).
 */
final class PortableDrift {
  private PortableDrift() {}

  /** How an engine reports what {@link PortableDrift} compares. */
  enum Rules {
    /** MariaDB and MySQL ({@code information_schema}). */
    MYSQL(true, true),
    /** SQLite (its pragmas). */
    SQLITE(false, false);

    /** Whether a primary-key column is reported {@code NOT NULL} whether declared so or not. */
    final boolean keyColumnsReportedNotNull;

    /** Whether unique constraints' and foreign keys' indexes are listed with the others. */
    final boolean constraintIndexesListed;

    Rules(boolean keyColumnsReportedNotNull, boolean constraintIndexesListed) {
      this.keyColumnsReportedNotNull = keyColumnsReportedNotNull;
      this.constraintIndexesListed = constraintIndexesListed;
    }
  }

  /** The differences from {@code model} to {@code live}; empty when they agree. */
  static List<Change> between(SchemaModel model, LiveCatalog live, Rules rules) {
    return SchemaDiff.between(model, reconciled(model, live, rules));
  }

  /**
   * {@code live} as a schema model, every object that agrees with the model's of the same name
   * (in what is compared) replaced by the model's, and what is not compared taken from the model.
   */
  static SchemaModel reconciled(SchemaModel model, LiveCatalog live, Rules rules) {
    Map<String, Table> modelTables = new HashMap<>();
    model.tables().values().forEach(t -> modelTables.putIfAbsent(fold(t.name().name()), t));
    Map<String, LiveTable> liveTables = new HashMap<>();
    live.tables().forEach(t -> liveTables.putIfAbsent(fold(t.name()), t));
    Map<ObjectName, Table> tables = new LinkedHashMap<>();
    Map<String, ObjectName> tableNames = new HashMap<>();
    for (LiveTable table : live.tables()) {
      Table expected = modelTables.get(fold(table.name()));
      Table reconciled = expected == null ? table(table) : table(expected, table, rules);
      tables.put(reconciled.name(), reconciled);
      tableNames.put(fold(table.name()), reconciled.name());
    }
    Map<String, Index> modelIndexes = new HashMap<>();
    model.indexes().values().forEach(i -> modelIndexes.putIfAbsent(fold(i.name().name()), i));
    Map<ObjectName, Index> indexes = new LinkedHashMap<>();
    for (LiveIndex index : live.indexes()) {
      ObjectName table = tableNames.getOrDefault(fold(index.table()),
          new ObjectName(ObjectName.DEFAULT_SCHEMA, index.table()));
      Index expected = modelIndexes.get(fold(index.name()));
      if (expected != null && fold(expected.table().name()).equals(fold(index.table()))) {
        indexes.put(expected.name(), sameKeys(expected, index) ? expected
            : index(index, expected.name(), table));
        continue;
      }
      if (rules.constraintIndexesListed && backsConstraint(index,
          Optional.ofNullable(modelTables.get(fold(index.table()))),
          liveTables.get(fold(index.table())))) {
        continue;
      }
      ObjectName name = new ObjectName(ObjectName.DEFAULT_SCHEMA, index.name());
      indexes.putIfAbsent(name, index(index, name, table));
    }
    Map<String, View> modelViews = new HashMap<>();
    model.views().values().forEach(v -> modelViews.putIfAbsent(fold(v.name().name()), v));
    Map<ObjectName, View> views = new LinkedHashMap<>();
    for (LiveView view : live.views()) {
      View expected = modelViews.get(fold(view.name()));
      View kept = expected != null ? expected : new View(
          new ObjectName(ObjectName.DEFAULT_SCHEMA, view.name()), false,
          new ViewDefinition(List.of(), List.of(), CatalogReader.expr(view.query().strip()),
              List.of()),
          Optional.empty(), CatalogReader.origin(view.name()));
      views.put(kept.name(), kept);
    }
    return new SchemaModel(model.schemas(), model.types(), model.sequences(), tables, indexes,
        views, model.routines(), model.triggers(), model.extensions(), List.of());
  }

  /** A name as MariaDB (column and index names) and SQLite (all names) compare it. */
  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static List<String> folded(List<String> names) {
    return names.stream().map(PortableDrift::fold).toList();
  }

  /** The model's table, what the database has of it in what is compared. */
  private static Table table(Table model, LiveTable live, Rules rules) {
    List<String> modelKey = model.primaryKey().map(pk -> folded(pk.columns())).orElse(List.of());
    Set<String> liveKey = new HashSet<>(folded(live.primaryKey()));
    List<Column> columns = new ArrayList<>();
    for (LiveColumn column : live.columns()) {
      Optional<Column> expected = model.columns().stream()
          .filter(c -> fold(c.name()).equals(fold(column.name()))).findFirst();
      if (expected.isEmpty()) {
        columns.add(column(column, model.name()));
        continue;
      }
      Column m = expected.get();
      boolean notNull = m.notNull() || m.identity().isPresent()
          || m.type().kind().autoIncrement() || modelKey.contains(fold(m.name()));
      boolean reported = !rules.keyColumnsReportedNotNull && liveKey.contains(fold(column.name()))
          ? notNull : column.notNull();
      columns.add(reported == notNull ? m : new Column(m.name(), m.type(), reported,
          m.defaultValue(), m.identity(), m.generated(), m.collation(), m.comment(), m.origin()));
    }
    Set<String> liveKeys = new HashSet<>();
    live.foreignKeys().forEach(fk -> liveKeys.add(shape(fk)));
    Set<String> modelKeys = new HashSet<>();
    List<Constraint> constraints = new ArrayList<>();
    for (Constraint constraint : model.constraints()) {
      switch (constraint) {
        case Constraint.PrimaryKey pk -> {
          if (folded(pk.columns()).equals(folded(live.primaryKey()))) {
            constraints.add(pk);
          } else if (!live.primaryKey().isEmpty()) {
            constraints.add(new Constraint.PrimaryKey(pk.name(), live.primaryKey(), pk.timing(),
                CatalogReader.origin(model.name().sql() + "." + pk.name())));
          } // else the database has none: dropped
        }
        case Constraint.ForeignKey fk -> {
          String shape = shape(fk);
          modelKeys.add(shape);
          if (liveKeys.stream().anyMatch(k -> sameKey(shape, k))) {
            constraints.add(fk);
          } // else the database has no such key: dropped
        }
        case Constraint.Unique unique -> constraints.add(unique);
        case Constraint.Check check -> constraints.add(check);
        case Constraint.Exclude exclude -> constraints.add(exclude);
      }
    }
    if (model.primaryKey().isEmpty() && !live.primaryKey().isEmpty()) {
      constraints.add(primaryKey(live, model.name()));
    }
    for (LiveForeignKey fk : live.foreignKeys()) {
      if (modelKeys.stream().noneMatch(k -> sameKey(k, shape(fk)))) {
        Constraint added = foreignKey(fk, live, model.name());
        if (constraints.stream().noneMatch(c -> c.name().equals(added.name()))) {
          constraints.add(added);
        }
      }
    }
    return new Table(model.name(), columns, constraints, model.unlogged(), model.partitionBy(),
        model.partitionOf(), model.options(), model.comment(), model.origin());
  }

  /** A table the revisions do not make, as the database has it. */
  private static Table table(LiveTable live) {
    ObjectName name = new ObjectName(ObjectName.DEFAULT_SCHEMA, live.name());
    List<Column> columns = live.columns().stream().map(c -> column(c, name)).toList();
    List<Constraint> constraints = new ArrayList<>();
    if (!live.primaryKey().isEmpty()) {
      constraints.add(primaryKey(live, name));
    }
    for (LiveForeignKey fk : live.foreignKeys()) {
      Constraint added = foreignKey(fk, live, name);
      if (constraints.stream().noneMatch(c -> c.name().equals(added.name()))) {
        constraints.add(added);
      }
    }
    return new Table(name, columns, constraints, false, Optional.empty(), Optional.empty(),
        List.of(), Optional.empty(), CatalogReader.origin(name.sql()));
  }

  private static Constraint.PrimaryKey primaryKey(LiveTable live, ObjectName table) {
    String name = live.name() + "_pkey";
    return new Constraint.PrimaryKey(name, live.primaryKey(), ConstraintTiming.NONE,
        CatalogReader.origin(table.sql() + "." + ObjectName.quoted(name)));
  }

  private static Constraint.ForeignKey foreignKey(LiveForeignKey fk, LiveTable live,
      ObjectName table) {
    String name = fk.name().orElse(live.name() + "_" + String.join("_", fk.columns()) + "_fkey");
    return new Constraint.ForeignKey(name, fk.columns(),
        new ObjectName(ObjectName.DEFAULT_SCHEMA, fk.references()), fk.referencedColumns(),
        Optional.empty(), Optional.empty(), Optional.empty(), ConstraintTiming.NONE, false,
        CatalogReader.origin(table.sql() + "." + ObjectName.quoted(name)));
  }

  /**
   * Whether the model's foreign key {@code model} and the database's {@code live} (shapes) are one
   * key: equal, or the model's names no referenced columns and the rest agrees.
   */
  private static boolean sameKey(String model, String live) {
    return live.equals(model) || live.startsWith(model + " ");
  }

  /**
   * {@code [columns] -> table [columns]}, folded; a model's key whose referenced columns are
   * unknown ends at the table.
   */
  private static String shape(Constraint.ForeignKey fk) {
    String head = folded(fk.columns()) + " -> " + fold(fk.references().name());
    return fk.referencedColumns().isEmpty() ? head : head + " " + folded(fk.referencedColumns());
  }

  private static String shape(LiveForeignKey fk) {
    return folded(fk.columns()) + " -> " + fold(fk.references()) + " "
        + folded(fk.referencedColumns());
  }

  /** A column the revisions do not make, as the database has it. */
  private static Column column(LiveColumn live, ObjectName table) {
    return new Column(live.name(), type(live.type()), live.notNull(),
        live.defaultValue().map(CatalogReader::expr), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(),
        CatalogReader.origin(table.sql() + "." + ObjectName.quoted(live.name())));
  }

  private static final Pattern TYPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_ ]*?)\\s*\\(([^()]*)\\)");

  /**
   * A reported type as a named type, for the drift lines only: {@code varchar(5)} as {@code
   * varchar} with the modifier {@code 5}, anything else ({@code bigint unsigned}) as one name.
   */
  static DataType type(String reported) {
    String text = reported.strip().isEmpty() ? "any" : reported.strip();
    Matcher sized = TYPE.matcher(text);
    if (sized.matches()) {
      List<Expr> modifiers = new ArrayList<>();
      for (String modifier : sized.group(2).split(",")) {
        modifiers.add(CatalogReader.expr(modifier.strip()));
      }
      return DataType.named(new QualifiedName(Optional.empty(), Identifier.of(sized.group(1))),
          modifiers);
    }
    return DataType.named(new QualifiedName(Optional.empty(), Identifier.of(text)), List.of());
  }

  /** Whether uniqueness and, when every key of both is a plain column, the columns agree. */
  private static boolean sameKeys(Index model, LiveIndex live) {
    if (model.unique() != live.unique()) {
      return false;
    }
    boolean plain = model.keys().stream().allMatch(k -> k.column().isPresent())
        && live.columns().stream().allMatch(Optional::isPresent);
    if (!plain) {
      return true;
    }
    return model.keys().stream().map(k -> ObjectName.fold(k.column().orElseThrow())).toList()
        .equals(live.columns().stream().map(c -> fold(c.orElseThrow())).toList());
  }

  /**
   * Whether an index MariaDB/MySQL lists is a constraint's: unique on the columns of the model's
   * primary key or of one of its unique constraints, or non-unique, named after a foreign key of
   * the database (or the key's first column, as MariaDB names the index it makes) and led by the
   * key's columns.
   */
  private static boolean backsConstraint(LiveIndex index, Optional<Table> model, LiveTable live) {
    if (index.columns().stream().anyMatch(Optional::isEmpty)) {
      return false;
    }
    List<String> columns = index.columns().stream().map(c -> fold(c.orElseThrow())).toList();
    if (index.unique()) {
      return model.map(t -> t.constraints().stream().anyMatch(c ->
          (c instanceof Constraint.Unique || c instanceof Constraint.PrimaryKey)
              && (folded(c.columns()).equals(columns) || fold(c.name()).equals(fold(index.name())))))
          .orElse(false);
    }
    if (live == null) {
      return false;
    }
    for (LiveForeignKey fk : live.foreignKeys()) {
      List<String> key = folded(fk.columns());
      boolean named = fk.name().map(n -> fold(n).equals(fold(index.name()))).orElse(false)
          || fold(index.name()).equals(key.getFirst());
      if (named && columns.size() >= key.size() && columns.subList(0, key.size()).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** An index as the database has it, under {@code name}. */
  private static Index index(LiveIndex live, ObjectName name, ObjectName table) {
    List<IndexElement> keys = new ArrayList<>();
    for (Optional<String> column : live.columns()) {
      keys.add(new IndexElement(column.map(c -> new Identifier(c, true)),
          column.isPresent() ? Optional.empty() : Optional.of(CatalogReader.expr("expression")),
          Optional.empty(), Optional.empty(), List.of(), IndexElement.SortOrder.DEFAULT,
          IndexElement.NullsOrder.DEFAULT));
    }
    return new Index(name, table, live.unique(), Optional.empty(), keys, List.of(), false,
        List.of(), Optional.empty(), Optional.empty(), CatalogReader.origin(name.sql()));
  }
}
