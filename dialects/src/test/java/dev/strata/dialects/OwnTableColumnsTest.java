package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column name two tables share with two kinds ({@code qty} an integer in {@code lines}, a numeric
 * in {@code items}; {@code x} a float and a numeric): in a statement of one table (its {@code
 * CHECK}, its generated column, an {@code UPDATE} or {@code DELETE} of it, by its name or its
 * alias) the name is that table's column, as in PostgreSQL, and so is it in a query of that table
 * (an {@code INSERT ... SELECT}, a view; a join, by the tables' aliases; an {@code UPDATE ...
 * FROM}'s tables). The kind was taken from every table of the model, so the name was not known:
 * MariaDB divided {@code qty / 2} of 7 as 3.5 (stored as 4, a {@code CHECK} and a {@code WHERE}
 * that PostgreSQL's 3 passes failed or missed), SQLite divided the numeric {@code i.qty} as
 * integers and rounded the float 2.5 in a {@code CHECK} to 3 where PostgreSQL's {@code rint} gives
 * 2. Each client leaves PostgreSQL's rows.
 */
class OwnTableColumnsTest {
  private static final String REVISION = """
      -- revision: 0001_own
      -- revises: base
      -- +upgrade
      CREATE TABLE items (id BIGINT PRIMARY KEY, qty NUMERIC(10, 2), x NUMERIC(10, 2));
      CREATE TABLE lines (id BIGINT PRIMARY KEY, qty INTEGER NOT NULL, half INTEGER,
          x DOUBLE PRECISION,
          dbl INTEGER GENERATED ALWAYS AS (qty / 2) STORED,
          CONSTRAINT lines_q CHECK (qty / 2 * 2 < qty OR qty %% 2 = 0),
          CONSTRAINT lines_x CHECK (round(x) <> 3));
      INSERT INTO lines (id, qty, x) VALUES (1, 7, 2.5), (2, 5, 0.5);
      UPDATE lines SET half = qty / 2;
      UPDATE lines AS l SET x = l.x + 1 WHERE l.qty / 2 = 3;
      DELETE FROM lines WHERE qty / 2 = 2;
      CREATE TABLE r (k VARCHAR(20) PRIMARY KEY, v VARCHAR(40));
      INSERT INTO r (k, v) SELECT 'line' || CAST(id AS VARCHAR(10)), CAST(half AS VARCHAR(10))
          || ' ' || CAST(dbl AS VARCHAR(10)) || ' ' || CAST(x AS VARCHAR(10)) FROM lines;
      INSERT INTO items (id, qty, x) VALUES (1, 7.00, 2.50);
      INSERT INTO r (k, v) SELECT 'select', CAST(qty / 2 AS VARCHAR(10)) FROM lines;
      INSERT INTO r (k, v) SELECT 'join', CAST(l.qty / 2 AS VARCHAR(10)) || ' '
          || CASE WHEN i.qty / 2 = 3.5 THEN 'yes' ELSE 'no' END
          FROM lines AS l JOIN items AS i ON i.id = l.id;
      CREATE VIEW halves AS SELECT id, qty / 2 AS h FROM lines;
      INSERT INTO r (k, v) SELECT 'view', CAST(h AS VARCHAR(10)) FROM halves;
      %s      -- +downgrade
      DROP VIEW halves;
      DROP TABLE r;
      DROP TABLE lines;
      DROP TABLE items;
      """;

  /**
   * An {@code UPDATE ... FROM}, whose {@code i.qty} is the numeric of items (MySQL and MariaDB have
   * no {@code FROM} there: E0447).
   */
  private static final String UPDATE_FROM = """
      UPDATE lines SET half = CASE WHEN i.qty / 2 = 3.5 THEN 1 ELSE 0 END FROM items AS i
          WHERE i.id = lines.id;
      INSERT INTO r (k, v) SELECT 'from', CAST(half AS VARCHAR(10)) FROM lines;
      """;

  /** What PostgreSQL leaves in r: row 1 halved as integers and moved, row 2 deleted, ... */
  private static final List<String> ROWS =
      List.of("from|1", "join|3 yes", "line1|3 3 3.5", "select|3", "view|3");

  private static final String QUERY = "SELECT k, v FROM r ORDER BY k";

  @TempDir Path dir;

  @Test
  void postgresqlLeavesTheExpectedRows() throws Exception {
    assertEquals(ROWS, ClientRows.postgresql(dir.resolve("postgresql"), "own_table_pg", QUERY,
        REVISION.formatted(UPDATE_FROM)));
  }

  @Test
  void mariadbLeavesThePostgresqlRows() throws Exception {
    assertEquals(ROWS.stream().filter(row -> !row.startsWith("from|")).toList(),
        ClientRows.mariadb(dir.resolve("mariadb"), "own_table_maria", QUERY,
            REVISION.formatted("")));
  }

  @Test
  void sqliteLeavesThePostgresqlRows() throws Exception {
    assertEquals(ROWS, ClientRows.sqlite(ClientRows.sqliteScript(dir.resolve("sqlite"),
        REVISION.formatted(UPDATE_FROM)), "own_table", QUERY));
  }
}
