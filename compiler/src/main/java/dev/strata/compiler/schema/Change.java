package dev.strata.compiler.schema;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One difference between two {@link SchemaModel}s, as {@link SchemaDiff} finds it: what changed,
 * with the model's objects (or their attributes as text) before and after. Each change prints as
 * one plain-English line for reviewers ({@link #description()}), e.g. {@code table `payments`:
 * added column `settlement_utr VARCHAR(64) NULL`}; {@link #kind()}, {@link #object()}, {@link
 * #attribute()}, {@link #before()} and {@link #after()} are the same facts for tools ({@code
 * strata diff --format json}). Objects print as {@link SchemaText} writes them; names in {@code
 * public} unqualified, others as {@code schema.name}.
 */
public sealed interface Change {

  /** What kind of object changed; changes are listed in this order ({@link SchemaDiff}). */
  enum Category {
    SCHEMA("schema"),
    EXTENSION("extension"),
    TYPE("type"),
    SEQUENCE("sequence"),
    TABLE("table"),
    COLUMN("column"),
    CONSTRAINT("constraint"),
    INDEX("index"),
    VIEW("view"),
    ROUTINE("routine"),
    TRIGGER("trigger");

    private final String id;

    Category(String id) {
      this.id = id;
    }

    /** The lower-case word, the first part of {@link Change#kind()}. */
    public String id() {
      return id;
    }
  }

  /** An attribute of a column that can change on its own ({@code ALTER COLUMN ...}). */
  enum ColumnAttribute {
    TYPE("type"),
    NULLABILITY("nullability"),
    DEFAULT("default"),
    IDENTITY("identity"),
    GENERATED("generated expression"),
    COLLATION("collation"),
    COMMENT("comment");

    private final String words;

    ColumnAttribute(String words) {
      this.words = words;
    }

    /** The attribute as a description names it, e.g. {@code generated expression}. */
    public String words() {
      return words;
    }
  }

  /** {@code CREATE SCHEMA name}. */
  record SchemaCreated(String name) implements Change {
    public SchemaCreated {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code DROP SCHEMA name}. */
  record SchemaDropped(String name) implements Change {
    public SchemaDropped {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code CREATE EXTENSION}. */
  record ExtensionCreated(Extension extension) implements Change {
    public ExtensionCreated {
      Objects.requireNonNull(extension, "extension");
    }
  }

  /** {@code DROP EXTENSION}. */
  record ExtensionDropped(Extension extension) implements Change {
    public ExtensionDropped {
      Objects.requireNonNull(extension, "extension");
    }
  }

