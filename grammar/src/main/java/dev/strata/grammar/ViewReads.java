package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * The tables and views a view's query reads, found by scanning its tokens (the heuristic is stated
 * on {@link dev.strata.grammar.ast.ViewDefinition}): the name after each {@code FROM} and {@code
 * JOIN} (and {@code TABLE} of {@code TABLE t}), and after each comma at the same bracket depth up to the end of that {@code FROM} clause
 * ({@code WHERE}, {@code GROUP BY}, ... or the closing bracket), unless it is a common table
 * expression of the query, a function call or a subquery; a {@code FROM} inside a function call's
 * parentheses ({@code extract(year FROM at)}, {@code substring(s FROM 2)}) is not one.
 */
final class ViewReads {
  /** Words after which a {@code (} opens a subquery or a parenthesised join, not a call. */
  private static final Set<String> NOT_CALLS = Set.of("FROM", "JOIN", "IN", "EXISTS", "AS", "ANY",
      "ALL", "SOME", "LATERAL", "UNION", "INTERSECT", "EXCEPT", "SELECT", "WHERE", "ON", "AND",
      "OR", "NOT", "WITH", "RECURSIVE", "MATERIALIZED", "THEN", "ELSE", "WHEN");

  /** Words that cannot name a table where a {@code FROM} item starts. */
  private static final Set<String> CLAUSE_WORDS = Set.of("WHERE", "GROUP", "HAVING", "ORDER",
      "LIMIT", "OFFSET", "FETCH", "WINDOW", "UNION", "INTERSECT", "EXCEPT", "JOIN", "INNER",
      "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "USING", "FOR", "RETURNING", "WITH",
      "SELECT", "VALUES");

  /** Words after which a comma at the same depth no longer separates {@code FROM} items. */
  private static final Set<String> ENDS_FROM = Set.of("WHERE", "GROUP", "HAVING", "ORDER",
      "LIMIT", "OFFSET", "FETCH", "WINDOW", "UNION", "INTERSECT", "EXCEPT", "SELECT", "VALUES",
      "RETURNING", "FOR");

  private final List<Token> tokens;
  private final Names names;

  private ViewReads(List<Token> tokens, Names names) {
    this.tokens = tokens;
    this.names = names;
  }

  /** The names {@code tokens} (a query's default-channel tokens) read, in order, without repeats. */
  static List<QualifiedName> of(List<Token> tokens, Names names) {
    return new ViewReads(tokens, names).scan();
  }

