package dev.strata.compiler.schema;

import dev.strata.grammar.Span;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RoutineKind;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.TriggerEvent;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random changes to a {@link ModelState}, made as the replay makes them (through its maps, so
 * that the hooks keep its indexes and the journals record every key), over small pools of names
 * and values: two sides changed at random often touch the same key, drop what the other changes,
 * re-add what they dropped, and put back a value equal to the base's. Every object of the model
 * is covered: schemas, enum and other types, sequences, tables (columns, constraints, foreign
 * keys, partitions, renames), indexes, views, routines, triggers, extensions, the sequences of
 * SERIAL columns, opaque tables, hand edits, and the {@code gone} and {@code touched} maps.
 */
final class RandomChanges {
  static final List<String> SCHEMAS = List.of("public", "app");
  static final List<String> RELATIONS = List.of("t0", "t1", "t2", "t3", "t4");
  static final List<String> COLUMNS = List.of("c0", "c1", "c2", "c3");
  static final List<String> TYPES = List.of("e0", "e1", "e2");
  static final List<String> LABELS = List.of("l0", "l1", "l2", "l3", "l4");
  static final List<String> ROUTINES = List.of("f0", "f1");
  static final List<String> CONSTRAINTS = List.of("k_pkey", "k_key", "k_fkey", "k_check");
  /** Few origins, so that two changes often make equal values. */
  private static final List<Origin> ORIGINS = List.of(
      origin("0001", 1), origin("0002", 2), origin("0003", 3), origin("0004", 4));
  private static final Operation.PostgresOnly.CreateRoutine ROUTINE =
      new Operation.PostgresOnly.CreateRoutine(RoutineKind.FUNCTION, false, QualifiedName.of("f"),
          List.of(), Optional.of("trigger"), Optional.of("plpgsql"),
          Optional.of("BEGIN RETURN NEW; END"), List.of());

  private final Random random;

  RandomChanges(Random random) {
    this.random = random;
  }

  private static Origin origin(String revision, int line) {
    return new Origin(revision, "versions/" + revision + ".sql", new Span(line, 1, 1));
  }

  /** {@code count} random changes to {@code state}. */
  void apply(ModelState state, int count) {
    for (int i = 0; i < count; i++) {
      change(state);
    }
  }

  private void change(ModelState s) {
    switch (random.nextInt(22)) {
      case 0, 1, 2 -> s.putTable(table(s, name()));
      case 3, 4, 5 -> alterTable(s);
      case 6 -> {
        if (!s.tables.isEmpty()) {
          s.removeTable(pick(List.copyOf(s.tables.keySet())));
        }
      }
      case 7 -> renameTable(s);
      case 8 -> putOrRemove(s.types, name(TYPES), this::enumType);
      case 9 -> addLabel(s);
      case 10 -> putOrRemove(s.sequences, name(), n -> new Sequence(n,
          random.nextBoolean() ? List.of() : List.of(new SequenceOption.IncrementBy(2)),
          random.nextBoolean() ? Optional.empty() : Optional.of(columnRef()), comment(),
          origin()));
      case 11 -> putOrRemove(s.indexes, name(), this::index);
      case 12 -> putOrRemove(s.views, name(), this::view);
      case 13 -> {
        Routine routine = routine();
        putOrRemove(s.routines, routine.signature(), k -> routine);
      }
      case 14 -> {
        Trigger trigger = trigger();
        putOrRemove(s.triggers, trigger.key(), k -> trigger);
      }
      case 15 -> putOrRemove(s.extensions, pick(List.of("pgcrypto", "citext")),
          n -> new Extension(n, random.nextBoolean() ? Optional.empty() : Optional.of("app"),
              origin()));
      case 16 -> putOrRemove(s.implicitSequences, name(), n -> columnRef());
      case 17 -> putOrRemove(s.opaqueTables, name(), n -> origin());
      case 18 -> putOrRemove(s.schemas, pick(SCHEMAS), n -> origin());
      case 19 -> {
        putOrRemove(s.otherTypes, name(TYPES), n -> origin());
        if (random.nextInt(3) == 0) {
          s.handEdits.add(new HandEdit(pick(List.of("postgresql", "DO")), origin()));
        }
      }
      case 20 -> {
        if (random.nextInt(3) == 0 && !s.gone.isEmpty()) {
          s.gone.remove(pick(List.copyOf(new java.util.TreeSet<>(s.gone.keySet()))));
        } else {
          s.gone.put(key(), new ModelState.Gone("dropped at " + origin().describe(),
              random.nextInt(2)));
        }
      }
      case 21 -> s.touched.put(key(), origin());
      default -> throw new IllegalStateException();
    }
  }

