package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * What the diagnostics say about a construct outside the language: its name, recognised from the
 * statement's words, and the {@code -- +dialect postgresql} block that would carry the statement
 * as written. Used by E0111 (a statement strata does not parse at all) and E0101 (a statement
 * strata parses, with a clause it does not, such as {@code INHERITS} in a {@code CREATE TABLE}).
 */
final class OutsideLanguage {
  /** The note that points at the reference instead of listing what the language has. */
  static final String REFERENCE_NOTE =
      "note: docs/language.md lists every statement strata parses, neutral and PostgreSQL-only";

  /**
   * Clauses of statements strata parses that it does not, by the word at which the parse fails;
   * the name is what a person would look up.
   */
  private static final Map<String, String> CLAUSES = Map.ofEntries(
      Map.entry("INHERITS", "table inheritance (INHERITS)"),
      Map.entry("INHERIT", "ALTER TABLE ... INHERIT"),
      Map.entry("TABLESPACE", "a TABLESPACE clause"),
      Map.entry("CLUSTER", "ALTER TABLE ... CLUSTER ON"),
      Map.entry("REPLICA", "ALTER TABLE ... REPLICA IDENTITY"),
      Map.entry("STATISTICS", "ALTER COLUMN ... SET STATISTICS"),
      Map.entry("STORAGE", "ALTER COLUMN ... SET STORAGE"),
      Map.entry("COMPRESSION", "a column's COMPRESSION"),
      Map.entry("LOGGED", "ALTER TABLE ... SET LOGGED"),
      Map.entry("OF", "a typed table (CREATE TABLE ... OF type)"),
      Map.entry("RULE", "a rule"));

  /**
   * The same for a word that starts an item of a parenthesised list (a CREATE TABLE element) or
   * follows ALTER TABLE's ADD, where the parser took it for a column name.
   */
  private static final Map<String, String> LIST_ITEMS = Map.of(
      "LIKE", "CREATE TABLE ... (LIKE ...)");

  /** The same for the word after {@code SET} (or {@code SET SESSION}, {@code SET LOCAL}). */
  private static final Map<String, String> SET_FORMS = Map.of(
      "ROLE", "SET ROLE",
      "AUTHORIZATION", "SET SESSION AUTHORIZATION",
      "TRANSACTION", "SET TRANSACTION",
      "CONSTRAINTS", "SET CONSTRAINTS",
      "CHARACTERISTICS", "SET SESSION CHARACTERISTICS");

  /** Words that, after the verb and its modifiers, name a kind of object together. */
  private static final List<List<String>> PHRASES = List.of(
      List.of("EVENT", "TRIGGER"),
      List.of("TEXT", "SEARCH", "CONFIGURATION"),
      List.of("TEXT", "SEARCH", "DICTIONARY"),
      List.of("TEXT", "SEARCH", "PARSER"),
      List.of("TEXT", "SEARCH", "TEMPLATE"),
      List.of("FOREIGN", "DATA", "WRAPPER"),
      List.of("USER", "MAPPING"),
      List.of("OPERATOR", "CLASS"),
      List.of("OPERATOR", "FAMILY"),
      List.of("ACCESS", "METHOD"),
      List.of("LABEL"),
      List.of("FOREIGN", "SCHEMA"));

  private static final int MAX_SHOWN = 200;

  private OutsideLanguage() {}

  /**
   * The construct at the offending token of a failed parse of {@code statement}, when it is one
   * strata knows it does not parse; empty for a plain mistake (a missing comma, a misspelt
   * keyword). The word before the offending token counts too when it starts a list item or
   * follows {@code SET}: {@code (LIKE orders ...)} and {@code SET ROLE admin} fail one word later,
   * where the parser took the word for a column or setting name.
   */
  static Optional<String> clauseAt(List<Token> statement, Token offending) {
    Optional<String> here = clause(CLAUSES, offending);
    int at = statement.indexOf(offending);
    if (here.isPresent() || at < 1) {
      return here;
    }
    // a reserved word (LIKE) fails where the list item starts
    if (isListItemStart(statement.get(at - 1))) {
      here = clause(LIST_ITEMS, offending);
    }
    if (here.isPresent() || at < 2) {
      return here;
    }
    Token word = statement.get(at - 1);
    return switch (statement.get(at - 2).getType()) {
      case StrataLexer.LPAREN, StrataLexer.COMMA, StrataLexer.ADD -> clause(LIST_ITEMS, word);
      case StrataLexer.SET, StrataLexer.SESSION, StrataLexer.LOCAL -> clause(SET_FORMS, word);
      default -> Optional.empty();
    };
  }
  private static boolean isListItemStart(Token previous) {
    return previous.getType() == StrataLexer.LPAREN || previous.getType() == StrataLexer.COMMA
        || previous.getType() == StrataLexer.ADD;
  }


  private static Optional<String> clause(Map<String, String> names, Token token) {
    if (token.getType() == Token.EOF || token.getType() == StrataLexer.QUOTED_IDENTIFIER) {
      return Optional.empty();
    }
    return Optional.ofNullable(names.get(token.getText().toUpperCase(Locale.ROOT)));
  }

  /**
   * The index of the last word of a multi-word kind that {@code last} (the last leading word found
   * so far) starts, ends or precedes: {@code CREATE EVENT} + {@code TRIGGER}, {@code CREATE FOREIGN
   * DATA} + {@code WRAPPER}, {@code IMPORT} + {@code FOREIGN SCHEMA}; {@code last} itself when
   * there is none.
   */
  static int extendPhrase(List<Token> tokens, int last) {
    int end = last;
    for (int start = Math.max(1, last - 1); start <= last + 1; start++) {
      for (List<String> phrase : PHRASES) {
        if (matches(tokens, start, phrase)) {
          end = Math.max(end, start + phrase.size() - 1);
        }
      }
    }
    return end;
  }

  private static boolean matches(List<Token> tokens, int from, List<String> words) {
    for (int k = 0; k < words.size(); k++) {
      int i = from + k;
      if (i >= tokens.size() || !tokens.get(i).getText().equalsIgnoreCase(words.get(k))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the statement is {@code COPY ... FROM stdin}, whose rows follow it as psql data. */
  static boolean copyFromStdin(List<Token> tokens) {
    if (!tokens.getFirst().getText().equalsIgnoreCase("COPY")) {
      return false;
    }
    for (int i = 1; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).getType() == StrataLexer.FROM
          && tokens.get(i + 1).getText().equalsIgnoreCase("stdin")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The help line that shows the block carrying the statement {@code first} ... {@code semi} as
   * written for PostgreSQL: its first line (cut when long, {@code ...} when it goes on), between
   * the directive lines.
   */
  static String blockHelp(SourceText source, Token first, Token semi) {
    String text = source.text(first, semi);
    int lineEnd = text.indexOf('\n');
    String shown = lineEnd < 0 ? text : text.substring(0, lineEnd).stripTrailing() + " ...";
    if (shown.length() > MAX_SHOWN) {
      shown = shown.substring(0, MAX_SHOWN) + " ...";
    }
    String indent = "\n          ";
    return "help: to run it as written on PostgreSQL, put the statement in a dialect block:"
        + indent + "-- +dialect postgresql" + indent + shown + indent + "-- +end";
  }
}
