package dev.strata.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;

/**
 * A MariaDB (or MySQL) server the database tests run against, found as {@link PostgresServer}
 * finds PostgreSQL: the server named by {@code STRATA_TEST_MARIADB_URL} (a {@code
 * jdbc:mariadb://HOST:PORT/?user=U&password=P} URL; {@code jdbc:mysql:} is accepted too), else a
 * server answering on 127.0.0.1:3306 as {@code root} with an empty password, else a MariaDB
 * Testcontainers container when a Docker engine is available. With none, tests are skipped with a
 * loud warning, except under {@code CI=true}, where that is a failure.
 *
 * <p>For the {@code mysql} dialect, {@link #requireMysql()} looks for MySQL proper first ({@code
 * STRATA_TEST_MYSQL_URL}, then a MySQL container under Docker) and falls back to this MariaDB
 * server, as the issue allows. Scripts are applied with the real {@code mariadb} client in batch
 * mode, which stops at the first error; connections go through MariaDB Connector/J.
 */
public final class MariaDbServer {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static MariaDbServer mariadb;
  private static String mariadbUnavailable;
  private static MariaDbServer mysql;
  private static boolean mysqlSought;

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String version;

  private MariaDbServer(String host, int port, String user, String password) throws SQLException {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    try (Connection c = connect("");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT VERSION()")) {
      rs.next();
      this.version = rs.getString(1);
    }
  }

