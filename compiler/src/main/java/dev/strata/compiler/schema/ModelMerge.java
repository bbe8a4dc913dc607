package dev.strata.compiler.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The three-way merge of two models that share a base: an object (or a table's column, constraint
 * or attribute, an enum's labels) that one side changed takes that side's state; one both sides
 * changed takes the first side's (the conflict is reported by {@link RecursiveMerge}); objects
 * keep the first side's order of creation, the second side's new ones after them.
 */
final class ModelMerge {
  private ModelMerge() {}

  /**
   * The merge of {@code a} and {@code b} against {@code base}: {@link #byChanges} when {@code b}
   * descends from {@code base}, else {@link #byWalk}. The two give the same state ({@code
   * ModelMergeTest}), except which table {@link ModelState#constraintIndex} names when the merge
   * leaves two tables of one schema with a key or unique constraint of one name. A new state;
   * the three are not changed.
   */
  static ModelState merge(ModelState base, ModelState a, ModelState b) {
    return byChanges(base, a, b).orElseGet(() -> byWalk(base, a, b));
  }

  /**
   * The merge computed from the changes alone: {@code a}'s state, with each key that {@code b}
   * changed since {@code base} merged in by the same three-way rule as {@link #byWalk}, in
   * O(changes) rather than O(model) ({@link OrderedMap#changedSince}): what keeps a graph with a
   * merge every few revisions linear. Empty when a map of {@code b} (or {@code a}'s dropped
   * objects) does not descend from {@code base}'s, e.g. a base that is itself a merge of several
   * common ancestors. Package-private, as {@link #byWalk}, for {@code ModelMergeTest}, which
   * checks that the two agree.
   */
  static Optional<ModelState> byChanges(ModelState base, ModelState a, ModelState b) {
    ModelState out = a.copy();
    boolean ok = into(out.schemas, base.schemas, a.schemas, b.schemas, null)
        && into(out.types, base.types, a.types, b.types, ModelMerge::enumType)
        && into(out.otherTypes, base.otherTypes, a.otherTypes, b.otherTypes, null)
        && into(out.sequences, base.sequences, a.sequences, b.sequences, null)
        && into(out.indexes, base.indexes, a.indexes, b.indexes, null)
        && into(out.views, base.views, a.views, b.views, null)
        && into(out.routines, base.routines, a.routines, b.routines, null)
        && into(out.triggers, base.triggers, a.triggers, b.triggers, null)
        && into(out.extensions, base.extensions, a.extensions, b.extensions, null)
        && into(out.implicitSequences, base.implicitSequences, a.implicitSequences,
            b.implicitSequences, null)
        && into(out.opaqueTables, base.opaqueTables, a.opaqueTables, b.opaqueTables, null)
        && into(out.tables, base.tables, a.tables, b.tables, ModelMerge::table);
    Optional<Set<ModelState.Key>> goneB = b.gone.changedSince(base.gone);
    Optional<Set<ModelState.Key>> goneA = a.gone.changedSince(base.gone);
    Optional<Set<ModelState.Key>> touchedB = b.touched.changedSince(base.touched);
    if (!ok || goneB.isEmpty() || goneA.isEmpty() || touchedB.isEmpty()) {
      return Optional.empty();
    }
    b.handEdits.stream().filter(e -> !out.handEdits.contains(e)).forEach(out.handEdits::add);
    // as b.gone.forEach(out.gone::putIfAbsent): b's entries that a lacks are ones b added or
    // a removed since the base
    Set<ModelState.Key> goneKeys = new java.util.HashSet<>(goneB.get());
    goneKeys.addAll(goneA.get());
    for (ModelState.Key key : goneKeys) {
      ModelState.Gone gone = b.gone.get(key);
      if (gone != null && !out.gone.containsKey(key)) {
        out.gone.put(key, gone);
      }
    }
    for (ModelState.Key key : touchedB.get()) {
      Origin origin = b.touched.get(key);
      if (origin != null && !origin.equals(base.touched.get(key))) {
        out.touched.put(key, origin);
      }
    }
    return Optional.of(out);
  }

  /** How a value both sides changed is merged (a table's columns, an enum's labels), or null. */
  @FunctionalInterface
  private interface Both<V> {
    V merge(V base, V a, V b);
  }

  /**
   * Merges into {@code out} (a copy of {@code a}) each key {@code b} changed since {@code base},
   * new keys after {@code a}'s in {@code b}'s order; false when {@code b} does not descend from
   * {@code base}.
   */
  private static <K, V> boolean into(OrderedMap<K, V> out, OrderedMap<K, V> base,
      OrderedMap<K, V> a, OrderedMap<K, V> b, Both<V> both) {
    Optional<Set<K>> changed = b.changedSince(base);
    if (changed.isEmpty()) {
      return false;
    }
    List<K> keys = new ArrayList<>(changed.get());
    keys.sort(java.util.Comparator.comparingLong(b::ordinal));
    for (K key : keys) {
      V inBase = base.get(key);
      V inA = a.get(key);
      V inB = b.get(key);
      V merged = threeWay(inBase, inA, inB);
      if (merged != null && both != null && inBase != null && inA != null && inB != null
          && !inA.equals(inBase) && !inB.equals(inBase)) {
        merged = both.merge(inBase, inA, inB);
      }
      if (merged == null) {
        out.remove(key);
      } else if (!merged.equals(inA)) {
        out.put(key, merged);
      }
    }
    return true;
  }

  /**
   * The three-way rule for one key, null for absent: a side that made or changed it wins over
   * one that dropped it; what one side dropped and the other left alone is dropped; when both
   * have it, the side that changed it wins (the first when both did).
   */
  private static <V> V threeWay(V inBase, V inA, V inB) {
    if (inA != null) {
      if (inB == null) { // a made or changed it and b left it or dropped it; or b dropped it
        return inBase == null || !inBase.equals(inA) ? inA : null;
      }
      return Objects.equals(inA, inBase) ? inB : inA;
    }
    if (inB != null) {
      return inBase == null || !inBase.equals(inB) ? inB : null;
    }
    return null;
  }

  /** The merge by walking every object of both sides (O(model)): {@link #byChanges}' fallback. */
  static ModelState byWalk(ModelState base, ModelState a, ModelState b) {
    ModelState out = new ModelState();
    out.schemas.putAll(map(base.schemas, a.schemas, b.schemas));
    Map<ObjectName, EnumType> types = map(base.types, a.types, b.types);
    types.replaceAll((name, type) -> {
      EnumType tb = base.types.get(name);
      EnumType ta = a.types.get(name);
      EnumType tb2 = b.types.get(name);
      return tb != null && ta != null && tb2 != null && !ta.equals(tb) && !tb2.equals(tb)
          ? enumType(tb, ta, tb2) : type;
    });
    out.types.putAll(types);
    out.otherTypes.putAll(map(base.otherTypes, a.otherTypes, b.otherTypes));
    out.sequences.putAll(map(base.sequences, a.sequences, b.sequences));
    out.indexes.putAll(map(base.indexes, a.indexes, b.indexes));
    out.views.putAll(map(base.views, a.views, b.views));
    out.routines.putAll(map(base.routines, a.routines, b.routines));
    out.triggers.putAll(map(base.triggers, a.triggers, b.triggers));
    out.extensions.putAll(map(base.extensions, a.extensions, b.extensions));
    out.implicitSequences.putAll(map(base.implicitSequences, a.implicitSequences,
        b.implicitSequences));
    out.opaqueTables.putAll(map(base.opaqueTables, a.opaqueTables, b.opaqueTables));
    Map<ObjectName, Table> tables = map(base.tables, a.tables, b.tables);
    tables.replaceAll((name, table) -> {
      Table tb = base.tables.get(name);
      Table ta = a.tables.get(name);
      Table tb2 = b.tables.get(name);
      return tb != null && ta != null && tb2 != null && !ta.equals(tb) && !tb2.equals(tb)
          ? table(tb, ta, tb2) : table;
    });
    out.tables.putAll(tables);
    List<HandEdit> edits = new ArrayList<>(a.handEdits);
    b.handEdits.stream().filter(e -> !edits.contains(e)).forEach(edits::add);
    out.handEdits.addAll(edits);
    out.gone.putAll(a.gone);
    b.gone.forEach(out.gone::putIfAbsent);
    out.touched.putAll(a.touched);
    b.touched.forEach((key, origin) -> {
      if (!Objects.equals(origin, base.touched.get(key))) {
        out.touched.put(key, origin);
      }
    });
    return out;
  }

  /** Three-way merge of one map; values compared with {@code equals}. */
  static <K, V> Map<K, V> map(Map<K, V> base, Map<K, V> a, Map<K, V> b) {
    LinkedHashMap<K, V> out = new LinkedHashMap<>();
    for (Map.Entry<K, V> e : a.entrySet()) {
      V merged = threeWay(base.get(e.getKey()), e.getValue(), b.get(e.getKey()));
      if (merged != null) {
        out.put(e.getKey(), merged);
      }
    }
    for (Map.Entry<K, V> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        V merged = threeWay(base.get(e.getKey()), null, e.getValue());
        if (merged != null) {
          out.put(e.getKey(), merged);
        }
      }
    }
    return out;
  }

  private static Table table(Table base, Table a, Table b) {
    List<Column> columns = list(base.columns(), a.columns(), b.columns(), Column::name);
    List<Constraint> constraints =
        list(base.constraints(), a.constraints(), b.constraints(), Constraint::name);
    return new Table(a.name(),
        columns.stream().distinct().toList().size() == columns.size() ? columns : a.columns(),
        constraints, pick(base.unlogged(), a.unlogged(), b.unlogged()),
        pick(base.partitionBy(), a.partitionBy(), b.partitionBy()),
        pick(base.partitionOf(), a.partitionOf(), b.partitionOf()),
        pick(base.options(), a.options(), b.options()),
        pick(base.comment(), a.comment(), b.comment()), a.origin());
  }

  /**
   * Both sides added labels: the first side's labels, then each label only the second side added,
   * after the label it follows there (PostgreSQL orders labels as they were placed).
   */
  private static EnumType enumType(EnumType base, EnumType a, EnumType b) {
    List<String> values = new ArrayList<>(a.values());
    String previous = null;
    for (String value : b.values()) {
      if (!values.contains(value) && !base.values().contains(value)) {
        values.add(previous == null ? 0 : values.indexOf(previous) + 1, value);
      }
      if (values.contains(value)) {
        previous = value;
      }
    }
    return new EnumType(a.name(), values, pick(base.comment(), a.comment(), b.comment()),
        a.origin());
  }

  private static <T> T pick(T base, T a, T b) {
    return Objects.equals(a, base) ? b : a;
  }

  private static <T> List<T> list(List<T> base, List<T> a, List<T> b, Function<T, String> key) {
    Map<String, T> merged = map(index(base, key), index(a, key), index(b, key));
    return new ArrayList<>(merged.values());
  }

  private static <T> Map<String, T> index(List<T> list, Function<T, String> key) {
    LinkedHashMap<String, T> out = new LinkedHashMap<>();
    list.forEach(item -> out.put(key.apply(item), item));
    return out;
  }
}
