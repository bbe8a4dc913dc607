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
    if (indexes instanceof OrderedMap.Snapshot<ObjectName, Index> snapshot) {
      Optional<List<ObjectName>> names = snapshot.group(relation);
      if (names.isPresent()) {
        return names.get().stream().map(indexes::get).toList();
      }
    }
    return indexes.values().stream().filter(i -> i.table().equals(relation)).toList();
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
    if (tables instanceof OrderedMap.Snapshot<ObjectName, Table> snapshot) {
      Optional<List<ObjectName>> names = snapshot.group(table);
      if (names.isPresent()) {
        return names.get().stream().map(tables::get).toList();
      }
    }
    return tables.values().stream()
        .filter(t -> t.constraints().stream().anyMatch(c ->
            c instanceof Constraint.ForeignKey key && key.references().equals(table)))
        .toList();
  }

  /**
   * Whether {@code name} is taken in its schema's namespace of relations, which PostgreSQL shares
   * among tables, views, indexes (constraint indexes included) and sequences.
   */
  public boolean relationExists(ObjectName name) {
    return tables.containsKey(name) || views.containsKey(name) || indexes.containsKey(name)
        || sequences.containsKey(name) || constraintIndex(name).isPresent();
  }

  /** The table whose primary-key or unique constraint has the index {@code name}, or empty. */
  public Optional<Table> constraintIndex(ObjectName name) {
    return tables.values().stream()
        .filter(t -> t.name().schema().equals(name.schema()))
        .filter(t -> t.constraints().stream().anyMatch(c -> c.name().equals(name.name())
            && (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique)))
        .findFirst();
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
