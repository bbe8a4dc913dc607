package dev.strata.grammar.ast;

import java.util.List;
import java.util.Optional;

/**
 * What one statement does. Every stage after parsing switches over this exhaustively, with no
 * {@code default}, so a new operation breaks the build wherever it must be handled.
 */
public sealed interface Operation {

  /** {@code CREATE TABLE [IF NOT EXISTS] t (columns, constraints)} */
  record CreateTable(
      QualifiedName table,
      boolean ifNotExists,
      List<ColumnDef> columns,
      List<TableConstraint> constraints)
      implements Operation {
    public CreateTable {
      columns = List.copyOf(columns);
      constraints = List.copyOf(constraints);
    }
  }

  /** {@code DROP TABLE [IF EXISTS] t [CASCADE]} */
  record DropTable(QualifiedName table, boolean ifExists, boolean cascade) implements Operation {}

  /** {@code ALTER TABLE [IF EXISTS] t action [, action ...]} */
  record AlterTable(QualifiedName table, boolean ifExists, List<AlterAction> actions)
      implements Operation {
    public AlterTable {
      actions = List.copyOf(actions);
    }
  }

  /**
   * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON t [USING method]
   * (elements) [INCLUDE (columns)] [WHERE predicate]}
   */
  record CreateIndex(
      Optional<Identifier> name,
      QualifiedName table,
      boolean unique,
      boolean concurrently,
      boolean ifNotExists,
      Optional<String> method,
      List<IndexElement> elements,
      List<Identifier> include,
      Optional<Expr> where)
      implements Operation {
    public CreateIndex {
      elements = List.copyOf(elements);
      include = List.copyOf(include);
    }
  }

  /** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [CASCADE]} */
  record DropIndex(QualifiedName index, boolean concurrently, boolean ifExists, boolean cascade)
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
    /** {@code column = value} */
    record Column(Identifier column, AssignedValue value) implements Assignment {}

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

  /**
   * The content of a {@code -- +dialect NAME} ... {@code -- +end} block: SQL emitted verbatim, and
   * only when rendering for {@code dialect} (lowercase, e.g. {@code postgresql}).
   * {@code psqlMetaCommands} is set by {@code -- +dialect postgresql psql-meta-commands}: the block
   * may run psql meta-commands and use psql variables (without it, either is a parse error).
   */
  record RawSql(String dialect, String sql, boolean psqlMetaCommands) implements Operation {
    /** A block that runs SQL only. */
    public RawSql(String dialect, String sql) {
      this(dialect, sql, false);
    }
  }

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
  }
}
