package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libpq connection URIs ({@code postgresql://user:pw@host:port/db?params}) as {@code --db} and
 * {@code --from-db} take them: the JDBC URL and properties they become, libpq's defaults, the
 * password from the URL, else {@code PGPASSWORD}, else {@code .pgpass} through the PostgreSQL JDBC
 * driver's own lookup, and the password never shown. One real connection.
 */
class ConnectionUriTest {
  @TempDir Path dir;

  private static JdbcUrl url(String text, Map<String, String> variables) {
    return JdbcUrl.of(text, variables);
  }

  @Test
  void aFullUriBecomesAJdbcUrlAndProperties() {
    JdbcUrl url = url("postgresql://app:s%40cret@db.example:6432/ledger?sslmode=require"
        + "&application_name=books", Map.of());
    assertEquals(JdbcUrl.Engine.POSTGRESQL, url.engine());
    assertEquals("jdbc:postgresql://db.example:6432/ledger", url.driverUrl());
    Properties expected = new Properties();
    expected.putAll(Map.of("user", "app", "password", "s@cret", "sslmode", "require",
        "ApplicationName", "books"));
    assertEquals(expected, url.properties());
    assertEquals("postgresql://app:***@db.example:6432/ledger?sslmode=require"
        + "&application_name=books", url.toString());
    assertEquals("password *** and ***", url.mask("password s@cret and s%40cret"));
  }

  @Test
  void libpqDefaultsFillWhatTheUriLeavesOut() {
    JdbcUrl bare = url("postgres://", Map.of("PGUSER", "ledger_owner"));
    assertEquals("jdbc:postgresql://localhost/ledger_owner", bare.driverUrl());
    assertEquals("ledger_owner", bare.properties().getProperty("user"));
    assertFalse(bare.properties().containsKey("password"));
    JdbcUrl userOnly = url("postgresql://app@db", Map.of());
    assertEquals("jdbc:postgresql://db/app", userOnly.driverUrl());
    JdbcUrl parameters = url("postgresql:///ledger?host=db&port=6543&user=app", Map.of());
    assertEquals("jdbc:postgresql://db:6543/ledger", parameters.driverUrl());
    assertEquals("app", parameters.properties().getProperty("user"));
  }

  @Test
  void pgpasswordIsThePasswordWhenTheUrlHasNone() {
    Map<String, String> variables = Map.of("PGPASSWORD", "from-env");
    JdbcUrl url = url("postgresql://app@db/ledger", variables);
    assertEquals("from-env", url.properties().getProperty("password"));
    assertEquals("postgresql://app@db/ledger", url.toString());
    assertEquals("FATAL: *** rejected", url.mask("FATAL: from-env rejected"));
    // the URL's own password wins
    assertEquals("in-url",
        url("postgresql://app:in-url@db/ledger", variables).properties().getProperty("password"));
    // a JDBC URL too, unless it has a password parameter
    assertEquals("from-env",
        url("jdbc:postgresql://db/ledger?user=app", variables).properties().get("password"));
    assertFalse(url("jdbc:postgresql://db/ledger?user=app&password=x", variables).properties()
        .containsKey("password"));
    // libpq's variable, not MariaDB's
    assertFalse(url("mariadb://app@db/ledger", variables).properties().containsKey("password"));
  }

  /**
   * Without a password in the URL or PGPASSWORD, the driver reads the password file itself
   * (pgjdbc's {@code PgPassParser}: libpq's format, wildcards and escapes) for the host, port,
   * database and user strata derived from the URI.
   */
  @Test
  void pgpassIsReadByTheDriverWithLibpqsRules() throws Exception {
    Path pgpass = dir.resolve("pgpass");
    Files.writeString(pgpass, """
        # hostname:port:database:username:password
        otherhost:5432:*:app:not-this-one
        db:6432:ledger:app:right\\:pass\\\\word
        *:*:*:*:fallback
        """);
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    String before = System.getProperty("org.postgresql.pgpassfile");
    System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
    try {
      assertEquals("right:pass\\word", driverPassword(url("postgresql://app@db:6432/ledger",
          Map.of())));
      assertEquals("fallback", driverPassword(url("postgresql://app@db:6432/other", Map.of())));
      // PGPASSWORD comes before the file, as in libpq
      assertEquals("env", driverPassword(url("postgresql://app@db:6432/ledger",
          Map.of("PGPASSWORD", "env"))));
    } finally {
      if (before == null) {
        System.clearProperty("org.postgresql.pgpassfile");
      } else {
        System.setProperty("org.postgresql.pgpassfile", before);
      }
    }
  }

  /** The password the PostgreSQL JDBC driver connects with, for what strata gives it. */
  private static String driverPassword(JdbcUrl url) {
    Properties parsed = org.postgresql.Driver.parseURL(url.driverUrl(), url.properties());
    return parsed.getProperty("password");
  }

  @Test
  void mariadbUris() {
    JdbcUrl url = url("mysql://root:pw@127.0.0.1:3306/books", Map.of());
    assertEquals(JdbcUrl.Engine.MARIADB, url.engine());
    assertEquals("jdbc:mariadb://127.0.0.1:3306/books", url.driverUrl());
    assertEquals("pw", url.properties().getProperty("password"));
    assertEquals("mysql://root:***@127.0.0.1:3306/books", url.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JdbcUrl("mariadb://root:hunter2@db"));
    assertEquals("'mariadb://root:***@db' names no database, and the version table lives in one:"
        + " write mariadb://USER@HOST:PORT/DATABASE", e.getMessage());
  }

  @Test
  void anUnknownParameterIsRefusedWithoutThePassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JdbcUrl("postgresql://app:hunter2@db/ledger?sslmod=require"));
    assertEquals("'postgresql://app:***@db/ledger?sslmod=require' has the parameter 'sslmod',"
        + " which strata does not pass on: it takes application_name, connect_timeout, options,"
        + " sslcert, sslkey, sslmode, sslpassword, sslrootcert, host, port, dbname, user and"
        + " password", e.getMessage());
  }

  /** The URI psql takes ({@code DATABASE_URL}) and its {@code PGPASSWORD}, on a real server. */
  @Test
  void statusConnectsWithThePsqlUriAndPgpassword() throws IOException {
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("h3_uri");
    try {
      Map<String, String> client = server.clientEnvironment(db);
      String uri = client.get("DATABASE_URL");
      Environment environment = new Environment(
          Map.of("PGPASSWORD", client.get("PGPASSWORD")), dir);
      Cli cli = Cli.run(environment, "status", "--db", uri, "--versions",
          Cli.sampleVersions().toString());
      assertEquals(0, cli.exitCode(), cli.err());
      assertTrue(cli.out().startsWith("database: "
          + JdbcUrl.of(uri, environment.variables()) + "\n"
          + "version table: alembic_version (does not exist)\n"
          + "current: base\n"), cli.out());
      Optional.of(client.get("PGPASSWORD")).filter(p -> p.length() > 3)
          .ifPresent(p -> assertFalse(cli.out().contains(p) || cli.err().contains(p)));
    } finally {
      server.dropDatabase(db);
    }
  }
}
