package dev.strata.dialects;

/**
 * {@code UNLOGGED} in {@code CREATE TABLE} and {@code ONLY} in {@code ALTER TABLE}, which jOOQ 3.20
 * has no form for: they are inserted into the statement jOOQ rendered, right after its fixed
 * leading words ({@code CREATE TABLE}, {@code ALTER TABLE [IF EXISTS]}), where PostgreSQL's grammar
 * puts them.
 */
final class TablePrefix {
  private TablePrefix() {}

  /** {@code CREATE TABLE ...} as {@code CREATE UNLOGGED TABLE ...}. */
  static String unlogged(String createTable) {
    return insertAfter(createTable, "CREATE ", "UNLOGGED ");
  }

  /** {@code ALTER TABLE [IF EXISTS] t ...} as {@code ALTER TABLE [IF EXISTS] ONLY t ...}. */
  static String only(String alterTable, boolean ifExists) {
    return insertAfter(alterTable, ifExists ? "ALTER TABLE IF EXISTS " : "ALTER TABLE ", "ONLY ");
  }

  private static String insertAfter(String statement, String leading, String word) {
    if (!statement.startsWith(leading)) {
      throw new IllegalStateException("expected '" + leading + "...', got: " + statement);
    }
    return leading + word + statement.substring(leading.length());
  }
}
