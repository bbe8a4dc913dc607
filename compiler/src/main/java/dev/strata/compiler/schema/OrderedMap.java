package dev.strata.compiler.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import io.vavr.collection.HashMap;
import io.vavr.collection.TreeMap;

/**
 * The mutable maps of a {@link ModelState}: a map that iterates in order of insertion (as {@link
 * java.util.LinkedHashMap} does), with two more operations the replay needs: {@link #rename}
 * re-keys an entry in place (a table renamed keeps its place in creation order), and {@link
 * #ordinal} gives an entry's rank, so that a handful of keys found through another index can be
 * put back in creation order without walking the map. Every change, through any view of the map
 * ({@code put}, {@code remove}, an iterator's {@code remove}, {@code Entry.setValue}, {@code
 * replaceAll}), is reported to the {@link Hook}, which keeps the state's indexes up to date.
 *
 * <p>The entries live in persistent maps (Vavr's hash array mapped trie {@code HashMap} by key and
 * its red-black {@code TreeMap} by ordinal), so that {@link #copyFrom} and {@link #snapshot} take constant time and
 * share structure: a replay can keep the model before and after every statement of a 100,000
 * revision chain, each snapshot costing only what the statement changed. Lookups and changes
 * cost O(log n).
 *
 * <p>Not thread-safe; iterators fail fast on a change made outside them.
 */
final class OrderedMap<K, V> extends AbstractMap<K, V> {
  /** Told of every entry added and removed (a replaced value: removed, then added). */
  interface Hook<K, V> {
    void added(K key, V value);

    void removed(K key, V value);

    /**
     * {@code key}'s value {@code old} was replaced by {@code value}: by default {@code old}
     * removed, then {@code value} added; a hook may update its indexes by the difference.
     */
    default void replaced(K key, V old, V value) {
      removed(key, old);
      added(key, value);
    }
  }

  private static final Hook<Object, Object> NONE = new Hook<>() {
    @Override
    public void added(Object key, Object value) {}

    @Override
    public void removed(Object key, Object value) {}
  };

  /** {@code key} as a key: lookups with a key of another type find nothing, as in any map. */
  @SuppressWarnings("unchecked")
  private static <K> K k(Object key) {
    return (K) key;
  }

  /** A value and its rank in the order. */
  private record Slot<V>(long ordinal, V value) {}

  private final Hook<K, V> hook;
  private HashMap<K, Slot<V>> slots = HashMap.empty();
  private TreeMap<Long, K> order = TreeMap.empty();
  private long nextOrdinal;
  /** Shared by a map and its copies: whose ordinals {@link Snapshot#addedSince} may compare. */
  private Object lineage = new Object();
  /** Every key changed, shared with copies: see {@link #changedSince}. */
  private final Journal<K> journal = new Journal<>();
  private int modCount;
  private Set<Map.Entry<K, V>> entries;

  @SuppressWarnings("unchecked")
  OrderedMap() {
    this((Hook<K, V>) (Hook<?, ?>) NONE);
  }

  OrderedMap(Hook<K, V> hook) {
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  /**
   * Makes this map hold exactly {@code other}'s entries, in its order, in constant time, without
   * telling the hook: the caller copies the indexes the hook keeps along with it.
   */
  void copyFrom(OrderedMap<K, V> other) {
    slots = other.slots;
    order = other.order;
    nextOrdinal = other.nextOrdinal;
    lineage = other.lineage;
    journal.copyFrom(other.journal);
    modCount++;
  }

  /** An immutable view of the entries as they are now, in order: constant time. */
  Map<K, V> snapshot() {
    return snapshot(Map.of());
  }

  /**
   * {@link #snapshot()}, which also answers {@link Snapshot#group}: each value of {@code groups}
   * is a grouping, under a name of the caller's, that maps an outside key (a table) to the keys of
   * this map that belong to it (its indexes), each with a count, as the state's index of them is
   * at this moment (persistent maps: constant time).
   */
  Map<K, V> snapshot(Map<String, HashMap<?, ? extends HashMap<?, Integer>>> groups) {
    return new Snapshot<>(slots, order, lineage, nextOrdinal, journal.mark(), groups);
  }

  @Override
  public int size() {
    return slots.size();
  }

  @Override
  public boolean containsKey(Object key) {
    return slots.containsKey(k(key));
  }

  @Override
  public V get(Object key) {
    Slot<V> slot = slots.getOrElse(k(key), null);
    return slot == null ? null : slot.value();
  }

  @Override
  public V put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Slot<V> slot = slots.getOrElse(k(key), null);
    if (slot != null) {
      slots = slots.put(key, new Slot<>(slot.ordinal(), value));
      changed(key);
      hook.replaced(key, slot.value(), value);
      return slot.value();
    }
    long ordinal = nextOrdinal++;
    slots = slots.put(key, new Slot<>(ordinal, value));
    order = order.put(ordinal, key);
    changed(key);
    modCount++;
    hook.added(key, value);
    return null;
  }

