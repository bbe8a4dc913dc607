package dev.strata.compiler.lint;

import java.util.List;

/**
 * A check of one statement in its context: returns what it finds (usually nothing). Implementations
 * must not depend on other statements than the context's (revision-wide checks are {@link
 * RevisionRule}s).
 */
@FunctionalInterface
public interface StatementRule {
  /** The findings of this check on one statement, in source order; empty when it is fine. */
  List<Finding> check(StatementContext context);
}
