package dev.strata.compiler.lint;

import java.util.List;

/** A check that needs a whole revision: lock timeouts, statements after a lock, downgrades. */
@FunctionalInterface
public interface RevisionRule {
  /** The findings of this check on one revision, in source order; empty when it is fine. */
  List<Finding> check(RevisionContext context);
}
