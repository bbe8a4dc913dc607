package dev.strata.dialects;

import dev.strata.compiler.schema.ColumnKind;
import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.ast.DataType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.TableField;
import org.jooq.impl.QOM;

/**
 * What a part of a parsed PostgreSQL expression evaluates to, as far as its text and the schema
 * model tell: an integer, a date, a boolean, or not known. PostgreSQL decides by type what
 * {@code /} and {@code +} do (integer division truncates; {@code date + integer} is a date) and
 * how it reads {@code 'true'} compared with a boolean column, which MySQL,
 * MariaDB and SQLite do not; {@link TranslationRules} translates those operators only where both
 * operands' kinds are known here, and leaves the rest as written.
 *
 * <p>Known: an integer or boolean literal; a part jOOQ's parser types (a cast, {@code count(*)},
 * {@code length()}, {@code CURRENT_DATE}, {@code DATE '...'}, a condition such as {@code a > 1});
 * a timestamp or a date plus or minus an interval (a timestamp); {@code -x} and {@code +},
 * {@code -}, {@code *}, {@code /}, {@code %} of two integers; and a column named in the expression:
 * the column of that name of the tables the expression's names are ({@link Home}: the table of a
 * {@code CHECK}, a generated column, an index, an {@code UPDATE}; the tables of a query's {@code
 * FROM}), for a name unqualified or qualified by the table's name or alias, else (a subquery's
 * names, a table the model does not hold) every column of that name in the model's tables when
 * they have one kind (a name shared by an integer and a numeric column of two tables is not
 * known).
 */
final class ValueKinds {
  /** A value's kind, for the translation of operators. */
  enum Kind {
    INTEGER,
    /** a number with a fraction: {@code NUMERIC}, {@code REAL}, {@code DOUBLE PRECISION} */
    NUMERIC,
    DATE,
    /** {@code TIMESTAMP} with or without time zone */
    TIMESTAMP,
    /** {@code TIME} with or without time zone */
    TIME,
    BOOLEAN,
    OTHER
  }

  /**
   * A table whose columns an expression's names are: the table a statement is of (a {@code
   * CHECK}'s, an index's, an {@code UPDATE}'s), or a table of a query's {@code FROM}, with the
   * alias the statement names it by ({@code UPDATE lines AS l}, {@code FROM lines l}), folded.
   */
  record Home(ObjectName table, Optional<String> alias) {
    Home {
      java.util.Objects.requireNonNull(table, "table");
      java.util.Objects.requireNonNull(alias, "alias");
    }

    /** Whether {@code qualifier} (folded) names this table: its name or alias, {@code excluded}. */
    boolean named(String qualifier) {
      return alias.map(qualifier::equals).orElse(qualifier.equals(table.name()))
          || qualifier.equals("excluded");
    }
  }

  private final SchemaModel model;
  /** The tables the expression's names are, as the statement names them, with the model's. */
  private final List<Map.Entry<Home, dev.strata.compiler.schema.Table>> homes;
  /** A column's name as written (qualified or not) to its kind, filled as names are asked for. */
  private final Map<String, Kind> columns = new HashMap<>();
  /** A column's name as written to its enum type, filled as names are asked for. */
  private final Map<String, Optional<EnumType>> enums = new HashMap<>();

  /**
   * @param homes the tables whose columns the expression's names are before any other table's:
   *     the table its statement is of ({@code CHECK}, generated column, index, {@code UPDATE} or
   *     {@code DELETE} target), or the tables of a query's {@code FROM}; empty where the names
   *     may be any table's (a subquery's names are its own tables')
   */
  ValueKinds(SchemaModel model, List<Home> homes) {
    this.model = model;
    List<Map.Entry<Home, dev.strata.compiler.schema.Table>> found = new java.util.ArrayList<>();
    for (Home home : homes) {
      model.table(home.table()).ifPresent(table -> found.add(Map.entry(home, table)));
    }
    this.homes = List.copyOf(found);
  }

