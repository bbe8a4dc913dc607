package dev.strata.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.Driver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the database tests run against, found as DESIGN.md says: the server named
 * by {@code STRATA_TEST_PG_URL} (a JDBC URL with {@code user}/{@code password} parameters), else a
 * server answering on 127.0.0.1:5432 as {@code postgres}, else a Testcontainers container when a
 * Docker engine is available. With none, tests are skipped with a loud warning, except under
 * {@code CI=true}, where that is a failure. Scripts are applied with the real {@code psql}.
 */
public final class PostgresServer {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static PostgresServer instance;
  private static String unavailableReason;

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String adminDatabase;

  private PostgresServer(String host, int port, String user, String password, String adminDb) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.adminDatabase = adminDb;
  }

  /** The server, or a skipped (locally) / failed (under CI=true) test when there is none. */
  public static synchronized PostgresServer require() {
    if (instance == null && unavailableReason == null) {
      instance = find();
    }
    if (instance != null) {
      return instance;
    }
    String message = "no PostgreSQL server for the database tests: " + unavailableReason;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true: database tests may not be skipped)");
    }
    System.err.println("!!!!!!!! WARNING: SKIPPING DATABASE TEST: " + message + " !!!!!!!!");
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  private static PostgresServer find() {
    String url = System.getenv("STRATA_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      Properties p = Driver.parseURL(url, new Properties());
      if (p == null) {
        unavailableReason = "STRATA_TEST_PG_URL is not a PostgreSQL JDBC URL: " + url;
        return null;
      }
      return new PostgresServer(
          p.getProperty("PGHOST", "127.0.0.1").split(",")[0],
          Integer.parseInt(p.getProperty("PGPORT", "5432").split(",")[0]),
          p.getProperty("user", "postgres"),
          p.getProperty("password", ""),
          p.getProperty("PGDBNAME", "postgres"));
    }
    PostgresServer local = new PostgresServer("127.0.0.1", 5432, "postgres", "", "postgres");
    if (local.answers()) {
      return local;
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer container =
          new PostgreSQLContainer("postgres:" + clientMajorVersion() + "-alpine");
      container.start();
      return new PostgresServer(
          container.getHost(), container.getMappedPort(5432),
          container.getUsername(), container.getPassword(), container.getDatabaseName());
    }
    unavailableReason =
        "STRATA_TEST_PG_URL is not set, nothing answers on 127.0.0.1:5432 and Docker is not available";
    return null;
  }

  /** The major version of the local pg_dump, so a container server is never newer than it. */
  private static String clientMajorVersion() {
    ProcessResult version = run(List.of("pg_dump", "--version"), Map.of());
    return version.stdout().replaceAll("(?s).*?(\\d+)\\..*", "$1").trim();
  }

  private boolean answers() {
    try (Connection ignored = connect(adminDatabase)) {
      return true;
    } catch (SQLException e) {
      unavailableReason = "127.0.0.1:5432 did not accept a connection (" + e.getMessage() + ")";
      return false;
    }
  }

  private Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + host + ":" + port + "/" + database, props);
  }

  /**
   * What a DBA's shell needs to reach {@code database} with the real clients: {@code DATABASE_URL}
   * (a libpq connection URI, {@code postgresql://user@host:port/database}, the form APPLY.md's
   * commands take) and {@code PGPASSWORD}.
   */
  public Map<String, String> clientEnvironment(String database) {
    String uri = "postgresql://" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + "@"
        + host + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8);
    return Map.of("DATABASE_URL", uri, "PGPASSWORD", password);
  }

  /**
   * A PostgreSQL JDBC URL for {@code database} on this server, with the user and password as URL
   * parameters: {@code jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD} (values
   * URL-encoded), the form {@code strata status --db} takes.
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/"
        + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8)
        + "?user=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
  }

  /** Creates a fresh, empty database with a unique name starting with {@code prefix}. */
  public String createDatabase(String prefix) {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    adminStatement("DROP DATABASE IF EXISTS " + name);
    adminStatement("CREATE DATABASE " + name);
    return name;
  }

  /** Drops a database made by {@link #createDatabase}. */
  public void dropDatabase(String name) {
    adminStatement("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void adminStatement(String sql) {
    try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * A fresh database named after {@code prefix} (see {@link #createDatabase}) as a {@link
   * TestDatabase}, dropped by its {@code close()}.
   */
  public TestDatabase database(String prefix) {
    return new PostgresDatabase(this, createDatabase(prefix));
  }

  /** Executes one statement in {@code database}; throws {@link IllegalStateException} on failure. */
  public void execute(String database, String sql) {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Rows of a query (each row's columns joined by {@code |}), in the order the server gives. */
  public List<String> query(String database, String sql) {
    try (Connection c = connect(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
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
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Applies a script with the real client, as a DBA would: {@code psql -X -v ON_ERROR_STOP=1 -f
   * FILE}. Returns psql's exit code and output; does not throw when psql fails.
   */
  public ProcessResult psql(String database, Path script) {
    return psql(database, "-f", script.toString());
  }

  /**
   * Runs the real client with {@code ON_ERROR_STOP} and the given arguments ({@code -c SQL}, {@code
   * -f FILE}, {@code -A -t}, ...) against {@code database}. Does not throw when psql fails.
   */
  public ProcessResult psql(String database, String... args) {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", host, "-p", Integer.toString(port), "-U", user, "-d", database));
    command.addAll(List.of(args));
    return run(command, Map.of("PGPASSWORD", password));
  }

  /**
   * {@code pg_dump --schema-only} of a database, without the random {@code restrict} /
   * {@code unrestrict} lines (each a backslash command) that pg_dump 15.14 and later print.
   */
  public String schemaDump(String database) {
    return schemaDump(database, List.of());
  }

  /**
   * {@link #schemaDump(String)} without the tables named in {@code excluded} (pg_dump's {@code
   * --exclude-table} patterns).
   */
  public String schemaDump(String database, List<String> excluded) {
    List<String> command = new ArrayList<>(List.of("pg_dump", "--schema-only", "--no-owner",
        "--no-privileges", "-h", host, "-p", Integer.toString(port), "-U", user, "-d", database));
    excluded.forEach(table -> command.add("--exclude-table=" + table));
    ProcessResult dump = run(command, Map.of("PGPASSWORD", password));
    if (dump.exitCode() != 0) {
      throw new IllegalStateException("pg_dump failed: " + dump.stderr());
    }
    return dump.stdout().lines()
        .filter(line -> !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
        .reduce(new StringBuilder(), (sb, line) -> sb.append(line).append('\n'), StringBuilder::append)
        .toString();
  }

  /** What a client process printed and returned: exit code, standard output, standard error. */
  public record ProcessResult(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code command} with {@code env} added to this process's environment, waits up to 120 s,
   * and returns what it printed. Throws {@link IllegalStateException} when it cannot start or
   * times out.
   */
  public static ProcessResult run(List<String> command, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    try {
      Path out = java.nio.file.Files.createTempFile("strata-proc", ".out");
      Path err = java.nio.file.Files.createTempFile("strata-proc", ".err");
      try {
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("timed out: " + command);
        }
        return new ProcessResult(process.exitValue(),
            java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
            java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        java.nio.file.Files.deleteIfExists(out);
        java.nio.file.Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }
}
