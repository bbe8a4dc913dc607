package dev.strata.compiler.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema at one point of the revision chain: an immutable snapshot. Each map is keyed by the
 * object's folded name (routines by {@link Routine#signature()}, triggers by {@link
 * Trigger#key()}) and iterates in order of creation, an order that recreates the objects (a table
 * before its indexes, a type before the tables that use it). {@code schemas} lists the schemas
 * made by {@code CREATE SCHEMA}; {@code public} always exists and is not listed.
 *
 * @param handEdits the {@code -- +dialect} blocks on the way here, oldest first: when not empty,
 *     the real schema may differ from this one in ways the model cannot know
 */
public record SchemaModel(
    Map<String, Origin> schemas,
    Map<ObjectName, EnumType> types,
    Map<ObjectName, Sequence> sequences,
    Map<ObjectName, Table> tables,
    Map<ObjectName, Index> indexes,
    Map<ObjectName, View> views,
    Map<String, Routine> routines,
    Map<String, Trigger> triggers,
    Map<String, Extension> extensions,
    List<HandEdit> handEdits) {

  public SchemaModel {
    schemas = frozen(schemas);
    types = frozen(types);
    sequences = frozen(sequences);
    tables = frozen(tables);
    indexes = frozen(indexes);
    views = frozen(views);
    routines = frozen(routines);
    triggers = frozen(triggers);
    extensions = frozen(extensions);
    handEdits = List.copyOf(handEdits);
    keyed(tables, Table::name);
    keyed(indexes, Index::name);
    keyed(views, View::name);
    keyed(types, EnumType::name);
    keyed(sequences, Sequence::name);
    keyed(routines, Routine::signature);
    keyed(triggers, Trigger::key);
  }

  // The groupings of a replay's snapshots ({@link OrderedMap.Snapshot#group}), which the replay's
  // state keeps up to date, so that what a renderer asks at a statement is a map access, never a
  // walk over the whole schema: a chain of N revisions would cost N times the schema's size.
  /** Of the tables: referenced table to the tables whose foreign keys reference it. */
  static final String REFERENCING = "referencing";
  /** Of the tables: type (as a column names it) to the tables with a column of that type. */
  static final String TYPE_USERS = "type users";
  /** Of the tables: a column name to the kinds ({@link ColumnKind}) of the columns of that name. */
  static final String COLUMN_KINDS = "column kinds";
  /** Of the tables: an index-backed constraint's (schema, name) to its table. */
  static final String CONSTRAINT_INDEXES = "constraint indexes";
  /** Of the indexes: table or materialized view to its indexes. */
  static final String INDEXES_ON = "indexes on";
  /** Of the views: relation to the views whose definitions read it. */
  static final String READERS = "readers";

  private static final SchemaModel EMPTY = new SchemaModel(Map.of(), Map.of(), Map.of(), Map.of(),
      Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());

  /**
   * The schema of an empty database (base): only {@code public}, which every model has without
   * naming it. One shared instance: the renderer asks for it at every step.
   */
  public static SchemaModel empty() {
    return EMPTY;
  }

  /** The table named {@code name}, or empty. */
  public Optional<Table> table(ObjectName name) {
    return Optional.ofNullable(tables.get(name));
  }

  /**
   * The indexes on {@code relation} (a table or materialized view), in creation order. On a model
   * a replay made, a map access (the replay keeps its indexes by table); on another, a walk over
   * every index. What a renderer asks at a statement, so that it does not cost the whole schema.
   */
  public List<Index> indexesOn(ObjectName relation) {
    return grouped(indexes, INDEXES_ON, relation).orElseGet(() ->
        indexes.values().stream().filter(i -> i.table().equals(relation)).toList());
  }

  /**
   * The tables named in {@code names} that the model has, in creation order: a sort of those on a
   * model a replay made, a walk over every table on another.
   */
  public List<Table> tablesAmong(Set<ObjectName> names) {
    if (tables instanceof OrderedMap.Snapshot<ObjectName, Table> snapshot) {
      return snapshot.inOrder(names.stream().filter(tables::containsKey).toList()).stream()
          .map(tables::get).toList();
    }
    return tables.values().stream().filter(t -> names.contains(t.name())).toList();
  }

  /**
   * The tables with a foreign key that references {@code table} ({@code table} itself when it
   * references itself), in creation order: a map access on a model a replay made, a walk over
   * every table's constraints on another.
   */
  public List<Table> referencing(ObjectName table) {
    return grouped(tables, REFERENCING, table).orElseGet(() -> tables.values().stream()
        .filter(t -> t.constraints().stream().anyMatch(c ->
            c instanceof Constraint.ForeignKey key && key.references().equals(table)))
        .toList());
  }

  /**
   * Whether {@code name} is taken in its schema's namespace of relations, which PostgreSQL shares
   * among tables, views, indexes (constraint indexes included) and sequences.
   */
  public boolean relationExists(ObjectName name) {
    return tables.containsKey(name) || views.containsKey(name) || indexes.containsKey(name)
        || sequences.containsKey(name) || constraintIndex(name).isPresent();
  }

  /**
   * The table whose primary-key or unique constraint has the index {@code name}, or empty (the
   * first in creation order, should two have one). On a model a replay made, a map access; on
   * another, a walk over every table's constraints.
   */
  public Optional<Table> constraintIndex(ObjectName name) {
    return grouped(tables, CONSTRAINT_INDEXES, name).orElseGet(() -> tables.values().stream()
            .filter(t -> t.name().schema().equals(name.schema())).toList())
        .stream().filter(t -> keyOrUniqueNamed(t, name.name())).findFirst();
  }

  /**
   * The values of {@code map} that the grouping {@code grouping} gives {@code owner}, in creation
   * order, when {@code map} is a replay's snapshot taken with that grouping ({@link
   * OrderedMap.Snapshot#group}): a map access and a sort of the group. Empty otherwise: the
   * caller walks the values.
   */
  private static <V> Optional<List<V>> grouped(Map<ObjectName, V> map, String grouping,
      Object owner) {
    if (map instanceof OrderedMap.Snapshot<ObjectName, V> snapshot) {
      return snapshot.group(grouping, owner).map(keys -> keys.stream().map(map::get).toList());
    }
    return Optional.empty();
  }

  private static boolean keyOrUniqueNamed(Table table, String constraint) {
    return table.constraints().stream().anyMatch(c -> c.name().equals(constraint)
        && (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique));
  }

  /**
   * The tables with a column whose type is named {@code type} (with or without modifiers, as
   * {@code ObjectName.of} folds the column's type name), in creation order: a map access on a
   * model a replay made, a walk over every table's columns on another.
   */
  public List<Table> typeUsers(ObjectName type) {
    return grouped(tables, TYPE_USERS, type).orElseGet(() -> tables.values().stream()
        .filter(t -> t.columns().stream().anyMatch(c -> c.type().named()
            .filter(n -> ObjectName.of(n.name()).equals(type)).isPresent()))
        .toList());
  }

  /**
   * The kinds of the columns named {@code column} (folded), over every table, in no order: a map
   * access on a model a replay made, a walk over every table's columns on another. What an
   * expression's column names are looked up by ({@code ValueKinds}), at every statement: the
   * question costs the number of distinct kinds, not the number of tables.
   */
  public Set<ColumnKind> columnKinds(String column) {
    if (tables instanceof OrderedMap.Snapshot<ObjectName, Table> snapshot) {
      Optional<Set<ColumnKind>> kinds = snapshot.members(COLUMN_KINDS, column);
      if (kinds.isPresent()) {
        return kinds.get();
      }
    }
    Set<ColumnKind> out = new java.util.HashSet<>();
    for (Table table : tables.values()) {
      table.column(column).ifPresent(c -> out.add(ColumnKind.of(c)));
    }
    return out;
  }

  /**
   * The views (materialized ones too) whose definitions read {@code relation} directly, as their
   * {@code reads} tell, in creation order: a map access on a model a replay made, a walk over
   * every view on another.
   */
  public List<View> readersOf(ObjectName relation) {
    return grouped(views, READERS, relation).orElseGet(() -> views.values().stream()
        .filter(v -> v.definition().reads().stream().map(ObjectName::of).anyMatch(relation::equals))
        .toList());
  }

  /**
   * The views named in {@code names} that the model has, in creation order: a sort of those on a
   * model a replay made, a walk over every view on another.
   */
  public List<View> viewsAmong(Set<ObjectName> names) {
    if (views instanceof OrderedMap.Snapshot<ObjectName, View> snapshot) {
      return snapshot.inOrder(names.stream().filter(views::containsKey).toList()).stream()
          .map(views::get).toList();
    }
    return views.values().stream().filter(v -> names.contains(v.name())).toList();
  }

  /** Whether the model may be missing changes made by hand ({@link #handEdits()} not empty). */
  public boolean blind() {
    return !handEdits.isEmpty();
  }

  private static <K, V> Map<K, V> frozen(Map<K, V> map) {
    if (map instanceof OrderedMap.Snapshot<K, V>) {
      return map; // immutable already, and shared: copying it made a replay quadratic
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Checks that each key names its object; skipped for the replay's own snapshots, whose keys
   * were checked as they went in (checking them again made every snapshot cost the whole model).
   */
  private static <K, V> void keyed(Map<K, V> map, java.util.function.Function<V, K> key) {
    if (map instanceof OrderedMap.Snapshot<K, V>) {
      return;
    }
    map.forEach((k, v) -> {
      if (!k.equals(key.apply(v))) {
        throw new IllegalArgumentException("model key " + k + " does not name its object");
      }
    });
  }
}