  /** The schema model the kinds are read from. */
  SchemaModel model() {
    return model;
  }

  /**
   * The kinds of the column {@code column} names: a home table's column ({@link Home}) where the
   * name is unqualified (the one home table that has it: PostgreSQL refuses a name two of them
   * have) or qualified by a home table's name or alias ({@code excluded}, an upsert's row, too)
   * and that table has it; else every namesake's in the model ({@link SchemaModel#columnKinds}),
   * as for a table the model does not hold.
   */
  private Set<ColumnKind> namesakes(TableField<?, ?> column) {
    String name = SqlContext.folded(column.getUnqualifiedName());
    org.jooq.Name[] parts = column.getQualifiedName().parts();
    String qualifier = parts.length > 1 ? SqlContext.folded(parts[parts.length - 2]) : null;
    Set<ColumnKind> own = new java.util.HashSet<>();
    for (Map.Entry<Home, dev.strata.compiler.schema.Table> home : homes) {
      if (qualifier == null || home.getKey().named(qualifier)) {
        home.getValue().column(name).ifPresent(c -> own.add(ColumnKind.of(c)));
      }
    }
    return own.isEmpty() ? model.columnKinds(name) : own;
  }

  /** The kind of {@code field}: {@link Kind#OTHER} unless known (see the class comment). */
  Kind of(Field<?> field) {
    if (field instanceof Param<?> param) {
      Object value = param.getValue();
      if (!param.isInline()) {
        return Kind.OTHER;
      }
      if (value instanceof Integer || value instanceof Long || value instanceof Short
          || value instanceof Byte || value instanceof java.math.BigInteger) {
        return Kind.INTEGER;
      }
      if (value instanceof java.math.BigDecimal || value instanceof Double
          || value instanceof Float) {
        return Kind.NUMERIC;
      }
      if (value instanceof Boolean) {
        return Kind.BOOLEAN;
      }
      // DATE '2026-01-31' and TIMESTAMP '...' are typed literals; '2026-01-31' alone is text
      org.jooq.DataType<?> type = field.getDataType();
      return type.isDate() ? Kind.DATE
          : type.isTimestamp() || type.isTimestampWithTimeZone() ? Kind.TIMESTAMP : Kind.OTHER;
    }
    if (field instanceof TableField<?, ?> column) {
      return column(column);
    }
    if (field instanceof QOM.Neg<?> neg) {
      Kind operand = of(neg.$arg1());
      return operand == Kind.INTEGER || operand == Kind.NUMERIC ? operand : Kind.OTHER;
    }
    if (field instanceof QOM.Add<?> add) {
      return shifted(add.$arg1(), add.$arg2()) || shifted(add.$arg2(), add.$arg1())
          ? Kind.TIMESTAMP : integers(add.$arg1(), add.$arg2());
    }
    if (field instanceof QOM.Sub<?> sub) {
      return shifted(sub.$arg1(), sub.$arg2())
          ? Kind.TIMESTAMP : integers(sub.$arg1(), sub.$arg2());
    }
    if (field instanceof QOM.Mul<?> mul) {
      return integers(mul.$arg1(), mul.$arg2());
    }
    if (field instanceof QOM.Div<?> div) {
      return integers(div.$arg1(), div.$arg2());
    }
    if (field instanceof QOM.Mod<?> mod) {
      return integers(mod.$arg1(), mod.$arg2());
    }
    org.jooq.DataType<?> type = field.getDataType();
    if (type.isInteger()) {
      return Kind.INTEGER;
    }
    if (type.isNumeric()) {
      return Kind.NUMERIC;
    }
    if (type.isDate()) {
      return Kind.DATE;
    }
    if (type.isTimestamp() || type.isTimestampWithTimeZone()) {
      return Kind.TIMESTAMP;
    }
    if (type.isTime() || type.isTimeWithTimeZone()) {
      return Kind.TIME;
    }
    // a condition as a value (a > 1, NOT active), a cast to boolean
    return booleanType(type) ? Kind.BOOLEAN : Kind.OTHER;
  }

