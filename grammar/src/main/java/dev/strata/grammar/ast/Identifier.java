package dev.strata.grammar.ast;

/**
 * An SQL identifier as written: {@code quoted} when it was written in double quotes (then
 * {@code value} is the unescaped content, case preserved), otherwise {@code value} is the bare word
 * as written (dialects fold it as they do).
 */
public record Identifier(String value, boolean quoted) {
  /** An unquoted identifier. */
  public static Identifier of(String value) {
    return new Identifier(value, false);
  }
}
