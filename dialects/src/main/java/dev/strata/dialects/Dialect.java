package dev.strata.dialects;

import static dev.strata.dialects.Capability.*;

import dev.strata.grammar.DialectId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.SQLDialect;

/**
 * A target SQL dialect: one per {@link DialectId} (the one list of ids, shared with the grammar's
 * {@code -- +dialect NAME} blocks), with the jOOQ {@link SQLDialect} its statements are built for,
 * the client that runs its scripts, and the {@link Capability capabilities} where its syntax or
 * behaviour forks from the others.
 */
public enum Dialect {
  /** PostgreSQL 12 and later, run with {@code psql}. */
  POSTGRESQL(DialectId.POSTGRESQL, "psql", EnumSet.of(
      TRANSACTIONAL_DDL, EXPRESSIONS_AS_WRITTEN, POSTGRESQL_STATEMENTS, CONCURRENT_INDEX,
      PARTIAL_INDEX, EXPRESSION_INDEX, IF_EXISTS_INDEX, IF_EXISTS_IN_ALTER_TABLE,
      ALTER_COLUMN_IN_PLACE, ADD_CONSTRAINT, DROP_CONSTRAINT, DROP_ANY_COLUMN, SCHEMAS, SEQUENCES,
      COMMENT_ON, ENUM_TYPES, ARRAYS, DEFERRABLE_CONSTRAINTS, NOT_VALID_CONSTRAINTS, DROP_CASCADE,
      TRUNCATE, RENAME_COLUMN, OR_REPLACE_VIEW, UUID_TYPE, JSON_CASTS, GENERATED_NOT_NULL,
      STATEMENT_TIMEOUT, SIMULTANEOUS_ASSIGNMENT, UPSERT_AFTER_ANY_QUERY, VIEW_STAR_FIXED,
      ASSIGNMENT_ROUNDS_NUMBERS)),
  /** MySQL 8.0.16 and later (CHECK constraints enforced), run with {@code mysql}. */
  MYSQL(DialectId.MYSQL, "mysql", EnumSet.of(
      EXPRESSION_INDEX, INDEX_NAMES_PER_TABLE, MODIFY_COLUMN, ADD_CONSTRAINT, DROP_ANY_COLUMN,
      TRUNCATE, RENAME_COLUMN, OR_REPLACE_VIEW, JSON_CASTS, BACKSLASH_ESCAPES,
      CASE_INSENSITIVE_TEXT, GENERATED_NOT_NULL, UPSERT_AFTER_ANY_QUERY, VIEW_STAR_FIXED,
      ASSIGNMENT_ROUNDS_NUMBERS)),
  /** MariaDB 10.5.2 and later, run with {@code mariadb}. */
  MARIADB(DialectId.MARIADB, "mariadb", EnumSet.of(
      INDEX_NAMES_PER_TABLE, IF_EXISTS_INDEX, IF_EXISTS_IN_ALTER_TABLE, MODIFY_COLUMN,
      ADD_CONSTRAINT, DROP_CONSTRAINT, DROP_ANY_COLUMN, SEQUENCES, TRUNCATE, RENAME_COLUMN,
      OR_REPLACE_VIEW, UUID_TYPE, BACKSLASH_ESCAPES, SIGNAL_IN_PREPARED_STATEMENT,
      CASE_INSENSITIVE_TEXT, STATEMENT_TIMEOUT, SIMULTANEOUS_ASSIGNMENT,
      UPSERT_AFTER_ANY_QUERY, VIEW_STAR_FIXED, ASSIGNMENT_ROUNDS_NUMBERS)),
  /** SQLite 3.37 and later, run with {@code sqlite3}. */
  SQLITE(DialectId.SQLITE, "sqlite3", EnumSet.of(
      TRANSACTIONAL_DDL, PARTIAL_INDEX, EXPRESSION_INDEX, IF_EXISTS_INDEX, DEFERRABLE_CONSTRAINTS,
      RENAME_COLUMN, GENERATED_NOT_NULL, SIMULTANEOUS_ASSIGNMENT));

  /**
   * MySQL's and MariaDB's session settings for PostgreSQL's results: {@code GROUP_CONCAT}'s
   * longest result, the largest value both take on every platform (a server caps it at what it
   * allows); the digits a division adds to its dividend's scale, the most both allow (their
   * default, 4, makes {@code 10.00 / 3} 3.333333, stored in a {@code NUMERIC(20, 10)} as
   * 3.3333330000 where PostgreSQL stores 3.3333333333).
   */
  private static final String GROUP_CONCAT_MAX_LEN =
      "SET SESSION group_concat_max_len = 4294967295, div_precision_increment = 30;";

  private final DialectId id;
  private final String client;
  private final Set<Capability> capabilities;

  Dialect(DialectId id, String client, Set<Capability> capabilities) {
    this.id = id;
    this.client = client;
    this.capabilities = Set.copyOf(capabilities);
  }

  /** The lowercase id, e.g. {@code postgresql}. */
  public String id() {
    return id.id();
  }

