package dev.strata.compiler.schema;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a persistent map ({@link OrderedMap}, {@link SharedMap}) changed, latest first, as a
 * cons list that copies of the map share: what lets {@link ModelMerge} find, in O(changes), the
 * keys one side of a merge changed since the common ancestor. Mutable: the map it belongs to
 * appends to it; {@link #copyFrom} takes another map's in constant time.
 *
 * <p>Only the latest {@value #KEPT} to twice that many keys are kept: every {@value #KEPT} keys,
 * the cell that many keys back is unlinked from the ones before it, which the collector then
 * frees (a replay of 100,000 revisions changed its maps some 2,000,000 times; kept whole, their
 * journals alone were about 50 MB of the model). The questions asked are about the last few
 * changes (the keys since a branch point, or since the step before), so they stay answerable; one
 * that reaches an unlinked cell is answered "not known" ({@link Optional#empty()}) and the caller
 * compares every key, as it does for two maps of different replays: never wrong, only slower.
 * Cutting at a fixed count instead made a merge whose branch spanned a cut rebuild the whole
 * model: about once per {@value #KEPT} keys, hence quadratic in a long branchy graph.
 */
final class Journal<K> {
  /** How many of the latest keys every journal keeps, at least. */
  static final int KEPT = 1 << 13;

  /**
   * One key, and the cell of the key recorded before it; {@code before} is null in the start of
   * every journal and in a cell unlinked from older ones. Identity is what two journals share.
   * {@code before} is only ever set to null, by {@link #add} of any journal sharing the cell: a
   * walk that reads it in another thread sees either link, and both answers are right.
   */
  private static final class Cell<K> {
    private final K key;
    private Cell<K> before;

    Cell(K key, Cell<K> before) {
      this.key = key;
      this.before = before;
    }
  }

  /** The start every journal begins from: two maps both made empty share it. */
  @SuppressWarnings("rawtypes")
  private static final Cell START = new Cell<>(null, null);

  @SuppressWarnings("unchecked")
  private Cell<K> keys = START;
  private long size;
  /** Keys added since the last unlinking. */
  private int sinceCut;

  /** Records that {@code key} was put, replaced, renamed or removed. */
  void add(K key) {
    keys = new Cell<>(key, keys);
    size++;
    if (++sinceCut == KEPT) {
      sinceCut = 0;
      Cell<K> cell = keys;
      for (int i = 0; i < KEPT && cell.before != null; i++) {
        cell = cell.before;
      }
      cell.before = null;
    }
  }

  /** Takes {@code other}'s keys, in constant time (the list is shared). */
  void copyFrom(Journal<K> other) {
    keys = other.keys;
    size = other.size;
    sinceCut = other.sinceCut;
  }

  /**
   * The keys recorded since {@code ancestor}'s last one, when this journal continues it: a
   * superset of the keys whose value differs between the two maps (a key put back to its old
   * value is in it). Empty when this journal does not continue {@code ancestor}'s (the map does
   * not descend from the ancestor's), or the cells between them were unlinked: the caller then
   * compares every key.
   */
  Optional<Set<K>> since(Journal<K> ancestor) {
    long n = size - ancestor.size;
    if (n < 0) {
      return Optional.empty();
    }
    Set<K> out = new HashSet<>();
    Cell<K> rest = keys;
    for (long i = 0; i < n; i++) {
      if (rest.before == null) {
        return Optional.empty();
      }
      out.add(rest.key);
      rest = rest.before;
    }
    return rest == ancestor.keys ? Optional.of(out) : Optional.empty();
  }

  /** The journal as it is now, kept by an immutable snapshot of the map: constant time. */
  Mark<K> mark() {
    return new Mark<>(keys, size);
  }

  /**
   * A journal at one moment: its latest cell (shared with the map's later journal and with
   * copies) and how many keys were recorded up to it.
   */
  static final class Mark<K> {
    private final Cell<K> keys;
    private final long size;

    private Mark(Cell<K> keys, long size) {
      this.keys = keys;
      this.size = size;
    }

    /**
     * The keys whose values may differ between the map this mark was taken of and the one {@code
     * other} was taken of: the keys each recorded since the latest point their journals share
     * (both maps held the same entries there, one having copied the other's). A superset of the
     * keys whose value differs, in no order. Empty when finding that point takes more than {@code
     * limit} steps (each reading a key of one journal or both), or when an unlinked cell comes
     * first: the caller then compares every key. Costs at most {@code limit} steps.
     */
    Optional<Set<K>> differing(Mark<K> other, long limit) {
      Set<K> out = new HashSet<>();
      Cell<K> mine = keys;
      Cell<K> theirs = other.keys;
      long mineSize = size;
      long theirSize = other.size;
      long read = 0;
      // the lists share their tails: walk the longer down to the length of the shorter, then both
      // together until they reach the same cell
      while (mine != theirs) {
        if (read++ >= limit) {
          return Optional.empty();
        }
        if (mineSize >= theirSize) {
          if (mine.before == null) {
            return Optional.empty();
          }
          out.add(mine.key);
          mine = mine.before;
          mineSize--;
        }
        if (theirSize > mineSize) {
          if (theirs.before == null) {
            return Optional.empty();
          }
          out.add(theirs.key);
          theirs = theirs.before;
          theirSize--;
        }
      }
      return Optional.of(out);
    }
  }
}
