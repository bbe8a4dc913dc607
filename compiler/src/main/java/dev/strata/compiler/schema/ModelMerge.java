package dev.strata.compiler.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The three-way merge of two models that share a base: an object (or a table's column, constraint
 * or attribute) that one side changed takes that side's state; one both sides changed takes the
 * second side's (the conflict is reported by {@link Replay}); objects keep the first side's order
 * of creation, the second side's new ones after them.
 */
final class ModelMerge {
  private ModelMerge() {}

  static ModelState merge(ModelState base, ModelState a, ModelState b) {
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
      K key = e.getKey();
      V inBase = base.get(key);
      V inB = b.get(key);
      if (inB == null) {
        if (inBase == null || !inBase.equals(e.getValue())) {
          out.put(key, e.getValue()); // a made or changed it, b left it (or b dropped it)
        }
        // else: b dropped what a left alone
      } else {
        out.put(key, Objects.equals(e.getValue(), inBase) ? inB : e.getValue());
      }
    }
    for (Map.Entry<K, V> e : b.entrySet()) {
      K key = e.getKey();
      if (!a.containsKey(key)) {
        V inBase = base.get(key);
        if (inBase == null || !inBase.equals(e.getValue())) {
          out.put(key, e.getValue());
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
