package dev.strata.compiler.schema;

import dev.strata.compiler.schema.ModelState.Key;
import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.PostgresOnly;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies one revision's upgrade statements to a {@link ModelState}, checking each against the
 * model (the checks of {@link SchemaCode}). A statement that fails a check leaves the model as it
 * was (or does what PostgreSQL would have done up to the failure, never more), so that replay goes
 * on and reports every problem once. This class dispatches each statement by its operation and
 * keeps schemas, extensions and hand edits; each other kind of object has its part ({@link
 * TableApplier}, {@link ConstraintApplier}, {@link IndexApplier}, {@link TypeApplier}, {@link
 * SequenceApplier}, {@link ViewApplier}, {@link RoutineApplier}, {@link CommentApplier}), and what
 * they share is an {@link ApplyContext}.
 */
final class Applier {
  private final DialectId dialect;
  private final ModelState state;
  private final ApplyContext ctx;

  Applier(ModelState state, RevisionFile file, List<Diagnostic> diagnostics) {
    this(state, file, diagnostics, DialectId.POSTGRESQL);
  }

  /** An applier for the model of a {@code dialect} database: its own blocks are replayed. */
  Applier(ModelState state, RevisionFile file, List<Diagnostic> diagnostics, DialectId dialect) {
    this.dialect = dialect;
    this.state = state;
    this.ctx = new ApplyContext(state, file, diagnostics);
  }

  /** Applies every statement of the revision's upgrade section. */
  void applyRevision() {
    for (Statement s : ctx.file.upgrade().statements()) {
      apply(s);
    }
  }

