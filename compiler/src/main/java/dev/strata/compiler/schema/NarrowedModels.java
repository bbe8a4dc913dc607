package dev.strata.compiler.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two models cut down to the objects that may differ between them: what lets {@link SchemaDiff}
 * compare a model with its successor (the models before and after one step of a replay) in the
 * time of what the step changed, not the size of the schema.
 *
 * <p>The keys come from the journals of the replay's maps ({@link OrderedMap.Snapshot#differing}):
 * each map records every key it puts, replaces, renames or removes, and the snapshots of one
 * replay share those records up to where they part, so the keys recorded since then are a
 * superset of the keys whose values differ. Every other key holds the very same object on both
 * sides. Each side keeps those keys in its own order (the order the diff walks), so the diff of
 * the two cut-down models lists, in the same order, exactly the changes of the whole models as
 * long as no table is renamed: a rename changes how the diff reads other objects (a foreign key,
 * an index, a trigger or a sequence of the renamed table compares under its new name), and then
 * {@link SchemaDiff#between} compares the whole models.
 *
 * @param before the objects of the first model under the keys that may differ, in its order
 * @param after the same of the second model
 */
record NarrowedModels(SchemaModel before, SchemaModel after) {
  /**
   * Steps a journal walk may take per map beyond the number of entries of both sides: past that,
   * comparing every key costs less than finding the ones that changed.
   */
  private static final long SLACK = 64;

  /**
   * {@code before} and {@code after} cut down to the keys that may differ, when every map of both
   * is a replay's snapshot and their journals meet within {@link #SLACK} steps plus the number of
   * entries of the map on both sides; empty otherwise (the caller compares the whole models).
   * O(the keys found) per map when they meet, O(the map) at most when they do not. The hand
   * edits are left out: the diff does not read them.
   */
  static Optional<NarrowedModels> of(SchemaModel before, SchemaModel after) {
    var schemas = narrowed(before.schemas(), after.schemas());
    var types = narrowed(before.types(), after.types());
    var sequences = narrowed(before.sequences(), after.sequences());
    var tables = narrowed(before.tables(), after.tables());
    var indexes = narrowed(before.indexes(), after.indexes());
    var views = narrowed(before.views(), after.views());
    var routines = narrowed(before.routines(), after.routines());
    var triggers = narrowed(before.triggers(), after.triggers());
    var extensions = narrowed(before.extensions(), after.extensions());
    if (schemas.isEmpty() || types.isEmpty() || sequences.isEmpty() || tables.isEmpty()
        || indexes.isEmpty() || views.isEmpty() || routines.isEmpty() || triggers.isEmpty()
        || extensions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new NarrowedModels(
        new SchemaModel(schemas.get().before(), types.get().before(), sequences.get().before(),
            tables.get().before(), indexes.get().before(), views.get().before(),
            routines.get().before(), triggers.get().before(), extensions.get().before(),
            List.of()),
        new SchemaModel(schemas.get().after(), types.get().after(), sequences.get().after(),
            tables.get().after(), indexes.get().after(), views.get().after(),
            routines.get().after(), triggers.get().after(), extensions.get().after(),
            List.of())));
  }

  /** One map of both models, cut down to the keys that may differ. */
  private record Pair<K, V>(Map<K, V> before, Map<K, V> after) {}

  private static <K, V> Optional<Pair<K, V>> narrowed(Map<K, V> before, Map<K, V> after) {
    if (!(before instanceof OrderedMap.Snapshot<K, V> older)
        || !(after instanceof OrderedMap.Snapshot<K, V> newer)) {
      return Optional.empty();
    }
    return older.differing(newer, (long) older.size() + newer.size() + SLACK)
        .map(keys -> new Pair<>(only(older, keys), only(newer, keys)));
  }

  /** The entries of {@code map} under {@code keys}, in the map's order. */
  private static <K, V> Map<K, V> only(OrderedMap.Snapshot<K, V> map, Set<K> keys) {
    Map<K, V> out = new LinkedHashMap<>();
    for (K key : map.inOrder(keys.stream().filter(map::containsKey).toList())) {
      out.put(key, map.get(key));
    }
    return out;
  }
}
