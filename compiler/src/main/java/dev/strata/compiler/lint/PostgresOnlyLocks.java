package dev.strata.compiler.lint;

import static dev.strata.compiler.lint.LockLevel.ACCESS_EXCLUSIVE;
import static dev.strata.compiler.lint.LockLevel.ACCESS_SHARE;
import static dev.strata.compiler.lint.LockLevel.EXCLUSIVE;
import static dev.strata.compiler.lint.LockLevel.SHARE_ROW_EXCLUSIVE;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.ast.Operation.PostgresOnly;
import java.util.Optional;

/**
 * The locks of the statements that exist only in PostgreSQL (triggers, policies, materialized
 * views, {@code LOCK}, ...), from the manual's "Explicit Locking" chapter and each statement's
 * page (CREATE TRIGGER: SHARE ROW EXCLUSIVE; ALTER TABLE ... ENABLE/DISABLE TRIGGER: SHARE ROW
 * EXCLUSIVE; REFRESH MATERIALIZED VIEW: ACCESS EXCLUSIVE, with CONCURRENTLY EXCLUSIVE).
 */
final class PostgresOnlyLocks {
  private PostgresOnlyLocks() {}

  /** Adds the locks of {@code statement}; returns why they are unknown, if so. */
  static Optional<String> add(PostgresOnly statement, SchemaModel before, LockSet locks) {
    switch (statement) {
      case PostgresOnly.CreateExtension ignored -> { }
      case PostgresOnly.DropExtension ignored -> { }
      case PostgresOnly.CreateCompositeType ignored -> { }
      case PostgresOnly.CreateDomain ignored -> { }
      case PostgresOnly.DropDomain ignored -> { }
      case PostgresOnly.CreateRoutine ignored -> { }
      case PostgresOnly.DropRoutine ignored -> { }
      case PostgresOnly.AlterRoutine ignored -> { }
      case PostgresOnly.AlterOwner owner -> {
        if (owner.objectKind().equals("TABLE")) {
          String[] parts = owner.object().replace("\"", "").split("\\.");
          locks.add(parts.length == 2 ? new ObjectName(parts[0], parts[1])
              : new ObjectName(ObjectName.DEFAULT_SCHEMA, parts[0]), ACCESS_EXCLUSIVE);
        }
      }
      case PostgresOnly.CreateTrigger trigger ->
          locks.add(trigger.table(), SHARE_ROW_EXCLUSIVE);
      case PostgresOnly.DropTrigger trigger ->
          locks.add(trigger.table(), ACCESS_EXCLUSIVE);
      case PostgresOnly.RenameTrigger trigger ->
          locks.add(trigger.table(), ACCESS_EXCLUSIVE);
      case PostgresOnly.SwitchTrigger trigger ->
          locks.add(trigger.table(), SHARE_ROW_EXCLUSIVE);
      case PostgresOnly.Do ignored -> {
        return Optional.of("a DO block runs code that may lock any table");
      }
      case PostgresOnly.Call ignored -> {
        return Optional.of("CALL runs a procedure that may lock any table");
      }
      case PostgresOnly.RowSecurity security ->
          locks.add(security.table(), ACCESS_EXCLUSIVE);
      case PostgresOnly.CreatePolicy policy ->
          locks.add(policy.table(), ACCESS_EXCLUSIVE);
      case PostgresOnly.AlterPolicy policy ->
          locks.add(policy.table(), ACCESS_EXCLUSIVE);
      case PostgresOnly.DropPolicy policy ->
          locks.add(policy.table(), ACCESS_EXCLUSIVE);
      case PostgresOnly.Grant ignored -> { }
      case PostgresOnly.Revoke ignored -> { }
      case PostgresOnly.GrantRole ignored -> { }
      case PostgresOnly.RevokeRole ignored -> { }
      case PostgresOnly.AlterDefaultPrivileges ignored -> { }
      case PostgresOnly.CreateRole ignored -> { }
      case PostgresOnly.AlterRole ignored -> { }
      case PostgresOnly.DropRole ignored -> { }
      case PostgresOnly.CreateDatabase ignored -> { }
      case PostgresOnly.DropDatabase ignored -> { }
      case PostgresOnly.AlterSystem ignored -> { }
      case PostgresOnly.Vacuum ignored -> {
        return Optional.of("VACUUM takes SHARE UPDATE EXCLUSIVE (FULL: ACCESS EXCLUSIVE and a"
            + " rewrite) on the tables it names; strata does not analyse its arguments");
      }
      case PostgresOnly.Analyze ignored -> {
        return Optional.of("ANALYZE takes SHARE UPDATE EXCLUSIVE on the tables it names; strata"
            + " does not analyse its arguments");
      }
      case PostgresOnly.Reindex reindex -> {
        return Optional.of("REINDEX takes " + (reindex.concurrently() ? "SHARE UPDATE EXCLUSIVE"
            : "SHARE") + " on the tables whose indexes it rebuilds; strata does not analyse its"
            + " arguments");
      }
      case PostgresOnly.Lock lock -> {
        LockLevel level = StatementLocks.lockMode(lock.mode());
        lock.tables().forEach(t -> locks.add(t, level));
      }
      case PostgresOnly.Notify ignored -> { }
      case PostgresOnly.CreateMaterializedView view -> {
        locks.add(view.view(), ACCESS_EXCLUSIVE);
        view.definition().reads().forEach(t -> locks.add(t, ACCESS_SHARE));
      }
      case PostgresOnly.DropMaterializedView drop ->
          drop.views().forEach(v -> locks.add(v, ACCESS_EXCLUSIVE));
      case PostgresOnly.AlterMaterializedView alter ->
          locks.add(alter.view(), ACCESS_EXCLUSIVE);
      case PostgresOnly.RefreshMaterializedView refresh -> locks.add(refresh.view(),
          refresh.concurrently() ? EXCLUSIVE : ACCESS_EXCLUSIVE, !refresh.concurrently(), true);
      case PostgresOnly.SetSetting ignored -> { }
      case PostgresOnly.ResetSetting ignored -> { }
    }
    return Optional.empty();
  }
}