  void apply(Statement s) {
    if (!s.dialects().isEmpty() && !s.runsOn(dialect.id())) {
      return; // a '-- +only' statement of other dialects never runs on this database
    }
    ctx.statement = s;
    Operation op = s.operation();
    switch (op) {
      case Operation.CreateTable create -> ctx.tableApplier.createTable(create);
      case Operation.CreatePartition partition -> ctx.tableApplier.createPartition(partition);
      case Operation.CreateTableAs as -> ctx.tableApplier.createTableAs(as);
      case Operation.DropTable drop -> {
        dropTogether(drop.tables(),
            name -> ctx.tableApplier.dropTable(name, drop.ifExists(), drop.cascade()));
      }
      case Operation.AlterTable alter -> ctx.tableApplier.alterTable(alter);
      case Operation.CreateIndex index -> ctx.indexApplier.createIndex(index);
      case Operation.DropIndex drop -> {
        for (QualifiedName name : drop.indexes()) {
          ctx.indexApplier.dropIndex(name, drop.ifExists(), drop.cascade());
        }
      }
      case Operation.RenameIndex rename -> ctx.indexApplier.renameIndex(rename);
      case Operation.CreateSchema create -> createSchema(create);
      case Operation.DropSchema drop -> dropSchema(drop);
      case Operation.Insert insert -> ctx.requireRelation(insert.table(), "table");
      case Operation.Update update -> ctx.requireRelation(update.table(), "table");
      case Operation.Delete delete -> ctx.requireRelation(delete.table(), "table");
      case Operation.Select ignored -> { }
      case Operation.Truncate truncate ->
          truncate.tables().forEach(t -> ctx.requireRelation(t.table(), "table"));
      case Operation.RawSql raw -> rawSql(raw);
      case PostgresOnly.CreateExtension create -> createExtension(create);
      case PostgresOnly.DropExtension drop -> {
        for (Identifier name : drop.names()) {
          String key = ObjectName.fold(name);
          if (state.extensions.remove(key) == null) {
            ctx.missingObject("extension", key, Keys.other("extension", key), name.span(),
                drop.ifExists());
          } else {
            ctx.dropped(Keys.other("extension", key), name.span());
          }
        }
      }
      case Operation.CreateEnumType create -> ctx.typeApplier.createEnum(create);
      case Operation.AddEnumValue add -> ctx.typeApplier.addEnumValue(add);
      case Operation.RenameEnumValue rename -> ctx.typeApplier.renameEnumValue(rename);
      case Operation.RenameType rename -> ctx.typeApplier.renameType(rename);
      case Operation.DropType drop -> {
        for (QualifiedName name : drop.types()) {
          ctx.typeApplier.dropType(name, drop.ifExists(), drop.cascade());
        }
      }
      case Operation.CreateSequence create -> ctx.sequenceApplier.createSequence(create);
      case Operation.AlterSequence alter -> ctx.sequenceApplier.alterSequence(alter);
      case Operation.RenameSequence rename -> ctx.sequenceApplier.renameSequence(rename);
      case Operation.DropSequence drop -> {
        for (QualifiedName name : drop.sequences()) {
          ObjectName seq = ObjectName.of(name);
          if (state.sequences.containsKey(seq)) {
            state.sequences.remove(seq);
            ctx.dropped(Keys.relation(seq), name.name().span());
          } else {
            ctx.missingRelation(name, "sequence", drop.ifExists());
          }
        }
      }
      case Operation.CommentOn comment -> ctx.commentApplier.commentOn(comment);
      case PostgresOnly.CreateCompositeType create ->
          ctx.typeApplier.createOtherType(create.type());
      case PostgresOnly.CreateDomain create -> ctx.typeApplier.createOtherType(create.domain());
      case PostgresOnly.DropDomain drop -> {
        for (QualifiedName name : drop.domains()) {
          ObjectName domain = ObjectName.of(name);
          if (state.otherTypes.remove(domain) == null) {
            ctx.missingObject("domain", domain.display(), Keys.type(domain), name.name().span(),
                drop.ifExists());
          } else {
            ctx.dropped(Keys.type(domain), name.name().span());
          }
        }
      }
      case PostgresOnly.CreateRoutine create -> ctx.routineApplier.createRoutine(create);
      case PostgresOnly.DropRoutine drop -> ctx.routineApplier.dropRoutine(drop);
      case PostgresOnly.AlterRoutine alter -> ctx.routineApplier.routineNamed(
          alter.signature().name(), alter.signature().parameters(), false);
      case PostgresOnly.AlterOwner ignored -> { }
      case PostgresOnly.CreateTrigger create -> ctx.routineApplier.createTrigger(create);
      case PostgresOnly.DropTrigger drop -> {
        ctx.requireTable(drop.table(), drop.ifExists()).ifPresent(table -> {
          Key key = Keys.trigger(table.name(), ObjectName.fold(drop.name()));
          if (state.triggers.remove(key.toString()) == null) {
            ctx.missingObject("trigger", ObjectName.fold(drop.name()) + " on " + table.name(), key,
                drop.name().span(), drop.ifExists());
          } else {
            ctx.dropped(key, drop.name().span());
          }
        });
      }
      case PostgresOnly.RenameTrigger rename -> ctx.routineApplier.renameTrigger(rename);
      case PostgresOnly.SwitchTrigger change ->
          ctx.requireTable(change.table(), change.ifExists()).ifPresent(table ->
              change.trigger().ifPresent(name -> {
                Key key = Keys.trigger(table.name(), ObjectName.fold(name));
                if (!state.triggers.containsKey(key.toString())) {
                  ctx.missingObject("trigger", ObjectName.fold(name) + " on " + table.name(), key,
                      name.span(), false);
                }
              }));
      case PostgresOnly.Do ignored -> handEdit("DO");
      case PostgresOnly.Call ignored -> { }
      case PostgresOnly.RowSecurity security ->
          ctx.requireTable(security.table(), security.ifExists());
      case PostgresOnly.CreatePolicy policy -> ctx.requireTable(policy.table(), false);
      case PostgresOnly.AlterPolicy policy -> ctx.requireTable(policy.table(), false);
      case PostgresOnly.DropPolicy policy -> ctx.requireTable(policy.table(), policy.ifExists());
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
      case PostgresOnly.Vacuum ignored -> { }
      case PostgresOnly.Analyze ignored -> { }
      case PostgresOnly.Reindex ignored -> { }
      case PostgresOnly.Lock lock -> lock.tables().forEach(t -> ctx.requireRelation(t, "table"));
      case PostgresOnly.Notify ignored -> { }
      case PostgresOnly.SetSetting ignored -> { }
      case PostgresOnly.ResetSetting ignored -> { }
      case Operation.CreateView create -> {
        if (!create.temporary()) {
          ctx.viewApplier.createView(create.view(), false, create.orReplace(), false,
              create.definition());
        }
      }
      case Operation.DropView drop -> {
        dropTogether(drop.views(),
            name -> ctx.viewApplier.dropView(name, false, drop.ifExists(), drop.cascade()));
      }
      case Operation.AlterView alter ->
          ctx.viewApplier.alterView(alter.view(), false, alter.ifExists(), alter.change());
      case PostgresOnly.CreateMaterializedView create ->
          ctx.viewApplier.createView(create.view(), true, false, create.ifNotExists(),
              create.definition());
      case PostgresOnly.DropMaterializedView drop -> {
        dropTogether(drop.views(),
            name -> ctx.viewApplier.dropView(name, true, drop.ifExists(), drop.cascade()));
      }
      case PostgresOnly.AlterMaterializedView alter -> ctx.viewApplier.alterView(alter.view(), true,
          alter.ifExists(), alter.change());
      case PostgresOnly.RefreshMaterializedView refresh -> {
        ObjectName name = ObjectName.of(refresh.view());
        if (!state.views.containsKey(name)) {
          ctx.missingRelation(refresh.view(), "materialized view", false);
        }
      }
    }
  }

