package dev.strata.compiler.schema;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HashSet;
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
  /** Every key changed, latest first, shared with copies: see {@link #changedSince}. */
  private io.vavr.collection.List<K> journal = io.vavr.collection.List.empty();
  private long journalSize;

  /** Makes this map hold exactly {@code other}'s entries, in constant time. */
  void copyFrom(SharedMap<K, V> other) {
    map = other.map;
    journal = other.journal;
    journalSize = other.journalSize;
  }

  /**
   * The keys changed since {@code ancestor}, when this map descends from it: a superset of the
   * keys whose value here differs from the value there (a key put back to its old value may be
   * in it), found in O(changes) from the journal of changes the two maps share. Empty when this
   * map does not descend from {@code ancestor} (its journal is not a continuation of the
   * ancestor's): the caller then compares every key.
   */
  Optional<Set<K>> changedSince(SharedMap<K, V> ancestor) {
    long n = journalSize - ancestor.journalSize;
    if (n < 0) {
      return Optional.empty();
    }
    Set<K> out = new HashSet<>();
    io.vavr.collection.List<K> rest = journal;
    for (long i = 0; i < n; i++) {
      out.add(rest.head());
      rest = rest.tail();
    }
    return rest == ancestor.journal ? Optional.of(out) : Optional.empty();
  }

  private void changed(K key) {
    journal = journal.prepend(key);
    journalSize++;
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
