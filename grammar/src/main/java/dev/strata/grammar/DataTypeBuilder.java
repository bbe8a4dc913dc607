package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.antlr.v4.runtime.Token;

/**
 * Builds a {@link DataType} from a {@code dataType}: its element type (aliases map onto one kind)
 * and its array dimensions.
 *
 * <p>PostgreSQL's built-in types that have no keyword of their own ({@code serial}, {@code inet},
 * {@code float8}, ...) arrive as a {@code namedType}; an unqualified, unquoted name among
 * {@link #BUILT_IN} becomes its kind, as PostgreSQL resolves such names in {@code pg_catalog}
 * (and {@code serial} in its own grammar, parse_utilcmd.c) before any user-defined type. Every
 * other name is a {@link Kind#NAMED} type, kept as written.
 */
final class DataTypeBuilder extends StrataParserBaseVisitor<DataType> {
  /** The built-in types known by name (lower case), each with the most modifiers it takes. */
  private static final Map<String, BuiltIn> BUILT_IN = Map.ofEntries(
      Map.entry("serial", new BuiltIn(Kind.SERIAL, 0)),
      Map.entry("serial4", new BuiltIn(Kind.SERIAL, 0)),
      Map.entry("bigserial", new BuiltIn(Kind.BIGSERIAL, 0)),
      Map.entry("serial8", new BuiltIn(Kind.BIGSERIAL, 0)),
      Map.entry("smallserial", new BuiltIn(Kind.SMALLSERIAL, 0)),
      Map.entry("serial2", new BuiltIn(Kind.SMALLSERIAL, 0)),
      // float(p) is REAL or DOUBLE PRECISION by p (see #floatType)
      Map.entry("float", new BuiltIn(Kind.DOUBLE_PRECISION, 1)),
      Map.entry("float4", new BuiltIn(Kind.REAL, 0)),
      Map.entry("float8", new BuiltIn(Kind.DOUBLE_PRECISION, 0)),
      Map.entry("dec", new BuiltIn(Kind.NUMERIC, 2)),
      Map.entry("timetz", new BuiltIn(Kind.TIMETZ, 1)),
      Map.entry("varbit", new BuiltIn(Kind.VARBIT, 1)),
      Map.entry("xml", new BuiltIn(Kind.XML, 0)),
      Map.entry("money", new BuiltIn(Kind.MONEY, 0)),
      Map.entry("inet", new BuiltIn(Kind.INET, 0)),
      Map.entry("cidr", new BuiltIn(Kind.CIDR, 0)),
      Map.entry("macaddr", new BuiltIn(Kind.MACADDR, 0)),
      Map.entry("macaddr8", new BuiltIn(Kind.MACADDR8, 0)),
      Map.entry("tsvector", new BuiltIn(Kind.TSVECTOR, 0)),
      Map.entry("tsquery", new BuiltIn(Kind.TSQUERY, 0)),
      Map.entry("oid", new BuiltIn(Kind.OID, 0)),
      Map.entry("regclass", new BuiltIn(Kind.REGCLASS, 0)),
      Map.entry("int4range", new BuiltIn(Kind.INT4RANGE, 0)),
      Map.entry("int8range", new BuiltIn(Kind.INT8RANGE, 0)),
      Map.entry("numrange", new BuiltIn(Kind.NUMRANGE, 0)),
      Map.entry("tsrange", new BuiltIn(Kind.TSRANGE, 0)),
      Map.entry("tstzrange", new BuiltIn(Kind.TSTZRANGE, 0)),
      Map.entry("daterange", new BuiltIn(Kind.DATERANGE, 0)),
      Map.entry("point", new BuiltIn(Kind.POINT, 0)),
      Map.entry("line", new BuiltIn(Kind.LINE, 0)),
      Map.entry("lseg", new BuiltIn(Kind.LSEG, 0)),
      Map.entry("box", new BuiltIn(Kind.BOX, 0)),
      Map.entry("path", new BuiltIn(Kind.PATH, 0)),
      Map.entry("polygon", new BuiltIn(Kind.POLYGON, 0)),
      Map.entry("circle", new BuiltIn(Kind.CIRCLE, 0)));

