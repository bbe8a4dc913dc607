package dev.strata.grammar;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one list of target dialects strata knows, by id: what {@code -- +dialect NAME} blocks and
 * the CLI's {@code --dialect} accept. The renderers' {@code dev.strata.dialects.Dialect} maps each
 * id to its capabilities with an exhaustive switch, so adding an id here breaks the build wherever
 * a dialect must be handled.
 */
public enum DialectId {
  /** PostgreSQL, run with {@code psql}. */
  POSTGRESQL,
  /** MySQL 8.0, run with {@code mysql}. */
  MYSQL,
  /** MariaDB 10.11, run with {@code mariadb}. */
  MARIADB,
  /** SQLite 3.37 and later, run with {@code sqlite3}. */
  SQLITE;

  /** The lowercase id, e.g. {@code postgresql}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dialect whose {@link #id()} is exactly {@code id}, or empty. */
  public static Optional<DialectId> byId(String id) {
    return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst();
  }

  /** Every id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(DialectId::id).toList();
  }
}
