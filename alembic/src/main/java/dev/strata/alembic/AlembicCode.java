package dev.strata.alembic;

import dev.strata.alembic.py.SourceSpan;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;

/**
 * The diagnostic codes of reading an Alembic history (E0702-E0714; E0701 is a Python syntax
 * error, {@link dev.strata.alembic.py.PythonSource#SYNTAX_ERROR}). The table is in
 * {@code docs/cli.md}, section "import alembic".
 */
public enum AlembicCode {
  /** A {@code .py} file of the versions directory that sets no {@code revision}. */
  NOT_A_REVISION("E0702"),
  /** {@code revision}, {@code down_revision}, {@code branch_labels} or {@code depends_on} set to an
   * expression that is not a literal (a string, None, a tuple or list of strings). */
  NOT_A_LITERAL("E0703"),
  /** A revision id (own, parent or dependency) that strata cannot take: not 1-32 of
   * {@code [A-Za-z0-9_]}, or {@code base}/{@code head}/{@code heads}. */
  BAD_ID("E0704"),
  /** Two files with the same revision id. */
  DUPLICATE_ID("E0705"),
  /** A revision without {@code down_revision} (Alembic fails to load it). */
  NO_DOWN_REVISION("E0706"),
  /** A revision without {@code def upgrade()}. */
  NO_UPGRADE("E0707"),
  /** A revision without {@code def downgrade()}. */
  NO_DOWNGRADE("E0708"),
  /** A branch label strata cannot take, or one given twice or equal to a revision id. */
  BAD_BRANCH_LABEL("E0709"),
  /** A {@code down_revision} that names no revision of the directory. */
  UNKNOWN_PARENT("E0710"),
  /** A {@code depends_on} that names no revision and no branch label of the directory. */
  UNKNOWN_DEPENDENCY("E0711"),
  /** {@code revision}, {@code down_revision}, ... assigned twice at the module level. */
  ASSIGNED_TWICE("E0712"),
  /** The directory is missing, or holds no Alembic revision file. */
  NO_REVISIONS("E0713"),
  /** A file the import would write exists already (and {@code --force} was not given). */
  OUTPUT_EXISTS("E0714");

  private final String code;

  AlembicCode(String code) {
    this.code = code;
  }

  /** The code as printed, e.g. {@code E0702}. */
  public String code() {
    return code;
  }

  /** An error at {@code at} of {@code source}: the caret covers the span's first line. */
  Diagnostic at(SourceFile source, SourceSpan at, String message, String... notes) {
    return Diagnostic.error(code, message, source, span(at), notes);
  }

  /** The same, thrown. */
  DiagnosticException fail(SourceFile source, SourceSpan at, String message, String... notes) {
    return new DiagnosticException(at(source, at, message, notes));
  }

  /** An error that belongs to no file position. */
  DiagnosticException fail(String message, String... notes) {
    return new DiagnosticException(Diagnostic.error(code, message, notes));
  }

  /** The diagnostic span of a source span: its first line only, at least one char. */
  static Span span(SourceSpan at) {
    int newline = at.text().indexOf('\n');
    int length = newline < 0 ? at.text().length() : newline;
    if (length > 0 && at.text().charAt(length - 1) == '\r') {
      length--;
    }
    return new Span(at.start().line(), at.start().column(), Math.max(1, length));
  }
}
