package dev.strata.grammar;

import java.util.List;

/**
 * Thrown by every stage (parse, graph, plan, render) when the input is wrong. It carries at least
 * one {@link Diagnostic}; the CLI prints them all and exits with code 1. It is never used for bugs.
 */
public final class DiagnosticException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  /** @param diagnostics at least one; kept in the order given (the order they are printed) */
  public DiagnosticException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "no diagnostics" : diagnostics.get(0).message(), null, false, false);
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a DiagnosticException needs a diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  public DiagnosticException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  /** The diagnostics, in print order; never empty. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The diagnostics as the CLI prints them to stderr: {@link #format(List)}. */
  public String format() {
    return format(diagnostics);
  }

  /** The most diagnostics printed at once, like javac's {@code -Xmaxerrs}. */
  public static final int MAX_PRINTED = 200;

  /**
   * {@code diagnostics} formatted one after the other, at most {@link #MAX_PRINTED} of them: past
   * that, the last one printed ends with a note giving how many were left out, so that an error
   * storm (thousands of unknown parents on one line) prints a bounded text.
   */
  public static String format(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    diagnostics.stream().limit(MAX_PRINTED).forEach(d -> out.append(d.format()));
    if (diagnostics.size() > MAX_PRINTED) {
      out.append("  = note: ").append(diagnostics.size() - MAX_PRINTED)
          .append(" more diagnostics not shown (strata prints the first ").append(MAX_PRINTED)
          .append("); fix these, then run again\n");
    }
    return out.toString();
  }
}