  /** The MariaDB server, or a skipped (locally) / failed (under CI=true) test when there is none. */
  public static synchronized MariaDbServer require() {
    if (mariadb == null && mariadbUnavailable == null) {
      mariadb = findMariaDb();
    }
    if (mariadb != null) {
      return mariadb;
    }
    String message = "no MariaDB server for the database tests: " + mariadbUnavailable;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true: database tests may not be skipped)");
    }
    System.err.println("!!!!!!!! WARNING: SKIPPING DATABASE TEST: " + message + " !!!!!!!!");
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /**
   * A MySQL server for the {@code mysql} dialect: {@code STRATA_TEST_MYSQL_URL}, else a {@code
   * mysql:8.4} container when Docker is available, else {@link #require()} (the MariaDB server,
   * which speaks the same protocol and runs the same client), with a note on standard error.
   */
  public static synchronized MariaDbServer requireMysql() {
    if (!mysqlSought) {
      mysqlSought = true;
      mysql = findMysql();
      if (mysql == null) {
        MariaDbServer fallback = require();
        System.err.println("note: no MySQL server (STRATA_TEST_MYSQL_URL unset, no Docker);"
            + " the mysql dialect's database tests run against MariaDB " + fallback.version);
      }
    }
    return mysql != null ? mysql : require();
  }

  private static MariaDbServer findMariaDb() {
    String url = System.getenv("STRATA_TEST_MARIADB_URL");
    if (url != null && !url.isBlank()) {
      try {
        return fromUrl(url);
      } catch (IllegalArgumentException | SQLException e) {
        mariadbUnavailable = "STRATA_TEST_MARIADB_URL " + url + ": " + e.getMessage();
        return null;
      }
    }
    try {
      return new MariaDbServer("127.0.0.1", 3306, "root", "");
    } catch (SQLException e) {
      mariadbUnavailable = "127.0.0.1:3306 did not accept root without a password ("
          + e.getMessage() + ")";
    }
    if (dockerAvailable()) {
      MariaDBContainer container =
          new MariaDBContainer("mariadb:10.11").withUsername("root").withPassword("strata");
      container.start();
      try {
        return new MariaDbServer(container.getHost(), container.getMappedPort(3306), "root",
            "strata");
      } catch (SQLException e) {
        mariadbUnavailable = "the MariaDB container did not accept a connection: " + e.getMessage();
        return null;
      }
    }
    mariadbUnavailable = "STRATA_TEST_MARIADB_URL is not set, " + mariadbUnavailable
        + " and Docker is not available";
    return null;
  }

  private static MariaDbServer findMysql() {
    String url = System.getenv("STRATA_TEST_MYSQL_URL");
    if (url != null && !url.isBlank()) {
      try {
        return fromUrl(url);
      } catch (IllegalArgumentException | SQLException e) {
        fail("STRATA_TEST_MYSQL_URL " + url + ": " + e.getMessage());
      }
    }
    if (dockerAvailable()) {
      MySQLContainer container =
          new MySQLContainer("mysql:8.4").withUsername("root").withPassword("strata");
      container.start();
      try {
        return new MariaDbServer(container.getHost(), container.getMappedPort(3306), "root",
            "strata");
      } catch (SQLException e) {
        fail("the MySQL container did not accept a connection: " + e.getMessage());
      }
    }
    return null;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Reads {@code jdbc:mariadb://HOST[:PORT][/DB][?user=U&password=P]} (or {@code jdbc:mysql:}). */
  private static MariaDbServer fromUrl(String url) throws SQLException {
    if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
      throw new IllegalArgumentException("not a jdbc:mariadb:// or jdbc:mysql:// URL");
    }
    URI uri = URI.create(url.substring("jdbc:".length()));
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host");
    }
    Map<String, String> params = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return new MariaDbServer(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(),
        params.getOrDefault("user", "root"), params.getOrDefault("password", ""));
  }

  /** {@code VERSION()} as the server reports it, e.g. {@code 10.11.19-MariaDB-0+deb12u1}. */
  public String version() {
    return version;
  }

  /** Whether the server is MariaDB (its version says so) rather than MySQL. */
  public boolean isMariaDb() {
    return version.contains("MariaDB");
  }

  Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "5000");
    props.setProperty("allowPublicKeyRetrieval", "true");
    return new org.mariadb.jdbc.Driver().connect(
        "jdbc:mariadb://" + host + ":" + port + "/" + database, props);
  }

  /**
   * A MariaDB JDBC URL for {@code database}, with the user and password as URL parameters: {@code
   * jdbc:mariadb://HOST:PORT/DATABASE?user=USER&password=PASSWORD} (values URL-encoded), the form
   * {@code strata status --db} takes.
   */
  public String jdbcUrl(String database) {
    return "jdbc:mariadb://" + host + ":" + port + "/" + database
        + "?user=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
  }

  /**
   * The {@code mariadb} command line in batch mode ({@code --batch}: tab-separated output, no
   * history, stop at the first error) that reads a script from standard input into {@code
   * database}, over TCP; the password goes in {@link #clientEnvironment()}.
   */
  public List<String> clientCommand(String database) {
    return List.of("mariadb", "--batch", "--protocol=TCP", "--host=" + host,
        "--port=" + port, "--user=" + user, "--database=" + database);
  }

  /** {@code MYSQL_PWD}, which the client reads the password from. */
  public Map<String, String> clientEnvironment() {
    return Map.of("MYSQL_PWD", password);
  }

  /**
   * A fresh, empty database ({@code CREATE DATABASE ... CHARACTER SET utf8mb4}) with a unique name
   * starting with {@code prefix} (letters, digits, underscores; the name stays within MariaDB's 64
   * characters).
   */
  public String createDatabase(String prefix) {
    if (!prefix.matches("[A-Za-z0-9_]{1,40}")) {
      throw new IllegalArgumentException("bad database prefix: " + prefix);
    }
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    adminStatement("DROP DATABASE IF EXISTS `" + name + "`");
    adminStatement("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
    return name;
  }

  /** Drops a database made by {@link #createDatabase}. */
  public void dropDatabase(String name) {
    adminStatement("DROP DATABASE IF EXISTS `" + name.replace("`", "``") + "`");
  }

  /**
   * A fresh database as a {@link TestDatabase} for the strata dialect {@code dialect} ({@code
   * mysql} or {@code mariadb}), dropped by its {@code close()}.
   */
  public TestDatabase database(String dialect, String prefix) {
    if (!dialect.equals("mysql") && !dialect.equals("mariadb")) {
      throw new IllegalArgumentException("a MariaDB/MySQL server serves mysql or mariadb, not "
          + dialect);
    }
    return new MariaDbDatabase(this, dialect, createDatabase(prefix));
  }

  private void adminStatement(String sql) {
    try (Connection c = connect(""); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Rows of a query in {@code database} (columns joined by {@code |}), in the server's order. */
  public List<String> query(String database, String sql) {
    try (Connection c = connect(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Executes one statement in {@code database}; throws {@link IllegalStateException} on failure. */
  public void execute(String database, String sql) {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static List<String> rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        row.append(i > 1 ? "|" : "").append(rs.getString(i));
      }
      rows.add(row.toString());
    }
    return rows;
  }
}