  /** Puts a new value under {@code key}, or (a third of the time) removes one of the keys. */
  private <K, V> void putOrRemove(OrderedMap<K, V> map, K key,
      java.util.function.Function<K, V> value) {
    if (random.nextInt(3) == 0 && !map.isEmpty()) {
      map.remove(pick(List.copyOf(map.keySet())));
    } else {
      map.put(key, value.apply(key));
    }
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private ObjectName name() {
    return name(RELATIONS);
  }

  private ObjectName name(List<String> names) {
    // most in public: the other schema rarely, so that names meet
    return new ObjectName(random.nextInt(5) == 0 ? "app" : "public", pick(names));
  }

  private Origin origin() {
    return pick(ORIGINS);
  }

  private Optional<String> comment() {
    return random.nextInt(3) == 0 ? Optional.of(pick(List.of("a", "b"))) : Optional.empty();
  }

  private ColumnRef columnRef() {
    return new ColumnRef(name(), pick(COLUMNS));
  }

  private ModelState.Key key() {
    ModelState.Key relation = ModelState.Keys.relation(name());
    return switch (random.nextInt(4)) {
      case 0 -> relation;
      case 1 -> ModelState.Keys.column(name(), pick(COLUMNS));
      case 2 -> ModelState.Keys.constraint(name(), pick(CONSTRAINTS));
      default -> ModelState.Keys.type(name(TYPES));
    };
  }

  // ---- tables

  private Table table(ModelState s, ObjectName name) {
    List<Column> columns = new ArrayList<>();
    for (String column : COLUMNS) {
      if (random.nextInt(3) != 0) {
        columns.add(column(column));
      }
    }
    List<Constraint> constraints = new ArrayList<>();
    for (String constraint : CONSTRAINTS) {
      if (random.nextInt(3) == 0 && !taken(s, name, constraint(constraint))) {
        constraints.add(constraint(constraint));
      }
    }
    return new Table(name, columns, constraints, random.nextInt(4) == 0, Optional.empty(),
        random.nextInt(4) == 0 ? Optional.of(name()) : Optional.empty(), List.of(), comment(),
        origin());
  }

  private Column column(String name) {
    DataType type = switch (random.nextInt(4)) {
      case 0 -> DataType.of(DataType.Kind.INTEGER);
      case 1 -> DataType.of(DataType.Kind.TEXT);
      case 2 -> Models.varchar(10 + random.nextInt(2) * 10);
      default -> DataType.named(QualifiedName.of(pick(TYPES)), List.of());
    };
    return new Column(name, type, random.nextBoolean(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), comment(), origin());
  }

  private Constraint constraint(String name) {
    List<String> columns = List.of(pick(COLUMNS));
    return switch (name) {
      case "k_pkey" -> new Constraint.PrimaryKey(name, columns, ConstraintTiming.NONE, origin());
      case "k_key" -> new Constraint.Unique(name, columns, false, ConstraintTiming.NONE,
          origin());
      case "k_fkey" -> new Constraint.ForeignKey(name, columns, name(), List.of("c0"),
          Optional.empty(), Optional.empty(), Optional.empty(), ConstraintTiming.NONE, false,
          origin());
      default -> new Constraint.Check(name, new Expr("c0 > 0", new Span(1, 1, 6)), false,
          origin());
    };
  }

  /** One table changed in place: a column or constraint added, changed or dropped, or more. */
  private void alterTable(ModelState s) {
    List<Table> tables = List.copyOf(s.tables.values());
    if (tables.isEmpty()) {
      return;
    }
    Table t = pick(tables);
    List<Column> columns = new ArrayList<>(t.columns());
    List<Constraint> constraints = new ArrayList<>(t.constraints());
    boolean unlogged = t.unlogged();
    Optional<String> comment = t.comment();
    switch (random.nextInt(5)) {
      case 0 -> {
        Column column = column(pick(COLUMNS));
        columns.removeIf(c -> c.name().equals(column.name()));
        columns.add(random.nextInt(columns.size() + 1), column);
      }
      case 1 -> {
        if (!columns.isEmpty()) {
          columns.remove(random.nextInt(columns.size()));
        }
      }
      case 2 -> {
        Constraint constraint = constraint(pick(CONSTRAINTS));
        if (!taken(s, t.name(), constraint)) {
          constraints.removeIf(c -> c.name().equals(constraint.name()));
          constraints.add(constraint);
        }
      }
      case 3 -> {
        if (!constraints.isEmpty()) {
          constraints.remove(random.nextInt(constraints.size()));
        }
      }
      default -> {
        unlogged = !unlogged;
        comment = comment();
      }
    }
    s.putTable(new Table(t.name(), columns, constraints, unlogged, t.partitionBy(),
        t.partitionOf(), t.options(), comment, t.origin()));
  }

  private void renameTable(ModelState s) {
    List<Table> tables = List.copyOf(s.tables.values());
    ObjectName to = name();
    if (tables.isEmpty() || s.tables.containsKey(to)) {
      return;
    }
    Table t = pick(tables);
    if (t.constraints().stream().anyMatch(c -> taken(s, to, c))) {
      return;
    }
    s.replaceTable(t, new Table(to, t.columns(), t.constraints(), t.unlogged(), t.partitionBy(),
        t.partitionOf(), t.options(), t.comment(), t.origin()));
  }

  /**
   * Whether {@code constraint}, on the table {@code table}, would take the name of another
   * table's key, unique or exclusion constraint in its schema: PostgreSQL names their indexes
   * after them, in the namespace of relations, so the replay refuses it (E0606), and a state
   * never has it (but a merge can make it: see {@code ModelMergeTest}).
   */
  static boolean taken(ModelState s, ObjectName table, Constraint constraint) {
    return ModelState.indexBacked(constraint) && s.tables.values().stream()
        .anyMatch(other -> !other.name().equals(table)
            && other.name().schema().equals(table.schema())
            && other.constraint(constraint.name()).filter(ModelState::indexBacked).isPresent());
  }

  // ---- the other objects

  private EnumType enumType(ObjectName name) {
    List<String> labels = new ArrayList<>();
    for (String label : LABELS) {
      if (random.nextBoolean()) {
        labels.add(label);
      }
    }
    return new EnumType(name, labels, comment(), origin());
  }

  /** A label added to an enum type, where ALTER TYPE ... ADD VALUE puts it. */
  private void addLabel(ModelState s) {
    List<EnumType> types = List.copyOf(s.types.values());
    if (types.isEmpty()) {
      return;
    }
    EnumType type = pick(types);
    String label = pick(LABELS);
    if (type.values().contains(label)) {
      return;
    }
    List<String> labels = new ArrayList<>(type.values());
    labels.add(random.nextInt(labels.size() + 1), label);
    s.types.put(type.name(), new EnumType(type.name(), labels, type.comment(), type.origin()));
  }

  private Index index(ObjectName name) {
    return new Index(name, name(), random.nextBoolean(), Optional.empty(),
        List.of(new IndexElement(Optional.of(Identifier.of(pick(COLUMNS))), Optional.empty(),
            IndexElement.SortOrder.DEFAULT)),
        List.of(), false, List.of(), Optional.empty(), comment(), origin());
  }

  private View view(ObjectName name) {
    List<QualifiedName> reads = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      ObjectName read = name();
      reads.add(new QualifiedName(Optional.of(Identifier.of(read.schema())),
          Identifier.of(read.name())));
    }
    ViewDefinition definition = new ViewDefinition(List.of(), List.of(),
        new Expr("SELECT 1", new Span(1, 1, 8)), reads);
    return new View(name, random.nextInt(3) == 0, definition, comment(), origin());
  }

  private Routine routine() {
    List<String> arguments = random.nextBoolean() ? List.of() : List.of(pick(List.of("integer",
        "text")));
    return new Routine(name(ROUTINES), RoutineKind.FUNCTION, arguments, ROUTINE,
        "CREATE FUNCTION ... " + random.nextInt(2), origin());
  }

  private Trigger trigger() {
    ObjectName table = name();
    String name = pick(List.of("g0", "g1"));
    var definition = new Operation.PostgresOnly.CreateTrigger(Identifier.of(name), false, false,
        Operation.PostgresOnly.TriggerTiming.BEFORE,
        List.of(new TriggerEvent(TriggerEvent.Kind.INSERT, List.of())),
        QualifiedName.of(table.name()), Optional.empty(), List.of(), true, Optional.empty(),
        QualifiedName.of("f0"), Optional.empty());
    return new Trigger(name, table, definition, "CREATE TRIGGER ... " + random.nextInt(2),
        origin());
  }
}
