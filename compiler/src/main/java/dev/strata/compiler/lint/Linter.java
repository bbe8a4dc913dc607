package dev.strata.compiler.lint;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lint engine: runs {@link StatementRule}s on every upgrade statement of a range of revisions,
 * each in its {@link StatementContext} (the schema model replayed for the dialect at the revision's
 * start, before and after the statement), and {@link RevisionRule}s on every revision of the range.
 *
 * <p>The models come from one replay along the plan ({@link Replay#alongPlan}), so linting is
 * linear in the number of revisions. Statements that do not run on the dialect (another dialect's
 * {@code -- +only} statement or {@code -- +dialect} block) are not linted. The findings are raw:
 * silencing ({@code -- strata:allow}, configuration) is applied by the caller.
 */
public final class Linter {
  /** The range lint takes when none is given: every revision, as {@code upgrade base:heads}. */
  public static final String ALL = "base:heads";

  private final List<StatementRule> statementRules;
  private final List<RevisionRule> revisionRules;

  /**
   * What lint needs to know of the script the revisions are rendered into.
   *
   * @param lockTimeout the {@code --lock-timeout} given or configured (e.g. {@code 5s}), if any
   * @param transactionPerRevision each revision runs in its own transaction ({@code --transaction
   *     revision}); else one transaction holds the whole script (or there is none)
   * @param transactional the script runs statements in transactions at all (false for {@code
   *     --transaction none}, and for dialects without transactional DDL)
   */
  public record Options(
      Optional<String> lockTimeout, boolean transactionPerRevision, boolean transactional) {
    /** No lock timeout, one transaction around the script: {@code upgrade}'s defaults. */
    public static final Options DEFAULT = new Options(Optional.empty(), false, true);

    /** Checks the components. */
    public Options {
      Objects.requireNonNull(lockTimeout, "lockTimeout");
    }

    /** Options of a transactional script. */
    public Options(Optional<String> lockTimeout, boolean transactionPerRevision) {
      this(lockTimeout, transactionPerRevision, true);
    }
  }

  /** A linter running these rules, in list order for each statement. */
  public Linter(List<StatementRule> statementRules, List<RevisionRule> revisionRules) {
    this.statementRules = List.copyOf(statementRules);
    this.revisionRules = List.copyOf(revisionRules);
  }

  /**
   * The findings on the revisions that {@code upgrade RANGE} would run, for {@code dialect}.
   *
   * @param range the range as {@code strata upgrade} takes it ({@code [FROM:]TO}); {@link #ALL}
   *     for every revision
   * @throws DiagnosticException E03xx when the range is malformed or names no revisions, E06xx
   *     when the schema replay fails on the way
   */
  public List<Finding> lint(RevisionGraph graph, String range, DialectId dialect, Options options)
      throws DiagnosticException {
    return lint(graph, Range.parse(Direction.UPGRADE, range), dialect, options);
  }

  /** {@link #lint(RevisionGraph, String, DialectId, Options)} of a parsed range. */
  public List<Finding> lint(RevisionGraph graph, Range range, DialectId dialect, Options options)
      throws DiagnosticException {
    Plan plan = new Planner(graph).plan(Direction.UPGRADE, range);
    return lint(graph, plan, dialect, options);
  }

  /**
   * The findings on the steps of an upgrade {@code plan} of {@code graph}, sorted by step, then
   * line and column.
   *
   * @throws IllegalArgumentException when a step of the plan is a downgrade
   * @throws DiagnosticException E06xx when the schema replay fails on the way
   */
  public List<Finding> lint(RevisionGraph graph, Plan plan, DialectId dialect, Options options)
      throws DiagnosticException {
    return lint(plan, dialect, options, Replay.of(graph, dialect)::alongPlan);
  }

  /**
   * Walks the models around the steps of a plan for {@link #lint(Plan, DialectId, Options,
   * Walk)}: hands {@code visitor} each step's models ({@link Replay.StepModels}), in any order.
   */
  @FunctionalInterface
  public interface Walk {
    /**
     * Calls {@code visitor} once for each step of the plan.
     *
     * @throws DiagnosticException E06xx when the schema replay fails on the way
     */
    void walk(Plan plan, Replay.StepModels visitor) throws DiagnosticException;
  }

  /**
   * As {@link #lint(RevisionGraph, Plan, DialectId, Options)}, with the models {@code walk}
   * hands over (replayed for {@code dialect}): {@code Replay::alongPlan}, or a pass that also
   * checks the graph ({@link Replay#diagnosticsAlongPlan}), which visits the steps in graph order.
   * The findings are sorted by step, then line and column, whatever the order of the visits.
   *
   * @throws IllegalArgumentException when a step of the plan is a downgrade
   * @throws DiagnosticException what {@code walk} throws
   */
  public List<Finding> lint(Plan plan, DialectId dialect, Options options, Walk walk)
      throws DiagnosticException {
    Objects.requireNonNull(options, "options");
    List<List<Finding>> byStep = new ArrayList<>();
    for (int i = 0; i < plan.steps().size(); i++) {
      byStep.add(List.of());
    }
    walk.walk(plan, (i, models) -> {
      Step step = plan.steps().get(i);
      if (step.direction() != Direction.UPGRADE) {
        throw new IllegalArgumentException("lint runs on upgrades, not on " + step.id() + "'s downgrade");
      }
      RevisionContext revision = contexts(step, models, dialect, options);
      List<Finding> found = new ArrayList<>();
      for (StatementContext context : revision.upgrade()) {
        for (StatementRule rule : statementRules) {
          found.addAll(rule.check(context));
        }
      }
      for (RevisionRule rule : revisionRules) {
        found.addAll(rule.check(revision));
      }
      found.sort(Comparator.comparingInt((Finding f) -> f.location().span().line())
          .thenComparingInt(f -> f.location().span().column()));
      byStep.set(i, found);
    });
    List<Finding> out = new ArrayList<>();
    byStep.forEach(out::addAll);
    return List.copyOf(out);
  }

  /** The context of every statement of {@code step} that runs on {@code dialect}. */
  private static RevisionContext contexts(
      Step step, List<SchemaModel> models, DialectId dialect, Options options) {
    List<Statement> statements = step.body().statements();
    List<StatementContext> contexts = new ArrayList<>();
    SchemaModel start = models.getFirst();
    for (int k = 0; k < statements.size(); k++) {
      Statement statement = statements.get(k);
      if (!statement.runsOn(dialect.id())) {
        continue;
      }
      boolean inTransaction = options.transactional() && !statement.outsideTransaction();
      contexts.add(new StatementContext(step.revision(), statement, true, dialect, start,
          models.get(k), models.get(k + 1), inTransaction));
    }
    return new RevisionContext(step.revision(), dialect, contexts, options.lockTimeout(),
        options.transactionPerRevision());
  }
}
