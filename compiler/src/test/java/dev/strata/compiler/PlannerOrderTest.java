package dev.strata.compiler;

import static dev.strata.compiler.Plans.downgrade;
import static dev.strata.compiler.Plans.ops;
import static dev.strata.compiler.Plans.order;
import static dev.strata.compiler.Plans.upgrade;
import static dev.strata.compiler.Rev.graph;
import static dev.strata.compiler.Rev.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step order and version-table ops on small graphs named after their shape. */
class PlannerOrderTest {

  @Test
  void linear() throws Exception {
    RevisionGraph g =
        graph(rev("0001_a"), rev("0002_b").revises("0001_a"), rev("0003_c").revises("0002_b"));
    Plan up = upgrade(g, "head");
    assertEquals(List.of("0001_a", "0002_b", "0003_c"), order(up));
    assertEquals(
        List.of("INSERT 0001_a", "UPDATE 0001_a -> 0002_b", "UPDATE 0002_b -> 0003_c"), ops(up));
    assertEquals(List.of(), up.fromHeads());
    assertEquals(List.of("0003_c"), up.toHeads());
    assertTrue(up.startsFromBase());

    Plan down = downgrade(g, "head:base");
    assertEquals(List.of("0003_c", "0002_b", "0001_a"), order(down));
    assertEquals(
        List.of("UPDATE 0003_c -> 0002_b", "UPDATE 0002_b -> 0001_a", "DELETE 0001_a"), ops(down));
    assertEquals(List.of(), down.toHeads());

    Plan middle = upgrade(g, "0001_a:0002_b");
    assertEquals(List.of("0002_b"), order(middle));
    assertEquals(List.of("0001_a"), middle.fromHeads());
    assertEquals(List.of("0002_b"), middle.toHeads());
  }

  @Test
  void stepsCarryBannerRevisionsAndBodies() throws Exception {
    RevisionGraph g = diamond();
    Step merge = upgrade(g, "head").steps().get(3);
    assertEquals("4444dddd", merge.id());
    assertEquals(List.of("2222bbbb", "3333cccc"), merge.fromRevisions());
    assertEquals(List.of("4444dddd"), merge.toRevisions());
    assertEquals(Direction.UPGRADE, merge.body().direction());
    assertEquals("revision 4444dddd", merge.message());

    Step unmerge = downgrade(g, "4444dddd:base").steps().get(0);
    assertEquals(List.of("4444dddd"), unmerge.fromRevisions());
    assertEquals(List.of("2222bbbb", "3333cccc"), unmerge.toRevisions());
    assertEquals(Direction.DOWNGRADE, unmerge.body().direction());
  }

  /** 1111 -> {2222, 3333} -> 4444: Alembic transcripts A.1 and A.2. */
  static RevisionGraph diamond() throws Exception {
    return graph(
        rev("1111aaaa"),
        rev("2222bbbb").revises("1111aaaa"),
        rev("3333cccc").revises("1111aaaa").branch("cart"),
        rev("4444dddd").revises("2222bbbb", "3333cccc"));
  }

  @Test
  void diamondUpgrade() throws Exception {
    Plan up = upgrade(diamond(), "head");
    assertEquals(List.of("1111aaaa", "3333cccc", "2222bbbb", "4444dddd"), order(up));
    assertEquals(
        List.of(
            "INSERT 1111aaaa", // create branch (a base)
            "UPDATE 1111aaaa -> 3333cccc", // plain
            "INSERT 2222bbbb", // create branch (its parent is no longer a row)
            "DELETE 2222bbbb", // merge
            "UPDATE 3333cccc -> 4444dddd"),
        ops(up));
  }

  @Test
  void diamondDowngrade() throws Exception {
    Plan down = downgrade(diamond(), "4444dddd:base");
    assertEquals(List.of("4444dddd", "2222bbbb", "3333cccc", "1111aaaa"), order(down));
    assertEquals(
        List.of(
            "INSERT 3333cccc", // unmerge
            "UPDATE 4444dddd -> 2222bbbb",
            "DELETE 2222bbbb", // delete branch (1111 stays below 3333)
            "UPDATE 3333cccc -> 1111aaaa", // plain
            "DELETE 1111aaaa"), // delete branch (a base)
        ops(down));
  }

