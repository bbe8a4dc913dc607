package dev.strata.compiler.lint;

import dev.strata.grammar.Location;
import dev.strata.grammar.ast.RevisionFile;
import java.util.Objects;

/**
 * One {@code -- strata:allow RULE reason} comment line of a revision file.
 *
 * @param rule the rule it silences
 * @param reason why, as written after the rule id (trimmed, never blank): reports show it
 * @param at the rule id in the comment line (where a stale allow is reported)
 * @param revision the revision file the line is in
 * @param scope what it silences
 */
public record Allow(Rule rule, String reason, Location at, RevisionFile revision, Scope scope) {
  /** Checks the components. */
  public Allow {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(scope, "scope");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an allow needs a reason");
    }
  }

  /** What an allow line silences, by where it is written. */
  public sealed interface Scope {}

  /** In the header (before {@code -- +upgrade}): the rule in every statement of the revision. */
  public record WholeRevision() implements Scope {}

  /**
   * Directly above a statement (only comment lines between), or inside its text: the rule in that
   * statement, whose lines are {@code firstLine..lastLine} (1-based, inclusive); {@code downgrade}
   * when the statement is in the {@code -- +downgrade} section (which lint does not check: an allow
   * there silences nothing).
   */
  public record OneStatement(int firstLine, int lastLine, boolean downgrade) implements Scope {
    /** Checks the range. */
    public OneStatement {
      if (firstLine < 1 || lastLine < firstLine) {
        throw new IllegalArgumentException("bad statement lines " + firstLine + ".." + lastLine);
      }
    }
  }

  /** Anywhere else (after the last statement, or separated from the next one by a blank line). */
  public record Detached() implements Scope {}
}
