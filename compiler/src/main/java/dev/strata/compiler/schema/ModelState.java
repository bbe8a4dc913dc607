package dev.strata.compiler.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.vavr.collection.HashMap;

/**
 * The mutable schema a replay builds, with what the checks need beside the {@link SchemaModel}:
 * where objects were dropped or renamed ({@code gone}), which statement last changed each object
 * ({@code touched}, for the merge check), the sequences of SERIAL and identity columns, the tables
 * whose columns are unknown ({@code CREATE TABLE AS}), and indexes from each object to what
 * depends on it (constraint names, foreign keys, partitions, a type's columns, a table's indexes,
 * sequences and triggers, a relation's views, a routine name's signatures), kept up to date by
 * the hooks of its {@link OrderedMap}s on every change, so that each lookup is a map access: no
 * statement walks every object, and a replay is linear in the number of revisions.
 */
final class ModelState {
  final OrderedMap<String, Origin> schemas = new OrderedMap<>();
  final OrderedMap<ObjectName, EnumType> types = new OrderedMap<>();
  /** Domains and composite types: named only. */
  final OrderedMap<ObjectName, Origin> otherTypes = new OrderedMap<>();
  final OrderedMap<ObjectName, Sequence> sequences = new OrderedMap<>(new OrderedMap.Hook<>() {
    @Override
    public void added(ObjectName key, Sequence value) {
      value.ownedBy().ifPresent(o -> ownedSequences.add(o.table(), key));
    }

    @Override
    public void removed(ObjectName key, Sequence value) {
      value.ownedBy().ifPresent(o -> ownedSequences.remove(o.table(), key));
    }
  });
  final OrderedMap<ObjectName, Table> tables = new OrderedMap<>(new OrderedMap.Hook<>() {
    @Override
    public void added(ObjectName key, Table value) {
      index(value);
      value.columns().forEach(c -> columnKinds.add(c.name(), ColumnKind.of(c)));
    }

    @Override
    public void removed(ObjectName key, Table value) {
      unindex(value);
      value.columns().forEach(c -> columnKinds.remove(c.name(), ColumnKind.of(c)));
    }

    @Override
    public void replaced(ObjectName key, Table old, Table value) {
      unindex(old);
      index(value);
      // by the difference: a table changes at nearly every ALTER TABLE (and several times in a
      // CREATE TABLE), most columns stay, in their order: the common start is skipped
      List<Column> was = old.columns();
      List<Column> is = value.columns();
      int same = 0;
      while (same < was.size() && same < is.size()
          && was.get(same).name().equals(is.get(same).name())
          && ColumnKind.of(was.get(same)).equals(ColumnKind.of(is.get(same)))) {
        same++;
      }
      if (same == was.size() && same == is.size()) {
        return;
      }
      Set<Map.Entry<String, ColumnKind>> before = columnKinds(was.subList(same, was.size()));
      Set<Map.Entry<String, ColumnKind>> after = columnKinds(is.subList(same, is.size()));
      before.stream().filter(c -> !after.contains(c))
          .forEach(c -> columnKinds.remove(c.getKey(), c.getValue()));
      after.stream().filter(c -> !before.contains(c))
          .forEach(c -> columnKinds.add(c.getKey(), c.getValue()));
    }
  });
  final OrderedMap<ObjectName, Index> indexes = new OrderedMap<>(new OrderedMap.Hook<>() {
    @Override
    public void added(ObjectName key, Index value) {
      tableIndexes.add(value.table(), key);
    }

    @Override
    public void removed(ObjectName key, Index value) {
      tableIndexes.remove(value.table(), key);
    }
  });
  final OrderedMap<ObjectName, View> views = new OrderedMap<>(new OrderedMap.Hook<>() {
    @Override
    public void added(ObjectName key, View value) {
      value.definition().reads().forEach(r -> readers.add(ObjectName.of(r), key));
    }

    @Override
    public void removed(ObjectName key, View value) {
      value.definition().reads().forEach(r -> readers.remove(ObjectName.of(r), key));
    }
  });
  final OrderedMap<String, Routine> routines = new OrderedMap<>(new OrderedMap.Hook<>() {
    @Override
    public void added(String key, Routine value) {
      routineNames.add(value.name(), key);
    }

    @Override
    public void removed(String key, Routine value) {
      routineNames.remove(value.name(), key);
    }
  });
  final OrderedMap<String, Trigger> triggers = new OrderedMap<>(new OrderedMap.Hook<>() {
    @Override
    public void added(String key, Trigger value) {
      tableTriggers.add(value.table(), key);
    }

    @Override
    public void removed(String key, Trigger value) {
      tableTriggers.remove(value.table(), key);
    }
  });
  final OrderedMap<String, Extension> extensions = new OrderedMap<>();
  final List<HandEdit> handEdits = new ArrayList<>();
  /** The sequences of SERIAL and identity columns, which take relation names too. */
  final OrderedMap<ObjectName, ColumnRef> implicitSequences =
      new OrderedMap<>(new OrderedMap.Hook<>() {
        @Override
        public void added(ObjectName key, ColumnRef value) {
          tableImplicitSequences.add(value.table(), key);
        }

        @Override
        public void removed(ObjectName key, ColumnRef value) {
          tableImplicitSequences.remove(value.table(), key);
        }
      });
  /** Tables made by {@code CREATE TABLE AS}, whose columns the model does not know. */
  final OrderedMap<ObjectName, Origin> opaqueTables = new OrderedMap<>();
  /** Object key ({@link Keys}) to where it was dropped or renamed. */
  final SharedMap<Key, Gone> gone = new SharedMap<>();
  /** Object key to the statement that last created, changed or dropped it. */
  final SharedMap<Key, Origin> touched = new SharedMap<>();