  @Test
  void diamondFromOneBranch() throws Exception {
    Plan up = upgrade(diamond(), "1111aaaa:4444dddd");
    assertEquals(List.of("3333cccc", "2222bbbb", "4444dddd"), order(up));
    assertEquals(
        List.of(
            "UPDATE 1111aaaa -> 3333cccc",
            "INSERT 2222bbbb",
            "DELETE 2222bbbb",
            "UPDATE 3333cccc -> 4444dddd"),
        ops(up));
  }

  @Test
  void multiHeadFromMerges() throws Exception {
    Plan up = upgrade(diamond(), "2222bbbb,3333cccc:4444dddd");
    assertEquals(List.of("4444dddd"), order(up));
    assertEquals(List.of("DELETE 2222bbbb", "UPDATE 3333cccc -> 4444dddd"), ops(up));
    assertEquals(List.of("2222bbbb", "3333cccc"), up.fromHeads());
    assertEquals(List.of("4444dddd"), up.toHeads());
    assertTrue(!up.startsFromBase());
  }

  @Test
  void multiHeadFromDowngradesOneBranch() throws Exception {
    Plan down = downgrade(diamond(), "3333cccc,2222bbbb:1111aaaa");
    assertEquals(List.of("2222bbbb", "3333cccc"), order(down));
    assertEquals(List.of("DELETE 2222bbbb", "UPDATE 3333cccc -> 1111aaaa"), ops(down));
    assertEquals(List.of("2222bbbb", "3333cccc"), down.fromHeads());
    assertEquals(List.of("1111aaaa"), down.toHeads());
  }

  @Test
  void unmergeToOneParent() throws Exception {
    Plan down = downgrade(diamond(), "4444dddd:2222bbbb");
    assertEquals(List.of("4444dddd"), order(down));
    assertEquals(List.of("INSERT 3333cccc", "UPDATE 4444dddd -> 2222bbbb"), ops(down));
    assertEquals(List.of("2222bbbb", "3333cccc"), down.toHeads());
  }

  /** 01 -> 02 -> {03a, 03b}; 04 merges them; 05 follows. */
  @Test
  void branchThenMerge() throws Exception {
    RevisionGraph g =
        graph(
            rev("01"),
            rev("02").revises("01"),
            rev("03a").revises("02"),
            rev("03b").revises("02"),
            rev("04").revises("03a", "03b"),
            rev("05").revises("04"));
    Plan up = upgrade(g, "heads");
    assertEquals(List.of("01", "02", "03b", "03a", "04", "05"), order(up));
    assertEquals(
        List.of(
            "INSERT 01",
            "UPDATE 01 -> 02",
            "UPDATE 02 -> 03b",
            "INSERT 03a",
            "DELETE 03a",
            "UPDATE 03b -> 04",
            "UPDATE 04 -> 05"),
        ops(up));
    Plan down = downgrade(g, "05:01");
    assertEquals(List.of("05", "04", "03a", "03b", "02"), order(down));
    assertEquals(
        List.of(
            "UPDATE 05 -> 04",
            "INSERT 03b",
            "UPDATE 04 -> 03a",
            "DELETE 03a",
            "UPDATE 03b -> 02",
            "UPDATE 02 -> 01"),
        ops(down));
  }

