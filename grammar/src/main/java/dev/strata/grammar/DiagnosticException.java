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

  /** All diagnostics formatted one after the other, as the CLI prints them to stderr. */
  public String format() {
    StringBuilder out = new StringBuilder();
    diagnostics.forEach(d -> out.append(d.format()));
    return out.toString();
  }
}