  @Override
  public V remove(Object key) {
    Slot<V> slot = slots.getOrElse(k(key), null);
    if (slot == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    K k = (K) key;
    unlink(k, slot);
    return slot.value();
  }

  @Override
  public void clear() {
    for (Map.Entry<K, V> entry : snapshot().entrySet()) {
      hook.removed(entry.getKey(), entry.getValue());
    }
    for (K key : order.values()) {
      changed(key);
    }
    slots = HashMap.empty();
    order = TreeMap.empty();
    modCount++;
  }

  /**
   * Re-keys the entry {@code from} to {@code to} with {@code value}, in its place in the order.
   *
   * @throws IllegalArgumentException when {@code from} is missing or {@code to} is taken
   */
  void rename(K from, K to, V value) {
    Objects.requireNonNull(value, "value");
    Slot<V> slot = slots.getOrElse(from, null);
    if (slot == null || (!from.equals(to) && slots.containsKey(to))) {
      throw new IllegalArgumentException("cannot rename " + from + " to " + to);
    }
    hook.removed(from, slot.value());
    slots = slots.remove(from).put(to, new Slot<>(slot.ordinal(), value));
    order = order.put(slot.ordinal(), to);
    changed(from);
    changed(to);
    modCount++;
    hook.added(to, value);
  }

  /**
   * The keys changed since {@code ancestor}, when this map descends from it ({@link
   * Journal#since}); empty when it does not.
   */
  Optional<Set<K>> changedSince(OrderedMap<K, V> ancestor) {
    return journal.since(ancestor.journal);
  }

  private void changed(K key) {
    journal.add(key);
  }

  /** The rank of {@code key} in the order of the map (larger is later); -1 when missing. */
  long ordinal(K key) {
    Slot<V> slot = slots.getOrElse(k(key), null);
    return slot == null ? -1 : slot.ordinal();
  }

  /** {@code keys} (keys of this map) in the map's order: costs a sort of {@code keys} only. */
  List<K> inOrder(Collection<K> keys) {
    List<K> out = new ArrayList<>(keys);
    out.sort(Comparator.comparingLong(this::ordinal));
    return out;
  }

  private void unlink(K key, Slot<V> slot) {
    slots = slots.remove(key);
    order = order.remove(slot.ordinal());
    changed(key);
    modCount++;
    hook.removed(key, slot.value());
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    if (entries == null) {
      entries = new AbstractSet<>() {
        @Override
        public int size() {
          return slots.size();
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
          return new Walk();
        }
      };
    }
    return entries;
  }

  /** Walks the order as it was when the walk began; removals go through the map. */
  private final class Walk implements Iterator<Map.Entry<K, V>> {
    private final Iterator<K> keys = order.values().iterator();
    private final HashMap<K, Slot<V>> at = slots;
    private K last;
    private int expected = modCount;

    @Override
    public boolean hasNext() {
      return keys.hasNext();
    }

    @Override
    public Map.Entry<K, V> next() {
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
      K key = keys.next();
      last = key;
      return new Entry(key, at.getOrElse(key, null).value());
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException();
      }
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
      unlink(last, slots.getOrElse(last, null));
      last = null;
      expected = modCount;
    }
  }

  /** An entry of a walk: {@link #setValue} replaces the value in the map, in place. */
  private final class Entry extends AbstractMap.SimpleEntry<K, V> {
    Entry(K key, V value) {
      super(key, value);
    }

    @Override
    public V setValue(V value) {
      Objects.requireNonNull(value, "value");
      V old = getValue();
      Slot<V> slot = slots.getOrElse(getKey(), null);
      slots = slots.put(getKey(), new Slot<>(slot.ordinal(), value));
      changed(getKey());
      hook.replaced(getKey(), old, value);
      return super.setValue(value);
    }
  }

  /**
   * An immutable view of an {@link OrderedMap} at one moment: lookups cost O(log n), iteration
   * follows the order of insertion.
   */
  static final class Snapshot<K, V> extends AbstractMap<K, V> {
    private final HashMap<K, Slot<V>> slots;
    private final TreeMap<Long, K> order;
    private Set<Map.Entry<K, V>> entries;

    private final Object lineage;
    private final long nextOrdinal;
    /** The map's journal when the snapshot was taken: see {@link #differing}. */
    private final Journal.Mark<K> journal;
    /** Groupings by name, each outside key to the keys of this map that belong to it: see {@link #group}. */
    private final Map<String, HashMap<?, ? extends HashMap<?, Integer>>> groups;

