package dev.strata.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An SQLite database file for one test, in a fresh temporary directory: scripts are applied with
 * the real {@code sqlite3 -bail FILE < SCRIPT}, which stops at the first error; queries go through
 * xerial sqlite-jdbc. SQLite needs no server, so it is never skipped; a missing {@code sqlite3} is
 * a failure. {@link #close} deletes the directory.
 */
public final class SqliteDatabase implements TestDatabase {
  private static final Pattern CREATE_NAME = Pattern.compile(
      "(?is)^CREATE\\s+(?:UNIQUE\\s+|TEMP\\s+|TEMPORARY\\s+|VIRTUAL\\s+)*"
          + "(?:TABLE|INDEX|VIEW|TRIGGER)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
          + "(\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^\\]]*\\]|[^\\s(]+)");

  private final Path directory;
  private final Path file;

  private SqliteDatabase(Path directory, Path file) {
    this.directory = directory;
    this.file = file;
  }

  /**
   * A database file {@code PREFIX.db} in a new temporary directory. The file does not exist until
   * the first script or statement creates it, as {@code sqlite3} does.
   */
  public static SqliteDatabase create(String prefix) {
    if (!prefix.matches("[A-Za-z0-9_]{1,64}")) {
      throw new IllegalArgumentException("bad database prefix: " + prefix);
    }
    try {
      Path dir = Files.createTempDirectory("strata-sqlite-" + prefix + "-");
      return new SqliteDatabase(dir, dir.resolve(prefix + ".db").toAbsolutePath());
    } catch (IOException e) {
      throw new IllegalStateException("cannot make a temporary directory: " + e.getMessage(), e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  @Override
  public String dialect() {
    return "sqlite";
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public String jdbcUrl() {
    return "jdbc:sqlite:" + file;
  }

  /** {@code sqlite3 -bail FILE < SCRIPT}: stops at the first error with exit code 1. */
  @Override
  public ClientRun apply(Path script) {
    return Processes.run(clientCommand(), clientEnvironment(), script);
  }

  @Override
  public List<String> clientCommand() {
    return List.of("sqlite3", "-bail", file.toString());
  }

  @Override
  public Map<String, String> clientEnvironment() {
    return Map.of();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl());
  }

  @Override
  public void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> query(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return MariaDbServer.rows(rs);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code sqlite3 FILE .schema}, split into its statements (each as SQLite stored it, ending in
   * {@code ;}), sorted, each followed by a blank line; the statements creating an object whose
   * name is in {@code excludedTables} are left out, and so is SQLite's own {@code
   * sqlite_sequence} (made by the first {@code AUTOINCREMENT} table, never dropped: it is the
   * database's, not the schema's). An absent file has the empty schema.
   */
  @Override
  public String schema(Set<String> excludedTables) {
    if (!Files.exists(file)) {
      return "";
    }
    ClientRun run = Processes.run(List.of("sqlite3", "-bail", file.toString(), ".schema"),
        Map.of(), null);
    if (!run.ok()) {
      throw new IllegalStateException("sqlite3 .schema failed: " + run.describe());
    }
    List<String> statements = new ArrayList<>();
    for (String statement : run.stdout().split(";\\R(?=CREATE |/\\*|\\z)")) {
      String trimmed = statement.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("/*")) {
        continue;
      }
      trimmed = trimmed.endsWith(";") ? trimmed : trimmed + ";";
      String name = objectName(trimmed);
      if (!excludedTables.contains(name) && !name.equals("sqlite_sequence")) {
        statements.add(trimmed);
      }
    }
    statements.sort(Comparator.naturalOrder());
    StringBuilder dump = new StringBuilder();
    statements.forEach(s -> dump.append(s).append("\n\n"));
    return dump.toString();
  }

  private static String objectName(String createStatement) {
    Matcher m = CREATE_NAME.matcher(createStatement);
    if (!m.find()) {
      return "";
    }
    String name = m.group(1);
    char first = name.charAt(0);
    if (first == '"' || first == '`' || first == '[') {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name;
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + directory + ": " + e.getMessage(), e);
    }
  }
}
