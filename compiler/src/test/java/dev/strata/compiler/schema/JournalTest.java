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
    assertEquals(Optional.of(Set.of("k0", "k1", "k2", "k0'")),
        journal(3).mark().differing(single("k0'").mark(), 100));
  }

  private static Journal<String> single(String key) {
    Journal<String> journal = new Journal<>();
    journal.add(key);
    return journal;
  }

  @Test
  void aSegmentsCutIsNotKnownAcrossButTheLatestSegmentIs() {
    Journal<String> before = journal(Journal.SEGMENT - 2);
    Journal<String> after = new Journal<>();
    after.copyFrom(before);
    after.add("x");
    after.add("y"); // fills the segment
    after.add("z"); // starts the next one
    assertEquals(Optional.empty(), after.since(before));
    assertEquals(Optional.empty(), after.mark().differing(before.mark(), Long.MAX_VALUE));
    assertEquals(Optional.empty(), before.mark().differing(after.mark(), Long.MAX_VALUE));

    Journal<String> within = new Journal<>();
    within.copyFrom(after);
    within.add("w");
    assertEquals(Optional.of(Set.of("w")), within.since(after));
    assertEquals(Optional.of(Set.of("w")), within.mark().differing(after.mark(), 10));
    Journal<String> sibling = new Journal<>();
    sibling.copyFrom(after);
    sibling.add("v");
    assertEquals(Optional.of(Set.of("w", "v")), within.mark().differing(sibling.mark(), 10));
  }

  @Test
  void aLongHistoryIsCutIntoSegments() {
    Journal<String> long1 = journal(3 * Journal.SEGMENT + 5);
    Journal<String> copy = new Journal<>();
    copy.copyFrom(long1);
    copy.add("last");
    assertEquals(Optional.of(Set.of("last")), copy.since(long1));
    assertTrue(journal(3 * Journal.SEGMENT).since(journal(5)).isEmpty());
  }
}
