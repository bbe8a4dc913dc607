package dev.strata.dialects;

/**
 * Where dialects fork, named by behaviour (as jOOQ names its {@code NO_SUPPORT_...} sets), so that
 * rendering code asks {@code dialect.has(...)} instead of comparing dialects.
 */
enum Capability {
  /**
   * DDL runs inside transactions and rolls back with them, so the script is wrapped in {@code BEGIN;}
   * ... {@code COMMIT;} (Alembic's {@code transactional_ddl}: PostgreSQL yes, MySQL and SQLite no).
   */
  TRANSACTIONAL_DDL,

  /**
   * The revision language's expressions (PostgreSQL-flavoured) are valid as written, so they are
   * emitted verbatim; without it they must be translated (through jOOQ's parser).
   */
  EXPRESSIONS_AS_WRITTEN,

  /**
   * The language's PostgreSQL-only statements ({@link
   * dev.strata.grammar.ast.Operation.PostgresOnly}: functions, triggers, {@code DO} blocks,
   * extensions, ...) run as written; without it each one is an error (E0407) asking for a {@code
   * -- +dialect} block for the dialect.
   */
  POSTGRESQL_STATEMENTS
}
