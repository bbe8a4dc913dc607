package dev.strata.compiler.schema;

import static dev.strata.compiler.schema.ApplyContext.first;
import static dev.strata.compiler.schema.ApplyContext.span;
import static dev.strata.compiler.schema.ApplyContext.withColumns;
import static dev.strata.compiler.schema.ApplyContext.withConstraints;
import static dev.strata.compiler.schema.ApplyContext.withNotNull;

import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The constraints of an {@link Applier}'s tables: added by {@code CREATE TABLE} or {@code ALTER
 * TABLE ... ADD}, dropped, renamed and changed, named as PostgreSQL names them when the statement
 * does not ({@code ImplicitNames}), with their checks: the key columns exist, a foreign key
 * references a primary key or unique constraint, a name is free among the schema's relations when
 * the constraint has an index.
 */
final class ConstraintApplier {
  /** A quoted or plain identifier, or a string literal to skip ({@link #readColumns}). */
  private static final Pattern WORD =
      Pattern.compile("\"((?:[^\"]|\"\")+)\"|'(?:[^']|'')*'|([A-Za-z_][A-Za-z0-9_$]*)");

  private final ApplyContext ctx;
  private final ModelState state;

  ConstraintApplier(ApplyContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state;
  }

  /** Adds constraints in PostgreSQL's order of naming: checks, keys, exclusions, foreign keys. */
  void addConstraints(ObjectName tableName, List<TableConstraint> constraints) {
    List<String> checkNames = new ArrayList<>();
    for (TableConstraint c : constraints) {
      if (c instanceof TableConstraint.Check check) {
        addCheck(tableName, check, checkNames);
      }
    }
    constraints.stream().filter(TableConstraint.PrimaryKey.class::isInstance)
        .forEach(c -> addConstraint(tableName, c));
    for (TableConstraint c : constraints) {
      if (!(c instanceof TableConstraint.Check) && !(c instanceof TableConstraint.PrimaryKey)
          && !(c instanceof TableConstraint.ForeignKey)) {
        addConstraint(tableName, c);
      }
    }
    constraints.stream().filter(TableConstraint.ForeignKey.class::isInstance)
        .forEach(c -> addConstraint(tableName, c));
  }

  private void addCheck(ObjectName tableName, TableConstraint.Check check, List<String> names) {
    Table table = state.tables.get(tableName);
    String name;
    if (check.name().isPresent()) {
      name = ObjectName.fold(check.name().get());
      if (!freeConstraintName(table, check.name().get(), false)) {
        return;
      }
    } else {
      Set<String> read = readColumns(check.condition().sql(), table);
      name = ImplicitNames.choose(tableName.name(),
          read.size() == 1 ? read.iterator().next() : null, "check",
          n -> names.contains(n) || state.constraintNameUsed(tableName.schema(), n));
    }
    names.add(name);
    Origin origin = ctx.created(Keys.constraint(tableName, name),
        check.name().flatMap(Identifier::span).or(() -> Optional.of(check.condition().span())));
    putConstraint(tableName, new Constraint.Check(name, check.condition(), check.notValid(),
        origin));
  }

