package dev.strata.compiler.schema;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.CommentKind;
import dev.strata.grammar.ast.Operation.PostgresOnly;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The downgrade of a revision without a {@code -- +downgrade} section, derived from the schema
 * model: for each upgrade statement, last first, the operations that undo it, computed from the
 * model just before that statement ran ({@link Replay#during}). The result is an ordinary
 * downgrade {@link Section}, rendered by the dialects as a written one; each derived statement's
 * span is the upgrade statement it undoes. A derived statement that drops data (a column or table
 * the upgrade created) carries, as its {@link Statement#text()}, the {@code --} comment lines the
 * script prints before it ({@link #NOTE}); a PostgreSQL-only statement carries its SQL there, as
 * the parser gives it.
 *
 * <p>What inverts and what refuses is the table of {@code docs/schema-model.md} ("Derived
 * downgrades"). Refusals are E0630 (a statement whose inverse the model cannot know: data
 * statements, {@code -- +dialect} blocks, {@code DO}, and the rest of the table), E0631 (enum
 * {@code ADD VALUE}), E0632 (a type change with {@code USING}) and E0633 (a drop whose inverse
 * cannot bring the object back as it was), each at the upgrade statement.
 */
public final class DerivedDowngrade {
  /** The prefix of a derived statement's text that is a note for the script, not SQL. */
  public static final String NOTE = "-- ";

  private final RevisionFile file;
  private final List<Diagnostic> problems = new ArrayList<>();
  private Statement statement;
  private SchemaModel before;
  private SchemaModel after;
  private final List<Statement> out = new ArrayList<>();

  private DerivedDowngrade(RevisionFile file) {
    this.file = file;
  }

  /**
   * The derived downgrade of {@code file}, which has no downgrade section, from {@code models}
   * ({@link Replay#during}: the model before it and after each of its upgrade statements). Session
   * settings of the upgrade ({@code SET lock_timeout ...}) come first, in order, so that the
   * downgrade runs under them too.
   *
   * @throws DiagnosticException E0630–E0633 for each upgrade statement that cannot be inverted
   */
  public static Section derive(RevisionFile file, List<SchemaModel> models)
      throws DiagnosticException {
    List<Statement> upgrade = file.upgrade().statements();
    if (models.size() != upgrade.size() + 1) {
      throw new IllegalArgumentException("expected a model before and after each statement");
    }
    DerivedDowngrade d = new DerivedDowngrade(file);
    for (Statement s : upgrade) {
      if (s.operation() instanceof PostgresOnly.SetSetting
          || s.operation() instanceof PostgresOnly.ResetSetting) {
        d.out.add(s);
      }
    }
    for (int i = upgrade.size() - 1; i >= 0; i--) {
      d.statement = upgrade.get(i);
      d.before = models.get(i);
      d.after = models.get(i + 1);
      d.invert(d.statement.operation());
    }
    if (!d.problems.isEmpty()) {
      throw new DiagnosticException(d.problems);
    }
    return new Section(Direction.DOWNGRADE, d.out, file.upgrade().span());
  }

  /** Whether {@code body} is the derived downgrade of {@code file} (it has no written one). */
  public static boolean derived(RevisionFile file) {
    return file.downgrade().isEmpty();
  }

  // ---- the table

  private void invert(Operation op) {
    switch (op) {
      case Operation.CreateTable create -> dropTable(create.table(), create.ifNotExists());
      case Operation.CreatePartition create -> dropTable(create.table(), create.ifNotExists());
      case Operation.CreateTableAs create -> dropTable(create.table(), create.ifNotExists());
      case Operation.DropTable drop -> {
        if (drop.cascade()) {
          lost("DROP TABLE ... CASCADE", "it may drop objects of other tables with it");
          return;
        }
        for (QualifiedName name : drop.tables().reversed()) {
          Optional<Table> table = before.table(ObjectName.of(name));
          if (table.isEmpty()) {
            continue; // IF EXISTS of a missing table: nothing was dropped
          }
          recreateTable(table.get());
        }
      }
      case Operation.AlterTable alter -> {
        for (AlterAction action : alter.actions().reversed()) {
          alterAction(alter, action);
        }
      }
      case Operation.CreateIndex create -> {
        for (Index index : added(before.indexes(), after.indexes())) {
          emit(new Operation.DropIndex(ModelOperations.name(index.name()), create.concurrently(),
              false, false));
        }
      }
      case Operation.DropIndex drop -> {
        if (drop.cascade()) {
          lost("DROP INDEX ... CASCADE", "it may drop constraints that depend on the index");
          return;
        }
        for (QualifiedName name : drop.indexes().reversed()) {
          Index index = before.indexes().get(ObjectName.of(name));
          if (index != null) {
            Operation.CreateIndex create = ModelOperations.index(index);
            emit(new Operation.CreateIndex(create.name(), create.table(), create.only(),
                create.unique(), drop.concurrently(), false, create.method(), create.elements(),
                create.include(), create.nullsNotDistinct(), create.options(), create.where()));
            index.comment().ifPresent(text ->
                emit(ModelOperations.comment(CommentKind.INDEX, index.name(), text)));
          }
        }
      }
      case Operation.RenameIndex rename -> {
        ObjectName old = ObjectName.of(rename.index());
        ObjectName now = ObjectName.in(old, rename.newName());
        emit(new Operation.RenameIndex(ModelOperations.name(now), false,
            ModelOperations.identifier(old.name())));
      }
      case Operation.CreateSchema create -> {
        if (!before.schemas().containsKey(ObjectName.fold(create.schema()))) {
          emit(new Operation.DropSchema(create.schema(), false, false));
        }
      }
      case Operation.DropSchema drop -> {
        if (drop.cascade()) {
          lost("DROP SCHEMA ... CASCADE", "it drops every object in the schema with it");
        } else if (before.schemas().containsKey(ObjectName.fold(drop.schema()))) {
          emit(new Operation.CreateSchema(drop.schema(), false));
        }
      }
      case Operation.CreateEnumType create -> emit(new Operation.DropType(
          List.of(ModelOperations.name(ObjectName.of(create.type()))), false, false));
      case Operation.AddEnumValue add -> problems.add(problem("E0631",
          "ALTER TYPE ... ADD VALUE cannot be undone: PostgreSQL cannot drop a value from an"
              + " enum type",
          "note: a downgrade would have to create a new type without the value and move every"
              + " column to it, which strata does not guess"));
      case Operation.RenameEnumValue rename -> emit(new Operation.RenameEnumValue(
          rename.type(), rename.to(), rename.from()));
      case Operation.RenameType rename -> {
        ObjectName old = ObjectName.of(rename.type());
        emit(new Operation.RenameType(ModelOperations.name(ObjectName.in(old, rename.newName())),
            ModelOperations.identifier(old.name())));
      }
      case Operation.DropType drop -> {
        if (drop.cascade()) {
          lost("DROP TYPE ... CASCADE", "it drops the columns that use the type with it");
          return;
        }
        for (QualifiedName name : drop.types().reversed()) {
          EnumType type = before.types().get(ObjectName.of(name));
          if (type == null) {
            cannot("DROP TYPE of a type that is not an enum type");
            return;
          }
          emit(ModelOperations.type(type));
          type.comment().ifPresent(text ->
              emit(ModelOperations.comment(CommentKind.TYPE, type.name(), text)));
        }
      }
      case Operation.CreateSequence create -> {
        if (!before.sequences().containsKey(ObjectName.of(create.sequence()))) {
          emit(new Operation.DropSequence(
              List.of(ModelOperations.name(ObjectName.of(create.sequence()))), false, false));
        }
      }
      case Operation.RenameSequence rename -> {
        ObjectName old = ObjectName.of(rename.sequence());
        emit(new Operation.RenameSequence(
            ModelOperations.name(ObjectName.in(old, rename.newName())), false,
            ModelOperations.identifier(old.name())));
      }
      case Operation.DropSequence drop -> {
        if (drop.cascade()) {
          lost("DROP SEQUENCE ... CASCADE", "it drops the defaults that use the sequence");
          return;
        }
        for (QualifiedName name : drop.sequences().reversed()) {
          Sequence sequence = before.sequences().get(ObjectName.of(name));
          if (sequence != null) {
            emit(ModelOperations.sequence(sequence));
            ModelOperations.ownership(sequence).ifPresent(this::emit);
            sequence.comment().ifPresent(text ->
                emit(ModelOperations.comment(CommentKind.SEQUENCE, sequence.name(), text)));
          }
        }
      }
      case Operation.CommentOn comment -> commentOn(comment);
      case Operation.CreateView create -> {
        ObjectName name = ObjectName.of(create.view());
        View old = before.views().get(name);
        if (old == null) {
          emit(new Operation.DropView(List.of(ModelOperations.name(name)), false, false));
        } else if (stale(old)) {
          return;
        } else {
          Operation.CreateView view = ModelOperations.view(old);
          emit(new Operation.CreateView(view.view(), true, false, false, view.definition(),
              Optional.empty()));
        }
      }
      case Operation.DropView drop -> {
        if (drop.cascade()) {
          lost("DROP VIEW ... CASCADE", "it drops the views that depend on it with it");
          return;
        }
        for (QualifiedName name : drop.views().reversed()) {
          View view = before.views().get(ObjectName.of(name));
          if (view != null && stale(view)) {
            return;
          }
          if (view != null) {
            emit(ModelOperations.view(view));
            view.comment().ifPresent(text ->
                emit(ModelOperations.comment(CommentKind.VIEW, view.name(), text)));
          }
        }
      }
      case PostgresOnly.CreateMaterializedView create -> {
        ObjectName name = ObjectName.of(create.view());
        if (!before.views().containsKey(name)) {
          emitPostgres(new PostgresOnly.DropMaterializedView(
              List.of(ModelOperations.name(name)), false, false),
              "DROP MATERIALIZED VIEW " + name.sql());
        }
      }
      case PostgresOnly.CreateExtension create -> {
        String name = ObjectName.fold(create.name());
        if (!before.extensions().containsKey(name)) {
          emitPostgres(new PostgresOnly.DropExtension(List.of(create.name()), false, false),
              "DROP EXTENSION " + ObjectName.quoted(name));
        }
      }
      case PostgresOnly.DropExtension drop -> {
        if (drop.cascade()) {
          lost("DROP EXTENSION ... CASCADE", "it drops the objects that use the extension");
          return;
        }
        for (Identifier id : drop.names().reversed()) {
          Extension extension = before.extensions().get(ObjectName.fold(id));
          if (extension != null) {
            emitPostgres(new PostgresOnly.CreateExtension(
                ModelOperations.identifier(extension.name()), false,
                extension.schema().map(ModelOperations::identifier), Optional.empty(), false),
                "CREATE EXTENSION " + ObjectName.quoted(extension.name())
                    + extension.schema().map(s -> " SCHEMA " + ObjectName.quoted(s)).orElse(""));
          }
        }
      }
      case PostgresOnly.CreateRoutine create -> {
        List<Routine> made = added(before.routines(), after.routines());
        if (made.isEmpty()) {
          // CREATE OR REPLACE of a routine that existed: put the old definition back
          for (Routine old : before.routines().values()) {
            Routine now = after.routines().get(old.signature());
            if (now != null && !now.equals(old)) {
              emitPostgres(old.definition(), orReplace(old.sql()));
            }
          }
        }
        for (Routine routine : made) {
          emitPostgres(new PostgresOnly.DropRoutine(routine.kind(), List.of(signature(routine)),
              false, false), "DROP " + routine.kind().keyword() + " " + routine.signature());
        }
      }
      case PostgresOnly.DropRoutine drop -> {
        if (drop.cascade()) {
          lost("DROP ... CASCADE", "it drops the triggers that use the routine");
          return;
        }
        for (Routine routine : removed(before.routines(), after.routines().keySet())) {
          emitPostgres(routine.definition(), routine.sql());
        }
      }
      case PostgresOnly.CreateTrigger create -> {
        for (Trigger trigger : added(before.triggers(), after.triggers())) {
          emitPostgres(new PostgresOnly.DropTrigger(ModelOperations.identifier(trigger.name()),
              ModelOperations.name(trigger.table()), false, false),
              "DROP TRIGGER " + ObjectName.quoted(trigger.name()) + " ON "
                  + trigger.table().sql());
        }
      }
      case PostgresOnly.DropTrigger drop -> {
        for (Trigger trigger : removed(before.triggers(), after.triggers().keySet())) {
          emitPostgres(trigger.definition(), trigger.sql());
        }
      }
      case PostgresOnly.RenameTrigger rename -> emitPostgres(
          new PostgresOnly.RenameTrigger(rename.newName(), rename.table(), rename.name()),
          "ALTER TRIGGER " + ObjectName.quoted(ObjectName.fold(rename.newName())) + " ON "
              + ObjectName.of(rename.table()).sql() + " RENAME TO "
              + ObjectName.quoted(ObjectName.fold(rename.name())));
      // statements that change no schema: nothing to undo
      case Operation.Select ignored -> { }
      case PostgresOnly.SetSetting ignored -> { }
      case PostgresOnly.ResetSetting ignored -> { }
      case PostgresOnly.Analyze ignored -> { }
      case PostgresOnly.Vacuum ignored -> { }
      case PostgresOnly.Reindex ignored -> { }
      case PostgresOnly.Lock ignored -> { }
      case PostgresOnly.Notify ignored -> { }
      case PostgresOnly.RefreshMaterializedView ignored -> { }
      // data statements and statements the model does not follow
      case Operation.Insert ignored -> cannot("INSERT changes data, which the model does not hold");
      case Operation.Update ignored -> cannot("UPDATE changes data, which the model does not hold");
      case Operation.Delete ignored -> cannot("DELETE changes data, which the model does not hold");
      case Operation.Truncate ignored ->
          cannot("TRUNCATE deletes data, which the model does not hold");
      case Operation.RawSql raw ->
          cannot("a '-- +dialect " + raw.dialect() + "' block is opaque to strata");
      case PostgresOnly.Do ignored -> cannot("a DO block is opaque to strata");
      case PostgresOnly.Call ignored -> cannot("CALL runs a procedure, opaque to strata");
      case Operation.AlterSequence ignored ->
          cannot("ALTER SEQUENCE: the model does not keep a sequence's state");
      case Operation.AlterView ignored -> cannot("ALTER VIEW");
      case PostgresOnly.DropMaterializedView ignored ->
          cannot("DROP MATERIALIZED VIEW: its data cannot be brought back as it was");
      case PostgresOnly.AlterMaterializedView ignored -> cannot("ALTER MATERIALIZED VIEW");
      case PostgresOnly.CreateCompositeType ignored -> cannot("CREATE TYPE ... AS (...)");
      case PostgresOnly.CreateDomain ignored -> cannot("CREATE DOMAIN");
      case PostgresOnly.DropDomain ignored -> cannot("DROP DOMAIN");
      case PostgresOnly.AlterRoutine ignored -> cannot("ALTER FUNCTION or PROCEDURE");
      case PostgresOnly.AlterOwner ignored -> cannot("ALTER ... OWNER TO");
      case PostgresOnly.SwitchTrigger ignored -> cannot("ALTER TABLE ... ENABLE|DISABLE TRIGGER");
      case PostgresOnly.RowSecurity ignored -> cannot("ALTER TABLE ... ROW LEVEL SECURITY");
      case PostgresOnly.CreatePolicy ignored -> cannot("CREATE POLICY");
      case PostgresOnly.AlterPolicy ignored -> cannot("ALTER POLICY");
      case PostgresOnly.DropPolicy ignored -> cannot("DROP POLICY");
      case PostgresOnly.Grant ignored -> cannot("GRANT");
      case PostgresOnly.Revoke ignored -> cannot("REVOKE");
      case PostgresOnly.GrantRole ignored -> cannot("GRANT role");
      case PostgresOnly.RevokeRole ignored -> cannot("REVOKE role");
      case PostgresOnly.AlterDefaultPrivileges ignored -> cannot("ALTER DEFAULT PRIVILEGES");
      case PostgresOnly.CreateRole ignored -> cannot("CREATE ROLE");
      case PostgresOnly.AlterRole ignored -> cannot("ALTER ROLE");
      case PostgresOnly.DropRole ignored -> cannot("DROP ROLE");
      case PostgresOnly.CreateDatabase ignored -> cannot("CREATE DATABASE");
      case PostgresOnly.DropDatabase ignored -> cannot("DROP DATABASE");
      case PostgresOnly.AlterSystem ignored -> cannot("ALTER SYSTEM");
    }
  }

  private void alterAction(Operation.AlterTable alter, AlterAction action) {
    ObjectName written = ObjectName.of(alter.table());
    Optional<Table> maybe = before.table(written);
    if (maybe.isEmpty()) {
      if (!alter.ifExists()) {
        cannot("ALTER TABLE of a table the model does not know");
      }
      return;
    }
    Table table = maybe.get();
    QualifiedName name = ModelOperations.name(table.name());
    switch (action) {
      case AlterAction.AddColumn add -> {
        String column = ObjectName.fold(add.column().name());
        if (table.column(column).isEmpty()) {
          emitNoted(alter(name, new AlterAction.DropColumn(
              ModelOperations.identifier(column), false, false)),
              "drops column " + column + " of " + table.name().display()
                  + ": the data written to it since the upgrade is lost");
        }
      }
      case AlterAction.DropColumn drop -> {
        Optional<Column> old = table.column(ObjectName.fold(drop.column()));
        if (old.isEmpty()) {
          return;
        }
        Column column = old.get();
        if (drop.cascade()) {
          lost("DROP COLUMN ... CASCADE", "it may drop views and constraints of other tables");
          return;
        }
        if (column.notNull() && column.defaultValue().isEmpty() && column.identity().isEmpty()
            && column.generated().isEmpty() && !serial(column)) {
          lost("DROP COLUMN " + column.name(), "the column was NOT NULL without a default, so"
              + " adding it back fails on a table with rows, and its values are gone");
          return;
        }
        Table now = after.table(table.name()).orElse(table);
        boolean inKey = table.primaryKey().map(k -> k.columns().contains(column.name()))
            .orElse(false);
        List<Operation> redo = new ArrayList<>();
        redo.add(alter(name, new AlterAction.AddColumn(
            ModelOperations.column(column, inKey), false)));
        for (Constraint c : table.constraints()) {
          if (now.constraint(c.name()).isEmpty()) {
            redo.add(alter(name, new AlterAction.AddConstraint(ModelOperations.constraint(c))));
          }
        }
        for (Index index : removed(before.indexes(), after.indexes().keySet())) {
          redo.add(ModelOperations.index(index));
          index.comment().ifPresent(text ->
              redo.add(ModelOperations.comment(CommentKind.INDEX, index.name(), text)));
        }
        column.comment().ifPresent(text ->
            redo.add(ModelOperations.columnComment(table.name(), column.name(), text)));
        emitNoted(redo.getFirst(), "adds column " + column.name() + " of "
            + table.name().display() + " back empty: the values the upgrade dropped are not"
            + " restored");
        redo.subList(1, redo.size()).forEach(this::emit);
      }
      case AlterAction.RenameColumn rename -> emit(alter(name, new AlterAction.RenameColumn(
          ModelOperations.identifier(ObjectName.fold(rename.to())),
          ModelOperations.identifier(ObjectName.fold(rename.from())))));
      case AlterAction.AlterColumnType type -> {
        if (type.using().isPresent()) {
          problems.add(problem("E0632",
              "the type change of column " + ObjectName.fold(type.column()) + " of "
                  + table.name().display() + " has a USING expression, whose inverse strata"
                  + " cannot know",
              "note: the downgrade needs the expression that turns the new values back into the"
                  + " old type"));
          return;
        }
        column(table, type.column()).ifPresent(c -> emit(alter(name,
            new AlterAction.AlterColumnType(ModelOperations.identifier(c.name()), c.type(),
                c.collation(), back(table, c, type.type())))));
      }
      case AlterAction.SetDefault set -> column(table, set.column()).ifPresent(c -> emit(
          alter(name, c.defaultValue().<AlterAction>map(v -> new AlterAction.SetDefault(
              ModelOperations.identifier(c.name()), v))
              .orElseGet(() -> new AlterAction.DropDefault(
                  ModelOperations.identifier(c.name()))))));
      case AlterAction.DropDefault drop -> column(table, drop.column()).ifPresent(c ->
          c.defaultValue().ifPresent(v -> emit(alter(name,
              new AlterAction.SetDefault(ModelOperations.identifier(c.name()), v)))));
      case AlterAction.SetNotNull set -> column(table, set.column()).ifPresent(c -> {
        if (!c.notNull()) {
          emit(alter(name, new AlterAction.DropNotNull(ModelOperations.identifier(c.name()))));
        }
      });
      case AlterAction.DropNotNull drop -> column(table, drop.column()).ifPresent(c -> {
        if (c.notNull()) {
          emit(alter(name, new AlterAction.SetNotNull(ModelOperations.identifier(c.name()))));
        }
      });
      case AlterAction.AddConstraint add -> {
        Table now = after.table(table.name()).orElse(table);
        for (Constraint c : now.constraints()) {
          if (!table.constraints().contains(c)) {
            emit(alter(name, new AlterAction.DropConstraint(
                ModelOperations.identifier(c.name()), false, false)));
          }
        }
      }
      case AlterAction.DropConstraint drop -> {
        if (drop.cascade()) {
          lost("DROP CONSTRAINT ... CASCADE", "it drops the foreign keys that depend on it");
          return;
        }
        table.constraint(ObjectName.fold(drop.name())).ifPresent(c -> emit(alter(name,
            new AlterAction.AddConstraint(ModelOperations.constraint(c)))));
      }
      case AlterAction.RenameTable rename -> {
        ObjectName now = ObjectName.in(table.name(), rename.newName());
        emit(alter(ModelOperations.name(now), new AlterAction.RenameTable(
            ModelOperations.identifier(table.name().name()))));
      }
      case AlterAction.RenameConstraint rename -> emit(alter(name,
          new AlterAction.RenameConstraint(
              ModelOperations.identifier(ObjectName.fold(rename.to())),
              ModelOperations.identifier(ObjectName.fold(rename.from())))));
      case AlterAction.SetSchema set -> {
        ObjectName now = new ObjectName(ObjectName.fold(set.schema()), table.name().name());
        emit(alter(ModelOperations.name(now), new AlterAction.SetSchema(
            ModelOperations.identifier(table.name().schema()))));
      }
      case AlterAction.AddIdentity add -> emit(alter(name, new AlterAction.DropIdentity(
          ModelOperations.identifier(ObjectName.fold(add.column())), false)));
      case AlterAction.DropExpression ignored ->
          cannot("ALTER COLUMN ... DROP EXPRESSION: the generated values become plain values");
      case AlterAction.AlterIdentity ignored -> cannot("ALTER COLUMN ... SET identity options");
      case AlterAction.DropIdentity ignored -> cannot("ALTER COLUMN ... DROP IDENTITY");
      case AlterAction.AlterConstraint ignored -> cannot("ALTER CONSTRAINT");
      case AlterAction.ValidateConstraint ignored -> { } // a valid constraint stays valid
      case AlterAction.AttachPartition ignored -> cannot("ATTACH PARTITION");
      case AlterAction.DetachPartition ignored -> cannot("DETACH PARTITION");
    }
  }

  private void dropTable(QualifiedName written, boolean ifNotExists) {
    ObjectName name = ObjectName.of(written);
    // without IF NOT EXISTS the replay has checked that nothing had the name (E06xx otherwise);
    // relationExists walks every table's constraints, once per statement
    if (ifNotExists && before.relationExists(name)) {
      return; // IF NOT EXISTS of a table that was there: nothing was created
    }
    emitNoted(new Operation.DropTable(List.of(ModelOperations.name(name)), false, false),
        "drops table " + name.display() + ": the rows written to it since the upgrade are lost");
  }

  /** The table as it was, with its constraints, indexes, comments and triggers. */
  private void recreateTable(Table table) {
    emitNoted(ModelOperations.table(table), "creates table " + table.name().display()
        + " back empty: the rows the upgrade dropped are not restored");
    ModelOperations.laterConstraints(table).forEach(this::emit);
    for (Index index : before.indexes().values()) {
      if (index.table().equals(table.name())) {
        emit(ModelOperations.index(index));
        index.comment().ifPresent(text ->
            emit(ModelOperations.comment(CommentKind.INDEX, index.name(), text)));
      }
    }
    table.comment().ifPresent(text ->
        emit(ModelOperations.comment(CommentKind.TABLE, table.name(), text)));
    for (Column column : table.columns()) {
      column.comment().ifPresent(text ->
          emit(ModelOperations.columnComment(table.name(), column.name(), text)));
    }
    for (Trigger trigger : before.triggers().values()) {
      if (trigger.table().equals(table.name())) {
        emitPostgres(trigger.definition(), trigger.sql());
      }
    }
  }

  private void commentOn(Operation.CommentOn comment) {
    ObjectName object = ObjectName.of(comment.object());
    Optional<Optional<String>> old = switch (comment.kind()) {
      case TABLE -> before.table(object).map(Table::comment);
      case COLUMN -> before.table(object)
          .flatMap(t -> t.column(ObjectName.fold(comment.column().orElseThrow())))
          .map(Column::comment);
      case INDEX -> Optional.ofNullable(before.indexes().get(object)).map(Index::comment);
      case VIEW, MATERIALIZED_VIEW ->
          Optional.ofNullable(before.views().get(object)).map(View::comment);
      case SEQUENCE -> Optional.ofNullable(before.sequences().get(object)).map(Sequence::comment);
      case TYPE -> Optional.ofNullable(before.types().get(object)).map(EnumType::comment);
      case DOMAIN, SCHEMA, EXTENSION, FUNCTION, PROCEDURE, TRIGGER, CONSTRAINT, POLICY ->
          Optional.empty();
    };
    if (old.isEmpty()) {
      cannot("COMMENT ON " + comment.kind().keywords() + ": the model does not keep its comment");
      return;
    }
    emit(new Operation.CommentOn(comment.kind(), comment.object(), comment.column(),
        comment.table(), comment.arguments(), old.get()));
  }

  // ---- helpers

  private static Operation.AlterTable alter(QualifiedName table, AlterAction action) {
    return new Operation.AlterTable(table, false, false, List.of(action));
  }

  private static Optional<Column> column(Table table, Identifier column) {
    return table.column(ObjectName.fold(column));
  }

  private static boolean serial(Column column) {
    String text = column.type().toString().toLowerCase(java.util.Locale.ROOT);
    return text.contains("serial");
  }

  private static dev.strata.grammar.ast.RoutineSignature signature(Routine routine) {
    return new dev.strata.grammar.ast.RoutineSignature(ModelOperations.name(routine.name()),
        Optional.of(routine.argumentTypes().stream()
            .map(t -> new dev.strata.grammar.ast.RoutineParameter(
                Optional.empty(), Optional.empty(), t, Optional.empty()))
            .toList()));
  }

  /** {@code CREATE FUNCTION ...} as {@code CREATE OR REPLACE FUNCTION ...}. */
  private static String orReplace(String sql) {
    return sql.replaceFirst("(?i)^\\s*CREATE\\s+(?!OR\\s+REPLACE)", "CREATE OR REPLACE ");
  }

  /**
   * The objects of {@code now} whose keys {@code before} lacks, in creation order. Replay
   * snapshots give them from their newest entries only ({@link OrderedMap.Snapshot#addedSince}):
   * walking every index of the model once per statement made a derived downgrade quadratic.
   */
  private static <K, V> List<V> added(Map<K, V> before, Map<K, V> now) {
    if (now instanceof OrderedMap.Snapshot<K, V> newer
        && before instanceof OrderedMap.Snapshot<K, V> older) {
      Optional<List<V>> since = newer.addedSince(older);
      if (since.isPresent()) {
        return since.get();
      }
    }
    return added(before.keySet(), now.values());
  }

  private static <V> List<V> added(java.util.Set<?> beforeKeys, java.util.Collection<V> now) {
    List<V> out = new ArrayList<>();
    for (V value : now) {
      Object key = switch (value) {
        case Index index -> index.name();
        case Routine routine -> routine.signature();
        case Trigger trigger -> trigger.key();
        default -> throw new IllegalArgumentException(String.valueOf(value));
      };
      if (!beforeKeys.contains(key)) {
        out.add(value);
      }
    }
    return out;
  }

  private static <K, V> List<V> removed(java.util.Map<K, V> then, java.util.Set<K> nowKeys) {
    return then.entrySet().stream().filter(e -> !nowKeys.contains(e.getKey()))
        .map(java.util.Map.Entry::getValue).toList();
  }

  /**
   * The {@code USING} of the type change that takes {@code column} of {@code table} back from
   * {@code now} to its type before the upgrade: {@code column::OLD_TYPE} where PostgreSQL would
   * not convert the values back by itself ({@link TypeConversion}: {@code TEXT} back to {@code
   * INTEGER}, {@code VARCHAR} back to {@code BOOLEAN}, text back to an enum), none where it
   * would. The explicit cast reads back what the upgrade's conversion wrote.
   */
  private Optional<Expr> back(Table table, Column column, DataType now) {
    Predicate<DataType> enumType = TypeConversion.enumTypes(
        name -> before.types().containsKey(name) || after.types().containsKey(name));
    if (TypeConversion.of(now, column.type(), enumType) != TypeConversion.Answer.NEEDS_USING) {
      return Optional.empty();
    }
    return Optional.of(new Expr(ObjectName.quoted(column.name()) + "::"
        + SchemaText.type(column.type()), statement.span()));
  }

  private void emit(Operation operation) {
    out.add(new Statement(operation, false, statement.span(), "", statement.dialects()));
  }

  private void emitNoted(Operation operation, String note) {
    out.add(new Statement(operation, false, statement.span(),
        NOTE + "derived from line " + statement.span().line() + ": " + note,
        statement.dialects()));
  }

  private void emitPostgres(PostgresOnly operation, String sql) {
    out.add(new Statement(operation, false, statement.span(), sql, statement.dialects()));
  }

  private void cannot(String what) {
    problems.add(problem("E0630", what,
        "note: strata derives a downgrade from the schema model, which holds no data and"
            + " does not follow this statement"));
  }

  /**
   * Whether {@code view}'s query as written names something renamed since ({@link
   * View#renamedSince}), reported as E0633: created again from that text, the view would fail
   * ({@code column "a" does not exist}) where PostgreSQL's own followed the rename.
   */
  private boolean stale(View view) {
    if (view.current()) {
      return false;
    }
    problems.add(problem("E0633", "view " + view.name().display() + " cannot be created again"
            + " from its query as written: " + view.renamedSince().getFirst().describe()
            + ", which PostgreSQL's view followed and the query's text does not",
        "note: view " + view.name().display() + " was created at "
            + view.origin().describe()));
    return true;
  }

  private void lost(String what, String why) {
    problems.add(problem("E0633", what + " cannot be undone: " + why,
        "note: a derived downgrade only recreates what the schema model knows"));
  }

  private Diagnostic problem(String code, String message, String note) {
    Span span = statement.span();
    return Diagnostic.error(code,
        "cannot derive the downgrade of '" + file.id() + "': " + message,
        file.source(), span, note,
        "help: write its '-- +downgrade' section, or mark it '-- +irreversible' (a"
            + " '-- +downgrade' section holding only that line)");
  }
}
