package dev.strata.alembic.py;

import dev.strata.alembic.antlr.PythonLexer;
import dev.strata.alembic.antlr.PythonParser;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The parser of Python source files as Alembic revision files are written: every statement of
 * Python 3 but {@code match} parses; the subset that revision files use becomes {@link PyStmt} and
 * {@link PyExpr} nodes, the rest {@link PyStmt.Other} / {@link PyExpr.Other} with its exact text.
 */
public final class PythonSource {
  /** The code of a Python syntax error. */
  public static final String SYNTAX_ERROR = "E0701";
  private static final int MAX_EXPECTED = 5;

  private PythonSource() {}

  /**
   * Parses one Python file.
   *
   * @param file the path diagnostics print, kept in the module and its placeholders
   * @param text the file's content (LF or CRLF line ends)
   * @throws DiagnosticException E0701 at the first syntax error (a token the grammar does not
   *     allow there, an unterminated string, an indentation that matches no outer level), with the
   *     source line and a caret under the offending token
   */
  public static PyModule parse(Path file, String text) throws DiagnosticException {
    SourceIndex index = new SourceIndex(text);
    SourceFile source = new SourceFile(file.toString(), text);
    PythonLexer lexer = new PythonLexer(CharStreams.fromString(text, file.toString()));
    PythonTokens tokens = new PythonTokens(lexer, index.codePoints());
    CommonTokenStream stream = new CommonTokenStream(tokens);
    PythonParser parser = new PythonParser(stream);
    Errors errors = new Errors(source, index, tokens);
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    try {
      PythonParser.FileInputContext tree = parser.fileInput();
      errors.indentation(null);
      return new PythonAstBuilder(file, index, stream).module(tree);
    } catch (Failure failure) {
      throw new DiagnosticException(failure.diagnostic);
    }
  }

  /** The first syntax error, leaving the lexer, parser and builder. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    Failure(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }

  /** Turns the first lexer or parser error into an E0701 diagnostic. */
  private static final class Errors extends BaseErrorListener {
    private final SourceFile source;
    private final SourceIndex index;
    private final PythonTokens tokens;

    Errors(SourceFile source, SourceIndex index, PythonTokens tokens) {
      this.source = source;
      this.index = index;
      this.tokens = tokens;
    }

    /** Fails when the tokens so far had an indentation error before {@code offending}. */
    void indentation(Token offending) {
      Token unexpected = tokens.unexpectedIndent();
      if (unexpected != null) {
        throw fail(index.diagnosticSpan(unexpected), "unexpected indent",
            "help: the first statement of a file starts at column 1");
      }
      Token dedent = tokens.inconsistentDedent();
      if (dedent != null
          && (offending == null || dedent.getStartIndex() <= offending.getStartIndex())) {
        throw fail(index.diagnosticSpan(dedent),
            "unindent does not match any outer indentation level",
            "help: indent the line as far as one of the blocks it closes");
      }
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
        int column, String antlrMessage, RecognitionException e) {
      if (recognizer instanceof Lexer lexer) {
        int startIndex = lexer._tokenStartCharIndex;
        int c = startIndex < index.codePoints().length ? index.codePoints()[startIndex] : -1;
        int offset = index.charOffset(startIndex);
        Position pos = index.position(offset);
        Span span = new Span(pos.line(), pos.column(), 1);
        if (c == '\'' || c == '"' || isPrefixedQuote(startIndex)) {
          throw fail(span, "unterminated string literal",
              "help: close the string on its line, or use a triple-quoted string for text"
                  + " over several lines");
        }
        String shown = c < 0 ? "end of file" : "'" + Character.toString(c) + "'";
        throw fail(span, "invalid character " + shown + " in Python source");
      }
      Token offending = (Token) offendingSymbol;
      indentation(offending);
      Token unclosed = tokens.unclosed();
      if (unclosed != null && atEnd(offending)) {
        throw fail(index.diagnosticSpan(unclosed), "'" + unclosed.getText() + "' was never closed");
      }
      String message = "invalid Python syntax: unexpected " + describe(offending);
      IntervalSet expected = e != null && e.getExpectedTokens() != null
          ? e.getExpectedTokens() : ((Parser) recognizer).getExpectedTokens();
      List<String> names = new ArrayList<>();
      for (int type : expected.toArray()) {
        names.add(describe(type, ((Parser) recognizer)));
      }
      if (!names.isEmpty() && names.size() <= MAX_EXPECTED) {
        message += ", expected " + String.join(" or ", names);
      }
      throw fail(index.diagnosticSpan(offending), message);
    }

    /** Whether {@code token} is the end of the input or a token made up there. */
    private boolean atEnd(Token token) {
      return token.getType() == Token.EOF
          || token.getStartIndex() >= index.codePoints().length
          || token.getText().isEmpty();
    }

    private boolean isPrefixedQuote(int start) {
      int[] cps = index.codePoints();
      for (int i = start; i < cps.length && i < start + 3; i++) {
        if (cps[i] == '\'' || cps[i] == '"') {
          return true;
        }
        if ("rRbBuUfF".indexOf(cps[i]) < 0) {
          return false;
        }
      }
      return false;
    }

    private Failure fail(Span span, String message, String... notes) {
      return new Failure(Diagnostic.error(SYNTAX_ERROR, message, source, span, notes));
    }

    private static String describe(Token token) {
      return switch (token.getType()) {
        case Token.EOF -> "end of file";
        case PythonLexer.NEWLINE -> token.getText().isEmpty() ? "end of file" : "end of line";
        case PythonLexer.INDENT -> "indent";
        case PythonLexer.DEDENT -> "dedent";
        default -> "'" + token.getText() + "'";
      };
    }

    private static String describe(int type, Parser parser) {
      return switch (type) {
        case Token.EOF -> "end of file";
        case PythonLexer.NEWLINE -> "end of line";
        case PythonLexer.INDENT -> "an indented block";
        case PythonLexer.DEDENT -> "dedent";
        case PythonLexer.NAME -> "a name";
        case PythonLexer.STRING -> "a string";
        case PythonLexer.NUMBER -> "a number";
        case PythonLexer.AUG_ASSIGN -> "an augmented assignment";
        default -> parser.getVocabulary().getLiteralName(type) != null
            ? parser.getVocabulary().getLiteralName(type)
            : parser.getVocabulary().getDisplayName(type);
      };
    }
  }
}