  /** The table's columns {@code sql} names (outside strings), in order of appearance. */
  static Set<String> readColumns(String sql, Table table) {
    Set<String> read = new LinkedHashSet<>();
    Matcher m = WORD.matcher(sql);
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
          : m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : null;
      if (word != null && table.column(word).isPresent()) {
        read.add(word);
      }
    }
    return read;
  }

  private void addConstraint(ObjectName tableName, TableConstraint c) {
    Table table = state.tables.get(tableName);
    // a UNIQUE/PRIMARY KEY constraint is also a relation (its index), except one that takes over
    // an index of its own name (ADD CONSTRAINT i UNIQUE USING INDEX i, the lint alternative)
    boolean relation = switch (c) {
      case TableConstraint.ForeignKey ignored -> false;
      case TableConstraint.Check ignored -> false;
      case TableConstraint.UsingIndex using ->
          !c.name().map(ObjectName::fold).equals(Optional.of(ObjectName.fold(using.index())));
      default -> true;
    };
    if (c.name().isPresent() && !freeConstraintName(table, c.name().get(), relation)) {
      return;
    }
    Optional<Span> at = c.name().flatMap(Identifier::span);
    if (relation && c.name().isPresent()) {
      // its index takes the name in the schema's relations: two branches that each add one of
      // that name, on different tables, meet at their merge (PostgreSQL: "relation already
      // exists"), as two tables of one name do
      ctx.touch(Keys.relation(new ObjectName(tableName.schema(), ObjectName.fold(c.name().get()))),
          at);
    }
    switch (c) {
      case TableConstraint.Check check -> addCheck(tableName, check, new ArrayList<>());
      case TableConstraint.PrimaryKey pk -> {
        if (table.primaryKey().isPresent()) {
          ctx.duplicate(SchemaCode.DUPLICATE_CONSTRAINT, "primary key of table " + tableName,
              at.or(() -> first(pk.columns())), Optional.of(table.primaryKey().get().origin()));
          return;
        }
        List<String> columns = keyColumns(table, pk.columns());
        if (columns == null) {
          return;
        }
        String name = c.name().map(ObjectName::fold).orElseGet(() -> relationName(tableName,
            null, "pkey", true));
        Origin origin =
            ctx.created(Keys.constraint(tableName, name), at.or(() -> first(pk.columns())));
        Table current = state.tables.get(tableName);
        List<Column> notNull = current.columns().stream()
            .map(col -> columns.contains(col.name()) ? withNotNull(col, true) : col).toList();
        state.putTable(withColumns(current, notNull));
        putConstraint(tableName, new Constraint.PrimaryKey(name, columns, pk.timing(), origin));
      }
      case TableConstraint.Unique unique -> {
        List<String> columns = keyColumns(table, unique.columns());
        if (columns == null) {
          return;
        }
        String name = c.name().map(ObjectName::fold).orElseGet(() -> relationName(tableName,
            ImplicitNames.columns(columns), "key", true));
        Origin origin = ctx.created(Keys.constraint(tableName, name),
            at.or(() -> first(unique.columns())));
        putConstraint(tableName, new Constraint.Unique(name, columns, unique.nullsNotDistinct(),
            unique.timing(), origin));
      }
      case TableConstraint.Exclude exclude -> {
        List<String> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (TableConstraint.ExclusionElement e : exclude.elements()) {
          keys.add(e.key().column().map(ObjectName::fold).orElse(null));
          texts.add(e.key().expression().map(dev.strata.grammar.ast.Expr::sql).orElse(""));
        }
        String name = c.name().map(ObjectName::fold).orElseGet(() -> relationName(tableName,
            ImplicitNames.columns(ImplicitNames.indexColumns(keys, texts)), "excl", true));
        putConstraint(tableName, new Constraint.Exclude(name, exclude,
            ctx.created(Keys.constraint(tableName, name),
                at.or(() -> Optional.of(ctx.statement.span())))));
      }
      case TableConstraint.ForeignKey fk -> addForeignKey(tableName, fk);
      case TableConstraint.UsingIndex using -> {
        ObjectName indexName = ObjectName.in(tableName, using.index());
        Index index = state.indexes.get(indexName);
        if (index == null || !index.table().equals(tableName)) {
          ctx.missingRelation(new QualifiedName(Optional.empty(), using.index()), "index", false);
          return;
        }
        String name = c.name().map(ObjectName::fold).orElse(indexName.name());
        List<String> columns = index.keys().stream()
            .map(k -> k.column().map(ObjectName::fold).orElse("")).toList();
        state.indexes.remove(indexName);
        Origin origin = ctx.created(Keys.constraint(tableName, name), at.or(using.index()::span));
        if (using.primaryKey()) {
          putConstraint(tableName, new Constraint.PrimaryKey(name, columns, using.timing(),
              origin));
        } else {
          putConstraint(tableName, new Constraint.Unique(name, columns, index.nullsNotDistinct(),
              using.timing(), origin));
        }
      }
    }
  }

  private void addForeignKey(ObjectName tableName, TableConstraint.ForeignKey fk) {
    Table table = state.tables.get(tableName);
    List<String> columns = keyColumns(table, fk.columns());
    if (columns == null) {
      return;
    }
    ObjectName target = ObjectName.of(fk.table());
    Table referenced = state.tables.get(target);
    if (referenced == null) {
      Optional<Span> at = span(fk.table());
      if (!ctx.blindWarning(SchemaCode.FOREIGN_KEY_TABLE, "table " + target,
          Keys.relation(target), at)) {
        ctx.error(SchemaCode.FOREIGN_KEY_TABLE, "foreign key to table " + target
            + ", which does not exist", at, ctx.goneNote(Keys.relation(target)));
      }
      return;
    }
    List<String> refColumns;
    if (fk.referencedColumns().isEmpty()) {
      Optional<Constraint.PrimaryKey> pk = referenced.primaryKey();
      if (pk.isEmpty()) {
        if (!ctx.blindWarning(SchemaCode.FOREIGN_KEY_NO_PRIMARY_KEY, "primary key of " + target,
            Keys.part(Keys.relation(target), "primary key"), span(fk.table()))) {
          ctx.error(SchemaCode.FOREIGN_KEY_NO_PRIMARY_KEY, "there is no primary key for referenced"
                  + " table " + target, span(fk.table()),
              "note: table " + target + " is created at " + referenced.origin().describe(),
              "help: name the referenced columns: REFERENCES " + target + " (column)");
        }
        return;
      }
      refColumns = pk.get().columns();
    } else {
      refColumns = new ArrayList<>();
      for (Identifier id : fk.referencedColumns()) {
        String col = ObjectName.fold(id);
        if (referenced.column(col).isEmpty() && !state.opaqueTables.containsKey(target)) {
          if (!ctx.blindWarning(SchemaCode.FOREIGN_KEY_COLUMN, "column " + col + " of table "
              + target, Keys.column(target, col), id.span())) {
            ctx.error(SchemaCode.FOREIGN_KEY_COLUMN, "foreign key to column "
                    + ObjectName.quoted(col) + " of table " + target + ", which does not exist",
                id.span(),
                ctx.goneNote(Keys.column(target, col), "note: table " + target + " is created at "
                    + referenced.origin().describe()));
          }
          return;
        }
        refColumns.add(col);
      }
      if (!uniqueKey(referenced, refColumns) && !state.opaqueTables.containsKey(target)) {
        if (!ctx.blindWarning(SchemaCode.FOREIGN_KEY_NOT_UNIQUE, "unique constraint on " + target
            + " (" + String.join(", ", refColumns) + ")",
            Keys.part(Keys.relation(target), "unique"), fk.referencedColumns().getFirst().span())) {
          ctx.error(SchemaCode.FOREIGN_KEY_NOT_UNIQUE, "there is no unique constraint matching"
                  + " columns (" + String.join(", ", refColumns) + ") of referenced table "
                  + target, fk.referencedColumns().getFirst().span(),
              "note: table " + target + " is created at " + referenced.origin().describe(),
              "help: a foreign key references a primary key or unique constraint (or unique"
                  + " index) on exactly these columns");
        }
        return;
      }
    }
    String name = fk.name().map(ObjectName::fold).orElseGet(() -> ImplicitNames.choose(
        tableName.name(), ImplicitNames.columns(columns), "fkey",
        n -> state.constraintNameUsed(tableName.schema(), n)));
    Origin origin = ctx.created(Keys.constraint(tableName, name),
        fk.name().flatMap(Identifier::span).or(() -> first(fk.columns())));
    putConstraint(tableName, new Constraint.ForeignKey(name, columns, target, refColumns,
        fk.match(), fk.onDelete(), fk.onUpdate(), fk.timing(), fk.notValid(), origin));
  }

  private boolean uniqueKey(Table table, List<String> columns) {
    Set<String> wanted = new HashSet<>(columns);
    boolean constraint = table.constraints().stream().anyMatch(c ->
        (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique)
            && new HashSet<>(c.columns()).equals(wanted) && c.columns().size() == columns.size());
    return constraint || state.indexesOn(table.name()).stream().anyMatch(i -> i.unique()
        && i.where().isEmpty() && i.keys().size() == columns.size()
        && i.keys().stream().allMatch(k -> k.column().map(ObjectName::fold)
            .filter(wanted::contains).isPresent()));
  }

  /** The folded key columns, or null after reporting one that does not exist. */
  private List<String> keyColumns(Table table, List<Identifier> ids) {
    List<String> out = new ArrayList<>();
    for (Identifier id : ids) {
      String col = ObjectName.fold(id);
      if (table.column(col).isEmpty() && !state.opaqueTables.containsKey(table.name())) {
        ctx.missingColumn(table, id);
        return null;
      }
      out.add(col);
    }
    return out;
  }

  private boolean freeConstraintName(Table table, Identifier id, boolean indexBacked) {
    String name = ObjectName.fold(id);
    Optional<Constraint> existing = table.constraint(name);
    if (existing.isPresent()) {
      ctx.duplicate(SchemaCode.DUPLICATE_CONSTRAINT, "constraint " + ObjectName.quoted(name)
          + " of table " + table.name(), id.span(), Optional.of(existing.get().origin()));
      return false;
    }
    ObjectName asRelation = new ObjectName(table.name().schema(), name);
    if (indexBacked && state.relationTaken(asRelation)) {
      ctx.duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + asRelation.display(), id.span(),
          state.relationOrigin(asRelation));
      return false;
    }
    return true;
  }

  String relationName(ObjectName table, String columns, String label, boolean constraint) {
    return ImplicitNames.choose(table.name(), columns, label, n -> {
      ObjectName candidate = new ObjectName(table.schema(), n);
      return state.relationTaken(candidate)
          || constraint && state.constraintNameUsed(table.schema(), n);
    });
  }

  private void putConstraint(ObjectName tableName, Constraint constraint) {
    Table table = state.tables.get(tableName);
    List<Constraint> constraints = new ArrayList<>(table.constraints());
    constraints.add(constraint);
    state.putTable(withConstraints(table, constraints));
  }

  void dropConstraint(Table table, AlterAction.DropConstraint drop) {
    String name = ObjectName.fold(drop.name());
    Optional<Constraint> found = table.constraint(name);
    if (found.isEmpty()) {
      if (!drop.ifExists()) {
        ctx.missingConstraint(table, drop.name());
      }
      return;
    }
    Constraint c = found.get();
    ObjectName tableName = table.name();
    if (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique) {
      for (Table other : state.referencing(tableName)) {
        for (Constraint oc : other.constraints()) {
          if (oc instanceof Constraint.ForeignKey fk && fk.references().equals(tableName)
              && new HashSet<>(fk.referencedColumns()).equals(new HashSet<>(c.columns()))
              && !(other.name().equals(tableName) && fk.name().equals(name))) {
            if (!drop.cascade()) {
              ctx.error(SchemaCode.DEPENDENT_OBJECTS, "cannot drop constraint "
                      + ObjectName.quoted(name) + " on table " + tableName
                      + " because other objects depend on it", drop.name().span(),
                  "note: constraint " + fk.name() + " on table " + other.name()
                      + " references it, created at " + fk.origin().describe(),
                  "help: drop the foreign key first, or write DROP CONSTRAINT ... CASCADE");
              return;
            }
          }
        }
      }
      if (drop.cascade()) {
        for (Table other : state.referencing(tableName)) {
          Table current = state.tables.get(other.name());
          List<Constraint> kept = current.constraints().stream().filter(oc -> !(oc instanceof
              Constraint.ForeignKey fk && fk.references().equals(tableName)
              && new HashSet<>(fk.referencedColumns()).equals(new HashSet<>(c.columns()))))
              .toList();
          if (kept.size() != current.constraints().size()) {
            state.putTable(withConstraints(current, kept));
          }
        }
      }
    }
    Table current = state.tables.get(tableName);
    state.putTable(withConstraints(current, current.constraints().stream()
        .filter(x -> !x.name().equals(name)).toList()));
    ctx.dropped(Keys.constraint(tableName, name), drop.name().span());
  }

  void renameConstraint(Table table, AlterAction.RenameConstraint rename) {
    String from = ObjectName.fold(rename.from());
    Optional<Constraint> found = table.constraint(from);
    if (found.isEmpty()) {
      ctx.missingConstraint(table, rename.from());
      return;
    }
    if (!freeConstraintName(table, rename.to(), indexBackedName(found.get()))) {
      return;
    }
    String to = ObjectName.fold(rename.to());
    state.putTable(withConstraints(table, table.constraints().stream()
        .map(c -> c.name().equals(from) ? renamedConstraint(c, to) : c).toList()));
    ctx.renamed(Keys.constraint(table.name(), from), rename.from().span());
    ctx.touch(Keys.constraint(table.name(), to), rename.to().span());
  }

  private static boolean indexBackedName(Constraint c) {
    return ModelState.indexBacked(c);
  }

  static Constraint renamedConstraint(Constraint c, String to) {
    return switch (c) {
      case Constraint.PrimaryKey pk -> new Constraint.PrimaryKey(to, pk.columns(), pk.timing(),
          pk.origin());
      case Constraint.Unique u -> new Constraint.Unique(to, u.columns(), u.nullsNotDistinct(),
          u.timing(), u.origin());
      case Constraint.Check ck -> new Constraint.Check(to, ck.condition(), ck.notValid(),
          ck.origin());
      case Constraint.Exclude ex -> new Constraint.Exclude(to, ex.definition(), ex.origin());
      case Constraint.ForeignKey fk -> new Constraint.ForeignKey(to, fk.columns(),
          fk.references(), fk.referencedColumns(), fk.match(), fk.onDelete(), fk.onUpdate(),
          fk.timing(), fk.notValid(), fk.origin());
    };
  }

  void changeConstraint(Table table, Identifier id,
      java.util.function.UnaryOperator<Constraint> change) {
    String name = ObjectName.fold(id);
    if (table.constraint(name).isEmpty()) {
      ctx.missingConstraint(table, id);
      return;
    }
    ctx.touch(Keys.constraint(table.name(), name), id.span());
    state.putTable(withConstraints(table, table.constraints().stream()
        .map(c -> c.name().equals(name) ? change.apply(c) : c).toList()));
  }
}
