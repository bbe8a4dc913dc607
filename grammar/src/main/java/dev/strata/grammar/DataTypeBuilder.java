package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;
import java.util.OptionalInt;
import org.antlr.v4.runtime.Token;

/** Builds a {@link DataType} from a {@code dataType} alternative; aliases map onto one kind. */
final class DataTypeBuilder extends StrataParserBaseVisitor<DataType> {
  private final SourceText source;

  DataTypeBuilder(SourceText source) {
    this.source = source;
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
    return sized(Kind.TIME, context.precision);
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
    return DataType.of(Kind.INTERVAL);
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
