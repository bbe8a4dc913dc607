package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.ClientRun;
import dev.strata.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code strata status} with several {@code --db}: each database's report, then whether they are
 * at the same revisions ("both books must be on the same head"), naming what each has that
 * another lacks; exit 0 when they agree, 4 when they do not. Real PostgreSQL databases brought to
 * their revisions with psql, and one MariaDB database with the mariadb client.
 */
class StatusSeveralDatabasesTest {
  private static final String VERSIONS = Cli.sampleVersions().toString();

  private static void apply(TestDatabase db, Cli printed) {
    assertEquals(0, printed.exitCode(), printed.err());
    ClientRun run = db.applyText(printed.out());
    assertEquals(0, run.exitCode(), run.describe());
  }

  @Test
  void twoBooksAtDifferentHeadsDisagreeUntilBothAreOnTheSameHead() {
    try (TestDatabase books = TestDatabase.create("postgresql", "h3_books");
        TestDatabase mirror = TestDatabase.create("postgresql", "h3_mirror")) {
      apply(books, Cli.run("upgrade", "base:0016", "--versions", VERSIONS));
      apply(mirror, Cli.run("upgrade", "base:0013", "--versions", VERSIONS));
      String a = new JdbcUrl(books.jdbcUrl()).toString();
      String b = new JdbcUrl(mirror.jdbcUrl()).toString();
      Cli cli = Cli.run("status", "--db", books.jdbcUrl(), "--db", mirror.jdbcUrl(),
          "--versions", VERSIONS);
      assertEquals(4, cli.exitCode(), cli.err());
      assertTrue(cli.out().startsWith("database: " + a + "\n"
          + "version table: alembic_version\n"
          + "current: 0016_lrs_credited_signal\n"), cli.out());
      assertTrue(cli.out().contains("\n\ndatabase: " + b + "\n"
          + "version table: alembic_version\n"
          + "current: 0013_create_lrs_remittances\n"), cli.out());
      assertTrue(cli.out().endsWith("\n\nagree: no, the 2 databases are at different revisions\n"
          + "  " + a + " is at 0016_lrs_credited_signal; has 0014_lrs_references,"
          + " 0015_lrs_payment_settlement, 0016_lrs_credited_signal, which another database"
          + " lacks\n"
          + "  " + b + " is at 0013_create_lrs_remittances; has nothing another database"
          + " lacks\n"), cli.out());

      apply(mirror, Cli.run("upgrade", "--from-db", mirror.jdbcUrl(), "0016", "--versions",
          VERSIONS));
      Cli agreed = Cli.run("status", "--db", books.jdbcUrl(), "--db", mirror.jdbcUrl(),
          "--versions", VERSIONS);
      assertEquals(0, agreed.exitCode(), agreed.err() + agreed.out());
      assertTrue(agreed.out().endsWith("\n\nagree: yes, the 2 databases are at"
          + " 0016_lrs_credited_signal\n"), agreed.out());

      Cli json = Cli.run("status", "--db", books.jdbcUrl(), "--db", mirror.jdbcUrl(),
          "--versions", VERSIONS, "--format", "json");
      assertEquals(0, json.exitCode(), json.err());
      assertTrue(json.out().startsWith("{\n  \"databases\": [\n    {\n      \"database\": \""
          + a + "\",\n"), json.out());
      assertTrue(json.out().contains("\n  \"agree\": true,\n"), json.out());
    }
  }

  @Test
  void aPostgresqlAndAMariadbBookAtTheSameRevisionAgree() {
    try (TestDatabase books = TestDatabase.create("postgresql", "h3_books");
        TestDatabase other = TestDatabase.create("mariadb", "h3_other")) {
      apply(books, Cli.run("upgrade", "base:0003", "--versions", VERSIONS));
      apply(other, Cli.run("upgrade", "base:0002", "--versions", VERSIONS, "--dialect",
          "mariadb"));
      Cli cli = Cli.run("status", "--db", books.jdbcUrl(), "--db", other.jdbcUrl(),
          "--versions", VERSIONS);
      assertEquals(4, cli.exitCode(), cli.err());
      assertTrue(cli.out().contains("run: strata upgrade --dialect mariadb --versions "
          + VERSIONS + " 0002_create_accounts:head\n"), cli.out());
      assertTrue(cli.out().contains("; has 0003_"), cli.out());
      apply(other, Cli.run("upgrade", "--from-db", other.jdbcUrl(), "0003", "--versions",
          VERSIONS, "--dialect", "mariadb"));
      Cli agreed = Cli.run("status", "--db", books.jdbcUrl(), "--db", other.jdbcUrl(),
          "--versions", VERSIONS);
      assertEquals(0, agreed.exitCode(), agreed.err() + agreed.out());
      assertTrue(agreed.out().endsWith("agree: yes, the 2 databases are at "
          + agreed.out().lines().filter(l -> l.startsWith("current: ")).findFirst()
              .orElseThrow().substring("current: ".length()) + "\n"), agreed.out());
    }
  }
}