  /** Two independent roots: a1 -> a2 and b1 -> b2, each base inserting its own row. */
  @Test
  void twoBases() throws Exception {
    RevisionGraph g = graph(rev("a1"), rev("a2").revises("a1"), rev("b1"), rev("b2").revises("b1"));
    Plan up = upgrade(g, "heads");
    // the walk starts at the first head in file order, and upgrades run it backwards
    assertEquals(List.of("b1", "b2", "a1", "a2"), order(up));
    assertEquals(List.of("INSERT b1", "UPDATE b1 -> b2", "INSERT a1", "UPDATE a1 -> a2"), ops(up));
    assertEquals(List.of("a2", "b2"), up.toHeads());

    Plan down = downgrade(g, "a2,b2:base");
    assertEquals(List.of("a2", "a1", "b2", "b1"), order(down));
    assertEquals(
        List.of("UPDATE a2 -> a1", "DELETE a1", "UPDATE b2 -> b1", "DELETE b1"), ops(down));

    Plan oneBranch = upgrade(g, "a2:a2,b2");
    assertEquals(List.of("b1", "b2"), order(oneBranch));
    assertEquals(List.of("INSERT b1", "UPDATE b1 -> b2"), ops(oneBranch));
  }

  /** 1 -> {2, 3, 4}: three heads, upgraded together; Alembic interleaves from the last file. */
  @Test
  void multipleHeads() throws Exception {
    RevisionGraph g =
        graph(
            rev("1000"),
            rev("2000").revises("1000"),
            rev("3000").revises("1000"),
            rev("4000").revises("1000"));
    Plan up = upgrade(g, "heads");
    assertEquals(List.of("1000", "4000", "3000", "2000"), order(up));
    assertEquals(
        List.of("INSERT 1000", "UPDATE 1000 -> 4000", "INSERT 3000", "INSERT 2000"), ops(up));
    Plan down = downgrade(g, "heads:base");
    assertEquals(List.of("2000", "3000", "4000", "1000"), order(down));
    assertEquals(
        List.of("DELETE 2000", "DELETE 3000", "UPDATE 4000 -> 1000", "DELETE 1000"), ops(down));
  }

  /** Alembic transcript §1.12 E: a forest where eeee5555 depends on bbbb2222. */
  static RevisionGraph dependsOnForest() throws Exception {
    return graph(
        rev("aaaa1111"),
        rev("bbbb2222").revises("aaaa1111"),
        rev("cccc3333").revises("aaaa1111").branch("cart"),
        rev("dddd4444").branch("net"),
        rev("eeee5555").revises("dddd4444").dependsOn("bbbb2222"));
  }

  @Test
  void dependsOnForestUpgrade() throws Exception {
    Plan up = upgrade(dependsOnForest(), "heads");
    assertEquals(List.of("aaaa1111", "bbbb2222", "dddd4444", "eeee5555", "cccc3333"), order(up));
    assertEquals(
        List.of(
            "INSERT aaaa1111",
            "UPDATE aaaa1111 -> bbbb2222",
            "INSERT dddd4444",
            "DELETE dddd4444",
            "UPDATE bbbb2222 -> eeee5555",
            "INSERT cccc3333"),
        ops(up));
    assertEquals(List.of("cccc3333", "eeee5555"), up.toHeads());
  }

  @Test
  void dependsOnForestUpgradeOfTheDependentPullsItsDependency() throws Exception {
    Plan up = upgrade(dependsOnForest(), "eeee5555");
    assertEquals(List.of("aaaa1111", "bbbb2222", "dddd4444", "eeee5555"), order(up));
    assertEquals(List.of("eeee5555"), up.toHeads());
  }

  @Test
  void dependsOnForestDowngrade() throws Exception {
    Plan down = downgrade(dependsOnForest(), "cccc3333,eeee5555:aaaa1111");
    assertEquals(List.of("cccc3333", "eeee5555", "bbbb2222"), order(down));
    assertEquals(
        List.of(
            "DELETE cccc3333",
            "INSERT bbbb2222",
            "UPDATE eeee5555 -> dddd4444",
            "UPDATE bbbb2222 -> aaaa1111"),
        ops(down));
    assertEquals(List.of("aaaa1111", "dddd4444"), down.toHeads());

    Plan all = downgrade(dependsOnForest(), "cccc3333,eeee5555:base");
    assertEquals(List.of("cccc3333", "eeee5555", "dddd4444", "bbbb2222", "aaaa1111"), order(all));
    assertEquals(List.of(), all.toHeads());
  }

