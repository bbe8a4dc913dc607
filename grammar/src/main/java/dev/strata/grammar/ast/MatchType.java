package dev.strata.grammar.ast;

/** {@code MATCH SIMPLE} or {@code MATCH FULL} of a foreign key (PostgreSQL has no MATCH PARTIAL). */
public enum MatchType {
  SIMPLE,
  FULL;

  /** The clause as SQL, e.g. {@code MATCH FULL}. */
  public String sql() {
    return "MATCH " + name();
  }
}
