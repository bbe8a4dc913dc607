package dev.strata.compiler.lint;

import static dev.strata.compiler.lint.LockLevel.ACCESS_EXCLUSIVE;
import static dev.strata.compiler.lint.LockLevel.ACCESS_SHARE;
import static dev.strata.compiler.lint.LockLevel.ROW_EXCLUSIVE;
import static dev.strata.compiler.lint.LockLevel.ROW_SHARE;
import static dev.strata.compiler.lint.LockLevel.SHARE;
import static dev.strata.compiler.lint.LockLevel.SHARE_ROW_EXCLUSIVE;
import static dev.strata.compiler.lint.LockLevel.SHARE_UPDATE_EXCLUSIVE;

import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.Location;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.PostgresOnly;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.TableConstraint;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The table-level locks PostgreSQL takes for one statement of strata's language, and whether the
 * statement rewrites or scans the table under them. Sources: the PostgreSQL manual's "Explicit
 * Locking" chapter (13.3.1, which statement takes which mode), its ALTER TABLE page (the mode of
 * each subform, and when a rewrite or a scan happens), CREATE INDEX and DROP INDEX; every claim is
 * checked against a real server by {@code StatementLocksPostgresTest} (dialects), which reads
 * {@code pg_locks} while the statement's transaction is open.
 *
 * <p>A statement holds, on each table, the strongest mode it took; the lists hold one {@link
 * TableLock} per table: the statement's own table first, then the others (referenced tables of a
 * foreign key, partitions, tables read). Tables the statement creates are listed too (PostgreSQL
 * holds ACCESS EXCLUSIVE on them until the commit, which blocks nobody): callers that care about
 * existing tables filter with {@link StatementContext#existedBefore}.
 */
public final class StatementLocks {
  private StatementLocks() {}

  /**
   * The locks of {@code context}'s statement on PostgreSQL, judged against the model before it;
   * empty for a statement that locks no table, and for one whose locks strata cannot know (see
   * {@link #unknown}).
   */
  public static List<TableLock> of(StatementContext context) {
    LockSet locks = new LockSet();
    add(context.statement().operation(), context.before(), locks);
    return locks.toList();
  }

  /**
   * Why strata cannot tell the locks of {@code context}'s statement, or empty when {@link #of} is
   * the whole story: a {@code -- +dialect postgresql} block (SQL strata does not analyse), a
   * {@code DO} block or a {@code CALL} (code that may lock anything), a {@code SELECT} calling
   * functions, {@code VACUUM}, {@code ANALYZE} and {@code REINDEX} (whose targets strata keeps as
   * text).
   */
  public static Optional<String> unknown(StatementContext context) {
    return add(context.statement().operation(), context.before(), new LockSet());
  }

  /**
   * Where to put the caret of a finding about the lock on {@code table}: its name as {@code
   * context}'s statement writes it (for {@code DROP INDEX}, the index's name), else the statement.
   */
  public static Location location(StatementContext context, ObjectName table) {
    LockSet locks = new LockSet();
    add(context.statement().operation(), context.before(), locks);
    return new Location(context.revision().source(),
        locks.span(table).orElse(context.statement().span()));
  }

  /** The strongest of {@code locks} (the first of equals), or empty. */
  public static Optional<TableLock> strongest(List<TableLock> locks) {
    return locks.stream().max(Comparator.comparing(TableLock::level));
  }

  /** Adds the locks of {@code operation} to {@code locks}; returns why they are unknown, if so. */
  private static Optional<String> add(Operation operation, SchemaModel before, LockSet locks) {
    switch (operation) {
      case Operation.CreateTable create -> {
        ObjectName table = locks.name(create.table());
        locks.add(table, ACCESS_EXCLUSIVE);
        references(create.columns(), create.constraints()).forEach(
            referenced -> locks.add(referenced, SHARE_ROW_EXCLUSIVE));
      }
      case Operation.CreatePartition create -> {
        locks.add(create.table(), ACCESS_EXCLUSIVE);
        locks.add(create.parent(), ACCESS_EXCLUSIVE);
        references(List.of(), create.constraints()).forEach(
            referenced -> locks.add(referenced, SHARE_ROW_EXCLUSIVE));
      }
      case Operation.CreateTableAs create -> locks.add(create.table(),
          ACCESS_EXCLUSIVE);
      case Operation.DropTable drop -> {
        for (QualifiedName name : drop.tables()) {
          dropTable(locks.name(name), drop.cascade(), before, locks);
        }
      }
      case Operation.AlterTable alter -> AlterTableLocks.add(alter, before, locks);
      case Operation.CreateIndex index -> locks.add(index.table(),
          index.concurrently() ? SHARE_UPDATE_EXCLUSIVE : SHARE, false, true);
      case Operation.DropIndex drop -> {
        for (QualifiedName name : drop.indexes()) {
          indexTable(ObjectName.of(name), before).ifPresent(table -> {
            locks.place(table, name);
            locks.add(table, drop.concurrently() ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE);
          });
        }
      }
      case Operation.RenameIndex rename ->
          locks.add(rename.index(), SHARE_UPDATE_EXCLUSIVE);
      case Operation.CreateSchema ignored -> { }
      case Operation.DropSchema drop -> {
        if (drop.cascade()) {
          String schema = ObjectName.fold(drop.schema());
          before.tables().keySet().stream().filter(t -> t.schema().equals(schema))
              .forEach(t -> locks.add(t, ACCESS_EXCLUSIVE));
        }
      }
      case Operation.Insert insert -> {
        ObjectName table = locks.name(insert.table());
        locks.add(table, ROW_EXCLUSIVE);
        // each new row's foreign keys are checked with SELECT ... FOR KEY SHARE
        foreignKeys(before, table).forEach(fk -> locks.add(fk.references(), ROW_SHARE));
      }
      case Operation.Update update -> {
        ObjectName table = locks.name(update.table());
        locks.add(table, ROW_EXCLUSIVE);
        update.from().ifPresent(from -> from.tables().forEach(
            t -> locks.add(t, ACCESS_SHARE)));
        // a changed foreign key is checked against its referenced table (SELECT ... FOR KEY
        // SHARE); a changed referenced key against the referencing tables
        Set<String> assigned = assignedColumns(update.assignments());
        foreignKeys(before, table)
            .filter(fk -> fk.columns().stream().anyMatch(assigned::contains))
            .forEach(fk -> locks.add(fk.references(), ROW_SHARE));
        referencing(before, table)
            .filter(r -> r.key().referencedColumns().stream().anyMatch(assigned::contains))
            .forEach(r -> locks.add(r.table(), checksOnly(r.key().onUpdate()) ? ROW_SHARE
                : ROW_EXCLUSIVE));
      }
      case Operation.Delete delete -> {
        ObjectName table = locks.name(delete.table());
        locks.add(table, ROW_EXCLUSIVE);
        delete.using().ifPresent(using -> using.tables().forEach(
            t -> locks.add(t, ACCESS_SHARE)));
        // the referencing rows are checked (NO ACTION, RESTRICT) or changed (the others)
        referencing(before, table).forEach(fk -> locks.add(fk.table(),
            checksOnly(fk.key().onDelete()) ? ROW_SHARE : ROW_EXCLUSIVE));
      }
      case Operation.Select select -> {
        if (!select.calledFunctions().isEmpty()) {
          return Optional.of("SELECT calls functions, which may lock any table");
        }
      }
      case Operation.Truncate truncate -> {
        for (Operation.TruncateTarget target : truncate.tables()) {
          ObjectName table = locks.name(target.table());
          locks.add(table, ACCESS_EXCLUSIVE);
          if (truncate.cascade()) {
            referencing(before, table).forEach(fk -> locks.add(fk.table(), ACCESS_EXCLUSIVE));
          }
        }
      }
      case Operation.CreateEnumType ignored -> { }
      case Operation.AddEnumValue ignored -> { }
      case Operation.RenameEnumValue ignored -> { }
      case Operation.RenameType ignored -> { }
      case Operation.DropType drop -> {
        if (drop.cascade()) {
          Set<ObjectName> types = drop.types().stream().map(ObjectName::of)
              .collect(Collectors.toSet());
          before.tables().values().stream()
              .filter(t -> t.columns().stream().anyMatch(c -> c.type().named()
                  .map(n -> types.contains(ObjectName.of(n.name()))).orElse(false)))
              .forEach(t -> locks.add(t.name(), ACCESS_EXCLUSIVE));
        }
      }
      case Operation.CreateSequence ignored -> { }
      case Operation.AlterSequence alter ->
          locks.add(alter.sequence(), SHARE_ROW_EXCLUSIVE);
      case Operation.RenameSequence rename ->
          locks.add(rename.sequence(), ACCESS_EXCLUSIVE);
      case Operation.DropSequence drop ->
          drop.sequences().forEach(s -> locks.add(s, ACCESS_EXCLUSIVE));
      case Operation.CommentOn comment -> comment(comment, locks);
      case Operation.RawSql raw -> {
        return Optional.of("a -- +dialect " + raw.dialect() + " block: strata does not analyse"
            + " its SQL");
      }
      case Operation.CreateView view -> {
        if (view.orReplace() && before.views().containsKey(ObjectName.of(view.view()))) {
          locks.add(view.view(), ACCESS_EXCLUSIVE);
        }
        view.definition().reads().forEach(t -> locks.add(t, ACCESS_SHARE));
      }
      case Operation.DropView drop ->
          drop.views().forEach(v -> locks.add(v, ACCESS_EXCLUSIVE));
      case Operation.AlterView alter -> locks.add(alter.view(), ACCESS_EXCLUSIVE);
      case PostgresOnly only -> {
        return PostgresOnlyLocks.add(only, before, locks);
      }
    }
    return Optional.empty();
  }

  private static void dropTable(ObjectName table, boolean cascade, SchemaModel before,
      LockSet locks) {
    locks.add(table, ACCESS_EXCLUSIVE);
    // its foreign keys' triggers on the referenced tables are dropped with it
    foreignKeys(before, table).forEach(fk -> locks.add(fk.references(), ACCESS_EXCLUSIVE));
    if (cascade) {
      referencing(before, table).forEach(fk -> locks.add(fk.table(), ACCESS_EXCLUSIVE));
    }
  }

  private static void comment(Operation.CommentOn comment, LockSet locks) {
    switch (comment.kind()) {
      case TABLE, COLUMN, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE ->
          locks.add(comment.object(), SHARE_UPDATE_EXCLUSIVE);
      // the object is found through its table, read under ACCESS SHARE (pg_locks shows it)
      case TRIGGER, CONSTRAINT, POLICY -> comment.table().ifPresent(
          t -> locks.add(t, ACCESS_SHARE));
      case TYPE, DOMAIN, SCHEMA, EXTENSION, FUNCTION, PROCEDURE -> { }
    }
  }

  /** The table of index {@code index} in {@code model} (a {@code CREATE INDEX}'s or a key's). */
  static Optional<ObjectName> indexTable(ObjectName index, SchemaModel model) {
    return Optional.ofNullable(model.indexes().get(index)).map(i -> i.table())
        .or(() -> model.constraintIndex(index).map(Table::name));
  }

  /** The foreign keys of {@code table} in {@code model}. */
  static Stream<Constraint.ForeignKey> foreignKeys(SchemaModel model, ObjectName table) {
    return model.table(table).stream().flatMap(t -> t.constraints().stream())
        .filter(Constraint.ForeignKey.class::isInstance)
        .map(Constraint.ForeignKey.class::cast);
  }

  /** A foreign key of another table that references a given one. */
  record Referencing(ObjectName table, Constraint.ForeignKey key) {}

  /**
   * The foreign keys of other tables that reference {@code table}, the tables in creation order:
   * a map access on a replay's model ({@link SchemaModel#referencing}), so that each UPDATE and
   * DELETE of a chain does not read every table of the schema.
   */
  static Stream<Referencing> referencing(SchemaModel model, ObjectName table) {
    return model.referencing(table).stream()
        .filter(t -> !t.name().equals(table))
        .flatMap(t -> t.constraints().stream()
            .filter(Constraint.ForeignKey.class::isInstance)
            .map(Constraint.ForeignKey.class::cast)
            .filter(fk -> fk.references().equals(table))
            .map(fk -> new Referencing(t.name(), fk)));
  }

  private static Set<String> assignedColumns(List<Operation.Assignment> assignments) {
    return assignments.stream().flatMap(a -> a.columns().stream())
        .map(ObjectName::fold).collect(Collectors.toSet());
  }

  private static boolean checksOnly(Optional<ReferentialAction> action) {
    return action.map(a -> a == ReferentialAction.NO_ACTION || a == ReferentialAction.RESTRICT)
        .orElse(true);
  }

  /** The tables referenced by the foreign keys of a new table's columns and constraints. */
  private static Stream<ObjectName> references(List<ColumnDef> columns,
      List<TableConstraint> constraints) {
    Stream<ObjectName> fromColumns = columns.stream().flatMap(c -> c.constraints().stream())
        .filter(ColumnConstraint.References.class::isInstance)
        .map(c -> ObjectName.of(((ColumnConstraint.References) c).table()));
    Stream<ObjectName> fromConstraints = constraints.stream()
        .filter(TableConstraint.ForeignKey.class::isInstance)
        .map(c -> ObjectName.of(((TableConstraint.ForeignKey) c).table()));
    return Stream.concat(fromColumns, fromConstraints);
  }

  /** {@code LOCK}'s mode as written ({@code SHARE ROW EXCLUSIVE}), ACCESS EXCLUSIVE by default. */
  static LockLevel lockMode(String mode) {
    String words = mode.trim().toUpperCase(Locale.ROOT).replaceAll("^IN\\s+|\\s+MODE$", "")
        .replaceAll("\\s+", "_");
    return words.isEmpty() ? ACCESS_EXCLUSIVE : LockLevel.valueOf(words);
  }
}
