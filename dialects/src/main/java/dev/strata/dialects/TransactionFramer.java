package dev.strata.dialects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * REVISION} does (one per revision, plus the outside runs) but writes no transaction statements.
 * A dialect without transactional DDL (MySQL, MariaDB) writes none either and, in every mode, cuts
 * exactly one segment per revision: there a statement is never inside a transaction, so no run of
 * outside statements is cut apart, and the version table at a revision boundary is what tells
 * where a failed run stopped.
 *
 * <p>A revision's {@link ScriptElement.Setting settings} hold for its own statements: each is
 * written before the next statement that follows it, written again at the start of every later
 * segment with statements of the revision (a resumed run skips the segments before, and a new
 * segment may run in a new state), and ended (its {@code restore}) at the end of every segment that
 * made it and at the revision's {@link ScriptElement.SettingsEnd}, before its version-table change.
 * So every segment starts and ends with the script's own settings, and strata's bookkeeping (the
 * version table, the progress table) never runs under a revision's {@code search_path} or timeout.
 */
final class TransactionFramer {
  private final boolean transactions;
  private final boolean perRevision;
  // whether statements outside a transaction get segments of their own
  private final boolean cutOutside;
  // where segment bodies go while rendering ({@link #streaming}); null: kept in the segments
  private final Spill spill;
  // whether segments keep their statements' summaries
  private final boolean describe;
  private final List<Segment> segments = new ArrayList<>();
  private final List<String> pendingComments = new ArrayList<>();
  // the settings of the current revision, by name: what its statements run under
  private final Map<String, ScriptElement.Setting> settings = new LinkedHashMap<>();
  private SegmentBuilder open;
  private List<String> heads;
  private String revision;

