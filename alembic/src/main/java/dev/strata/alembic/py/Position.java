package dev.strata.alembic.py;

/**
 * A place in a Python source file, as diagnostics print it.
 *
 * @param line 1-based line
 * @param column 1-based column, counted in characters (code points of the BMP; a tab counts one)
 */
public record Position(int line, int column) {
  /** Checks that both coordinates are at least 1. */
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("position " + line + ":" + column + " is not 1-based");
    }
  }
}
