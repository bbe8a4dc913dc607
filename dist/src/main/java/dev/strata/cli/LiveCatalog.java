package dev.strata.cli;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link MysqlCatalogReader} and {@link SqliteCatalogReader} read of a live MariaDB, MySQL or
 * SQLite database, in the database's own words, for {@link PortableDrift}: the tables with their
 * columns, primary key and foreign keys, the indexes made by {@code CREATE INDEX} (or that may have
 * been), and the views. The version table and {@code strata_progress} are left out by the readers.
 *
 * @param tables the tables, by name
 * @param indexes the indexes that are not a primary key's (on MariaDB/MySQL also those of unique
 *     constraints and foreign keys, which the database does not tell apart: {@link PortableDrift}
 *     sets those aside)
 * @param views the views
 */
record LiveCatalog(List<LiveTable> tables, List<LiveIndex> indexes, List<LiveView> views) {
  LiveCatalog {
    tables = List.copyOf(tables);
    indexes = List.copyOf(indexes);
    views = List.copyOf(views);
  }

  /**
   * A table.
   *
   * @param primaryKey its primary key's columns in key order; empty when it has none
   */
  record LiveTable(String name, List<LiveColumn> columns, List<String> primaryKey,
      List<LiveForeignKey> foreignKeys) {
    LiveTable {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      foreignKeys = List.copyOf(foreignKeys);
    }
  }

  /**
   * A column.
   *
   * @param type the type as the database reports it ({@code bigint(20)}, {@code varchar(5)}, an
   *     SQLite declared type as written, maybe empty)
   * @param notNull whether the database says {@code NOT NULL} (SQLite: only where declared)
   * @param defaultValue the default as the database reports it
   */
  record LiveColumn(String name, String type, boolean notNull, Optional<String> defaultValue) {
    LiveColumn {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(defaultValue, "defaultValue");
    }
  }

  /**
   * A foreign key.
   *
   * @param name its name; empty on SQLite, which keeps none
   * @param referencedColumns the referenced columns (SQLite: the referenced table's primary key
   *     when the key named none)
   */
  record LiveForeignKey(Optional<String> name, List<String> columns, String references,
      List<String> referencedColumns) {
    LiveForeignKey {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
      Objects.requireNonNull(references, "references");
      referencedColumns = List.copyOf(referencedColumns);
    }
  }

  /**
   * An index.
   *
   * @param columns its keys in order: a column's name, or empty for an expression
   */
  record LiveIndex(String name, String table, boolean unique, List<Optional<String>> columns) {
    LiveIndex {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
    }
  }

  /**
   * A view.
   *
   * @param query its query as the database keeps it (MariaDB/MySQL: {@code VIEW_DEFINITION};
   *     SQLite: the whole {@code CREATE VIEW} statement as written)
   */
  record LiveView(String name, String query) {
    LiveView {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(query, "query");
    }
  }
}
