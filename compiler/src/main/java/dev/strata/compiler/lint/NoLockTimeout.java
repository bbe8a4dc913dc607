package dev.strata.compiler.lint;

import dev.strata.grammar.ast.Operation;
import java.util.List;
import java.util.Optional;

/**
 * Rule {@code no-lock-timeout}: a revision takes ACCESS EXCLUSIVE on a table that existed before
 * it, and neither the script ({@code --lock-timeout}) nor the revision itself (a {@code SET
 * lock_timeout} before the statement) bounds the wait. A statement waiting for that lock queues
 * every later query of the table behind it, so without a timeout a long transaction elsewhere turns
 * into an outage (Squawk's {@code require-lock-timeout}, strong_migrations' and
 * django-pg-zero-downtime-migrations' lock timeout settings, Eugene's E9). One finding per revision, at the first such statement, with the caret at the
 * table's name.
 */
public final class NoLockTimeout implements RevisionRule {
  @Override
  public List<Finding> check(RevisionContext context) {
    if (context.lockTimeout().isPresent()) {
      return List.of();
    }
    for (StatementContext statement : context.upgrade()) {
      if (setsLockTimeout(statement.statement().operation())) {
        return List.of();
      }
      Optional<TableLock> lock = StatementLocks.of(statement).stream()
          .filter(l -> l.level() == LockLevel.ACCESS_EXCLUSIVE)
          .filter(l -> statement.existedBefore(l.table()))
          .findFirst();
      if (lock.isPresent()) {
        return List.of(Finding.of(Rule.NO_LOCK_TIMEOUT, context.revisionId(), context.dialect(),
            StatementLocks.location(statement, lock.get().table()),
            "ACCESS EXCLUSIVE on table " + lock.get().table() + " is taken without a"
                + " lock_timeout: while it waits, every query of " + lock.get().table()
                + " waits behind it",
            List.of(lock.get())));
      }
    }
    return List.of();
  }

  /** {@code SET [LOCAL] lock_timeout = v} with {@code v} not 0 nor DEFAULT. */
  static boolean setsLockTimeout(Operation operation) {
    return operation instanceof Operation.PostgresOnly.SetSetting set
        && set.name().equals("lock_timeout")
        && set.value().map(v -> !v.sql().replace("'", "").trim().matches("0+(ms|s|min)?"))
            .orElse(false);
  }
}
