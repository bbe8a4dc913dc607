package dev.strata.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database {@code strata status --db} and {@code --from-db} read, as a JDBC URL that knows its
 * engine and its secrets: {@link #toString} and {@link #mask} never show a password, whether it is
 * a {@code password=} parameter or the {@code user:password@} part of the authority.
 *
 * <p>The forms ({@link Engine}): {@code jdbc:postgresql://HOST[:PORT]/DATABASE?user=U&password=P};
 * {@code jdbc:mariadb://HOST[:PORT]/DATABASE?user=U&password=P} or the same with {@code
 * jdbc:mysql:} (both read with MariaDB Connector/J, which takes {@code jdbc:mysql:} only with its
 * {@code permitMysqlScheme} flag: {@link #driverUrl} gives it); {@code jdbc:sqlite:PATH}, or a
 * bare {@code PATH} ending in {@code .db}, {@code .sqlite} or {@code .sqlite3} (read with xerial
 * sqlite-jdbc, read-only: a missing file is reported, never created). Besides, the connection
 * URIs of libpq ({@code postgresql://[USER[:PASSWORD]@][HOST][:PORT][/DATABASE][?PARAMS]}, or
 * {@code postgres://}) and their MariaDB/MySQL counterparts ({@code mariadb://}, {@code mysql://}):
 * {@link ConnectionUri}.
 *
 * <p>The password of a PostgreSQL database is, as for {@code psql}: the one in the URL, else
 * {@code PGPASSWORD} ({@code ambientPassword}), else the PostgreSQL JDBC driver's own lookup in
 * {@code PGPASSFILE} or {@code ~/.pgpass} (the driver's {@code PgPassParser}, libpq's format and
 * matching rules), else none. It is never required on the command line.
 *
 * @param url the URL (or SQLite file path) as given
 * @param ambientPassword {@code PGPASSWORD} for a PostgreSQL URL without a password of its own
 * @param defaultUser the user of a connection URI that names none: {@code PGUSER}, else the
 *     operating-system user, as libpq's
 */
record JdbcUrl(String url, Optional<String> ambientPassword, String defaultUser) {
  static final String PREFIX = "jdbc:postgresql:";
  static final String MARIADB_PREFIX = "jdbc:mariadb:";
  static final String MYSQL_PREFIX = "jdbc:mysql:";
  static final String SQLITE_PREFIX = "jdbc:sqlite:";
  static final String MASK = "***";
  /** The URL forms, for the usage error of a URL that has none of them. */
  static final String FORMS = "postgresql://USER@HOST:PORT/DATABASE (as psql takes it),"
      + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD,"
      + " mariadb://USER@HOST:PORT/DATABASE (or mysql://...),"
      + " jdbc:mariadb://HOST:PORT/DATABASE?user=USER&password=PASSWORD (or jdbc:mysql://...),"
      + " jdbc:sqlite:PATH, or the PATH of an SQLite file ending in .db, .sqlite or .sqlite3";
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;]password=)([^&;#]*)");
  private static final Pattern AUTHORITY_USER = Pattern.compile("^jdbc:postgresql://[^/?#]*@");
  private static final Pattern USER_INFO = Pattern.compile("^([^/]*//[^/@:?#]*:)([^/?#]*)@");
  /** {@code jdbc:mariadb:[mode:]//AUTHORITY/DATABASE[?...]}: the database path is required. */
  private static final Pattern MARIADB_DATABASE =
      Pattern.compile("^jdbc:(?:mariadb|mysql):(?:[a-z]+:)?//[^/?#]*/([^/?#;]+)");
  private static final Pattern SQLITE_FILE = Pattern.compile("(?i).+\\.(db|sqlite|sqlite3)");

  /** The database engines strata reads, each with its JDBC driver. */
  enum Engine {
    /** PostgreSQL, through the PostgreSQL JDBC driver. */
    POSTGRESQL,
    /** MariaDB or MySQL, through MariaDB Connector/J: the version table is in the URL's database. */
    MARIADB,
    /** An SQLite file, through xerial sqlite-jdbc, opened read-only. */
    SQLITE
  }

  /**
   * Checks the form.
   *
   * @throws IllegalArgumentException (its message masks the password) when {@code url} has none
   *     of the forms above; when a PostgreSQL URL names the user before the host ({@code
   *     user:pw@host}), which the PostgreSQL JDBC driver does not read; when a MariaDB/MySQL URL
   *     names no database (the version table lives in one); when an SQLite URL names no file or an
   *     in-memory database (which has no version table)
   */
  JdbcUrl {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(ambientPassword, "ambientPassword");
    Objects.requireNonNull(defaultUser, "defaultUser");
    if (ConnectionUri.isUri(url)) {
      ConnectionUri.parse(url); // checks the form
      if (ambientPassword.isPresent() && ConnectionUri.parse(url).password().isPresent()) {
        ambientPassword = Optional.empty();
      }
    } else if (PASSWORD_PARAMETER.matcher(url).find()) {
      ambientPassword = Optional.empty();
    }
    switch (engineOf(url)) {
      case POSTGRESQL -> {
        if (AUTHORITY_USER.matcher(url).find()) {
          throw new IllegalArgumentException("'" + masked(url) + "' names the user before the"
              + " host, which the PostgreSQL JDBC driver does not read: write"
              + " //HOST:PORT/DATABASE?user=USER&password=PASSWORD");
        }
      }
      case MARIADB -> {
        if (!ConnectionUri.isUri(url) && !MARIADB_DATABASE.matcher(url).find()) {
          throw new IllegalArgumentException("'" + masked(url) + "' names no database, and the"
              + " version table lives in one: write " + url.substring(0, url.indexOf(':', 5) + 1)
              + "//HOST:PORT/DATABASE?user=USER&password=PASSWORD");
        }
      }
      case SQLITE -> {
        String path = sqlitePath(url);
        if (path.isEmpty() || path.startsWith(":memory:") || url.contains("mode=memory")) {
          throw new IllegalArgumentException("'" + masked(url) + "' is an in-memory SQLite"
              + " database, which has no version table: write jdbc:sqlite:PATH with the"
              + " database file's path");
        }
      }
    }
  }

  /** {@code url} as given, with no password from the environment, the OS user as default user. */
  JdbcUrl(String url) {
    this(url, Optional.empty(), System.getProperty("user.name", "postgres"));
  }

  /**
   * {@code url} as given, with {@code PGPASSWORD} and {@code PGUSER} of {@code variables} (a
   * PostgreSQL URL only: {@code PGPASSWORD} is libpq's).
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  static JdbcUrl of(String url, java.util.Map<String, String> variables) {
    String user = Optional.ofNullable(variables.get("PGUSER")).filter(u -> !u.isEmpty())
        .orElse(System.getProperty("user.name", "postgres"));
    Optional<String> password = engineOf(url) == Engine.POSTGRESQL
        ? Optional.ofNullable(variables.get("PGPASSWORD")).filter(p -> !p.isEmpty())
        : Optional.empty();
    return new JdbcUrl(url, password, user);
  }

  /** The engine of {@code url}; throws the usage error naming the forms when it has none. */
  private static Engine engineOf(String url) {
    if (url.startsWith("sqlite:")) {
      // SQLAlchemy's (and so Alembic's) form: sqlite:///relative.db, sqlite:////absolute.db
      String path = url.startsWith("sqlite:///") ? url.substring("sqlite:///".length()) : "PATH";
      throw new IllegalArgumentException("'" + url + "' is SQLAlchemy's form of an SQLite URL,"
          + " which strata does not read: write " + SQLITE_PREFIX + path
          + " for the file SQLAlchemy opens");
    }
    if (ConnectionUri.isUri(url)) {
      return url.startsWith("postgres") ? Engine.POSTGRESQL : Engine.MARIADB;
    }
    if (url.startsWith(PREFIX)) {
      return Engine.POSTGRESQL;
    }
    if (url.startsWith(MARIADB_PREFIX) || url.startsWith(MYSQL_PREFIX)) {
      return Engine.MARIADB;
    }
    if (url.startsWith(SQLITE_PREFIX)
        || (!url.startsWith("jdbc:") && SQLITE_FILE.matcher(url).matches())) {
      return Engine.SQLITE;
    }
    throw new IllegalArgumentException("'" + masked(url) + "' is not a database strata reads:"
        + " expected " + FORMS);
  }

  /** The engine this URL names. */
  Engine engine() {
    return engineOf(url);
  }

  /**
   * The URL to give the driver: as given, except {@code jdbc:mysql:}, which MariaDB Connector/J
   * accepts only with {@code permitMysqlScheme} set; the driver then behaves as for {@code
   * jdbc:mariadb:}, so the scheme is rewritten to that; a bare SQLite path gets {@code
   * jdbc:sqlite:}.
   */
  String driverUrl() {
    if (ConnectionUri.isUri(url)) {
      return ConnectionUri.parse(url).jdbcUrl(defaultUser);
    }
    return switch (engine()) {
      case POSTGRESQL -> url;
      case MARIADB -> url.startsWith(MYSQL_PREFIX)
          ? MARIADB_PREFIX + url.substring(MYSQL_PREFIX.length()) : url;
      case SQLITE -> url.startsWith(SQLITE_PREFIX) ? url : SQLITE_PREFIX + url;
    };
  }

  /**
   * The connection properties besides {@link #driverUrl}: a connection URI's user, password and
   * parameters ({@link ConnectionUri#properties}); {@code PGPASSWORD} as the password when the URL
   * has none.
   */
  Properties properties() {
    Properties properties = ConnectionUri.isUri(url)
        ? ConnectionUri.parse(url).properties(defaultUser) : new Properties();
    ambientPassword.ifPresent(p -> properties.setProperty("password", p));
    return properties;
  }

  /**
   * The SQLite database file this URL names ({@code jdbc:sqlite:PATH}, {@code
   * jdbc:sqlite:file:PATH?...}, or the bare path). Only for {@link Engine#SQLITE}.
   */
  Path sqliteFile() {
    return Path.of(sqlitePath(url));
  }

  private static String sqlitePath(String url) {
    String path = url.startsWith(SQLITE_PREFIX) ? url.substring(SQLITE_PREFIX.length()) : url;
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
      int query = path.indexOf('?');
      path = query < 0 ? path : path.substring(0, query);
      if (path.startsWith("//")) {
        path = path.substring(2);
      }
    }
    return path;
  }

  /**
   * The URL with every password replaced by {@value #MASK}, also where the same text stands
   * elsewhere in it (a user named after the password).
   */
  @Override
  public String toString() {
    return mask(url);
  }

  /** {@code text} (an error message, say) with every password of this URL replaced. */
  String mask(String text) {
    String result = mask(url, text == null ? "" : text);
    return ambientPassword.map(p -> result.replace(p, MASK)).orElse(result);
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
