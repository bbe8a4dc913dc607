package dev.strata.compiler.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The mutable schema a replay builds, with what the checks need beside the {@link SchemaModel}:
 * where objects were dropped or renamed ({@code gone}), which statement last changed each object
 * ({@code touched}, for the merge check), the sequences of SERIAL and identity columns, the tables
 * whose columns are unknown ({@code CREATE TABLE AS}), and indexes of constraint names kept up to
 * date by {@link #putTable} and {@link #removeTable} so that each lookup is a map access.
 */
final class ModelState {
  final LinkedHashMap<String, Origin> schemas = new LinkedHashMap<>();
  final LinkedHashMap<ObjectName, EnumType> types = new LinkedHashMap<>();
  /** Domains and composite types: named only. */
  final LinkedHashMap<ObjectName, Origin> otherTypes = new LinkedHashMap<>();
  final LinkedHashMap<ObjectName, Sequence> sequences = new LinkedHashMap<>();
  final LinkedHashMap<ObjectName, Table> tables = new LinkedHashMap<>();
  final LinkedHashMap<ObjectName, Index> indexes = new LinkedHashMap<>();
  final LinkedHashMap<ObjectName, View> views = new LinkedHashMap<>();
  final LinkedHashMap<String, Routine> routines = new LinkedHashMap<>();
  final LinkedHashMap<String, Trigger> triggers = new LinkedHashMap<>();
  final LinkedHashMap<String, Extension> extensions = new LinkedHashMap<>();
  final List<HandEdit> handEdits = new ArrayList<>();
  /** The sequences of SERIAL and identity columns, which take relation names too. */
  final LinkedHashMap<ObjectName, ColumnRef> implicitSequences = new LinkedHashMap<>();
  /** Tables made by {@code CREATE TABLE AS}, whose columns the model does not know. */
  final LinkedHashMap<ObjectName, Origin> opaqueTables = new LinkedHashMap<>();
  /** Object key ({@link Keys}) to where it was dropped or renamed. */
  final HashMap<String, Gone> gone = new HashMap<>();
  /** Object key to the statement that last created, changed or dropped it. */
  final HashMap<String, Origin> touched = new HashMap<>();

  /** Index-backed constraint (schema, name) to its table. */
  private final HashMap<ObjectName, ObjectName> constraintIndexes = new HashMap<>();
  /** (schema, constraint name) to how many constraints of the schema bear it. */
  private final HashMap<ObjectName, Integer> constraintNames = new HashMap<>();
  /**
   * Referenced table to the tables whose foreign keys reference it, each with how many: the
   * checks and updates that follow a table's foreign keys look here rather than at every table,
   * which kept a replay quadratic in the number of tables.
   */
  private final HashMap<ObjectName, HashMap<ObjectName, Integer>> referencers = new HashMap<>();

  ModelState copy() {
    ModelState copy = new ModelState();
    copy.schemas.putAll(schemas);
    copy.types.putAll(types);
    copy.otherTypes.putAll(otherTypes);
    copy.sequences.putAll(sequences);
    copy.tables.putAll(tables);
    copy.indexes.putAll(indexes);
    copy.views.putAll(views);
    copy.routines.putAll(routines);
    copy.triggers.putAll(triggers);
    copy.extensions.putAll(extensions);
    copy.handEdits.addAll(handEdits);
    copy.implicitSequences.putAll(implicitSequences);
    copy.opaqueTables.putAll(opaqueTables);
    copy.gone.putAll(gone);
    copy.touched.putAll(touched);
    copy.constraintIndexes.putAll(constraintIndexes);
    copy.constraintNames.putAll(constraintNames);
    referencers.forEach((table, by) -> copy.referencers.put(table, new HashMap<>(by)));
    return copy;
  }

  SchemaModel model() {
    return new SchemaModel(schemas, types, sequences, tables, indexes, views, routines, triggers,
        extensions, handEdits);
  }

  // ---- tables and the constraint indexes

  void putTable(Table table) {
    Table old = tables.put(table.name(), table);
    if (old != null && !old.name().equals(table.name())) {
      throw new IllegalStateException("putTable under another name");
    }
    if (old != null) {
      unindex(old);
    }
    index(table);
  }

  /** Renames or moves {@code old} to {@code renamed}, keeping its place in creation order. */
  void replaceTable(Table old, Table renamed) {
    unindex(old);
    LinkedHashMap<ObjectName, Table> copy = new LinkedHashMap<>();
    tables.forEach((name, table) -> {
      if (name.equals(old.name())) {
        copy.put(renamed.name(), renamed);
      } else {
        copy.put(name, table);
      }
    });
    tables.clear();
    tables.putAll(copy);
    index(renamed);
  }

  void removeTable(ObjectName name) {
    Table old = tables.remove(name);
    if (old != null) {
      unindex(old);
    }
  }

  private void index(Table table) {
    for (Constraint c : table.constraints()) {
      ObjectName key = new ObjectName(table.name().schema(), c.name());
      constraintNames.merge(key, 1, Integer::sum);
      if (indexBacked(c)) {
        constraintIndexes.put(key, table.name());
      }
      if (c instanceof Constraint.ForeignKey fk) {
        referencers.computeIfAbsent(fk.references(), k -> new HashMap<>())
            .merge(table.name(), 1, Integer::sum);
      }
    }
  }

  private void unindex(Table table) {
    for (Constraint c : table.constraints()) {
      ObjectName key = new ObjectName(table.name().schema(), c.name());
      constraintNames.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
      if (indexBacked(c)) {
        constraintIndexes.remove(key, table.name());
      }
      if (c instanceof Constraint.ForeignKey fk) {
        HashMap<ObjectName, Integer> by = referencers.get(fk.references());
        if (by != null) {
          by.computeIfPresent(table.name(), (k, n) -> n == 1 ? null : n - 1);
          if (by.isEmpty()) {
            referencers.remove(fk.references());
          }
        }
      }
    }
  }

  /** Rebuilds the constraint indexes (after a merge put tables in directly). */
  void reindex() {
    constraintIndexes.clear();
    constraintNames.clear();
    referencers.clear();
    tables.values().forEach(this::index);
  }

  /**
   * The tables with a foreign key that references {@code table} ({@code table} itself when it
   * references itself), in creation order, as of now: a list the caller may keep while it
   * changes tables. Costs a map access, and a walk over the tables only when several reference
   * {@code table} (to give them in creation order, which decides the error reported first).
   */
  List<Table> referencing(ObjectName table) {
    HashMap<ObjectName, Integer> by = referencers.get(table);
    if (by == null) {
      return List.of();
    }
    if (by.size() == 1) {
      return List.of(tables.get(by.keySet().iterator().next()));
    }
    return tables.values().stream().filter(t -> by.containsKey(t.name())).toList();
  }

  static boolean indexBacked(Constraint c) {
    return switch (c) {
      case Constraint.PrimaryKey ignored -> true;
      case Constraint.Unique ignored -> true;
      case Constraint.Exclude ignored -> true;
      case Constraint.Check ignored -> false;
      case Constraint.ForeignKey ignored -> false;
    };
  }

  /** The table whose key, unique or exclusion constraint has the index {@code name}. */
  Optional<ObjectName> constraintIndex(ObjectName name) {
    return Optional.ofNullable(constraintIndexes.get(name));
  }

  /** Whether a constraint of schema {@code schema} is named {@code name}. */
  boolean constraintNameUsed(String schema, String name) {
    return constraintNames.containsKey(new ObjectName(schema, name));
  }

  /** Whether {@code name} is taken in its schema's namespace of relations. */
  boolean relationTaken(ObjectName name) {
    return tables.containsKey(name) || views.containsKey(name) || indexes.containsKey(name)
        || sequences.containsKey(name) || implicitSequences.containsKey(name)
        || constraintIndexes.containsKey(name);
  }

  /** Where the relation {@code name} was created, if it exists. */
  Optional<Origin> relationOrigin(ObjectName name) {
    if (tables.containsKey(name)) {
      return Optional.of(tables.get(name).origin());
    }
    if (views.containsKey(name)) {
      return Optional.of(views.get(name).origin());
    }
    if (indexes.containsKey(name)) {
      return Optional.of(indexes.get(name).origin());
    }
    if (sequences.containsKey(name)) {
      return Optional.of(sequences.get(name).origin());
    }
    if (constraintIndexes.containsKey(name)) {
      Table table = tables.get(constraintIndexes.get(name));
      return table.constraint(name.name()).map(Constraint::origin);
    }
    if (implicitSequences.containsKey(name)) {
      ColumnRef owner = implicitSequences.get(name);
      return Optional.ofNullable(tables.get(owner.table()))
          .flatMap(t -> t.column(owner.column())).map(Column::origin);
    }
    return Optional.empty();
  }

  /** What kind of relation {@code name} is, as a message names it. */
  String relationKind(ObjectName name) {
    if (tables.containsKey(name)) {
      return "table";
    }
    if (views.containsKey(name)) {
      return views.get(name).materialized() ? "materialized view" : "view";
    }
    if (sequences.containsKey(name) || implicitSequences.containsKey(name)) {
      return "sequence";
    }
    return "index";
  }

  /**
   * Where an object was dropped or renamed.
   *
   * @param note {@code dropped at path:line:col} or {@code renamed at ...}
   * @param handEdits how many hand edits the model had seen then: when none came since, the
   *     object is surely missing, whatever the hand edits did before
   */
  record Gone(String note, int handEdits) {}

  /** The keys of {@link #gone} and {@link #touched}. */
  static final class Keys {
    private Keys() {}

    static String relation(ObjectName name) {
      return "relation " + name.display();
    }

    static String column(ObjectName table, String column) {
      return relation(table) + "/column " + ObjectName.quoted(column);
    }

    static String constraint(ObjectName table, String name) {
      return relation(table) + "/constraint " + ObjectName.quoted(name);
    }

    static String type(ObjectName name) {
      return "type " + name.display();
    }

    static String other(String kind, String name) {
      return kind + " " + name;
    }
  }
}
