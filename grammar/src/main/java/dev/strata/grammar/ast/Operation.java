package dev.strata.grammar.ast;

import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * What one statement does. Every stage after parsing switches over this exhaustively, with no
 * {@code default}, so a new operation breaks the build wherever it must be handled.
 */
public sealed interface Operation {

  /**
   * {@code CREATE [UNLOGGED] TABLE [IF NOT EXISTS] t (columns, constraints) [PARTITION BY ...]
   * [WITH (storage parameters)]}
   */
  record CreateTable(
      QualifiedName table,
      boolean ifNotExists,
      boolean unlogged,
      List<ColumnDef> columns,
      List<TableConstraint> constraints,
      Optional<PartitionSpec> partitionBy,
      List<StorageParameter> options)
      implements Operation {
    public CreateTable {
      columns = List.copyOf(columns);
      constraints = List.copyOf(constraints);
      options = List.copyOf(options);
    }

    /** A logged, unpartitioned table without storage parameters. */
    public CreateTable(
        QualifiedName table,
        boolean ifNotExists,
        List<ColumnDef> columns,
        List<TableConstraint> constraints) {
      this(table, ifNotExists, false, columns, constraints, Optional.empty(), List.of());
    }
  }

  /**
   * {@code CREATE [UNLOGGED] TABLE [IF NOT EXISTS] t PARTITION OF parent [(constraints)] bound
   * [PARTITION BY ...] [WITH (storage parameters)]}: a partition, whose columns are its parent's.
   */
  record CreatePartition(
      QualifiedName table,
      boolean ifNotExists,
      boolean unlogged,
      QualifiedName parent,
      List<TableConstraint> constraints,
      PartitionBound bound,
      Optional<PartitionSpec> partitionBy,
      List<StorageParameter> options)
      implements Operation {
    public CreatePartition {
      constraints = List.copyOf(constraints);
      options = List.copyOf(options);
    }
  }

  /**
   * {@code CREATE [UNLOGGED] TABLE [IF NOT EXISTS] t [WITH (storage parameters)] AS query [WITH [NO]
   * DATA]}: {@code query} is kept as source text; {@code withData} is false for {@code WITH NO
   * DATA}.
   */
  record CreateTableAs(
      QualifiedName table,
      boolean ifNotExists,
      boolean unlogged,
      List<StorageParameter> options,
      Expr query,
      boolean withData)
      implements Operation {
    public CreateTableAs {
      options = List.copyOf(options);
    }
  }

  /** {@code DROP TABLE [IF EXISTS] t [, ...] [CASCADE]} */
  record DropTable(List<QualifiedName> tables, boolean ifExists, boolean cascade)
      implements Operation {
    public DropTable {
      tables = List.copyOf(tables);
      if (tables.isEmpty()) {
        throw new IllegalArgumentException("DROP TABLE names at least one table");
      }
    }

    /** {@code DROP TABLE} of one table. */
    public DropTable(QualifiedName table, boolean ifExists, boolean cascade) {
      this(List.of(table), ifExists, cascade);
    }
  }

  /**
   * {@code ALTER TABLE [IF EXISTS] [ONLY] t action [, action ...]}; {@code only} leaves the
   * table's descendants (partitions, inheriting tables) unchanged, as pg_dump writes it.
   */
  record AlterTable(QualifiedName table, boolean ifExists, boolean only, List<AlterAction> actions)
      implements Operation {
    public AlterTable {
      actions = List.copyOf(actions);
    }

    /** {@code ALTER TABLE} without {@code ONLY}. */
    public AlterTable(QualifiedName table, boolean ifExists, List<AlterAction> actions) {
      this(table, ifExists, false, actions);
    }
  }

  /**
   * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] t [USING method]
   * (elements) [INCLUDE (columns)] [NULLS NOT DISTINCT] [WITH (storage parameters)] [WHERE
   * predicate]}; {@code only} does not build the index on the table's partitions.
   */
  record CreateIndex(
      Optional<Identifier> name,
      QualifiedName table,
      boolean only,
      boolean unique,
      boolean concurrently,
      boolean ifNotExists,
      Optional<String> method,
      List<IndexElement> elements,
      List<Identifier> include,
      boolean nullsNotDistinct,
      List<StorageParameter> options,
      Optional<Expr> where)
      implements Operation {
    public CreateIndex {
      elements = List.copyOf(elements);
      include = List.copyOf(include);
      options = List.copyOf(options);
    }

    /** An index on the table and its partitions, nulls distinct, without storage parameters. */
    public CreateIndex(
        Optional<Identifier> name,
        QualifiedName table,
        boolean unique,
        boolean concurrently,
        boolean ifNotExists,
        Optional<String> method,
        List<IndexElement> elements,
        List<Identifier> include,
        Optional<Expr> where) {
      this(name, table, false, unique, concurrently, ifNotExists, method, elements, include, false,
          List.of(), where);
    }
  }

  /** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE]} */
  record DropIndex(
      List<QualifiedName> indexes, boolean concurrently, boolean ifExists, boolean cascade)
      implements Operation {
    public DropIndex {
      indexes = List.copyOf(indexes);
      if (indexes.isEmpty()) {
        throw new IllegalArgumentException("DROP INDEX names at least one index");
      }
      if (concurrently && indexes.size() > 1) {
        throw new IllegalArgumentException("DROP INDEX CONCURRENTLY drops one index");
      }
    }

    /** {@code DROP INDEX} of one index. */
    public DropIndex(QualifiedName index, boolean concurrently, boolean ifExists, boolean cascade) {
      this(List.of(index), concurrently, ifExists, cascade);
    }
  }