  // The indexes below are kept up to date by the maps' hooks, on every change: each lookup that
  // follows an object to what depends on it is a map access, never a walk over every object,
  // which kept a replay quadratic in the number of objects (docs/performance.md).

  /**
   * Index-backed constraint (schema, name) to its table (one, but for a model that two tables'
   * constraints share a name in, which PostgreSQL refuses).
   */
  private final Refs<ObjectName, ObjectName> constraintIndexes = new Refs<>();
  /** (schema, constraint name) to how many constraints of the schema bear it. */
  private final SharedMap<ObjectName, Integer> constraintNames = new SharedMap<>();
  /** Referenced table to the tables whose foreign keys reference it. */
  private final Refs<ObjectName, ObjectName> referencers = new Refs<>();
  /** Partitioned table to its partitions. */
  private final Refs<ObjectName, ObjectName> partitions = new Refs<>();
  /** Column name to the kinds of the columns of that name, each with how many tables have one. */
  private final Refs<String, ColumnKind> columnKinds = new Refs<>();
  /** Type (as a column names it) to the tables with a column of that type. */
  private final Refs<ObjectName, ObjectName> typeUsers = new Refs<>();
  /** Table or materialized view to its indexes. */
  private final Refs<ObjectName, ObjectName> tableIndexes = new Refs<>();
  /** Table to the sequences {@code OWNED BY} one of its columns. */
  private final Refs<ObjectName, ObjectName> ownedSequences = new Refs<>();
  /** Table to the sequences of its SERIAL and identity columns. */
  private final Refs<ObjectName, ObjectName> tableImplicitSequences = new Refs<>();
  /** Table or view to its triggers' keys. */
  private final Refs<ObjectName, String> tableTriggers = new Refs<>();
  /** Relation to the views whose definitions read it. */
  private final Refs<ObjectName, ObjectName> readers = new Refs<>();
  /** Routine name to the signatures of the routines of that name. */
  private final Refs<ObjectName, String> routineNames = new Refs<>();

