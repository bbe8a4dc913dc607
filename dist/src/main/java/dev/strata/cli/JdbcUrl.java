package dev.strata.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL JDBC URL ({@code jdbc:postgresql://HOST[:PORT]/DATABASE?user=U&password=P}) that
 * knows its secrets: {@link #toString} and {@link #mask} never show a password, whether it is a
 * {@code password=} parameter or the {@code user:password@} part of the authority.
 *
 * @param url the URL as given
 */
record JdbcUrl(String url) {
  static final String PREFIX = "jdbc:postgresql:";
  static final String MASK = "***";
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;]password=)([^&;#]*)");
  private static final Pattern AUTHORITY_USER = Pattern.compile("^jdbc:postgresql://[^/?#]*@");
  private static final Pattern USER_INFO = Pattern.compile("^([^/]*//[^/@:?#]*:)([^/?#]*)@");

  /**
   * Checks the form.
   *
   * @throws IllegalArgumentException (its message masks the password) when {@code url} does not
   *     start with {@value #PREFIX}, or names the user before the host ({@code user:pw@host}), which
   *     the PostgreSQL JDBC driver does not read
   */
  JdbcUrl {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("'" + masked(url) + "' is not a PostgreSQL JDBC URL:"
          + " expected " + PREFIX + "//HOST:PORT/DATABASE?user=USER&password=PASSWORD");
    }
    if (AUTHORITY_USER.matcher(url).find()) {
      throw new IllegalArgumentException("'" + masked(url) + "' names the user before the host,"
          + " which the PostgreSQL JDBC driver does not read: write"
          + " //HOST:PORT/DATABASE?user=USER&password=PASSWORD");
    }
  }

  /**
   * The URL with every password replaced by {@value #MASK}, also where the same text stands
   * elsewhere in it (a user named after the password).
   */
  @Override
  public String toString() {
    return mask(url, url);
  }

  /** {@code text} (an error message, say) with every password of this URL replaced. */
  String mask(String text) {
    return mask(url, text == null ? "" : text);
  }

  /** {@code text} with every password of {@code url} replaced, and {@code url} itself masked. */
  static String mask(String url, String text) {
    String result = text.replace(url, masked(url));
    for (String secret : secrets(url)) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** {@code url} with its password parameter values and user-info password replaced. */
  static String masked(String url) {
    String result = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
    return USER_INFO.matcher(result).replaceFirst("$1" + Matcher.quoteReplacement(MASK) + "@");
  }

  /** The passwords written in {@code url}, as written and decoded, longest first. */
  private static List<String> secrets(String url) {
    List<String> found = new ArrayList<>();
    Matcher parameter = PASSWORD_PARAMETER.matcher(url);
    while (parameter.find()) {
      found.add(parameter.group(2));
    }
    Matcher userInfo = USER_INFO.matcher(url);
    if (userInfo.find()) {
      found.add(userInfo.group(2));
    }
    List<String> secrets = new ArrayList<>();
    for (String secret : found) {
      secrets.add(secret);
      secrets.add(decoded(secret));
    }
    return secrets.stream()
        .filter(s -> !s.isEmpty())
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  private static String decoded(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }
}
