package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword rules (a lexer rule that is one literal word, such as {@code CREATE : 'create'}),
 * found in the token vocabulary the grammar generates, in an open-addressing table looked up
 * without making a string: the word is folded to lowercase ASCII as it is hashed, as the
 * grammar's {@code caseInsensitive} option matches letters. {@link StrataScanner} asks it for the
 * type of a whole IDENTIFIER-shaped word: a keyword rule comes before IDENTIFIER in {@code
 * StrataLexer.g4}, so it wins a match of the same length, and IDENTIFIER wins a longer one.
 */
final class Keywords {
  private static final int SIZE = 1024;
  private static final String[] WORDS = new String[SIZE];
  private static final int[] TYPES = new int[SIZE];
  private static final int MAX_LENGTH;

  static {
    int longest = 0;
    for (Keyword keyword : all()) {
      String word = keyword.word();
      int slot = hash(word, 0, word.length()) & (SIZE - 1);
      while (WORDS[slot] != null) {
        slot = (slot + 1) & (SIZE - 1);
      }
      WORDS[slot] = word;
      TYPES[slot] = keyword.type();
      longest = Math.max(longest, word.length());
    }
    MAX_LENGTH = longest;
  }

  private Keywords() {}

  /** A keyword rule: its lowercase word and its token type. */
  record Keyword(String word, int type) {}

  /**
   * Every keyword rule of the vocabulary, from the token table ANTLR writes beside the
   * generated lexer ({@code StrataLexer.tokens}, a resource of this jar: lines {@code NAME=type}
   * and {@code 'literal'=type}): neither the lexer's nor the parser's serialized ATN is loaded,
   * so a command that reads headers only never pays for the statement parser.
   *
   * @throws IllegalStateException when the table is missing from the jar (a broken build)
   */
  static List<Keyword> all() {
    List<Keyword> keywords = new ArrayList<>();
    try (var in = Keywords.class.getResourceAsStream("antlr/StrataLexer.tokens")) {
      if (in == null) {
        throw new IllegalStateException("StrataLexer.tokens is missing from the grammar jar");
      }
      String table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      for (String line : table.split("\n")) {
        int eq = line.lastIndexOf('=');
        if (eq > 2 && line.charAt(0) == '\'' && line.charAt(eq - 1) == '\'') {
          String word = line.substring(1, eq - 1);
          if (word.matches("[a-z][a-z0-9_]*")) {
            keywords.add(new Keyword(word, Integer.parseInt(line.substring(eq + 1).trim())));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return keywords;
  }

  /** The keyword type of the word {@code [start, end)}, or IDENTIFIER. */
  static int type(String text, int start, int end) {
    int length = end - start;
    if (length > MAX_LENGTH) {
      return StrataLexer.IDENTIFIER;
    }
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 0x80) {
        return StrataLexer.IDENTIFIER;
      }
    }
    int slot = hash(text, start, end) & (SIZE - 1);
    while (true) {
      String word = WORDS[slot];
      if (word == null) {
        return StrataLexer.IDENTIFIER;
      }
      if (word.length() == length && sameFolded(word, text, start)) {
        return TYPES[slot];
      }
      slot = (slot + 1) & (SIZE - 1);
    }
  }

  private static boolean sameFolded(String word, String text, int start) {
    for (int k = 0; k < word.length(); k++) {
      if (fold(text.charAt(start + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int hash(String text, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + fold(text.charAt(i));
    }
    return h ^ (h >>> 7);
  }

  /** ASCII letters to lowercase, every other char as it is. */
  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
