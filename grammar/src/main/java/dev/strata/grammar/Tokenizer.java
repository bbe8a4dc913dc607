package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ANTLRInputStream;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * Runs the lexer over a whole file. Tokens on the default channel and line comments (hidden
 * channel, which may be header lines) are kept; blanks and block comments are dropped.
 *
 * <p>The lexer is {@link StrataScanner}, which makes exactly the tokens of the generated {@link
 * StrataLexer} faster; with the system property {@code strata.lexer=antlr} the generated lexer
 * runs instead (a fallback switch, and what the differential tests compare with).
 */
final class Tokenizer {
  /**
   * Whether the generated lexer runs instead of {@link StrataScanner}: {@code -Dstrata.lexer=antlr}
   * (tests set it to compare the two).
   */
  static boolean generated = "antlr".equals(System.getProperty("strata.lexer"));

  private Tokenizer() {}

  /**
   * The tokens of a file, and the problem to report at end of input when a block comment or a
   * dollar-quoted string is still open there (an open {@code -- +dialect} block is left to the
   * section reader, which knows the directive).
   */
  record Tokens(List<Token> list, Optional<Diagnostic> openAtEnd) {}

  static Tokens tokenize(SourceText source) {
    if (generated) {
      StrataLexer lexer = new StrataLexer(input(source.text()));
      lexer.removeErrorListeners();
      List<Token> tokens = drain(lexer);
      return new Tokens(tokens, openAtEnd(
          lexer.currentMode(), lexer.openLine(), lexer.openColumn(), source));
    }
    StrataScanner scanner = new StrataScanner(source.text());
    // about one token per five chars in revision files: one allocation, no growing copies
    List<Token> tokens = drain(scanner, new ArrayList<>(16 + source.text().length() / 5));
    return new Tokens(tokens, openAtEnd(
        scanner.currentMode(), scanner.openLine(), scanner.openColumn(), source));
  }

  /** The tokens of {@code source} up to its first EOF-typed token (which is left out). */
  static List<Token> drain(TokenSource source) {
    return drain(source, new ArrayList<>());
  }

  private static List<Token> drain(TokenSource source, List<Token> tokens) {
    for (Token token = source.nextToken(); token.getType() != Token.EOF;
        token = source.nextToken()) {
      tokens.add(token);
    }
    return tokens;
  }

  /** A lexer over {@code text}: {@link StrataScanner}, or the generated one (see {@link #generated}). */
  static TokenSource lexer(String text) {
    if (generated) {
      StrataLexer lexer = new StrataLexer(input(text));
      lexer.removeErrorListeners();
      return lexer;
    }
    return new StrataScanner(text);
  }

  /**
   * Fails on a string or quoted identifier that runs to the end of the input: the lexer makes them
   * {@code UNTERMINATED_*} tokens, which only match when the closing quote is missing.
   */
  static void requireClosed(Token token, SourceText source) {
    switch (token.getType()) {
      case StrataLexer.UNTERMINATED_STRING, StrataLexer.UNTERMINATED_ESCAPE_STRING ->
          throw ParseCode.UNTERMINATED_STRING.fail(source.file(), quoteOf(token, source),
              "unterminated string literal",
              "help: close it with ' (a quote inside the string is written '')");
      case StrataLexer.UNTERMINATED_QUOTED_IDENTIFIER ->
          throw ParseCode.UNTERMINATED_QUOTED_IDENTIFIER.fail(source.file(),
              quoteOf(token, source), "unterminated quoted identifier",
              "help: close it with \" (a quote inside the name is written \"\")");
      default -> { }
    }
  }

  /** The opening quote of a string ({@code '} or {@code E'}) or quoted identifier. */
  private static Span quoteOf(Token token, SourceText source) {
    int quote = token.getText().indexOf(token.getType() == StrataLexer.UNTERMINATED_QUOTED_IDENTIFIER
        ? '"' : '\'');
    return source.spanOf(token.getStartIndex(), token.getStartIndex() + quote + 1);
  }

  /**
   * A char stream indexed in UTF-16 units, so token offsets index {@link String}s directly (the
   * code-point streams of {@code CharStreams} would shift them after a surrogate pair).
   */
  @SuppressWarnings("deprecation")
  private static CharStream input(String text) {
    return new ANTLRInputStream(text);
  }

  private static Optional<Diagnostic> openAtEnd(
      int mode, int openLine, int openColumn, SourceText source) {
    if (mode != StrataLexer.COMMENT && mode != StrataLexer.DOLLAR) {
      return Optional.empty();
    }
    Span start = new Span(openLine, openColumn + 1, 2);
    return switch (mode) {
      case StrataLexer.COMMENT -> Optional.of(ParseCode.UNTERMINATED_BLOCK_COMMENT.at(
          source.file(), start, "unterminated block comment",
          "note: block comments nest, as in PostgreSQL: every '/*' needs its own '*/'"));
      case StrataLexer.DOLLAR -> Optional.of(dollar(source, start));
      default -> Optional.empty();
    };
  }

  private static Diagnostic dollar(SourceText source, Span start) {
    String tag = dollarTagAt(source, start);
    return ParseCode.UNTERMINATED_DOLLAR_QUOTE.at(
        source.file(), new Span(start.line(), start.column(), tag.length()),
        "unterminated dollar-quoted string: no closing " + tag,
        "help: end the body with " + tag + ", exactly as it was opened");
  }

  /** The opening {@code $tag$} written at {@code start}. */
  private static String dollarTagAt(SourceText source, Span start) {
    String line = source.file().line(start.line());
    int from = start.column() - 1;
    int close = line.indexOf('$', from + 1);
    return close < 0 ? "$" : line.substring(from, close + 1);
  }
}
