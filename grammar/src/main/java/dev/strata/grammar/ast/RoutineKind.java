package dev.strata.grammar.ast;

/** Whether a routine is a {@code FUNCTION} (returns a value) or a {@code PROCEDURE} (is called). */
public enum RoutineKind {
  FUNCTION,
  PROCEDURE;

  /** The keyword as written in SQL, e.g. {@code FUNCTION}. */
  public String keyword() {
    return name();
  }
}
