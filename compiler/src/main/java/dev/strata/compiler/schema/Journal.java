package dev.strata.compiler.schema;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a persistent map ({@link OrderedMap}, {@link SharedMap}) changed, latest first, as a
 * cons list that copies of the map share: what lets {@link ModelMerge} find, in O(changes), the
 * keys one side of a merge changed since the common ancestor. Mutable: the map it belongs to
 * appends to it; {@link #copyFrom} takes another map's in constant time.
 */
final class Journal<K> {
  private io.vavr.collection.List<K> keys = io.vavr.collection.List.empty();
  private long size;

  /** Records that {@code key} was put, replaced, renamed or removed. */
  void add(K key) {
    keys = keys.prepend(key);
    size++;
  }

  /** Takes {@code other}'s keys, in constant time (the list is shared). */
  void copyFrom(Journal<K> other) {
    keys = other.keys;
    size = other.size;
  }

  /**
   * The keys recorded since {@code ancestor}'s last one, when this journal continues it: a
   * superset of the keys whose value differs between the two maps (a key put back to its old
   * value is in it). Empty when this journal does not continue {@code ancestor}'s (the map does
   * not descend from the ancestor's): the caller then compares every key.
   */
  Optional<Set<K>> since(Journal<K> ancestor) {
    long n = size - ancestor.size;
    if (n < 0) {
      return Optional.empty();
    }
    Set<K> out = new HashSet<>();
    io.vavr.collection.List<K> rest = keys;
    for (long i = 0; i < n; i++) {
      out.add(rest.head());
      rest = rest.tail();
    }
    return rest == ancestor.keys ? Optional.of(out) : Optional.empty();
  }
}
