package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The data-changing golden cases change the rows they should: each upgrade script is applied with
 * the real psql to a fresh database, then its tables are queried. ({@link PostgresGoldenTest}
 * compares schemas only, which the rows a statement changes never show.)
 */
class DmlDataTest {

  @Test
  void updateFromDeleteUsingAndRowItems() {
    assertRows("dml_joins", Map.of(
        "SELECT id, plan_id, plan, seats, note FROM users ORDER BY id",
        List.of("1|null|free|null|none", "2|2|team|10|team!"),
        "SELECT id, user_id FROM sessions ORDER BY id",
        List.of("10|1")));
  }

  @Test
  void upsertDefaultValuesAndOverriding() {
    assertRows("upsert", Map.of(
        "SELECT key, value, hits FROM settings ORDER BY key",
        List.of("lang|en|0", "theme|light|1", "tz|UTC|0"),
        "SELECT id, n FROM counters ORDER BY id",
        List.of("1|7"),
        "SELECT id, label FROM fixed ORDER BY id",
        List.of("100|hundred")));
  }

  @Test
  void withQueriesBeforeDataChanges() {
    assertRows("cte_dml", Map.of(
        "SELECT id, parent, depth FROM nodes ORDER BY id",
        List.of("1|null|0", "2|1|1", "5|1|1"),
        "SELECT id, parent FROM archive ORDER BY id",
        List.of("4|null")));
  }

  /** setval moved the sequence to 41; TRUNCATE ... RESTART IDENTITY puts it back to 1. */
  @Test
  void selectForItsEffectAndTruncate() {
    assertRows("select_and_truncate", Map.of(
        "SELECT id, name FROM items ORDER BY id",
        List.of("1|after"),
        "SELECT count(*) FROM item_notes",
        List.of("0"),
        "SELECT count(*) FROM scratch",
        List.of("0")));
  }

  private static void assertRows(String name, Map<String, List<String>> expected) {
    FileCase c = new FileCase(name, GoldenTest.GOLDEN.resolve(name));
    PostgresServer server = PostgresServer.require();
    String database = server.createDatabase("strata_dml");
    try {
      ProcessResult result = server.psql(database, c.upgradeGolden());
      if (result.exitCode() != 0) {
        fail(name + ": psql exited " + result.exitCode() + "\n" + result.stderr());
      }
      expected.forEach((sql, rows) -> assertEquals(rows, server.query(database, sql), sql));
    } finally {
      server.dropDatabase(database);
    }
  }
}
