package dev.strata.cli;

import dev.strata.compiler.schema.Change;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * Reads the version table of a live database through JDBC, and nothing else: the connection is
 * read-only (a READ ONLY transaction, rolled back at the end; an SQLite file is opened read-only,
 * so a missing file is reported, never created) and runs two {@code SELECT}s, one for whether the
 * table exists and one for its rows. Per {@link JdbcUrl.Engine}: PostgreSQL finds the table with
 * {@code to_regclass} (the search path, or the schema given); MariaDB/MySQL in {@code
 * information_schema.TABLES} of the URL's database (or of the database {@code
 * --version-table-schema} names); SQLite in {@code sqlite_schema} (it has no schemas). Every
 * message it produces has the URL's password masked ({@link JdbcUrl#mask}).
 *
 * <p>The statements are written by hand: each is one SELECT on a catalog that jOOQ has no model of
 * without code generation, with bind parameters.
 */
final class VersionTableReader {
  /** Seconds to wait for the server before giving up (a URL parameter may override it). */
  private static final String CONNECT_TIMEOUT = "10";

  /** The progress table upgrades keep next to the version table (dialects' {@code Progress}). */
  static final String PROGRESS_TABLE = "strata_progress";

  private VersionTableReader() {}

  /**
   * The state of {@code table} (in {@code schema}, else where the engine looks by default).
   *
   * @throws DiagnosticException E0530 when the database cannot be reached or refuses the login,
   *     E0531 when the table cannot be read, E0551 when an SQLite file does not exist, E0552 when
   *     it is not an SQLite database
   */
  static DatabaseState read(JdbcUrl url, String table, Optional<String> schema)
      throws DiagnosticException {
    try (Connection connection = connect(url)) {
      DatabaseState missing =
          new DatabaseState(table, schema, false, List.of(), dialect(connection, url));
      try {
        return switch (url.engine()) {
          case POSTGRESQL -> readPostgres(connection,
              schema.map(s -> quoted(s) + ".").orElse("") + quoted(table), missing);
          case MARIADB -> readMariaDb(connection, table, schema, missing);
          case SQLITE -> readSqlite(connection, table, missing);
        };
      } catch (SQLException e) {
        throw notADatabase(url, e).orElseGet(() -> new DiagnosticException(Diagnostic.error(
            "E0531", "cannot read the version table " + missing.displayName() + " of " + url
                + ": " + url.mask(firstLine(e.getMessage())),
            unreadableHelp(e, missing.displayName()))));
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw notADatabase(url, e).orElseGet(() -> cannotConnect(url, e));
    }
  }

  /**
   * How the database's schema differs from {@code model} (the schema its revisions make), without
   * the version table {@code table} and the progress table, read in the same read-only
   * transaction: {@link Drift} over {@link CatalogReader} for PostgreSQL, {@link PortableDrift} over {@link MysqlCatalogReader} or
   * {@link SqliteCatalogReader} for the others.
   *
   * @throws DiagnosticException E0530 when the database cannot be reached or refuses the login,
   *     E0550 when its catalog cannot be read, E0551/E0552 for a missing or foreign SQLite file
   */
  static List<Change> drift(JdbcUrl url, String table, Optional<String> schema, SchemaModel model)
      throws DiagnosticException {
    try (Connection connection = connect(url)) {
      try {
        return switch (url.engine()) {
          case POSTGRESQL -> {
            String prefix = schema.map(s -> quoted(s) + ".").orElse("");
            yield Drift.between(model, CatalogReader.read(connection, prefix + quoted(table),
                prefix + quoted(PROGRESS_TABLE)));
          }
          case MARIADB -> PortableDrift.between(model,
              MysqlCatalogReader.read(connection, table, schema, PROGRESS_TABLE),
              PortableDrift.Rules.MYSQL);
          case SQLITE -> PortableDrift.between(model,
              SqliteCatalogReader.read(connection, table, PROGRESS_TABLE),
              PortableDrift.Rules.SQLITE);
        };
      } catch (SQLException e) {
        throw notADatabase(url, e).orElseGet(() -> cannotReadCatalog(url, e));
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw notADatabase(url, e).orElseGet(() -> cannotConnect(url, e));
    }
  }

  /**
   * The help of E0531: a table without a {@code version_num} column is another table than the
   * version table Alembic and strata write (PostgreSQL's SQLSTATE 42703, MariaDB's 42S22, SQLite's
   * "no such column"); any other failure is most likely a missing privilege.
   */
  private static String unreadableHelp(SQLException e, String table) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = e.getMessage() == null ? "" : e.getMessage();
    boolean noColumn = state.equals("42703") || state.equals("42S22")
        || message.contains("no such column");
    return noColumn
        ? "help: " + table + " has no column version_num, so it is not a version table as"
            + " Alembic and strata write it; name the version table with --version-table"
        : "help: the user in the URL needs SELECT on it (strata only reads it)";
  }

  private static DiagnosticException cannotConnect(JdbcUrl url, SQLException e) {
    return new DiagnosticException(Diagnostic.error("E0530",
        "cannot connect to " + url + ": " + url.mask(reason(e)),
        "help: check the host, port, database, user and password in the URL"));
  }

  private static DiagnosticException cannotReadCatalog(JdbcUrl url, SQLException e) {
    String help = switch (url.engine()) {
      case POSTGRESQL -> "help: the user in the URL needs to read pg_catalog (every user can,"
          + " unless the server revokes it); strata status reads it to report drift";
      case MARIADB -> "help: the user in the URL needs to see the database's tables in"
          + " information_schema (any privilege on them shows them); strata status reads it to"
          + " report drift";
      case SQLITE -> "help: strata status reads sqlite_schema and the table pragmas to report"
          + " drift";
    };
    return new DiagnosticException(Diagnostic.error("E0550",
        "cannot read the catalog of " + url + " to compare it with the revisions: "
            + url.mask(firstLine(e.getMessage())), help));
  }

  /** E0552 when SQLite says the file is not a database (it says so on the first read). */
  private static Optional<DiagnosticException> notADatabase(JdbcUrl url, SQLException e) {
    if (url.engine() != JdbcUrl.Engine.SQLITE
        || e.getErrorCode() != SQLiteErrorCode.SQLITE_NOTADB.code) {
      return Optional.empty();
    }
    return Optional.of(new DiagnosticException(Diagnostic.error("E0552",
        "'" + url.sqliteFile() + "' (" + url + ") is not an SQLite database: "
            + firstLine(e.getMessage()),
        "help: name the database file that the sqlite3 client applies the scripts to")));
  }

  /**
   * The PostgreSQL driver's logger, silenced: it logs a warning on stderr (an invalid port, say)
   * before it throws the error strata reports as a diagnostic. Held here, as the logging
   * framework keeps only a weak reference to a logger and would forget the level.
   */
  private static final java.util.logging.Logger POSTGRESQL_DRIVER_LOG =
      java.util.logging.Logger.getLogger("org.postgresql");

  static {
    POSTGRESQL_DRIVER_LOG.setLevel(java.util.logging.Level.OFF);
    // MariaDB Connector/J logs a failed query on stderr ("[ WARN] (main) Error: 1054-42S22 ...")
    // before it throws the error strata reports; read once, when its Loggers class loads
    if (System.getProperty("mariadb.logging.disable") == null) {
      System.setProperty("mariadb.logging.disable", "true");
    }
  }

  private static Connection connect(JdbcUrl url) throws SQLException, DiagnosticException {
    Connection connection = switch (url.engine()) {
      case POSTGRESQL -> {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT);
        properties.setProperty("ApplicationName", "strata");
        properties.putAll(url.properties());
        properties.setProperty("readOnly", "true");
        yield DriverManager.getConnection(url.driverUrl(), properties);
      }
      case MARIADB -> {
        Properties properties = new Properties();
        if (!url.url().contains("connectTimeout=")) {
          properties.setProperty("connectTimeout", CONNECT_TIMEOUT + "000"); // milliseconds
        }
        properties.putAll(url.properties());
        // the driver itself, not DriverManager: a MySQL driver on the class path might answer
        Connection c = new org.mariadb.jdbc.Driver().connect(url.driverUrl(), properties);
        if (c == null) {
          throw new SQLException("MariaDB Connector/J does not accept the URL");
        }
        yield c;
      }
      case SQLITE -> {
        Path file = url.sqliteFile();
        if (!Files.isRegularFile(file)) {
          throw new DiagnosticException(Diagnostic.error("E0551",
              "no SQLite database file at '" + file + "' (" + url + ")" + (Files.exists(file)
                  ? ": it is not a regular file" : ": it does not exist"),
              "note: strata only reads databases, and never creates an SQLite file",
              "help: give the path of the file the sqlite3 client applies the scripts to"));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true); // opens without SQLITE_OPEN_CREATE: never makes a file
        config.setBusyTimeout(Integer.parseInt(CONNECT_TIMEOUT) * 1000);
        yield new org.sqlite.JDBC().connect(url.driverUrl(), config.toProperties());
      }
    };
    try {
      connection.setAutoCommit(false);
      // PostgreSQL: the driver opens the transaction with BEGIN READ ONLY; MariaDB: SET SESSION
      // TRANSACTION READ ONLY; SQLite: the file is open read-only already
      connection.setReadOnly(true);
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** The state of the table {@code name} (quoted); {@code missing} when it does not exist. */
  private static DatabaseState readPostgres(Connection connection, String name,
      DatabaseState missing) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)")) {
      exists.setString(1, name);
      try (ResultSet result = exists.executeQuery()) {
        if (!result.next() || result.getString(1) == null) {
          return missing;
        }
      }
    }
    return rows(connection, name, missing);
  }

  /** The table in {@code schema} (a database), else in the URL's database. */
  private static DatabaseState readMariaDb(Connection connection, String table,
      Optional<String> schema, DatabaseState missing) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM"
        + " information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())"
        + " AND TABLE_NAME = ?")) {
      exists.setString(1, schema.orElse(null));
      exists.setString(2, table);
      try (ResultSet result = exists.executeQuery()) {
        if (!result.next() || result.getInt(1) == 0) {
          return missing;
        }
      }
    }
    return rows(connection,
        schema.map(s -> backquoted(s) + ".").orElse("") + backquoted(table), missing);
  }

  private static DatabaseState readSqlite(Connection connection, String table,
      DatabaseState missing) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement(
        "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
      exists.setString(1, table);
      try (ResultSet result = exists.executeQuery()) {
        if (!result.next() || result.getInt(1) == 0) {
          return missing;
        }
      }
    }
    return rows(connection, quoted(table), missing);
  }

  private static DatabaseState rows(Connection connection, String name, DatabaseState missing)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet result = select.executeQuery("SELECT version_num FROM " + name)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return new DatabaseState(missing.table(), missing.schema(), true, rows, missing.dialect());
  }

  /**
   * The dialect of the database behind {@code connection}: by the URL's engine, and for
   * MariaDB/MySQL by {@code VERSION()}, which names MariaDB on MariaDB servers only.
   */
  private static DialectId dialect(Connection connection, JdbcUrl url) throws SQLException {
    return switch (url.engine()) {
      case POSTGRESQL -> DialectId.POSTGRESQL;
      case SQLITE -> DialectId.SQLITE;
      case MARIADB -> {
        try (Statement statement = connection.createStatement();
            ResultSet version = statement.executeQuery("SELECT VERSION()")) {
          yield version.next() && version.getString(1).contains("MariaDB")
              ? DialectId.MARIADB : DialectId.MYSQL;
        }
      }
    };
  }

  /** The driver's message; for a host that does not resolve it only says the attempt failed. */
  private static String reason(SQLException e) {
    String message = firstLine(e.getMessage());
    return e.getCause() instanceof UnknownHostException unknown
        ? message + " (unknown host " + unknown.getMessage() + ")"
        : message;
  }

  /** The server's message without the driver's detail lines ({@code Position: 8}, hints). */
  static String firstLine(String message) {
    return message == null ? "no message" : message.lines().findFirst().orElse("").strip();
  }

  /**
   * A double-quoted identifier (PostgreSQL, SQLite): the scripts name the same table (they quote
   * when needed).
   */
  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A MariaDB/MySQL quoted identifier, which needs no sql_mode. */
  private static String backquoted(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
