package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link LineFinder} numbers lines as {@link String#lines()} does, whatever the pieces the text is
 * written in, and passes the text through unchanged.
 */
class LineFinderTest {
  private static final List<String> PREFIXES =
      List.of("-- strata: guard", "-- strata: segment 2 of 3", "-- strata: segment 3 of 3", "x");

  @Test
  void theFirstLineStartingWithEachPrefix() throws IOException {
    String text = "\\set\n-- strata: guard\n\n-- strata: segment 2 of 3: x\n-- strata: guard\n"
        + "-- strata: segment 3 of 30\n-- strata: segment 3 of 3";
    assertEquals(Map.of("-- strata: guard", 2L, "-- strata: segment 2 of 3", 4L,
        "-- strata: segment 3 of 3", 6L), found(text, text.length()));
  }

  @Test
  void lineEndsAreThoseOfStringLines() throws IOException {
    Random random = new Random(5);
    List<String> pieces = List.of("\n", "\r", "\r\n", "\n\r", "-- strata: guard", "x", "",
        "-- strata: segment 3 of 3", "-- strata: segment 2 of 3; ", "y", " x");
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      String written = text.toString();
      assertEquals(expected(written), found(written, 1 + random.nextInt(5)), written);
    }
  }

  @Test
  void withoutPrefixesTheTextPassesThrough() throws IOException {
    StringWriter out = new StringWriter();
    try (LineFinder finder = new LineFinder(out, List.of())) {
      finder.write("a\r\nb");
      finder.write('c');
    }
    assertEquals("a\r\nbc", out.toString());
  }

  /** What the finder gives for {@code text} written in pieces of at most {@code piece} chars. */
  private static Map<String, Long> found(String text, int piece) throws IOException {
    StringWriter out = new StringWriter();
    LineFinder finder = new LineFinder(out, PREFIXES);
    try (finder) {
      for (int at = 0; at < text.length(); at += piece) {
        String part = text.substring(at, Math.min(text.length(), at + piece));
        if (part.length() == 1) {
          finder.write(part.charAt(0));
        } else if (at % 2 == 0) {
          finder.write(part);
        } else {
          finder.write(part.toCharArray());
        }
      }
    }
    assertEquals(text, out.toString());
    return finder.found();
  }

  /** The first line of {@link String#lines()} that starts with each prefix, 1-based. */
  private static Map<String, Long> expected(String text) {
    List<String> lines = text.lines().toList();
    Map<String, Long> expected = new TreeMap<>();
    for (String prefix : PREFIXES) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(prefix)) {
          expected.put(prefix, i + 1L);
          break;
        }
      }
    }
    return expected;
  }
}
