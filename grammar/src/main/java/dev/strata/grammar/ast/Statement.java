package dev.strata.grammar.ast;

import java.util.List;

import dev.strata.grammar.Span;

/**
 * One statement of a section (or one {@code -- +dialect} block).
 *
 * @param operation what it does
 * @param noTransaction the statement was preceded by {@code -- +no-transaction}
 * @param span where the statement starts
 * @param text the statement's source text, without the terminating {@code ;}
 * @param dialects the dialect ids of a {@code -- +only} line before the statement, sorted and
 *     distinct: it runs (and changes the schema model) on those dialects alone; empty for a
 *     statement of every dialect
 */
public record Statement(
    Operation operation, boolean noTransaction, Span span, String text, List<String> dialects) {

  public Statement {
    dialects = List.copyOf(new java.util.TreeSet<>(dialects));
    if (!dialects.isEmpty() && operation instanceof Operation.RawSql) {
      throw new IllegalArgumentException("a -- +dialect block has its own dialect");
    }
  }

  /** A statement of every dialect. */
  public Statement(Operation operation, boolean noTransaction, Span span, String text) {
    this(operation, noTransaction, span, text, List.of());
  }

  /**
   * Whether the statement runs on the dialect {@code dialectId}: a {@code -- +dialect} block on its
   * own dialect, a {@code -- +only} statement on the dialects it names, any other on every one.
   */
  public boolean runsOn(String dialectId) {
    if (operation instanceof Operation.RawSql raw) {
      return raw.dialect().equals(dialectId);
    }
    return dialects.isEmpty() || dialects.contains(dialectId);
  }

  /**
   * Whether the statement must run outside a transaction: marked {@code -- +no-transaction}, or
   * one that PostgreSQL refuses inside a transaction block ({@code PreventInTransactionBlock} in its
   * sources): {@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, {@code VACUUM},
   * {@code CREATE DATABASE}, {@code DROP DATABASE}, {@code ALTER SYSTEM}, {@code REINDEX ...
   * CONCURRENTLY} and {@code REINDEX SCHEMA|DATABASE|SYSTEM}, and a {@code DO} block that runs
   * {@code COMMIT} or {@code ROLLBACK} (transaction control is refused inside one); or a {@code
   * REFRESH MATERIALIZED VIEW CONCURRENTLY}, which PostgreSQL accepts in one but which there would
   * hold its lock (and keep writers of the view waiting) until the end of the script's transaction.
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
          case Operation.Select ignored -> false;
          case Operation.Truncate ignored -> false;
          case Operation.RawSql ignored -> false;
          case Operation.PostgresOnly.CreateExtension ignored -> false;
          case Operation.PostgresOnly.DropExtension ignored -> false;
          case Operation.CreateEnumType ignored -> false;
          // PostgreSQL 12+ runs ADD VALUE in a transaction; the value is unusable until it
          // commits, which the script handles by committing after it (docs/scripts.md)
          case Operation.AddEnumValue ignored -> false;
          case Operation.RenameEnumValue ignored -> false;
          case Operation.RenameType ignored -> false;
          case Operation.DropType ignored -> false;
          case Operation.CreateSequence ignored -> false;
          case Operation.AlterSequence ignored -> false;
          case Operation.RenameSequence ignored -> false;
          case Operation.DropSequence ignored -> false;
          case Operation.CommentOn ignored -> false;
          case Operation.PostgresOnly.CreateCompositeType ignored -> false;
          case Operation.PostgresOnly.CreateDomain ignored -> false;
          case Operation.PostgresOnly.DropDomain ignored -> false;
          case Operation.PostgresOnly.CreateRoutine ignored -> false;
          case Operation.PostgresOnly.DropRoutine ignored -> false;
          case Operation.PostgresOnly.AlterRoutine ignored -> false;
          case Operation.PostgresOnly.AlterOwner ignored -> false;
          case Operation.PostgresOnly.CreateTrigger ignored -> false;
          case Operation.PostgresOnly.DropTrigger ignored -> false;
          case Operation.PostgresOnly.RenameTrigger ignored -> false;
          case Operation.PostgresOnly.SwitchTrigger ignored -> false;
          case Operation.PostgresOnly.Do block -> block.transactionControl();
          case Operation.PostgresOnly.Call ignored -> false;
          case Operation.PostgresOnly.RowSecurity ignored -> false;
          case Operation.PostgresOnly.CreatePolicy ignored -> false;
          case Operation.PostgresOnly.AlterPolicy ignored -> false;
          case Operation.PostgresOnly.DropPolicy ignored -> false;
          case Operation.PostgresOnly.Grant ignored -> false;
          case Operation.PostgresOnly.Revoke ignored -> false;
          case Operation.PostgresOnly.GrantRole ignored -> false;
          case Operation.PostgresOnly.RevokeRole ignored -> false;
          case Operation.PostgresOnly.AlterDefaultPrivileges ignored -> false;
          case Operation.PostgresOnly.CreateRole ignored -> false;
          case Operation.PostgresOnly.AlterRole ignored -> false;
          case Operation.PostgresOnly.DropRole ignored -> false;
          case Operation.PostgresOnly.CreateDatabase ignored -> true;
          case Operation.PostgresOnly.DropDatabase ignored -> true;
          case Operation.PostgresOnly.AlterSystem ignored -> true;
          case Operation.PostgresOnly.Vacuum ignored -> true;
          case Operation.PostgresOnly.Analyze ignored -> false;
          case Operation.PostgresOnly.Reindex reindex -> reindex.outsideTransaction();
          case Operation.PostgresOnly.Lock ignored -> false;
          case Operation.PostgresOnly.Notify ignored -> false;
          case Operation.CreateView ignored -> false;
          case Operation.DropView ignored -> false;
          case Operation.AlterView ignored -> false;
          case Operation.PostgresOnly.CreateMaterializedView ignored -> false;
          case Operation.PostgresOnly.DropMaterializedView ignored -> false;
          case Operation.PostgresOnly.AlterMaterializedView ignored -> false;
          case Operation.PostgresOnly.RefreshMaterializedView refresh -> refresh.concurrently();
          case Operation.PostgresOnly.SetSetting ignored -> false;
          case Operation.PostgresOnly.ResetSetting ignored -> false;
        };
  }
}
