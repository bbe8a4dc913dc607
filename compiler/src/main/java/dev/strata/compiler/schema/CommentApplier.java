package dev.strata.compiler.schema;

import dev.strata.compiler.schema.ModelState.Key;
import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import java.util.List;
import java.util.Optional;

/** The {@code COMMENT ON} statements of an {@link Applier}: each kind of object it may name. */
final class CommentApplier {
  private final ApplyContext ctx;
  private final ModelState state;

  CommentApplier(ApplyContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state;
  }

  void commentOn(Operation.CommentOn comment) {
    Optional<String> text = comment.text();
    QualifiedName object = comment.object();
    ObjectName name = ObjectName.of(object);
    switch (comment.kind()) {
      case TABLE -> ctx.requireTable(object, false).ifPresent(t -> {
        ctx.touch(Keys.part(Keys.relation(t.name()), "comment"), object.name().span());
        state.putTable(new Table(t.name(), t.columns(), t.constraints(), t.unlogged(),
            t.partitionBy(), t.partitionOf(), t.options(), text, t.origin()));
      });
      case COLUMN -> {
        if (!state.views.containsKey(name)) {
          commentOnColumn(comment, object, text);
        }
      }
      case INDEX -> commentOnIndex(object, name, text);
      case VIEW, MATERIALIZED_VIEW -> commentOnView(comment, object, name, text);
      case SEQUENCE -> commentOnSequence(object, name, text);
      case TYPE, DOMAIN -> commentOnType(object, name, text);
      case SCHEMA -> commentOnSchema(object);
      case EXTENSION -> commentOnExtension(object);
      case FUNCTION, PROCEDURE -> commentOnRoutine(comment, object, name);
      case TRIGGER -> commentOnTrigger(comment, object);
      case CONSTRAINT -> commentOnConstraint(comment, object);
      case POLICY -> ctx.requireTable(comment.table().get(), false);
    }
  }

  private void commentOnColumn(Operation.CommentOn comment, QualifiedName object,
      Optional<String> text) {
    ctx.requireTable(object, false).ifPresent(t -> ctx.tableApplier.changeColumn(t,
          comment.column().get(), c -> new Column(c.name(), c.type(), c.notNull(),
              c.defaultValue(), c.identity(), c.generated(), c.collation(), text, c.origin())));
  }

  private void commentOnIndex(QualifiedName object, ObjectName name, Optional<String> text) {
    Index index = state.indexes.get(name);
    if (index != null) {
      state.indexes.put(name, new Index(name, index.table(), index.unique(), index.method(),
          index.keys(), index.include(), index.nullsNotDistinct(), index.options(),
          index.where(), text, index.origin()));
    } else if (state.constraintIndex(name).isEmpty()) {
      ctx.missingRelation(object, "index", false);
    }
  }

  private void commentOnView(Operation.CommentOn comment, QualifiedName object, ObjectName name,
      Optional<String> text) {
    View view = state.views.get(name);
    if (view == null) {
      ctx.missingRelation(object, comment.kind() == Operation.CommentKind.VIEW ? "view"
          : "materialized view", false);
    } else {
      state.views.put(name, view.withComment(text));
    }
  }

  private void commentOnSequence(QualifiedName object, ObjectName name, Optional<String> text) {
    Sequence seq = state.sequences.get(name);
    if (seq != null) {
      state.sequences.put(name, new Sequence(name, seq.options(), seq.ownedBy(), text,
          seq.origin()));
    } else if (!state.implicitSequences.containsKey(name)) {
      ctx.missingRelation(object, "sequence", false);
    }
  }

  private void commentOnType(QualifiedName object, ObjectName name, Optional<String> text) {
    EnumType type = state.types.get(name);
    if (type != null) {
      state.types.put(name, new EnumType(name, type.values(), text, type.origin()));
    } else if (!state.otherTypes.containsKey(name)) {
      ctx.typeApplier.requireEnum(object, false);
    }
  }

  private void commentOnSchema(QualifiedName object) {
    String schema = ObjectName.fold(object.name());
    if (!schema.equals(ObjectName.DEFAULT_SCHEMA) && !state.schemas.containsKey(schema)) {
      ctx.missingObject("schema", ObjectName.quoted(schema), Keys.other("schema", schema),
          object.name().span(), false);
    }
  }

  private void commentOnExtension(QualifiedName object) {
    String ext = ObjectName.fold(object.name());
    if (!state.extensions.containsKey(ext)) {
      ctx.missingObject("extension", ext, Keys.other("extension", ext), object.name().span(),
          false);
    }
  }

  private void commentOnRoutine(Operation.CommentOn comment, QualifiedName object,
      ObjectName name) {
    if (comment.arguments().isPresent()) {
      String args = comment.arguments().get().sql().strip();
      List<String> types = args.isEmpty() ? List.of() : List.of(args.split(","));
      String signature = Routine.signature(name, types);
      if (!state.routines.containsKey(signature)) {
        ctx.missingObject("function", signature, Keys.other("routine", signature),
            object.name().span(), false);
      }
    } else {
      ctx.routineApplier.routineNamed(object, Optional.empty(), false);
    }
  }

  private void commentOnTrigger(Operation.CommentOn comment, QualifiedName object) {
    QualifiedName on = comment.table().get();
    ObjectName tableName = ObjectName.of(on);
    if (!state.tables.containsKey(tableName) && !state.views.containsKey(tableName)) {
      ctx.missingRelation(on, "table", false);
      return;
    }
    Key key = Keys.trigger(tableName, ObjectName.fold(object.name()));
    if (!state.triggers.containsKey(key.toString())) {
      ctx.missingObject("trigger", ObjectName.fold(object.name()) + " on " + tableName, key,
          object.name().span(), false);
    }
  }

  private void commentOnConstraint(Operation.CommentOn comment, QualifiedName object) {
    ctx.requireTable(comment.table().get(), false).ifPresent(t -> {
      if (t.constraint(ObjectName.fold(object.name())).isEmpty()) {
        ctx.missingConstraint(t, object.name());
      }
    });
  }
}
