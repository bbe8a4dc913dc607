package dev.strata.grammar.ast;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A column type: a built-in {@link Kind} or a {@link Kind#NAMED named} type, possibly an array.
 *
 * @param kind the type
 * @param size {@code VARCHAR(n)}/{@code CHAR(n)}/{@code BIT(n)}/{@code BIT VARYING(n)} length,
 *     {@code NUMERIC(p, s)} precision, {@code TIME(p)}/{@code TIMESTAMP(p)}/{@code INTERVAL(p)}
 *     fractional digits
 * @param scale {@code NUMERIC(p, s)} scale
 * @param named the name and type modifiers of a {@link Kind#NAMED} type, empty for the others
 * @param arrayDimensions 0 for a plain type, n for {@code T[]...[]} with n pairs of brackets
 *     ({@code T ARRAY} is 1); declared array sizes ({@code T[3]}) are not kept, as PostgreSQL
 *     keeps none (an array's size is never enforced)
 * @throws IllegalArgumentException when the parts do not fit the kind: a size or scale on a kind
 *     that takes none, a name on a built-in kind or none on {@link Kind#NAMED}, an array of an
 *     {@link Kind#autoIncrement() auto-incremented} integer (PostgreSQL has none)
 */
public record DataType(
    Kind kind, OptionalInt size, OptionalInt scale, Optional<Named> named, int arrayDimensions) {

  private static final Set<Kind> SIZED =
      EnumSet.of(Kind.NUMERIC, Kind.VARCHAR, Kind.CHAR, Kind.TIME, Kind.TIMETZ, Kind.TIMESTAMP,
          Kind.TIMESTAMPTZ, Kind.INTERVAL, Kind.BIT, Kind.VARBIT);

  public DataType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(named, "named");
    if (size.isPresent() && !SIZED.contains(kind)) {
      throw new IllegalArgumentException(kind + " takes no size");
    }
    if (scale.isPresent() && (kind != Kind.NUMERIC || size.isEmpty())) {
      throw new IllegalArgumentException("only NUMERIC(p, s) has a scale");
    }
    if (named.isPresent() != (kind == Kind.NAMED)) {
      throw new IllegalArgumentException("a name goes with kind NAMED, and only with it");
    }
    if (arrayDimensions < 0) {
      throw new IllegalArgumentException("negative array dimensions: " + arrayDimensions);
    }
    if (arrayDimensions > 0 && kind.autoIncrement()) {
      throw new IllegalArgumentException("there are no arrays of " + kind);
    }
  }

  /** A plain built-in type with an optional size and scale. */
  public DataType(Kind kind, OptionalInt size, OptionalInt scale) {
    this(kind, size, scale, Optional.empty(), 0);
  }

  /** A built-in type without size or scale. */
  public static DataType of(Kind kind) {
    return new DataType(kind, OptionalInt.empty(), OptionalInt.empty());
  }

  /** A named type, e.g. {@code public.mood} or {@code vector(1536)}. */
  public static DataType named(QualifiedName name, List<Expr> modifiers) {
    return new DataType(Kind.NAMED, OptionalInt.empty(), OptionalInt.empty(),
        Optional.of(new Named(name, modifiers)), 0);
  }

  /** This type as the element of an array of {@code dimensions} dimensions. */
  public DataType withArrayDimensions(int dimensions) {
    return new DataType(kind, size, scale, named, dimensions);
  }

  /** Whether this is an array type. */
  public boolean isArray() {
    return arrayDimensions > 0;
  }

  /**
   * The name of a type that strata does not know: an enum, a domain, a composite type or an
   * extension's type ({@code citext}, {@code vector(1536)}), as written.
   *
   * @param name the type's possibly schema-qualified name, quoted as written
   * @param modifiers the type modifiers in parentheses after the name, as written (PostgreSQL
   *     passes them to the type's own input function), empty when there are none
   */
  public record Named(QualifiedName name, List<Expr> modifiers) {
    public Named {
      Objects.requireNonNull(name, "name");
      modifiers = List.copyOf(modifiers);
    }
  }

  /**
   * The built-in types; aliases ({@code INT}, {@code DECIMAL}, {@code FLOAT8}, {@code SERIAL4},
   * ...) map onto these. A kind is neutral when every dialect has a type that keeps its values;
   * the {@link #postgresOnly()} kinds are PostgreSQL's own (network addresses, text search,
   * ranges, geometry, money, object ids), rendered as written for PostgreSQL.
   */
  public enum Kind {
    SMALLINT,
    INTEGER,
    BIGINT,
    NUMERIC,
    REAL,
    DOUBLE_PRECISION,
    VARCHAR,
    CHAR,
    TEXT,
    BOOLEAN,
    DATE,
    TIME,
    /** {@code TIMESTAMP [WITHOUT TIME ZONE]} */
    TIMESTAMP,
    /** {@code TIMESTAMP WITH TIME ZONE}, {@code TIMESTAMPTZ} */
    TIMESTAMPTZ,
    INTERVAL,
    JSON,
    JSONB,
    UUID,
    BYTEA,
    /** {@code SERIAL}, {@code SERIAL4}: an auto-incremented {@code INTEGER} */
    SERIAL,
    /** {@code BIGSERIAL}, {@code SERIAL8}: an auto-incremented {@code BIGINT} */
    BIGSERIAL,
    /** {@code SMALLSERIAL}, {@code SERIAL2}: an auto-incremented {@code SMALLINT} */
    SMALLSERIAL,
    /** {@code TIME WITH TIME ZONE}, {@code TIMETZ} */
    TIMETZ,
    /** {@code BIT [(n)]} */
    BIT,
    /** {@code BIT VARYING [(n)]}, {@code VARBIT [(n)]} */
    VARBIT,
    XML,
    MONEY(true),
    INET(true),
    CIDR(true),
    MACADDR(true),
    MACADDR8(true),
    TSVECTOR(true),
    TSQUERY(true),
    OID(true),
    REGCLASS(true),
    INT4RANGE(true),
    INT8RANGE(true),
    NUMRANGE(true),
    TSRANGE(true),
    TSTZRANGE(true),
    DATERANGE(true),
    POINT(true),
    LINE(true),
    LSEG(true),
    BOX(true),
    PATH(true),
    POLYGON(true),
    CIRCLE(true),
    /** A type strata does not know, by its name ({@link DataType#named()}). */
    NAMED;

    private final boolean postgresOnly;

    Kind() {
      this(false);
    }

    Kind(boolean postgresOnly) {
      this.postgresOnly = postgresOnly;
    }

    /** Whether the type exists in PostgreSQL only (no other dialect can keep its values). */
    public boolean postgresOnly() {
      return postgresOnly;
    }

    /** Whether the type is an integer with a default from its own sequence ({@code SERIAL}). */
    public boolean autoIncrement() {
      return this == SERIAL || this == BIGSERIAL || this == SMALLSERIAL;
    }
  }
}