  /**
   * Whether {@code type} is PostgreSQL's {@code boolean}: jOOQ types {@code bit(n)} as a boolean
   * too ({@link org.jooq.DataType#isBoolean}), which its name tells apart.
   */
  static boolean booleanType(org.jooq.DataType<?> type) {
    return type.getTypeName().equalsIgnoreCase("boolean")
        || type.getTypeName().equalsIgnoreCase("bool");
  }

  /**
   * Whether {@code value + interval} is PostgreSQL's timestamp: {@code value} a timestamp or a
   * date ({@code date + interval} is a timestamp), {@code interval} an interval.
   */
  private boolean shifted(Field<?> value, Field<?> interval) {
    Kind kind = of(value);
    return (kind == Kind.TIMESTAMP || kind == Kind.DATE) && interval.getDataType().isInterval();
  }

  /**
   * The kind of arithmetic of two numbers: INTEGER of two integers, NUMERIC when one has a
   * fraction, OTHER when one is not known to be a number.
   */
  private Kind integers(Field<?> left, Field<?> right) {
    Kind a = of(left);
    Kind b = of(right);
    if (a == Kind.INTEGER && b == Kind.INTEGER) {
      return Kind.INTEGER;
    }
    boolean numbers = (a == Kind.INTEGER || a == Kind.NUMERIC)
        && (b == Kind.INTEGER || b == Kind.NUMERIC);
    return numbers ? Kind.NUMERIC : Kind.OTHER;
  }

  /**
   * The enum type of {@code field}: a column whose every namesake ({@link #namesakes}) is of one
   * enum type (not an array of it), or empty. PostgreSQL orders such values by the type's labels,
   * in {@link EnumType#values()}'s order, where MySQL and MariaDB compare an {@code ENUM} with text
   * as text, and SQLite holds it as text.
   */
  Optional<EnumType> enumType(Field<?> field) {
    if (!(field instanceof TableField<?, ?> column)) {
      return Optional.empty();
    }
    return enums.computeIfAbsent(column.getQualifiedName().toString(), n -> {
      Set<ColumnKind> kinds = namesakes(column);
      if (kinds.size() != 1) {
        return Optional.empty();
      }
      ColumnKind kind = kinds.iterator().next();
      return kind.array() ? Optional.<EnumType>empty()
          : kind.type().map(t -> model.types().get(t));
    });
  }

  /**
   * Whether {@code field} is a column of which some namesake in the model's tables is of an enum
   * type: with {@link #enumType} empty, its values may be ordered by labels in one table and by
   * text in another.
   */
  boolean mayBeEnum(Field<?> field) {
    if (!(field instanceof TableField<?, ?> column)) {
      return false;
    }
    return namesakes(column).stream()
        .anyMatch(k -> k.type().filter(model.types()::containsKey).isPresent());
  }

  /**
   * Of a value of kind {@link Kind#TIMESTAMP}: whether it is a {@code timestamp with time zone}
   * ({@code now()} and {@code CURRENT_TIMESTAMP} are, in PostgreSQL, and so is one of them plus an
   * interval), or empty where a column's namesakes ({@link #namesakes}) are of both kinds.
   */
  Optional<Boolean> withTimeZone(Field<?> field) {
    if (field instanceof TableField<?, ?> column) {
      Set<Boolean> zoned = new java.util.HashSet<>();
      for (ColumnKind kind : namesakes(column)) {
        zoned.add(kind.kind() == DataType.Kind.TIMESTAMPTZ);
      }
      return zoned.size() == 1 ? Optional.of(zoned.iterator().next()) : Optional.empty();
    }
    // a timestamp plus or minus an interval keeps its zone; a date's is a timestamp without
    Field<?> shifted = field instanceof QOM.Add<?> add
        ? (add.$arg1().getDataType().isInterval() ? add.$arg2() : add.$arg1())
        : field instanceof QOM.Sub<?> sub ? sub.$arg1() : null;
    if (shifted != null && of(field) == Kind.TIMESTAMP) {
      return of(shifted) == Kind.DATE ? Optional.of(false) : withTimeZone(shifted);
    }
    return Optional.of(field instanceof QOM.CurrentTimestamp<?>
        || field.getDataType().isTimestampWithTimeZone());
  }

