package dev.strata.compiler.schema;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
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

  /** Makes this map hold exactly {@code other}'s entries, in constant time. */
  void copyFrom(SharedMap<K, V> other) {
    map = other.map;
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
    return old;
  }

  @Override
  public V remove(Object key) {
    V old = map.getOrElse(k(key), null);
    if (old != null) {
      map = map.remove(k(key));
    }
    return old;
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> other) {
    other.forEach((key, value) -> map = map.put(key, value));
  }

  @Override
  public void clear() {
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
