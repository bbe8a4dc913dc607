package dev.strata.alembic;

import dev.strata.alembic.translate.Placeholder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One strata revision file the import writes, and what its report says about it.
 *
 * @param revision the Alembic revision it comes from
 * @param name the file name in the output directory: the Alembic file's stem + {@code .sql}
 * @param text the whole revision file, LF line ends, ending with a line end
 * @param convertedOperations the {@code op.*} calls translated, upgrade and downgrade together
 * @param placeholders the {@code -- +todo} lines left in it, upgrade's first, in source order
 * @param notes extra report lines for this file (a {@code depends_on} branch label resolved to an
 *     id), each without the leading path
 */
public record ImportedRevision(
    AlembicRevision revision,
    String name,
    String text,
    int convertedOperations,
    List<Placeholder> placeholders,
    List<String> notes) {

  /** Copies the lists and checks the count. */
  public ImportedRevision {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    placeholders = List.copyOf(placeholders);
    notes = List.copyOf(notes);
    if (convertedOperations < 0) {
      throw new IllegalArgumentException("negative count: " + convertedOperations);
    }
  }

  /** The Alembic file, as the import was given it. */
  public Path source() {
    return revision.file();
  }

  /**
   * The report lines of this file: {@code PATH: converted N operations[, M need a hand]}, one
   * {@code PATH:LINE:COL: needs a hand: REASON} per placeholder, then the notes.
   */
  public List<String> reportLines() {
    StringBuilder head = new StringBuilder(source() + ": converted ")
        .append(ImportReport.count(convertedOperations, "operation", "operations"));
    if (!placeholders.isEmpty()) {
      head.append(", ").append(placeholders.size())
          .append(placeholders.size() == 1 ? " needs a hand" : " need a hand");
    }
    List<String> lines = new ArrayList<>();
    lines.add(head.toString());
    placeholders.forEach(p -> lines.add(p.reportLine()));
    notes.forEach(note -> lines.add(source() + ": " + note));
    return lines;
  }
}
