package dev.strata.alembic.translate;

import java.util.List;

/**
 * The translation of one Alembic function ({@code upgrade()} or {@code downgrade()}) into a
 * section body of a strata revision file.
 *
 * @param lines the section body, to write after {@code -- +upgrade} or {@code -- +downgrade}: each
 *     strata statement ends with {@code ;} (a statement may span several lines), with directives
 *     ({@code -- +no-transaction}, {@code -- +dialect postgresql} ... {@code -- +end}) and
 *     placeholders ({@code -- +todo ...} followed by the original Python lines, each prefixed
 *     {@code --   }); no line holds a line break; empty for a body that is only {@code pass}
 *     and docstrings
 * @param convertedOperations how many Alembic operations ({@code op.*} calls, including each
 *     {@code batch_op.*} call) were translated
 * @param placeholders what was not translated, in source order (each is a {@code -- +todo} in
 *     {@code lines})
 */
public record Translation(List<String> lines, int convertedOperations, List<Placeholder> placeholders) {
  /** Copies the lists and checks the count. */
  public Translation {
    lines = List.copyOf(lines);
    placeholders = List.copyOf(placeholders);
    if (convertedOperations < 0) {
      throw new IllegalArgumentException("negative count of operations: " + convertedOperations);
    }
    for (String line : lines) {
      if (line.contains("\n") || line.contains("\r")) {
        throw new IllegalArgumentException("a line of a translation holds a line break: " + line);
      }
    }
  }
}
