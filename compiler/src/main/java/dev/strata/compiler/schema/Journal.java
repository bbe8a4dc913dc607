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

  /** The journal as it is now, kept by an immutable snapshot of the map: constant time. */
  Mark<K> mark() {
    return new Mark<>(keys, size);
  }

  /**
   * A journal at one moment: its keys (latest first, shared with the map's later journal and with
   * copies) and how many there are.
   */
  record Mark<K>(io.vavr.collection.List<K> keys, long size) {
    /**
     * The keys whose values may differ between the map this mark was taken of and the one {@code
     * other} was taken of: the keys each recorded since the latest point their journals share
     * (both maps held the same entries there, one having copied the other's). A superset of the
     * keys whose value differs, in no order (two journals always share at least their empty
     * start: every map begins empty and records each change). Empty when finding that point takes
     * more than {@code limit} steps (each reading a key of one journal or both): the caller then
     * compares every key. Costs at most {@code limit} steps.
     */
    Optional<Set<K>> differing(Mark<K> other, long limit) {
      Set<K> out = new HashSet<>();
      io.vavr.collection.List<K> mine = keys;
      io.vavr.collection.List<K> theirs = other.keys;
      long mineSize = size;
      long theirSize = other.size;
      long read = 0;
      // the lists share their tails: walk the longer down to the length of the shorter, then both
      // together until they reach the same cell
      while (mine != theirs && (mineSize > 0 || theirSize > 0)) {
        if (read++ >= limit) {
          return Optional.empty();
        }
        if (mineSize >= theirSize) {
          out.add(mine.head());
          mine = mine.tail();
          mineSize--;
        }
        if (theirSize > mineSize) {
          out.add(theirs.head());
          theirs = theirs.tail();
          theirSize--;
        }
      }
      return Optional.of(out);
    }
  }
}
