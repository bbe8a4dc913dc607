package dev.strata.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A {@link TestDatabase} on a {@link MariaDbServer}, for the mysql or mariadb dialect. */
final class MariaDbDatabase implements TestDatabase {
  private final MariaDbServer server;
  private final String dialect;
  private final String name;

  MariaDbDatabase(MariaDbServer server, String dialect, String name) {
    this.server = server;
    this.dialect = dialect;
    this.name = name;
  }

  @Override
  public String dialect() {
    return dialect;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** {@code mariadb --batch ... --database=DB < SCRIPT}: stops at the first error (no --force). */
  @Override
  public ClientRun apply(Path script) {
    return Processes.run(clientCommand(), clientEnvironment(), script);
  }

  @Override
  public List<String> clientCommand() {
    return server.clientCommand(name);
  }

  @Override
  public Map<String, String> clientEnvironment() {
    return server.clientEnvironment();
  }

  @Override
  public void execute(String sql) {
    server.execute(name, sql);
  }

  @Override
  public List<String> query(String sql) {
    return server.query(name, sql);
  }

  /**
   * {@code SHOW CREATE TABLE} / {@code SHOW CREATE VIEW} of every table and view, by name in
   * binary order, each followed by {@code ;} and a blank line; {@code AUTO_INCREMENT=N} table
   * options (a counter, not schema) and view {@code DEFINER=...} clauses (the connecting user) are
   * removed.
   */
  @Override
  public String schema(Set<String> excludedTables) {
    try (Connection c = server.connect(name); Statement s = c.createStatement()) {
      Map<String, String> kinds = new TreeMap<>();
      try (ResultSet rs = s.executeQuery("SHOW FULL TABLES")) {
        while (rs.next()) {
          kinds.put(rs.getString(1), rs.getString(2));
        }
      }
      StringBuilder dump = new StringBuilder();
      for (Map.Entry<String, String> e : kinds.entrySet()) {
        if (excludedTables.contains(e.getKey())) {
          continue;
        }
        boolean view = e.getValue().equals("VIEW");
        String quoted = "`" + e.getKey().replace("`", "``") + "`";
        try (ResultSet rs = s.executeQuery((view ? "SHOW CREATE VIEW " : "SHOW CREATE TABLE ")
            + quoted)) {
          rs.next();
          // the server qualifies a sequence in a default with the database's name
          dump.append(normalise(rs.getString(2))
              .replace("`" + name.replace("`", "``") + "`.", "")).append(";\n\n");
        }
      }
      return dump.toString();
    } catch (SQLException e) {
      throw new IllegalStateException("schema dump of " + name + ": " + e.getMessage(), e);
    }
  }

  static String normalise(String createStatement) {
    return createStatement
        .replaceAll(" AUTO_INCREMENT=\\d+", "")
        .replaceAll(" DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`", "");
  }

  @Override
  public void close() {
    server.dropDatabase(name);
  }
}