  /** {@code ALTER INDEX [IF EXISTS] index RENAME TO new_name} */
  record RenameIndex(QualifiedName index, boolean ifExists, Identifier newName)
      implements Operation {}

  /** {@code CREATE SCHEMA [IF NOT EXISTS] name} */
  record CreateSchema(Identifier schema, boolean ifNotExists) implements Operation {}

  /** {@code DROP SCHEMA [IF EXISTS] name [CASCADE]} */
  record DropSchema(Identifier schema, boolean ifExists, boolean cascade) implements Operation {}

  /**
   * {@code [WITH ...] INSERT INTO t [AS alias] [(columns)] [OVERRIDING {SYSTEM | USER} VALUE]
   * {VALUES (...), (...) | SELECT ... | DEFAULT VALUES} [ON CONFLICT ...] [RETURNING ...]}.
   */
  record Insert(
      Optional<With> with,
      QualifiedName table,
      Optional<Identifier> alias,
      List<Identifier> columns,
      Optional<Overriding> overriding,
      InsertSource source,
      Optional<OnConflict> onConflict,
      Optional<Expr> returning)
      implements Operation {
    public Insert {
      columns = List.copyOf(columns);
      if (source instanceof InsertSource.DefaultValues && !columns.isEmpty()) {
        throw new IllegalArgumentException("INSERT ... DEFAULT VALUES has no column list");
      }
    }

    /** {@code INSERT INTO t [(columns)] source [ON CONFLICT DO NOTHING]}, the plain form. */
    public Insert(
        QualifiedName table, List<Identifier> columns, InsertSource source, boolean doNothing) {
      this(Optional.empty(), table, Optional.empty(), columns, Optional.empty(), source,
          doNothing
              ? Optional.of(new OnConflict(Optional.empty(), new ConflictAction.DoNothing()))
              : Optional.empty(),
          Optional.empty());
    }
  }

  /** {@code OVERRIDING SYSTEM VALUE} or {@code OVERRIDING USER VALUE} of an {@link Insert}. */
  enum Overriding {
    SYSTEM_VALUE,
    USER_VALUE
  }

  /** Where an {@link Insert} takes its rows. */
  sealed interface InsertSource {
    /** {@code VALUES} rows, each as long as the column list */
    record Values(List<List<Expr>> rows) implements InsertSource {
      public Values {
        rows = rows.stream().map(List::copyOf).toList();
      }
    }

    /** a {@code SELECT ...} query, kept as source text */
    record Query(Expr select) implements InsertSource {}

    /** {@code DEFAULT VALUES}: one row of defaults */
    record DefaultValues() implements InsertSource {}
  }

  /**
   * {@code ON CONFLICT [target] DO NOTHING | DO UPDATE SET ... [WHERE ...]}. PostgreSQL requires a
   * target for {@code DO UPDATE} (the parser reports E0136 without one).
   */
  record OnConflict(Optional<ConflictTarget> target, ConflictAction action) {
    public OnConflict {
      if (target.isEmpty() && action instanceof ConflictAction.DoUpdate) {
        throw new IllegalArgumentException("ON CONFLICT DO UPDATE needs a conflict target");
      }
    }
  }

  /** The arbiter of an {@link OnConflict}: the unique index it infers, or a constraint by name. */
  sealed interface ConflictTarget {
    /** {@code (key, ...) [WHERE predicate]}: the columns or expressions of a unique index */
    record Keys(List<ConflictKey> keys, Optional<Expr> where) implements ConflictTarget {
      public Keys {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
          throw new IllegalArgumentException("a conflict target names at least one key");
        }
      }
    }

