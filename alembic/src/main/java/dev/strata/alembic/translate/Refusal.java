package dev.strata.alembic.translate;

import dev.strata.alembic.py.Position;
import dev.strata.alembic.py.PyExpr;

/**
 * Thrown inside the translator when a construct cannot be translated exactly; the statement that
 * holds it becomes a {@link Placeholder} at {@code at} with {@code reason}. Never escapes
 * {@link OpTranslator}.
 */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Position at;

  Refusal(Position at, String reason) {
    super(reason, null, false, false);
    this.at = at;
  }

  Refusal(PyExpr at, String reason) {
    this(at.span().start(), reason);
  }

  Position at() {
    return at;
  }

  String reason() {
    return getMessage();
  }
}
