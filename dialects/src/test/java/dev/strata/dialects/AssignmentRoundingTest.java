package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number with a fraction given to an integer or a {@code NUMERIC(p, s)} column: PostgreSQL's
 * assignment rounds it to the column's type (a numeric half away from zero, a float half to even),
 * as MySQL and MariaDB do; SQLite's column affinity kept 2.5 in an {@code INTEGER} column as the
 * REAL 2.5 and every digit of {@code amount * 1.075} in a {@code NUMERIC(10, 2)} one, so that the
 * rows differed from the first statement on (Capability.ASSIGNMENT_ROUNDS_NUMBERS). {@code
 * VALUES} (a literal is rounded when the script is written), {@code INSERT ... SELECT}, {@code
 * UPDATE ... SET}, a generated column and a default; each client leaves PostgreSQL's rows.
 */
class AssignmentRoundingTest {
  private static final String REVISION = """
      -- revision: 0001_round
      -- revises: base
      -- +upgrade
      CREATE TABLE src (id BIGINT PRIMARY KEY, q NUMERIC(10, 2), f DOUBLE PRECISION);
      INSERT INTO src (id, q, f) VALUES (1, 9.00, 2.5), (2, 5.00, 3.5), (3, -2.50, -0.5);
      CREATE TABLE n (id BIGINT PRIMARY KEY, w INTEGER, s SMALLINT, amount NUMERIC(10, 2),
          g INTEGER GENERATED ALWAYS AS (w * 1.5) STORED, d INTEGER DEFAULT 2.5);
      INSERT INTO n (id, w, s, amount) VALUES (1, 2.5, -0.5, 9.005), (2, -2.5, 1.5, 2.5);
      INSERT INTO n (id, w, s, amount) SELECT id + 10, q / 4, f, q / 3 FROM src;
      UPDATE n SET amount = amount * 1.075 WHERE id = 2;
      UPDATE n SET w = w + 0.5 WHERE id = 1;
      -- +downgrade
      DROP TABLE n;
      DROP TABLE src;
      """;

  /** What PostgreSQL leaves in n. */
  private static final List<String> ROWS = List.of("1|4|-1|9.01|6|3", "2|-3|2|2.69|-5|3",
      "11|2|2|3.00|3|3", "12|1|4|1.67|2|3", "13|-1|0|-0.83|-2|3");

  private static final String QUERY =
      "SELECT id, w, s, CAST(amount AS %s), g, d FROM n ORDER BY id";

  @TempDir Path dir;

  @Test
  void postgresqlLeavesTheExpectedRows() throws Exception {
    assertEquals(ROWS, ClientRows.postgresql(dir.resolve("postgresql"), "assign_round_pg",
        QUERY.formatted("TEXT"), REVISION));
  }

  @Test
  void mariadbLeavesThePostgresqlRows() throws Exception {
    assertEquals(ROWS, ClientRows.mariadb(dir.resolve("mariadb"), "assign_round_maria",
        QUERY.formatted("CHAR"), REVISION));
  }

  @Test
  void sqliteLeavesThePostgresqlRows() throws Exception {
    Path script = ClientRows.sqliteScript(dir.resolve("sqlite"), REVISION);
    // a literal is rounded as the script is written
    assertTrue(Files.readString(script).contains("VALUES (1, 3, "), Files.readString(script));
    assertEquals(ROWS, ClientRows.sqlite(script, "assign_round",
        "SELECT id, w, s, printf('%.2f', amount), g, d FROM n ORDER BY id"));
  }
}
