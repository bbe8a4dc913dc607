package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Journal}: the keys changed between two maps of one lineage, and "not known" (never a
 * wrong answer) across a cut between segments.
 */
class JournalTest {
  private static Journal<String> journal(int keys) {
    Journal<String> journal = new Journal<>();
    for (int i = 0; i < keys; i++) {
      journal.add("k" + i);
    }
    return journal;
  }

  @Test
  void aCopyThatGoesOnGivesTheKeysSinceTheCopy() {
    Journal<String> ancestor = journal(10);
    Journal<String> descendant = new Journal<>();
    descendant.copyFrom(ancestor);
    descendant.add("a");
    descendant.add("b");
    descendant.add("a");
    assertEquals(Optional.of(Set.of("a", "b")), descendant.since(ancestor));
    assertEquals(Optional.of(Set.of()), ancestor.since(ancestor));
    assertEquals(Optional.empty(), ancestor.since(descendant), "the ancestor does not continue");
  }

  @Test
  void unrelatedJournalsAreNotKnownToContinueEachOther() {
    Journal<String> one = journal(3);
    Journal<String> other = journal(1);
    assertEquals(Optional.empty(), one.since(other));
  }

  @Test
  void twoBranchesDifferByWhatEachRecordedSinceTheyParted() {
    Journal<String> base = journal(100);
    Journal<String> left = new Journal<>();
    left.copyFrom(base);
    left.add("l1");
    left.add("l2");
    Journal<String> right = new Journal<>();
    right.copyFrom(base);
    right.add("r1");
    assertEquals(Optional.of(Set.of("l1", "l2", "r1")),
        left.mark().differing(right.mark(), 100));
    assertEquals(Optional.of(Set.of("l1", "l2", "r1")),
        right.mark().differing(left.mark(), 100));
    assertEquals(Optional.empty(), left.mark().differing(right.mark(), 1), "over the limit");
    // two journals that began empty share their start: every key of both
    Journal<String> other = new Journal<>();
    other.add("k0'");
    assertEquals(Optional.of(Set.of("k0", "k1", "k2", "k0'")),
        journal(3).mark().differing(other.mark(), 100));
  }

  @Test
  void theLatestKeysStayAnswerableAndOlderOnesAreNotKnown() {
    Journal<String> base = journal(10);
    Journal<String> descendant = new Journal<>();
    descendant.copyFrom(base);
    for (int i = 0; i < Journal.KEPT - 1; i++) {
      descendant.add("d" + (i % 100));
    }
    // KEPT - 1 keys since the base: kept, whatever the unlinking did meanwhile
    assertEquals(Optional.of(100), descendant.since(base).map(Set::size));
    // the branch a merge asks about, KEPT keys long, across the point where cells are unlinked
    Journal<String> branchPoint = journal(Journal.KEPT - 5);
    Journal<String> left = new Journal<>();
    left.copyFrom(branchPoint);
    Journal<String> right = new Journal<>();
    right.copyFrom(branchPoint);
    for (int i = 0; i < Journal.KEPT; i++) {
      left.add("l");
      right.add("r");
    }
    assertEquals(Optional.of(Set.of("l")), left.since(branchPoint));
    assertEquals(Optional.of(Set.of("l", "r")),
        left.mark().differing(right.mark(), Long.MAX_VALUE));
    // more than twice KEPT keys back: unlinked, so not known (never a wrong answer)
    Journal<String> far = new Journal<>();
    far.copyFrom(base);
    for (int i = 0; i < 2 * Journal.KEPT + 1; i++) {
      far.add("f");
    }
    assertEquals(Optional.empty(), far.since(base));
    assertEquals(Optional.empty(), far.mark().differing(base.mark(), Long.MAX_VALUE));
    assertEquals(Optional.empty(), base.mark().differing(far.mark(), Long.MAX_VALUE));
    // the same question from the copy that did not go on is still answerable from its side
    Journal<String> near = new Journal<>();
    near.copyFrom(base);
    near.add("n");
    assertEquals(Optional.of(Set.of("n")), near.since(base));
  }

  @Test
  void aLongHistoryKeepsItsLatestKeys() {
    Journal<String> long1 = journal(3 * Journal.KEPT + 5);
    Journal<String> copy = new Journal<>();
    copy.copyFrom(long1);
    copy.add("last");
    assertEquals(Optional.of(Set.of("last")), copy.since(long1));
    assertTrue(journal(3 * Journal.KEPT).since(journal(5)).isEmpty());
  }
}
