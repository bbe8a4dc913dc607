package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merge base of {@link RecursiveMerge}: the merge-base walk against the definition (every
 * parent's closure intersected, less the ancestors of what is left), on graphs named after their
 * shape and on random ones. Revisions are numbered in graph order, each after its parents.
 */
class RecursiveMergeTest {
  /** {@code before} of a graph given as each revision's parents, in graph order. */
  private static List<List<Integer>> graph(int[]... parents) {
    List<List<Integer>> before = new ArrayList<>();
    for (int[] p : parents) {
      before.add(java.util.Arrays.stream(p).boxed().toList());
    }
    return before;
  }

  private static BitSet bits(int... ks) {
    BitSet out = new BitSet();
    for (int k : ks) {
      out.set(k);
    }
    return out;
  }

  private static BitSet walk(List<List<Integer>> before, Integer... parents) {
    return RecursiveMerge.latestCommonAncestors(before, List.of(parents));
  }

  @Test
  void diamondMergesAtItsBranchPoint() {
    // 0 -> 1 -> {2, 3}; the merge base of 2 and 3 is 1
    List<List<Integer>> before = graph(new int[] {}, new int[] {0}, new int[] {1}, new int[] {1});
    assertEquals(bits(1), walk(before, 2, 3));
  }

  @Test
  void crissCrossHasTwoLatestCommonAncestors() {
    // 0 -> {1, 2}; 3 and 4 each merge 1 and 2; the latest common ancestors of 3 and 4: 1 and 2
    List<List<Integer>> before = graph(new int[] {}, new int[] {0}, new int[] {0},
        new int[] {1, 2}, new int[] {1, 2});
    assertEquals(bits(1, 2), walk(before, 3, 4));
  }

  @Test
  void twoBasesHaveNoCommonAncestor() {
    List<List<Integer>> before = graph(new int[] {}, new int[] {}, new int[] {0}, new int[] {1});
    assertEquals(bits(), walk(before, 2, 3));
  }

  @Test
  void aParentThatIsTheOthersAncestorIsTheBase() {
    List<List<Integer>> before = graph(new int[] {}, new int[] {0}, new int[] {1});
    assertEquals(bits(1), walk(before, 2, 1));
  }

  @Test
  void threeParentsMergeAtTheirSharedAncestor() {
    // 0 -> 1 -> {2, 3}; 0 -> 4; the merge base of 2, 3 and 4 is 0
    List<List<Integer>> before = graph(new int[] {}, new int[] {0}, new int[] {1}, new int[] {1},
        new int[] {0});
    assertEquals(bits(1), walk(before, 2, 3));
    assertEquals(bits(0), walk(before, 2, 3, 4));
  }

  @Test
  void moreParentsThanTheWalkHasBitsForTakeTheClosure() {
    // 0 -> 1 -> {2 .. 71}: 70 parents, whose merge base is 1
    List<List<Integer>> before = graph(new int[] {}, new int[] {0});
    List<Integer> parents = new ArrayList<>();
    for (int k = 2; k < 72; k++) {
      before.add(List.of(1));
      parents.add(k);
    }
    assertEquals(bits(1), RecursiveMerge.latestCommonAncestors(before, parents));
  }

  /**
   * Random graphs (branch points, merges of 2 to 4 parents, several bases, some revisions far
   * below their children) and random sets of 2 to 7 parents: the walk gives what the definition
   * gives.
   */
  @Test
  void theWalkFindsWhatTheDefinitionFinds() {
    int cases = 0;
    for (long seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      int n = 2 + random.nextInt(60);
      List<List<Integer>> before = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        List<Integer> parents = new ArrayList<>();
        if (k > 0 && random.nextInt(12) != 0) { // else a base
          int count = random.nextInt(5) == 0 ? 2 + random.nextInt(3) : 1;
          for (int i = 0; i < count; i++) {
            int p = random.nextInt(4) == 0 ? random.nextInt(k)
                : Math.max(0, k - 1 - random.nextInt(Math.min(k, 4)));
            if (!parents.contains(p)) {
              parents.add(p);
            }
          }
        }
        before.add(List.copyOf(parents));
      }
      for (int round = 0; round < 10; round++) {
        int count = Math.min(n, 2 + random.nextInt(6));
        List<Integer> parents = new ArrayList<>();
        while (parents.size() < count) {
          int p = random.nextInt(n);
          if (!parents.contains(p)) {
            parents.add(p);
          }
        }
        assertEquals(RecursiveMerge.latestByClosure(before, parents),
            RecursiveMerge.latestCommonAncestors(before, parents),
            "seed " + seed + " round " + round + ": parents " + parents + " of " + before);
        cases++;
      }
    }
    assertEquals(3000, cases);
  }

  @Test
  void closureIsTheTargetsAndTheirAncestors() {
    List<List<Integer>> before = graph(new int[] {}, new int[] {0}, new int[] {}, new int[] {1, 2},
        new int[] {2});
    assertEquals(bits(0, 1, 2, 3), RecursiveMerge.closure(before, bits(3)));
    assertEquals(bits(2, 4), RecursiveMerge.closure(before, bits(4)));
    assertEquals(bits(), RecursiveMerge.closure(before, bits()));
  }
}
