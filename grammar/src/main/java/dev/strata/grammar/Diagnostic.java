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
 * {@code E03xx} range and plan, {@code E04xx} dialect support. {@code notes} are extra lines, each
 * starting with its kind ({@code "help: ..."} or {@code "note: ..."}). A diagnostic without a
 * location (rare: a missing directory) prints {@code strata: error[CODE]: message}.
 */
public record Diagnostic(
    Severity severity, String code, String message, Optional<Location> location, List<String> notes) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (!code.matches("[EW]\\d{4}")) {
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
   * The diagnostic as printed: the head line, then (with a location) the source line and a caret
   * line, then one {@code "  = "} line per note; every line ends with {@code \n}.
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    String head = severity.label() + "[" + code + "]: " + message;
    if (location.isEmpty()) {
      out.append("strata: ").append(head).append('\n');
    } else {
      Location at = location.get();
      Span span = at.span();
      String text = at.source().line(span.line());
      String number = Integer.toString(span.line());
      String gutter = " ".repeat(number.length());
      int start = Math.min(span.column() - 1, text.length());
      int width = Math.max(1, Math.min(span.length(), text.length() - start));
      out.append(at.describe()).append(": ").append(head).append('\n');
      out.append("  ").append(number).append(" | ").append(text).append('\n');
      out.append("  ").append(gutter).append(" | ")
          .append(caretPadding(text, start)).append("^".repeat(width)).append('\n');
    }
    for (String note : notes) {
      out.append("  = ").append(note).append('\n');
    }
    return out.toString();
  }

  /** Spaces up to the caret, keeping tabs as tabs so the caret lines up under the source. */
  private static String caretPadding(String text, int upTo) {
    StringBuilder pad = new StringBuilder(upTo);
    for (int i = 0; i < upTo; i++) {
      pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.toString();
  }
}
