package dev.strata.dialects;

/**
 * Where dialects fork, named by behaviour (as jOOQ names its {@code NO_SUPPORT_...} sets), so that
 * rendering code asks {@code dialect.has(...)} instead of comparing dialects. Each constant says in
 * one line what holds when a dialect has it; {@link Dialect} lists each dialect's set, and {@code
 * docs/dialects.md} and the README's dialect table are generated from them.
 */
public enum Capability {
  /**
   * DDL runs inside transactions and rolls back with them, so the script is wrapped in {@code BEGIN;}
   * ... {@code COMMIT;} (Alembic's {@code transactional_ddl}: PostgreSQL and SQLite yes; MySQL and
   * MariaDB commit implicitly before and after each DDL statement).
   */
  TRANSACTIONAL_DDL("DDL runs inside a transaction and rolls back with it"),

  /**
   * The revision language's expressions (PostgreSQL-flavoured) are valid as written, so they are
   * emitted verbatim; without it they are translated (through jOOQ's parser).
   */
  EXPRESSIONS_AS_WRITTEN("the language's expressions run as written"),

  /**
   * The language's PostgreSQL-only statements ({@link
   * dev.strata.grammar.ast.Operation.PostgresOnly}: functions, triggers, {@code DO} blocks,
   * extensions, ...) run as written; without it each one is an error (E0407) asking for a {@code
   * -- +dialect} block for the dialect.
   */
  POSTGRESQL_STATEMENTS("PostgreSQL-only statements run as written"),

  /** {@code CREATE INDEX CONCURRENTLY} / {@code DROP INDEX CONCURRENTLY} build without a write lock. */
  CONCURRENT_INDEX("CREATE/DROP INDEX CONCURRENTLY"),

  /** {@code CREATE INDEX ... WHERE predicate}. */
  PARTIAL_INDEX("partial indexes (CREATE INDEX ... WHERE)"),

  /**
   * Expressions as index keys ({@code CREATE INDEX ON t ((lower(email)))}): PostgreSQL, SQLite,
   * MySQL 8.0.13+ (functional key parts); MariaDB indexes columns only (an expression needs a
   * generated column).
   */
  EXPRESSION_INDEX("expression index keys"),

  /**
   * Index names are scoped per table, not per schema: {@code DROP INDEX i ON t} and {@code ALTER
   * TABLE t RENAME INDEX}, the table found in the schema model (MySQL, MariaDB).
   */
  INDEX_NAMES_PER_TABLE("index names are scoped per table (DROP INDEX i ON t)"),

  /** {@code CREATE INDEX IF NOT EXISTS} and {@code DROP INDEX IF EXISTS}. */
  IF_EXISTS_INDEX("CREATE INDEX IF NOT EXISTS / DROP INDEX IF EXISTS"),

  /**
   * {@code IF [NOT] EXISTS} inside {@code ALTER TABLE}: {@code ADD COLUMN IF NOT EXISTS}, {@code
   * DROP COLUMN IF EXISTS}, {@code DROP CONSTRAINT IF EXISTS} (PostgreSQL, MariaDB; not MySQL).
   */
  IF_EXISTS_IN_ALTER_TABLE("IF [NOT] EXISTS inside ALTER TABLE"),

  /**
   * {@code ALTER COLUMN ... TYPE}, {@code SET/DROP NOT NULL} and {@code SET/DROP DEFAULT} each
   * change one property in place (PostgreSQL).
   */
  ALTER_COLUMN_IN_PLACE("ALTER COLUMN changes one property (type, NOT NULL, default) in place"),

  /**
   * Column changes are {@code MODIFY COLUMN} with the column's whole definition, taken from the
   * schema model: an omitted {@code DEFAULT}, {@code NOT NULL} or {@code COMMENT} is silently
   * dropped otherwise (MySQL, MariaDB). {@code SET/DROP DEFAULT} alone stays {@code ALTER COLUMN}.
   */
  MODIFY_COLUMN("column changes restate the whole column (MODIFY COLUMN, from the schema model)"),

  /**
   * {@code ALTER TABLE ... ADD CONSTRAINT} (foreign keys, checks, unique, primary keys) on an
   * existing table; without it the table is rebuilt (SQLite's 12-step procedure).
   */
  ADD_CONSTRAINT("ALTER TABLE ... ADD CONSTRAINT"),

