package dev.strata.dialects.lint;

import dev.strata.compiler.Plan;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.lint.RevisionContext;
import dev.strata.compiler.lint.StatementContext;
import dev.strata.compiler.lint.StatementLocks;
import dev.strata.compiler.lint.TableLock;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The DBA's lock report: for each revision of an upgrade plan, in script order, each statement
 * that locks a table, whose locks strata cannot know, or that runs outside a transaction; for
 * each, the tables, the PostgreSQL lock mode and what it blocks, and whether the table is rewritten
 * or scanned under it ({@link StatementLocks}). What {@code strata lint --locks} prints and the
 * "Locks" section of a PostgreSQL bundle's {@code APPLY.md}. Other dialects get one sentence: their
 * locks are not analysed.
 *
 * @param dialect the dialect of the script
 * @param revisions one entry per step of the plan, in order (empty for other dialects)
 */
public record LockReport(DialectId dialect, List<RevisionLocks> revisions) {
  /** Checks the components; copies the list. */
  public LockReport {
    Objects.requireNonNull(dialect, "dialect");
    revisions = List.copyOf(revisions);
  }

  /**
   * The locks of one revision.
   *
   * @param revision the revision's id
   * @param source the revision file's path, as given
   * @param statements the statements worth a DBA's attention, in order
   */
  public record RevisionLocks(String revision, String source, List<StatementLocksLine> statements) {
    /** Copies the list. */
    public RevisionLocks {
      statements = List.copyOf(statements);
    }
  }

  /**
   * One statement of the report.
   *
   * @param line the statement's line in its revision file
   * @param summary the statement's text on one line, shortened to 60 characters
   * @param locks its locks, one per table
   * @param existing for each lock, whether its table existed before the revision (a table the
   *     revision creates is in use by nobody)
   * @param unknown why its locks cannot be known, when they cannot
   * @param inTransaction whether it runs inside a transaction
   */
  public record StatementLocksLine(int line, String summary, List<TableLock> locks,
      List<Boolean> existing, Optional<String> unknown, boolean inTransaction) {
    /** Copies the lists; one existence flag per lock. */
    public StatementLocksLine {
      locks = List.copyOf(locks);
      existing = List.copyOf(existing);
      if (locks.size() != existing.size()) {
        throw new IllegalArgumentException("one existence flag per lock");
      }
      Objects.requireNonNull(unknown, "unknown");
    }
  }

  /**
   * The report on the steps of an upgrade {@code plan}, with the statement contexts lint sees
   * ({@link Linter}: the same replay, the same transaction view as {@code options}).
   *
   * @throws DiagnosticException E06xx when the schema replay fails on the way
   */
  public static LockReport of(RevisionGraph graph, Plan plan, DialectId dialect,
      Linter.Options options) throws DiagnosticException {
    if (dialect != DialectId.POSTGRESQL) {
      return new LockReport(dialect, List.of());
    }
    List<RevisionContext> contexts = new ArrayList<>();
    new Linter(List.of(), List.of(revision -> {
      contexts.add(revision);
      return List.of();
    })).lint(graph, plan, dialect, options);
    List<RevisionLocks> revisions = new ArrayList<>();
    for (RevisionContext revision : contexts) {
      List<StatementLocksLine> lines = new ArrayList<>();
      for (StatementContext statement : revision.upgrade()) {
        List<TableLock> locks = StatementLocks.of(statement);
        Optional<String> unknown = StatementLocks.unknown(statement);
        if (locks.isEmpty() && unknown.isEmpty() && statement.inTransaction()) {
          continue;
        }
        lines.add(new StatementLocksLine(statement.statement().span().line(),
            summary(statement.statement().text()), locks,
            locks.stream().map(l -> statement.existedBefore(l.table())).toList(), unknown,
            statement.inTransaction()));
      }
      revisions.add(new RevisionLocks(revision.revisionId(),
          revision.revision().source().path(), lines));
    }
    return new LockReport(dialect, revisions);
  }

  /** The report as {@code strata lint --locks} prints it (LF line ends, one final LF). */
  public String text() {
    return LockReportText.text(this);
  }

  /**
   * The "Locks" section of {@code APPLY.md}, Markdown, from its {@code ## Locks} title on; each
   * revision's file named by {@code where} (from the path it was read at), so that the section
   * does not depend on where the revisions were read from (a bundle names its copy in {@code
   * sources/}).
   */
  public String markdown(UnaryOperator<String> where) {
    return LockReportText.markdown(this, where);
  }

  private static String summary(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