  /** m revises x, y and z: one merge step deletes two rows and updates the last. */
  @Test
  void mergeOfThree() throws Exception {
    RevisionGraph g =
        graph(
            rev("0001"),
            rev("000x").revises("0001"),
            rev("000y").revises("0001"),
            rev("000z").revises("0001"),
            rev("0009").revises("000x", "000y", "000z"));
    Plan up = upgrade(g, "000x,000y,000z:0009");
    assertEquals(List.of("DELETE 000x", "DELETE 000y", "UPDATE 000z -> 0009"), ops(up));
    Plan down = downgrade(g, "0009:000x,000y,000z");
    assertEquals(List.of("INSERT 000y", "INSERT 000z", "UPDATE 0009 -> 000x"), ops(down));
    assertEquals(List.of("000x", "000y", "000z"), down.toHeads());

    Plan full = upgrade(g, "head");
    assertEquals(List.of("0001", "000z", "000y", "000x", "0009"), order(full));
    assertEquals(
        List.of(
            "INSERT 0001",
            "UPDATE 0001 -> 000z",
            "INSERT 000y",
            "INSERT 000x",
            "DELETE 000x",
            "DELETE 000y",
            "UPDATE 000z -> 0009"),
        ops(full));
  }

  @Test
  void prefixesResolve() throws Exception {
    Plan up = upgrade(diamond(), "1111:4444");
    assertEquals(List.of("1111aaaa"), up.fromHeads());
    assertEquals(List.of("4444dddd"), up.toHeads());
  }

  @Test
  void emptyRangesPlanNothing() throws Exception {
    assertEquals(List.of(), order(upgrade(diamond(), "4444dddd:4444dddd")));
    assertEquals(List.of(), order(upgrade(diamond(), "base")));
    assertEquals(List.of(), order(downgrade(diamond(), "base:base")));
    assertEquals(List.of(), order(downgrade(diamond(), "2222bbbb:2222bbbb")));
  }

  /** 10,000 revisions in a line: the graph and both plans must not take quadratic time or stack. */
  @Test
  void longChain() throws Exception {
    int n = 10_000;
    Rev[] chain = new Rev[n];
    for (int i = 0; i < n; i++) {
      chain[i] = rev(String.format("r%05d", i));
      if (i > 0) {
        chain[i].revises(String.format("r%05d", i - 1));
      }
    }
    RevisionGraph g = graph(chain);
    Plan up = upgrade(g, "base:head");
    assertEquals(n, up.steps().size());
    assertEquals("r00000", up.steps().get(0).id());
    assertEquals("r09999", up.steps().get(n - 1).id());
    assertEquals(List.of("r09999"), up.toHeads());
    Plan down = downgrade(g, "head:base");
    assertEquals("r09999", down.steps().get(0).id());
    assertEquals(List.of(), down.toHeads());
    assertEquals(n - 1, g.ancestors("r09999").size());
  }

  /** 2,000 heads off one base: upgraded last file first, as in {@link #multipleHeads}. */
  @Test
  void manyHeads() throws Exception {
    int n = 2_000;
    Rev[] star = new Rev[n + 1];
    star[0] = rev("base0");
    for (int i = 1; i <= n; i++) {
      star[i] = rev(String.format("c%05d", i)).revises("base0");
    }
    RevisionGraph g = graph(star);
    Plan up = upgrade(g, "heads");
    assertEquals(n + 1, up.steps().size());
    assertEquals(List.of("base0", "c02000", "c01999"), order(up).subList(0, 3));
    assertEquals("c00001", order(up).get(n));
    assertEquals(n, up.toHeads().size());
    Plan down = downgrade(g, "heads:base");
    assertEquals(List.of("c00001", "c00002"), order(down).subList(0, 2));
    assertEquals("base0", order(down).get(n));
  }
}
