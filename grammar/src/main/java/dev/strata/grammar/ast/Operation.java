package dev.strata.grammar.ast;

import java.util.List;
import java.util.Optional;

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
   * {@code INSERT INTO t [(columns)] VALUES (...), (...)} or {@code INSERT INTO t [(columns)]
   * SELECT ...}, optionally {@code ON CONFLICT DO NOTHING}.
   */
  record Insert(
      QualifiedName table, List<Identifier> columns, InsertSource source, boolean onConflictDoNothing)
      implements Operation {
    public Insert {
      columns = List.copyOf(columns);
    }
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
  }

  /** {@code UPDATE t SET column = expr [, ...] [WHERE predicate]} */
  record Update(QualifiedName table, List<Assignment> assignments, Optional<Expr> where)
      implements Operation {
    public Update {
      assignments = List.copyOf(assignments);
    }
  }

  /** One {@code column = expr} of an {@link Update}. */
  record Assignment(Identifier column, Expr value) {}

  /** {@code DELETE FROM t [WHERE predicate]} */
  record Delete(QualifiedName table, Optional<Expr> where) implements Operation {}

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