  /**
   * {@code ALTER TABLE ... DROP CONSTRAINT name} for foreign keys, checks and unique constraints
   * (PostgreSQL; MariaDB 10.4+, whose primary key is always named {@code PRIMARY} and dropped with
   * {@code DROP PRIMARY KEY}); MySQL has {@code DROP FOREIGN KEY}, {@code DROP CHECK}, {@code DROP
   * INDEX} and {@code DROP PRIMARY KEY} instead, chosen from the schema model.
   */
  DROP_CONSTRAINT("ALTER TABLE ... DROP CONSTRAINT for every constraint kind"),

  /**
   * {@code ALTER TABLE ... DROP COLUMN} whatever the column is part of; SQLite refuses it for a
   * column in a primary key, unique constraint, index or foreign key, and strata rebuilds instead.
   */
  DROP_ANY_COLUMN("DROP COLUMN of a constrained or indexed column"),

  /** Schemas as namespaces inside one database ({@code CREATE SCHEMA}, {@code schema.table}). */
  SCHEMAS("schemas (CREATE SCHEMA, qualified names)"),

  /** Sequence objects ({@code CREATE SEQUENCE}, {@code nextval}): PostgreSQL, MariaDB 10.3+. */
  SEQUENCES("sequences (CREATE SEQUENCE)"),

  /** {@code COMMENT ON TABLE/COLUMN} statements. */
  COMMENT_ON("COMMENT ON statements"),

  /**
   * Named enum types ({@code CREATE TYPE ... AS ENUM}); MySQL and MariaDB spell each column's enum
   * inline ({@code ENUM('a', 'b')}) and SQLite checks it ({@code CHECK (c IN (...))}), from the
   * schema model.
   */
  ENUM_TYPES("named enum types (CREATE TYPE ... AS ENUM)"),

  /**
   * A column type of its own for UUIDs ({@code uuid}: PostgreSQL, MariaDB 10.7+); MySQL stores
   * them as {@code varchar(36)} and SQLite as {@code text} (docs/dialects.md, type mapping).
   */
  UUID_TYPE("a UUID column type"),

  /**
   * {@code CAST(x AS JSON)} makes a JSON value (PostgreSQL, MySQL); MariaDB's {@code JSON} is an
   * alias of {@code LONGTEXT} that no cast accepts, and SQLite keeps JSON as text, so there the
   * cast of {@code '{}'::jsonb} is dropped and the text kept.
   */
  JSON_CASTS("CAST(x AS JSON)"),

  /**
   * A backslash in a string literal is an escape ({@code 'a\\b'} is {@code a\b}): MySQL and
   * MariaDB unless {@code sql_mode} has {@code NO_BACKSLASH_ESCAPES}; strata doubles backslashes
   * in the literals it writes for them. PostgreSQL (with {@code standard_conforming_strings}, the
   * default since 9.1) and SQLite read a backslash as itself.
   */
  BACKSLASH_ESCAPES("a backslash in a string literal is an escape"),

  /** Array column types ({@code text[]}). */
  ARRAYS("array column types"),

  /** {@code DEFERRABLE} constraints (PostgreSQL, SQLite foreign keys). */
  DEFERRABLE_CONSTRAINTS("DEFERRABLE constraints"),

  /** {@code NOT VALID} constraints and {@code VALIDATE CONSTRAINT}. */
  NOT_VALID_CONSTRAINTS("NOT VALID constraints and VALIDATE CONSTRAINT"),

  /** {@code DROP ... CASCADE} drops the dependent objects (MySQL and MariaDB accept and ignore it). */
  DROP_CASCADE("DROP ... CASCADE drops dependent objects"),

  /** {@code TRUNCATE} (SQLite has {@code DELETE FROM t}). */
  TRUNCATE("TRUNCATE"),

  /** {@code ALTER TABLE ... RENAME COLUMN} (MySQL 8.0.3+, MariaDB 10.5.2+, SQLite 3.25+). */
  RENAME_COLUMN("ALTER TABLE ... RENAME COLUMN"),

