package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.SequenceOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds the {@link SequenceOption}s of {@code CREATE SEQUENCE}, {@code ALTER SEQUENCE} and
 * identity columns, refusing what PostgreSQL refuses when it reads them: an option twice (E0140),
 * an option the statement does not take (E0141), a number outside 64 bits (E0142), {@code
 * INCREMENT 0} or {@code CACHE} below 1 (E0144).
 */
final class SequenceOptionBuilder {
  /** Where options are written; each place takes some of them (PostgreSQL's sequence.c, gram.y). */
  enum Place {
    CREATE_SEQUENCE("CREATE SEQUENCE", Set.of("RESTART", "SEQUENCE NAME")),
    ALTER_SEQUENCE("ALTER SEQUENCE", Set.of("SEQUENCE NAME")),
    IDENTITY("an identity column's options", Set.of("RESTART", "OWNED BY")),
    /** {@code ALTER COLUMN c SET option} (gram.y's alter_identity_column_option) */
    SET_IDENTITY("ALTER COLUMN ... SET", Set.of("AS", "RESTART", "OWNED BY", "SEQUENCE NAME"));

    private final String where;
    private final Set<String> refused;

    Place(String where, Set<String> refused) {
      this.where = where;
      this.refused = refused;
    }
  }

  private final SourceText source;
  private final Names names;

  SequenceOptionBuilder(SourceText source, Names names) {
    this.source = source;
    this.names = names;
  }

  /** The options in written order; each is checked against {@code place} and the others. */
  List<SequenceOption> build(List<StrataParser.SequenceOptionContext> contexts, Place place) {
    List<SequenceOption> out = new ArrayList<>();
    Map<String, ParserRuleContext> seen = new HashMap<>();
    for (StrataParser.SequenceOptionContext context : contexts) {
      out.add(checked(context, build(context), place, seen));
    }
    return out;
  }

  /**
   * One option, checked against {@code place} and against {@code seen} (the options already
   * written in the same list, by keyword), which it joins.
   */
  SequenceOption checked(
      ParserRuleContext context,
      SequenceOption option,
      Place place,
      Map<String, ParserRuleContext> seen) {
    String keyword = option.keyword();
    if (place.refused.contains(keyword)) {
      throw ParseCode.SEQUENCE_OPTION_NOT_HERE.fail(source.file(), span(context),
          keyword + " is not an option of " + place.where,
          help(keyword, place));
    }
    ParserRuleContext first = seen.putIfAbsent(keyword, context);
    if (first != null) {
      Span earlier = source.span(first.getStart());
      throw ParseCode.SEQUENCE_OPTION_TWICE.fail(source.file(), span(context),
          keyword + " is given twice",
          "note: first given at line " + earlier.line() + ", column " + earlier.column(),
          "help: keep one of them (PostgreSQL refuses conflicting or redundant options)");
    }
    return option;
  }

  private static String help(String keyword, Place place) {
    return switch (keyword) {
      case "RESTART" -> place == Place.SET_IDENTITY
          ? "help: write RESTART [WITH n] without SET"
          : "help: a new sequence starts at its START value; RESTART belongs to ALTER SEQUENCE";
      case "SEQUENCE NAME" -> "help: SEQUENCE NAME names an identity column's sequence; rename a"
          + " sequence with ALTER SEQUENCE ... RENAME TO";
      case "OWNED BY" -> "help: an identity column's sequence is always owned by its column";
      default -> "help: leave it out; change it with ALTER SEQUENCE";
    };
  }

  SequenceOption build(StrataParser.SequenceOptionContext context) {
    return new OptionVisitor().visit(context);
  }

  /** The value of a {@code signedInteger}: E0142 outside 64 bits or with a sign other than +/-. */
  long number(StrataParser.SignedIntegerContext context) {
    String sign = context.sign == null ? "" : context.sign.getText();
    if (!sign.isEmpty() && !sign.equals("-") && !sign.equals("+")) {
      throw ParseCode.SEQUENCE_NUMBER.fail(source.file(), source.span(context.sign),
          "'" + sign + "' before a number", "help: write the number alone, or with - or +");
    }
    String digits = context.INTEGER_VALUE().getText();
    try {
      return Long.parseLong((sign.equals("-") ? "-" : "") + digits);
    } catch (NumberFormatException e) {
      throw ParseCode.SEQUENCE_NUMBER.fail(source.file(), span(context),
          (sign.equals("-") ? "-" : "") + digits + " is outside the range of a sequence value",
          "note: sequence values are 64-bit integers, from -9223372036854775808 to"
              + " 9223372036854775807");
    }
  }

