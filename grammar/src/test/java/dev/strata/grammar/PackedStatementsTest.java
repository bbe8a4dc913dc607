package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.PackedStatements;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link PackedStatements} reads like the list it was packed from, decodes once while its
 * statements are held, and is never modified. The codec itself (bytes written and read back for
 * every revision file of the repository) is tested in the compiler's {@code ParseCacheTest}.
 */
class PackedStatementsTest {
  private static Statement raw(int line, String sql) {
    return new Statement(
        new Operation.RawSql("postgresql", sql), false, new Span(line, 1, sql.length()), sql);
  }

  private static final List<Statement> STATEMENTS =
      List.of(raw(1, "SELECT 1"), raw(2, "SELECT 2"), raw(3, "SELECT 3"));

  /** Packs {@link #STATEMENTS}, counting the decodes; the bytes stand for them. */
  private static PackedStatements packed(AtomicInteger decodes) {
    return PackedStatements.of(new byte[] {3}, 3, bytes -> {
      decodes.incrementAndGet();
      return List.copyOf(new ArrayList<>(STATEMENTS)); // equal, never the same objects
    });
  }

  @Test
  void readsAsTheListItWasPackedFrom() {
    PackedStatements packed = packed(new AtomicInteger());
    assertEquals(STATEMENTS, packed);
    assertEquals(packed, STATEMENTS);
    assertEquals(STATEMENTS.hashCode(), packed.hashCode());
    assertEquals(STATEMENTS.toString(), packed.toString());
    assertEquals(STATEMENTS.get(1), packed.get(1));
    assertEquals(STATEMENTS.subList(1, 3), packed.subList(1, 3));
    assertEquals(STATEMENTS, packed.stream().toList());
    assertEquals(1, packed.indexOf(STATEMENTS.get(1)));
    assertTrue(packed.contains(STATEMENTS.get(2)));
    assertThrows(IndexOutOfBoundsException.class, () -> packed.get(3));
    assertThrows(IndexOutOfBoundsException.class, () -> packed.get(-1));
  }

  @Test
  void sizeAndEmptinessNeedNoDecoding() {
    AtomicInteger decodes = new AtomicInteger();
    PackedStatements packed = packed(decodes);
    assertEquals(3, packed.size());
    assertTrue(!packed.isEmpty());
    Section section = new Section(Direction.UPGRADE, packed, new Span(1, 1, 1));
    assertSame(packed, section.statements(), "a section keeps the packed list, uncopied");
    assertEquals(0, decodes.get());
  }

  @Test
  void decodesOnceWhileTheStatementsAreHeld() {
    AtomicInteger decodes = new AtomicInteger();
    PackedStatements packed = packed(decodes);
    List<Statement> held = packed.decoded();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < packed.size(); i++) {
        assertSame(held.get(i), packed.get(i));
      }
      for (Statement statement : packed) {
        assertTrue(held.contains(statement));
      }
    }
    assertEquals(1, decodes.get());
  }

  @Test
  void concurrentReadersSeeEqualStatements() {
    PackedStatements packed = packed(new AtomicInteger());
    List<List<Statement>> read = IntStream.range(0, 64).parallel()
        .mapToObj(i -> List.copyOf(packed)).toList();
    read.forEach(list -> assertEquals(STATEMENTS, list));
  }

  @Test
  void isNeverModified() {
    PackedStatements packed = packed(new AtomicInteger());
    assertThrows(UnsupportedOperationException.class, () -> packed.add(STATEMENTS.get(0)));
    assertThrows(UnsupportedOperationException.class, () -> packed.set(0, STATEMENTS.get(0)));
    assertThrows(UnsupportedOperationException.class, () -> packed.remove(0));
    assertThrows(UnsupportedOperationException.class, () -> packed.removeIf(s -> true));
    assertThrows(UnsupportedOperationException.class, () -> packed.replaceAll(s -> s));
    assertThrows(UnsupportedOperationException.class, packed::clear);
    assertThrows(UnsupportedOperationException.class, () -> packed.iterator().remove());
    assertEquals(STATEMENTS, packed);
  }

  @Test
  void anUnpackerThatDisagreesWithTheSizeIsAnError() {
    PackedStatements packed = PackedStatements.of(new byte[0], 2, bytes -> STATEMENTS);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> packed.get(0));
    assertEquals("decoded 3 statements, expected 2", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PackedStatements.of(new byte[0], -1, bytes -> List.of()));
  }

  @Test
  void theEncodingIsReadOnly() {
    PackedStatements packed = PackedStatements.of(new byte[] {7, 8}, 0, bytes -> List.of());
    assertTrue(packed.encoded().isReadOnly());
    assertEquals(2, packed.encoded().remaining());
    assertEquals(7, packed.encoded().get(0));
  }
}