  /**
   * A copy, in constant time: every map and index is persistent ({@link OrderedMap}, {@link
   * SharedMap}), so the copy shares the structure and each side pays only for what it changes.
   * The hand edits are few and copied.
   */
  ModelState copy() {
    ModelState copy = new ModelState();
    copy.schemas.copyFrom(schemas);
    copy.types.copyFrom(types);
    copy.otherTypes.copyFrom(otherTypes);
    copy.sequences.copyFrom(sequences);
    copy.tables.copyFrom(tables);
    copy.indexes.copyFrom(indexes);
    copy.views.copyFrom(views);
    copy.routines.copyFrom(routines);
    copy.triggers.copyFrom(triggers);
    copy.extensions.copyFrom(extensions);
    copy.handEdits.addAll(handEdits);
    copy.implicitSequences.copyFrom(implicitSequences);
    copy.opaqueTables.copyFrom(opaqueTables);
    copy.gone.copyFrom(gone);
    copy.touched.copyFrom(touched);
    copy.constraintIndexes.copyFrom(constraintIndexes);
    copy.constraintNames.copyFrom(constraintNames);
    copy.referencers.copyFrom(referencers);
    copy.partitions.copyFrom(partitions);
    copy.typeUsers.copyFrom(typeUsers);
    copy.columnKinds.copyFrom(columnKinds);
    copy.tableIndexes.copyFrom(tableIndexes);
    copy.ownedSequences.copyFrom(ownedSequences);
    copy.tableImplicitSequences.copyFrom(tableImplicitSequences);
    copy.tableTriggers.copyFrom(tableTriggers);
    copy.readers.copyFrom(readers);
    copy.routineNames.copyFrom(routineNames);
    return copy;
  }

  /** The schema as it is now: constant time, the maps are shared snapshots ({@link OrderedMap#snapshot}). */
  SchemaModel model() {
    // the snapshots are immutable and shared with later states: SchemaModel keeps them as they
    // are (no copy, no key check: the replay put each object under its own name)
    return new SchemaModel(schemas.snapshot(), types.snapshot(), sequences.snapshot(),
        tables.snapshot(Map.of(SchemaModel.REFERENCING, referencers.map,
            SchemaModel.TYPE_USERS, typeUsers.map,
            SchemaModel.COLUMN_KINDS, columnKinds.map,
            SchemaModel.CONSTRAINT_INDEXES, constraintIndexes.map)),
        indexes.snapshot(Map.of(SchemaModel.INDEXES_ON, tableIndexes.map)),
        views.snapshot(Map.of(SchemaModel.READERS, readers.map)),
        routines.snapshot(),
        triggers.snapshot(), extensions.snapshot(), handEdits);
  }

  // ---- tables and the constraint indexes

  void putTable(Table table) {
    Table old = tables.put(table.name(), table);
    if (old != null && !old.name().equals(table.name())) {
      throw new IllegalStateException("putTable under another name");
    }
  }

  /** Renames or moves {@code old} to {@code renamed}, keeping its place in creation order. */
  void replaceTable(Table old, Table renamed) {
    tables.rename(old.name(), renamed.name(), renamed);
  }

  void removeTable(ObjectName name) {
    tables.remove(name);
  }

  private static Set<Map.Entry<String, ColumnKind>> columnKinds(List<Column> columns) {
    Set<Map.Entry<String, ColumnKind>> kinds = new java.util.HashSet<>();
    columns.forEach(c -> kinds.add(Map.entry(c.name(), ColumnKind.of(c))));
    return kinds;
  }

  private void index(Table table) {
    ObjectName name = table.name();
    for (Constraint c : table.constraints()) {
      ObjectName key = new ObjectName(name.schema(), c.name());
      constraintNames.merge(key, 1, Integer::sum);
      if (indexBacked(c)) {
        constraintIndexes.add(key, name);
      }
      if (c instanceof Constraint.ForeignKey fk) {
        referencers.add(fk.references(), name);
      }
    }
    table.partitionOf().ifPresent(parent -> partitions.add(parent, name));
    for (Column column : table.columns()) {
      column.type().named().ifPresent(n -> typeUsers.add(ObjectName.of(n.name()), name));
    }
  }

