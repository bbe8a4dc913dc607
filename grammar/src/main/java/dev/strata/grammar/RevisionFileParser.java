package dev.strata.grammar;

import dev.strata.grammar.ast.RevisionFile;

/** Placeholder: the parser of one revision file (to be written). */
public final class RevisionFileParser {
  /**
   * Parses one revision file.
   *
   * @throws DiagnosticException with every syntax error found (E01xx), positions 1-based
   */
  public RevisionFile parse(SourceFile source) throws DiagnosticException {
    throw new UnsupportedOperationException("not yet");
  }
}