  private TransactionFramer(boolean transactions, boolean perRevision, boolean cutOutside,
      List<String> fromHeads, Spill spill, boolean describe) {
    this.transactions = transactions;
    this.perRevision = perRevision;
    this.cutOutside = cutOutside;
    this.heads = List.copyOf(fromHeads);
    this.spill = spill;
    this.describe = describe;
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
   * @param rebuild whether a block of it {@linkplain SqliteRebuild#marks marks} a table rebuild
   */
  record Segment(
      boolean transactional,
      List<String> blocks,
      List<String> revisions,
      List<String> statements,
      List<String> headsAfter,
      boolean rebuild) {
    Segment {
      blocks = List.copyOf(blocks);
      revisions = List.copyOf(revisions);
      statements = List.copyOf(statements);
      headsAfter = List.copyOf(headsAfter);
    }

    /** A segment whose blocks are in memory; {@code rebuild} as they say. */
    Segment(boolean transactional, List<String> blocks, List<String> revisions,
        List<String> statements, List<String> headsAfter) {
      this(transactional, blocks, revisions, statements, headsAfter,
          blocks.stream().anyMatch(SqliteRebuild::marks));
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
    TransactionFramer framer = of(dialect, mode, fromHeads, null, true);
    elements.forEach(framer::add);
    return framer.finish();
  }

  /**
   * A framer that takes a script's elements one by one ({@link #add}) and writes each segment's
   * blocks to {@code spill} as they come, one body per segment, so that no segment is held in
   * memory: the segments {@link #finish()} returns have no blocks. Segments keep their statements'
   * summaries only when {@code describe}.
   */
  static TransactionFramer streaming(Dialect dialect, TransactionMode mode, List<String> fromHeads,
      Spill spill, boolean describe) {
    return of(dialect, mode, fromHeads, spill, describe);
  }

  private static TransactionFramer of(Dialect dialect, TransactionMode mode,
      List<String> fromHeads, Spill spill, boolean describe) {
    boolean transactional = dialect.has(Capability.TRANSACTIONAL_DDL);
    boolean transactions = transactional && mode != TransactionMode.NONE;
    // without transactional DDL every statement commits as it runs: whatever the mode, a segment
    // is one revision, so that the version table tells where a failed run stopped
    return new TransactionFramer(transactions,
        mode != TransactionMode.BUNDLE || !transactional, transactional, fromHeads, spill,
        describe);
  }

  /** The blocks of {@code elements} framed for {@code dialect} in {@code mode}, in order. */
  static List<String> frame(List<ScriptElement> elements, Dialect dialect, TransactionMode mode) {
    return segments(elements, dialect, mode, List.of()).stream()
        .flatMap(segment -> segment.framed().stream())
        .toList();
  }

  /** Places the script's next element. */
  void add(ScriptElement element) {
    switch (element) {
      case ScriptElement.Comment comment -> pendingComments.add(comment.text());
      case ScriptElement.Sql statement -> {
        if (open != null && cutOutside && open.outside != statement.outsideTransaction()) {
          close();
        }
        if (open == null) {
          open = newSegment(statement.outsideTransaction());
        }
        flushComments();
        open.apply(settings.values());
        open.add(statement, revision);
      }
      // the held-back comments (a banner) belong to what follows, so they stay pending
      case ScriptElement.Commit commit -> {
        if (transactions && open != null && !open.outside) {
          close();
        }
      }
      case ScriptElement.Setting setting -> settings.put(setting.name(), setting);
      case ScriptElement.SettingsEnd ignored -> {
        if (open != null) {
          open.restoreAll();
        }
        settings.clear();
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

  /** Ends the script: the segments, in order (without blocks when {@link #streaming}). */
  List<Segment> finish() {
    if (open == null && !pendingComments.isEmpty()) {
      // Only comments after the last statement (or no statement at all): they still print.
      open = newSegment(true);
    }
    if (open != null) {
      flushComments();
      close();
    }
    return List.copyOf(segments);
  }

  private SegmentBuilder newSegment(boolean outside) {
    if (spill != null) {
      spill.begin();
    }
    return new SegmentBuilder(outside, spill, describe);
  }

  private void close() {
    open.restoreAll();
    segments.add(open.build(transactions && !open.outside, heads));
    if (spill != null) {
      spill.end();
    }
    open = null;
  }

  private void flushComments() {
    pendingComments.forEach(open::block);
    pendingComments.clear();
  }

  /** The segment being filled. */
  private static final class SegmentBuilder {
    private final boolean outside;
    private final Spill spill;
    private final boolean describe;
    // the blocks, when not spilled
    private final List<String> blocks = new ArrayList<>();
    private boolean rebuild;
    // insertion-ordered and O(1) membership: one segment may hold every revision of a long chain
    private final Set<String> revisions = new LinkedHashSet<>();
    private final List<String> statements = new ArrayList<>();
    // the revision settings made in this segment and not yet ended, by name
    private final Map<String, ScriptElement.Setting> applied = new LinkedHashMap<>();

    SegmentBuilder(boolean outside, Spill spill, boolean describe) {
      this.outside = outside;
      this.spill = spill;
      this.describe = describe;
    }

    void block(String block) {
      rebuild |= SqliteRebuild.marks(block);
      if (spill != null) {
        spill.block(block);
      } else {
        blocks.add(block);
      }
    }

    /** Makes the settings that the next statement must run under and this segment lacks. */
    void apply(Collection<ScriptElement.Setting> wanted) {
      for (ScriptElement.Setting setting : wanted) {
        if (setting.resets()) {
          ScriptElement.Setting made = applied.remove(setting.name());
          if (made != null) {
            block(made.restore() + ";");
          }
        } else if (!setting.equals(applied.get(setting.name()))) {
          block(setting.apply() + ";");
          applied.put(setting.name(), setting);
        }
      }
    }

    /** Ends every setting made in this segment. */
    void restoreAll() {
      applied.values().forEach(setting -> block(setting.restore() + ";"));
      applied.clear();
    }

    void add(ScriptElement.Sql statement, String revision) {
      block(statement.text() + ";");
      if (describe) {
        statements.add(statement.summary());
      }
      if (revision != null) {
        revisions.add(revision);
      }
    }

    Segment build(boolean transactional, List<String> headsAfter) {
      return new Segment(transactional, blocks, List.copyOf(revisions), statements, headsAfter,
          rebuild);
    }
  }
}
