package dev.strata.compiler.lint;

import dev.strata.grammar.Location;
import dev.strata.grammar.ast.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule {@code statements-after-access-exclusive}: more statements run in the transaction that
 * holds an ACCESS EXCLUSIVE lock on a table that existed before the revision. PostgreSQL holds the
 * lock until the transaction ends, so every later statement extends the time nobody can read or
 * write the table (Eugene's E4). Transactions are the script's (see {@code docs/scripts.md},
 * "Transaction modes and segments"): a statement outside a transaction ({@code -- +no-transaction},
 * {@code CREATE INDEX CONCURRENTLY}, or any statement under {@code --transaction none}) ends the
 * one before it, and so does the commit after {@code ALTER TYPE ... ADD VALUE}; in {@code
 * revision} mode the revision's end ends it; in {@code bundle} mode the lock is held until the
 * script's {@code COMMIT}, which the message says. One finding per transaction, at the first
 * statement that runs under the lock.
 */
public final class StatementsAfterAccessExclusive implements RevisionRule {
  @Override
  public List<Finding> check(RevisionContext context) {
    List<Finding> findings = new ArrayList<>();
    List<TableLock> held = new ArrayList<>();
    StatementContext taker = null;
    StatementContext firstAfter = null;
    int after = 0;
    List<TableLock> before = List.of();
    for (StatementContext statement : context.upgrade()) {
      if (!statement.inTransaction()) {
        report(context, before, taker, firstAfter, after, findings);
        held.clear();
        firstAfter = null;
        after = 0;
        continue;
      }
      if (!held.isEmpty()) {
        after++;
        if (firstAfter == null) {
          firstAfter = statement;
          before = List.copyOf(held);
        }
      }
      for (TableLock lock : StatementLocks.of(statement)) {
        if (lock.level() == LockLevel.ACCESS_EXCLUSIVE && statement.existedBefore(lock.table())
            && held.stream().noneMatch(h -> h.table().equals(lock.table()))) {
          if (held.isEmpty()) {
            taker = statement;
          }
          held.add(lock);
        }
      }
      if (statement.statement().operation() instanceof Operation.AddEnumValue) {
        // the script commits after an added enum value, before the next statement
        report(context, before, taker, firstAfter, after, findings);
        held.clear();
        firstAfter = null;
        after = 0;
      }
    }
    report(context, before, taker, firstAfter, after, findings);
    return findings;
  }

  /**
   * The split for this revision: the statements after the lock in a revision of their own, which
   * commits on its own only when each revision has its own transaction; or the lock last.
   */
  private static String alternative(RevisionContext context, StatementContext taker) {
    int line = taker.statement().span().line();
    return context.transactionPerRevision()
        ? "move the statements after line " + line + " to a revision of their own, or the"
            + " statement of line " + line + " to the end of this one"
        : "--transaction revision, with the statements after line " + line + " in a revision of"
            + " their own; or the statement of line " + line + " last in its revision";
  }

  private static void report(RevisionContext context, List<TableLock> held,
      StatementContext taker, StatementContext firstAfter, int after, List<Finding> findings) {
    if (held.isEmpty() || firstAfter == null) {
      return;
    }
    TableLock first = held.get(0);
    String until = context.transactionPerRevision() ? "the revision's COMMIT"
        : "the script's COMMIT (bundle mode: one transaction for every revision)";
    String tables = held.size() == 1 ? "table " + first.table()
        : "tables " + String.join(", ", held.stream().map(l -> l.table().display()).toList());
    findings.add(Finding.of(Rule.STATEMENTS_AFTER_EXCLUSIVE_LOCK, context.revisionId(),
        context.dialect(),
        new Location(context.revision().source(), firstAfter.statement().span()),
        after + (after == 1 ? " more statement runs" : " more statements run")
            + " while ACCESS EXCLUSIVE on " + tables + " (taken at line "
            + taker.statement().span().line() + ") is held until " + until,
        held).withAlternative(alternative(context, taker)));
  }
}
