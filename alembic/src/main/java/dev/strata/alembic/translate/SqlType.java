package dev.strata.alembic.translate;

import java.util.List;
import java.util.Objects;

/**
 * A column type translated from SQLAlchemy: its SQL in strata's language, what SQLAlchemy's
 * autoincrement rules need to know of it, and the PostgreSQL enum type it names, if any.
 *
 * @param sql the type as written in a column definition ({@code VARCHAR(50)},
 *     {@code TIMESTAMP WITH TIME ZONE}, {@code status_kind}, {@code INTEGER[]}), with a
 *     {@code COLLATE} clause when the SQLAlchemy type has a collation
 * @param affinity the SQLAlchemy type affinity that decides {@code SERIAL}
 * @param enumType the native enum type the column uses (also through an {@code ARRAY}), or null
 */
record SqlType(String sql, Affinity affinity, EnumType enumType) {
  /** Checks that the SQL is there. */
  SqlType {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(affinity, "affinity");
  }

  /**
   * SQLAlchemy's {@code _type_affinity} as far as {@code Column} autoincrement cares: an integer or
   * numeric (also float) type may become {@code SERIAL}, {@code BIGSERIAL} or
   * {@code SMALLSERIAL}.
   */
  enum Affinity {
    INTEGER, BIG_INTEGER, SMALL_INTEGER, NUMERIC, OTHER;

    /** Whether SQLAlchemy lets the column autoincrement. */
    boolean numeric() {
      return this != OTHER;
    }

    /** The serial type PostgreSQL's dialect writes for an autoincrement column of this type. */
    String serial() {
      return switch (this) {
        case BIG_INTEGER -> "BIGSERIAL";
        case SMALL_INTEGER -> "SMALLSERIAL";
        case INTEGER, NUMERIC, OTHER -> "SERIAL";
      };
    }
  }

  /**
   * A PostgreSQL enum type of {@code sa.Enum(..., name=...)} or {@code postgresql.ENUM}.
   *
   * @param schema its schema, or null
   * @param name its name
   * @param values its labels in order
   * @param create whether {@code op.create_table} creates it first ({@code create_type=False}
   *     says no)
   */
  record EnumType(String schema, String name, List<String> values, boolean create) {
    /** Copies the values. */
    EnumType {
      values = List.copyOf(values);
    }

    /** {@code CREATE TYPE name AS ENUM ('a', 'b');}, as SQLAlchemy writes it. */
    String createStatement() {
      return "CREATE TYPE " + Sql.typeName(schema, name) + " AS ENUM ("
          + String.join(", ", values.stream().map(Sql::literal).toList()) + ");";
    }
  }
}
