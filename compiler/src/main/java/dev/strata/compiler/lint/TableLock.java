package dev.strata.compiler.lint;

import dev.strata.compiler.schema.ObjectName;
import java.util.Objects;

/**
 * One lock a statement takes on PostgreSQL, and what it does to the table while holding it.
 *
 * @param table the table (or index, sequence, view) locked
 * @param level the lock mode
 * @param rewrite the statement rewrites the whole table (and its indexes) under the lock
 * @param scan the statement reads the whole table under the lock (e.g. to validate a constraint)
 */
public record TableLock(ObjectName table, LockLevel level, boolean rewrite, boolean scan) {
  /** Checks that the table and the level are given. */
  public TableLock {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(level, "level");
  }
}