  private void unindex(Table table) {
    ObjectName name = table.name();
    for (Constraint c : table.constraints()) {
      ObjectName key = new ObjectName(name.schema(), c.name());
      constraintNames.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
      if (indexBacked(c)) {
        constraintIndexes.remove(key, name);
      }
      if (c instanceof Constraint.ForeignKey fk) {
        referencers.remove(fk.references(), name);
      }
    }
    table.partitionOf().ifPresent(parent -> partitions.remove(parent, name));
    for (Column column : table.columns()) {
      column.type().named().ifPresent(n -> typeUsers.remove(ObjectName.of(n.name()), name));
    }
  }

  /**
   * The tables with a foreign key that references {@code table} ({@code table} itself when it
   * references itself), in creation order, as of now: a list the caller may keep while it
   * changes tables. Costs a map access and a sort of those tables.
   */
  List<Table> referencing(ObjectName table) {
    return tablesIn(referencers.get(table));
  }

  /** The partitions of {@code table}, in creation order, as of now. */
  List<Table> partitionsOf(ObjectName table) {
    return tablesIn(partitions.get(table));
  }

  /** The tables with a column whose type is {@code type}, in creation order, as of now. */
  List<Table> usersOf(ObjectName type) {
    return tablesIn(typeUsers.get(type));
  }

  private List<Table> tablesIn(Set<ObjectName> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    return tables.inOrder(names).stream().map(tables::get).toList();
  }

  /** The indexes on {@code relation} (a table or materialized view), in creation order. */
  List<Index> indexesOn(ObjectName relation) {
    Set<ObjectName> names = tableIndexes.get(relation);
    return names.isEmpty() ? List.of() : indexes.inOrder(names).stream().map(indexes::get).toList();
  }

  /** The triggers on {@code relation}, in creation order. */
  List<Trigger> triggersOn(ObjectName relation) {
    Set<String> keys = tableTriggers.get(relation);
    return keys.isEmpty() ? List.of() : triggers.inOrder(keys).stream().map(triggers::get).toList();
  }

  /** The sequences {@code OWNED BY} a column of {@code table}, in creation order. */
  List<Sequence> sequencesOwnedBy(ObjectName table) {
    Set<ObjectName> names = ownedSequences.get(table);
    return names.isEmpty() ? List.of()
        : sequences.inOrder(names).stream().map(sequences::get).toList();
  }

  /** The names of the sequences of {@code table}'s SERIAL and identity columns, in order. */
  List<ObjectName> implicitSequencesOf(ObjectName table) {
    Set<ObjectName> names = tableImplicitSequences.get(table);
    return names.isEmpty() ? List.of() : implicitSequences.inOrder(names);
  }

  /** The views whose definitions read {@code relation}, in creation order. */
  List<View> readersOf(ObjectName relation) {
    Set<ObjectName> names = readers.get(relation);
    return names.isEmpty() ? List.of() : views.inOrder(names).stream().map(views::get).toList();
  }

  /** The routines named {@code name} (any signature), in creation order. */
  List<Routine> routinesNamed(ObjectName name) {
    Set<String> keys = routineNames.get(name);
    return keys.isEmpty() ? List.of() : routines.inOrder(keys).stream().map(routines::get).toList();
  }

  /**
   * A one-to-many index: each key to the set of elements that refer to it, each element with how
   * many times it does (a table may reference another through several foreign keys).
   */
  private static final class Refs<K, E> {
    private HashMap<K, HashMap<E, Integer>> map = HashMap.empty();

    void copyFrom(Refs<K, E> other) {
      map = other.map;
    }

    void add(K key, E element) {
      HashMap<E, Integer> by = map.getOrElse(key, HashMap.empty());
      Integer n = by.getOrElse(element, null);
      map = map.put(key, by.put(element, n == null ? 1 : n + 1));
    }

    void remove(K key, E element) {
      HashMap<E, Integer> by = map.getOrElse(key, null);
      if (by == null) {
        return;
      }
      Integer n = by.getOrElse(element, null);
      if (n == null) {
        return;
      }
      by = n == 1 ? by.remove(element) : by.put(element, n - 1);
      map = by.isEmpty() ? map.remove(key) : map.put(key, by);
    }

