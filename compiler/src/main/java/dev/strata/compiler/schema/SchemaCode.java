package dev.strata.compiler.schema;

/**
 * The diagnostic codes of the schema checks (E06xx; warnings W06xx), one per kind of problem. The
 * table with an example message for each is in {@code docs/schema-model.md}.
 */
public enum SchemaCode {
  /** A table, view, index or sequence that does not exist at that revision. */
  MISSING_RELATION("E0601"),
  /** A column that does not exist (also a type change, default or NOT NULL on one). */
  MISSING_COLUMN("E0602"),
  /** A constraint that does not exist on its table. */
  MISSING_CONSTRAINT("E0603"),
  /** An enum type that does not exist. */
  MISSING_TYPE("E0604"),
  /** A schema, function, trigger or extension that does not exist. */
  MISSING_OBJECT("E0605"),
  /** A relation name already taken in its schema (tables, views, indexes, sequences share one). */
  DUPLICATE_RELATION("E0606"),
  /** A column created twice. */
  DUPLICATE_COLUMN("E0607"),
  /** A constraint name already used on its table. */
  DUPLICATE_CONSTRAINT("E0608"),
  /** A type, schema, function, trigger or extension created twice. */
  DUPLICATE_OBJECT("E0609"),
  /** A foreign key to a table that does not exist. */
  FOREIGN_KEY_TABLE("E0610"),
  /** A foreign key from or to a column that does not exist. */
  FOREIGN_KEY_COLUMN("E0611"),
  /** A foreign key to columns without a primary key or unique constraint. */
  FOREIGN_KEY_NOT_UNIQUE("E0612"),
  /** A foreign key without referenced columns, to a table without a primary key. */
  FOREIGN_KEY_NO_PRIMARY_KEY("E0613"),
  /** An enum value added twice (or renamed to one that exists). */
  DUPLICATE_ENUM_VALUE("E0614"),
  /** An enum value that does not exist ({@code BEFORE}/{@code AFTER}, {@code RENAME VALUE}). */
  MISSING_ENUM_VALUE("E0615"),
  /** Dropping a table, view, constraint, index or schema others depend on, without CASCADE. */
  DEPENDENT_OBJECTS("E0616"),
  /** Dropping a column a foreign key or view of another object uses, without CASCADE. */
  DEPENDENT_COLUMN("E0617"),
  /** Dropping a type a column uses, without CASCADE. */
  DEPENDENT_TYPE("E0618"),
  /** One object changed on two branches before their merge. */
  BRANCH_CONFLICT("E0619"),
  /** A statement for one kind of relation naming another ({@code DROP TABLE} of a view). */
  WRONG_KIND("E0620"),
  /** A missing object that a hand edit ({@code -- +dialect} block, DO) may have made. */
  MAYBE_MADE_BY_HAND("W0621"),
  /**
   * A column's type changed without {@code USING} to a type PostgreSQL does not convert it to by
   * itself ({@link TypeConversion}): text to a number, a boolean to an integer, text to an enum.
   */
  NEEDS_USING("E0622");

  private final String code;

  SchemaCode(String code) {
    this.code = code;
  }

  /** The code as printed, e.g. {@code E0601}. */
  public String code() {
    return code;
  }
}
