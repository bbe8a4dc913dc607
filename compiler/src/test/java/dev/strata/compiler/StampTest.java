package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link Stamp#ops()}: the version-table changes of a stamp, as Alembic's offline stamp writes
 * them (an UPDATE for a row that moves, an INSERT for one that appears, a DELETE for one that
 * goes), and that replayed from the starting rows they give the target rows.
 */
class StampTest {

  @Test
  void fromBaseInsertsEachTargetRow() {
    assertEquals(List.of(new VersionTableOp.InsertHead("a"), new VersionTableOp.InsertHead("b")),
        new Stamp(List.of(), List.of("a", "b"), false).ops());
  }

  @Test
  void oneRowMovedIsOneUpdateAsAlembicWritesIt() {
    // alembic stamp 1111aaaa:2222bbbb --sql: UPDATE ... SET '2222bbbb' WHERE '1111aaaa'
    assertEquals(List.of(new VersionTableOp.UpdateHead("1111aaaa", "2222bbbb")),
        new Stamp(List.of("1111aaaa"), List.of("2222bbbb"), false).ops());
  }

  @Test
  void rowsThatStayAreLeftAloneAndTheRestPairedThenDeletedOrInserted() {
    assertEquals(List.of(new VersionTableOp.UpdateHead("b", "c"), new VersionTableOp.DeleteHead("d")),
        new Stamp(List.of("a", "b", "d"), List.of("a", "c"), false).ops());
    assertEquals(List.of(new VersionTableOp.UpdateHead("a", "b"), new VersionTableOp.InsertHead("c")),
        new Stamp(List.of("a"), List.of("b", "c"), false).ops());
    assertEquals(List.of(new VersionTableOp.DeleteHead("a")),
        new Stamp(List.of("a"), List.of(), false).ops());
    assertEquals(List.of(), new Stamp(List.of("a"), List.of("a"), false).ops());
  }

  @Test
  void purgeInsertsEveryTargetRow() {
    assertEquals(List.of(new VersionTableOp.InsertHead("x")),
        new Stamp(List.of(), List.of("x"), true).ops());
    assertEquals(List.of(), new Stamp(List.of(), List.of(), true).ops());
  }

  @Test
  void opsReplayFromTheStartingRowsToTheTarget() {
    List<List<String>> states = List.of(List.of(), List.of("a"), List.of("a", "b"),
        List.of("b", "c", "d"), List.of("e"));
    for (List<String> from : states) {
      for (List<String> to : states) {
        TreeSet<String> rows = new TreeSet<>(from);
        for (VersionTableOp op : new Stamp(from, to, false).ops()) {
          switch (op) {
            case VersionTableOp.InsertHead insert -> assertEquals(true, rows.add(insert.revision()));
            case VersionTableOp.UpdateHead update -> {
              assertEquals(true, rows.remove(update.from()));
              assertEquals(true, rows.add(update.to()));
            }
            case VersionTableOp.DeleteHead delete -> assertEquals(true, rows.remove(delete.revision()));
          }
        }
        assertEquals(to, List.copyOf(rows), from + " -> " + to);
      }
    }
  }

  @Test
  void badStatesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Stamp(List.of("b", "a"), List.of(), false));
    assertThrows(IllegalArgumentException.class, () -> new Stamp(List.of("a", "a"), List.of(), false));
    assertThrows(IllegalArgumentException.class, () -> new Stamp(List.of(), List.of(" "), false));
    assertThrows(IllegalArgumentException.class, () -> new Stamp(List.of("a"), List.of("b"), true));
  }
}
