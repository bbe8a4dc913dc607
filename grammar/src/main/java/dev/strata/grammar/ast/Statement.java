package dev.strata.grammar.ast;

import dev.strata.grammar.Span;

/**
 * One statement of a section (or one {@code -- +dialect} block).
 *
 * @param operation what it does
 * @param noTransaction the statement was preceded by {@code -- +no-transaction}
 * @param span where the statement starts
 * @param text the statement's source text, without the terminating {@code ;}
 */
public record Statement(Operation operation, boolean noTransaction, Span span, String text) {

  /**
   * Whether the statement must run outside a transaction: marked {@code -- +no-transaction}, or a
   * PostgreSQL {@code CREATE INDEX CONCURRENTLY} / {@code DROP INDEX CONCURRENTLY}, which
   * PostgreSQL refuses inside a transaction block.
   */
  public boolean outsideTransaction() {
    return noTransaction
        || switch (operation) {
          case Operation.CreateIndex index -> index.concurrently();
          case Operation.DropIndex index -> index.concurrently();
          case Operation.CreateTable ignored -> false;
          case Operation.CreatePartition ignored -> false;
          case Operation.CreateTableAs ignored -> false;
          case Operation.RenameIndex ignored -> false;
          case Operation.DropTable ignored -> false;
          case Operation.AlterTable ignored -> false;
          case Operation.CreateSchema ignored -> false;
          case Operation.DropSchema ignored -> false;
          case Operation.Insert ignored -> false;
          case Operation.Update ignored -> false;
          case Operation.Delete ignored -> false;
          case Operation.RawSql ignored -> false;
          case Operation.PostgresOnly.CreateExtension ignored -> false;
          case Operation.PostgresOnly.DropExtension ignored -> false;
        };
  }
}