  /** The grammar's id of this dialect. */
  public DialectId dialectId() {
    return id;
  }

  /** The command-line client that runs this dialect's scripts: {@code psql}, {@code mariadb}, ... */
  public String client() {
    return client;
  }

  /**
   * The lines every script of this dialect opens with, before the {@link ScriptHeader header}'s
   * comments: its client's directives, fixed per dialect, so that {@code verify} can require them.
   * For {@code psql}: {@code \set ON_ERROR_STOP on} and {@code \encoding UTF8} (see {@link
   * ScriptHeader}). For {@code mysql} and {@code mariadb} (which stop at the first error unless run
   * with {@code --force}): {@code \C utf8mb4}, the client command that makes the client and the
   * session read the rest as UTF-8 whatever {@code --default-character-set} or a my.cnf says, and
   * the server's default {@code sql_mode}, fixed, so that the server's configured mode ({@code
   * NO_BACKSLASH_ESCAPES}, which would make the backslashes strata doubles in literals ({@link
   * Capability#BACKSLASH_ESCAPES}) two; {@code ANSI_QUOTES}, {@code PIPES_AS_CONCAT}, a lax
   * non-strict mode) changes nothing the script means (see {@code docs/dialects.md}), and {@code
   * group_concat_max_len} at its largest, so that PostgreSQL's {@code string_agg()}, which MySQL
   * and MariaDB write {@code GROUP_CONCAT()}, is not cut at 1,024 bytes (MySQL's default) or 1 MiB
   * (MariaDB's) with a mere warning, and {@code div_precision_increment} at its largest, so that a
   * division keeps the digits PostgreSQL's does; for {@code
   * sqlite3}: {@code .bail on}, {@code .headers off}, {@code .mode list} and {@code PRAGMA
   * foreign_keys = ON;} (see {@link SqliteFraming}).
   */
  public List<String> clientDirectives() {
    return switch (this) {
      case POSTGRESQL -> List.of("\\set ON_ERROR_STOP on", "\\encoding UTF8");
      // MySQL 8.0's default sql_mode
      case MYSQL -> List.of("\\C utf8mb4", "SET SESSION sql_mode = 'ONLY_FULL_GROUP_BY,"
          + "STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
          + "NO_ENGINE_SUBSTITUTION';", GROUP_CONCAT_MAX_LEN);
      // MariaDB 10.2.4+'s default sql_mode, and SIMULTANEOUS_ASSIGNMENT (10.3.5+): UPDATE's SET
      // reads the old values, as PostgreSQL's does
      case MARIADB -> List.of("\\C utf8mb4", "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,"
          + "ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION,"
          + "SIMULTANEOUS_ASSIGNMENT';", GROUP_CONCAT_MAX_LEN);
      // .bail on: stop at the first error (an open transaction then rolls back); headers and
      // list mode: the lines a check prints read the same whatever a ~/.sqliterc sets; foreign
      // keys: enforced as PostgreSQL enforces them (SQLite's default is off)
      case SQLITE -> List.of(".bail on", ".headers off", ".mode list", "PRAGMA foreign_keys = ON;");
    };
  }

  /** The renderers' dialect of {@code id}: an exhaustive switch, so each id has one. */
  public static Dialect of(DialectId id) {
    return switch (id) {
      case POSTGRESQL -> POSTGRESQL;
      case MYSQL -> MYSQL;
      case MARIADB -> MARIADB;
      case SQLITE -> SQLITE;
    };
  }

  /** The dialect whose {@link #id()} is exactly {@code id}, or empty. */
  public static Optional<Dialect> byId(String id) {
    return DialectId.byId(id).map(Dialect::of);
  }

  /** The ids of every dialect, comma-separated in declaration order, for messages. */
  public static String knownIds() {
    return String.join(", ", Arrays.stream(values()).map(Dialect::id).toList());
  }

  /**
   * The jOOQ dialect statements are built for. A method rather than a constructor argument, so that
   * loading this enum does not load jOOQ (see {@link Renderer}'s quiet start).
   */
  SQLDialect sqlDialect() {
    return switch (this) {
      case POSTGRESQL -> SQLDialect.POSTGRES;
      case MYSQL -> SQLDialect.MYSQL;
      case MARIADB -> SQLDialect.MARIADB;
      case SQLITE -> SQLDialect.SQLITE;
    };
  }

  /**
   * Whether statements are rendered from the schema model around them ({@link
   * dev.strata.compiler.schema.Replay#alongPlan}): every dialect whose column changes restate or
   * rebuild ({@link Capability#ALTER_COLUMN_IN_PLACE} missing) or whose enum types are spelled per
   * column ({@link Capability#ENUM_TYPES} missing).
   */
  public boolean rendersFromModel() {
    return !has(ALTER_COLUMN_IN_PLACE) || !has(ENUM_TYPES);
  }

  /** Whether this dialect behaves as {@code capability} says. */
  public boolean has(Capability capability) {
    return capabilities.contains(capability);
  }
}
