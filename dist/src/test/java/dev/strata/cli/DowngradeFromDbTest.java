package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.ClientRun;
import dev.strata.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code strata downgrade --from-db URL TO}: FROM is read from the database's version table, so
 * {@code -1} rolls back one revision from where the database is (Alembic's {@code downgrade -1});
 * every script is applied with the real psql to a real PostgreSQL database.
 */
class DowngradeFromDbTest {
  private static final String VERSIONS = Cli.sampleVersions().toString();

  private static void apply(TestDatabase db, Cli printed) {
    assertEquals(0, printed.exitCode(), printed.err());
    ClientRun run = db.applyText(printed.out());
    assertEquals(0, run.exitCode(), run.describe());
  }

  private static List<String> rows(TestDatabase db) {
    return db.query("SELECT version_num FROM alembic_version");
  }

  @Test
  void minusOneRollsBackOneRevisionFromWhereTheDatabaseIs() {
    try (TestDatabase db = TestDatabase.create("postgresql", "h3_down")) {
      apply(db, Cli.run("upgrade", "base:0016", "--versions", VERSIONS));
      Cli down = Cli.run("downgrade", "--from-db", db.jdbcUrl(), "-1", "--versions", VERSIONS);
      assertTrue(down.out().contains("-- strata 0.1.0: downgrade 0016_lrs_credited_signal ->"
          + " 0015_lrs_payment_settlement (postgresql)\n"), down.out());
      apply(db, down);
      assertEquals(List.of("0015_lrs_payment_settlement"), rows(db));
      // twice more, then to base: the database says where each one starts
      apply(db, Cli.run("downgrade", "--from-db", db.jdbcUrl(), "-2", "--versions", VERSIONS));
      assertEquals(List.of("0013_create_lrs_remittances"), rows(db));
      apply(db, Cli.run("downgrade", "--from-db", db.jdbcUrl(), "base", "--versions", VERSIONS));
      assertEquals(List.of(), rows(db));
    }
  }

  @Test
  void aPsqlUriWithPgpasswordWorksToo() {
    try (TestDatabase db = TestDatabase.create("postgresql", "h3_down")) {
      apply(db, Cli.run("upgrade", "base:0003", "--versions", VERSIONS));
      Map<String, String> client =
          dev.strata.testkit.PostgresServer.require().clientEnvironment(db.name());
      Environment environment = new Environment(Map.of("PGPASSWORD",
          client.getOrDefault("PGPASSWORD", "")), java.nio.file.Path.of(""));
      Cli down = Cli.run(environment, "downgrade", "--from-db", client.get("DATABASE_URL"), "-1",
          "--versions", VERSIONS);
      apply(db, down);
      assertEquals(List.of("0002_create_accounts"), rows(db));
    }
  }

  @Test
  void theRangeIsJustTo() {
    try (TestDatabase db = TestDatabase.create("postgresql", "h3_down")) {
      Cli cli = Cli.run("downgrade", "--from-db", db.jdbcUrl(), "head:-1", "--versions", VERSIONS);
      assertEquals(2, cli.exitCode());
      assertTrue(cli.err().startsWith("strata: error: --from-db gives FROM: the range is then"
          + " just TO, not 'head:-1'\n"), cli.err());
    }
  }

  @Test
  void withoutFromDbADowngradeStillNeedsFrom() {
    Cli cli = Cli.run("downgrade", "-1", "--versions", VERSIONS);
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith("<range>:1:1: error[E0301]: a downgrade needs a range"
        + " FROM:TO\n"), cli.err());
  }
}
