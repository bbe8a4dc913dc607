package dev.strata.compiler.lint;

import java.util.Locale;

/**
 * PostgreSQL's table-level lock modes, weakest first, as the PostgreSQL manual's "Explicit
 * Locking" chapter (13.3.1, "Table-Level Locks") lists them; {@link #ordinal()} orders them by
 * strength. What each blocks is the manual's conflict table, summarised for a DBA.
 */
public enum LockLevel {
  /** SELECT. Conflicts only with ACCESS EXCLUSIVE. */
  ACCESS_SHARE("blocks nothing but ACCESS EXCLUSIVE"),
  /** SELECT FOR UPDATE/SHARE. */
  ROW_SHARE("blocks EXCLUSIVE and ACCESS EXCLUSIVE"),
  /** INSERT, UPDATE, DELETE. */
  ROW_EXCLUSIVE("blocks SHARE and stronger locks (CREATE INDEX without CONCURRENTLY)"),
  /** VACUUM, CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT, ... */
  SHARE_UPDATE_EXCLUSIVE("blocks schema changes and VACUUM, not reads or writes"),
  /** CREATE INDEX without CONCURRENTLY. */
  SHARE("blocks writes (INSERT, UPDATE, DELETE), not reads"),
  /** CREATE TRIGGER, ADD FOREIGN KEY (on the referenced table), ... */
  SHARE_ROW_EXCLUSIVE("blocks writes, not reads"),
  /** REFRESH MATERIALIZED VIEW CONCURRENTLY. */
  EXCLUSIVE("blocks writes and row locks, not plain reads"),
  /** Most ALTER TABLE forms, DROP TABLE, TRUNCATE, DROP INDEX without CONCURRENTLY. */
  ACCESS_EXCLUSIVE("blocks reads and writes");

  private final String blocks;

  LockLevel(String blocks) {
    this.blocks = blocks;
  }

  /** The mode as PostgreSQL names it in SQL and in {@code pg_locks.mode}'s words: {@code ACCESS EXCLUSIVE}. */
  public String sql() {
    return name().replace('_', ' ');
  }

  /** The mode as {@code pg_locks.mode} spells it: {@code AccessExclusiveLock}. */
  public String pgLocksMode() {
    StringBuilder mode = new StringBuilder();
    for (String word : name().split("_")) {
      mode.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return mode.append("Lock").toString();
  }

  /** What the lock keeps other sessions from doing while it is held, one phrase. */
  public String blocks() {
    return blocks;
  }

  /** Whether this lock is at least as strong as {@code other}. */
  public boolean atLeast(LockLevel other) {
    return compareTo(other) >= 0;
  }
}
