package dev.strata.dialects;

/** One piece of a script body before transactions are placed (see {@link TransactionFramer}). */
sealed interface ScriptElement {

  /** A comment line (a step banner, a skipped block), without line break. */
  record Comment(String text) implements ScriptElement {}

  /**
   * One SQL statement, without its {@code ;}.
   *
   * @param outsideTransaction it must run outside any transaction block
   */
  record Sql(String text, boolean outsideTransaction) implements ScriptElement {}

  /** The end of one revision's statements and version-table update. */
  record StepEnd() implements ScriptElement {}
}
