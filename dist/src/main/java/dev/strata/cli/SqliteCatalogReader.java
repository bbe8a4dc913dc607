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
import java.util.TreeMap;

/**
 * Reads the tables, columns, primary keys, foreign keys, indexes and views of a live SQLite
 * database ({@code main}) from {@code sqlite_schema} and the table-valued pragmas {@code
 * pragma_table_info}, {@code pragma_foreign_key_list}, {@code pragma_index_list} and {@code
 * pragma_index_info} into a {@link LiveCatalog}. Left out: SQLite's own {@code sqlite_*} tables,
 * the version table and {@code strata_progress} (names compared without case, as SQLite does),
 * and the indexes SQLite makes for {@code PRIMARY KEY} and {@code UNIQUE} constraints (origin
 * {@code pk}/{@code u}): only those of {@code CREATE INDEX} (origin {@code c}) are indexes.
 *
 * <p>The queries are written by hand: jOOQ has no model of SQLite's pragmas, and these are plain
 * SELECTs with bind parameters.
 */
final class SqliteCatalogReader {
  private static final String OBJECTS = "SELECT type, name, sql FROM sqlite_schema"
      + " WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
      + " ORDER BY name";
  private static final String COLUMNS =
      "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid";
  private static final String FOREIGN_KEYS = "SELECT id, \"table\", \"from\", \"to\""
      + " FROM pragma_foreign_key_list(?) ORDER BY id, seq";
  private static final String INDEXES = "SELECT name, \"unique\" FROM pragma_index_list(?)"
      + " WHERE origin = 'c' ORDER BY name";
  private static final String INDEX_KEYS = "SELECT name FROM pragma_index_info(?) ORDER BY seqno";

  private SqliteCatalogReader() {}

  /** The catalog of {@code main}, without {@code versionTable} and {@code progressTable}. */
  static LiveCatalog read(Connection connection, String versionTable, String progressTable)
      throws SQLException {
    List<String> skipped = List.of(versionTable.toLowerCase(Locale.ROOT),
        progressTable.toLowerCase(Locale.ROOT));
    List<String> tableNames = new ArrayList<>();
    List<LiveView> views = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(OBJECTS);
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        String name = row.getString(2);
        if (row.getString(1).equals("view")) {
          views.add(new LiveView(name, Optional.ofNullable(row.getString(3)).orElse("")));
        } else if (!skipped.contains(name.toLowerCase(Locale.ROOT))) {
          tableNames.add(name);
        }
      }
    }
    Map<String, List<LiveColumn>> columns = new LinkedHashMap<>();
    Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
    for (String table : tableNames) {
      List<LiveColumn> of = new ArrayList<>();
      Map<Integer, String> key = new TreeMap<>();
      query(connection, COLUMNS, table, row -> {
        of.add(new LiveColumn(row.getString(1), Optional.ofNullable(row.getString(2)).orElse(""),
            row.getInt(3) != 0, Optional.ofNullable(row.getString(4))));
        if (row.getInt(5) > 0) {
          key.put(row.getInt(5), row.getString(1));
        }
      });
      columns.put(table, of);
      primaryKeys.put(table, List.copyOf(key.values()));
    }
    List<LiveTable> tables = new ArrayList<>();
    List<LiveIndex> indexes = new ArrayList<>();
    for (String table : tableNames) {
      Map<Integer, LiveForeignKey> keys = new LinkedHashMap<>();
      query(connection, FOREIGN_KEYS, table, row -> {
        LiveForeignKey known = keys.get(row.getInt(1));
        String references = row.getString(2);
        List<String> from = new ArrayList<>(known == null ? List.of() : known.columns());
        List<String> to = new ArrayList<>(known == null ? List.of() : known.referencedColumns());
        from.add(row.getString(3));
        Optional.ofNullable(row.getString(4)).ifPresent(to::add);
        keys.put(row.getInt(1), new LiveForeignKey(Optional.empty(), from, references, to));
      });
      List<LiveForeignKey> foreignKeys = new ArrayList<>();
      for (LiveForeignKey key : keys.values()) {
        // REFERENCES t without columns: the referenced table's primary key
        foreignKeys.add(key.referencedColumns().isEmpty()
            ? new LiveForeignKey(key.name(), key.columns(), key.references(),
                primaryKey(primaryKeys, key.references()))
            : key);
      }
      tables.add(new LiveTable(table, columns.get(table), primaryKeys.get(table), foreignKeys));
      Map<String, Boolean> unique = new LinkedHashMap<>();
      query(connection, INDEXES, table, row -> unique.put(row.getString(1), row.getInt(2) != 0));
      for (Map.Entry<String, Boolean> index : unique.entrySet()) {
        List<Optional<String>> keyColumns = new ArrayList<>();
        query(connection, INDEX_KEYS, index.getKey(),
            row -> keyColumns.add(Optional.ofNullable(row.getString(1))));
        indexes.add(new LiveIndex(index.getKey(), table, index.getValue(), keyColumns));
      }
    }
    return new LiveCatalog(tables, indexes, views);
  }

  private static List<String> primaryKey(Map<String, List<String>> primaryKeys, String table) {
    return primaryKeys.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(table))
        .map(Map.Entry::getValue).findFirst().orElse(List.of());
  }

  private static void query(Connection connection, String sql, String argument,
      MysqlCatalogReader.Row row) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, argument);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          row.accept(result);
        }
      }
    }
  }
}
