package dev.strata.grammar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in the input, printed in the rustc / google-java-format shape:
 *
 * <pre>
 * versions/0003_add_email.sql:4:13: error[E0203]: unknown parent revision '0002_create_paymens'
 *   4 | -- revises: 0002_create_paymens
 *     |             ^^^^^^^^^^^^^^^^^^^
 *   = help: did you mean '0002_create_payments' (versions/0002_create_payments.sql:1:1)?
 * </pre>
 *
 * <p>{@code code} is stable and grouped by stage: {@code E01xx} parse, {@code E02xx} graph,
 * {@code E03xx} range and plan, {@code E04xx} dialect support; a lint
 * finding's code is its rule's kebab-case id ({@code warning[create-index-not-concurrently]}). {@code notes} are extra lines, each
 * starting with its kind ({@code "help: ..."} or {@code "note: ..."}). A diagnostic without a
 * location (rare: a missing directory) prints {@code strata: error[CODE]: message}.
 */
public record Diagnostic(
    Severity severity, String code, String message, Optional<Location> location, List<String> notes) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (!code.matches("[EW]\\d{4}|[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("bad diagnostic code: " + code);
    }
    Objects.requireNonNull(location, "location");
    notes = List.copyOf(notes);
  }

  /** An error at {@code span} of {@code source}, with optional notes. */
  public static Diagnostic error(
      String code, String message, SourceFile source, Span span, String... notes) {
    return new Diagnostic(
        Severity.ERROR, code, message, Optional.of(new Location(source, span)), List.of(notes));
  }

  /** An error that belongs to no file position. */
  public static Diagnostic error(String code, String message, String... notes) {
    return new Diagnostic(Severity.ERROR, code, message, Optional.empty(), List.of(notes));
  }

  /**
   * The diagnostic as printed: the head line, then (with a location) the source line (around the
   * span when it is longer than 200 chars) and a caret line, then one {@code "  = "} line per note; every line ends with {@code \n}.
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    String head = severity.label() + "[" + code + "]: " + message;
    if (location.isEmpty()) {
      out.append("strata: ").append(head).append('\n');
    } else {
      Location at = location.get();
      Span span = at.span();
      String number = Integer.toString(span.line());
      String gutter = " ".repeat(number.length());
      Excerpt shown = Excerpt.of(at.source().line(span.line()), span);
      out.append(at.describe()).append(": ").append(head).append('\n');
      out.append("  ").append(number).append(" | ").append(shown.text()).append('\n');
      out.append("  ").append(gutter).append(" | ")
          .append(caretPadding(shown.text(), shown.start()))
          .append("^".repeat(Math.max(1, columns(shown.text(), shown.start(),
              shown.start() + shown.width()))))
          .append('\n');
    }
    for (String note : notes) {
      out.append("  = ").append(note).append('\n');
    }
    return out.toString();
  }

  /**
   * The part of a source line that is printed, with the caret's start and width in it. A line of
   * at most {@link #MAX_LINE} chars is printed whole; a longer one (a generated or damaged file)
   * is cut to a window around the span, {@code ...} marking each cut.
   */
  private record Excerpt(String text, int start, int width) {
    static final int MAX_LINE = 200;
    static final int CONTEXT = 60;
    static final int MAX_WIDTH = 80;

    static Excerpt of(String line, Span span) {
      int start = Math.min(span.column() - 1, line.length());
      int width = Math.max(1, Math.min(span.length(), line.length() - start));
      if (line.length() <= MAX_LINE) {
        return new Excerpt(line, start, width);
      }
      width = Math.min(width, MAX_WIDTH);
      int from = boundary(line, Math.max(0, start - CONTEXT));
      int to = boundary(line, Math.min(line.length(), start + width + CONTEXT));
      String before = from > 0 ? "..." : "";
      String after = to < line.length() ? "..." : "";
      return new Excerpt(before + line.substring(from, to) + after,
          before.length() + start - from, width);
    }

    /** {@code index}, moved back one when it would split a surrogate pair. */
    private static int boundary(String line, int index) {
      return index > 0 && index < line.length() && Character.isLowSurrogate(line.charAt(index))
          ? index - 1 : index;
    }
  }

  /**
   * Blanks up to the caret, as wide on a terminal as {@code text}'s first {@code upTo} chars: tabs
   * kept as tabs, a wide character (CJK, most emoji) as two spaces, a combining mark as none, so
   * that the caret lines up under the source.
   */
  private static String caretPadding(String text, int upTo) {
    StringBuilder pad = new StringBuilder(upTo);
    for (int i = 0; i < upTo; ) {
      int c = text.codePointAt(i);
      if (c == '\t') {
        pad.append('\t');
      } else {
        pad.append(" ".repeat(width(c)));
      }
      i += Character.charCount(c);
    }
    return pad.toString();
  }

  /** How many terminal columns {@code text}'s chars {@code from} to {@code to} take. */
  private static int columns(String text, int from, int to) {
    int columns = 0;
    for (int i = from; i < Math.min(to, text.length()); ) {
      int c = text.codePointAt(i);
      columns += c == '\t' ? 1 : width(c);
      i += Character.charCount(c);
    }
    return columns;
  }

  /**
   * The columns a code point takes on a terminal, as POSIX {@code wcwidth} answers in a UTF-8
   * locale (Markus Kuhn's ranges of East Asian Wide and Fullwidth characters, Unicode's
   * emoji blocks): 0 for a combining mark or a zero-width format character, 2 for a wide one, 1
   * otherwise.
   */
  static int width(int c) {
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT && c != 0x00AD) {
      return 0;
    }
    boolean wide = c >= 0x1100 && (c <= 0x115F || c == 0x2329 || c == 0x232A
        || c >= 0x2E80 && c <= 0xA4CF && c != 0x303F
        || c >= 0xAC00 && c <= 0xD7A3
        || c >= 0xF900 && c <= 0xFAFF
        || c >= 0xFE10 && c <= 0xFE19
        || c >= 0xFE30 && c <= 0xFE6F
        || c >= 0xFF00 && c <= 0xFF60
        || c >= 0xFFE0 && c <= 0xFFE6
        || c >= 0x1F300 && c <= 0x1F64F
        || c >= 0x1F900 && c <= 0x1F9FF
        || c >= 0x20000 && c <= 0x2FFFD
        || c >= 0x30000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
  }
}
