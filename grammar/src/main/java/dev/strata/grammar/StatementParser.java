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
    errors.statement(tokens);
    StrataParser.SingleStatementContext tree = parseTree(tokens);
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
          || second == StrataLexer.EXTENSION
          || second == StrataLexer.TYPE || second == StrataLexer.DOMAIN
          || second == StrataLexer.SEQUENCE;
      case StrataLexer.DROP -> second == StrataLexer.TABLE || second == StrataLexer.INDEX
          || second == StrataLexer.SCHEMA || second == StrataLexer.EXTENSION
          || second == StrataLexer.TYPE || second == StrataLexer.DOMAIN
          || second == StrataLexer.SEQUENCE;
      case StrataLexer.ALTER -> second == StrataLexer.TABLE || second == StrataLexer.INDEX
          || second == StrataLexer.TYPE || second == StrataLexer.SEQUENCE;
      case StrataLexer.COMMENT_KW -> second == StrataLexer.ON;
      case StrataLexer.INSERT, StrataLexer.UPDATE, StrataLexer.DELETE -> true;
      case StrataLexer.WITH, StrataLexer.SELECT, StrataLexer.TRUNCATE -> true;
      default -> false;
    };
    if (!subset && !postgresOnly(tokens) && !viewOrSetting(tokens)) {
      throw notInSubset(tokens);
    }
  }

  /**
   * Whether the leading words are those of a PostgreSQL-only statement (see {@code
   * PostgresOnlyBuilder}): functions, procedures, triggers, policies, roles, databases, {@code DO},
   * {@code CALL}, {@code GRANT}, {@code REVOKE}, maintenance statements, and {@code ALTER ... OWNER
   * TO} of any kind of object.
   */
  private static boolean postgresOnly(List<Token> tokens) {
    int first = type(tokens, 0);
    int kind = type(tokens, 1);
    if (first == StrataLexer.CREATE && kind == StrataLexer.OR && type(tokens, 2) == StrataLexer.REPLACE) {
      kind = type(tokens, 3);
    }
    return switch (first) {
      case StrataLexer.CREATE -> Set.of(StrataLexer.FUNCTION, StrataLexer.PROCEDURE,
          StrataLexer.TRIGGER, StrataLexer.CONSTRAINT, StrataLexer.POLICY, StrataLexer.ROLE,
          StrataLexer.DATABASE).contains(kind);
      case StrataLexer.DROP -> Set.of(StrataLexer.FUNCTION, StrataLexer.PROCEDURE,
          StrataLexer.TRIGGER, StrataLexer.POLICY, StrataLexer.ROLE, StrataLexer.DATABASE)
          .contains(kind);
      case StrataLexer.ALTER -> Set.of(StrataLexer.FUNCTION, StrataLexer.PROCEDURE,
          StrataLexer.TRIGGER, StrataLexer.POLICY, StrataLexer.ROLE, StrataLexer.SYSTEM)
          .contains(kind)
          || kind == StrataLexer.DEFAULT && type(tokens, 2) == StrataLexer.PRIVILEGES
          || tokens.size() > 4 && type(tokens, tokens.size() - 4) == StrataLexer.OWNER
              && type(tokens, tokens.size() - 3) == StrataLexer.TO;
      case StrataLexer.DO, StrataLexer.CALL, StrataLexer.GRANT, StrataLexer.REVOKE,
          StrataLexer.VACUUM, StrataLexer.ANALYZE, StrataLexer.REINDEX, StrataLexer.LOCK,
          StrataLexer.NOTIFY -> true;
      default -> false;
    };
  }

  /**
   * Views ({@code CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW}, {@code DROP VIEW}, {@code ALTER
   * VIEW}), materialized views ({@code CREATE}, {@code DROP}, {@code ALTER}, {@code REFRESH}) and
   * session settings ({@code SET}, {@code RESET}).
   */
  private static boolean viewOrSetting(List<Token> tokens) {
    int first = tokens.get(0).getType();
    int i = 1;
    if (first == StrataLexer.CREATE) {
      if (type(tokens, i) == StrataLexer.OR && type(tokens, i + 1) == StrataLexer.REPLACE) {
        i += 2;
      }
      if (type(tokens, i) == StrataLexer.TEMP || type(tokens, i) == StrataLexer.TEMPORARY) {
        i++;
      }
      if (type(tokens, i) == StrataLexer.RECURSIVE) {
        i++;
      }
    }
    boolean view = type(tokens, i) == StrataLexer.VIEW;
    boolean materialized = type(tokens, 1) == StrataLexer.MATERIALIZED
        && type(tokens, 2) == StrataLexer.VIEW;
    return switch (first) {
      case StrataLexer.CREATE, StrataLexer.DROP, StrataLexer.ALTER -> view || materialized;
      case StrataLexer.REFRESH -> materialized;
      case StrataLexer.SET, StrataLexer.RESET -> true;
      default -> false;
    };
  }

  private static int type(List<Token> tokens, int index) {
    return index < tokens.size() ? tokens.get(index).getType() : Token.EOF;
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
    String firstText = first.getText() == null ? "" : first.getText();
    if (!firstText.isEmpty() && INVISIBLE.indexOf(firstText.charAt(0)) >= 0) {
      // an editor's byte-order mark or a pasted zero-width space glued to the first word: the
      // statement is fine once it is gone, and no '-- +dialect' block should carry it to psql
      char c = firstText.charAt(0);
      return ParseCode.STATEMENT_NOT_IN_SUBSET.fail(source.file(), source.span(first),
          String.format("the statement starts with the invisible character U+%04X (%s)", (int) c,
              Character.getName(c)),
          "help: delete it, the character before '" + firstText.substring(1)
              + "': editors show nothing there");
    }
    int last = leadingWords(tokens);
    if (last >= 0) {
      last = OutsideLanguage.extendPhrase(tokens, last);
    }
    String what = last < 0
        ? "statement starting with " + SyntaxErrors.describe(first)
        : "'" + words(tokens, last) + "'";
    Token end = tokens.get(Math.max(last, 0));
    Span span = end.getLine() == first.getLine() ? source.span(first, end) : source.span(first);
    if (OutsideLanguage.copyFromStdin(tokens)) {
      return ParseCode.STATEMENT_NOT_IN_SUBSET.fail(source.file(), span,
          "'COPY ... FROM stdin' is not in the language: its rows would follow it in the script"
              + " as a psql data block, which strata cannot carry",
          "help: write the rows as INSERT INTO ... VALUES statements (pg_dump --inserts writes"
              + " them)",
          "note: a '-- +dialect postgresql' block cannot carry a data block either: the rows are"
              + " not SQL, and the '\\.' line that ends them is a psql command (E0120)");
    }
    return ParseCode.STATEMENT_NOT_IN_SUBSET.fail(source.file(), span,
        what + " is not in the language strata parses",
        OutsideLanguage.blockHelp(source, first, tokens.getLast()),
        OutsideLanguage.REFERENCE_NOTE);
  }

  /** Characters that print as nothing and that no database reads as white space. */
  private static final String INVISIBLE = "\uFEFF\u200B\u200C\u200D\u2060";

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
    if (!Set.of("CREATE", "ALTER", "DROP", "COMMENT", "IMPORT", "SECURITY").contains(verb)) {
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