  /**
   * Drops each of {@code names} with {@code drop}, with {@link ApplyContext#together} naming them
   * all meanwhile: one statement's relations may depend on each other.
   */
  private void dropTogether(List<QualifiedName> names, Consumer<QualifiedName> drop) {
    ctx.together = names.stream().map(ObjectName::of).collect(Collectors.toSet());
    names.forEach(drop);
    ctx.together = Set.of();
  }

  private void rawSql(Operation.RawSql raw) {
    if (!raw.dialect().equals(dialect.id())) {
      return; // the model is this dialect's: another dialect's block never runs on it
    }
    if (raw.model().isEmpty()) {
      handEdit(raw.dialect());
      return;
    }
    Statement block = ctx.statement;
    for (Statement declared : raw.model()) {
      apply(declared);
    }
    ctx.statement = block;
  }

  private void handEdit(String dialect) {
    state.handEdits.add(new HandEdit(dialect, ctx.origin(Optional.of(ctx.statement.span()))));
  }

  private void createSchema(Operation.CreateSchema create) {
    String name = ObjectName.fold(create.schema());
    Key key = Keys.other("schema", name);
    if (name.equals(ObjectName.DEFAULT_SCHEMA) || state.schemas.containsKey(name)) {
      if (!create.ifNotExists()) {
        ctx.duplicate(SchemaCode.DUPLICATE_OBJECT, "schema " + ObjectName.quoted(name),
            create.schema().span(), Optional.ofNullable(state.schemas.get(name)));
      }
      return;
    }
    state.schemas.put(name, ctx.created(key, create.schema().span()));
  }

  private void dropSchema(Operation.DropSchema drop) {
    String name = ObjectName.fold(drop.schema());
    Key key = Keys.other("schema", name);
    if (!state.schemas.containsKey(name)) {
      ctx.missingObject("schema", ObjectName.quoted(name), key, drop.schema().span(),
          drop.ifExists());
      return;
    }
    List<ObjectName> inside = new ArrayList<>();
    state.tables.keySet().stream().filter(n -> n.schema().equals(name)).forEach(inside::add);
    state.views.keySet().stream().filter(n -> n.schema().equals(name)).forEach(inside::add);
    state.sequences.keySet().stream().filter(n -> n.schema().equals(name)).forEach(inside::add);
    state.types.keySet().stream().filter(n -> n.schema().equals(name)).forEach(inside::add);
    if (!inside.isEmpty() && !drop.cascade()) {
      ObjectName first = inside.getFirst();
      ctx.error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop schema " + ObjectName.quoted(name)
              + " because other objects depend on it", drop.schema().span(),
          "note: " + first.display() + " is in it, created at "
              + state.relationOrigin(first).or(() -> Optional.ofNullable(state.types.get(first))
                  .map(EnumType::origin)).map(Origin::describe).orElse("?"),
          "help: drop the objects first, or write DROP SCHEMA ... CASCADE");
      return;
    }
    for (ObjectName table : List.copyOf(state.tables.keySet())) {
      if (table.schema().equals(name) && state.tables.containsKey(table)) {
        ctx.tableApplier.removeTableAndDependents(table, true);
      }
    }
    state.views.keySet().removeIf(n -> n.schema().equals(name));
    state.sequences.keySet().removeIf(n -> n.schema().equals(name));
    state.types.keySet().removeIf(n -> n.schema().equals(name));
    state.otherTypes.keySet().removeIf(n -> n.schema().equals(name));
    state.indexes.keySet().removeIf(n -> n.schema().equals(name));
    state.routines.values().removeIf(r -> r.name().schema().equals(name));
    state.schemas.remove(name);
    ctx.dropped(key, drop.schema().span());
  }

  private void createExtension(PostgresOnly.CreateExtension create) {
    String name = ObjectName.fold(create.name());
    Key key = Keys.other("extension", name);
    if (state.extensions.containsKey(name)) {
      if (!create.ifNotExists()) {
        ctx.duplicate(SchemaCode.DUPLICATE_OBJECT, "extension " + ObjectName.quoted(name),
            create.name().span(), Optional.of(state.extensions.get(name).origin()));
      }
      return;
    }
    state.extensions.put(name, new Extension(name, create.schema().map(ObjectName::fold),
        ctx.created(key, create.name().span())));
  }
}
