package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A hand-written scanner for the revision-file language that produces exactly the tokens of the
 * generated {@link StrataLexer}: the same types, channels, start and stop indexes (UTF-16 units),
 * lines and columns, the same {@code EOF}-typed token carrying a block comment or dollar quote left
 * open at end of input, and the same mode and open position afterwards ({@link #currentMode},
 * {@link #openLine}, {@link #openColumn}). {@code StrataLexer.g4} stays the specification: every
 * branch below names the rule it stands for, and {@code ScannerDifferentialTest} compares the two
 * token for token on every corpus of the repository and on generated input.
 *
 * <p>The rules, as ANTLR applies them: the longest match wins, and of two matches of the same
 * length the rule written first; a line ends at {@code \n} (a lone {@code \r} is a column); letters
 * are matched case-insensitively in ASCII only ({@code caseInsensitive} folds {@code [a-z]} and
 * literal letters with their ASCII twins, and {@code [\u0080-\uFFFF]} is already whole).
 *
 * <p>It reads the {@link String} in place (no copy of the text) and makes a token's text only when
 * it is asked for. One instance scans one text, on one thread. The keyword table is {@link
 * Keywords}; where a string, quoted identifier, dollar quote or number ends, {@link Literals}.
 */
final class StrataScanner implements TokenSource {
  private static final int HIDDEN = Token.HIDDEN_CHANNEL;

  private final String text;
  private final int n;
  private final StringCharStream input;
  private final Pair<TokenSource, CharStream> sourcePair;
  private TokenFactory<?> factory = CommonTokenFactory.DEFAULT;

  private int pos;
  private int line = 1;
  /** The index just after the last {@code \n} consumed: the column is {@code pos - lineStart}. */
  private int lineStart;
  private int mode = StrataLexer.DEFAULT_MODE;
  private boolean hitEof;
  private int openLine;
  private int openColumn;

  StrataScanner(String text) {
    this.text = text;
    this.n = text.length();
    this.input = new StringCharStream(text);
    this.sourcePair = new Pair<>(this, input);
  }

  /** 1-based line where the construct still open at end of input started. */
  int openLine() {
    return openLine;
  }

  /** 0-based column where the construct still open at end of input started. */
  int openColumn() {
    return openColumn;
  }

  /** The mode the lexer would be in: {@code StrataLexer.DEFAULT_MODE, COMMENT, DOLLAR or RAW}. */
  int currentMode() {
    return mode;
  }

  @Override
  public Token nextToken() {
    while (true) {
      if (hitEof || pos >= n) {
        hitEof = true;
        return make(Token.EOF, Token.DEFAULT_CHANNEL, n, n, line, n - lineStart);
      }
      Token token = mode == StrataLexer.RAW ? raw() : standard();
      if (token != null) {
        return token;
      }
    }
  }

  // ---- DEFAULT_MODE: one token, or null for a skipped one (blanks, newlines, block comments)

  private Token standard() {
    int start = pos;
    int startLine = line;
    int column = start - lineStart;
    char c = text.charAt(start);
    switch (c) {
      case ' ', '\t' -> {
        if (column == 0) {
          Token directive = directive(start, startLine);
          if (directive != null) {
            return directive;
          }
        }
        return space(start);
      }
      case '\f' -> {
        return space(start);
      }
      case '\n' -> {
        pos = start + 1;
        line++;
        lineStart = pos;
        return null;
      }
      case '\r' -> {
        // NEWLINE: '\r'? '\n' | '\r'
        if (start + 1 < n && text.charAt(start + 1) == '\n') {
          pos = start + 2;
          line++;
          lineStart = pos;
        } else {
          pos = start + 1;
        }
        return null;
      }
      case '-' -> {
        if (at(start + 1) == '-') {
          if (column == 0) {
            Token directive = directive(start, startLine);
            if (directive != null) {
              return directive;
            }
          }
          return emit(StrataLexer.LINE_COMMENT, HIDDEN, start, lineEnd(start + 2));
        }
        return emit(StrataLexer.OPERATOR, start, start + 1);
      }
      case '/' -> {
        if (at(start + 1) == '*') {
          return blockComment(start, startLine, column);
        }
        return emit(StrataLexer.OPERATOR, start, start + 1);
      }
      case '\'' -> {
        return quoted(start, '\'', StrataLexer.STRING, StrataLexer.UNTERMINATED_STRING);
      }
      case '"' -> {
        return quoted(start, '"', StrataLexer.QUOTED_IDENTIFIER,
            StrataLexer.UNTERMINATED_QUOTED_IDENTIFIER);
      }
      case '$' -> {
        return dollar(start, startLine, column);
      }
      case '.' -> {
        if (isDigit(at(start + 1))) {
          return number(start); // DECIMAL_VALUE: '.' [0-9]+ EXPONENT?
        }
        return emit(StrataLexer.DOT, start, start + 1);
      }
      case ';' -> {
        return emit(StrataLexer.SEMI, start, start + 1);
      }
      case '(' -> {
        return emit(StrataLexer.LPAREN, start, start + 1);
      }
      case ')' -> {
        return emit(StrataLexer.RPAREN, start, start + 1);
      }
      case '[' -> {
        return emit(StrataLexer.LBRACKET, start, start + 1);
      }
      case ']' -> {
        return emit(StrataLexer.RBRACKET, start, start + 1);
      }
      case ',' -> {
        return emit(StrataLexer.COMMA, start, start + 1);
      }
      case '=' -> {
        // EQ : '=' comes before OPERATOR, which wins only with a longer run ('=>', '==')
        int end = operatorRun(start);
        return emit(end == start + 1 ? StrataLexer.EQ : StrataLexer.OPERATOR, start, end);
      }
      case '<', '>', '!', '|', '&', '~', '^', '#', '@', '?', '%' -> {
        return emit(StrataLexer.OPERATOR, start, operatorRun(start));
      }
      case ':' -> {
        return emit(StrataLexer.OPERATOR, start, at(start + 1) == ':' ? start + 2 : start + 1);
      }
      case '+', '*', '{', '}' -> {
        return emit(StrataLexer.OPERATOR, start, start + 1);
      }
      default -> {
        if (isDigit(c)) {
          return number(start);
        }
        if (c == '\uFEFF') {
          // SPACE and IDENTIFIER both start with a byte-order mark: the longer wins, SPACE on a tie
          int space = spaceEnd(start);
          int word = wordEnd(start);
          if (word > space) {
            return emit(StrataLexer.IDENTIFIER, start, word);
          }
          pos = space;
          return null;
        }
        if (isIdentStart(c)) {
          if ((c == 'e' || c == 'E') && at(start + 1) == '\'') {
            return escapeString(start);
          }
          int end = wordEnd(start);
          return emit(Keywords.type(text, start, end), start, end);
        }
        return emit(StrataLexer.OTHER, start, start + 1);
      }
    }
  }

  /**
   * DIALECT_DIRECTIVE or DIRECTIVE at the start of a line ({@code atLineStart()}): {@code [ \t]*
   * '--' [ \t]* '+'} then a letter; null when the line is not one. Either runs to the end of the
   * line, as long as LINE_COMMENT, and comes first; DIALECT_DIRECTIVE only when {@code dialect} is
   * followed by a blank or the end of the line (else DIRECTIVE is longer or the same match later).
   */
  private Token directive(int start, int startLine) {
    int i = blanks(start);
    if (at(i) != '-' || at(i + 1) != '-') {
      return null;
    }
    i = blanks(i + 2);
    if (at(i) != '+') {
      return null;
    }
    i++;
    if (matchesWord(i, "dialect")) {
      int after = at(i + 7);
      if (after == -1 || after == '\r' || after == '\n') {
        return dialectDirective(start, startLine, i + 7);
      }
      if (after == ' ' || after == '\t') {
        return dialectDirective(start, startLine, lineEnd(i + 7));
      }
    }
    if (!isAsciiLetter(at(i))) {
      return null;
    }
    return emit(StrataLexer.DIRECTIVE, start, lineEnd(i));
  }

  private Token dialectDirective(int start, int startLine, int end) {
    openLine = startLine;
    openColumn = start - lineStart;
    mode = StrataLexer.RAW;
    return emit(StrataLexer.DIALECT_DIRECTIVE, start, end);
  }

  /** SPACE: [ \t\f\uFEFF]+, skipped. */
  private Token space(int start) {
    pos = spaceEnd(start);
    return null;
  }

  /**
   * COMMENT_START and mode COMMENT: nested block comments, skipped when closed; when still open at
   * end of input, the EOF-typed token the generated lexer emits for the pending text.
   */
  private Token blockComment(int start, int startLine, int column) {
    openLine = startLine;
    openColumn = column;
    int depth = 1;
    int i = start + 2;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (c == '*' && i + 1 < n && text.charAt(i + 1) == '/') {
        i += 2;
        if (--depth == 0) {
          consumeLines(start, i);
          return null;
        }
      } else {
        i++;
      }
    }
    return openAtEnd(StrataLexer.COMMENT, start, startLine, column);
  }

  /**
   * DOLLAR_START ({@code '$' TAG? '$'}) and mode DOLLAR up to the same tag (DOLLAR_STRING), else
   * PARAMETER ({@code '$' [0-9]+}) or OTHER.
   */
  private Token dollar(int start, int startLine, int column) {
    int c = at(start + 1);
    int close;
    if (c == '$') {
      close = start + 1;
    } else if (c >= 0 && isIdentStart((char) c)) {
      int i = start + 2;
      while (i < n && isTagPart(text.charAt(i))) {
        i++;
      }
      if (at(i) != '$') {
        return emit(StrataLexer.OTHER, start, start + 1);
      }
      close = i;
    } else if (isDigit(c)) {
      return emit(StrataLexer.PARAMETER, start, Literals.digitsEnd(text, start + 1));
    } else {
      return emit(StrataLexer.OTHER, start, start + 1);
    }
    openLine = startLine;
    openColumn = column;
    int end = Literals.dollarStringEnd(text, start, close + 1 - start);
    if (end < 0) {
      return openAtEnd(StrataLexer.DOLLAR, start, startLine, column);
    }
    Token token = make(StrataLexer.DOLLAR_STRING, Token.DEFAULT_CHANNEL, start, end, startLine,
        column);
    consumeLines(start, end);
    return token;
  }

  /**
   * What the generated lexer does when end of input comes in a mode entered with {@code more}: it
   * emits the pending text as a token of type EOF, stays in the mode and remembers where it opened.
   */
  private Token openAtEnd(int openMode, int start, int startLine, int column) {
    mode = openMode;
    openLine = startLine;
    openColumn = column;
    hitEof = true;
    Token token = make(Token.EOF, Token.DEFAULT_CHANNEL, start, n, startLine, column);
    consumeLines(start, n);
    return token;
  }

  /**
   * STRING or QUOTED_IDENTIFIER at {@code start} (the quote doubled inside), or its UNTERMINATED_
   * twin to the end of input ({@link Literals#quotedEnd}).
   */
  private Token quoted(int start, char quote, int closed, int open) {
    int end = Literals.quotedEnd(text, start + 1, quote);
    return end < 0 ? emitLines(open, start, n) : emitLines(closed, start, end);
  }

  /**
   * ESCAPE_STRING ({@code e'} with backslash escapes and doubled quotes) or
   * UNTERMINATED_ESCAPE_STRING ({@link Literals#escapeStringEnd}).
   */
  private Token escapeString(int start) {
    int end = Literals.escapeStringEnd(text, start);
    return end >= 0 ? emitLines(StrataLexer.ESCAPE_STRING, start, end)
        : emitLines(StrataLexer.UNTERMINATED_ESCAPE_STRING, start, ~end);
  }

  /**
   * INTEGER_VALUE or DECIMAL_VALUE at a digit or at a {@code .} before one ({@link
   * Literals#numberEnd}).
   */
  private Token number(int start) {
    int end = Literals.numberEnd(text, start);
    return emit(end == Literals.digitsEnd(text, start) ? StrataLexer.INTEGER_VALUE
        : StrataLexer.DECIMAL_VALUE, start, end);
  }

  // ---- RAW: lines skipped up to DIALECT_END

  private Token raw() {
    int start = pos;
    char c = text.charAt(start);
    if (c == '\r' || c == '\n') {
      // RAW_NEWLINE: [\r\n]+
      int i = start;
      while (i < n && (text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
        i++;
      }
      consumeLines(start, i);
      return null;
    }
    int end = lineEnd(start);
    // DIALECT_END: [ \t]* '--' [ \t]* '+end' ([ \t] ~[\r\n]*)? ; on a tie with RAW_LINE it wins
    int i = blanks(start);
    if (at(i) == '-' && at(i + 1) == '-') {
      i = blanks(i + 2);
      if (at(i) == '+' && matchesWord(i + 1, "end")) {
        int after = i + 4;
        if (after == end || text.charAt(after) == ' ' || text.charAt(after) == '\t') {
          mode = StrataLexer.DEFAULT_MODE;
          return emit(StrataLexer.DIALECT_END, start, end);
        }
      }
    }
    pos = end;
    return null;
  }

  // ---- tokens

  /** A one-line token {@code [start, end)} on the default channel; moves past it. */
  private Token emit(int type, int start, int end) {
    return emit(type, Token.DEFAULT_CHANNEL, start, end);
  }

  private Token emit(int type, int channel, int start, int end) {
    Token token = make(type, channel, start, end, line, start - lineStart);
    pos = end;
    return token;
  }

  /** A token that may span lines; moves past it, counting them. */
  private Token emitLines(int type, int start, int end) {
    Token token = make(type, Token.DEFAULT_CHANNEL, start, end, line, start - lineStart);
    consumeLines(start, end);
    return token;
  }

  private Token make(int type, int channel, int start, int end, int tokenLine, int column) {
    return factory.create(sourcePair, type, null, channel, start, end - 1, tokenLine, column);
  }

  /** Moves to {@code end}, counting the {@code \n} in {@code [start, end)}. */
  private void consumeLines(int start, int end) {
    for (int i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    pos = end;
  }

  // ---- characters

  /** The char at {@code i}, or -1 at or past the end. */
  private int at(int i) {
    return i < n ? text.charAt(i) : -1;
  }

  private int blanks(int i) {
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private int spaceEnd(int i) {
    while (i < n) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\f' && c != '\uFEFF') {
        break;
      }
      i++;
    }
    return i;
  }

  /** The end of the line at {@code i}: the next {@code \r} or {@code \n}, or the end of input. */
  private int lineEnd(int i) {
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /** IDENTIFIER: IDENT_START (IDENT_START | [0-9$])*, from an IDENT_START at {@code start}. */
  private int wordEnd(int start) {
    int i = start + 1;
    while (i < n) {
      char c = text.charAt(i);
      if (!isIdentStart(c) && !isDigit(c) && c != '$') {
        break;
      }
      i++;
    }
    return i;
  }

  /** {@code word} (lowercase ASCII letters) at {@code i}, in either case. */
  private boolean matchesWord(int i, String word) {
    if (i + word.length() > n) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char c = text.charAt(i + k);
      if (!isAsciiLetter(c) || (c | 0x20) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** IDENT_START: [a-z_\u0080-\uFFFF], case-insensitively. */
  private static boolean isIdentStart(char c) {
    return c >= 0x80 || isAsciiLetter(c) || c == '_';
  }

  /** TAG after its first char: IDENT_START or a digit. */
  private static boolean isTagPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  /** Operator chars of OPERATOR's run: [<>=!|&~^#@?%]+. */
  private int operatorRun(int i) {
    while (i < n) {
      switch (text.charAt(i)) {
        case '<', '>', '=', '!', '|', '&', '~', '^', '#', '@', '?', '%' -> i++;
        default -> {
          return i;
        }
      }
    }
    return i;
  }

  // ---- TokenSource

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getCharPositionInLine() {
    return pos - lineStart;
  }

  @Override
  public CharStream getInputStream() {
    return input;
  }

  @Override
  public String getSourceName() {
    return input.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    this.factory = factory;
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return factory;
  }
}
