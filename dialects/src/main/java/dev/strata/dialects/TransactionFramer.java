package dev.strata.dialects;

import java.util.ArrayList;
import java.util.List;

/**
 * Places {@code BEGIN;} and {@code COMMIT;} among a script's elements, giving the script's blocks
 * in order (each block is printed followed by a blank line, as Alembic's {@code static_output}).
 *
 * <p>Transactions open lazily, at the first statement that needs one, so no empty
 * {@code BEGIN; COMMIT;} pair is ever written. A statement that must run outside a transaction
 * closes the open one first ({@code COMMIT;}) and the next transactional statement opens a new one,
 * as Alembic's {@code autocommit_block} does offline; consecutive such statements share one gap.
 * Comments are held back until the next statement, so that a banner lands after the
 * {@code BEGIN;}/{@code COMMIT;} that precedes its step's first statement. In
 * {@link TransactionMode#REVISION} each step's transaction is committed at its end; with
 * {@link TransactionMode#NONE}, or on a dialect without transactional DDL, nothing is added.
 */
final class TransactionFramer {
  private final boolean transactions;
  private final boolean perRevision;
  private final List<String> blocks = new ArrayList<>();
  private final List<String> pendingComments = new ArrayList<>();
  private boolean open;

  private TransactionFramer(boolean transactions, boolean perRevision) {
    this.transactions = transactions;
    this.perRevision = perRevision;
  }

  /** The blocks of {@code elements} framed for {@code dialect} in {@code mode}. */
  static List<String> frame(List<ScriptElement> elements, Dialect dialect, TransactionMode mode) {
    boolean transactions =
        dialect.has(Capability.TRANSACTIONAL_DDL) && mode != TransactionMode.NONE;
    TransactionFramer framer =
        new TransactionFramer(transactions, mode == TransactionMode.REVISION);
    elements.forEach(framer::add);
    framer.flushComments();
    framer.commit();
    return List.copyOf(framer.blocks);
  }

  private void add(ScriptElement element) {
    switch (element) {
      case ScriptElement.Comment comment -> pendingComments.add(comment.text());
      case ScriptElement.Sql statement -> {
        if (statement.outsideTransaction()) {
          commit();
        } else {
          begin();
        }
        flushComments();
        blocks.add(statement.text() + ";");
      }
      case ScriptElement.StepEnd end -> {
        if (perRevision) {
          flushComments();
          commit();
        }
      }
    }
  }

  private void begin() {
    if (transactions && !open) {
      blocks.add("BEGIN;");
      open = true;
    }
  }

  private void commit() {
    if (open) {
      blocks.add("COMMIT;");
      open = false;
    }
  }

  private void flushComments() {
    blocks.addAll(pendingComments);
    pendingComments.clear();
  }
}
