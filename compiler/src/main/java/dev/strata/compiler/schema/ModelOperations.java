package dev.strata.compiler.schema;

import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.CommentKind;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schema model's objects turned back into the operations that create them, so that {@code
 * SchemaScript} (dialects) renders them with the renderers that render revisions, and {@link
 * DerivedDowngrade} recreates what an upgrade dropped.
 * Names are the model's folded names, written unquoted when PostgreSQL reads them back unchanged
 * and quoted otherwise; objects in {@code public} are written unqualified.
 */
public final class ModelOperations {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  /**
   * The keywords PostgreSQL does not accept as a table or column name unquoted: the "reserved" and
   * "reserved (can be function or type)" ones of its SQL Key Words appendix (PostgreSQL 15).
   */
  private static final Set<String> RESERVED = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
      "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
      "current_date", "current_role", "current_time", "current_timestamp", "current_user",
      "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
      "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
      "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
      "returning", "select", "session_user", "some", "symmetric", "system_user", "table", "then",
      "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
      "window", "with", "authorization", "binary", "collation", "concurrently", "cross",
      "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like",
      "natural", "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose");

  private ModelOperations() {}

  /** A folded name as an identifier that folds back to it. */
  public static Identifier identifier(String folded) {
    boolean plain = PLAIN.matcher(folded).matches() && !RESERVED.contains(folded);
    return new Identifier(folded, !plain);
  }

  /** {@code name}, unqualified in {@code public}. */
  public static QualifiedName name(ObjectName name) {
    Optional<Identifier> schema = name.schema().equals(ObjectName.DEFAULT_SCHEMA)
        ? Optional.empty()
        : Optional.of(identifier(name.schema()));
    return new QualifiedName(schema, identifier(name.name()));
  }

  public static Operation.CreateSchema schema(String name) {
    return new Operation.CreateSchema(identifier(name), false);
  }

  public static Operation.CreateEnumType type(EnumType type) {
    return new Operation.CreateEnumType(name(type.name()), type.values());
  }

  /** The sequence with its options, without {@code OWNED BY} (its table does not exist yet). */
  public static Operation.CreateSequence sequence(Sequence sequence) {
    List<SequenceOption> options = sequence.options().stream()
        // a RESTART is the sequence's state, not its definition; CREATE SEQUENCE refuses it
        .filter(o -> !(o instanceof SequenceOption.Restart))
        .filter(o -> !(o instanceof SequenceOption.SequenceName))
        .toList();
    return new Operation.CreateSequence(name(sequence.name()), false, options);
  }

  /** {@code ALTER SEQUENCE s OWNED BY t.c}, when the sequence is owned. */
  public static Optional<Operation.AlterSequence> ownership(Sequence sequence) {
    return sequence.ownedBy().map(owner -> new Operation.AlterSequence(
        name(sequence.name()),
        false,
        List.of(new SequenceOption.OwnedBy(
            Optional.of(name(owner.table())), Optional.of(identifier(owner.column()))))));
  }

  /**
   * {@code CREATE TABLE} with the columns and the constraints that need no other table: primary
   * keys, unique, valid checks and exclusions. Foreign keys and {@code NOT VALID} checks are
   * {@link #laterConstraints}.
   */
  public static Operation.CreateTable table(Table table) {
    List<String> keyColumns =
        table.primaryKey().map(Constraint.PrimaryKey::columns).orElse(List.of());
    List<ColumnDef> columns = table.columns().stream()
        .map(column -> column(column, keyColumns.contains(column.name())))
        .toList();
    List<TableConstraint> constraints = new ArrayList<>();
    for (Constraint constraint : table.constraints()) {
      if (!later(constraint)) {
        constraints.add(constraint(constraint));
      }
    }
    return new Operation.CreateTable(name(table.name()), false, table.unlogged(), columns,
        constraints, table.partitionBy(), table.options());
  }

  /**
   * {@code ALTER TABLE ... ADD CONSTRAINT} for each foreign key (after every table, so that the
   * order of tables does not matter) and each {@code NOT VALID} check (which {@code CREATE TABLE}
   * would mark valid).
   */
  public static List<Operation.AlterTable> laterConstraints(Table table) {
    return table.constraints().stream()
        .filter(ModelOperations::later)
        .map(c -> new Operation.AlterTable(
            name(table.name()), false, List.of(new AlterAction.AddConstraint(constraint(c)))))
        .toList();
  }

  public static Operation.CreateIndex index(Index index) {
    return new Operation.CreateIndex(
        Optional.of(identifier(index.name().name())),
        name(index.table()),
        false,
        index.unique(),
        false,
        false,
        index.method(),
        index.keys(),
        index.include().stream().map(ModelOperations::identifier).toList(),
        index.nullsNotDistinct(),
        index.options(),
        index.where());
  }

  /** A (not materialized) view, its definition as written, under its current name. */
  public static Operation.CreateView view(View view) {
    return new Operation.CreateView(
        name(view.name()), false, false, false, view.definition(), Optional.empty());
  }

  /** {@code COMMENT ON kind object IS 'text'}. */
  public static Operation.CommentOn comment(CommentKind kind, ObjectName object, String text) {
    return new Operation.CommentOn(kind, name(object), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(text));
  }

  /** {@code COMMENT ON COLUMN table.column IS 'text'}. */
  public static Operation.CommentOn columnComment(ObjectName table, String column, String text) {
    return new Operation.CommentOn(CommentKind.COLUMN, name(table),
        Optional.of(identifier(column)), Optional.empty(), Optional.empty(), Optional.of(text));
  }

  private static boolean later(Constraint constraint) {
    return constraint instanceof Constraint.ForeignKey
        || constraint instanceof Constraint.Check check && check.notValid();
  }

  /**
   * A column with what defines it. {@code NOT NULL} is left to the primary key and the identity
   * where they imply it, as a person writes it.
   */
  static ColumnDef column(Column column, boolean inPrimaryKey) {
    List<ColumnConstraint> constraints = new ArrayList<>();
    if (column.notNull() && !inPrimaryKey && column.identity().isEmpty()) {
      constraints.add(new ColumnConstraint.NotNull(Optional.empty()));
    }
    column.defaultValue().ifPresent(value -> constraints.add(new ColumnConstraint.Default(value)));
    column.identity().ifPresent(constraints::add);
    column.generated()
        .ifPresent(expression -> constraints.add(new ColumnConstraint.Generated(expression)));
    return new ColumnDef(identifier(column.name()), column.type(), column.collation(),
        constraints);
  }

  static TableConstraint constraint(Constraint constraint) {
    Optional<Identifier> name = Optional.of(identifier(constraint.name()));
    return switch (constraint) {
      case Constraint.PrimaryKey key ->
          new TableConstraint.PrimaryKey(name, identifiers(key.columns()), key.timing());
      case Constraint.Unique unique -> new TableConstraint.Unique(
          name, identifiers(unique.columns()), unique.nullsNotDistinct(), unique.timing());
      case Constraint.Check check ->
          new TableConstraint.Check(name, check.condition(), check.notValid());
      case Constraint.ForeignKey key -> new TableConstraint.ForeignKey(
          name,
          identifiers(key.columns()),
          name(key.references()),
          identifiers(key.referencedColumns()),
          key.match(),
          key.onDelete(),
          key.onUpdate(),
          key.timing(),
          key.notValid());
      case Constraint.Exclude exclude -> {
        TableConstraint.Exclude written = exclude.definition();
        yield new TableConstraint.Exclude(name, written.method(), written.elements(),
            written.include(), written.options(), written.where(), written.timing());
      }
    };
  }

  private static List<Identifier> identifiers(List<String> folded) {
    return folded.stream().map(ModelOperations::identifier).toList();
  }
}
