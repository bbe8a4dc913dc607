package dev.strata.grammar.ast;

import dev.strata.grammar.Span;
import java.util.List;

/**
 * The header of a revision file (the {@code -- key: value} lines before the first section).
 *
 * @param revision the id ({@code revision:}), {@code [A-Za-z0-9_]{1,32}}, not a reserved word
 * @param revises the parent ids ({@code revises:}, Alembic's {@code down_revision}); empty when the
 *     file says {@code base}; two or more make a merge point
 * @param revisesSpan where the {@code revises:} value was written (for graph diagnostics)
 * @param message the {@code message:} line, {@code ""} when absent
 * @param branchLabels {@code branch:} labels (Alembic's {@code branch_labels}), possibly empty
 * @param dependsOn {@code depends-on:} ids (Alembic's {@code depends_on}), possibly empty
 */
public record Header(
    HeaderValue revision,
    List<HeaderValue> revises,
    Span revisesSpan,
    String message,
    List<HeaderValue> branchLabels,
    List<HeaderValue> dependsOn) {

  public Header {
    revises = List.copyOf(revises);
    branchLabels = List.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
  }
}
