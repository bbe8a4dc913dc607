package dev.strata.compiler.schema;

import static dev.strata.compiler.schema.ApplyContext.span;
import static dev.strata.compiler.schema.ApplyContext.withColumns;
import static dev.strata.compiler.schema.ApplyContext.withConstraints;
import static dev.strata.compiler.schema.ApplyContext.withNotNull;

import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.TableConstraint;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The table statements of an {@link Applier}: {@code CREATE TABLE} (also {@code PARTITION OF} and
 * {@code AS}), {@code DROP TABLE} and each action of {@code ALTER TABLE} on columns, options and
 * names (the constraint actions go to {@link ConstraintApplier}). PostgreSQL's rules: a column
 * keeps its place, a rename carries its dependents, a drop refuses dependents without {@code
 * CASCADE}.
 */
final class TableApplier {
  private final ApplyContext ctx;
  private final ModelState state;
  /** Where the last {@code RENAME TO} or {@code SET SCHEMA} of a table moved it, if it did. */
  private ObjectName movedTo;

  TableApplier(ApplyContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state;
  }

  void createTable(Operation.CreateTable create) {
    ObjectName name = ObjectName.of(create.table());
    if (!ctx.requireSchema(create.table())
        || !ctx.freeRelation(create.table(), create.ifNotExists())) {
      return;
    }
    Origin origin = ctx.created(Keys.relation(name), create.table().name().span());
    Table table = new Table(name, List.of(), List.of(), create.unlogged(), create.partitionBy(),
        Optional.empty(), create.options(), Optional.empty(), origin);
    state.putTable(table);
    List<TableConstraint> constraints = new ArrayList<>();
    for (ColumnDef column : create.columns()) {
      if (!addColumn(name, column, false, constraints)) {
        continue;
      }
    }
    constraints.addAll(create.constraints());
    ctx.constraintApplier.addConstraints(name, constraints);
  }

  void createPartition(Operation.CreatePartition create) {
    ObjectName name = ObjectName.of(create.table());
    if (!ctx.requireSchema(create.table())
        || !ctx.freeRelation(create.table(), create.ifNotExists())) {
      return;
    }
    Optional<Table> parent = ctx.requireTable(create.parent(), false);
    Origin origin = ctx.created(Keys.relation(name), create.table().name().span());
    List<Column> columns = parent.map(Table::columns).orElse(List.of());
    state.putTable(new Table(name, columns, List.of(), create.unlogged(), create.partitionBy(),
        parent.map(Table::name), create.options(), Optional.empty(), origin));
    if (parent.isPresent() && state.opaqueTables.containsKey(parent.get().name())) {
      state.opaqueTables.put(name, origin);
    }
    ctx.constraintApplier.addConstraints(name, create.constraints());
  }

  void createTableAs(Operation.CreateTableAs create) {
    ObjectName name = ObjectName.of(create.table());
    if (!ctx.requireSchema(create.table())
        || !ctx.freeRelation(create.table(), create.ifNotExists())) {
      return;
    }
    Origin origin = ctx.created(Keys.relation(name), create.table().name().span());
    state.putTable(new Table(name, List.of(), List.of(), create.unlogged(), Optional.empty(),
        Optional.empty(), create.options(), Optional.empty(), origin));
    state.opaqueTables.put(name, origin);
  }

