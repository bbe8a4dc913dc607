package dev.strata.dialects;

/**
 * How a script groups its statements into transactions, on a dialect with transactional DDL (on
 * others no transaction statements are written, as Alembic does). Statements that must run outside
 * a transaction are always placed between transactions, as Alembic's {@code autocommit_block} does.
 */
public enum TransactionMode {
  /** One transaction around the whole script (Alembic's default offline behaviour). */
  BUNDLE,
  /**
   * One transaction per revision, covering its statements and its version-table update (Alembic's
   * {@code transaction_per_migration=True}); a failure leaves the database at the last complete
   * revision.
   */
  REVISION,
  /** No {@code BEGIN}/{@code COMMIT} at all: every statement autocommits. */
  NONE
}
