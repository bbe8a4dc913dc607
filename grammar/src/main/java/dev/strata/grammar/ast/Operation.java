package dev.strata.grammar.ast;

import java.util.List;
import java.util.Objects;
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
