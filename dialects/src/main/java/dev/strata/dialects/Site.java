package dev.strata.dialects;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;

/** Where a statement being rendered was written, for the diagnostics of this stage. */
record Site(SourceFile source, Span span) {

  /** An error at this statement. */
  DiagnosticException error(String code, String message, String... notes) {
    return at(span, code, message, notes);
  }

  /** An error at {@code where}, a position inside this statement. */
  DiagnosticException at(Span where, String code, String message, String... notes) {
    return new DiagnosticException(Diagnostic.error(code, message, source, where, notes));
  }
}
