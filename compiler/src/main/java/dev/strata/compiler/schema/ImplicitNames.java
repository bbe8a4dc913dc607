package dev.strata.compiler.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names PostgreSQL gives to objects created without one, as its {@code makeObjectName},
 * {@code ChooseRelationName}, {@code ChooseConstraintName}, {@code ChooseIndexNameAddition} and
 * {@code ChooseIndexColumnNames} (src/backend/commands/indexcmds.c, catalog/pg_constraint.c)
 * choose them:
 *
 * <ul>
 *   <li>{@code name1_name2_label}, where {@code name2} (the columns, joined with {@code _}) may be
 *       absent; when the whole is longer than 63 bytes ({@code NAMEDATALEN - 1}), the longer of
 *       {@code name1} and {@code name2} is cut one byte at a time until it fits (never inside a
 *       UTF-8 character);
 *   <li>when the name is taken, the label gets a number: {@code t_a_key1}, {@code t_a_key2}, ...
 * </ul>
 *
 * <p>Labels: {@code pkey} (primary key, no columns), {@code key} (unique constraint), {@code excl}
 * (exclusion constraint), {@code idx} (index, unique or not), {@code fkey} (foreign key), {@code
 * check} (the one column a check reads, else none), {@code seq} (the sequence of a {@code SERIAL}
 * or identity column).
 */
public final class ImplicitNames {
  /** PostgreSQL's {@code NAMEDATALEN - 1}: the longest name, in bytes. */
  public static final int MAX_BYTES = 63;

  private static final Pattern CALL =
      Pattern.compile("^\\s*(?:[A-Za-z_][A-Za-z0-9_$]*\\s*\\.\\s*)*([A-Za-z_][A-Za-z0-9_$]*)\\s*\\(");

  private ImplicitNames() {}

  /** PostgreSQL's {@code makeObjectName(name1, name2, label)}. */
  public static String make(String name1, String name2, String label) {
    int overhead = 0;
    if (name2 != null) {
      overhead++;
    }
    if (label != null) {
      overhead += bytes(label) + 1;
    }
    int available = MAX_BYTES - overhead;
    int chars1 = bytes(name1);
    int chars2 = name2 == null ? 0 : bytes(name2);
    while (chars1 + chars2 > available) {
      if (chars1 > chars2) {
        chars1--;
      } else {
        chars2--;
      }
    }
    StringBuilder out = new StringBuilder(clip(name1, chars1));
    if (name2 != null) {
      out.append('_').append(clip(name2, chars2));
    }
    if (label != null) {
      out.append('_').append(label);
    }
    return out.toString();
  }

  /**
   * PostgreSQL's {@code ChooseRelationName} / {@code ChooseConstraintName}: {@link #make} with the
   * label numbered ({@code label1}, {@code label2}, ...) until {@code taken} says no.
   */
  public static String choose(String name1, String name2, String label, Predicate<String> taken) {
    String candidate = make(name1, name2, label);
    for (int pass = 1; taken.test(candidate); pass++) {
      candidate = make(name1, name2, label + pass);
    }
    return candidate;
  }

  /**
   * PostgreSQL's {@code ChooseIndexNameAddition}: the column names joined with {@code _}, cut
   * once the result reaches 64 bytes; {@code null} for no columns.
   */
  public static String columns(List<String> names) {
    if (names.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      if (!out.isEmpty()) {
        out.append('_');
      }
      out.append(clip(name, Math.min(bytes(name), MAX_BYTES)));
      if (bytes(out.toString()) >= MAX_BYTES + 1) {
        break;
      }
    }
    return out.toString();
  }

  /**
   * PostgreSQL's {@code ChooseIndexColumnNames}: an expression key is named after the function it
   * calls ({@code lower(email)} is {@code lower}) or {@code expr}; a name used twice gets a number
   * ({@code expr}, {@code expr1}).
   *
   * @param keys a column name, or null for an expression (then {@code expressions} holds its text)
   */
  public static List<String> indexColumns(List<String> keys, List<String> expressions) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String base = keys.get(i) != null ? keys.get(i) : expressionName(expressions.get(i));
      String name = base;
      for (int n = 1; out.contains(name); n++) {
        String suffix = Integer.toString(n);
        name = clip(base, Math.min(bytes(base), MAX_BYTES - suffix.length())) + suffix;
      }
      out.add(name);
    }
    return out;
  }

  /** The name PostgreSQL's {@code FigureIndexColname} gives an expression key. */
  static String expressionName(String expression) {
    String text = expression.strip();
    while (text.startsWith("(") && text.endsWith(")")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    Matcher call = CALL.matcher(text);
    return call.find() ? call.group(1).toLowerCase(Locale.ROOT) : "expr";
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The longest prefix of {@code s} of at most {@code max} UTF-8 bytes ({@code pg_mbcliplen}). */
  static String clip(String s, int max) {
    int used = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > max) {
        break;
      }
      used += size;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
