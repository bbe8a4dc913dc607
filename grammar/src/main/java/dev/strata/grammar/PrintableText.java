package dev.strata.grammar;

/**
 * Control characters in names and paths, which strata prints in its scripts' comments ({@code --
 * strata: rebuild of table t}, the notes of {@code strata schema}): a line break there ends the
 * comment and runs the rest as SQL. A control character is U+0000-U+001F but the tab,
 * U+007F-U+009F, and the line separators U+2028 and U+2029; a tab is harmless in a comment.
 */
public final class PrintableText {
  private PrintableText() {}

  /** The index of the first control character in {@code text}, or -1. */
  public static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (control(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code text} with each control character written {@code \\uXXXX}, for a message. */
  public static String escaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (control(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * How a message names the control character {@code c}: {@code a line break} (a line feed, or a
   * carriage return in a revision's text, which reads it as one), {@code a carriage return} (in a
   * path), {@code the control character U+0007}.
   */
  public static String name(char c) {
    return switch (c) {
      case '\n' -> "a line break";
      case '\r' -> "a carriage return";
      default -> String.format("the control character U+%04X", (int) c);
    };
  }

  private static boolean control(char c) {
    return c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
  }
}
