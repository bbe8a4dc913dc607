package dev.strata.grammar;

/**
 * The diagnostic codes of the parse stage, one per kind of problem (E01xx). The table with an
 * example message for each is in {@code docs/language.md}.
 */
enum ParseCode {
  /** A statement of the subset that does not follow its grammar, or a missing {@code ;}. */
  SYNTAX("E0101"),
  UNTERMINATED_STRING("E0102"),
  UNTERMINATED_QUOTED_IDENTIFIER("E0103"),
  UNTERMINATED_DOLLAR_QUOTE("E0104"),
  UNTERMINATED_BLOCK_COMMENT("E0105"),
  MISSING_HEADER_KEY("E0106"),
  DUPLICATE_HEADER_KEY("E0107"),
  UNKNOWN_HEADER_KEY("E0108"),
  /** A revision id, parent, dependency or branch label with a bad character, empty or too long. */
  MALFORMED_ID("E0109"),
  /**
   * {@code base}, {@code head} or {@code heads} where an id is expected, or another tool's "no
   * parent" ({@code revises: None}).
   */
  RESERVED_ID("E0110"),
  STATEMENT_NOT_IN_SUBSET("E0111"),
  UNKNOWN_DIALECT("E0112"),
  UNTERMINATED_DIALECT_BLOCK("E0113"),
  /** Missing, duplicate or out-of-order section, or something outside any section. */
  SECTION("E0114"),
  DANGLING_NO_TRANSACTION("E0115"),
  UNKNOWN_DIRECTIVE("E0116"),
  /** A known directive used wrongly: a stray {@code -- +end}, or text after a bare directive. */
  MISPLACED_DIRECTIVE("E0117"),
  /** An {@code INSERT ... VALUES} row whose length differs from the column list or other rows. */
  VALUES_ROW_LENGTH("E0118"),
  /** A backslash outside quotes and comments in a statement: psql would run a meta-command. */
  PSQL_META_COMMAND("E0120"),
  /** {@code :name}, {@code :'name'}, {@code :"name"} in a statement: psql would substitute it. */
  PSQL_VARIABLE("E0121"),
  /** A psql meta-command or variable in a dialect block that does not opt in to them. */
  PSQL_IN_DIALECT_BLOCK("E0122"),
  /** A control character or line separator inside a quoted name ({@link Names}). */
  CONTROL_IN_NAME("E0119"),
  /** U+0085, U+2028 or U+2029 in a header or directive line, where an editor may break the line. */
  LINE_SEPARATOR("E0123"),
  /** Text that psql may read differently from strata (quotes, NUL), or a block left inside a quote. */
  PSQL_READS_DIFFERENTLY("E0124"),
  /** Parentheses and square brackets nested deeper than {@link StatementParser#MAX_NESTING}. */
  NESTING_TOO_DEEP("E0125"),
  /**
   * {@code SERIAL} where PostgreSQL refuses it: an array of it, or the new type of an existing
   * column ({@code serial} is not a type, only a shorthand for a new column).
   */
  SERIAL_MISUSE("E0126"),
  /**
   * A column with two sources for its values: more than one of {@code DEFAULT}, an identity, a
   * generation expression and a {@code SERIAL} type (PostgreSQL refuses each such pair).
   */
  CONFLICTING_COLUMN_DEFAULTS("E0127"),
  /** Type modifiers that a built-in type does not take: too many, not a number, out of range. */
  TYPE_MODIFIER("E0128"),
  /** {@code GENERATED ALWAYS AS (expr)} without {@code STORED} (PostgreSQL 12 to 17 require it). */
  GENERATED_NOT_STORED("E0129"),
  /** Constraint attributes that contradict or repeat each other ({@code DEFERRABLE NOT DEFERRABLE}). */
  CONSTRAINT_ATTRIBUTE_CONFLICT("E0130"),
  /**
   * A constraint attribute the constraint does not take ({@code NOT VALID} on a key, {@code
   * DEFERRABLE} on a check), or an {@code ALTER CONSTRAINT} that changes nothing.
   */
  CONSTRAINT_ATTRIBUTE_NOT_ALLOWED("E0131"),
  /** {@code PRIMARY KEY USING INDEX} / {@code UNIQUE USING INDEX} outside {@code ALTER TABLE ... ADD}. */
  USING_INDEX_NOT_ALLOWED("E0132"),
  /** A partitioning clause PostgreSQL refuses: unknown strategy, bad hash bound, ordered key. */
  PARTITION_CLAUSE("E0133"),
  /** {@code DROP INDEX CONCURRENTLY} with several indexes (PostgreSQL drops one at a time). */
  DROP_INDEX_CONCURRENTLY_SEVERAL("E0134"),
  /** {@code UPDATE ... SET (a, b) = (...)} with as many values as columns. */
  ROW_ASSIGNMENT_LENGTH("E0135"),
  /** {@code ON CONFLICT DO UPDATE} without a conflict target, which PostgreSQL refuses. */
  CONFLICT_TARGET_MISSING("E0136"),
  /** A sequence or identity option written twice (PostgreSQL: "conflicting or redundant options"). */
  SEQUENCE_OPTION_TWICE("E0140"),
  /** A sequence option the statement does not take ({@code RESTART} in {@code CREATE SEQUENCE}). */
  SEQUENCE_OPTION_NOT_HERE("E0141"),
  /** A sequence option's number outside the 64-bit range, or with a sign other than - or +. */
  SEQUENCE_NUMBER("E0142"),
  /** An enum value longer than 63 bytes, or written twice in CREATE TYPE. */
  ENUM_VALUE("E0143"),
  /** {@code INCREMENT 0} or {@code CACHE} below 1, which PostgreSQL refuses. */
  SEQUENCE_OPTION_VALUE("E0144"),
  /** A function with an SQL-standard body ({@code BEGIN ATOMIC ... END}), which holds {@code ;}. */
  ATOMIC_BODY("E0145"),
  /** A word where a PostgreSQL-only statement allows only a few ({@code AS PERMISSIVE}). */
  UNEXPECTED_WORD("E0146"),
  /** {@code ALTER kind ... OWNER TO} with a kind of object strata does not know. */
  UNKNOWN_OBJECT_KIND("E0147"),
  /**
   * A session setting that would undo a setting the script itself relies on: {@code
   * client_encoding} other than UTF8, {@code standard_conforming_strings} other than on, either of
   * them reset, or {@code RESET ALL}.
   */
  SETTING_BREAKS_SCRIPT("E0150"),
  /** A backslash outside quotes and comments in a mysql or mariadb block: a client command. */
  MYSQL_BACKSLASH_COMMAND("E0148"),
  /**
   * A line of a mysql or mariadb block that starts a statement with one of the client's named
   * commands ({@code system}, {@code source}, {@code delimiter}, {@code quit}, ...).
   */
  MYSQL_NAMED_COMMAND("E0149"),
  /** A line of a sqlite block that {@code sqlite3} reads as a dot-command ({@code .shell}). */
  SQLITE_DOT_COMMAND("E0151"),
  /**
   * A mysql, mariadb or sqlite block that ends inside a quote or comment as its client reads it,
   * or whose last line would hide the {@code ;} strata writes after it.
   */
  CLIENT_BLOCK_OPEN("E0152"),
  /**
   * A spot of a mysql, mariadb or sqlite block that the client may read otherwise than the server
   * or than strata: a backslash before a closing quote, a NUL character.
   */
  CLIENT_READS_DIFFERENTLY("E0153");

  private final String code;

  ParseCode(String code) {
    this.code = code;
  }

  /** The code as printed, e.g. {@code E0101}. */
  String code() {
    return code;
  }

  /** An error diagnostic of this kind. */
  Diagnostic at(SourceFile source, Span span, String message, String... notes) {
    return Diagnostic.error(code, message, source, span, notes);
  }

  /** The same, wrapped in the exception that stops the parse. */
  ParseFailure fail(SourceFile source, Span span, String message, String... notes) {
    return new ParseFailure(at(source, span, message, notes));
  }
}
