package dev.strata.compiler.schema;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import io.vavr.collection.HashMap;
import java.util.AbstractSet;
import java.util.Iterator;

/**
 * A mutable hash map over a persistent one (Vavr's hash array mapped trie, {@code HashMap}): the unordered
 * maps and indexes of a {@link ModelState}, which {@link #copyFrom} copies in constant time,
 * sharing structure. Lookups and changes cost O(log n); no null keys or values. The entry set is
 * a read-only view of the entries as they were when it was asked for.
 */
final class SharedMap<K, V> extends AbstractMap<K, V> {
  private HashMap<K, V> map = HashMap.empty();
  /** Every key changed, shared with copies: see {@link #changedSince}. */
  private final Journal<K> journal = new Journal<>();

  /** Makes this map hold exactly {@code other}'s entries, in constant time. */
  void copyFrom(SharedMap<K, V> other) {
    map = other.map;
    journal.copyFrom(other.journal);
  }

  /**
   * The keys changed since {@code ancestor}, when this map descends from it ({@link
   * Journal#since}); empty when it does not.
   */
  Optional<Set<K>> changedSince(SharedMap<K, V> ancestor) {
    return journal.since(ancestor.journal);
  }

  private void changed(K key) {
    journal.add(key);
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public boolean containsKey(Object key) {
    return map.containsKey(k(key));
  }

  @Override
  public V get(Object key) {
    return map.getOrElse(k(key), null);
  }

  @SuppressWarnings("unchecked")
  private static <K> K k(Object key) {
    return (K) key;
  }

  @Override
  public V put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    V old = map.getOrElse(key, null);
    map = map.put(key, value);
    changed(key);
    return old;
  }

  @Override
  public V remove(Object key) {
    V old = map.getOrElse(k(key), null);
    if (old != null) {
      map = map.remove(k(key));
      changed(k(key));
    }
    return old;
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> other) {
    other.forEach(this::put);
  }

  @Override
  public void clear() {
    map.keySet().forEach(this::changed);
    map = HashMap.empty();
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    HashMap<K, V> at = map;
    return new AbstractSet<>() {
      @Override
      public int size() {
        return at.size();
      }

      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return at.iterator().map(t -> (Map.Entry<K, V>) new SimpleImmutableEntry<>(t._1, t._2));
      }
    };
  }
}