    boolean has(K key) {
      return map.containsKey(key);
    }

    Set<E> get(K key) {
      HashMap<E, Integer> by = map.getOrElse(key, null);
      return by == null ? Set.of() : by.keySet().toJavaSet();
    }
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
    Set<ObjectName> owners = constraintIndexes.get(name);
    return owners.isEmpty() ? Optional.empty() : Optional.of(tables.inOrder(owners).getFirst());
  }

  /** Whether a constraint of schema {@code schema} is named {@code name}. */
  boolean constraintNameUsed(String schema, String name) {
    return constraintNames.containsKey(new ObjectName(schema, name));
  }

  /** Whether {@code name} is taken in its schema's namespace of relations. */
  boolean relationTaken(ObjectName name) {
    return tables.containsKey(name) || views.containsKey(name) || indexes.containsKey(name)
        || sequences.containsKey(name) || implicitSequences.containsKey(name)
        || constraintIndexes.has(name);
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
    Optional<ObjectName> keyed = constraintIndex(name);
    if (keyed.isPresent()) {
      Table table = tables.get(keyed.get());
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

  /**
   * An object's key in {@link #gone} and {@link #touched}: a record of the names the model holds
   * anyway, not a string built per object (a replay of 100,000 tables kept a million such strings,
   * some 60 MB). Its {@link #toString()} is the object as messages and the merge check read it
   * ({@code relation public.t/column x}); keys are equal when those strings are, and order as
   * they do.
   *
   * @param kind what the key names
   * @param object the relation, type or table (of a trigger); null for {@link Kind#OTHER}
   * @param name the column, constraint or trigger; for {@link Kind#OTHER}, the whole key
   */
  record Key(Kind kind, ObjectName object, String name) implements Comparable<Key> {
    /** What a key names. */
    enum Kind { RELATION, COLUMN, CONSTRAINT, TYPE, TRIGGER, OTHER }

    Key {
      java.util.Objects.requireNonNull(kind, "kind");
      if ((kind == Kind.OTHER) != (object == null)
          || (kind == Kind.RELATION || kind == Kind.TYPE) != (name == null)) {
        throw new IllegalArgumentException("not a key of kind " + kind);
      }
    }

    @Override
    public String toString() {
      return switch (kind) {
        case RELATION -> "relation " + object.display();
        case COLUMN -> "relation " + object.display() + "/column " + ObjectName.quoted(name);
        case CONSTRAINT ->
            "relation " + object.display() + "/constraint " + ObjectName.quoted(name);
        case TYPE -> "type " + object.display();
        case TRIGGER -> Trigger.key(object, name);
        case OTHER -> name;
      };
    }

    @Override
    public int compareTo(Key other) {
      return toString().compareTo(other.toString());
    }
  }

  /** The keys of {@link #gone} and {@link #touched}. */
  static final class Keys {
    private Keys() {}

    static Key relation(ObjectName name) {
      return new Key(Key.Kind.RELATION, name, null);
    }

    static Key column(ObjectName table, String column) {
      return new Key(Key.Kind.COLUMN, table, column);
    }

    static Key constraint(ObjectName table, String name) {
      return new Key(Key.Kind.CONSTRAINT, table, name);
    }

    static Key type(ObjectName name) {
      return new Key(Key.Kind.TYPE, name, null);
    }

    /** The trigger {@code name} on {@code table} ({@link Trigger#key}). */
    static Key trigger(ObjectName table, String name) {
      return new Key(Key.Kind.TRIGGER, table, name);
    }

    static Key other(String kind, String name) {
      return new Key(Key.Kind.OTHER, null, kind + " " + name);
    }

    /** A part of {@code whole} ({@code relation t/comment}): it clashes with the whole. */
    static Key part(Key whole, String part) {
      return new Key(Key.Kind.OTHER, null, whole + "/" + part);
    }
  }
}
