package dev.strata.grammar.ast;

import dev.strata.grammar.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * An SQL identifier as written: {@code quoted} when it was written in double quotes (then
 * {@code value} is the unescaped content, case preserved), otherwise {@code value} is the bare word
 * as written (dialects fold it as they do).
 *
 * <p>{@code span} is where the name was written (quotes included), so that a later check can point
 * at the exact name; it is empty for a name strata made up (the version table's, a derived
 * downgrade's). The position is not part of the name's identity: {@link #equals} and {@link
 * #hashCode} compare {@code value} and {@code quoted} only, so {@code a} written twice is one name.
 */
public record Identifier(String value, boolean quoted, Optional<Span> span) {
  public Identifier {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an identifier is never empty");
    }
  }

  /** A name without a position. */
  public Identifier(String value, boolean quoted) {
    this(value, quoted, Optional.empty());
  }

  /** An unquoted identifier without a position. */
  public static Identifier of(String value) {
    return new Identifier(value, false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Identifier that && quoted == that.quoted && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + Boolean.hashCode(quoted);
  }
}