  private Optional<Long> optionalNumber(StrataParser.SignedIntegerContext context) {
    return context == null ? Optional.empty() : Optional.of(number(context));
  }

  private Span span(ParserRuleContext context) {
    return context.getStart().getLine() == context.getStop().getLine()
        ? source.span(context.getStart(), context.getStop())
        : source.span(context.getStart());
  }

  private final class OptionVisitor extends StrataParserBaseVisitor<SequenceOption> {
    @Override
    public SequenceOption visitSequenceAs(StrataParser.SequenceAsContext context) {
      DataType.Kind kind = switch (context.type.getType()) {
        case StrataLexer.SMALLINT, StrataLexer.INT2 -> DataType.Kind.SMALLINT;
        case StrataLexer.INTEGER, StrataLexer.INT, StrataLexer.INT4 -> DataType.Kind.INTEGER;
        default -> DataType.Kind.BIGINT;
      };
      return new SequenceOption.As(DataType.of(kind));
    }

    @Override
    public SequenceOption visitSequenceIncrement(StrataParser.SequenceIncrementContext context) {
      long value = number(context.value);
      if (value == 0) {
        throw ParseCode.SEQUENCE_OPTION_VALUE.fail(source.file(), span(context.value),
            "INCREMENT must not be zero",
            "help: a sequence counts up with a positive increment, down with a negative one");
      }
      return new SequenceOption.IncrementBy(value);
    }

    @Override
    public SequenceOption visitSequenceMinValue(StrataParser.SequenceMinValueContext context) {
      return new SequenceOption.MinValue(Optional.of(number(context.value)));
    }

    @Override
    public SequenceOption visitSequenceNoMinValue(StrataParser.SequenceNoMinValueContext context) {
      return new SequenceOption.MinValue(Optional.empty());
    }

    @Override
    public SequenceOption visitSequenceMaxValue(StrataParser.SequenceMaxValueContext context) {
      return new SequenceOption.MaxValue(Optional.of(number(context.value)));
    }

    @Override
    public SequenceOption visitSequenceNoMaxValue(StrataParser.SequenceNoMaxValueContext context) {
      return new SequenceOption.MaxValue(Optional.empty());
    }

    @Override
    public SequenceOption visitSequenceStart(StrataParser.SequenceStartContext context) {
      return new SequenceOption.StartWith(number(context.value));
    }

    @Override
    public SequenceOption visitSequenceRestart(StrataParser.SequenceRestartContext context) {
      return new SequenceOption.Restart(optionalNumber(context.value));
    }

    @Override
    public SequenceOption visitSequenceCache(StrataParser.SequenceCacheContext context) {
      long value = number(context.value);
      if (value < 1) {
        throw ParseCode.SEQUENCE_OPTION_VALUE.fail(source.file(), span(context.value),
            "CACHE must be at least 1", "help: CACHE 1 (the default) caches nothing");
      }
      return new SequenceOption.Cache(value);
    }

    @Override
    public SequenceOption visitSequenceCycle(StrataParser.SequenceCycleContext context) {
      return new SequenceOption.Cycle(context.no == null);
    }

    @Override
    public SequenceOption visitSequenceOwnedBy(StrataParser.SequenceOwnedByContext context) {
      if (context.column == null) {
        return new SequenceOption.OwnedBy(Optional.empty(), Optional.empty());
      }
      ColumnReference reference = columnReference(context.column);
      return new SequenceOption.OwnedBy(Optional.of(reference.table()),
          Optional.of(reference.column()));
    }

    @Override
    public SequenceOption visitSequenceName(StrataParser.SequenceNameContext context) {
      return new SequenceOption.SequenceName(names.qualified(context.name));
    }
  }

  /** A column named {@code table.column} or {@code schema.table.column}. */
  record ColumnReference(QualifiedName table, Identifier column) {}

  ColumnReference columnReference(StrataParser.ColumnReferenceContext context) {
    if (context.third == null) {
      return new ColumnReference(
          new QualifiedName(Optional.empty(), names.identifier(context.first)),
          names.identifier(context.second));
    }
    return new ColumnReference(
        new QualifiedName(Optional.of(names.identifier(context.first)),
            names.identifier(context.second)),
        names.identifier(context.third));
  }
}
