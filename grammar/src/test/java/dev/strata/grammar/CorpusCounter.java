package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Measures how many statements of a plain SQL migration file (as a migration tool's up-migration
 * holds it) strata's language accepts, one statement at a time.
 *
 * <p>The file is split into statements with strata's own lexer ({@link Tokenizer}), so a {@code ;}
 * inside a string, quoted identifier, dollar quote or comment never splits. Comments and tool
 * markers that look like directives ({@code -- +goose Up}) between statements are dropped. Each
 * statement is then wrapped alone as a revision ({@link #wrap}) and parsed by {@link
 * RevisionFileParser}: it is <em>accepted</em> when it parses into exactly one statement whose
 * operation is not {@link Operation.RawSql}, and <em>rejected</em> when the parser reports a
 * diagnostic. Text after the last {@code ;} (a statement without its {@code ;}, or an unterminated
 * dollar quote that swallowed the rest of the file) is one more statement, wrapped and parsed the
 * same way, so it is counted (rejected with its diagnostic) rather than lost.
 */
final class CorpusCounter {
  private CorpusCounter() {}

  /** The start of the group of a statement on which the parser threw instead of reporting. */
  static final String INTERNAL_ERROR = "internal error: ";

  /** One statement of a corpus file, where it starts, and the verdict of the parser on it. */
  record Verdict(String project, String file, int line, String sql, Optional<String> rejection,
      Optional<String> diagnostic) {
    Verdict {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(sql, "sql");
      Objects.requireNonNull(rejection, "rejection");
      Objects.requireNonNull(diagnostic, "diagnostic");
    }

    boolean accepted() {
      return rejection.isEmpty();
    }
  }

  /** A statement cut from a file: its text (from its first token to its {@code ;}) and line. */
  record Piece(String sql, int line) {}

  /** The statements of {@code text}, in order (never an empty or comment-only one). */
  static List<Piece> split(String path, String text) {
    SourceText source = new SourceText(new SourceFile(path, text));
    List<Token> tokens = Tokenizer.tokenize(source).list();
    List<Piece> pieces = new ArrayList<>();
    Token start = null;
    for (Token token : tokens) {
      boolean between = start == null;
      if (between && isCommentOrMarker(token)) {
        continue;
      }
      if (between) {
        start = token;
      }
      if (token.getType() == StrataLexer.SEMI) {
        pieces.add(new Piece(text.substring(start.getStartIndex(), token.getStopIndex() + 1),
            start.getLine()));
        start = null;
      }
    }
    if (start != null) {
      String rest = text.substring(start.getStartIndex()).stripTrailing();
      pieces.add(new Piece(rest, start.getLine()));
    }
    return pieces;
  }

  private static boolean isCommentOrMarker(Token token) {
    return switch (token.getType()) {
      case StrataLexer.LINE_COMMENT, StrataLexer.DIRECTIVE -> true;
      default -> false;
    };
  }

  /** {@code sql} alone as the upgrade of a first revision whose downgrade is irreversible. */
  static String wrap(String sql) {
    return "-- revision: corpus\n-- revises: base\n\n-- +upgrade\n" + sql
        + "\n\n-- +downgrade\n-- +irreversible\n";
  }

  /** The verdict on every statement of one corpus file. */
  static List<Verdict> measure(String project, String file, String text) {
    RevisionFileParser parser = new RevisionFileParser();
    List<Verdict> verdicts = new ArrayList<>();
    for (Piece piece : split(project + "/" + file, text)) {
      verdicts.add(judge(parser, project, file, piece));
    }
    return verdicts;
  }

  private static Verdict judge(RevisionFileParser parser, String project, String file, Piece piece) {
    SourceFile wrapped = new SourceFile(project + "/" + file, wrap(piece.sql()));
    try {
      RevisionFile revision = parser.parse(wrapped);
      List<Statement> statements = revision.upgrade().statements();
      if (statements.size() != 1) {
        return rejected(project, file, piece, "parsed into " + statements.size() + " statements",
            "");
      }
      if (statements.getFirst().operation() instanceof Operation.RawSql) {
        return rejected(project, file, piece, "parsed as raw SQL", "");
      }
      return new Verdict(project, file, piece.line(), piece.sql(), Optional.empty(),
          Optional.empty());
    } catch (DiagnosticException e) {
      Diagnostic first = e.diagnostics().getFirst();
      return rejected(project, file, piece, construct(piece.sql(), first), e.format());
    } catch (RuntimeException bug) {
      // A parser bug, not a verdict on the statement: counted as rejected under its own group,
      // which CorpusAcceptanceTest refuses outright.
      return rejected(project, file, piece, INTERNAL_ERROR + bug.getClass().getSimpleName(),
          String.valueOf(bug));
    }
  }

  private static Verdict rejected(
      String project, String file, Piece piece, String rejection, String diagnostic) {
    return new Verdict(project, file, piece.line(), piece.sql(), Optional.of(rejection),
        Optional.of(diagnostic));
  }

  /**
   * The group a rejection is counted in: the diagnostic's code and message, cut before its list of
   * expected tokens, with a quoted keyword upper-cased (so {@code 'serial'} and {@code 'SERIAL'} are
   * one group) and, in a syntax error, a quoted plain name replaced by {@code a name} (so every
   * user-defined type name after a column name is one group). A syntax error (E0101) names only the token it stopped at, so the statement's two
   * leading words are put before it ({@code CREATE TABLE: [E0101] unexpected 'SERIAL'}).
   */
  static String construct(String sql, Diagnostic diagnostic) {
    String message = diagnostic.message();
    int expected = message.indexOf(", expected ");
    if (expected >= 0) {
      message = message.substring(0, expected);
    }
    boolean syntaxError = diagnostic.code().equals("E0101");
    message = upperQuotedWord(message, syntaxError);
    String group = "[" + diagnostic.code() + "] " + message;
    return syntaxError ? leadingWords(sql) + ": " + group : group;
  }

  private static String upperQuotedWord(String message, boolean nameToGroup) {
    int open = message.indexOf('\'');
    int close = open < 0 ? -1 : message.indexOf('\'', open + 1);
    if (close < 0) {
      return message;
    }
    String quoted = message.substring(open + 1, close);
    if (!quoted.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return message;
    }
    if (nameToGroup && isPlainName(quoted)) {
      return message.substring(0, open) + "a name" + message.substring(close + 1);
    }
    return message.substring(0, open + 1) + quoted.toUpperCase(Locale.ROOT)
        + message.substring(close);
  }

  /**
   * PostgreSQL keywords and built-in type names that strata's lexer reads as plain identifiers: a
   * rejection at one of them names a construct, so it keeps its own group.
   */
  private static final Set<String> POSTGRES_WORDS = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL",
      "SERIAL2", "SERIAL4", "SERIAL8", "INET", "CIDR", "MACADDR", "TSVECTOR", "TSQUERY", "CITEXT",
      "FLOAT", "FLOAT4", "FLOAT8", "MONEY", "XML", "BIT", "VARBIT", "INTERVAL", "INT2", "INT4",
      "INT8", "HSTORE", "LTREE", "POINT", "GEOMETRY", "GEOGRAPHY", "OID", "REGCLASS", "NAME",
      "BPCHAR", "DATERANGE", "TSTZRANGE", "INT4RANGE", "INT8RANGE", "NUMRANGE", "TSRANGE", "VECTOR",
      "ONLY", "USING", "FROM", "AS", "RETURNING", "COLLATE", "CONCURRENTLY", "OWNED", "INHERITS",
      "PARTITION", "WITH", "TABLESPACE", "DEFERRABLE", "INITIALLY", "MATCH", "VALID", "INCLUDE",
      "NULLS", "OWNER", "ENABLE", "DISABLE", "INHERIT", "OF", "LIKE", "EXCLUDE", "ATTACH",
      "DETACH", "VALIDATE", "STORAGE", "STATISTICS", "CLUSTER", "REPLICA", "SECURITY", "FORCE",
      "LEVEL", "ROW", "UNLOGGED", "LOGGED", "CONFLICT", "ON", "DO", "NOTHING", "ARRAY", "RENAME",
      "CONSTRAINT", "INDEX", "TRIGGER", "RULE");

  /**
   * Whether strata's lexer reads {@code word} as a plain identifier, not a keyword, and it is no
   * PostgreSQL word of {@link #POSTGRES_WORDS}.
   */
  private static boolean isPlainName(String word) {
    if (POSTGRES_WORDS.contains(word.toUpperCase(Locale.ROOT))) {
      return false;
    }
    SourceText text = new SourceText(new SourceFile("<word>", word));
    List<Token> tokens = Tokenizer.tokenize(text).list();
    return tokens.size() == 1 && tokens.getFirst().getType() == StrataLexer.IDENTIFIER;
  }

  private static String leadingWords(String sql) {
    String[] words = sql.strip().split("[\\s(;]+", 3);
    return (words.length >= 2 ? words[0] + " " + words[1] : words[0]).toUpperCase(Locale.ROOT);
  }
}