  private final SourceText source;
  private final Names names;

  DataTypeBuilder(SourceText source) {
    this.source = source;
    this.names = new Names(source);
  }

  /** A built-in type known by name, taking at most {@code maxModifiers} modifiers. */
  private record BuiltIn(Kind kind, int maxModifiers) {}

  /** The element type with its array dimensions; E0126 for an array of {@code SERIAL}. */
  @Override
  public DataType visitDataType(StrataParser.DataTypeContext context) {
    DataType element = visit(context.element);
    int dimensions = context.array != null ? 1 : context.arrayBound().size();
    if (dimensions > 0 && element.kind().autoIncrement()) {
      String written = source.text(context.element.getStart(), context.element.getStop());
      throw ParseCode.SERIAL_MISUSE.fail(source.file(),
          source.span(context.getStart(), context.getStop()),
          "there are no arrays of '" + written + "': it is an auto-incremented integer",
          "help: for an array of integers write "
              + integerOf(element.kind()) + "[]",
          "note: PostgreSQL refuses arrays of serial");
    }
    return element.withArrayDimensions(dimensions);
  }

  /** The integer type that a {@code SERIAL} kind increments. */
  static String integerOf(Kind serial) {
    return serial == Kind.SMALLSERIAL ? "SMALLINT" : serial == Kind.BIGSERIAL ? "BIGINT" : "INTEGER";
  }

  @Override
  public DataType visitNamedType(StrataParser.NamedTypeContext context) {
    List<Expr> modifiers = context.typeModifier().stream().map(source::expr).toList();
    boolean bare = context.second == null && context.first.QUOTED_IDENTIFIER() == null;
    BuiltIn builtIn =
        bare ? BUILT_IN.get(context.first.getText().toLowerCase(Locale.ROOT)) : null;
    if (builtIn == null) {
      Identifier first = names.identifier(context.first);
      QualifiedName name = context.second == null
          ? new QualifiedName(Optional.empty(), first)
          : new QualifiedName(Optional.of(first), names.identifier(context.second));
      return DataType.named(name, modifiers);
    }
    String written = context.first.getText();
    if (modifiers.size() > builtIn.maxModifiers()) {
      throw ParseCode.TYPE_MODIFIER.fail(source.file(), modifiers.getFirst().span(),
          "type '" + written + "' takes "
              + (builtIn.maxModifiers() == 0 ? "no modifiers" : "at most " + builtIn.maxModifiers()
                  + (builtIn.maxModifiers() == 1 ? " modifier" : " modifiers")),
          "help: write '" + written + "' without the parenthesized list"
              + (builtIn.maxModifiers() == 0 ? "" : ", or with fewer numbers"));
    }
    OptionalInt first = modifiers.isEmpty() ? OptionalInt.empty()
        : OptionalInt.of(modifier(written, context.typeModifier(0)));
    OptionalInt second = modifiers.size() < 2 ? OptionalInt.empty()
        : OptionalInt.of(modifier(written, context.typeModifier(1)));
    if (written.equalsIgnoreCase("float")) {
      return floatType(first, context);
    }
    return new DataType(builtIn.kind(), first, second);
  }

  /**
   * {@code FLOAT(p)}: {@code REAL} for a precision of 1 to 24 bits, {@code DOUBLE PRECISION} for 25
   * to 53 or none, as PostgreSQL's gram.y does (E0128 outside 1 to 53).
   */
  private DataType floatType(OptionalInt precision, StrataParser.NamedTypeContext context) {
    if (precision.isEmpty()) {
      return DataType.of(Kind.DOUBLE_PRECISION);
    }
    int bits = precision.getAsInt();
    if (bits < 1 || bits > 53) {
      throw ParseCode.TYPE_MODIFIER.fail(source.file(), source.expr(context.typeModifier(0)).span(),
          "FLOAT precision " + bits + " is out of range",
          "help: write a precision from 1 to 53 bits: 1 to 24 is REAL, 25 to 53 DOUBLE PRECISION");
    }
    return DataType.of(bits <= 24 ? Kind.REAL : Kind.DOUBLE_PRECISION);
  }

