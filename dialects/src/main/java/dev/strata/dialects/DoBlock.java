package dev.strata.dialects;

import java.util.List;

/**
 * A PostgreSQL anonymous code block ({@code DO $strata$ ... $strata$}, PL/pgSQL), as the guards and
 * the segment bookkeeping write it. The dollar-quote tag is {@code $strata$}, or {@code
 * $strata_N$} with the smallest {@code N} that does not occur in the body, so that no text inside
 * (a quoted table name, a revision id) can end the block early.
 */
final class DoBlock {
  private static final String INDENT = "    ";

  private DoBlock() {}

  /**
   * The block, without its terminating {@code ;}.
   *
   * @param declarations PL/pgSQL variable declarations, one per element, without indent; none
   *     writes no {@code DECLARE}
   * @param body statements, one line per element, indented by four spaces in the output (an
   *     element may hold several lines; each is indented)
   */
  static String render(List<String> declarations, List<String> body) {
    return render(declarations, body, List.of());
  }

  /**
   * The block with an {@code EXCEPTION} section, without its terminating {@code ;}.
   *
   * @param handlers {@code WHEN condition THEN ...} clauses, one per element, indented as {@code
   *     body}; none writes no {@code EXCEPTION}
   */
  static String render(List<String> declarations, List<String> body, List<String> handlers) {
    StringBuilder text = new StringBuilder();
    if (!declarations.isEmpty()) {
      text.append("DECLARE\n");
      declarations.forEach(d -> text.append(indent(d)).append('\n'));
    }
    text.append("BEGIN\n");
    body.forEach(line -> text.append(indent(line)).append('\n'));
    if (!handlers.isEmpty()) {
      text.append("EXCEPTION\n");
      handlers.forEach(handler -> text.append(indent(handler)).append('\n'));
    }
    text.append("END");
    String tag = tag(text.toString());
    return "DO " + tag + "\n" + text + "\n" + tag;
  }

  private static String tag(String body) {
    String tag = "$strata$";
    for (int n = 1; body.contains(tag); n++) {
      tag = "$strata_" + n + "$";
    }
    return tag;
  }

  /** Every line of {@code lines} indented by four spaces. */
  static String indent(String lines) {
    return INDENT + lines.replace("\n", "\n" + INDENT);
  }
}
