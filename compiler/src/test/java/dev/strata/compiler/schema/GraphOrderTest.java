package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GraphOrder}: the replay order and the parents of each position. */
class GraphOrderTest {
  @TempDir Path tmp;

  /** base <- a <- b, a <- c, (b, c) <- m: a branch point and a merge point. */
  private GraphOrder diamond() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("versions"));
    String[][] revisions = {{"a", "base"}, {"b", "a"}, {"c", "a"}, {"m", "b, c"}};
    for (String[] r : revisions) {
      Files.writeString(dir.resolve(r[0] + ".sql"), "-- revision: " + r[0] + "\n-- revises: "
          + r[1] + "\n\n-- +upgrade\nCREATE TABLE t_" + r[0] + " (id INT);\n");
    }
    return new GraphOrder(RevisionGraph.build(VersionsLoader.load(dir)));
  }

  @Test
  void aRevisionComesRightAfterExactlyItsParentsInAnyOrder() throws Exception {
    GraphOrder order = diamond();
    int a = order.position().get("a");
    int m = order.position().get("m");
    assertEquals(List.of("a", "b", "c", "m"),
        order.order().stream().map(r -> r.id()).toList());
    assertTrue(order.comesRightAfter(a, List.of()));
    assertTrue(order.comesRightAfter(m, List.of("b", "c")));
    assertTrue(order.comesRightAfter(m, List.of("c", "b")));
    assertTrue(order.comesRightAfter(m, List.of("c", "b", "c")));
    assertFalse(order.comesRightAfter(m, List.of("b")), "a subset of the parents");
    assertFalse(order.comesRightAfter(m, List.of("b", "c", "a")), "a superset");
    assertFalse(order.comesRightAfter(m, List.of("a")), "an ancestor, not a parent");
    assertFalse(order.comesRightAfter(a, List.of("b")), "the root after a revision");
    assertFalse(order.comesRightAfter(m, List.of("b", "zz")), "an id not in the graph");
  }
}
