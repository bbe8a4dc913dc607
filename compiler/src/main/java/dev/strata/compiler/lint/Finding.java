package dev.strata.compiler.lint;

import dev.strata.grammar.DialectId;
import dev.strata.grammar.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing lint reports: a rule that matched a statement (or a revision) of a revision file.
 *
 * @param rule the rule
 * @param severity the severity in effect (the rule's default, or what configuration made it);
 *     never {@link LintSeverity#OFF}
 * @param revision the id of the revision the statement belongs to
 * @param dialect the dialect whose script the finding is about
 * @param location where to put the caret: the exact name or keyword in the revision file
 * @param message what is wrong here, naming the table/column/index (one line)
 * @param locks the PostgreSQL locks the statement takes (empty for other dialects, or when the
 *     finding is not about a lock)
 * @param alternative the safe alternative spelled out for this statement (SQL where possible),
 *     else the rule's general one, else empty
 * @param allowed the reason of the {@code -- strata:allow} (or configuration) that silenced this
 *     finding; silenced findings are still listed in reports, with their reason, but do not count
 */
public record Finding(
    Rule rule,
    LintSeverity severity,
    String revision,
    DialectId dialect,
    Location location,
    String message,
    List<TableLock> locks,
    Optional<String> alternative,
    Optional<String> allowed) {

  /** Checks the components; copies the list. */
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    if (severity == null || severity == LintSeverity.OFF) {
      throw new IllegalArgumentException("a finding is an error or a warning, not " + severity);
    }
    locks = List.copyOf(locks);
    Objects.requireNonNull(alternative, "alternative");
    Objects.requireNonNull(allowed, "allowed");
  }

  /** A finding at the rule's default severity, with the rule's general alternative, not silenced. */
  public static Finding of(Rule rule, String revision, DialectId dialect, Location location,
      String message, List<TableLock> locks) {
    return new Finding(rule, rule.defaultSeverity(), revision, dialect, location, message, locks,
        rule.alternative(), Optional.empty());
  }

  /** This finding with a specific alternative for its statement. */
  public Finding withAlternative(String sql) {
    return new Finding(rule, severity, revision, dialect, location, message, locks,
        Optional.of(sql), allowed);
  }

  /** This finding at another severity (from configuration). */
  public Finding withSeverity(LintSeverity newSeverity) {
    return new Finding(rule, newSeverity, revision, dialect, location, message, locks,
        alternative, allowed);
  }

  /** This finding, silenced for {@code reason}. */
  public Finding allowedBecause(String reason) {
    return new Finding(rule, severity, revision, dialect, location, message, locks,
        alternative, Optional.of(reason));
  }
}
