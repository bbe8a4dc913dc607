package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Step;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintConfig;
import dev.strata.compiler.lint.LintPolicy;
import dev.strata.compiler.lint.LintSeverity;
import dev.strata.compiler.lint.LintText;
import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.lint.Rule;
import dev.strata.dialects.Capability;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.TransactionMode;
import dev.strata.dialects.lint.LintRules;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.RevisionFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lint as the commands run it ({@code lint}, {@code check}, {@code upgrade}, {@code bundle}): every
 * rule of the dialect ({@link LintRules}) over the steps of an upgrade plan, then the silencing and
 * severities of {@code -- strata:allow} and {@code strata.toml} ({@link LintPolicy}).
 */
final class LintRun {
  private LintRun() {}

  /**
   * The findings on the upgrade {@code plan} for {@code dialect}, the models around its steps
   * from {@code walk} ({@link PlanTasks#lintWalk}: replayed for {@code dialect}, in one pass
   * with the schema checks for PostgreSQL), silenced and re-graded as {@code config} and the
   * revisions' allows say (silenced ones are kept, marked).
   *
   * @param mode the script's transaction mode (what {@code --transaction} gives, or the dialect's
   *     default)
   * @param lockTimeout the script's {@code --lock-timeout}, if any
   * @throws DiagnosticException E06xx when the schema replay fails (what {@code walk} throws),
   *     and the allows' own errors (an allow without a reason, an unknown rule)
   */
  static List<Finding> findings(Plan plan, Linter.Walk walk, Dialect dialect,
      TransactionMode mode, Optional<String> lockTimeout, LintConfig config)
      throws DiagnosticException {
    List<Finding> raw = LintRules.linter(dialect.dialectId())
        .lint(plan, dialect.dialectId(), options(dialect, mode, lockTimeout), walk);
    List<RevisionFile> revisions = plan.steps().stream().map(Step::revision).toList();
    return LintPolicy.apply(raw, revisions, Set.of(dialect.dialectId()), config);
  }

  /**
   * The upgrade {@code plan}'s findings as {@code upgrade} and {@code bundle} show them: on {@code
   * err}, never in the SQL, each as a warning whatever its severity (the script is still written;
   * {@code strata lint} and {@code strata check} are where findings fail a build). An unused
   * allow is not shown here: whether an allow is stale depends on the options a script is
   * rendered with ({@code --transaction none} turns statements-after-access-exclusive off), so
   * that is for {@code lint} and {@code check} to say.
   */
  static void warn(PrintWriter err, List<Finding> findings) {
    for (Finding finding : findings) {
      if (finding.allowed().isEmpty() && finding.rule() != Rule.UNUSED_ALLOW) {
        err.print(LintText.diagnostic(finding.withSeverity(LintSeverity.WARNING)).format());
      }
    }
    err.flush();
  }

  /** The linter's view of the script: its lock timeout and how it uses transactions. */
  static Linter.Options options(Dialect dialect, TransactionMode mode,
      Optional<String> lockTimeout) {
    boolean transactional = mode != TransactionMode.NONE
        && dialect.has(Capability.TRANSACTIONAL_DDL);
    return new Linter.Options(lockTimeout, mode == TransactionMode.REVISION, transactional);
  }
}