  /** A modifier of a built-in type: a number (E0128 otherwise). */
  private int modifier(String type, StrataParser.TypeModifierContext context) {
    if (context.INTEGER_VALUE() == null) {
      throw ParseCode.TYPE_MODIFIER.fail(source.file(), source.expr(context).span(),
          "the modifier of type '" + type + "' must be a number, not " + context.getText(),
          "help: write a size such as " + type + "(6)");
    }
    return number(context.INTEGER_VALUE().getSymbol()).getAsInt();
  }

  @Override
  public DataType visitBitType(StrataParser.BitTypeContext context) {
    return sized(Kind.BIT, context.length);
  }

  @Override
  public DataType visitVarbitType(StrataParser.VarbitTypeContext context) {
    return sized(Kind.VARBIT, context.length);
  }

  @Override
  public DataType visitSmallintType(StrataParser.SmallintTypeContext context) {
    return DataType.of(Kind.SMALLINT);
  }

  @Override
  public DataType visitIntegerType(StrataParser.IntegerTypeContext context) {
    return DataType.of(Kind.INTEGER);
  }

  @Override
  public DataType visitBigintType(StrataParser.BigintTypeContext context) {
    return DataType.of(Kind.BIGINT);
  }

  @Override
  public DataType visitNumericType(StrataParser.NumericTypeContext context) {
    return new DataType(Kind.NUMERIC, number(context.precision), number(context.scale));
  }

  @Override
  public DataType visitRealType(StrataParser.RealTypeContext context) {
    return DataType.of(Kind.REAL);
  }

  @Override
  public DataType visitDoubleType(StrataParser.DoubleTypeContext context) {
    return DataType.of(Kind.DOUBLE_PRECISION);
  }

  @Override
  public DataType visitVarcharType(StrataParser.VarcharTypeContext context) {
    return sized(Kind.VARCHAR, context.length);
  }

  @Override
  public DataType visitCharType(StrataParser.CharTypeContext context) {
    return sized(Kind.CHAR, context.length);
  }

  @Override
  public DataType visitTextType(StrataParser.TextTypeContext context) {
    return DataType.of(Kind.TEXT);
  }

  @Override
  public DataType visitBooleanType(StrataParser.BooleanTypeContext context) {
    return DataType.of(Kind.BOOLEAN);
  }

  @Override
  public DataType visitDateType(StrataParser.DateTypeContext context) {
    return DataType.of(Kind.DATE);
  }

  @Override
  public DataType visitTimeType(StrataParser.TimeTypeContext context) {
    return sized(context.withTimeZone != null ? Kind.TIMETZ : Kind.TIME, context.precision);
  }

  @Override
  public DataType visitTimestampType(StrataParser.TimestampTypeContext context) {
    return sized(context.withTimeZone != null ? Kind.TIMESTAMPTZ : Kind.TIMESTAMP, context.precision);
  }

  @Override
  public DataType visitTimestamptzType(StrataParser.TimestamptzTypeContext context) {
    return sized(Kind.TIMESTAMPTZ, context.precision);
  }

  @Override
  public DataType visitIntervalType(StrataParser.IntervalTypeContext context) {
    return sized(Kind.INTERVAL, context.precision);
  }

  @Override
  public DataType visitJsonType(StrataParser.JsonTypeContext context) {
    return DataType.of(Kind.JSON);
  }

  @Override
  public DataType visitJsonbType(StrataParser.JsonbTypeContext context) {
    return DataType.of(Kind.JSONB);
  }

  @Override
  public DataType visitUuidType(StrataParser.UuidTypeContext context) {
    return DataType.of(Kind.UUID);
  }

  @Override
  public DataType visitByteaType(StrataParser.ByteaTypeContext context) {
    return DataType.of(Kind.BYTEA);
  }

  private DataType sized(Kind kind, Token size) {
    return new DataType(kind, number(size), OptionalInt.empty());
  }

  /** A size or scale; an absurdly large one is a syntax error rather than an overflow. */
  private OptionalInt number(Token token) {
    if (token == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(token.getText()));
    } catch (NumberFormatException e) {
      throw ParseCode.SYNTAX.fail(source.file(), source.span(token),
          "type size " + token.getText() + " is too large");
    }
  }
}
