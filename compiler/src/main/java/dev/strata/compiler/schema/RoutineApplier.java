package dev.strata.compiler.schema;

import dev.strata.compiler.schema.ModelState.Key;
import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.ast.Operation.PostgresOnly;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RoutineParameter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The functions, procedures and triggers of an {@link Applier}: routines kept by signature (name
 * and input argument types, as PostgreSQL tells overloads apart), triggers by table and name.
 */
final class RoutineApplier {
  private final ApplyContext ctx;
  private final ModelState state;

  RoutineApplier(ApplyContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state;
  }

  private static List<String> inputTypes(List<RoutineParameter> parameters) {
    return parameters.stream()
        .filter(p -> p.mode().map(m -> !m.equals("OUT")).orElse(true))
        .map(RoutineParameter::type).toList();
  }

  void createRoutine(PostgresOnly.CreateRoutine create) {
    ObjectName name = ObjectName.of(create.name());
    if (!ctx.requireSchema(create.name())) {
      return;
    }
    String signature = Routine.signature(name, inputTypes(create.parameters()));
    Routine existing = state.routines.get(signature);
    if (existing != null && !create.orReplace()) {
      ctx.duplicate(SchemaCode.DUPLICATE_OBJECT, create.routine().keyword().toLowerCase(Locale.ROOT)
          + " " + signature, create.name().name().span(), Optional.of(existing.origin()));
      return;
    }
    Origin origin = existing != null ? existing.origin()
        : ctx.created(Keys.other("routine", signature), create.name().name().span());
    if (existing != null) {
      ctx.touch(Keys.other("routine", signature), create.name().name().span());
    }
    state.routines.put(signature, new Routine(name, create.routine(),
        inputTypes(create.parameters()), create, ctx.statement.text(), origin));
  }

  /** The routines {@code name(parameters)} names; reports none found unless {@code ifExists}. */
  List<Routine> routineNamed(QualifiedName written,
      Optional<List<RoutineParameter>> parameters, boolean ifExists) {
    ObjectName name = ObjectName.of(written);
    List<Routine> found;
    String shown;
    if (parameters.isPresent()) {
      shown = Routine.signature(name, inputTypes(parameters.get()));
      Routine routine = state.routines.get(shown);
      found = routine == null ? List.of() : List.of(routine);
    } else {
      shown = name.sql();
      found = state.routinesNamed(name);
    }
    if (found.isEmpty() && !ifExists) {
      ctx.missingObject("function", shown, Keys.other("routine", shown), written.name().span(),
          false);
    }
    return found;
  }

  void dropRoutine(PostgresOnly.DropRoutine drop) {
    for (var signature : drop.routines()) {
      for (Routine routine : routineNamed(signature.name(), signature.parameters(),
          drop.ifExists())) {
        state.routines.remove(routine.signature());
        ctx.dropped(Keys.other("routine", routine.signature()), signature.name().name().span());
      }
    }
  }

  void createTrigger(PostgresOnly.CreateTrigger create) {
    ObjectName tableName = ObjectName.of(create.table());
    if (!state.tables.containsKey(tableName) && !state.views.containsKey(tableName)) {
      ctx.missingRelation(create.table(), "table", false);
      return;
    }
    ObjectName function = ObjectName.of(create.function());
    if (state.routinesNamed(function).isEmpty()) {
      ctx.missingObject("function", function.sql() + "()", Keys.other("routine", function.sql()
          + "()"), create.function().name().span(), false);
      return;
    }
    String name = ObjectName.fold(create.name());
    Key key = Keys.trigger(tableName, name);
    String triggerKey = key.toString();
    Trigger existing = state.triggers.get(triggerKey);
    if (existing != null && !create.orReplace()) {
      ctx.duplicate(SchemaCode.DUPLICATE_OBJECT, "trigger " + ObjectName.quoted(name)
          + " for relation " + tableName, create.name().span(), Optional.of(existing.origin()));
      return;
    }
    state.triggers.put(triggerKey, new Trigger(name, tableName, create, ctx.statement.text(),
        existing != null ? existing.origin() : ctx.created(key, create.name().span())));
  }

  void renameTrigger(PostgresOnly.RenameTrigger rename) {
    ctx.requireTable(rename.table(), false).ifPresent(table -> {
      Key key = Keys.trigger(table.name(), ObjectName.fold(rename.name()));
      String fromKey = key.toString();
      Trigger trigger = state.triggers.get(fromKey);
      if (trigger == null) {
        ctx.missingObject("trigger", ObjectName.fold(rename.name()) + " on " + table.name(), key,
            rename.name().span(), false);
        return;
      }
      Key to = Keys.trigger(table.name(), ObjectName.fold(rename.newName()));
      String toKey = to.toString();
      Trigger taken = state.triggers.get(toKey);
      if (taken != null) {
        ctx.duplicate(SchemaCode.DUPLICATE_OBJECT, "trigger " + ObjectName.fold(rename.newName())
                + " for relation " + table.name(), rename.newName().span(),
            Optional.of(taken.origin()));
        return;
      }
      state.triggers.remove(fromKey);
      state.triggers.put(toKey, new Trigger(ObjectName.fold(rename.newName()), table.name(),
          trigger.definition(), trigger.sql(), trigger.origin()));
      ctx.renamed(key, rename.name().span());
      ctx.touch(to, rename.newName().span());
    });
  }
}
