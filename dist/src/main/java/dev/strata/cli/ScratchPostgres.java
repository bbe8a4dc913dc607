package dev.strata.cli;

import java.nio.file.Files;
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
import org.postgresql.Driver;

/**
 * A scratch PostgreSQL server for the Alembic import proof, named by a JDBC URL ({@code
 * jdbc:postgresql://HOST:PORT/DATABASE?user=U&password=P}): it makes the proof's own databases
 * there, empties them between ranges, applies scripts with the real {@code psql} and dumps schemas
 * with the real {@code pg_dump}, connecting as the URL's user (the password through {@code
 * PGPASSWORD}, never on a command line).
 *
 * @param host the server's host (the URL's first, when it names several)
 * @param port the server's port
 * @param user the user, {@code postgres} when the URL names none
 * @param password the password, empty when the URL names none
 * @param adminDatabase the URL's database, where the proof's databases are created from
 */
record ScratchPostgres(String host, int port, String user, String password, String adminDatabase) {

  /**
   * The server of a PostgreSQL JDBC URL, as the PostgreSQL JDBC driver reads it.
   *
   * @throws IllegalArgumentException when {@code jdbcUrl} is not a PostgreSQL JDBC URL
   */
  static ScratchPostgres of(String jdbcUrl) {
    Properties p = jdbcUrl == null ? null : Driver.parseURL(jdbcUrl, new Properties());
    if (p == null) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: '" + new JdbcUrl(jdbcUrl)
          + "' (expected " + JdbcUrl.PREFIX + "//HOST:PORT/DATABASE?user=USER&password=PASSWORD)");
    }
    return new ScratchPostgres(
        p.getProperty("PGHOST", "localhost").split(",")[0],
        Integer.parseInt(p.getProperty("PGPORT", "5432").split(",")[0]),
        p.getProperty("user", "postgres"),
        p.getProperty("password", ""),
        p.getProperty("PGDBNAME", "postgres"));
  }

  /** A connection to {@code database} on this server. */
  Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (!password.isEmpty()) {
      props.setProperty("password", password); // else the driver reads PGPASSFILE / ~/.pgpass
    }
    props.setProperty("connectTimeout", "10");
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
        props);
  }

  /** Creates (after dropping any leftover of the same name) an empty database. */
  void createDatabase(String name) throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin("CREATE DATABASE " + name);
  }

  /** Drops a database made by {@link #createDatabase}. */
  void dropDatabase(String name) throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Empties {@code database}: drops every extension but {@code plpgsql} and every schema but the
   * system ones (with all they hold: tables, types, functions) and creates {@code public} again, so that one database serves
   * every range of the proof.
   */
  void reset(String database) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute("""
          DO $strata$
          DECLARE s text;
          BEGIN
            FOR s IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'
            LOOP
              EXECUTE format('DROP EXTENSION %I CASCADE', s);
            END LOOP;
            FOR s IN SELECT nspname FROM pg_namespace
                WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
            LOOP
              EXECUTE format('DROP SCHEMA %I CASCADE', s);
            END LOOP;
          END
          $strata$""");
      s.execute("CREATE SCHEMA public");
    }
  }

  /**
   * The rows of the version table {@code table} in {@code database}, sorted ({@code SELECT
   * version_num FROM TABLE ORDER BY 1}); empty when the table is not there at all.
   */
  List<String> versionRows(String database, String table) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      try (ResultSet exists = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return List.of();
        }
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT version_num FROM " + table + " ORDER BY 1")) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    }
  }

  /**
   * Applies {@code script} to {@code database} as a DBA would: {@code psql -X -q -v
   * ON_ERROR_STOP=1 -f FILE}. The result says whether psql stopped at an error.
   */
  ExternalProcess psql(String database, String script, Path scratch) {
    try {
      Path file = Files.createTempFile(scratch, "script", ".sql");
      Files.writeString(file, script);
      try {
        return ExternalProcess.run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
            "-h", host, "-p", Integer.toString(port), "-U", user, "-d", database,
            "-f", file.toString()), env(), null);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (java.io.IOException e) {
      return new ExternalProcess(-1, "", "cannot write a temporary script: " + e.getMessage());
    }
  }

  /**
   * {@code pg_dump --schema-only --no-owner --no-privileges} of {@code database}, without the
   * tables named in {@code excluded}; a failed dump is a result that is not {@code ok()}.
   */
  ExternalProcess schemaDump(String database, List<String> excluded) {
    List<String> command = new ArrayList<>(List.of("pg_dump", "--schema-only", "--no-owner",
        "--no-privileges", "-h", host, "-p", Integer.toString(port), "-U", user, "-d", database));
    excluded.forEach(table -> command.add("--exclude-table=" + table));
    return ExternalProcess.run(command, env(), null);
  }

  private Map<String, String> env() {
    return password.isEmpty() // psql and pg_dump then read ~/.pgpass as usual
        ? Map.of("PGCONNECT_TIMEOUT", "10")
        : Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10");
  }
}