  /** Adds a column to the table {@code table}; its constraints go to {@code constraints}. */
  private boolean addColumn(ObjectName tableName, ColumnDef def, boolean ifNotExists,
      List<TableConstraint> constraints) {
    Table table = state.tables.get(tableName);
    String name = ObjectName.fold(def.name());
    Optional<Column> existing = table.column(name);
    if (existing.isPresent()) {
      if (!ifNotExists) {
        ctx.duplicate(SchemaCode.DUPLICATE_COLUMN, "column " + ObjectName.quoted(name)
            + " of table "
            + tableName, def.name().span(), Optional.of(existing.get().origin()));
      }
      return false;
    }
    boolean notNull = false;
    Optional<dev.strata.grammar.ast.Expr> defaultValue = Optional.empty();
    Optional<ColumnConstraint.Identity> identity = Optional.empty();
    Optional<dev.strata.grammar.ast.Expr> generated = Optional.empty();
    for (ColumnConstraint c : def.constraints()) {
      switch (c) {
        case ColumnConstraint.NotNull ignored -> notNull = true;
        case ColumnConstraint.Null ignored -> notNull = false;
        case ColumnConstraint.Default d -> defaultValue = Optional.of(d.value());
        case ColumnConstraint.Generated g -> generated = Optional.of(g.expression());
        case ColumnConstraint.Identity i -> {
          identity = Optional.of(i);
          notNull = true;
        }
        case ColumnConstraint.PrimaryKey pk -> {
          notNull = true;
          constraints.add(new TableConstraint.PrimaryKey(pk.name(), List.of(def.name()),
              pk.timing()));
        }
        case ColumnConstraint.Unique u -> constraints.add(new TableConstraint.Unique(u.name(),
            List.of(def.name()), false, u.timing()));
        case ColumnConstraint.Check check -> constraints.add(new TableConstraint.Check(
            check.name(), check.condition(), false));
        case ColumnConstraint.References ref -> constraints.add(new TableConstraint.ForeignKey(
            ref.name(), List.of(def.name()), ref.table(), ref.column().stream().toList(),
            ref.match(), ref.onDelete(), ref.onUpdate(), ref.timing(), false));
      }
    }
    Origin origin = ctx.created(Keys.column(tableName, name), def.name().span());
    Column column = new Column(name, def.type(), notNull, defaultValue, identity, generated,
        def.collation(), Optional.empty(), origin);
    List<Column> columns = new ArrayList<>(table.columns());
    columns.add(column);
    state.putTable(withColumns(table, columns));
    if (def.type().kind().autoIncrement() || identity.isPresent()) {
      String seq = ImplicitNames.choose(tableName.name(), name, "seq",
          n -> state.relationTaken(new ObjectName(tableName.schema(), n)));
      state.implicitSequences.put(new ObjectName(tableName.schema(), seq),
          new ColumnRef(tableName, name));
    }
    return true;
  }

