package dev.strata.alembic.translate;

import dev.strata.alembic.py.Position;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A part of an Alembic revision that the import does not translate, because translating it would
 * mean guessing (Python logic, a read of the database, an application type, an unknown
 * operation). The revision file carries it as a {@code -- +todo} line, which does not compile, so
 * the revision cannot be applied until someone writes its SQL by hand.
 *
 * @param file the Alembic revision file, as the import was given it
 * @param at where the untranslated statement or expression starts in {@code file}
 * @param reason what is missing, one line, no trailing period (e.g. {@code op.get_bind() reads the
 *     database})
 */
public record Placeholder(Path file, Position at, String reason) {
  /** Checks that nothing is missing and that the reason is one non-blank line. */
  public Placeholder {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.contains("\n") || reason.contains("\r")) {
      throw new IllegalArgumentException("a placeholder reason is one non-blank line: " + reason);
    }
  }

  /** {@code FILE:LINE:COL}, as diagnostics print a place. */
  public String where() {
    return file + ":" + at.line() + ":" + at.column();
  }

  /** The line of the import's report: {@code FILE:LINE:COL: needs a hand: REASON}. */
  public String reportLine() {
    return where() + ": needs a hand: " + reason;
  }

  /** The directive line in the revision file: {@code -- +todo FILE:LINE:COL: REASON}. */
  public String directiveLine() {
    return "-- +todo " + where() + ": " + reason;
  }
}