  /**
   * Whether {@code field} is a float ({@code real}, {@code double precision}): a column whose
   * every namesake ({@link #namesakes}) is one, a cast to one, or arithmetic with one. PostgreSQL
   * casts a float to an integer rounding half to even ({@code rint}: 2.5 is 2), a numeric half away
   * from zero (3).
   */
  boolean floating(Field<?> field) {
    if (field instanceof TableField<?, ?> column) {
      Set<ColumnKind> kinds = namesakes(column);
      return !kinds.isEmpty() && kinds.stream().allMatch(k -> !k.array()
          && (k.kind() == DataType.Kind.REAL || k.kind() == DataType.Kind.DOUBLE_PRECISION));
    }
    if (field instanceof QOM.Cast<?> cast) {
      return cast.getDataType().isFloat();
    }
    List<Field<?>> operands = switch (field) {
      case QOM.Add<?> add -> List.of(add.$arg1(), add.$arg2());
      case QOM.Sub<?> sub -> List.of(sub.$arg1(), sub.$arg2());
      case QOM.Mul<?> mul -> List.of(mul.$arg1(), mul.$arg2());
      case QOM.Div<?> div -> List.of(div.$arg1(), div.$arg2());
      case QOM.Neg<?> neg -> List.of(neg.$arg1());
      default -> List.of();
    };
    return operands.stream().anyMatch(this::floating);
  }

  /** The kind of every column {@code column} may be ({@link #namesakes}), or OTHER. */
  private Kind column(TableField<?, ?> field) {
    return columns.computeIfAbsent(field.getQualifiedName().toString(), n -> {
      Kind found = null;
      for (ColumnKind column : namesakes(field)) { // a map access on a replay's model
        Kind kind = kind(column);
        found = found == null || found == kind ? kind : Kind.OTHER;
      }
      return found == null ? Kind.OTHER : found;
    });
  }

  /** The kind of a column of {@code type} (an array is OTHER). */
  static Kind kind(DataType type) {
    return kind(ColumnKind.of(type));
  }

  /** The kind of a column of {@code column}'s kind (an array is OTHER). */
  static Kind kind(ColumnKind column) {
    if (column.array()) {
      return Kind.OTHER;
    }
    return switch (column.kind()) {
      case SMALLINT, INTEGER, BIGINT, SERIAL, BIGSERIAL, SMALLSERIAL -> Kind.INTEGER;
      case NUMERIC, REAL, DOUBLE_PRECISION -> Kind.NUMERIC;
      case DATE -> Kind.DATE;
      case TIMESTAMP, TIMESTAMPTZ -> Kind.TIMESTAMP;
      case TIME, TIMETZ -> Kind.TIME;
      case BOOLEAN -> Kind.BOOLEAN;
      case VARCHAR, CHAR, TEXT, INTERVAL, JSON, JSONB, UUID, BYTEA, BIT, VARBIT, XML, MONEY, INET,
          CIDR, MACADDR, MACADDR8, TSVECTOR, TSQUERY, OID, REGCLASS, INT4RANGE, INT8RANGE,
          NUMRANGE, TSRANGE, TSTZRANGE, DATERANGE, POINT, LINE, LSEG, BOX, PATH, POLYGON, CIRCLE,
          NAMED -> Kind.OTHER;
    };
  }
}
