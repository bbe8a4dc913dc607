package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one statement (its tokens up to and including the {@code ;}) into a {@link Statement}.
 * A statement whose leading words are not those of the neutral subset is refused with E0111
 * before parsing, and one whose brackets nest deeper than {@link #MAX_NESTING} with E0125; the
 * others go through {@link StrataParser} with SLL prediction, and again with full LL only when SLL
 * fails, where the first syntax error stops the parse (no recovery).
 */
final class StatementParser {
  /**
   * The deepest nesting of parentheses and square brackets (together) that a statement may have.
   * The parser recurses once per level ({@code balanced}), and its full-LL prediction and error
   * reporting walk the same depth, so an unbounded depth would overflow the thread's stack; at
   * this depth the whole pipeline uses a small part of a default 1 MiB thread stack (see
   * {@code NestingLimitTest}), while hand-written and generated SQL stays far below it.
   */
  static final int MAX_NESTING = 256;

  private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "TEMP",
      "TEMPORARY", "UNLOGGED", "MATERIALIZED", "RECURSIVE", "GLOBAL", "LOCAL", "UNIQUE",
      "DEFAULT", "TRUSTED", "PROCEDURAL", "CONSTRAINT", "FOREIGN");

  private final SourceText source;
  private final StrataParser parser = new StrataParser(null);
  private final SyntaxErrors errors;
  private final OperationBuilder operations;

  StatementParser(SourceText source) {
    this.source = source;
    this.errors = new SyntaxErrors(source, parser.getATN());
    this.operations = new OperationBuilder(source);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
  }

  /** @param tokens the statement's default-channel tokens, the last one its {@code ;} */
  Statement parse(List<Token> tokens, boolean noTransaction) {
    requireSubset(tokens);
    requireNestingWithinLimit(tokens);
    StrataParser.SingleStatementContext tree = parseTree(new ArrayList<>(tokens));
    Operation operation = operations.visit(tree.statement());
    Token first = tokens.getFirst();
    return new Statement(operation, noTransaction, source.span(first),
        source.text(first, tokens.get(tokens.size() - 2)));
  }

  private StrataParser.SingleStatementContext parseTree(List<Token> tokens) {
    CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
    parser.setTokenStream(stream);
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    try {
      return parser.singleStatement();
    } catch (ParseCancellationException sllFailed) {
      stream.seek(0);
      parser.reset();
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return parser.singleStatement();
    }
  }

  /** Refuses statements outside the subset, naming their leading words. */
  private void requireSubset(List<Token> tokens) {
    int first = tokens.get(0).getType();
    int second = tokens.size() > 1 ? tokens.get(1).getType() : Token.EOF;
    int third = tokens.size() > 2 ? tokens.get(2).getType() : Token.EOF;
    boolean subset = switch (first) {
      case StrataLexer.CREATE -> second == StrataLexer.TABLE || second == StrataLexer.INDEX
          || second == StrataLexer.SCHEMA
          || second == StrataLexer.UNLOGGED && third == StrataLexer.TABLE
          || second == StrataLexer.UNIQUE && third == StrataLexer.INDEX
          || second == StrataLexer.EXTENSION;
      case StrataLexer.DROP -> second == StrataLexer.TABLE || second == StrataLexer.INDEX
          || second == StrataLexer.SCHEMA || second == StrataLexer.EXTENSION;
      case StrataLexer.ALTER -> second == StrataLexer.TABLE || second == StrataLexer.INDEX;
      case StrataLexer.INSERT, StrataLexer.UPDATE, StrataLexer.DELETE -> true;
      default -> false;
    };
    if (!subset) {
      throw notInSubset(tokens);
    }
  }

  /**
   * Refuses, at its opening bracket, the first {@code (} or {@code [} nested deeper than
   * {@link #MAX_NESTING}, before the parser recurses into it. Unbalanced brackets are left to the
   * parser, which reports them as syntax errors.
   */
  private void requireNestingWithinLimit(List<Token> tokens) {
    int depth = 0;
    for (Token token : tokens) {
      switch (token.getType()) {
        case StrataLexer.LPAREN, StrataLexer.LBRACKET -> {
          if (++depth > MAX_NESTING) {
            throw ParseCode.NESTING_TOO_DEEP.fail(source.file(), source.span(token),
                "brackets nested more than " + MAX_NESTING + " deep",
                "help: write the expression with less nesting, or put the statement between"
                    + " '-- +dialect postgresql' and '-- +end' lines to emit it as written",
                "note: strata accepts at most " + MAX_NESTING
                    + " nested parentheses and square brackets in a statement");
          }
        }
        case StrataLexer.RPAREN, StrataLexer.RBRACKET -> depth = Math.max(0, depth - 1);
        default -> { }
      }
    }
  }

  private ParseFailure notInSubset(List<Token> tokens) {
    Token first = tokens.getFirst();
    int last = leadingWords(tokens);
    String what = last < 0
        ? "statement starting with " + SyntaxErrors.describe(first)
        : "'" + words(tokens, last) + "'";
    Token end = tokens.get(Math.max(last, 0));
    Span span = end.getLine() == first.getLine() ? source.span(first, end) : source.span(first);
    return ParseCode.STATEMENT_NOT_IN_SUBSET.fail(source.file(), span,
        what + " is not in the neutral SQL subset",
        "help: to emit it as written for one dialect, put it between '-- +dialect postgresql'"
            + " and '-- +end' lines",
        "note: the subset is CREATE/ALTER/DROP TABLE, CREATE/DROP INDEX, CREATE/DROP SCHEMA,"
            + " INSERT, UPDATE and DELETE");
  }

  /**
   * The index of the last leading word: the first word, and for CREATE, ALTER and DROP the
   * modifiers and the kind of object ({@code CREATE OR REPLACE FUNCTION}); -1 when the statement
   * does not start with a word.
   */
  private static int leadingWords(List<Token> tokens) {
    if (!isWord(tokens.getFirst())) {
      return -1;
    }
    String verb = upper(tokens.getFirst());
    if (!Set.of("CREATE", "ALTER", "DROP", "COMMENT").contains(verb)) {
      return 0;
    }
    int i = 1;
    while (i < tokens.size() && isWord(tokens.get(i))
        && (CREATE_MODIFIERS.contains(upper(tokens.get(i))) || upper(tokens.get(i)).equals("ON"))) {
      i++;
    }
    return i < tokens.size() && isWord(tokens.get(i)) ? i : i - 1;
  }

  private static String words(List<Token> tokens, int last) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      words.add(upper(tokens.get(i)));
    }
    return String.join(" ", words);
  }

  private static boolean isWord(Token token) {
    return token.getType() != Token.EOF && token.getText().matches("[A-Za-z_][A-Za-z0-9_]*");
  }

  private static String upper(Token token) {
    return token.getText().toUpperCase(Locale.ROOT);
  }
}
