package dev.strata.compiler.lint;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Location;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Silencing, as a pure function over the engine's findings: applies the project's {@code [lint]}
 * configuration and the {@code -- strata:allow RULE reason} lines of the revision files, and
 * reports every allow that silenced nothing as {@link Rule#UNUSED_ALLOW}.
 *
 * <p>Levels, narrowest first: an allow line directly above a statement (or inside it) silences the
 * rule for that statement; one in the revision's header (before {@code -- +upgrade}) silences it
 * for the whole revision; {@code strata.toml} turns a rule off or changes its severity for the
 * project. A silenced finding stays in the result with {@link Finding#allowed()} set to the
 * allow's reason (reports list it; it does not count towards the exit code).
 */
public final class LintPolicy {
  private LintPolicy() {}

  /**
   * The findings as the project's policy makes them.
   *
   * @param findings every finding of every dialect linted, as the rules produced them (default
   *     severities); a statement allow is used when a finding of any dialect matched it
   * @param revisions the revision files linted: their allow lines are read from their source
   * @param dialects the dialects linted: an allow of a rule that speaks about none of them is not
   *     reported as unused
   * @param config the {@code [lint]} settings
   * @return the findings of rules not configured {@code off}, at their configured severity,
   *     {@code allowed} where an allow matched (the statement's reason before the revision's),
   *     then one {@link Rule#UNUSED_ALLOW} finding per allow that matched nothing; sorted by file,
   *     line, column, then rule
   * @throws DiagnosticException E0685 for an allow without a reason, E0686 for an unknown rule id
   *     (with a "did you mean"); every bad allow line of every file at once
   */
  public static List<Finding> apply(List<Finding> findings, List<RevisionFile> revisions,
      Set<DialectId> dialects, LintConfig config) throws DiagnosticException {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, List<Allow>> allowsByRevision = new HashMap<>();
    List<Allow> all = new ArrayList<>();
    for (RevisionFile revision : revisions) {
      List<Allow> allows = AllowReader.read(revision, problems);
      allowsByRevision.computeIfAbsent(revision.id(), k -> new ArrayList<>()).addAll(allows);
      all.addAll(allows);
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    Map<Allow, Boolean> used = new IdentityHashMap<>();
    List<Finding> result = new ArrayList<>();
    for (Finding finding : findings) {
      LintSeverity severity = config.severityOf(finding.rule());
      if (severity == LintSeverity.OFF) {
        continue;
      }
      Finding shown = finding.severity() == severity ? finding : finding.withSeverity(severity);
      Optional<String> reason = Optional.empty();
      for (Allow allow : allowsByRevision.getOrDefault(finding.revision(), List.of())) {
        if (allow.rule() != finding.rule() || !matches(allow, finding)) {
          continue;
        }
        used.put(allow, true);
        boolean statementLevel = allow.scope() instanceof Allow.OneStatement;
        if (reason.isEmpty() || statementLevel) {
          reason = Optional.of(allow.reason());
        }
      }
      result.add(reason.isPresent() && finding.allowed().isEmpty()
          ? shown.allowedBecause(reason.get()) : shown);
    }
    LintSeverity unusedSeverity = config.severityOf(Rule.UNUSED_ALLOW);
    if (unusedSeverity != LintSeverity.OFF) {
      for (Allow allow : all) {
        Optional<DialectId> dialect = dialects.stream().sorted()
            .filter(d -> allow.rule().dialects().contains(d)).findFirst();
        if (used.containsKey(allow) || dialect.isEmpty()
            || config.severityOf(allow.rule()) == LintSeverity.OFF
            || aboveAStatementOfOtherDialects(allow, dialects)) {
          continue;
        }
        Finding stale = Finding.of(Rule.UNUSED_ALLOW, allow.revision().id(), dialect.get(),
            allow.at(), unusedMessage(allow), List.of());
        result.add(stale.severity() == unusedSeverity ? stale : stale.withSeverity(unusedSeverity));
      }
    }
    result.sort(ORDER);
    return List.copyOf(result);
  }

  /**
   * Whether {@code allow} stands above an upgrade statement that none of {@code dialects} runs (its
   * {@code -- +only} names other dialects): that statement was not linted, so the allow is not
   * stale.
   */
  private static boolean aboveAStatementOfOtherDialects(Allow allow, Set<DialectId> dialects) {
    if (!(allow.scope() instanceof Allow.OneStatement one) || one.downgrade()) {
      return false;
    }
    return allow.revision().upgrade().statements().stream()
        .filter(st -> st.span().line() >= one.firstLine() && st.span().line() <= one.lastLine())
        .anyMatch(st -> dialects.stream().noneMatch(d -> st.runsOn(d.id())));
  }

  /** File, line, column, rule, then dialect: the order every output lists findings in. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.location().source().path())
      .thenComparingInt(f -> f.location().span().line())
      .thenComparingInt(f -> f.location().span().column())
      .thenComparing(Finding::rule)
      .thenComparing(Finding::dialect);

  /** Whether {@code allow} (of the finding's rule and revision) covers where the finding is. */
  private static boolean matches(Allow allow, Finding finding) {
    Location at = finding.location();
    return switch (allow.scope()) {
      case Allow.WholeRevision ignored -> true;
      case Allow.OneStatement statement ->
          at.source().path().equals(allow.at().source().path())
              && statement.firstLine() <= at.span().line()
              && at.span().line() <= statement.lastLine();
      case Allow.Detached ignored -> false;
    };
  }

  private static String unusedMessage(Allow allow) {
    String line = "'-- strata:allow " + allow.rule().id() + "'";
    return switch (allow.scope()) {
      case Allow.WholeRevision ignored ->
          line + " silences nothing: no statement of this revision breaks the rule";
      case Allow.OneStatement statement -> statement.downgrade()
          ? line + " silences nothing: lint checks the upgrade section, not the downgrade"
          : line + " silences nothing: the statement below it does not break the rule";
      case Allow.Detached ignored ->
          line + " silences nothing: it is not directly above a statement nor in the header";
    };
  }
}
