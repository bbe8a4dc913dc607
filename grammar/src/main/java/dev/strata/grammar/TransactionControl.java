package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Finds {@code COMMIT} and {@code ROLLBACK} statements in a PL/pgSQL body, which PostgreSQL
 * refuses when the block runs inside a transaction block ("invalid transaction termination").
 * The body is lexed as SQL, so the words inside strings, quoted names, dollar quotes and comments
 * never count; a word counts where a PL/pgSQL statement starts (at the start, after {@code ;} or
 * after {@code BEGIN}, {@code THEN}, {@code ELSE}, {@code LOOP}) and the statement ends right
 * after it ({@code ;}, or {@code AND [NO] CHAIN}).
 */
final class TransactionControl {
  private static final Set<String> STATEMENT_STARTS = Set.of("BEGIN", "THEN", "ELSE", "LOOP");

  private TransactionControl() {}

  /** Whether {@code body} runs {@code COMMIT} or {@code ROLLBACK} as a statement. */
  static boolean in(String body) {
    List<Token> tokens = new ArrayList<>();
    for (Token token : Tokenizer.drain(Tokenizer.lexer(body))) {
      if (token.getChannel() == Token.DEFAULT_CHANNEL) {
        tokens.add(token);
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      String word = upper(tokens.get(i));
      if (!word.equals("COMMIT") && !word.equals("ROLLBACK")) {
        continue;
      }
      boolean starts = i == 0 || tokens.get(i - 1).getType() == StrataLexer.SEMI
          || STATEMENT_STARTS.contains(upper(tokens.get(i - 1)));
      boolean ends = i + 1 == tokens.size() || tokens.get(i + 1).getType() == StrataLexer.SEMI
          || upper(tokens.get(i + 1)).equals("AND");
      if (starts && ends) {
        return true;
      }
    }
    return false;
  }

  private static String upper(Token token) {
    String text = token.getText();
    return text.matches("[A-Za-z_][A-Za-z0-9_$]*") ? text.toUpperCase(Locale.ROOT) : "";
  }
}
