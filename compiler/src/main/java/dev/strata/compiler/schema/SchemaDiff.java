package dev.strata.compiler.schema;

import dev.strata.compiler.schema.Change.ColumnAttribute;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.SequenceOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What changes from one {@link SchemaModel} to another, as a list of typed {@link Change}s.
 *
 * <p>Objects are matched by their keys in the model (folded names; routines by signature,
 * triggers by table and name). A table or column that is gone under one name and present under
 * another with the same {@link Origin} (the statement that created it) is one object renamed, as
 * {@code ALTER TABLE ... RENAME} leaves it; anything else missing on one side is dropped or
 * created. Definitions are compared as written, positions left out: an expression written {@code
 * now()} in one revision and {@code NOW()} in another differs. A definition PostgreSQL cannot
 * alter in place (an index, a trigger, an extension) that differs is listed as dropped and
 * created; a view, a routine or a constraint of one name that differs is changed (replaced).
 *
 * <p>The order is deterministic: by {@link Change.Category} (schemas, extensions, types,
 * sequences, tables, columns, constraints, indexes, views, routines, triggers), then by {@link
 * Change#object()}, then drops before renames before creations before changes, and the
 * attributes of one object in a fixed order (a column's type, nullability, default, identity,
 * generated expression, collation, comment).
 */
public final class SchemaDiff {
  private static final List<String> SEQUENCE_OPTIONS = List.of("AS", "INCREMENT", "MINVALUE",
      "MAXVALUE", "START", "RESTART", "CACHE", "CYCLE", "SEQUENCE NAME");

  private final List<Change> changes = new ArrayList<>();
  private final Map<ObjectName, ObjectName> renamedTables = new HashMap<>();

  private SchemaDiff() {}

  /**
   * The changes that turn {@code before} into {@code after}; empty when they are alike. Two
   * models of one replay (a model and its successor, as a bundle's {@code CHANGES.md} diffs them
   * step by step) are compared on the objects their journals say may differ ({@link
   * NarrowedModels}), in the time of what changed; any others, and any two where a table is
   * renamed, object by object. The list is the same either way.
   */
  public static List<Change> between(SchemaModel before, SchemaModel after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Optional<NarrowedModels> narrowed = NarrowedModels.of(before, after);
    if (narrowed.isPresent()) {
      SchemaDiff diff = compare(narrowed.get().before(), narrowed.get().after());
      if (diff.renamedTables.isEmpty()) {
        return diff.sorted();
      }
    }
    return everyObject(before, after);
  }

  /** {@link #between}, comparing every object of both models. */
  static List<Change> everyObject(SchemaModel before, SchemaModel after) {
    return compare(before, after).sorted();
  }

  private static SchemaDiff compare(SchemaModel before, SchemaModel after) {
    SchemaDiff diff = new SchemaDiff();
    diff.schemas(before, after);
    diff.extensions(before, after);
    diff.types(before, after);
    diff.sequences(before, after);
    diff.tables(before, after);
    diff.indexes(before, after);
    diff.views(before, after);
    diff.routines(before, after);
    diff.triggers(before, after);
    return diff;
  }

  private List<Change> sorted() {
    List<Change> sorted = new ArrayList<>(changes);
    // a stable sort: the attributes of one object stay in the order they were compared
    sorted.sort(Comparator.comparing(Change::category).thenComparing(Change::object)
        .thenComparingInt(SchemaDiff::rank));
    return List.copyOf(sorted);
  }

  private static int rank(Change change) {
    return switch (change.action()) {
      case "dropped", "value-dropped" -> 0;
      case "renamed", "value-renamed" -> 1;
      case "created", "added", "value-added" -> 2;
      default -> 3;
    };
  }

  private void schemas(SchemaModel before, SchemaModel after) {
    for (String name : new TreeSet<>(before.schemas().keySet())) {
      if (!after.schemas().containsKey(name)) {
        changes.add(new Change.SchemaDropped(name));
      }
    }
    for (String name : new TreeSet<>(after.schemas().keySet())) {
      if (!before.schemas().containsKey(name)) {
        changes.add(new Change.SchemaCreated(name));
      }
    }
  }

  private void extensions(SchemaModel before, SchemaModel after) {
    matched(before.extensions(), after.extensions(),
        old -> changes.add(new Change.ExtensionDropped(old)),
        now -> changes.add(new Change.ExtensionCreated(now)),
        (old, now) -> {
          if (!Same.as(old, now)) {
            changes.add(new Change.ExtensionDropped(old));
            changes.add(new Change.ExtensionCreated(now));
          }
        });
  }

  private void types(SchemaModel before, SchemaModel after) {
    matched(before.types(), after.types(),
        old -> changes.add(new Change.EnumDropped(old)),
        now -> changes.add(new Change.EnumCreated(now)),
        (old, now) -> {
          values(now.name(), old.values(), now.values());
          comment(Change.Category.TYPE, now.name().display(), old.comment(), now.comment());
        });
  }

  /**
   * An enum's values: a value gone where a new one stands in the same place (as many surviving
   * values before it on both sides; the first such new value) is renamed ({@code RENAME VALUE}
   * keeps its place); other new values are added, after the value before them.
   */
  private void values(ObjectName type, List<String> old, List<String> now) {
    List<String> gone = old.stream().filter(v -> !now.contains(v)).toList();
    List<String> renamedTo = new ArrayList<>();
    for (String value : gone) {
      int at = old.indexOf(value);
      // the same place: as many surviving values before it on both sides
      long kept = old.subList(0, at).stream().filter(now::contains).count();
      Optional<String> replacement = Optional.empty();
      for (int i = 0, seen = 0; i < now.size(); i++) {
        String candidate = now.get(i);
        if (old.contains(candidate)) {
          seen++;
        } else if (seen == kept && !renamedTo.contains(candidate)) {
          replacement = Optional.of(candidate);
          break;
        }
      }
      if (replacement.isPresent()) {
        renamedTo.add(replacement.get());
        changes.add(new Change.EnumValueRenamed(type, value, replacement.get()));
      } else {
        changes.add(new Change.EnumValueDropped(type, value));
      }
    }
    for (int i = 0; i < now.size(); i++) {
      String value = now.get(i);
      if (!old.contains(value) && !renamedTo.contains(value)) {
        changes.add(new Change.EnumValueAdded(type, value,
            i == 0 ? Optional.empty() : Optional.of(now.get(i - 1))));
      }
    }
  }

  private void sequences(SchemaModel before, SchemaModel after) {
    matched(before.sequences(), after.sequences(),
        old -> changes.add(new Change.SequenceDropped(old)),
        now -> changes.add(new Change.SequenceCreated(now)),
        (old, now) -> {
          for (String keyword : SEQUENCE_OPTIONS) {
            Optional<String> from = option(old, keyword);
            Optional<String> to = option(now, keyword);
            if (!from.equals(to)) {
              changes.add(new Change.SequenceChanged(now.name(), keyword, from, to));
            }
          }
          Optional<String> from = old.ownedBy().map(this::owner);
          Optional<String> to = now.ownedBy().map(SchemaDiff::column);
          if (!from.equals(to)) {
            changes.add(new Change.SequenceChanged(now.name(), "OWNED BY",
                old.ownedBy().map(SchemaDiff::column), to));
          }
          comment(Change.Category.SEQUENCE, now.name().display(), old.comment(), now.comment());
        });
  }

  private static Optional<String> option(Sequence sequence, String keyword) {
    return sequence.options().stream().filter(o -> o.keyword().equals(keyword)).findFirst()
        .map(SchemaText::sequenceOption);
  }

  /** The owning column of a sequence before, its table renamed as the tables were. */
  private String owner(ColumnRef ref) {
    return column(new ColumnRef(renamed(ref.table()), ref.column()));
  }

  private static String column(ColumnRef ref) {
    return ref.table().display() + "." + ObjectName.quoted(ref.column());
  }

  private void tables(SchemaModel before, SchemaModel after) {
    Map<Origin, ObjectName> created = new HashMap<>();
    after.tables().forEach((name, table) -> {
      if (!before.tables().containsKey(name)) {
        created.putIfAbsent(table.origin(), name);
      }
    });
    before.tables().forEach((name, table) -> {
      ObjectName to = created.remove(table.origin());
      if (!after.tables().containsKey(name) && to != null) {
        renamedTables.put(name, to);
      } else if (to != null) {
        created.put(table.origin(), to);
      }
    });
    for (Map.Entry<ObjectName, Table> entry : sorted(before.tables()).entrySet()) {
      ObjectName name = entry.getKey();
      ObjectName to = renamedTables.get(name);
      if (to != null) {
        changes.add(new Change.TableRenamed(name, to));
        table(entry.getValue(), after.tables().get(to));
      } else if (!after.tables().containsKey(name)) {
        changes.add(new Change.TableDropped(entry.getValue()));
      } else {
        table(entry.getValue(), after.tables().get(name));
      }
    }
    for (Map.Entry<ObjectName, Table> entry : sorted(after.tables()).entrySet()) {
      if (!before.tables().containsKey(entry.getKey())
          && !renamedTables.containsValue(entry.getKey())) {
        changes.add(new Change.TableCreated(entry.getValue()));
      }
    }
  }

  private void table(Table old, Table now) {
    ObjectName name = now.name();
    attribute(name, "UNLOGGED", old.unlogged() ? Optional.of("UNLOGGED") : Optional.empty(),
        now.unlogged() ? Optional.of("UNLOGGED") : Optional.empty());
    attribute(name, "storage parameters", parameters(old), parameters(now));
    attribute(name, "PARTITION BY", old.partitionBy().map(SchemaDiff::partition),
        now.partitionBy().map(SchemaDiff::partition));
    attribute(name, "PARTITION OF", old.partitionOf().map(this::renamed).map(ObjectName::display),
        now.partitionOf().map(ObjectName::display));
    comment(Change.Category.TABLE, name.display(), old.comment(), now.comment());
    columns(name, old, now);
    constraints(name, old, now);
  }

  private void attribute(ObjectName table, String what, Optional<String> from,
      Optional<String> to) {
    if (!from.equals(to)) {
      changes.add(new Change.TableChanged(table, what, from, to));
    }
  }

  private static Optional<String> parameters(Table table) {
    return table.options().isEmpty() ? Optional.empty()
        : Optional.of(SchemaText.parameterList(table.options()));
  }

  private static String partition(dev.strata.grammar.ast.PartitionSpec spec) {
    return spec.strategy().name() + " " + SchemaText.elements(spec.keys());
  }

  private void columns(ObjectName table, Table old, Table now) {
    Map<Origin, String> added = new HashMap<>();
    for (Column column : now.columns()) {
      if (old.column(column.name()).isEmpty()) {
        added.putIfAbsent(column.origin(), column.name());
      }
    }
    Map<String, String> renamed = new HashMap<>();
    for (Column column : old.columns()) {
      String to = added.get(column.origin());
      if (now.column(column.name()).isEmpty() && to != null) {
        added.remove(column.origin());
        renamed.put(column.name(), to);
      }
    }
    for (Column column : old.columns()) {
      String to = renamed.get(column.name());
      if (to != null) {
        changes.add(new Change.ColumnRenamed(table, column.name(), to));
        column(table, column, now.column(to).orElseThrow());
      } else if (now.column(column.name()).isEmpty()) {
        changes.add(new Change.ColumnDropped(table, column));
      } else {
        column(table, column, now.column(column.name()).orElseThrow());
      }
    }
    for (Column column : now.columns()) {
      if (old.column(column.name()).isEmpty() && !renamed.containsValue(column.name())) {
        changes.add(new Change.ColumnAdded(table, column));
      }
    }
  }

  private void column(ObjectName table, Column old, Column now) {
    for (ColumnAttribute attribute : ColumnAttribute.values()) {
      Optional<String> from = attribute(old, attribute);
      Optional<String> to = attribute(now, attribute);
      if (!from.equals(to)) {
        changes.add(new Change.ColumnChanged(table, now.name(), attribute, from, to));
      }
    }
  }

  /** One attribute of a column as text, empty when not set; nullability is always set. */
  static Optional<String> attribute(Column column, ColumnAttribute attribute) {
    return switch (attribute) {
      case TYPE -> Optional.of(SchemaText.type(column.type()));
      case NULLABILITY -> Optional.of(column.notNull() ? "NOT NULL" : "NULL");
      case DEFAULT -> column.defaultValue().map(Expr::sql);
      case IDENTITY -> column.identity().map(SchemaText::identity);
      case GENERATED -> column.generated().map(Expr::sql);
      case COLLATION -> column.collation().map(SchemaText::name);
      case COMMENT -> column.comment().map(SchemaText::literal);
    };
  }

  private void constraints(ObjectName table, Table old, Table now) {
    for (Constraint constraint : old.constraints()) {
      Optional<Constraint> match = now.constraint(constraint.name());
      if (match.isEmpty()) {
        changes.add(new Change.ConstraintDropped(table, constraint));
      } else if (!Same.as(renamed(constraint), match.get())) {
        changes.add(new Change.ConstraintChanged(table, constraint, match.get()));
      }
    }
    for (Constraint constraint : now.constraints()) {
      if (old.constraint(constraint.name()).isEmpty()) {
        changes.add(new Change.ConstraintAdded(table, constraint));
      }
    }
  }

  /** A foreign key of the old model pointing at its table's new name. */
  private Constraint renamed(Constraint constraint) {
    return switch (constraint) {
      case Constraint.ForeignKey fk -> new Constraint.ForeignKey(fk.name(), fk.columns(),
          renamed(fk.references()), fk.referencedColumns(), fk.match(), fk.onDelete(),
          fk.onUpdate(), fk.timing(), fk.notValid(), fk.origin());
      case Constraint.PrimaryKey pk -> pk;
      case Constraint.Unique unique -> unique;
      case Constraint.Check check -> check;
      case Constraint.Exclude exclude -> exclude;
    };
  }

  private ObjectName renamed(ObjectName table) {
    return renamedTables.getOrDefault(table, table);
  }

  private void indexes(SchemaModel before, SchemaModel after) {
    matched(before.indexes(), after.indexes(),
        old -> changes.add(new Change.IndexDropped(old)),
        now -> changes.add(new Change.IndexCreated(now)),
        (old, now) -> {
          if (!Same.as(uncommented(old, renamed(old.table())), uncommented(now, now.table()))) {
            changes.add(new Change.IndexDropped(old));
            changes.add(new Change.IndexCreated(now));
          } else {
            comment(Change.Category.INDEX, now.name().display(), old.comment(), now.comment());
          }
        });
  }

  private static Index uncommented(Index index, ObjectName table) {
    return new Index(index.name(), table, index.unique(), index.method(), index.keys(),
        index.include(), index.nullsNotDistinct(), index.options(), index.where(),
        Optional.empty(), index.origin());
  }

  private void views(SchemaModel before, SchemaModel after) {
    matched(before.views(), after.views(),
        old -> changes.add(new Change.ViewDropped(old)),
        now -> changes.add(new Change.ViewCreated(now)),
        (old, now) -> {
          if (old.materialized() != now.materialized()) {
            changes.add(new Change.ViewDropped(old));
            changes.add(new Change.ViewCreated(now));
            return;
          }
          // the relations a view reads follow renames (View#readsMoved); its query does not
          if (!Same.as(old.definition().query(), now.definition().query())
              || !Same.as(old.definition().columns(), now.definition().columns())
              || !Same.as(old.definition().options(), now.definition().options())) {
            changes.add(new Change.ViewChanged(old, now));
          }
          comment(Change.Category.VIEW, now.name().display(), old.comment(), now.comment());
        });
  }

  private void routines(SchemaModel before, SchemaModel after) {
    matched(before.routines(), after.routines(),
        old -> changes.add(new Change.RoutineDropped(old)),
        now -> changes.add(new Change.RoutineCreated(now)),
        (old, now) -> {
          if (old.kind() != now.kind()) {
            changes.add(new Change.RoutineDropped(old));
            changes.add(new Change.RoutineCreated(now));
          } else if (!Same.as(definition(old.definition()), definition(now.definition()))) {
            changes.add(new Change.RoutineReplaced(old, now));
          }
        });
  }

  /** A routine's definition, whether it was written {@code CREATE OR REPLACE} left out. */
  private static Operation.PostgresOnly.CreateRoutine definition(
      Operation.PostgresOnly.CreateRoutine routine) {
    return new Operation.PostgresOnly.CreateRoutine(routine.routine(), false, routine.name(),
        routine.parameters(), routine.returns(), routine.language(), routine.body(),
        routine.options());
  }

  private void triggers(SchemaModel before, SchemaModel after) {
    Map<String, Trigger> old = new LinkedHashMap<>();
    before.triggers().values().forEach(t ->
        old.put(Trigger.key(renamed(t.table()), t.name()), t));
    matched(old, after.triggers(),
        gone -> changes.add(new Change.TriggerDropped(gone)),
        now -> changes.add(new Change.TriggerCreated(now)),
        (was, now) -> {
          if (!Same.as(definition(was.definition(), now), definition(now.definition(), now))) {
            changes.add(new Change.TriggerDropped(was));
            changes.add(new Change.TriggerCreated(now));
          }
        });
  }

  /** A trigger's definition on {@code on}'s table, {@code OR REPLACE} left out. */
  private static Operation.PostgresOnly.CreateTrigger definition(
      Operation.PostgresOnly.CreateTrigger t, Trigger on) {
    return new Operation.PostgresOnly.CreateTrigger(t.name(), false, t.constraint(), t.timing(),
        t.events(), on.definition().table(), t.referencedTable(), t.options(), t.forEachRow(),
        t.when(), t.function(), t.arguments());
  }

  private void comment(Change.Category category, String object, Optional<String> from,
      Optional<String> to) {
    if (!from.equals(to)) {
      changes.add(new Change.CommentChanged(category, object,
          from.map(SchemaText::literal), to.map(SchemaText::literal)));
    }
  }

  /** Calls {@code dropped}, {@code created} and {@code both} for the keys of two maps. */
  private static <K, V> void matched(Map<K, V> before, Map<K, V> after,
      java.util.function.Consumer<V> dropped, java.util.function.Consumer<V> created,
      java.util.function.BiConsumer<V, V> both) {
    before.forEach((key, old) -> {
      V now = after.get(key);
      if (now == null) {
        dropped.accept(old);
      } else {
        both.accept(old, now);
      }
    });
    after.forEach((key, now) -> {
      if (!before.containsKey(key)) {
        created.accept(now);
      }
    });
  }

  private static <K extends Comparable<K>, V> Map<K, V> sorted(Map<K, V> map) {
    return new java.util.TreeMap<>(map);
  }
}
