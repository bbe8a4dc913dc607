package dev.strata.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection URI as {@code psql} and the other libpq clients take it, {@code
 * postgresql://[user[:password]@][host][:port][/dbname][?param=value&...]} (or {@code
 * postgres://}; the host part may list several {@code host:port}s, comma-separated), and its
 * MariaDB/MySQL counterpart {@code mariadb://} / {@code mysql://} (the form of the {@code
 * mariadb} client's {@code --url}-less tools and of most frameworks): the JDBC URL and connection
 * properties that open the same database.
 *
 * <p>As libpq: a missing host is {@code localhost} (a JDBC driver has no Unix sockets), a missing
 * port the driver's default, a missing user {@code PGUSER}, else the operating-system user, a
 * missing database the user's name (PostgreSQL; MariaDB requires one, the version table lives in
 * it). Percent-encoded parts are decoded. The password is never part of {@link #jdbcUrl}: it goes
 * in {@link #properties}, so no driver message can quote it.
 *
 * @param engine the engine of the scheme
 * @param user the user, decoded, when the URI names one
 * @param password the password, decoded, when the URI has one
 * @param hosts the host part ({@code host[:port]}, several comma-separated), empty for none
 * @param database the database, decoded, when the URI names one
 * @param parameters the query parameters, decoded, in order
 */
record ConnectionUri(JdbcUrl.Engine engine, Optional<String> user, Optional<String> password,
    String hosts, Optional<String> database, Map<String, String> parameters) {

  private static final Pattern FORM = Pattern.compile(
      "^(postgresql|postgres|mariadb|mysql)://(?:([^@/?#]*)@)?([^/?#]*)(?:/([^?#]*))?"
          + "(?:\\?([^#]*))?$");

  /**
   * The libpq parameters strata passes on, and the PostgreSQL JDBC driver's name for each ({@code
   * host}, {@code port}, {@code dbname}, {@code user} and {@code password} replace the URI's own
   * parts).
   */
  private static final Map<String, String> POSTGRES_PARAMETERS = Map.of(
      "sslmode", "sslmode",
      "sslcert", "sslcert",
      "sslkey", "sslkey",
      "sslrootcert", "sslrootcert",
      "sslpassword", "sslpassword",
      "application_name", "ApplicationName",
      "connect_timeout", "connectTimeout",
      "options", "options");

  ConnectionUri {
    Objects.requireNonNull(engine, "engine");
    parameters = Map.copyOf(parameters);
  }

  /** Whether {@code text} is written as a connection URI (any of the four schemes). */
  static boolean isUri(String text) {
    return text.startsWith("postgresql://") || text.startsWith("postgres://")
        || text.startsWith("mariadb://") || text.startsWith("mysql://");
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException (its message has no password) when it is not of the form, a
   *     parameter is unknown to strata, or a MariaDB/MySQL URI names no database
   */
  static ConnectionUri parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + JdbcUrl.masked(text) + "' is not a connection URI:"
          + " expected postgresql://[USER[:PASSWORD]@][HOST][:PORT][/DATABASE][?PARAM=VALUE...]");
    }
    JdbcUrl.Engine engine = m.group(1).startsWith("postgres")
        ? JdbcUrl.Engine.POSTGRESQL : JdbcUrl.Engine.MARIADB;
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (m.group(2) != null) {
      String userInfo = m.group(2);
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)))
          .filter(u -> !u.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
    }
    String hosts = m.group(3);
    Optional<String> database = Optional.ofNullable(m.group(4)).map(ConnectionUri::decode)
        .filter(d -> !d.isEmpty());
    Map<String, String> parameters = new LinkedHashMap<>();
    if (m.group(5) != null && !m.group(5).isEmpty()) {
      for (String pair : m.group(5).split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        switch (name) {
          case "user" -> user = Optional.of(value);
          case "password" -> password = Optional.of(value);
          case "dbname" -> database = Optional.of(value);
          case "host" -> hosts = value + hostsPort(hosts);
          case "port" -> hosts = (hosts.isEmpty() ? "localhost" : hosts.replaceAll(":\\d+$", ""))
              + ":" + value;
          default -> {
            if (engine == JdbcUrl.Engine.POSTGRESQL && !POSTGRES_PARAMETERS.containsKey(name)) {
              throw new IllegalArgumentException("'" + JdbcUrl.masked(text) + "' has the"
                  + " parameter '" + name + "', which strata does not pass on: it takes "
                  + String.join(", ", new java.util.TreeSet<>(POSTGRES_PARAMETERS.keySet()))
                  + ", host, port, dbname, user and password");
            }
            parameters.put(name, value);
          }
        }
      }
    }
    if (engine == JdbcUrl.Engine.MARIADB && database.isEmpty()) {
      throw new IllegalArgumentException("'" + JdbcUrl.masked(text) + "' names no database, and"
          + " the version table lives in one: write " + m.group(1)
          + "://USER@HOST:PORT/DATABASE");
    }
    return new ConnectionUri(engine, user, password, hosts, database, parameters);
  }

  private static String hostsPort(String hosts) {
    Matcher port = Pattern.compile(":\\d+$").matcher(hosts);
    return port.find() ? port.group() : "";
  }

  /**
   * The JDBC URL of the same database, without user or password: {@code
   * jdbc:postgresql://HOSTS/DATABASE} or {@code jdbc:mariadb://HOSTS/DATABASE}; a PostgreSQL
   * database defaults to the user's name, as libpq's does.
   *
   * @param defaultUser the user when the URI names none ({@code PGUSER}, else the OS user)
   */
  String jdbcUrl(String defaultUser) {
    String host = hosts.isEmpty() ? "localhost" : hosts;
    String db = database.orElse(user.orElse(defaultUser));
    String prefix = engine == JdbcUrl.Engine.POSTGRESQL ? JdbcUrl.PREFIX : JdbcUrl.MARIADB_PREFIX;
    return prefix + "//" + host + "/" + java.net.URLEncoder.encode(db, StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /**
   * The connection properties: {@code user} (the URI's, else {@code defaultUser}), {@code
   * password} when the URI has one, and the parameters under the driver's names.
   */
  Properties properties(String defaultUser) {
    Properties properties = new Properties();
    properties.setProperty("user", user.orElse(defaultUser));
    password.ifPresent(p -> properties.setProperty("password", p));
    parameters.forEach((name, value) -> properties.setProperty(
        engine == JdbcUrl.Engine.POSTGRESQL ? POSTGRES_PARAMETERS.get(name) : name, value));
    return properties;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }
}
