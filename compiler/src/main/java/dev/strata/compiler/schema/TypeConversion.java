package dev.strata.compiler.schema;

import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether PostgreSQL converts a column's values to a new type by itself in {@code ALTER TABLE ...
 * ALTER COLUMN c TYPE t} without {@code USING}: it does when there is an implicit or assignment
 * cast from the old type to the new one in {@code pg_cast} (or the types are binary coercible),
 * and any type converts to a string type through its text; otherwise it stops with {@code column
 * "c" cannot be cast automatically to type t} and the hint {@code USING c::t}. The table below was
 * read off PostgreSQL 15 by running the type change for each pair of built-in types (the test
 * {@code TypeConversionTest} runs it again against the server).
 */
public final class TypeConversion {
  private TypeConversion() {}

  /** What PostgreSQL does with a type change written without {@code USING}. */
  public enum Answer {
    /** converts the values itself (an implicit or assignment cast) */
    AUTOMATIC,
    /** stops: the change needs {@code USING} */
    NEEDS_USING,
    /** not known to strata: a type it does not know (an extension's, a domain) is involved */
    UNKNOWN
  }

  private static final Set<Kind> STRINGS = EnumSet.of(Kind.VARCHAR, Kind.CHAR, Kind.TEXT);

  private static final Set<Kind> NUMBERS = EnumSet.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT,
      Kind.NUMERIC, Kind.REAL, Kind.DOUBLE_PRECISION, Kind.SERIAL, Kind.BIGSERIAL,
      Kind.SMALLSERIAL);

  /**
   * The other built-in kinds each kind converts to automatically, besides its own kind, the
   * string types and (for numbers) the other numbers: {@code pg_cast}'s implicit and assignment
   * casts between built-in types.
   */
  private static final Map<Kind, Set<Kind>> CASTS = Map.ofEntries(
      Map.entry(Kind.INTEGER, EnumSet.of(Kind.MONEY)),
      Map.entry(Kind.BIGINT, EnumSet.of(Kind.MONEY)),
      Map.entry(Kind.NUMERIC, EnumSet.of(Kind.MONEY)),
      Map.entry(Kind.SERIAL, EnumSet.of(Kind.MONEY)),
      Map.entry(Kind.BIGSERIAL, EnumSet.of(Kind.MONEY)),
      Map.entry(Kind.MONEY, EnumSet.of(Kind.NUMERIC)),
      Map.entry(Kind.DATE, EnumSet.of(Kind.TIMESTAMP, Kind.TIMESTAMPTZ)),
      Map.entry(Kind.TIMESTAMP, EnumSet.of(Kind.DATE, Kind.TIME, Kind.TIMESTAMPTZ)),
      Map.entry(Kind.TIMESTAMPTZ,
          EnumSet.of(Kind.DATE, Kind.TIME, Kind.TIMESTAMP, Kind.TIMETZ)),
      Map.entry(Kind.TIME, EnumSet.of(Kind.INTERVAL, Kind.TIMETZ)),
      Map.entry(Kind.TIMETZ, EnumSet.of(Kind.TIME)),
      Map.entry(Kind.INTERVAL, EnumSet.of(Kind.TIME)),
      Map.entry(Kind.JSON, EnumSet.of(Kind.JSONB)),
      Map.entry(Kind.JSONB, EnumSet.of(Kind.JSON)),
      Map.entry(Kind.BIT, EnumSet.of(Kind.VARBIT)),
      Map.entry(Kind.VARBIT, EnumSet.of(Kind.BIT)));

  /**
   * Whether {@code type} is one of PostgreSQL's string types ({@code TEXT}, {@code VARCHAR},
   * {@code CHAR}), not an array of one.
   */
  public static boolean text(DataType type) {
    return !type.isArray() && STRINGS.contains(type.kind());
  }

  /**
   * The predicate {@link #of} takes: whether a named type's name is one that {@code types} holds
   * (the enum types of a schema model, by folded name); false for a built-in type.
   */
  public static Predicate<DataType> enumTypes(Predicate<ObjectName> types) {
    return type -> type.named().map(n -> types.test(ObjectName.of(n.name()))).orElse(false);
  }

  /**
   * What PostgreSQL does with a column of type {@code from} changed to {@code to} without {@code
   * USING}.
   *
   * @param enumType whether a named type is an enum type of the schema model (text converts to
   *     none, and an enum converts to no other type than a string type)
   */
  public static Answer of(DataType from, DataType to, Predicate<DataType> enumType) {
    if (to.isArray() != from.isArray()) {
      // an array's text goes into a string column; nothing else converts into or out of arrays
      return from.isArray() && text(to) ? Answer.AUTOMATIC : Answer.NEEDS_USING;
    }
    if (STRINGS.contains(to.kind())) {
      return Answer.AUTOMATIC;
    }
    if (from.kind() == Kind.NAMED || to.kind() == Kind.NAMED) {
      if (from.kind() == Kind.NAMED && to.kind() == Kind.NAMED
          && ObjectName.of(from.named().orElseThrow().name())
              .equals(ObjectName.of(to.named().orElseThrow().name()))) {
        return Answer.AUTOMATIC;
      }
      // an enum converts to a string type only, and only its own labels' text converts to it
      boolean enums = from.kind() == Kind.NAMED && enumType.test(from)
          || to.kind() == Kind.NAMED && enumType.test(to);
      return enums ? Answer.NEEDS_USING : Answer.UNKNOWN;
    }
    if (from.kind() == to.kind()
        || NUMBERS.contains(from.kind()) && NUMBERS.contains(to.kind())
        || CASTS.getOrDefault(from.kind(), Set.of()).contains(to.kind())) {
      return Answer.AUTOMATIC;
    }
    return from.kind().postgresOnly() || to.kind().postgresOnly() ? Answer.UNKNOWN
        : Answer.NEEDS_USING;
  }
}
