package dev.strata.grammar.ast;

import dev.strata.grammar.Span;
import java.util.Objects;

/**
 * A directive that says why a {@code -- +downgrade} section holds no statement (see {@code
 * docs/language.md}): the downgrade has nothing to undo, or the upgrade cannot be undone.
 *
 * @param kind which of the two
 * @param span the directive line, from {@code --} to its end
 */
public record DowngradeMark(Kind kind, Span span) {
  public DowngradeMark {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(span, "span");
  }

  /** What the directive states. */
  public enum Kind {
    /** {@code -- +no-op}: downgrading only moves the version table; there is nothing to undo. */
    NO_OP("no-op"),
    /** {@code -- +irreversible}: the upgrade cannot be undone; downgrades across it are refused. */
    IRREVERSIBLE("irreversible");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    /** The directive as written, e.g. {@code -- +no-op}. */
    public String directive() {
      return "-- +" + word;
    }
  }
}
