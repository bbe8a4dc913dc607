package dev.strata.compiler.schema;

import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.SequenceOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sequence statements of an {@link Applier}: {@code CREATE}, {@code ALTER} (its options in
 * force, {@code OWNED BY}) and {@code ALTER SEQUENCE ... RENAME}, also of the sequences an identity
 * or serial column makes implicitly.
 */
final class SequenceApplier {
  private final ApplyContext ctx;
  private final ModelState state;

  SequenceApplier(ApplyContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state;
  }

  void createSequence(Operation.CreateSequence create) {
    ObjectName name = ObjectName.of(create.sequence());
    if (!ctx.requireSchema(create.sequence()) || !ctx.freeRelation(create.sequence(),
        create.ifNotExists())) {
      return;
    }
    Optional<ColumnRef> owned = ownedBy(create.options()).orElse(Optional.empty());
    state.sequences.put(name, new Sequence(name, withoutOwnedBy(create.options()), owned,
        Optional.empty(), ctx.created(Keys.relation(name), create.sequence().name().span())));
  }

  /** {@code options} without {@code OWNED BY} (kept apart) and {@code RESTART} (not a state). */
  private static List<SequenceOption> withoutOwnedBy(List<SequenceOption> options) {
    return options.stream().filter(o -> !(o instanceof SequenceOption.OwnedBy)
        && !(o instanceof SequenceOption.Restart)).toList();
  }

  /**
   * The options in force after an {@code ALTER SEQUENCE} (or an identity column's {@code SET}):
   * each of {@code old} that {@code changes} does not restate, then {@link #withoutOwnedBy} of
   * {@code changes}.
   */
  static List<SequenceOption> mergeOptions(List<SequenceOption> old,
      List<SequenceOption> changes) {
    List<SequenceOption> out = new ArrayList<>();
    for (SequenceOption o : old) {
      if (changes.stream().noneMatch(c -> c.keyword().equals(o.keyword()))) {
        out.add(o);
      }
    }
    out.addAll(withoutOwnedBy(changes));
    return out;
  }

  /** The {@code OWNED BY} of {@code options}: empty when not written; checks the column. */
  private Optional<Optional<ColumnRef>> ownedBy(List<SequenceOption> options) {
    for (SequenceOption o : options) {
      if (o instanceof SequenceOption.OwnedBy owned) {
        if (owned.table().isEmpty()) {
          return Optional.of(Optional.empty());
        }
        Optional<Table> table = ctx.requireTable(owned.table().get(), false);
        if (table.isEmpty()) {
          return Optional.of(Optional.empty());
        }
        Identifier column = owned.column().get();
        if (table.get().column(ObjectName.fold(column)).isEmpty()
            && !state.opaqueTables.containsKey(table.get().name())) {
          ctx.missingColumn(table.get(), column);
          return Optional.of(Optional.empty());
        }
        return Optional.of(Optional.of(new ColumnRef(table.get().name(),
            ObjectName.fold(column))));
      }
    }
    return Optional.empty();
  }

  void alterSequence(Operation.AlterSequence alter) {
    ObjectName name = ObjectName.of(alter.sequence());
    Sequence seq = state.sequences.get(name);
    if (seq == null) {
      if (!state.implicitSequences.containsKey(name)) {
        ctx.missingRelation(alter.sequence(), "sequence", alter.ifExists());
      }
      return;
    }
    Optional<ColumnRef> owned = ownedBy(alter.options()).orElse(seq.ownedBy());
    ctx.touch(Keys.relation(name), alter.sequence().name().span());
    state.sequences.put(name, new Sequence(name, mergeOptions(seq.options(), alter.options()),
        owned, seq.comment(), seq.origin()));
  }

  void renameSequence(Operation.RenameSequence rename) {
    ObjectName name = ObjectName.of(rename.sequence());
    ObjectName to = ObjectName.in(name, rename.newName());
    Sequence seq = state.sequences.get(name);
    if (seq == null) {
      if (state.implicitSequences.containsKey(name) && !state.relationTaken(to)) {
        state.implicitSequences.put(to, state.implicitSequences.remove(name));
        return;
      }
      ctx.missingRelation(rename.sequence(), "sequence", rename.ifExists());
      return;
    }
    if (state.relationTaken(to)) {
      ctx.duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + to.display(),
          rename.newName().span(), state.relationOrigin(to));
      return;
    }
    state.sequences.remove(name);
    state.sequences.put(to, new Sequence(to, seq.options(), seq.ownedBy(), seq.comment(),
        seq.origin()));
    ctx.renamed(Keys.relation(name), rename.sequence().name().span());
    ctx.touch(Keys.relation(to), rename.newName().span());
  }
}
