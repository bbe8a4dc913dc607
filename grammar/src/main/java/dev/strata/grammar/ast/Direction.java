package dev.strata.grammar.ast;

/** Which way a section or a plan goes. */
public enum Direction {
  UPGRADE("upgrade"),
  DOWNGRADE("downgrade");

  private final String word;

  Direction(String word) {
    this.word = word;
  }

  /** {@code upgrade} or {@code downgrade}, as in section markers and banners. */
  public String word() {
    return word;
  }
}
