package dev.strata.compiler.lint;

import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.RevisionFile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a revision-wide rule sees: every statement of one section of a revision, in order, each with
 * its {@link StatementContext}, and the script options that matter to lint.
 *
 * @param revision the revision file
 * @param dialect the dialect being linted
 * @param upgrade the statements of the upgrade section, in order
 * @param lockTimeout the {@code --lock-timeout} the script is rendered with (e.g. {@code 5s}), when
 *     one is given or configured; a revision's own {@code SET lock_timeout} is a statement
 * @param transactionPerRevision whether each revision runs in its own transaction (else one
 *     transaction holds the whole script, or there is none)
 */
public record RevisionContext(
    RevisionFile revision,
    DialectId dialect,
    List<StatementContext> upgrade,
    Optional<String> lockTimeout,
    boolean transactionPerRevision) {

  /** Checks the components; copies the list. */
  public RevisionContext {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(dialect, "dialect");
    upgrade = List.copyOf(upgrade);
    Objects.requireNonNull(lockTimeout, "lockTimeout");
  }

  /** The revision's id. */
  public String revisionId() {
    return revision.header().revision().text();
  }
}
