package dev.strata.alembic.py;

import dev.strata.alembic.antlr.PythonLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The token source the Python parser reads: {@link PythonLexer}'s tokens with Python's logical
 * lines made explicit, as the Python language reference ("Line structure", "Indentation") has
 * them. A NEWLINE inside {@code ()}, {@code []} or {@code {}} is dropped (implicit line joining),
 * so is one that ends a blank or comment-only line; at the first token of each logical line the
 * indentation (tabs to the next multiple of 8) is compared with a stack of open levels, giving one
 * INDENT when deeper, one DEDENT per closed level when shallower (a byte order mark at the start
 * of the file counts for nothing). At the end of the input a
 * missing NEWLINE and the pending DEDENTs come before EOF.
 *
 * <p>An indentation that matches no open level is reported through {@link #inconsistentDedent}
 * (the parser turns it into a diagnostic at that token).
 */
final class PythonTokens implements TokenSource {
  private final PythonLexer lexer;
  private final int[] codePoints;
  private final Deque<Token> queue = new ArrayDeque<>();
  private final Deque<Integer> levels = new ArrayDeque<>();
  /** The brackets open at this point, innermost last. */
  private final Deque<Token> open = new ArrayDeque<>();
  /** Whether the last token queued ended a logical line (or nothing was queued yet). */
  private boolean atLineStart = true;
  private boolean done;
  /** The first token whose indentation matches no open level, else null. */
  private Token inconsistentDedent;
  /** The first token of the file when it is indented, else null. */
  private Token unexpectedIndent;
  /** Whether a token other than NEWLINE was read. */
  private boolean anyToken;

  /**
   * @param lexer the lexer over {@code text}
   * @param codePoints the source's code points, as the lexer's char stream indexes them
   */
  PythonTokens(PythonLexer lexer, int[] codePoints) {
    this.lexer = lexer;
    this.codePoints = codePoints;
    levels.push(0);
  }

  /** The first token whose dedent matched no outer level, or null. */
  Token inconsistentDedent() {
    return inconsistentDedent;
  }

  /** The innermost bracket still open at the end of the input (once it is read), else null. */
  Token unclosed() {
    return done ? open.peekLast() : null;
  }

  /** The first token of the file, when it is indented; null otherwise. */
  Token unexpectedIndent() {
    return unexpectedIndent;
  }

  @Override
  public Token nextToken() {
    while (queue.isEmpty()) {
      fill();
    }
    return queue.poll();
  }

  private void fill() {
    if (done) {
      queue.add(eof());
      return;
    }
    Token token = lexer.nextToken();
    switch (token.getType()) {
      case PythonLexer.NEWLINE -> {
        if (open.isEmpty() && !atLineStart) {
          queue.add(token);
          atLineStart = true;
        }
      }
      case Token.EOF -> {
        if (!atLineStart) {
          queue.add(synthetic(PythonLexer.NEWLINE, token, ""));
        }
        while (levels.peek() > 0) {
          levels.pop();
          queue.add(synthetic(PythonLexer.DEDENT, token, ""));
        }
        queue.add(token);
        done = true;
      }
      default -> {
        if (atLineStart) {
          indent(token);
          atLineStart = false;
        }
        anyToken = true;
        switch (token.getType()) {
          case PythonLexer.OPEN_PAREN, PythonLexer.OPEN_BRACK, PythonLexer.OPEN_BRACE ->
              open.addLast(token);
          case PythonLexer.CLOSE_PAREN, PythonLexer.CLOSE_BRACK, PythonLexer.CLOSE_BRACE -> {
            if (!open.isEmpty()) {
              open.removeLast();
            }
          }
          default -> { }
        }
        queue.add(token);
      }
    }
  }

  /** INDENT or DEDENTs for the first token of a logical line. */
  private void indent(Token first) {
    int width = indentation(first);
    int current = levels.peek();
    if (width > current) {
      if (!anyToken) {
        unexpectedIndent = first;
      }
      levels.push(width);
      queue.add(synthetic(PythonLexer.INDENT, first, ""));
    } else if (width < current) {
      while (levels.peek() > width) {
        levels.pop();
        queue.add(synthetic(PythonLexer.DEDENT, first, ""));
      }
      if (levels.peek() != width && inconsistentDedent == null) {
        inconsistentDedent = first;
      }
    }
  }

  /** The width of the blanks before {@code first} on its line, tabs to the next multiple of 8. */
  private int indentation(Token first) {
    int start = first.getStartIndex();
    int lineStart = start;
    while (lineStart > 0 && codePoints[lineStart - 1] != '\n') {
      lineStart--;
    }
    int width = 0;
    for (int i = lineStart; i < start; i++) {
      int c = codePoints[i];
      if (c == '\t') {
        width = (width / 8 + 1) * 8;
      } else if (c == '\f') {
        width = 0;
      } else if (c != 0xFEFF) {
        width++;
      }
    }
    return width;
  }

  private Token synthetic(int type, Token at, String tokenText) {
    CommonToken token = new CommonToken(type, tokenText);
    token.setLine(at.getLine());
    token.setCharPositionInLine(at.getCharPositionInLine());
    token.setStartIndex(at.getStartIndex());
    token.setStopIndex(at.getStartIndex() - 1);
    return token;
  }

  private Token eof() {
    CommonToken token = new CommonToken(Token.EOF, "<EOF>");
    int end = lexer.getInputStream().size();
    token.setStartIndex(end);
    token.setStopIndex(end - 1);
    token.setLine(lexer.getLine());
    token.setCharPositionInLine(lexer.getCharPositionInLine());
    return token;
  }

  @Override
  public int getLine() {
    return lexer.getLine();
  }

  @Override
  public int getCharPositionInLine() {
    return lexer.getCharPositionInLine();
  }

  @Override
  public CharStream getInputStream() {
    return lexer.getInputStream();
  }

  @Override
  public String getSourceName() {
    return lexer.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    lexer.setTokenFactory(factory);
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return lexer.getTokenFactory();
  }
}
