package dev.strata.dialects;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a script's elements into segments and places {@code BEGIN;} and {@code COMMIT;}, giving the
 * script's blocks in order (each block is printed followed by a blank line, as Alembic's {@code
 * static_output}).
 *
 * <p>A segment is one transaction, or one run of statements that must run outside a transaction.
 * Transactions open lazily, at the first statement that needs one, so no empty {@code BEGIN;
 * COMMIT;} pair is ever written. A statement that must run outside a transaction closes the open
 * one first ({@code COMMIT;}) and the next transactional statement opens a new one, as Alembic's
 * {@code autocommit_block} does offline; consecutive such statements share one segment. Comments
 * are held back until the next statement, so that a banner lands after the {@code BEGIN;}/{@code
 * COMMIT;} that precedes its step's first statement. A {@link ScriptElement.Commit} closes the open
 * transaction (a new segment starts at the next statement), so that a value added to an enum type
 * is committed before it is used. In {@link TransactionMode#REVISION} each
 * step's transaction is committed at its end. {@link TransactionMode#NONE} cuts segments as {@code
 * REVISION} does (one per revision, plus the outside runs) but writes no transaction statements,
 * and neither does a dialect without transactional DDL.
 */
final class TransactionFramer {
  private final boolean transactions;
  private final boolean perRevision;
  private final List<Segment> segments = new ArrayList<>();
  private final List<String> pendingComments = new ArrayList<>();
  private SegmentBuilder open;
  private List<String> heads;
  private String revision;

  private TransactionFramer(boolean transactions, boolean perRevision, List<String> fromHeads) {
    this.transactions = transactions;
    this.perRevision = perRevision;
    this.heads = List.copyOf(fromHeads);
  }

  /**
   * One segment of a script.
   *
   * @param transactional its statements run in one transaction ({@link #framed()} adds the {@code
   *     BEGIN;} and {@code COMMIT;})
   * @param blocks its comments and statements (each with its {@code ;}), without transaction
   *     statements
   * @param revisions the revisions with statements in it, in order
   * @param statements the {@link ScriptElement.Sql#summary()} of each statement, in order
   * @param headsAfter the version-table rows once it has run, sorted
   */
  record Segment(
      boolean transactional,
      List<String> blocks,
      List<String> revisions,
      List<String> statements,
      List<String> headsAfter) {
    Segment {
      blocks = List.copyOf(blocks);
      revisions = List.copyOf(revisions);
      statements = List.copyOf(statements);
      headsAfter = List.copyOf(headsAfter);
    }

    /** The blocks with {@code BEGIN;} and {@code COMMIT;} around them when transactional. */
    List<String> framed() {
      return framed(List.of());
    }

    /**
     * The blocks followed by {@code bookkeeping} (blocks that record the segment's completion), with
     * {@code BEGIN;} and {@code COMMIT;} around them all when transactional, so that the record
     * commits with the segment.
     */
    List<String> framed(List<String> bookkeeping) {
      List<String> out = new ArrayList<>(blocks.size() + bookkeeping.size() + 2);
      if (transactional) {
        out.add("BEGIN;");
      }
      out.addAll(blocks);
      out.addAll(bookkeeping);
      if (transactional) {
        out.add("COMMIT;");
      }
      return out;
    }
  }

  /**
   * The segments of {@code elements} for {@code dialect} in {@code mode}, starting from the
   * version-table rows {@code fromHeads}; none when there is no element.
   */
  static List<Segment> segments(
      List<ScriptElement> elements, Dialect dialect, TransactionMode mode, List<String> fromHeads) {
    boolean transactions =
        dialect.has(Capability.TRANSACTIONAL_DDL) && mode != TransactionMode.NONE;
    TransactionFramer framer =
        new TransactionFramer(transactions, mode != TransactionMode.BUNDLE, fromHeads);
    elements.forEach(framer::add);
    framer.finish();
    return List.copyOf(framer.segments);
  }

  /** The blocks of {@code elements} framed for {@code dialect} in {@code mode}, in order. */
  static List<String> frame(List<ScriptElement> elements, Dialect dialect, TransactionMode mode) {
    return segments(elements, dialect, mode, List.of()).stream()
        .flatMap(segment -> segment.framed().stream())
        .toList();
  }

  private void add(ScriptElement element) {
    switch (element) {
      case ScriptElement.Comment comment -> pendingComments.add(comment.text());
      case ScriptElement.Sql statement -> {
        if (open != null && open.outside != statement.outsideTransaction()) {
          close();
        }
        if (open == null) {
          open = new SegmentBuilder(statement.outsideTransaction());
        }
        flushComments();
        open.add(statement, revision);
      }
      // the held-back comments (a banner) belong to what follows, so they stay pending
      case ScriptElement.Commit commit -> {
        if (transactions && open != null && !open.outside) {
          close();
        }
      }
      case ScriptElement.StepStart start -> revision = start.revision();
      case ScriptElement.StepEnd end -> {
        heads = end.headsAfter();
        if (perRevision && open != null) {
          flushComments();
          close();
        }
      }
    }
  }

  private void finish() {
    if (open == null && !pendingComments.isEmpty()) {
      // Only comments after the last statement (or no statement at all): they still print.
      open = new SegmentBuilder(true);
    }
    if (open != null) {
      flushComments();
      close();
    }
  }

  private void close() {
    segments.add(open.build(transactions && !open.outside, heads));
    open = null;
  }

  private void flushComments() {
    open.blocks.addAll(pendingComments);
    pendingComments.clear();
  }

  /** The segment being filled. */
  private static final class SegmentBuilder {
    private final boolean outside;
    private final List<String> blocks = new ArrayList<>();
    // insertion-ordered and O(1) membership: one segment may hold every revision of a long chain
    private final Set<String> revisions = new LinkedHashSet<>();
    private final List<String> statements = new ArrayList<>();

    SegmentBuilder(boolean outside) {
      this.outside = outside;
    }

    void add(ScriptElement.Sql statement, String revision) {
      blocks.add(statement.text() + ";");
      statements.add(statement.summary());
      if (revision != null) {
        revisions.add(revision);
      }
    }

    Segment build(boolean transactional, List<String> headsAfter) {
      return new Segment(transactional, blocks, List.copyOf(revisions), statements, headsAfter);
    }
  }
}
