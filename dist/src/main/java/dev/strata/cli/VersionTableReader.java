package dev.strata.cli;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the version table of a live PostgreSQL database through JDBC, and nothing else: the
 * connection is read-only (its transaction is {@code READ ONLY}, rolled back at the end) and runs
 * two {@code SELECT}s, one for whether the table exists ({@code to_regclass}) and one for its rows.
 * Every message it produces has the URL's password masked ({@link JdbcUrl#mask}).
 */
final class VersionTableReader {
  /** Seconds to wait for the server before giving up (a URL parameter may override it). */
  private static final String CONNECT_TIMEOUT = "10";

  /** The progress table upgrades keep next to the version table (dialects' {@code Progress}). */
  static final String PROGRESS_TABLE = "strata_progress";

  private VersionTableReader() {}

  /**
   * The state of {@code table} (in {@code schema}, else as the search path finds it).
   *
   * @throws DiagnosticException E0530 when the database cannot be reached or refuses the login,
   *     E0531 when the table cannot be read
   */
  static DatabaseState read(JdbcUrl url, String table, Optional<String> schema)
      throws DiagnosticException {
    String name = schema.map(s -> quoted(s) + ".").orElse("") + quoted(table);
    DatabaseState missing = new DatabaseState(table, schema, false, List.of());
    try (Connection connection = connect(url)) {
      try {
        return read(connection, name, missing);
      } catch (SQLException e) {
        throw new DiagnosticException(Diagnostic.error("E0531",
            "cannot read the version table " + missing.displayName() + " of " + url + ": "
                + url.mask(firstLine(e.getMessage())),
            "help: the user in the URL needs SELECT on it (strata only reads it)"));
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new DiagnosticException(Diagnostic.error("E0530",
          "cannot connect to " + url + ": " + url.mask(reason(e)),
          "help: check the host, port, database, user and password in the URL"));
    }
  }

  /**
   * The schema of the database ({@link CatalogReader}), read in a READ ONLY transaction that is
   * rolled back, without the version table {@code table} and the progress table next to it.
   *
   * @throws DiagnosticException E0530 when the database cannot be reached or refuses the login,
   *     E0550 when its catalog cannot be read
   */
  static CatalogReader.Catalog catalog(JdbcUrl url, String table, Optional<String> schema)
      throws DiagnosticException {
    String prefix = schema.map(s -> quoted(s) + ".").orElse("");
    try (Connection connection = connect(url)) {
      try {
        return CatalogReader.read(connection, prefix + quoted(table),
            prefix + quoted(PROGRESS_TABLE));
      } catch (SQLException e) {
        throw new DiagnosticException(Diagnostic.error("E0550",
            "cannot read the catalog of " + url + " to compare it with the revisions: "
                + url.mask(firstLine(e.getMessage())),
            "help: the user in the URL needs to read pg_catalog (every user can, unless the"
                + " server revokes it); strata status reads it to report drift"));
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new DiagnosticException(Diagnostic.error("E0530",
          "cannot connect to " + url + ": " + url.mask(reason(e)),
          "help: check the host, port, database, user and password in the URL"));
    }
  }

  private static Connection connect(JdbcUrl url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", CONNECT_TIMEOUT);
    properties.setProperty("ApplicationName", "strata");
    properties.setProperty("readOnly", "true");
    Connection connection = DriverManager.getConnection(url.url(), properties);
    try {
      connection.setAutoCommit(false);
      connection.setReadOnly(true); // the driver opens the transaction with BEGIN READ ONLY
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** The state of the table {@code name} (quoted); {@code missing} when it does not exist. */
  private static DatabaseState read(Connection connection, String name, DatabaseState missing)
      throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)")) {
      exists.setString(1, name);
      try (ResultSet result = exists.executeQuery()) {
        if (!result.next() || result.getString(1) == null) {
          return missing;
        }
      }
    }
    List<String> rows = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet result = select.executeQuery("SELECT version_num FROM " + name)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return new DatabaseState(missing.table(), missing.schema(), true, rows);
  }

  /** The driver's message; for a host that does not resolve it only says the attempt failed. */
  private static String reason(SQLException e) {
    String message = firstLine(e.getMessage());
    return e.getCause() instanceof UnknownHostException unknown
        ? message + " (unknown host " + unknown.getMessage() + ")"
        : message;
  }

  /** The server's message without the driver's detail lines ({@code Position: 8}, hints). */
  private static String firstLine(String message) {
    return message == null ? "no message" : message.lines().findFirst().orElse("").strip();
  }

  /** A PostgreSQL quoted identifier: the scripts name the same table (they quote when needed). */
  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
