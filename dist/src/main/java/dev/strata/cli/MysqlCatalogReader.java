package dev.strata.cli;

import dev.strata.cli.LiveCatalog.LiveColumn;
import dev.strata.cli.LiveCatalog.LiveForeignKey;
import dev.strata.cli.LiveCatalog.LiveIndex;
import dev.strata.cli.LiveCatalog.LiveTable;
import dev.strata.cli.LiveCatalog.LiveView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the tables, columns, primary keys, foreign keys, indexes and views of a live MariaDB or
 * MySQL database (the connection's database, {@code DATABASE()}) from {@code information_schema}
 * into a {@link LiveCatalog}, in a read-only transaction. Left out: the version table and {@code
 * strata_progress} (when they are in that database), and MariaDB sequences (tables of type {@code
 * SEQUENCE}).
 *
 * <p>The queries are written by hand: jOOQ has no model of {@code information_schema} without
 * code generation, and these are plain SELECTs; the same text runs on MariaDB and MySQL.
 */
final class MysqlCatalogReader {
  private static final String TABLES = "SELECT TABLE_NAME, TABLE_TYPE"
      + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
      + " ORDER BY TABLE_NAME";
  private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE,"
      + " IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS"
      + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION";
  private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME"
      + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
      + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
  private static final String FOREIGN_KEYS = "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME,"
      + " REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
      + " WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL"
      + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";
  private static final String VIEWS = "SELECT TABLE_NAME, VIEW_DEFINITION"
      + " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";

  private MysqlCatalogReader() {}

  /**
   * The catalog of the connection's database, without {@code versionTable} and {@code
   * progressTable} unless {@code versionSchema} names another database than the connection's.
   */
  static LiveCatalog read(Connection connection, String versionTable,
      Optional<String> versionSchema, String progressTable) throws SQLException {
    String database = connection.getCatalog();
    boolean here = versionSchema.map(s -> s.equals(database)).orElse(true);
    List<String> skipped = here ? List.of(versionTable, progressTable) : List.of();
    Map<String, String> kinds = new LinkedHashMap<>();
    query(connection, TABLES, row -> kinds.put(row.getString(1), row.getString(2)));
    Map<String, List<LiveColumn>> columns = new LinkedHashMap<>();
    Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
    Map<String, Map<String, LiveForeignKey>> foreignKeys = new LinkedHashMap<>();
    for (Map.Entry<String, String> kind : kinds.entrySet()) {
      if (kind.getValue().equals("BASE TABLE") && !skipped.contains(kind.getKey())) {
        columns.put(kind.getKey(), new ArrayList<>());
        primaryKeys.put(kind.getKey(), new ArrayList<>());
        foreignKeys.put(kind.getKey(), new LinkedHashMap<>());
      }
    }
    query(connection, COLUMNS, row -> {
      List<LiveColumn> of = columns.get(row.getString(1));
      if (of != null) {
        of.add(new LiveColumn(row.getString(2), row.getString(3),
            row.getString(4).equals("NO"), defaultValue(row.getString(5))));
      }
    });
    Map<String, LiveIndex> indexes = new LinkedHashMap<>();
    query(connection, INDEXES, row -> {
      String table = row.getString(1);
      String index = row.getString(2);
      if (!columns.containsKey(table)) {
        return;
      }
      Optional<String> column = Optional.ofNullable(row.getString(4));
      if (index.equals("PRIMARY")) {
        primaryKeys.get(table).add(column.orElseThrow());
        return;
      }
      String key = table + "\u0000" + index;
      LiveIndex known = indexes.get(key);
      List<Optional<String>> keys = new ArrayList<>(known == null ? List.of() : known.columns());
      keys.add(column);
      indexes.put(key, new LiveIndex(index, table, row.getInt(3) == 0, keys));
    });
    query(connection, FOREIGN_KEYS, row -> {
      Map<String, LiveForeignKey> of = foreignKeys.get(row.getString(1));
      if (of == null) {
        return;
      }
      String name = row.getString(2);
      LiveForeignKey known = of.get(name);
      List<String> from = new ArrayList<>(known == null ? List.of() : known.columns());
      List<String> to = new ArrayList<>(known == null ? List.of() : known.referencedColumns());
      from.add(row.getString(3));
      to.add(row.getString(5));
      of.put(name, new LiveForeignKey(Optional.of(name), from, row.getString(4), to));
    });
    List<LiveView> views = new ArrayList<>();
    query(connection, VIEWS, row -> views.add(new LiveView(row.getString(1),
        Optional.ofNullable(row.getString(2)).orElse(""))));
    List<LiveTable> tables = new ArrayList<>();
    columns.forEach((table, of) -> tables.add(new LiveTable(table, of, primaryKeys.get(table),
        List.copyOf(foreignKeys.get(table).values()))));
    return new LiveCatalog(tables, List.copyOf(indexes.values()), views);
  }

  /**
   * The default as {@code COLUMN_DEFAULT} gives it, empty for none: MariaDB says {@code NULL}
   * (the word) for a nullable column without a default, MySQL gives SQL NULL.
   */
  private static Optional<String> defaultValue(String reported) {
    return reported == null || reported.toUpperCase(Locale.ROOT).equals("NULL")
        ? Optional.empty() : Optional.of(reported);
  }

  interface Row {
    void accept(ResultSet row) throws SQLException;
  }

  static void query(Connection connection, String sql, Row row) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        row.accept(result);
      }
    }
  }
}