  private List<QualifiedName> scan() {
    Set<String> cteNames = cteNames();
    Set<QualifiedName> found = new LinkedHashSet<>();
    Deque<Boolean> inCall = new ArrayDeque<>();
    // per bracket depth: whether a FROM list is open there, so that a comma starts another item
    Deque<Boolean> inFrom = new ArrayDeque<>(List.of(false));
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      switch (token.getType()) {
        case StrataLexer.LPAREN -> {
          inCall.push(isCall(i));
          inFrom.push(false);
        }
        case StrataLexer.RPAREN -> {
          if (!inCall.isEmpty()) {
            inCall.pop();
            inFrom.pop();
          }
        }
        case StrataLexer.COMMA -> {
          if (inFrom.peek()) {
            item(i + 1, cteNames, found);
          }
        }
        default -> {
          String word = token.getType() == StrataLexer.QUOTED_IDENTIFIER ? "" : upper(token);
          if ((word.equals("FROM") || word.equals("JOIN") || word.equals("TABLE")) && !Boolean.TRUE.equals(inCall.peek())) {
            inFrom.pop();
            inFrom.push(true);
            item(i + 1, cteNames, found);
          } else if (ENDS_FROM.contains(word)) {
            inFrom.pop();
            inFrom.push(false);
          }
        }
      }
    }
    return List.copyOf(found);
  }

  /** The item of a {@code FROM} list at {@code i}, when it names a table or view. */
  private void item(int i, Set<String> cteNames, Set<QualifiedName> found) {
    if (is(i, "ONLY") || is(i, "LATERAL")) {
      i++;
    }
    if (i >= tokens.size()) {
      return;
    }
    Optional<QualifiedName> name = nameAt(i);
    if (name.isEmpty()) {
      return;
    }
    int next = i + (name.get().schema().isPresent() ? 3 : 1);
    boolean call = next < tokens.size() && tokens.get(next).getType() == StrataLexer.LPAREN;
    if (!call && (name.get().schema().isPresent()
        || !cteNames.contains(fold(name.get().name())))) {
      found.add(name.get());
    }
  }

  /** The name at {@code i}: {@code name} or {@code schema.name}. */
  private Optional<QualifiedName> nameAt(int i) {
    if (!isName(tokens.get(i)) || is(i, upper(tokens.get(i)))
        && CLAUSE_WORDS.contains(upper(tokens.get(i)))) {
      return Optional.empty();
    }
    Identifier first = identifier(tokens.get(i));
    if (i + 2 < tokens.size() && tokens.get(i + 1).getType() == StrataLexer.DOT
        && isName(tokens.get(i + 2))) {
      return Optional.of(new QualifiedName(Optional.of(first), identifier(tokens.get(i + 2))));
    }
    return Optional.of(new QualifiedName(Optional.empty(), first));
  }

  /**
   * The names the query gives its common table expressions: a name followed by {@code AS (},
   * {@code AS [NOT] MATERIALIZED (} or {@code (columns) AS (}.
   */
  private Set<String> cteNames() {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if (!isName(tokens.get(i))) {
        continue;
      }
      int j = i + 1;
      if (tokens.get(j).getType() == StrataLexer.LPAREN) {
        j = afterBalanced(j);
      }
      if (!is(j, "AS")) {
        continue;
      }
      j++;
      if (is(j, "NOT")) {
        j++;
      }
      if (is(j, "MATERIALIZED")) {
        j++;
      }
      if (j < tokens.size() && tokens.get(j).getType() == StrataLexer.LPAREN) {
        out.add(fold(identifier(tokens.get(i))));
      }
    }
    return out;
  }

  /** Whether the {@code (} at {@code i} opens a function call's arguments. */
  private boolean isCall(int i) {
    if (i == 0 || !isName(tokens.get(i - 1)) || NOT_CALLS.contains(upper(tokens.get(i - 1)))) {
      return false;
    }
    return !(is(i + 1, "SELECT") || is(i + 1, "WITH") || is(i + 1, "VALUES"));
  }

  /** The index after the bracket that closes the one at {@code i}. */
  private int afterBalanced(int i) {
    int depth = 0;
    for (int j = i; j < tokens.size(); j++) {
      int type = tokens.get(j).getType();
      if (type == StrataLexer.LPAREN || type == StrataLexer.LBRACKET) {
        depth++;
      } else if ((type == StrataLexer.RPAREN || type == StrataLexer.RBRACKET) && --depth == 0) {
        return j + 1;
      }
    }
    return tokens.size();
  }

  private boolean is(int i, String word) {
    return i < tokens.size() && tokens.get(i).getType() != StrataLexer.QUOTED_IDENTIFIER
        && upper(tokens.get(i)).equals(word);
  }

  private Identifier identifier(Token token) {
    return names.identifier(token);
  }

  private static boolean isName(Token token) {
    return token.getType() == StrataLexer.QUOTED_IDENTIFIER
        || token.getText().matches("[A-Za-z_\\u0080-\\uFFFF][A-Za-z0-9_$\\u0080-\\uFFFF]*");
  }

  /** A name as PostgreSQL compares it: unquoted names fold to lowercase. */
  private static String fold(Identifier identifier) {
    return identifier.quoted() ? identifier.value() : identifier.value().toLowerCase(Locale.ROOT);
  }

  private static String upper(Token token) {
    return token.getText().toUpperCase(Locale.ROOT);
  }
}
