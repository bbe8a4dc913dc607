package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.antlr.StrataParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The error listener of the statement parser: the first syntax error stops the parse with an
 * E0101 diagnostic "unexpected 'X', expected ..." at the offending token. The expected tokens are
 * summarised: names, column types and expressions by what they are, at most five alternatives.
 * When the offending word starts a clause strata knows it does not parse ({@code RULE}, {@code
 * INHERITS}, ...), notes name it and show the {@code -- +dialect postgresql} block that carries
 * the statement as written.
 */
final class SyntaxErrors extends BaseErrorListener {
  private static final int MAX_ALTERNATIVES = 5;
  private static final int MAX_TOKEN_WIDTH = 24;
  private static final List<Integer> EXPRESSION_ENDS =
      List.of(StrataLexer.RPAREN, StrataLexer.RBRACKET, StrataLexer.COMMA, StrataLexer.SEMI);

  private final SourceText source;
  private final IntervalSet names;
  private List<Token> statement = List.of();

  SyntaxErrors(SourceText source, ATN atn) {
    this.source = source;
    this.names = atn.nextTokens(atn.ruleToStartState[StrataParser.RULE_identifier]);
  }

  /** The tokens of the statement about to be parsed, up to its {@code ;}. */
  void statement(List<Token> tokens) {
    this.statement = List.copyOf(tokens);
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
      int column, String antlrMessage, RecognitionException e) {
    Token offending = (Token) offendingSymbol;
    IntervalSet expected = expected((Parser) recognizer, e);
    String message = "unexpected " + describe(offending);
    // a type may be any name, so only the rule being parsed tells a type from a name
    boolean typeExpected =
        ((Parser) recognizer).getContext() instanceof StrataParser.BaseTypeContext;
    List<String> alternatives = alternatives(expected, typeExpected);
    if (!alternatives.isEmpty()) {
      message += ", expected " + join(alternatives);
    }
    Optional<String> construct = OutsideLanguage.clauseAt(statement, offending);
    if (construct.isPresent() && !statement.isEmpty()) {
      throw ParseCode.SYNTAX.fail(source.file(), source.span(offending), message,
          "note: " + construct.get() + " is not in the language strata parses",
          OutsideLanguage.blockHelp(source, statement.getFirst(), statement.getLast()),
          OutsideLanguage.REFERENCE_NOTE);
    }
    throw ParseCode.SYNTAX.fail(source.file(), source.span(offending), message);
  }

  /**
   * What could have come instead of the offending token. When no alternative of a decision was
   * viable, that is what the configurations alive just before the offending token could match,
   * not what the decision started with.
   */
  private static IntervalSet expected(Parser parser, RecognitionException e) {
    if (e instanceof NoViableAltException noViable && noViable.getDeadEndConfigs() != null) {
      IntervalSet tokens = new IntervalSet();
      ATN atn = parser.getATN();
      for (ATNConfig config : noViable.getDeadEndConfigs()) {
        tokens.addAll(atn.nextTokens(config.state));
      }
      tokens.remove(Token.EPSILON);
      if (!tokens.isNil()) {
        return tokens;
      }
    }
    return parser.getExpectedTokens();
  }

  private List<String> alternatives(IntervalSet expected, boolean typeExpected) {
    List<String> out = new ArrayList<>();
    if (expected.contains(StrataLexer.STRING) && expected.contains(StrataLexer.OPERATOR)) {
      out.add("an expression");
      EXPRESSION_ENDS.stream().filter(expected::contains).map(SyntaxErrors::display)
          .forEach(out::add);
      return out;
    }
    IntervalSet rest = expected;
    if (expected.contains(StrataLexer.IDENTIFIER)) {
      out.add(typeExpected ? "a column type" : "a name");
      rest = rest.subtract(names);
    }
    rest.toList().stream().filter(t -> t != Token.EOF).map(SyntaxErrors::display)
        .forEach(out::add);
    return out;
  }

  private static String display(int type) {
    if (type == StrataLexer.INTEGER_VALUE) {
      return "a number";
    }
    String literal = StrataLexer.VOCABULARY.getLiteralName(type);
    if (literal != null) {
      return literal.toUpperCase(Locale.ROOT);
    }
    return StrataLexer.VOCABULARY.getSymbolicName(type).toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String join(List<String> alternatives) {
    if (alternatives.size() > MAX_ALTERNATIVES) {
      return String.join(", ", alternatives.subList(0, MAX_ALTERNATIVES)) + ", ...";
    }
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    return String.join(", ", alternatives.subList(0, alternatives.size() - 1))
        + " or " + alternatives.getLast();
  }

  /** The offending token as quoted in a message: its first line, cut when long. */
  static String describe(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of statement";
    }
    String text = token.getText();
    int lineEnd = text.indexOf('\n');
    if (lineEnd >= 0) {
      text = text.substring(0, lineEnd).stripTrailing() + "...";
    }
    if (text.length() > MAX_TOKEN_WIDTH) {
      text = text.substring(0, MAX_TOKEN_WIDTH) + "...";
    }
    return "'" + text + "'";
  }
}
