package dev.strata.grammar;

/**
 * The first problem found while parsing one file. Unchecked so that it can leave ANTLR visitors
 * and listeners; {@link RevisionFileParser} turns it into a {@link DiagnosticException}.
 */
final class ParseFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;

  ParseFailure(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }
}
