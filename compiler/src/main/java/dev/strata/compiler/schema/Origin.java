package dev.strata.compiler.schema;

import dev.strata.grammar.Span;
import java.util.Objects;

/**
 * Where an object of the model was created (or last redefined): the revision, the revision file's
 * path as the diagnostics print it, and the position of the object's name in it.
 */
public record Origin(String revision, String path, Span span) {
  public Origin {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(span, "span");
  }

  /** {@code path:line:column}, as a diagnostic's note prints it. */
  public String describe() {
    return path + ":" + span.line() + ":" + span.column();
  }
}
