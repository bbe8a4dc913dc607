package dev.strata.compiler.lint;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Statement;
import java.util.Objects;

/**
 * What a rule sees of one statement: the statement, its revision, and the schema model around it
 * (replayed for {@code dialect}, see {@code Replay.alongPlan}).
 *
 * @param revision the revision file the statement is in
 * @param statement the statement (its operation, span and text)
 * @param upgrade whether the statement is in the upgrade section (else the downgrade)
 * @param dialect the dialect being linted
 * @param revisionStart the model before the revision's first statement: a table or column that is
 *     in it "existed before this revision" (so it may be big and in use); one that is not was created
 *     by this revision, which exempts it from the lock rules
 * @param before the model just before this statement
 * @param after the model just after this statement
 * @param inTransaction whether the statement runs inside a transaction in the script
 */
public record StatementContext(
    RevisionFile revision,
    Statement statement,
    boolean upgrade,
    DialectId dialect,
    SchemaModel revisionStart,
    SchemaModel before,
    SchemaModel after,
    boolean inTransaction) {

  /** Checks that nothing is missing. */
  public StatementContext {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(revisionStart, "revisionStart");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** The revision's id. */
  public String revisionId() {
    return revision.header().revision().text();
  }

  /** Whether {@code table} existed before this revision (so the lock rules apply to it). */
  public boolean existedBefore(ObjectName table) {
    return revisionStart.table(table).isPresent();
  }
}
