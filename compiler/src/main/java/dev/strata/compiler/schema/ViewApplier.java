package dev.strata.compiler.schema;

import static dev.strata.compiler.schema.ApplyContext.span;

import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.Optional;

/**
 * The view and materialized view statements of an {@link Applier}: create (also {@code OR
 * REPLACE}), drop (refused while another view reads it, without {@code CASCADE}), rename, move and
 * rename a column.
 */
final class ViewApplier {
  private final ApplyContext ctx;
  private final ModelState state;

  ViewApplier(ApplyContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state;
  }

  void createView(QualifiedName written, boolean materialized, boolean orReplace,
      boolean ifNotExists, ViewDefinition definition) {
    ObjectName name = ObjectName.of(written);
    if (!ctx.requireSchema(written)) {
      return;
    }
    View existing = state.views.get(name);
    if (orReplace && existing != null && !existing.materialized()) {
      state.views.put(name, new View(name, false, definition, existing.comment(),
          existing.origin()));
      ctx.touch(Keys.relation(name), written.name().span());
      return;
    }
    if (!ctx.freeRelation(written, ifNotExists)) {
      return;
    }
    state.views.put(name, new View(name, materialized, definition, Optional.empty(),
        ctx.created(Keys.relation(name), written.name().span())));
  }

  void dropView(QualifiedName written, boolean materialized, boolean ifExists,
      boolean cascade) {
    ObjectName name = ObjectName.of(written);
    View view = state.views.get(name);
    if (view == null || view.materialized() != materialized) {
      if (view != null || state.tables.containsKey(name)) {
        ctx.wrongKind(written, materialized ? "materialized view" : "view");
        return;
      }
      ctx.missingRelation(written, materialized ? "materialized view" : "view", ifExists);
      return;
    }
    for (View other : state.readersOf(name)) {
      if (!other.name().equals(name) && !ctx.together.contains(other.name())) {
        if (!cascade) {
          ctx.error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop " + (materialized
                  ? "materialized view " : "view ") + name + " because other objects depend on it",
              span(written), "note: view " + other.name() + " reads it, created at "
                  + other.origin().describe(),
              "help: drop the dependent view first, or write DROP VIEW ... CASCADE");
          return;
        }
      }
    }
    if (cascade) {
      state.readersOf(name).forEach(o -> state.views.remove(o.name()));
    }
    state.views.remove(name);
    state.indexesOn(name).forEach(i -> state.indexes.remove(i.name()));
    state.triggersOn(name).forEach(t -> state.triggers.remove(t.key()));
    ctx.dropped(Keys.relation(name), written.name().span());
  }

  void alterView(QualifiedName written, boolean materialized, boolean ifExists,
      ViewDefinition.Change change) {
    ObjectName name = ObjectName.of(written);
    View view = state.views.get(name);
    if (view == null) {
      ctx.missingRelation(written, materialized ? "materialized view" : "view", ifExists);
      return;
    }
    ObjectName to = switch (change) {
      case ViewDefinition.Change.RenameTo rename -> ObjectName.in(name, rename.name());
      case ViewDefinition.Change.SetSchema set ->
          new ObjectName(ObjectName.fold(set.schema()), name.name());
      case ViewDefinition.Change.RenameColumn ignored -> name;
    };
    if (to.equals(name)) {
      if (change instanceof ViewDefinition.Change.RenameColumn rename) {
        String from = ObjectName.fold(rename.from());
        View.Rename renamed = new View.Rename("column", Optional.of("view " + name.display()),
            ObjectName.quoted(from), ObjectName.quoted(ObjectName.fold(rename.to())),
            ctx.origin(rename.to().span()));
        ViewDefinition d = view.definition();
        if (!d.columns().isEmpty()) {
          // a view with a column list names its columns there: the renamed one is renamed in it
          state.views.put(name, new View(name, view.materialized(), new ViewDefinition(
              d.columns().stream().map(c -> ObjectName.fold(c).equals(from) ? rename.to() : c)
                  .toList(), d.options(), d.query(), d.reads()), view.comment(), view.origin(),
              view.renamedSince()));
        } else {
          // the query as written would name the column as before
          state.views.put(name, view.renamed(renamed));
        }
        for (View reader : state.readersOf(name)) {
          if (reader.undoes(renamed)
              || NameMentions.mentions(reader.definition().query().sql(), from)) {
            state.views.put(reader.name(), reader.renamed(renamed));
          }
        }
      }
      ctx.touch(Keys.relation(name), written.name().span());
      return;
    }
    if (state.relationTaken(to)) {
      ctx.duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + to.display(), span(written),
          state.relationOrigin(to));
      return;
    }
    state.views.remove(name);
    state.views.put(to, new View(to, view.materialized(), view.definition(), view.comment(),
        view.origin(), view.renamedSince()));
    View.Rename renamed = new View.Rename(view.materialized() ? "materialized view" : "view",
        Optional.empty(), name.display(), to.display(), ctx.origin(written.name().span()));
    for (View reader : state.readersOf(name)) {
      state.views.put(reader.name(), reader.readsMoved(name, to, renamed));
    }
    ctx.renamed(Keys.relation(name), written.name().span());
    ctx.touch(Keys.relation(to), written.name().span());
  }
}