    /** {@code ON CONSTRAINT name} */
    record Constraint(Identifier name) implements ConflictTarget {}
  }

  /** One key of {@link ConflictTarget.Keys}. */
  sealed interface ConflictKey {
    /** a column */
    record Column(Identifier column) implements ConflictKey {}

    /**
     * an expression as written in the list: a function call {@code lower(email)} or a
     * parenthesized expression {@code (a + b)}, parentheses included
     */
    record Expression(Expr expression) implements ConflictKey {}
  }

  /** What an {@link OnConflict} does with a conflicting row. */
  sealed interface ConflictAction {
    /** {@code DO NOTHING} */
    record DoNothing() implements ConflictAction {}

    /**
     * {@code DO UPDATE SET ... [WHERE predicate]}; the values may name the proposed row as
     * {@code EXCLUDED}
     */
    record DoUpdate(List<Assignment> assignments, Optional<Expr> where) implements ConflictAction {
      public DoUpdate {
        assignments = List.copyOf(assignments);
        if (assignments.isEmpty()) {
          throw new IllegalArgumentException("DO UPDATE SET assigns at least one column");
        }
      }
    }
  }

  /**
   * {@code [WITH ...] UPDATE t [[AS] alias] SET item [, ...] [FROM list] [WHERE predicate]
   * [RETURNING ...]}
   */
  record Update(
      Optional<With> with,
      QualifiedName table,
      Optional<Identifier> alias,
      List<Assignment> assignments,
      Optional<FromList> from,
      Optional<Expr> where,
      Optional<Expr> returning)
      implements Operation {
    public Update {
      assignments = List.copyOf(assignments);
      if (assignments.isEmpty()) {
        throw new IllegalArgumentException("UPDATE assigns at least one column");
      }
    }

    /** {@code UPDATE t SET ... [WHERE predicate]}, the plain form. */
    public Update(QualifiedName table, List<Assignment> assignments, Optional<Expr> where) {
      this(Optional.empty(), table, Optional.empty(), assignments, Optional.empty(), where,
          Optional.empty());
    }
  }

  /** One item of the {@code SET} list of an {@link Update} or {@code ON CONFLICT DO UPDATE}. */
  sealed interface Assignment {
    /** The columns it assigns, in written order: one, or a row's. */
    List<Identifier> columns();

    /** {@code column = value} */
    record Column(Identifier column, AssignedValue value) implements Assignment {
      @Override
      public List<Identifier> columns() {
        return List.of(column);
      }
    }

    /**
     * {@code (a, b) = (value, value)} or {@code (a, b) = ROW(value, value)}, as many values as
     * columns (PostgreSQL needs {@code ROW} for a single column; the two forms mean the same)
     */
    record Row(List<Identifier> columns, List<AssignedValue> values) implements Assignment {
      public Row {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        if (columns.isEmpty() || columns.size() != values.size()) {
          throw new IllegalArgumentException(
              columns.size() + " columns but " + values.size() + " values");
        }
      }
    }

    /** {@code (a, b) = (SELECT ...)}, the query kept as source text (without its parentheses) */
    record RowQuery(List<Identifier> columns, Expr query) implements Assignment {
      public RowQuery {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
          throw new IllegalArgumentException("a row assignment names at least one column");
        }
      }
    }

    /** {@code column = expr} */
    static Assignment of(Identifier column, Expr value) {
      return new Column(column, new AssignedValue.Expression(value));
    }
  }

  /** The value given to one column by an {@link Assignment}. */
  sealed interface AssignedValue {
    /** an expression, kept as source text */
    record Expression(Expr expr) implements AssignedValue {}

    /** {@code DEFAULT}: the column's default */
    record Default() implements AssignedValue {}
  }

  /**
   * The {@code FROM} list of an {@link Update} or the {@code USING} list of a {@link Delete}, kept
   * as source text, with the tables it names where that can be told from the tokens alone: the
   * first name of each comma-separated item and each name after {@code JOIN}, unless it is a
   * function call, a subquery or {@code LATERAL}.
   */
  record FromList(Expr sql, List<QualifiedName> tables) {
    public FromList {
      tables = List.copyOf(tables);
    }
  }

  /**
   * {@code [WITH ...] DELETE FROM t [[AS] alias] [USING list] [WHERE predicate] [RETURNING ...]}
   */
  record Delete(
      Optional<With> with,
      QualifiedName table,
      Optional<Identifier> alias,
      Optional<FromList> using,
      Optional<Expr> where,
      Optional<Expr> returning)
      implements Operation {
    /** {@code DELETE FROM t [WHERE predicate]}, the plain form. */
    public Delete(QualifiedName table, Optional<Expr> where) {
      this(Optional.empty(), table, Optional.empty(), Optional.empty(), where, Optional.empty());
    }
  }

  /**
   * {@code WITH [RECURSIVE] query [, ...]} before a data-changing statement or a {@link Select}.
   */
  record With(boolean recursive, List<CommonTableExpression> queries) {
    public With {
      queries = List.copyOf(queries);
      if (queries.isEmpty()) {
        throw new IllegalArgumentException("WITH names at least one query");
      }
    }
  }

  /**
   * {@code name [(columns)] AS [[NOT] MATERIALIZED] (body)}: the body (a query or itself a
   * data-changing statement) kept as source text, without its parentheses.
   */
  record CommonTableExpression(
      Identifier name, List<Identifier> columns, Materialization materialization, Expr body) {
    public CommonTableExpression {
      columns = List.copyOf(columns);
    }
  }

  /** Whether a {@link CommonTableExpression} said {@code MATERIALIZED} or {@code NOT MATERIALIZED}. */
  enum Materialization {
    DEFAULT,
    MATERIALIZED,
    NOT_MATERIALIZED
  }

  /**
   * {@code [WITH ...] SELECT ...} run for its effect ({@code SELECT setval(...)}, {@code SELECT
   * pg_catalog.set_config(...)}): the query kept as source text from {@code SELECT} to the end,
   * with the functions called at the top of its select list ({@code f(...)} items), which is all
   * that a later check can learn from it without parsing the query.
   */
  record Select(Optional<With> with, Expr query, List<QualifiedName> calledFunctions)
      implements Operation {
    public Select {
      calledFunctions = List.copyOf(calledFunctions);
    }
  }

  /**
   * {@code TRUNCATE [TABLE] [ONLY] t [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE |
   * RESTRICT]}
   */
  record Truncate(List<TruncateTarget> tables, TruncateIdentity identity, boolean cascade)
      implements Operation {
    public Truncate {
      tables = List.copyOf(tables);
      if (tables.isEmpty()) {
        throw new IllegalArgumentException("TRUNCATE names at least one table");
      }
    }
  }

  /** One table of a {@link Truncate}; {@code only} leaves its descendant tables alone. */
  record TruncateTarget(QualifiedName table, boolean only) {}

  /** What a {@link Truncate} does to the sequences its tables own. */
  enum TruncateIdentity {
    /** nothing said: PostgreSQL continues them */
    DEFAULT,
    /** {@code RESTART IDENTITY} */
    RESTART,
    /** {@code CONTINUE IDENTITY} */
    CONTINUE
  }

  /** {@code CREATE TYPE name AS ENUM ('a', 'b', ...)}: the values in order, unescaped. */
  record CreateEnumType(QualifiedName type, List<String> values) implements Operation {
    public CreateEnumType {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'value' [BEFORE | AFTER 'neighbor']}. A value
   * added in a transaction cannot be used before it commits, so the script commits after it before
   * the next statement (see {@code docs/scripts.md}).
   */
  record AddEnumValue(
      QualifiedName type, String value, boolean ifNotExists, Optional<EnumPosition> position)
      implements Operation {}

  /** Where {@link AddEnumValue} puts the new value: {@code BEFORE} or {@code AFTER} a neighbor. */
  record EnumPosition(boolean before, String neighbor) {}

  /** {@code ALTER TYPE name RENAME VALUE 'from' TO 'to'} */
  record RenameEnumValue(QualifiedName type, String from, String to) implements Operation {}

  /** {@code ALTER TYPE name RENAME TO new_name} (any type: enum, composite, domain) */
  record RenameType(QualifiedName type, Identifier newName) implements Operation {}

  /** {@code DROP TYPE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]} */
  record DropType(List<QualifiedName> types, boolean ifExists, boolean cascade)
      implements Operation {
    public DropType {
      types = List.copyOf(types);
      if (types.isEmpty()) {
        throw new IllegalArgumentException("DROP TYPE names at least one type");
      }
    }
  }

  /**
   * {@code CREATE SEQUENCE [IF NOT EXISTS] name [options]}: the options in written order (no
   * {@link SequenceOption.Restart} nor {@link SequenceOption.SequenceName}, no option twice).
   */
  record CreateSequence(QualifiedName sequence, boolean ifNotExists, List<SequenceOption> options)
      implements Operation {
    public CreateSequence {
      options = List.copyOf(options);
    }
  }

  /**
   * {@code ALTER SEQUENCE [IF EXISTS] name options}: at least one option, in written order (no
   * {@link SequenceOption.SequenceName}, no option twice).
   */
  record AlterSequence(QualifiedName sequence, boolean ifExists, List<SequenceOption> options)
      implements Operation {
    public AlterSequence {
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new IllegalArgumentException("ALTER SEQUENCE changes at least one option");
      }
    }
  }

  /** {@code ALTER SEQUENCE [IF EXISTS] name RENAME TO new_name} */
  record RenameSequence(QualifiedName sequence, boolean ifExists, Identifier newName)
      implements Operation {}

  /** {@code DROP SEQUENCE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]} */
  record DropSequence(List<QualifiedName> sequences, boolean ifExists, boolean cascade)
      implements Operation {
    public DropSequence {
      sequences = List.copyOf(sequences);
      if (sequences.isEmpty()) {
        throw new IllegalArgumentException("DROP SEQUENCE names at least one sequence");
      }
    }
  }

  /**
   * {@code COMMENT ON kind object IS 'text'}, or {@code IS NULL} ({@code text} empty), which
   * removes the comment. What names the object depends on {@code kind}: {@code object} always;
   * {@code column} for {@link CommentKind#COLUMN} (then {@code object} is the table); {@code table}
   * for a trigger, constraint or policy ({@code name ON table}); {@code arguments} (the argument
   * types as written, without parentheses) for a function or procedure written with them.
   */
  record CommentOn(
      CommentKind kind,
      QualifiedName object,
      Optional<Identifier> column,
      Optional<QualifiedName> table,
      Optional<Expr> arguments,
      Optional<String> text)
      implements Operation {
    public CommentOn {
      if (column.isPresent() != (kind == CommentKind.COLUMN)) {
        throw new IllegalArgumentException("a column is named exactly for COMMENT ON COLUMN");
      }
      if (table.isPresent() != kind.onTable()) {
        throw new IllegalArgumentException("ON table is named exactly for " + kind.keywords());
      }
      if (arguments.isPresent() && !kind.routine()) {
        throw new IllegalArgumentException("only a function or procedure has arguments");
      }
    }
  }

  /** The kinds of object {@link CommentOn} comments on. */
  enum CommentKind {
    TABLE("TABLE"),
    COLUMN("COLUMN"),
    INDEX("INDEX"),
    VIEW("VIEW"),
    MATERIALIZED_VIEW("MATERIALIZED VIEW"),
    SEQUENCE("SEQUENCE"),
    TYPE("TYPE"),
    DOMAIN("DOMAIN"),
    SCHEMA("SCHEMA"),
    EXTENSION("EXTENSION"),
    FUNCTION("FUNCTION"),
    PROCEDURE("PROCEDURE"),
    TRIGGER("TRIGGER"),
    CONSTRAINT("CONSTRAINT"),
    POLICY("POLICY");

    private final String keywords;

    CommentKind(String keywords) {
      this.keywords = keywords;
    }

    /** The words after {@code COMMENT ON}, e.g. {@code MATERIALIZED VIEW}. */
    public String keywords() {
      return keywords;
    }

    /** Whether the object is named {@code name ON table} (trigger, constraint, policy). */
    public boolean onTable() {
      return this == TRIGGER || this == CONSTRAINT || this == POLICY;
    }

    /** Whether the object is a function or procedure, named with its argument types. */
    public boolean routine() {
      return this == FUNCTION || this == PROCEDURE;
    }
  }

  /**
   * The content of a {@code -- +dialect NAME} ... {@code -- +end} block: SQL emitted verbatim, and
   * only when rendering for {@code dialect} (lowercase, e.g. {@code postgresql}).
   * {@code psqlMetaCommands} is set by {@code -- +dialect postgresql psql-meta-commands}: the block
   * may run psql meta-commands and use psql variables (without it, either is a parse error).
   * {@code model} holds the statements of a {@code -- +model} ... {@code -- +end} block written
   * right after the block: what the block does to the schema, replayed into the schema model of
   * its dialect in place of the block and never rendered (see {@code docs/schema-model.md}); empty
   * when there is none (then the model cannot follow the block).
   */
  record RawSql(String dialect, String sql, boolean psqlMetaCommands, List<Statement> model)
      implements Operation {
    public RawSql {
      model = List.copyOf(model);
    }

    /** A block without a {@code -- +model} block. */
    public RawSql(String dialect, String sql, boolean psqlMetaCommands) {
      this(dialect, sql, psqlMetaCommands, List.of());
    }

    /** A block that runs SQL only. */
    public RawSql(String dialect, String sql) {
      this(dialect, sql, false);
    }
  }

  /**
   * {@code CREATE [OR REPLACE] [TEMP | TEMPORARY] [RECURSIVE] VIEW v [(columns)] [WITH (options)]
   * AS query [WITH [CASCADED | LOCAL] CHECK OPTION]}
   */
  record CreateView(
      QualifiedName view,
      boolean orReplace,
      boolean temporary,
      boolean recursive,
      ViewDefinition definition,
      Optional<ViewDefinition.CheckOption> checkOption)
      implements Operation {}

  /** {@code DROP VIEW [IF EXISTS] v [, ...] [CASCADE | RESTRICT]} */
  record DropView(List<QualifiedName> views, boolean ifExists, boolean cascade)
      implements Operation {
    public DropView {
      views = List.copyOf(views);
      if (views.isEmpty()) {
        throw new IllegalArgumentException("DROP VIEW names at least one view");
      }
    }
  }

  /** {@code ALTER VIEW [IF EXISTS] v RENAME TO n | RENAME [COLUMN] a TO b | SET SCHEMA s} */
  record AlterView(QualifiedName view, boolean ifExists, ViewDefinition.Change change)
      implements Operation {}

  /**
   * A statement that exists only in PostgreSQL (functions, triggers, {@code DO} blocks, policies,
   * grants, extensions, ...): parsed enough to know what it is and what it names, and rendered as
   * written for PostgreSQL; for another dialect it is an error (E0407) that asks for a {@code --
   * +dialect} block. The rule that separates these from the neutral operations is in {@code
   * docs/language.md} ("Neutral and PostgreSQL-only statements").
   */
  sealed interface PostgresOnly extends Operation {
    /** The statement's kind as a person names it, e.g. {@code CREATE EXTENSION}. */
    String kind();

    /**
     * {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA schema] [VERSION version]
     * [CASCADE]}
     */
    record CreateExtension(
        Identifier name,
        boolean ifNotExists,
        Optional<Identifier> schema,
        Optional<String> version,
        boolean cascade)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "CREATE EXTENSION";
      }
    }

    /** {@code DROP EXTENSION [IF EXISTS] name [, ...] [CASCADE | RESTRICT]} */
    record DropExtension(List<Identifier> names, boolean ifExists, boolean cascade)
        implements PostgresOnly {
      public DropExtension {
        names = List.copyOf(names);
        if (names.isEmpty()) {
          throw new IllegalArgumentException("DROP EXTENSION names at least one extension");
        }
      }

      @Override
      public String kind() {
        return "DROP EXTENSION";
      }
    }

    /** {@code CREATE TYPE name AS (attribute type, ...)}: a composite type, named only. */
    record CreateCompositeType(QualifiedName type) implements PostgresOnly {
      @Override
      public String kind() {
        return "CREATE TYPE AS (composite)";
      }
    }

    /** {@code CREATE DOMAIN name [AS] type [constraints]}: named only. */
    record CreateDomain(QualifiedName domain) implements PostgresOnly {
      @Override
      public String kind() {
        return "CREATE DOMAIN";
      }
    }

    /** {@code DROP DOMAIN [IF EXISTS] name [, ...] [CASCADE | RESTRICT]} */
    record DropDomain(List<QualifiedName> domains, boolean ifExists, boolean cascade)
        implements PostgresOnly {
      public DropDomain {
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
          throw new IllegalArgumentException("DROP DOMAIN names at least one domain");
        }
      }

      @Override
      public String kind() {
        return "DROP DOMAIN";
      }
    }

    // ---- functions and procedures

    /**
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE name (parameters) clause ...}, the clauses in
     * any order: {@code RETURNS type}, {@code LANGUAGE l}, {@code AS body}, and options.
     *
     * @param returns the return type as written ({@code trigger}, {@code SETOF users}, {@code
     *     TABLE (id integer)}), empty for a procedure or when not written
     * @param body the content of the {@code AS} string ({@code $$...$$} or {@code '...'}) verbatim
     * @param options the other clauses as written, one per option ({@code IMMUTABLE}, {@code
     *     SECURITY DEFINER}, {@code SET search_path = public})
     */
    record CreateRoutine(
        RoutineKind routine,
        boolean orReplace,
        QualifiedName name,
        List<RoutineParameter> parameters,
        Optional<String> returns,
        Optional<String> language,
        Optional<String> body,
        List<String> options)
        implements PostgresOnly {
      public CreateRoutine {
        parameters = List.copyOf(parameters);
        options = List.copyOf(options);
      }

      @Override
      public String kind() {
        return "CREATE " + routine.keyword();
      }
    }

    /** {@code DROP FUNCTION|PROCEDURE [IF EXISTS] name[(parameters)] [, ...] [CASCADE]} */
    record DropRoutine(
        RoutineKind routine, List<RoutineSignature> routines, boolean ifExists, boolean cascade)
        implements PostgresOnly {
      public DropRoutine {
        routines = List.copyOf(routines);
        if (routines.isEmpty()) {
          throw new IllegalArgumentException("DROP " + routine + " names at least one routine");
        }
      }

      @Override
      public String kind() {
        return "DROP " + routine.keyword();
      }
    }

    /** {@code ALTER FUNCTION|PROCEDURE name[(parameters)] change}, the change as written. */
    record AlterRoutine(RoutineKind routine, RoutineSignature signature, String change)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER " + routine.keyword();
      }
    }

    /**
     * {@code ALTER kind name OWNER TO role}, which pg_dump writes for every object.
     *
     * @param objectKind the kind of object, upper-cased ({@code TABLE}, {@code MATERIALIZED VIEW},
     *     {@code FUNCTION})
     * @param object the object as written ({@code public.users}, {@code touch(integer)})
     */
    record AlterOwner(String objectKind, String object, Identifier owner) implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER " + objectKind + " ... OWNER TO";
      }
    }

    // ---- triggers

    /**
     * {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} event [OR
     * ...] ON table [FROM referenced] [deferrability] [REFERENCING ...] [FOR [EACH] {ROW |
     * STATEMENT}] [WHEN (condition)] EXECUTE {FUNCTION | PROCEDURE} function(arguments)}
     *
     * @param forEachRow {@code FOR EACH ROW}; false for {@code FOR EACH STATEMENT}, the default
     * @param options the deferrability and {@code REFERENCING} clauses as written
     * @param arguments the text between the function's parentheses, when not empty
     */
    record CreateTrigger(
        Identifier name,
        boolean orReplace,
        boolean constraint,
        TriggerTiming timing,
        List<TriggerEvent> events,
        QualifiedName table,
        Optional<QualifiedName> referencedTable,
        List<String> options,
        boolean forEachRow,
        Optional<Expr> when,
        QualifiedName function,
        Optional<Expr> arguments)
        implements PostgresOnly {
      public CreateTrigger {
        events = List.copyOf(events);
        options = List.copyOf(options);
        if (events.isEmpty()) {
          throw new IllegalArgumentException("a trigger fires on at least one event");
        }
      }

      @Override
      public String kind() {
        return "CREATE TRIGGER";
      }
    }

    /** When a trigger fires, relative to its event. */
    enum TriggerTiming {
      BEFORE,
      AFTER,
      INSTEAD_OF
    }

    /** {@code DROP TRIGGER [IF EXISTS] name ON table [CASCADE | RESTRICT]} */
    record DropTrigger(Identifier name, QualifiedName table, boolean ifExists, boolean cascade)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "DROP TRIGGER";
      }
    }

    /** {@code ALTER TRIGGER name ON table RENAME TO newName} */
    record RenameTrigger(Identifier name, QualifiedName table, Identifier newName)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER TRIGGER";
      }
    }

    /**
     * {@code ALTER TABLE [IF EXISTS] t {ENABLE [REPLICA | ALWAYS] | DISABLE} TRIGGER {name | ALL |
     * USER}}.
     *
     * @param firing {@code REPLICA} or {@code ALWAYS}, upper-cased, when written after ENABLE
     * @param trigger the trigger's name; empty for {@code ALL} and {@code USER}
     * @param all {@code ALL}: the user triggers and the internal ones of foreign keys
     */
    record SwitchTrigger(
        QualifiedName table,
        boolean ifExists,
        boolean enable,
        Optional<String> firing,
        Optional<Identifier> trigger,
        boolean all)
        implements PostgresOnly {
      public SwitchTrigger {
        if (all && trigger.isPresent()) {
          throw new IllegalArgumentException("ALL names no trigger");
        }
      }

      @Override
      public String kind() {
        return "ALTER TABLE ... " + (enable ? "ENABLE" : "DISABLE") + " TRIGGER";
      }
    }

    // ---- DO and CALL

    /**
     * {@code DO [LANGUAGE l] body}.
     *
     * @param body the content of the string or dollar quote, verbatim
     * @param transactionControl the body (PL/pgSQL) runs {@code COMMIT} or {@code ROLLBACK}, so
     *     the block must run outside a transaction block (PostgreSQL refuses them inside one)
     */
    record Do(Optional<String> language, String body, boolean transactionControl)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "DO";
      }
    }

    /** {@code CALL procedure(arguments)} */
    record Call(QualifiedName procedure, List<Expr> arguments) implements PostgresOnly {
      public Call {
        arguments = List.copyOf(arguments);
      }

      @Override
      public String kind() {
        return "CALL";
      }
    }

    // ---- row-level security, privileges and roles

    /** {@code ALTER TABLE [IF EXISTS] t {ENABLE | DISABLE | FORCE | NO FORCE} ROW LEVEL SECURITY} */
    record RowSecurity(QualifiedName table, boolean ifExists, RowSecurityChange change)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER TABLE ... " + change.name().replace('_', ' ') + " ROW LEVEL SECURITY";
      }
    }

    /** What {@link RowSecurity} does. */
    enum RowSecurityChange {
      ENABLE,
      DISABLE,
      FORCE,
      NO_FORCE
    }

    /**
     * {@code CREATE POLICY name ON table [AS {PERMISSIVE | RESTRICTIVE}] [FOR command] [TO roles]
     * [USING (condition)] [WITH CHECK (condition)]}
     *
     * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE},
     *     upper-cased, when written (PostgreSQL's default is {@code ALL})
     * @param roles the roles as written ({@code PUBLIC} when not written, as PostgreSQL defaults)
     */
    record CreatePolicy(
        Identifier name,
        QualifiedName table,
        boolean permissive,
        Optional<String> command,
        List<Identifier> roles,
        Optional<Expr> using,
        Optional<Expr> withCheck)
        implements PostgresOnly {
      public CreatePolicy {
        roles = List.copyOf(roles);
      }

      @Override
      public String kind() {
        return "CREATE POLICY";
      }
    }

    /** {@code ALTER POLICY name ON table change}, the change as written. */
    record AlterPolicy(Identifier name, QualifiedName table, String change) implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER POLICY";
      }
    }

    /** {@code DROP POLICY [IF EXISTS] name ON table [CASCADE | RESTRICT]} */
    record DropPolicy(Identifier name, QualifiedName table, boolean ifExists, boolean cascade)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "DROP POLICY";
      }
    }

    /**
     * {@code GRANT privilege [, ...] ON target TO role [, ...] [WITH GRANT OPTION]}, each privilege
     * as written ({@code SELECT}, {@code UPDATE (a, b)}, {@code ALL PRIVILEGES}).
     */
    record Grant(
        List<String> privileges,
        PrivilegeTarget target,
        List<Identifier> grantees,
        boolean withGrantOption)
        implements PostgresOnly {
      public Grant {
        privileges = List.copyOf(privileges);
        grantees = List.copyOf(grantees);
      }

      @Override
      public String kind() {
        return "GRANT";
      }
    }

    /**
     * {@code REVOKE [GRANT OPTION FOR] privilege [, ...] ON target FROM role [, ...] [CASCADE |
     * RESTRICT]}
     */
    record Revoke(
        List<String> privileges,
        PrivilegeTarget target,
        List<Identifier> grantees,
        boolean grantOptionFor,
        boolean cascade)
        implements PostgresOnly {
      public Revoke {
        privileges = List.copyOf(privileges);
        grantees = List.copyOf(grantees);
      }

      @Override
      public String kind() {
        return "REVOKE";
      }
    }

    /**
     * {@code GRANT role [, ...] TO role [, ...] [WITH option OPTION]}, membership in roles.
     *
     * @param option {@code ADMIN} (or another word before {@code OPTION}), upper-cased
     */
    record GrantRole(List<Identifier> roles, List<Identifier> grantees, Optional<String> option)
        implements PostgresOnly {
      public GrantRole {
        roles = List.copyOf(roles);
        grantees = List.copyOf(grantees);
      }

      @Override
      public String kind() {
        return "GRANT role";
      }
    }

    /** {@code REVOKE [option OPTION FOR] role [, ...] FROM role [, ...] [CASCADE | RESTRICT]} */
    record RevokeRole(
        List<Identifier> roles, List<Identifier> grantees, Optional<String> option, boolean cascade)
        implements PostgresOnly {
      public RevokeRole {
        roles = List.copyOf(roles);
        grantees = List.copyOf(grantees);
      }

      @Override
      public String kind() {
        return "REVOKE role";
      }
    }

    /** {@code ALTER DEFAULT PRIVILEGES change}, the change as written. */
    record AlterDefaultPrivileges(String change) implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER DEFAULT PRIVILEGES";
      }
    }

    /** {@code CREATE ROLE name [[WITH] option ...]}, the options as written (may be empty). */
    record CreateRole(Identifier name, String settings) implements PostgresOnly {
      @Override
      public String kind() {
        return "CREATE ROLE";
      }
    }

    /** {@code ALTER ROLE name change}, the change as written. */
    record AlterRole(Identifier name, String change) implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER ROLE";
      }
    }

    /** {@code DROP ROLE [IF EXISTS] name [, ...]} */
    record DropRole(List<Identifier> names, boolean ifExists) implements PostgresOnly {
      public DropRole {
        names = List.copyOf(names);
      }

      @Override
      public String kind() {
        return "DROP ROLE";
      }
    }

    // ---- server and maintenance statements

    /** {@code CREATE DATABASE name [options]}; PostgreSQL runs it only outside a transaction. */
    record CreateDatabase(Identifier name, String settings) implements PostgresOnly {
      @Override
      public String kind() {
        return "CREATE DATABASE";
      }
    }

    /**
     * {@code DROP DATABASE [IF EXISTS] name [options]}; PostgreSQL runs it only outside a
     * transaction.
     */
    record DropDatabase(Identifier name, boolean ifExists, String settings) implements PostgresOnly {
      @Override
      public String kind() {
        return "DROP DATABASE";
      }
    }

    /** {@code ALTER SYSTEM change}; PostgreSQL runs it only outside a transaction. */
    record AlterSystem(String change) implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER SYSTEM";
      }
    }

    /** {@code VACUUM [arguments]}; PostgreSQL runs it only outside a transaction. */
    record Vacuum(String arguments) implements PostgresOnly {
      @Override
      public String kind() {
        return "VACUUM";
      }
    }

    /** {@code ANALYZE [arguments]}, which runs inside a transaction too. */
    record Analyze(String arguments) implements PostgresOnly {
      @Override
      public String kind() {
        return "ANALYZE";
      }
    }

    /**
     * {@code REINDEX [(options)] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] name}.
     *
     * @param target the kind of object, upper-cased
     * @param concurrently {@code CONCURRENTLY}, written before the name or among the options
     */
    record Reindex(String target, boolean concurrently, String arguments) implements PostgresOnly {
      /**
       * PostgreSQL refuses {@code REINDEX ... CONCURRENTLY} and the reindexing of a whole schema,
       * database or system catalog inside a transaction block (its {@code ExecReindex}).
       */
      public boolean outsideTransaction() {
        return concurrently || List.of("SCHEMA", "DATABASE", "SYSTEM").contains(target);
      }

      @Override
      public String kind() {
        return "REINDEX";
      }
    }

    /** {@code LOCK [TABLE] name [, ...] [IN mode MODE] [NOWAIT]}, the mode as written. */
    record Lock(List<QualifiedName> tables, String mode) implements PostgresOnly {
      public Lock {
        tables = List.copyOf(tables);
      }

      @Override
      public String kind() {
        return "LOCK";
      }
    }

    /** {@code NOTIFY channel [, 'payload']}, the payload unquoted. */
    record Notify(Identifier channel, Optional<String> payload) implements PostgresOnly {
      @Override
      public String kind() {
        return "NOTIFY";
      }
    }

    /**
     * {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] v [(columns)] [USING method] [WITH
     * (options)] AS query [WITH [NO] DATA]}
     */
    record CreateMaterializedView(
        QualifiedName view,
        boolean ifNotExists,
        Optional<Identifier> method,
        ViewDefinition definition,
        boolean withData)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "CREATE MATERIALIZED VIEW";
      }
    }

    /** {@code DROP MATERIALIZED VIEW [IF EXISTS] v [, ...] [CASCADE | RESTRICT]} */
    record DropMaterializedView(List<QualifiedName> views, boolean ifExists, boolean cascade)
        implements PostgresOnly {
      public DropMaterializedView {
        views = List.copyOf(views);
        if (views.isEmpty()) {
          throw new IllegalArgumentException("DROP MATERIALIZED VIEW names at least one view");
        }
      }

      @Override
      public String kind() {
        return "DROP MATERIALIZED VIEW";
      }
    }

    /** {@code ALTER MATERIALIZED VIEW [IF EXISTS] v RENAME ... | SET SCHEMA s} */
    record AlterMaterializedView(QualifiedName view, boolean ifExists, ViewDefinition.Change change)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "ALTER MATERIALIZED VIEW";
      }
    }

    /**
     * {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] v [WITH [NO] DATA]}; {@code CONCURRENTLY}
     * runs outside a transaction, as PostgreSQL requires.
     */
    record RefreshMaterializedView(QualifiedName view, boolean concurrently, boolean withData)
        implements PostgresOnly {
      @Override
      public String kind() {
        return "REFRESH MATERIALIZED VIEW";
      }
    }

    /**
     * {@code SET [SESSION | LOCAL] name {= | TO} value | DEFAULT}, and {@code SET TIME ZONE value}
     * (as {@code timezone}). A revision's settings hold for that revision's own statements only,
     * whatever the scope written (see {@code docs/language.md}, "Session settings").
     *
     * @param name the setting, lowercase unless quoted, e.g. {@code lock_timeout}
     * @param local written {@code SET LOCAL}
     * @param value the value as written ({@code '5s'}, {@code public, "$user"}); empty for {@code
     *     DEFAULT}
     */
    record SetSetting(String name, boolean local, Optional<Expr> value) implements PostgresOnly {
      public SetSetting {
        if (name.isBlank()) {
          throw new IllegalArgumentException("a setting has a name");
        }
        Objects.requireNonNull(value, "value");
      }

      @Override
      public String kind() {
        return "SET";
      }
    }

    /** {@code RESET name} ({@code RESET TIME ZONE} as {@code timezone}): back to the script's value. */
    record ResetSetting(String name) implements PostgresOnly {
      public ResetSetting {
        if (name.isBlank()) {
          throw new IllegalArgumentException("a setting has a name");
        }
      }

      @Override
      public String kind() {
        return "RESET";
      }
    }
  }
}