  /** {@code CREATE TYPE ... AS ENUM}. */
  record EnumCreated(EnumType type) implements Change {
    public EnumCreated {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code DROP TYPE} of an enum. */
  record EnumDropped(EnumType type) implements Change {
    public EnumDropped {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * {@code ALTER TYPE ... ADD VALUE}.
   *
   * @param follows the value it is placed after, empty when it is the first
   */
  record EnumValueAdded(ObjectName type, String value, Optional<String> follows)
      implements Change {
    public EnumValueAdded {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(follows, "follows");
    }
  }

  /** {@code ALTER TYPE ... RENAME VALUE from TO to}: the value keeps its place. */
  record EnumValueRenamed(ObjectName type, String from, String to) implements Change {
    public EnumValueRenamed {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * A value that is gone. PostgreSQL cannot drop an enum value; this is seen only between two
   * revisions where one is not an ancestor of the other (or a type dropped and made again).
   */
  record EnumValueDropped(ObjectName type, String value) implements Change {
    public EnumValueDropped {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code CREATE SEQUENCE}. */
  record SequenceCreated(Sequence sequence) implements Change {
    public SequenceCreated {
      Objects.requireNonNull(sequence, "sequence");
    }
  }

  /** {@code DROP SEQUENCE}. */
  record SequenceDropped(Sequence sequence) implements Change {
    public SequenceDropped {
      Objects.requireNonNull(sequence, "sequence");
    }
  }

  /**
   * One option of a sequence ({@code INCREMENT}, {@code OWNED BY}, ... as {@code
   * SequenceOption.keyword()} names it), before and after as written ({@code INCREMENT BY 5});
   * empty when not set.
   */
  record SequenceChanged(
      ObjectName sequence, String option, Optional<String> from, Optional<String> to)
      implements Change {
    public SequenceChanged {
      Objects.requireNonNull(sequence, "sequence");
      Objects.requireNonNull(option, "option");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      requireDifferent(from, to);
    }
  }

  /** {@code CREATE TABLE}, with its columns and constraints. */
  record TableCreated(Table table) implements Change {
    public TableCreated {
      Objects.requireNonNull(table, "table");
    }
  }

  /** {@code DROP TABLE}. */
  record TableDropped(Table table) implements Change {
    public TableDropped {
      Objects.requireNonNull(table, "table");
    }
  }

  /**
   * {@code ALTER TABLE ... RENAME TO} or {@code SET SCHEMA}: one table (the same {@link Origin})
   * under another name. Its other changes follow under the new name.
   */
  record TableRenamed(ObjectName from, ObjectName to) implements Change {
    public TableRenamed {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * A table-level attribute: {@code UNLOGGED}, {@code WITH (...)} storage parameters, {@code
   * PARTITION BY}, {@code PARTITION OF}; before and after as text, empty when not set.
   */
  record TableChanged(
      ObjectName table, String property, Optional<String> from, Optional<String> to)
      implements Change {
    public TableChanged {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      requireDifferent(from, to);
    }
  }

  /** {@code ADD COLUMN}. */
  record ColumnAdded(ObjectName table, Column column) implements Change {
    public ColumnAdded {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }
  }

  /** {@code DROP COLUMN}. */
  record ColumnDropped(ObjectName table, Column column) implements Change {
    public ColumnDropped {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }
  }

  /** {@code RENAME COLUMN}: one column (the same {@link Origin}) under another name. */
  record ColumnRenamed(ObjectName table, String from, String to) implements Change {
    public ColumnRenamed {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * One attribute of a column, before and after as text ({@code NUMERIC(10, 2)}, {@code NOT NULL},
   * {@code now()}, {@code 'a comment'}), empty when not set.
   */
  record ColumnChanged(
      ObjectName table,
      String column,
      ColumnAttribute property,
      Optional<String> from,
      Optional<String> to)
      implements Change {
    public ColumnChanged {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      requireDifferent(from, to);
    }
  }

  /** {@code ADD CONSTRAINT}, or a constraint written in a column's definition. */
  record ConstraintAdded(ObjectName table, Constraint constraint) implements Change {
    public ConstraintAdded {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(constraint, "constraint");
    }
  }

  /** {@code DROP CONSTRAINT}. */
  record ConstraintDropped(ObjectName table, Constraint constraint) implements Change {
    public ConstraintDropped {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(constraint, "constraint");
    }
  }

  /** A constraint of one name whose definition differs ({@code VALIDATE CONSTRAINT}, say). */
  record ConstraintChanged(ObjectName table, Constraint from, Constraint to) implements Change {
    public ConstraintChanged {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!from.name().equals(to.name())) {
        throw new IllegalArgumentException("a changed constraint keeps its name");
      }
    }
  }

  /** {@code CREATE INDEX}. */
  record IndexCreated(Index index) implements Change {
    public IndexCreated {
      Objects.requireNonNull(index, "index");
    }
  }

  /** {@code DROP INDEX}. */
  record IndexDropped(Index index) implements Change {
    public IndexDropped {
      Objects.requireNonNull(index, "index");
    }
  }

  /** {@code CREATE [MATERIALIZED] VIEW}. */
  record ViewCreated(View view) implements Change {
    public ViewCreated {
      Objects.requireNonNull(view, "view");
    }
  }

  /** {@code DROP [MATERIALIZED] VIEW}. */
  record ViewDropped(View view) implements Change {
    public ViewDropped {
      Objects.requireNonNull(view, "view");
    }
  }

  /** A view of one name whose definition differs ({@code CREATE OR REPLACE VIEW}). */
  record ViewChanged(View from, View to) implements Change {
    public ViewChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** {@code CREATE FUNCTION|PROCEDURE}. */
  record RoutineCreated(Routine routine) implements Change {
    public RoutineCreated {
      Objects.requireNonNull(routine, "routine");
    }
  }

  /** {@code DROP FUNCTION|PROCEDURE}. */
  record RoutineDropped(Routine routine) implements Change {
    public RoutineDropped {
      Objects.requireNonNull(routine, "routine");
    }
  }

  /** A routine of one signature whose definition differs ({@code CREATE OR REPLACE}). */
  record RoutineReplaced(Routine from, Routine to) implements Change {
    public RoutineReplaced {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** {@code CREATE TRIGGER} (a redefined trigger is dropped and created). */
  record TriggerCreated(Trigger trigger) implements Change {
    public TriggerCreated {
      Objects.requireNonNull(trigger, "trigger");
    }
  }

  /** {@code DROP TRIGGER}. */
  record TriggerDropped(Trigger trigger) implements Change {
    public TriggerDropped {
      Objects.requireNonNull(trigger, "trigger");
    }
  }

  /**
   * {@code COMMENT ON} a table, type, sequence, index or view (a column's is a {@link
   * ColumnChanged}); before and after as SQL literals, empty when there is none.
   *
   * @param object the object's name as {@link #object()} prints it
   */
  record CommentChanged(
      Category category, String object, Optional<String> from, Optional<String> to)
      implements Change {
    public CommentChanged {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      requireDifferent(from, to);
    }
  }

  /** What kind of object changed. */
  default Category category() {
    return switch (this) {
      case SchemaCreated c -> Category.SCHEMA;
      case SchemaDropped c -> Category.SCHEMA;
      case ExtensionCreated c -> Category.EXTENSION;
      case ExtensionDropped c -> Category.EXTENSION;
      case EnumCreated c -> Category.TYPE;
      case EnumDropped c -> Category.TYPE;
      case EnumValueAdded c -> Category.TYPE;
      case EnumValueRenamed c -> Category.TYPE;
      case EnumValueDropped c -> Category.TYPE;
      case SequenceCreated c -> Category.SEQUENCE;
      case SequenceDropped c -> Category.SEQUENCE;
      case SequenceChanged c -> Category.SEQUENCE;
      case TableCreated c -> Category.TABLE;
      case TableDropped c -> Category.TABLE;
      case TableRenamed c -> Category.TABLE;
      case TableChanged c -> Category.TABLE;
      case ColumnAdded c -> Category.COLUMN;
      case ColumnDropped c -> Category.COLUMN;
      case ColumnRenamed c -> Category.COLUMN;
      case ColumnChanged c -> Category.COLUMN;
      case ConstraintAdded c -> Category.CONSTRAINT;
      case ConstraintDropped c -> Category.CONSTRAINT;
      case ConstraintChanged c -> Category.CONSTRAINT;
      case IndexCreated c -> Category.INDEX;
      case IndexDropped c -> Category.INDEX;
      case ViewCreated c -> Category.VIEW;
      case ViewDropped c -> Category.VIEW;
      case ViewChanged c -> Category.VIEW;
      case RoutineCreated c -> Category.ROUTINE;
      case RoutineDropped c -> Category.ROUTINE;
      case RoutineReplaced c -> Category.ROUTINE;
      case TriggerCreated c -> Category.TRIGGER;
      case TriggerDropped c -> Category.TRIGGER;
      case CommentChanged c -> c.category();
    };
  }

  /**
   * What happened, one word: {@code created}, {@code dropped}, {@code renamed}, {@code changed},
   * {@code added} (a column, a constraint), {@code replaced} (a routine), {@code value-added},
   * {@code value-renamed}, {@code value-dropped} (an enum type's), {@code commented}.
   */
  default String action() {
    return switch (this) {
      case SchemaCreated c -> "created";
      case SchemaDropped c -> "dropped";
      case ExtensionCreated c -> "created";
      case ExtensionDropped c -> "dropped";
      case EnumCreated c -> "created";
      case EnumDropped c -> "dropped";
      case EnumValueAdded c -> "value-added";
      case EnumValueRenamed c -> "value-renamed";
      case EnumValueDropped c -> "value-dropped";
      case SequenceCreated c -> "created";
      case SequenceDropped c -> "dropped";
      case SequenceChanged c -> "changed";
      case TableCreated c -> "created";
      case TableDropped c -> "dropped";
      case TableRenamed c -> "renamed";
      case TableChanged c -> "changed";
      case ColumnAdded c -> "added";
      case ColumnDropped c -> "dropped";
      case ColumnRenamed c -> "renamed";
      case ColumnChanged c -> "changed";
      case ConstraintAdded c -> "added";
      case ConstraintDropped c -> "dropped";
      case ConstraintChanged c -> "changed";
      case IndexCreated c -> "created";
      case IndexDropped c -> "dropped";
      case ViewCreated c -> "created";
      case ViewDropped c -> "dropped";
      case ViewChanged c -> "changed";
      case RoutineCreated c -> "created";
      case RoutineDropped c -> "dropped";
      case RoutineReplaced c -> "replaced";
      case TriggerCreated c -> "created";
      case TriggerDropped c -> "dropped";
      case CommentChanged c -> "commented";
    };
  }

  /** {@code category.action}, e.g. {@code column.added}: stable, for tools. */
  default String kind() {
    return category().id() + "." + action();
  }

  /**
   * The object's name: {@code payments}, {@code billing.invoices}, {@code payments.amount} (a
   * column, constraint or trigger of a table), {@code f(integer)} (a routine); a renamed object's
   * old name.
   */
  default String object() {
    return switch (this) {
      case SchemaCreated c -> ObjectName.quoted(c.name());
      case SchemaDropped c -> ObjectName.quoted(c.name());
      case ExtensionCreated c -> ObjectName.quoted(c.extension().name());
      case ExtensionDropped c -> ObjectName.quoted(c.extension().name());
      case EnumCreated c -> c.type().name().display();
      case EnumDropped c -> c.type().name().display();
      case EnumValueAdded c -> c.type().display();
      case EnumValueRenamed c -> c.type().display();
      case EnumValueDropped c -> c.type().display();
      case SequenceCreated c -> c.sequence().name().display();
      case SequenceDropped c -> c.sequence().name().display();
      case SequenceChanged c -> c.sequence().display();
      case TableCreated c -> c.table().name().display();
      case TableDropped c -> c.table().name().display();
      case TableRenamed c -> c.from().display();
      case TableChanged c -> c.table().display();
      case ColumnAdded c -> member(c.table(), c.column().name());
      case ColumnDropped c -> member(c.table(), c.column().name());
      case ColumnRenamed c -> member(c.table(), c.from());
      case ColumnChanged c -> member(c.table(), c.column());
      case ConstraintAdded c -> member(c.table(), c.constraint().name());
      case ConstraintDropped c -> member(c.table(), c.constraint().name());
      case ConstraintChanged c -> member(c.table(), c.to().name());
      case IndexCreated c -> c.index().name().display();
      case IndexDropped c -> c.index().name().display();
      case ViewCreated c -> c.view().name().display();
      case ViewDropped c -> c.view().name().display();
      case ViewChanged c -> c.to().name().display();
      case RoutineCreated c -> routine(c.routine());
      case RoutineDropped c -> routine(c.routine());
      case RoutineReplaced c -> routine(c.to());
      case TriggerCreated c -> member(c.trigger().table(), c.trigger().name());
      case TriggerDropped c -> member(c.trigger().table(), c.trigger().name());
      case CommentChanged c -> c.object();
    };
  }

  /**
   * The attribute that changed, for {@code changed} and {@code commented} changes ({@code type},
   * {@code INCREMENT}, {@code comment}, ...); empty for the others.
   */
  default Optional<String> attribute() {
    return switch (this) {
      case SequenceChanged c -> Optional.of(c.option());
      case TableChanged c -> Optional.of(c.property());
      case ColumnChanged c -> Optional.of(c.property().words());
      case CommentChanged c -> Optional.of("comment");
      case SchemaCreated c -> Optional.empty();
      case SchemaDropped c -> Optional.empty();
      case ExtensionCreated c -> Optional.empty();
      case ExtensionDropped c -> Optional.empty();
      case EnumCreated c -> Optional.empty();
      case EnumDropped c -> Optional.empty();
      case EnumValueAdded c -> Optional.empty();
      case EnumValueRenamed c -> Optional.empty();
      case EnumValueDropped c -> Optional.empty();
      case SequenceCreated c -> Optional.empty();
      case SequenceDropped c -> Optional.empty();
      case TableCreated c -> Optional.empty();
      case TableDropped c -> Optional.empty();
      case TableRenamed c -> Optional.empty();
      case ColumnAdded c -> Optional.empty();
      case ColumnDropped c -> Optional.empty();
      case ColumnRenamed c -> Optional.empty();
      case ConstraintAdded c -> Optional.empty();
      case ConstraintDropped c -> Optional.empty();
      case ConstraintChanged c -> Optional.empty();
      case IndexCreated c -> Optional.empty();
      case IndexDropped c -> Optional.empty();
      case ViewCreated c -> Optional.empty();
      case ViewDropped c -> Optional.empty();
      case ViewChanged c -> Optional.empty();
      case RoutineCreated c -> Optional.empty();
      case RoutineDropped c -> Optional.empty();
      case RoutineReplaced c -> Optional.empty();
      case TriggerCreated c -> Optional.empty();
      case TriggerDropped c -> Optional.empty();
    };
  }

  /** The object (or attribute) before, as text; empty when it did not exist or was not set. */
  default Optional<String> before() {
    return switch (this) {
      case SchemaCreated c -> Optional.empty();
      case SchemaDropped c -> Optional.of(ObjectName.quoted(c.name()));
      case ExtensionCreated c -> Optional.empty();
      case ExtensionDropped c -> Optional.of(extension(c.extension()));
      case EnumCreated c -> Optional.empty();
      case EnumDropped c -> Optional.of(enumType(c.type()));
      case EnumValueAdded c -> Optional.empty();
      case EnumValueRenamed c -> Optional.of(SchemaText.literal(c.from()));
      case EnumValueDropped c -> Optional.of(SchemaText.literal(c.value()));
      case SequenceCreated c -> Optional.empty();
      case SequenceDropped c -> Optional.of(sequence(c.sequence()));
      case SequenceChanged c -> c.from();
      case TableCreated c -> Optional.empty();
      case TableDropped c -> Optional.of(table(c.table()));
      case TableRenamed c -> Optional.of(c.from().display());
      case TableChanged c -> c.from();
      case ColumnAdded c -> Optional.empty();
      case ColumnDropped c -> Optional.of(SchemaText.column(c.column()));
      case ColumnRenamed c -> Optional.of(ObjectName.quoted(c.from()));
      case ColumnChanged c -> c.from();
      case ConstraintAdded c -> Optional.empty();
      case ConstraintDropped c -> Optional.of(constraint(c.constraint()));
      case ConstraintChanged c -> Optional.of(constraint(c.from()));
      case IndexCreated c -> Optional.empty();
      case IndexDropped c -> Optional.of(SchemaText.index(c.index()));
      case ViewCreated c -> Optional.empty();
      case ViewDropped c -> Optional.of(c.view().definition().query().sql());
      case ViewChanged c -> Optional.of(c.from().definition().query().sql());
      case RoutineCreated c -> Optional.empty();
      case RoutineDropped c -> Optional.of(routine(c.routine()));
      case RoutineReplaced c -> Optional.of(routine(c.from()));
      case TriggerCreated c -> Optional.empty();
      case TriggerDropped c -> Optional.of(ObjectName.quoted(c.trigger().name()));
      case CommentChanged c -> c.from();
    };
  }

  /** The object (or attribute) after, as text; empty when it is gone or not set. */
  default Optional<String> after() {
    return switch (this) {
      case SchemaCreated c -> Optional.of(ObjectName.quoted(c.name()));
      case SchemaDropped c -> Optional.empty();
      case ExtensionCreated c -> Optional.of(extension(c.extension()));
      case ExtensionDropped c -> Optional.empty();
      case EnumCreated c -> Optional.of(enumType(c.type()));
      case EnumDropped c -> Optional.empty();
      case EnumValueAdded c -> Optional.of(SchemaText.literal(c.value()));
      case EnumValueRenamed c -> Optional.of(SchemaText.literal(c.to()));
      case EnumValueDropped c -> Optional.empty();
      case SequenceCreated c -> Optional.of(sequence(c.sequence()));
      case SequenceDropped c -> Optional.empty();
      case SequenceChanged c -> c.to();
      case TableCreated c -> Optional.of(table(c.table()));
      case TableDropped c -> Optional.empty();
      case TableRenamed c -> Optional.of(c.to().display());
      case TableChanged c -> c.to();
      case ColumnAdded c -> Optional.of(SchemaText.column(c.column()));
      case ColumnDropped c -> Optional.empty();
      case ColumnRenamed c -> Optional.of(ObjectName.quoted(c.to()));
      case ColumnChanged c -> c.to();
      case ConstraintAdded c -> Optional.of(constraint(c.constraint()));
      case ConstraintDropped c -> Optional.empty();
      case ConstraintChanged c -> Optional.of(constraint(c.to()));
      case IndexCreated c -> Optional.of(SchemaText.index(c.index()));
      case IndexDropped c -> Optional.empty();
      case ViewCreated c -> Optional.of(c.view().definition().query().sql());
      case ViewDropped c -> Optional.empty();
      case ViewChanged c -> Optional.of(c.to().definition().query().sql());
      case RoutineCreated c -> Optional.of(routine(c.routine()));
      case RoutineDropped c -> Optional.empty();
      case RoutineReplaced c -> Optional.of(routine(c.to()));
      case TriggerCreated c -> Optional.of(ObjectName.quoted(c.trigger().name()));
      case TriggerDropped c -> Optional.empty();
      case CommentChanged c -> c.to();
    };
  }

  /**
   * One line for reviewers, e.g. {@code table `payments`: added column `settlement_utr
   * VARCHAR(64) NULL`}, {@code index `ix_payments_settled_on` created on `payments`
   * (settled_on)}, {@code table `payments`: column `amount` type changed from `NUMERIC(10, 2)` to
   * `NUMERIC(12, 2)`}. Names and SQL are in backticks.
   */
  default String description() {
    return switch (this) {
      case SchemaCreated c -> "schema " + q(c.name()) + " created";
      case SchemaDropped c -> "schema " + q(c.name()) + " dropped";
      case ExtensionCreated c -> "extension " + q(c.extension().name()) + " created"
          + c.extension().schema().map(s -> " in schema " + q(s)).orElse("");
      case ExtensionDropped c -> "extension " + q(c.extension().name()) + " dropped";
      case EnumCreated c -> "type " + tick(object()) + " created as " + tick(enumType(c.type()));
      case EnumDropped c -> "type " + tick(object()) + " dropped";
      case EnumValueAdded c -> "type " + tick(object()) + ": added value "
          + tick(SchemaText.literal(c.value())) + c.follows()
              .map(v -> " after " + tick(SchemaText.literal(v))).orElse(" as its first value");
      case EnumValueRenamed c -> "type " + tick(object()) + ": renamed value "
          + tick(SchemaText.literal(c.from())) + " to " + tick(SchemaText.literal(c.to()));
      case EnumValueDropped c -> "type " + tick(object()) + ": value "
          + tick(SchemaText.literal(c.value())) + " is gone";
      case SequenceCreated c -> "sequence " + tick(object()) + " created"
          + (sequenceOptions(c.sequence()).isEmpty() ? ""
              : " " + tick(sequenceOptions(c.sequence())));
      case SequenceDropped c -> "sequence " + tick(object()) + " dropped";
      case SequenceChanged c -> "sequence " + tick(object()) + ": "
          + changed(c.option(), c.from(), c.to());
      case TableCreated c -> "table " + tick(object()) + " created " + tick(table(c.table()));
      case TableDropped c -> "table " + tick(object()) + " dropped";
      case TableRenamed c -> "table " + tick(c.from().display()) + " renamed to "
          + tick(c.to().display());
      case TableChanged c -> "table " + tick(object()) + ": "
          + changed(c.property(), c.from(), c.to());
      case ColumnAdded c -> "table " + tick(c.table().display()) + ": added column "
          + tick(SchemaText.column(c.column()));
      case ColumnDropped c -> "table " + tick(c.table().display()) + ": dropped column "
          + tick(SchemaText.column(c.column()));
      case ColumnRenamed c -> "table " + tick(c.table().display()) + ": renamed column "
          + q(c.from()) + " to " + q(c.to());
      case ColumnChanged c -> "table " + tick(c.table().display()) + ": column " + q(c.column())
          + " " + changed(c.property().words(), c.from(), c.to());
      case ConstraintAdded c -> "table " + tick(c.table().display()) + ": added constraint "
          + tick(constraint(c.constraint()));
      case ConstraintDropped c -> "table " + tick(c.table().display()) + ": dropped constraint "
          + tick(constraint(c.constraint()));
      case ConstraintChanged c -> "table " + tick(c.table().display()) + ": constraint "
          + q(c.to().name()) + " changed from " + tick(SchemaText.constraint(c.from())) + " to "
          + tick(SchemaText.constraint(c.to()));
      case IndexCreated c -> (c.index().unique() ? "unique index " : "index ") + tick(object())
          + " created on " + tick(c.index().table().display()) + " "
          + tick(SchemaText.elements(c.index().keys()));
      case IndexDropped c -> "index " + tick(object()) + " dropped";
      case ViewCreated c -> view(c.view()) + " " + tick(object()) + " created";
      case ViewDropped c -> view(c.view()) + " " + tick(object()) + " dropped";
      case ViewChanged c -> view(c.to()) + " " + tick(object()) + " changed";
      case RoutineCreated c -> noun(c.routine()) + " " + tick(object()) + " created";
      case RoutineDropped c -> noun(c.routine()) + " " + tick(object()) + " dropped";
      case RoutineReplaced c -> noun(c.to()) + " " + tick(object()) + " replaced";
      case TriggerCreated c -> "trigger " + q(c.trigger().name()) + " on "
          + tick(c.trigger().table().display()) + " created";
      case TriggerDropped c -> "trigger " + q(c.trigger().name()) + " on "
          + tick(c.trigger().table().display()) + " dropped";
      case CommentChanged c -> c.category().id() + " " + tick(c.object()) + ": "
          + changed("comment", c.from(), c.to());
    };
  }

  private static void requireDifferent(Optional<String> from, Optional<String> to) {
    if (from.equals(to)) {
      throw new IllegalArgumentException("a change changes something: " + from);
    }
  }

  private static String changed(String what, Optional<String> from, Optional<String> to) {
    if (from.isEmpty()) {
      return what + " set to " + tick(to.orElseThrow());
    }
    if (to.isEmpty()) {
      return what + " removed (was " + tick(from.get()) + ")";
    }
    return what + " changed from " + tick(from.get()) + " to " + tick(to.get());
  }

  private static String member(ObjectName table, String name) {
    return table.display() + "." + ObjectName.quoted(name);
  }

  private static String routine(Routine routine) {
    return routine.name().display() + "(" + String.join(", ", routine.argumentTypes()) + ")";
  }

  private static String noun(Routine routine) {
    return routine.kind().keyword().toLowerCase(java.util.Locale.ROOT);
  }

  private static String view(View view) {
    return view.materialized() ? "materialized view" : "view";
  }

  private static String extension(Extension extension) {
    return ObjectName.quoted(extension.name())
        + extension.schema().map(s -> " SCHEMA " + ObjectName.quoted(s)).orElse("");
  }

  private static String enumType(EnumType type) {
    return type.values().stream().map(SchemaText::literal)
        .collect(Collectors.joining(", ", "ENUM (", ")"));
  }

  private static String sequence(Sequence sequence) {
    String options = sequenceOptions(sequence);
    return sequence.name().display() + (options.isEmpty() ? "" : " " + options);
  }

  private static String sequenceOptions(Sequence sequence) {
    return Stream.concat(sequence.options().stream().map(SchemaText::sequenceOption),
            sequence.ownedBy().stream().map(o -> "OWNED BY " + member(o.table(), o.column())))
        .collect(Collectors.joining(" "));
  }

  private static String constraint(Constraint constraint) {
    return ObjectName.quoted(constraint.name()) + " " + SchemaText.constraint(constraint);
  }

  private static String table(Table table) {
    return Stream.concat(table.columns().stream().map(SchemaText::column),
            table.constraints().stream().map(c -> "CONSTRAINT " + constraint(c)))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String q(String name) {
    return tick(ObjectName.quoted(name));
  }

  private static String tick(String text) {
    return "`" + text + "`";
  }
}