    private Snapshot(HashMap<K, Slot<V>> slots, TreeMap<Long, K> order, Object lineage,
        long nextOrdinal, Journal.Mark<K> journal,
        Map<String, HashMap<?, ? extends HashMap<?, Integer>>> groups) {
      this.slots = slots;
      this.order = order;
      this.lineage = lineage;
      this.nextOrdinal = nextOrdinal;
      this.journal = journal;
      this.groups = groups;
    }

    /**
     * The keys that belong to {@code owner} (the indexes of a table, the tables referencing one)
     * in the grouping named {@code grouping}, in creation order, when this snapshot was taken with
     * that grouping ({@link OrderedMap#snapshot(Map)}): a map access and a sort of the group.
     * Empty when it was not: the caller walks the values.
     */
    @SuppressWarnings("unchecked")
    Optional<List<K>> group(String grouping, Object owner) {
      HashMap<?, ? extends HashMap<?, Integer>> by = groups.get(grouping);
      if (by == null) {
        return Optional.empty();
      }
      HashMap<K, Integer> members =
          ((HashMap<Object, HashMap<K, Integer>>) by).getOrElse(owner, null);
      return Optional.of(members == null ? List.of() : inOrder(members.keySet().toJavaList()));
    }

    /**
     * What the grouping named {@code grouping} counts for {@code owner}, when this snapshot was
     * taken with it: a grouping whose members are not keys of this map (the kinds of the columns
     * of a name, over every table), in no order. Empty when it was not: the caller walks the
     * values.
     */
    @SuppressWarnings("unchecked")
    <M> Optional<Set<M>> members(String grouping, Object owner) {
      HashMap<?, ? extends HashMap<?, Integer>> by = groups.get(grouping);
      if (by == null) {
        return Optional.empty();
      }
      HashMap<M, Integer> members =
          ((HashMap<Object, HashMap<M, Integer>>) by).getOrElse(owner, null);
      return Optional.of(members == null ? Set.of() : members.keySet().toJavaSet());
    }

    /**
     * The keys whose values may differ between this snapshot and {@code other} (a superset: a key
     * changed and changed back is in it), when their maps' journals meet within {@code limit}
     * steps ({@link Journal.Mark#differing}): the snapshots of one replay, before and after a step,
     * or of two branches since their fork. Empty otherwise: the caller compares every key.
     */
    Optional<Set<K>> differing(Snapshot<K, V> other, long limit) {
      return journal.differing(other.journal, limit);
    }

    /** {@code keys} (keys of this map) in the map's order: costs a sort of {@code keys} only. */
    List<K> inOrder(Collection<K> keys) {
      List<K> out = new ArrayList<>(keys);
      out.sort(Comparator.comparingLong(key -> slots.getOrElse(key, null).ordinal()));
      return out;
    }

    @Override
    public int size() {
      return slots.size();
    }

    @Override
    public boolean containsKey(Object key) {
      return slots.containsKey(k(key));
    }

    @Override
    public V get(Object key) {
      Slot<V> slot = slots.getOrElse(k(key), null);
      return slot == null ? null : slot.value();
    }

    /**
     * The values whose keys {@code older} lacks, in creation order, when {@code older} is an
     * earlier snapshot of this map or of a copy it was made from (the same lineage, ordinals
     * handed out since): only the ordinals handed out since {@code older} are looked up, so the
     * cost is what was added, not the size of the map. Empty when the two are not so related:
     * the caller then compares every key.
     */
    Optional<List<V>> addedSince(Snapshot<K, V> older) {
      if (older.lineage != lineage || older.nextOrdinal > nextOrdinal) {
        return Optional.empty();
      }
      List<V> out = new ArrayList<>();
      for (long ordinal = older.nextOrdinal; ordinal < nextOrdinal; ordinal++) {
        K key = order.getOrElse(ordinal, null);
        if (key != null && !older.slots.containsKey(key)) {
          out.add(slots.getOrElse(key, null).value());
        }
      }
      return Optional.of(out);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      if (entries == null) {
        entries = new AbstractSet<>() {
          @Override
          public int size() {
            return slots.size();
          }

          @Override
          public Iterator<Map.Entry<K, V>> iterator() {
            Iterator<K> keys = order.values().iterator();
            return new Iterator<>() {
              @Override
              public boolean hasNext() {
                return keys.hasNext();
              }

              @Override
              public Map.Entry<K, V> next() {
                K key = keys.next();
                return new AbstractMap.SimpleImmutableEntry<>(key, slots.getOrElse(k(key), null).value());
              }
            };
          }
        };
      }
      return entries;
    }
  }
}
