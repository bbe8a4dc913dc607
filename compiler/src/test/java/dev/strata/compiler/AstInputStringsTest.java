package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link AstInput.Strings}: decoded strings are right, and short ASCII ones shared. */
class AstInputStringsTest {
  private static String decode(String text, int pad) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[utf8.length + 2 * pad];
    System.arraycopy(utf8, 0, data, pad, utf8.length);
    return AstInput.Strings.of(data, pad, utf8.length);
  }

  @Test
  void theSameShortNameDecodesToOneString() {
    String first = decode("created_at", 0);
    assertEquals("created_at", first);
    assertSame(first, decode("created_at", 7), "read from another place of another array");
  }

  @Test
  void everyStringDecodesToItsText() {
    for (String text : new String[] {"", "a", "id", "ünïcode", "Ω", "x".repeat(48), "y".repeat(49),
        "a long name that is longer than the table keeps, so never shared"}) {
      assertEquals(text, decode(text, 3));
    }
    // two strings of one hash slot replace each other and both stay right
    for (int i = 0; i < 100_000; i++) {
      assertEquals("t" + i, decode("t" + i, i % 5));
    }
  }
}
