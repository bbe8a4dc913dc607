package dev.strata.grammar;

import java.util.Objects;

/** A {@link Span} in a given {@link SourceFile}. */
public record Location(SourceFile source, Span span) {
  public Location {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(span, "span");
  }

  /** {@code path:line:col}, as diagnostics and notes print it. */
  public String describe() {
    return source.path() + ":" + span.line() + ":" + span.column();
  }
}
