package dev.strata.compiler.schema;

import static dev.strata.compiler.schema.ApplyContext.span;
import static dev.strata.compiler.schema.ApplyContext.withConstraints;

import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code CREATE INDEX}, {@code DROP INDEX} and {@code ALTER INDEX ... RENAME} statements of an
 * {@link Applier}.
 */
final class IndexApplier {
  private final ApplyContext ctx;
  private final ModelState state;

  IndexApplier(ApplyContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state;
  }

  void createIndex(Operation.CreateIndex create) {
    ObjectName tableName = ObjectName.of(create.table());
    Table table = state.tables.get(tableName);
    boolean matview = state.views.containsKey(tableName)
        && state.views.get(tableName).materialized();
    if (table == null && !matview) {
      ctx.missingRelation(create.table(), "table", false);
      return;
    }
    List<String> keys = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (IndexElement e : create.elements()) {
      if (e.column().isPresent() && table != null && !state.opaqueTables.containsKey(tableName)
          && table.column(ObjectName.fold(e.column().get())).isEmpty()) {
        ctx.missingColumn(table, e.column().get());
        return;
      }
      keys.add(e.column().map(ObjectName::fold).orElse(null));
      texts.add(e.expression().map(dev.strata.grammar.ast.Expr::sql).orElse(""));
    }
    List<String> include = new ArrayList<>();
    for (Identifier id : create.include()) {
      if (table != null && !state.opaqueTables.containsKey(tableName)
          && table.column(ObjectName.fold(id)).isEmpty()) {
        ctx.missingColumn(table, id);
        return;
      }
      include.add(ObjectName.fold(id));
      keys.add(ObjectName.fold(id));
      texts.add("");
    }
    ObjectName name;
    Optional<Span> at;
    if (create.name().isPresent()) {
      name = ObjectName.in(tableName, create.name().get());
      at = create.name().get().span();
      if (state.relationTaken(name)) {
        if (!create.ifNotExists()) {
          ctx.duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + name.display(), at,
              state.relationOrigin(name));
        }
        return;
      }
    } else {
      name = new ObjectName(tableName.schema(), ctx.constraintApplier.relationName(tableName,
          ImplicitNames.columns(ImplicitNames.indexColumns(keys, texts)), "idx", false));
      at = create.table().name().span();
    }
    state.indexes.put(name, new Index(name, tableName, create.unique(), create.method(),
        create.elements(), include, create.nullsNotDistinct(), create.options(), create.where(),
        Optional.empty(), ctx.created(Keys.relation(name), at)));
  }

  void dropIndex(QualifiedName written, boolean ifExists, boolean cascade) {
    ObjectName name = ObjectName.of(written);
    if (state.indexes.remove(name) != null) {
      ctx.dropped(Keys.relation(name), written.name().span());
      return;
    }
    Optional<ObjectName> owner = state.constraintIndex(name);
    if (owner.isPresent()) {
      Table table = state.tables.get(owner.get());
      ctx.error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop index " + name.display()
              + " because constraint " + ObjectName.quoted(name.name()) + " on table "
              + table.name() + " requires it", span(written),
          "note: the constraint is created at " + table.constraint(name.name()).get().origin()
              .describe(),
          "help: drop the constraint instead: ALTER TABLE " + table.name().display()
              + " DROP CONSTRAINT " + ObjectName.quoted(name.name()));
      return;
    }
    if (state.relationTaken(name)) {
      ctx.wrongKind(written, "index");
      return;
    }
    ctx.missingRelation(written, "index", ifExists);
  }

  void renameIndex(Operation.RenameIndex rename) {
    ObjectName name = ObjectName.of(rename.index());
    ObjectName to = ObjectName.in(name, rename.newName());
    Index index = state.indexes.get(name);
    Optional<ObjectName> owner = state.constraintIndex(name);
    if (index == null && owner.isEmpty()) {
      ctx.missingRelation(rename.index(), "index", rename.ifExists());
      return;
    }
    if (state.relationTaken(to)) {
      ctx.duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + to.display(),
          rename.newName().span(), state.relationOrigin(to));
      return;
    }
    if (index != null) {
      state.indexes.remove(name);
      state.indexes.put(to, new Index(to, index.table(), index.unique(), index.method(),
          index.keys(), index.include(), index.nullsNotDistinct(), index.options(), index.where(),
          index.comment(), index.origin()));
    } else {
      Table table = state.tables.get(owner.get());
      state.putTable(withConstraints(table, table.constraints().stream()
          .map(c -> c.name().equals(name.name())
              ? ConstraintApplier.renamedConstraint(c, to.name()) : c)
          .toList()));
    }
    ctx.renamed(Keys.relation(name), rename.index().name().span());
    ctx.touch(Keys.relation(to), rename.newName().span());
  }
}
