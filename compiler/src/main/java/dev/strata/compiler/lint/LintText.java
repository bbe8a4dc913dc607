package dev.strata.compiler.lint;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Findings as strata prints diagnostics: {@code path:line:col: warning[rule-id]: message}, the
 * source line with a caret under the exact name, then {@code = lock: ...} per lock and {@code =
 * help: ...} with the alternative (continuation lines aligned under it).
 */
public final class LintText {
  /** Where the continuation lines of a multi-line note start: under the text after {@code = help: }. */
  private static final String CONTINUATION = "\n" + " ".repeat("  = help: ".length());

  private LintText() {}

  /** A finding as a {@link Diagnostic}: the rule id is its code. */
  public static Diagnostic diagnostic(Finding finding) {
    List<String> notes = new ArrayList<>();
    for (TableLock lock : finding.locks()) {
      notes.add("lock: " + lock(lock));
    }
    finding.alternative().ifPresent(a -> notes.add("help: " + a.replace("\n", CONTINUATION)));
    finding.allowed().ifPresent(reason -> notes.add("note: allowed: " + reason));
    Severity severity = switch (finding.severity()) {
      case ERROR -> Severity.ERROR;
      case WARNING, OFF -> Severity.WARNING;
    };
    return new Diagnostic(severity, finding.rule().id(), finding.message(),
        Optional.of(finding.location()), notes);
  }

  /**
   * {@code SHARE on payments (blocks writes (INSERT, UPDATE, DELETE), not reads)}, then {@code ;
   * rewrites the table} or {@code ; scans the table} when it does.
   */
  public static String lock(TableLock lock) {
    String text = lock.level().sql() + " on " + lock.table().display() + " ("
        + lock.level().blocks() + ")";
    if (lock.rewrite()) {
      text += "; rewrites the table";
    } else if (lock.scan()) {
      text += "; scans the table";
    }
    return text;
  }

  /**
   * The findings that count (not silenced), formatted one after the other; then one line per
   * silenced finding with the reason it was allowed, {@code path:line:col: allowed[rule-id]:
   * REASON}, so that a report shows every exception that was made and why.
   */
  public static String format(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (Finding finding : findings) {
      if (finding.allowed().isEmpty()) {
        out.append(diagnostic(finding).format());
      }
    }
    for (Finding finding : findings) {
      finding.allowed().ifPresent(reason -> out.append(finding.location().describe())
          .append(": allowed[").append(finding.rule().id()).append("]: ").append(reason)
          .append('\n'));
    }
    return out.toString();
  }

  /**
   * {@code lint: 12 revisions, 0 errors, 2 warnings (1 allowed)}: the counts of the findings that
   * count, and of those silenced.
   */
  public static String summary(int revisions, List<Finding> findings) {
    long errors = count(findings, LintSeverity.ERROR);
    long warnings = count(findings, LintSeverity.WARNING);
    long allowed = findings.stream().filter(f -> f.allowed().isPresent()).count();
    return "lint: " + plural(revisions, "revision") + ", " + plural(errors, "error") + ", "
        + plural(warnings, "warning") + (allowed > 0 ? " (" + allowed + " allowed)" : "");
  }

  /** How many findings of {@code severity} are not silenced. */
  public static long count(List<Finding> findings, LintSeverity severity) {
    return findings.stream()
        .filter(f -> f.allowed().isEmpty() && f.severity() == severity).count();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
