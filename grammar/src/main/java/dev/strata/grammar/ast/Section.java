package dev.strata.grammar.ast;

import dev.strata.grammar.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code -- +upgrade} or {@code -- +downgrade} section: its statements in source order.
 * {@code span} is the section marker; {@code mark} is the {@code -- +no-op} or {@code --
 * +irreversible} directive of a downgrade section without statements, when it has one.
 * {@code statements} is copied, unless it is {@link PackedStatements} (unmodifiable already, and
 * kept encoded until it is read).
 */
public record Section(
    Direction direction, List<Statement> statements, Span span, Optional<DowngradeMark> mark) {
  public Section {
    if (!(statements instanceof PackedStatements)) {
      statements = List.copyOf(statements);
    }
    Objects.requireNonNull(mark, "mark");
    if (mark.isPresent() && (direction != Direction.DOWNGRADE || !statements.isEmpty())) {
      throw new IllegalArgumentException(
          "only a downgrade section without statements has a mark: " + mark.get());
    }
  }

  /** A section without a mark. */
  public Section(Direction direction, List<Statement> statements, Span span) {
    this(direction, statements, span, Optional.empty());
  }

  /** Whether the section is marked {@code -- +irreversible}. */
  public boolean irreversible() {
    return mark.filter(m -> m.kind() == DowngradeMark.Kind.IRREVERSIBLE).isPresent();
  }
}