  /** Views ({@code CREATE VIEW}, {@code CREATE OR REPLACE VIEW}). */
  OR_REPLACE_VIEW("CREATE OR REPLACE VIEW"),

  /**
   * {@code SIGNAL} runs as a prepared statement, so a script stops its client on a failed check
   * with {@code PREPARE s FROM IF(ok, 'DO 0', 'SIGNAL ...')} and no stored routine (MariaDB); MySQL
   * refuses {@code SIGNAL} there (its manual, "Restrictions on Condition Handling"), so its scripts
   * signal from a procedure they create and drop ({@link MysqlGuardSql}).
   */
  SIGNAL_IN_PREPARED_STATEMENT(
      "SIGNAL as a prepared statement (a check stops the client without a routine)"),

  /**
   * Text compares case-insensitively under the server's default collation ({@code
   * utf8mb4_general_ci}, {@code utf8mb4_0900_ai_ci}), so the version table's column is declared
   * {@code COLLATE utf8mb4_bin} and the guard compares revision ids as bytes (MySQL, MariaDB).
   */
  CASE_INSENSITIVE_TEXT(
      "text compares case-insensitively by default (version ids compared as bytes)"),

  /**
   * A generated column may be declared {@code NOT NULL} (PostgreSQL, MySQL, SQLite; MariaDB's
   * grammar has no place for it).
   */
  GENERATED_NOT_NULL("NOT NULL on a generated column"),

  /**
   * A session's statement timeout limits every statement, DDL included (PostgreSQL's {@code
   * statement_timeout}, MariaDB's {@code max_statement_time}); MySQL's {@code max_execution_time}
   * limits read-only {@code SELECT} statements only.
   */
  STATEMENT_TIMEOUT("a statement timeout that limits every statement"),

  /**
   * {@code UPDATE ... SET a = b, b = a} reads every column as it was before the statement
   * (PostgreSQL, SQLite; MariaDB with the {@code sql_mode} flag {@code SIMULTANEOUS_ASSIGNMENT},
   * which strata's scripts set). MySQL reads a column assigned to the left of the expression as
   * assigned already, so such an {@code UPDATE} is refused there (E0447).
   */
  SIMULTANEOUS_ASSIGNMENT("UPDATE ... SET reads every column as it was before the statement"),

  /**
   * A number given to an integer or a {@code NUMERIC(p, s)} column ({@code INSERT}, {@code
   * UPDATE ... SET}) is rounded to the column's type, and refused past its range (PostgreSQL's
   * assignment cast; MySQL and MariaDB round alike). SQLite's column affinity keeps 2.5 in an
   * {@code INTEGER} column as a REAL and every digit in a {@code NUMERIC(10, 2)} one: strata casts
   * such a value to the column's type there ({@link ExpressionTranslator}, {@link CastRules}).
   */
  ASSIGNMENT_ROUNDS_NUMBERS("a number given to an integer or numeric(p, s) column is rounded to it"),

  /**
   * {@code INSERT ... SELECT ... ON CONFLICT} parses whatever the query ends with. SQLite's parser
   * may read the {@code ON} as a join's after a {@code FROM} and fail ("near DO: syntax error");
   * its documentation ("The UPSERT clause", 2.2 "Parsing Ambiguity") asks for a {@code WHERE}
   * clause, so strata writes the query there as {@code SELECT * FROM (query) WHERE true}.
   */
  UPSERT_AFTER_ANY_QUERY("INSERT ... SELECT ... ON CONFLICT parses whatever the query ends with"),

  /**
   * A view's {@code *} stands for the columns its tables had when the view was made: PostgreSQL
   * (CREATE VIEW: "the new columns will not be part of the view"), MySQL and MariaDB store the
   * expanded list. SQLite keeps the view's text and expands {@code *} at every query, so a column
   * added later shows in the view: strata writes the columns out there ({@link ViewStars}).
   */
  VIEW_STAR_FIXED("a view's * stands for the columns its tables had when it was made");

  private final String summary;

  Capability(String summary) {
    this.summary = summary;
  }

  /** A one-line summary for the capability table, e.g. {@code CREATE OR REPLACE VIEW}. */
  public String summary() {
    return summary;
  }
}