  void dropTable(QualifiedName name, boolean ifExists, boolean cascade) {
    ObjectName table = ObjectName.of(name);
    if (!state.tables.containsKey(table)) {
      if (state.views.containsKey(table)) {
        ctx.wrongKind(name, "table");
        return;
      }
      ctx.missingRelation(name, "table", ifExists);
      return;
    }
    if (!cascade) {
      Optional<String> dependent = tableDependent(table);
      if (dependent.isPresent()) {
        ctx.error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop table " + table
                + " because other objects depend on it", span(name),
            "note: " + dependent.get(),
            "help: drop the dependent objects first, or write DROP TABLE ... CASCADE");
        return;
      }
    }
    removeTableAndDependents(table, cascade);
    ctx.dropped(Keys.relation(table), name.name().span());
  }

  /** A foreign key of another table or a view that depends on {@code table}, described. */
  private Optional<String> tableDependent(ObjectName table) {
    for (Table other : state.referencing(table)) {
      if (other.name().equals(table) || other.partitionOf().filter(table::equals).isPresent()
          || ctx.together.contains(other.name())) {
        continue;
      }
      for (Constraint c : other.constraints()) {
        if (c instanceof Constraint.ForeignKey fk && fk.references().equals(table)) {
          return Optional.of("constraint " + fk.name() + " on table " + other.name()
              + " references it, created at " + fk.origin().describe());
        }
      }
    }
    for (View view : state.readersOf(table)) {
      if (!ctx.together.contains(view.name())) {
        return Optional.of("view " + view.name() + " reads it, created at "
            + view.origin().describe());
      }
    }
    return Optional.empty();
  }

  void removeTableAndDependents(ObjectName table, boolean cascade) {
    Table removed = state.tables.get(table);
    state.removeTable(table);
    state.opaqueTables.remove(table);
    state.indexesOn(table).forEach(i -> state.indexes.remove(i.name()));
    state.triggersOn(table).forEach(t -> state.triggers.remove(t.key()));
    state.sequencesOwnedBy(table).forEach(s -> state.sequences.remove(s.name()));
    state.implicitSequencesOf(table).forEach(state.implicitSequences::remove);
    // its partitions go with it; the other tables' foreign keys to it go (in creation order)
    List<Table> partitions = state.partitionsOf(table);
    List<ObjectName> affected = new ArrayList<>();
    partitions.forEach(t -> affected.add(t.name()));
    state.referencing(table).forEach(t -> affected.add(t.name()));
    for (ObjectName name : state.tables.inOrder(new LinkedHashSet<>(affected))) {
      Table other = state.tables.get(name);
      if (other == null) {
        continue; // gone with a partition dropped before it
      }
      if (other.partitionOf().filter(table::equals).isPresent()) {
        removeTableAndDependents(other.name(), cascade);
        continue;
      }
      List<Constraint> kept = other.constraints().stream().filter(c ->
          !(c instanceof Constraint.ForeignKey fk && fk.references().equals(table))).toList();
      if (kept.size() != other.constraints().size()) {
        state.putTable(withConstraints(other, kept));
      }
    }
    if (cascade) {
      state.readersOf(table).forEach(view -> state.views.remove(view.name()));
    }
    if (removed != null) {
      for (Column c : removed.columns()) {
        state.gone.remove(Keys.column(table, c.name()));
      }
    }
  }

  void alterTable(Operation.AlterTable alter) {
    ObjectName written = ObjectName.of(alter.table());
    if (state.views.containsKey(written) && alter.actions().size() == 1) {
      // PostgreSQL lets ALTER TABLE rename a view or move it to another schema
      AlterAction action = alter.actions().getFirst();
      ViewDefinition.Change change = null;
      if (action instanceof AlterAction.RenameTable rename) {
        change = new ViewDefinition.Change.RenameTo(rename.newName());
      } else if (action instanceof AlterAction.SetSchema set) {
        change = new ViewDefinition.Change.SetSchema(set.schema());
      }
      if (change != null) {
        ctx.viewApplier.alterView(alter.table(), state.views.get(written).materialized(), false,
            change);
        return;
      }
    }
    Optional<Table> found = ctx.requireTable(alter.table(), alter.ifExists());
    if (found.isEmpty()) {
      return;
    }
    ObjectName current = found.get().name();
    for (AlterAction action : alter.actions()) {
      final ObjectName name = current;
      Table table = state.tables.get(name);
      if (table == null) {
        return;
      }
      switch (action) {
        case AlterAction.AddColumn add -> {
          List<TableConstraint> constraints = new ArrayList<>();
          if (addColumn(name, add.column(), add.ifNotExists(), constraints)) {
            ctx.constraintApplier.addConstraints(name, constraints);
          }
        }
        case AlterAction.DropColumn drop -> dropColumn(table, drop);
        case AlterAction.RenameColumn rename -> renameColumn(table, rename);
        case AlterAction.AlterColumnType change -> {
          if (change.using().isEmpty()) {
            table.column(ObjectName.fold(change.column()))
                .ifPresent(col -> requireConversion(table, col, change));
          }
          changeColumn(table, change.column(), col ->
              new Column(col.name(), change.type(), col.notNull(), col.defaultValue(),
                  col.identity(), col.generated(), change.collation().or(col::collation),
                  col.comment(), col.origin()));
        }
        case AlterAction.SetDefault set -> changeColumn(table, set.column(), col ->
            new Column(col.name(), col.type(), col.notNull(), Optional.of(set.value()),
                col.identity(), col.generated(), col.collation(), col.comment(), col.origin()));
        case AlterAction.DropDefault drop -> changeColumn(table, drop.column(), col ->
            new Column(col.name(), col.type(), col.notNull(), Optional.empty(),
                col.identity(), col.generated(), col.collation(), col.comment(), col.origin()));
        case AlterAction.SetNotNull set -> changeColumn(table, set.column(),
            col -> withNotNull(col, true));
        case AlterAction.DropNotNull drop -> changeColumn(table, drop.column(),
            col -> withNotNull(col, false));
        case AlterAction.DropExpression drop -> changeColumn(table, drop.column(), col ->
            new Column(col.name(), col.type(), col.notNull(), col.defaultValue(),
                col.identity(), Optional.empty(), col.collation(), col.comment(), col.origin()));
        case AlterAction.AddConstraint add ->
            ctx.constraintApplier.addConstraints(name, List.of(add.constraint()));
        case AlterAction.DropConstraint drop -> ctx.constraintApplier.dropConstraint(table, drop);
        case AlterAction.RenameTable rename -> moveTable(table, alter.table(),
            new ObjectName(name.schema(), ObjectName.fold(rename.newName())), rename.newName());
        case AlterAction.AddIdentity add -> {
          changeColumn(table, add.column(), col -> new Column(col.name(), col.type(), true,
              col.defaultValue(), Optional.of(new ColumnConstraint.Identity(add.always(),
                  add.options())), col.generated(), col.collation(), col.comment(),
              col.origin()));
          String col = ObjectName.fold(add.column());
          if (state.tables.get(name).column(col).isPresent()) {
            String seq = ImplicitNames.choose(name.name(), col, "seq",
                n -> state.relationTaken(new ObjectName(name.schema(), n)));
            state.implicitSequences.put(new ObjectName(name.schema(), seq),
                new ColumnRef(name, col));
          }
        }
        case AlterAction.AlterIdentity change -> changeColumn(table, change.column(), col -> {
          ColumnConstraint.Identity old =
              col.identity().orElse(new ColumnConstraint.Identity(false));
          return new Column(col.name(), col.type(), col.notNull(), col.defaultValue(),
              Optional.of(new ColumnConstraint.Identity(change.always().orElse(old.always()),
                  SequenceApplier.mergeOptions(old.options(), change.options()))),
              col.generated(), col.collation(), col.comment(), col.origin());
        });
        case AlterAction.DropIdentity drop -> {
          changeColumn(table, drop.column(), col -> new Column(col.name(), col.type(),
              col.notNull(), col.defaultValue(), Optional.empty(), col.generated(),
              col.collation(), col.comment(), col.origin()));
          String col = ObjectName.fold(drop.column());
          ColumnRef identity = new ColumnRef(name, col);
          for (ObjectName seq : state.implicitSequencesOf(name)) {
            if (state.implicitSequences.get(seq).equals(identity)) {
              state.implicitSequences.remove(seq);
            }
          }
        }
        case AlterAction.RenameConstraint rename ->
            ctx.constraintApplier.renameConstraint(table, rename);
        case AlterAction.AlterConstraint change ->
            ctx.constraintApplier.changeConstraint(table, change.name(), c -> switch (c) {
              case Constraint.ForeignKey fk -> new Constraint.ForeignKey(fk.name(), fk.columns(),
                  fk.references(), fk.referencedColumns(), fk.match(), fk.onDelete(),
                  fk.onUpdate(), change.timing(), fk.notValid(), fk.origin());
              case Constraint.PrimaryKey pk -> pk;
              case Constraint.Unique u -> u;
              case Constraint.Check ck -> ck;
              case Constraint.Exclude ex -> ex;
            });
        case AlterAction.ValidateConstraint validate ->
            ctx.constraintApplier.changeConstraint(table, validate.name(), c -> switch (c) {
              case Constraint.ForeignKey fk -> new Constraint.ForeignKey(fk.name(), fk.columns(),
                  fk.references(), fk.referencedColumns(), fk.match(), fk.onDelete(),
                  fk.onUpdate(), fk.timing(), false, fk.origin());
              case Constraint.Check ck -> new Constraint.Check(ck.name(), ck.condition(), false,
                  ck.origin());
              case Constraint.PrimaryKey pk -> pk;
              case Constraint.Unique u -> u;
              case Constraint.Exclude ex -> ex;
            });
        case AlterAction.AttachPartition attach -> ctx.requireTable(attach.partition(), false)
            .ifPresent(partition -> state.putTable(new Table(partition.name(),
                partition.columns(), partition.constraints(), partition.unlogged(),
                partition.partitionBy(), Optional.of(name), partition.options(),
                partition.comment(), partition.origin())));
        case AlterAction.DetachPartition detach -> ctx.requireTable(detach.partition(), false)
            .ifPresent(partition -> state.putTable(new Table(partition.name(),
                partition.columns(), partition.constraints(), partition.unlogged(),
                partition.partitionBy(), Optional.empty(), partition.options(),
                partition.comment(), partition.origin())));
        case AlterAction.SetSchema set -> {
          String schema = ObjectName.fold(set.schema());
          if (!schema.equals(ObjectName.DEFAULT_SCHEMA) && !state.schemas.containsKey(schema)) {
            ctx.missingObject("schema", ObjectName.quoted(schema), Keys.other("schema", schema),
                set.schema().span(), false);
          } else {
            moveTable(table, alter.table(), new ObjectName(schema, name.name()), set.schema());
          }
        }
      }
      if (action instanceof AlterAction.RenameTable || action instanceof AlterAction.SetSchema) {
        Table moved = movedTo == null ? null : state.tables.get(movedTo);
        current = moved != null && moved.origin().equals(table.origin()) ? movedTo : name;
        movedTo = null;
      }
    }
  }

  /**
   * E0622 when PostgreSQL would stop at {@code change}, a type change without {@code USING} of
   * {@code column} to a type it does not convert the column's to by itself ({@link
   * TypeConversion}): {@code column "c" cannot be cast automatically to type t}.
   */
  private void requireConversion(Table table, Column column, AlterAction.AlterColumnType change) {
    if (TypeConversion.of(column.type(), change.type(),
        TypeConversion.enumTypes(state.types::containsKey))
        != TypeConversion.Answer.NEEDS_USING) {
      return;
    }
    String to = SchemaText.type(change.type());
    String name = ObjectName.quoted(column.name());
    ctx.error(SchemaCode.NEEDS_USING, "column " + column.name() + " of table "
            + table.name().display() + " cannot be cast automatically to type " + to,
        change.column().span(),
        "note: it is " + SchemaText.type(column.type()) + ", which PostgreSQL converts to " + to
            + " only with USING",
        "help: say how: ALTER TABLE " + table.name().display() + " ALTER COLUMN " + name
            + " TYPE " + to + " USING " + name + "::" + to);
  }

  void changeColumn(Table table, Identifier column,
      UnaryOperator<Column> change) {
    String name = ObjectName.fold(column);
    Optional<Column> col = table.column(name);
    if (col.isEmpty()) {
      if (!state.opaqueTables.containsKey(table.name())) {
        ctx.missingColumn(table, column);
      }
      return;
    }
    ctx.touch(Keys.column(table.name(), name), column.span());
    state.putTable(withColumns(table, table.columns().stream()
        .map(c -> c.name().equals(name) ? change.apply(c) : c).toList()));
  }

  private void dropColumn(Table table, AlterAction.DropColumn drop) {
    String name = ObjectName.fold(drop.column());
    if (table.column(name).isEmpty()) {
      if (!state.opaqueTables.containsKey(table.name())) {
        if (!drop.ifExists()) {
          ctx.missingColumn(table, drop.column());
        }
      }
      return;
    }
    ObjectName tableName = table.name();
    if (!drop.cascade()) {
      for (Table other : state.referencing(tableName)) {
        for (Constraint c : other.constraints()) {
          if (c instanceof Constraint.ForeignKey fk && fk.references().equals(tableName)
              && fk.referencedColumns().contains(name) && !other.name().equals(tableName)) {
            ctx.error(SchemaCode.DEPENDENT_COLUMN, "cannot drop column " + ObjectName.quoted(name)
                    + " of table " + tableName + " because other objects depend on it",
                drop.column().span(), "note: constraint " + fk.name() + " on table "
                    + other.name() + " references it, created at " + fk.origin().describe(),
                "help: drop the foreign key first, or write DROP COLUMN ... CASCADE");
            return;
          }
        }
      }
      for (View view : state.readersOf(tableName)) {
        if (ConstraintApplier.readColumns(view.definition().query().sql(), table).contains(name)) {
          ctx.error(SchemaCode.DEPENDENT_COLUMN, "cannot drop column " + ObjectName.quoted(name)
                  + " of table " + tableName + " because other objects depend on it",
              drop.column().span(), "note: view " + view.name() + " reads it, created at "
                  + view.origin().describe(),
              "help: drop or redefine the view first, or write DROP COLUMN ... CASCADE");
          return;
        }
      }
    }
    List<Column> columns = table.columns().stream().filter(c -> !c.name().equals(name)).toList();
    List<Constraint> constraints = table.constraints().stream()
        .filter(c -> !c.columns().contains(name)
            && !(c instanceof Constraint.Check ck
                && ConstraintApplier.readColumns(ck.condition().sql(), table).contains(name)))
        .toList();
    state.putTable(new Table(tableName, columns, constraints, table.unlogged(),
        table.partitionBy(), table.partitionOf(), table.options(), table.comment(),
        table.origin()));
    for (Index i : state.indexesOn(tableName)) {
      if (i.include().contains(name) || i.keys().stream().anyMatch(k -> k.column()
          .map(ObjectName::fold).filter(name::equals).isPresent())) {
        state.indexes.remove(i.name());
      }
    }
    ColumnRef ref = new ColumnRef(tableName, name);
    for (Sequence seq : state.sequencesOwnedBy(tableName)) {
      if (seq.ownedBy().filter(ref::equals).isPresent()) {
        state.sequences.remove(seq.name());
      }
    }
    for (ObjectName seq : state.implicitSequencesOf(tableName)) {
      if (state.implicitSequences.get(seq).equals(ref)) {
        state.implicitSequences.remove(seq);
      }
    }
    for (Table other : state.referencing(tableName)) {
      List<Constraint> kept = other.constraints().stream().filter(c -> !(c instanceof
          Constraint.ForeignKey fk && fk.references().equals(tableName)
          && fk.referencedColumns().contains(name))).toList();
      if (kept.size() != other.constraints().size()) {
        state.putTable(withConstraints(other, kept));
      }
    }
    ctx.dropped(Keys.column(tableName, name), drop.column().span());
  }

  private void renameColumn(Table table, AlterAction.RenameColumn rename) {
    String from = ObjectName.fold(rename.from());
    String to = ObjectName.fold(rename.to());
    if (table.column(from).isEmpty()) {
      if (!state.opaqueTables.containsKey(table.name())) {
        ctx.missingColumn(table, rename.from());
      }
      return;
    }
    Optional<Column> clash = table.column(to);
    if (clash.isPresent()) {
      ctx.duplicate(SchemaCode.DUPLICATE_COLUMN, "column " + ObjectName.quoted(to) + " of table "
          + table.name(), rename.to().span(), Optional.of(clash.get().origin()));
      return;
    }
    ObjectName tableName = table.name();
    // PostgreSQL's views follow the rename; the model's text of them does not
    View.Rename inViews = new View.Rename("column", Optional.of("table " + tableName.display()),
        ObjectName.quoted(from), ObjectName.quoted(to), ctx.origin(rename.to().span()));
    for (View view : state.readersOf(tableName)) {
      if (view.undoes(inViews)
          || ConstraintApplier.readColumns(view.definition().query().sql(), table).contains(from)) {
        state.views.put(view.name(), view.renamed(inViews));
      }
    }
    UnaryOperator<List<String>> rn =
        cols -> cols.stream().map(c -> c.equals(from) ? to : c).toList();
    // the table's expressions name the column by its new name, as PostgreSQL shows them
    UnaryOperator<Expr> re = e -> ColumnRenames.renamed(e, tableName.name(), from, to);
    List<Column> columns = table.columns().stream().map(c -> new Column(
        c.name().equals(from) ? to : c.name(), c.type(), c.notNull(), c.defaultValue(),
        c.identity(), c.generated().map(re), c.collation(), c.comment(), c.origin())).toList();
    List<Constraint> constraints = table.constraints().stream().map(c -> renameIn(c, rn,
        tableName, tableName)).map(c -> c instanceof Constraint.Check ck
            ? new Constraint.Check(ck.name(), re.apply(ck.condition()), ck.notValid(), ck.origin())
            : c).toList();
    state.putTable(new Table(tableName, columns, constraints, table.unlogged(),
        table.partitionBy(), table.partitionOf(), table.options(), table.comment(),
        table.origin()));
    for (Table other : state.referencing(tableName)) {
      if (!other.name().equals(tableName)) {
        List<Constraint> updated = other.constraints().stream().map(c -> c instanceof
            Constraint.ForeignKey fk && fk.references().equals(tableName)
            ? new Constraint.ForeignKey(fk.name(), fk.columns(), fk.references(),
                rn.apply(fk.referencedColumns()), fk.match(), fk.onDelete(), fk.onUpdate(),
                fk.timing(), fk.notValid(), fk.origin()) : c).toList();
        if (!updated.equals(other.constraints())) {
          state.putTable(withConstraints(other, updated));
        }
      }
    }
    for (Index index : state.indexesOn(tableName)) {
      state.indexes.put(index.name(), new Index(index.name(), index.table(), index.unique(),
          index.method(), index.keys().stream().map(k -> k.column()
              .filter(c -> ObjectName.fold(c).equals(from))
              .map(c -> new IndexElement(Optional.of(rename.to()), k.expression(),
                  k.collation(), k.opclass(), k.opclassParameters(), k.order(), k.nulls()))
              .orElse(new IndexElement(k.column(), k.expression().map(re), k.collation(),
                  k.opclass(), k.opclassParameters(), k.order(), k.nulls()))).toList(),
          rn.apply(index.include()), index.nullsNotDistinct(), index.options(),
          index.where().map(re), index.comment(), index.origin()));
    }
    ColumnRef old = new ColumnRef(tableName, from);
    ColumnRef renamed = new ColumnRef(tableName, to);
    for (ObjectName seq : state.implicitSequencesOf(tableName)) {
      if (state.implicitSequences.get(seq).equals(old)) {
        state.implicitSequences.put(seq, renamed);
      }
    }
    for (Sequence s : state.sequencesOwnedBy(tableName)) {
      if (s.ownedBy().filter(old::equals).isPresent()) {
        state.sequences.put(s.name(), new Sequence(s.name(), s.options(), Optional.of(renamed),
            s.comment(), s.origin()));
      }
    }
    ctx.renamed(Keys.column(tableName, from), rename.from().span());
    ctx.touch(Keys.column(tableName, to), rename.to().span());
  }

  private static Constraint renameIn(Constraint c, UnaryOperator<List<String>> rn,
      ObjectName oldTable, ObjectName newTable) {
    return switch (c) {
      case Constraint.PrimaryKey pk -> new Constraint.PrimaryKey(pk.name(), rn.apply(pk.columns()),
          pk.timing(), pk.origin());
      case Constraint.Unique u -> new Constraint.Unique(u.name(), rn.apply(u.columns()),
          u.nullsNotDistinct(), u.timing(), u.origin());
      case Constraint.Check ck -> ck;
      case Constraint.Exclude ex -> ex;
      case Constraint.ForeignKey fk -> {
        boolean self = fk.references().equals(oldTable);
        yield new Constraint.ForeignKey(fk.name(), rn.apply(fk.columns()),
            self ? newTable : fk.references(),
            self ? rn.apply(fk.referencedColumns()) : fk.referencedColumns(), fk.match(),
            fk.onDelete(), fk.onUpdate(), fk.timing(), fk.notValid(), fk.origin());
      }
    };
  }

  /** {@code RENAME TO} or {@code SET SCHEMA}: the table and what belongs to it move. */
  private void moveTable(Table table, QualifiedName written, ObjectName to, Identifier at) {
    ObjectName from = table.name();
    if (state.relationTaken(to)) {
      ctx.duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + to.display(), at.span(),
          state.relationOrigin(to));
      return;
    }
    boolean moveSchema = !from.schema().equals(to.schema());
    Table moved = new Table(to, table.columns(), table.constraints().stream()
        .map(c -> renameIn(c, cols -> cols, from, to)).toList(), table.unlogged(),
        table.partitionBy(), table.partitionOf(), table.options(), table.comment(),
        table.origin());
    state.replaceTable(table, moved);
    movedTo = to;
    // PostgreSQL's views follow the table; the model's text of them names it as before
    View.Rename renamed = new View.Rename("table", Optional.empty(), from.display(),
        to.display(), ctx.origin(at.span()));
    for (View view : state.readersOf(from)) {
      state.views.put(view.name(), view.readsMoved(from, to, renamed));
    }
    LinkedHashSet<ObjectName> affected = new LinkedHashSet<>();
    state.referencing(from).forEach(t -> affected.add(t.name()));
    state.partitionsOf(from).forEach(t -> affected.add(t.name()));
    for (ObjectName otherName : state.tables.inOrder(affected)) {
      Table other = state.tables.get(otherName);
      if (other.name().equals(to)) {
        continue;
      }
      List<Constraint> updated = other.constraints().stream().map(c -> c instanceof
          Constraint.ForeignKey fk && fk.references().equals(from)
          ? new Constraint.ForeignKey(fk.name(), fk.columns(), to, fk.referencedColumns(),
              fk.match(), fk.onDelete(), fk.onUpdate(), fk.timing(), fk.notValid(), fk.origin())
          : c).toList();
      Optional<ObjectName> parent = other.partitionOf().map(p -> p.equals(from) ? to : p);
      if (!updated.equals(other.constraints()) || !parent.equals(other.partitionOf())) {
        state.putTable(new Table(other.name(), other.columns(), updated, other.unlogged(),
            other.partitionBy(), parent, other.options(), other.comment(), other.origin()));
      }
    }
    for (Index index : state.indexesOn(from)) {
      ObjectName indexName = moveSchema ? new ObjectName(to.schema(), index.name().name())
          : index.name();
      state.indexes.remove(index.name());
      state.indexes.put(indexName, new Index(indexName, to, index.unique(), index.method(),
          index.keys(), index.include(), index.nullsNotDistinct(), index.options(),
          index.where(), index.comment(), index.origin()));
    }
    for (Trigger trigger : state.triggersOn(from)) {
      state.triggers.remove(trigger.key());
      Trigger movedTrigger = new Trigger(trigger.name(), to, trigger.definition(),
          trigger.sql(), trigger.origin());
      state.triggers.put(movedTrigger.key(), movedTrigger);
    }
    for (ObjectName seq : state.implicitSequencesOf(from)) {
      state.implicitSequences.put(seq, new ColumnRef(to, state.implicitSequences.get(seq)
          .column()));
    }
    if (moveSchema) {
      for (ObjectName seq : state.implicitSequencesOf(to)) {
        ColumnRef owner = state.implicitSequences.remove(seq);
        state.implicitSequences.put(new ObjectName(to.schema(), seq.name()), owner);
      }
    }
    for (Sequence seq : state.sequencesOwnedBy(from)) {
      ObjectName seqName = moveSchema ? new ObjectName(to.schema(), seq.name().name())
          : seq.name();
      state.sequences.remove(seq.name());
      state.sequences.put(seqName, new Sequence(seqName, seq.options(),
          Optional.of(new ColumnRef(to, seq.ownedBy().get().column())), seq.comment(),
          seq.origin()));
    }
    if (state.opaqueTables.containsKey(from)) {
      state.opaqueTables.put(to, state.opaqueTables.remove(from));
    }
    ctx.renamed(Keys.relation(from), written.name().span());
    ctx.touch(Keys.relation(to), at.span());
  }
}
