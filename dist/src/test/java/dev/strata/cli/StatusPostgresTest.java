package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata status --db} and {@code --from-db} against a real PostgreSQL: a database brought
 * to 0012 with the real psql is reported at 0012 with the ten revisions left, and the script
 * {@code upgrade --from-db} prints brings it to head. The password never shows.
 */
class StatusPostgresTest {
  private static final String VERSIONS = Cli.sampleVersions().toString();
  private static final String AT_0012 = "0012_journal_lines_account_idx";
  private static final String PENDING = """
        0018_create_dividend_events      create the dividend sub-ledger
        0019_dividend_instrument_symbol  rename dividend_events.symbol to instrument_symbol and widen it
        0013_create_lrs_remittances      create the LRS remittance snapshot table
        0014_lrs_references              add remittance_information and reference_number to LRS remittances
        0015_lrs_payment_settlement      add payment and settlement columns to LRS remittances
        0016_lrs_credited_signal         add credited_to_beneficiary to LRS remittances and backfill it
        0017_lrs_actual_tcs              record actual TCS and the RBI purpose code of LRS remittances
        0020_merge_lrs_dividends         merge the lrs and dividends branches
        0021_create_audit_schema         audit row changes of LRS remittances and dividend events
        0022_transaction_value_date      backfill transactions.value_date and make it mandatory
        0023_cash_request_status_enum    cash request status becomes an enum type
        0024_cash_request_on_hold        cash requests can be put on hold while compliance reviews them
        0025_statement_numbers           number balance snapshots from a sequence for customer statements
        0026_account_balances_view       the latest balance of every active account, for the back office
        0027_dividend_events_updated_at  track when dividend events change, with a trigger function written without a block
        0028_dividend_events_paid_on     record when a dividend reached the account; the downgrade is derived by strata
      """;

  @TempDir Path dir;
  private PostgresServer server;
  private String db;
  private String url;

  @BeforeEach
  void freshDatabase() {
    server = PostgresServer.require();
    db = server.createDatabase("strata_status");
    url = server.jdbcUrl(db);
  }

  @AfterEach
  void dropDatabase() {
    server.dropDatabase(db);
  }

  @Test
  void databaseAt0012IsReportedWithTheRevisionsLeftAndTheCommand() throws Exception {
    apply(Cli.run("upgrade", "base:0012", "--versions", VERSIONS));
    Cli cli = Cli.run("status", "--db", url, "--versions", VERSIONS);
    assertEquals(new Cli(0, "database: " + masked() + "\n"
        + "version table: alembic_version\n"
        + "current: " + AT_0012 + "\n"
        + "to reach head: 16 revisions\n"
        + PENDING
        + "run: strata upgrade --versions " + VERSIONS + " " + AT_0012 + ":head\n"
        + "drift: none, the schema is the one its revisions make\n", ""), cli);
  }

  @Test
  void jsonReport() throws Exception {
    apply(Cli.run("upgrade", "base:0012", "--versions", VERSIONS));
    Cli cli = Cli.run("status", "--db", url, "--versions", VERSIONS, "--format", "json");
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().startsWith("{\n"
        + "  \"database\": \"" + masked() + "\",\n"
        + "  \"versionTable\": {\n"
        + "    \"name\": \"alembic_version\",\n"
        + "    \"schema\": null,\n"
        + "    \"exists\": true\n"
        + "  },\n"
        + "  \"current\": [\n"
        + "    \"" + AT_0012 + "\"\n"
        + "  ],\n"
        + "  \"target\": \"head\",\n"
        + "  \"pending\": [\n"
        + "    {\n"
        + "      \"revision\": \"0018_create_dividend_events\",\n"
        + "      \"message\": \"create the dividend sub-ledger\"\n"
        + "    },\n"), cli.out());
    assertTrue(cli.out().endsWith("    {\n"
        + "      \"revision\": \"0028_dividend_events_paid_on\",\n"
        + "      \"message\": \"record when a dividend reached the account; the downgrade is"
        + " derived by strata\"\n"
        + "    }\n"
        + "  ],\n"
        + "  \"command\": \"strata upgrade --versions " + VERSIONS + " " + AT_0012 + ":head\",\n"
        + "  \"drift\": [],\n"
        + "  \"handEdits\": []\n"
        + "}\n"), cli.out());
    assertEquals(16, cli.out().split("\"revision\"").length - 1);
  }

  /**
   * Issue 9: FROM comes from the database as targets, not as text glued before TO, so a
   * diagnostic shows only what was typed, and one about the rows has no position at all.
   */
  @Test
  void fromDbDiagnosticsShowOnlyTheRangeTyped() throws Exception {
    apply(Cli.run("upgrade", "base:0012", "--versions", VERSIONS));
    Cli unknown = Cli.run("upgrade", "--from-db", url, "head-x", "--versions", VERSIONS);
    assertEquals(1, unknown.exitCode(), unknown.err());
    assertTrue(unknown.err().startsWith("<range>:1:1: error[E0301]: 'head-x' is not a target\n"
        + "  1 | head-x\n"), unknown.err());
    Cli behind = Cli.run("upgrade", "--from-db", url, "0005", "--versions", VERSIONS);
    assertEquals(1, behind.exitCode(), behind.err());
    assertTrue(behind.err().startsWith("strata: error[E0305]: cannot upgrade from '" + AT_0012
        + "' to '0005"), behind.err());
    assertFalse(behind.err().contains("<range>"), behind.err());
  }

  @Test
  void upgradeFromDbBringsTheDatabaseToHead() throws Exception {
    apply(Cli.run("upgrade", "base:0012", "--versions", VERSIONS));
    Cli upgrade = Cli.run("upgrade", "--from-db", url, "head", "--versions", VERSIONS);
    assertTrue(upgrade.out().contains("-- strata 0.1.0: upgrade " + AT_0012
        + " -> 0028_dividend_events_paid_on (postgresql)\n"), upgrade.out());
    apply(upgrade);
    assertEquals(List.of("0028_dividend_events_paid_on"),
        server.query(db, "SELECT version_num FROM alembic_version"));
    assertEquals(new Cli(0, "database: " + masked() + "\n"
        + "version table: alembic_version\n"
        + "current: 0028_dividend_events_paid_on\n"
        + "to reach head: nothing to apply, the database is up to date\n"
        + "drift: none, the schema is the one its revisions make\n", ""),
        Cli.run("status", "--db", url, "--versions", VERSIONS));
  }

  @Test
  void bundleFromDbStartsAtTheDatabasesRevision() throws Exception {
    apply(Cli.run("upgrade", "base:0012", "--versions", VERSIONS));
    Path bundle = dir.resolve("release.tar.gz");
    Cli cli = Cli.run("bundle", "--from-db", url, "head", "-o", bundle.toString(), "--versions",
        VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().startsWith("wrote " + bundle + " (strata-" + AT_0012
        + "-0028_dividend_events_paid_on-postgresql/, "), cli.out());
  }

  @Test
  void anEmptyDatabaseIsAtBase() {
    Cli cli = Cli.run("status", "--db", url, "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().startsWith("database: " + masked() + "\n"
        + "version table: alembic_version (does not exist)\n"
        + "current: base\n"
        + "to reach head: 28 revisions\n"
        + "  0001_create_customers            create customers\n"), cli.out());
    assertTrue(cli.out().endsWith("run: strata upgrade --versions " + VERSIONS + " base:head\n"
        + "drift: none, the schema is the one its revisions make\n"));
  }

  @Test
  void withSeveralHeadsTheTargetIsHeads() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    NewCommandTest.write(versions, "0001_root", "base");
    NewCommandTest.write(versions, "0002_left", "0001_root");
    NewCommandTest.write(versions, "0002_right", "0001_root");
    apply(Cli.run("upgrade", "0001", "--versions", versions.toString()));
    Cli cli = Cli.run("status", "--db", url, "--versions", versions.toString());
    // the planner's order (Alembic's walk), as 'strata upgrade 0001_root:heads' runs them
    assertEquals(new Cli(0, "database: " + masked() + "\n"
        + "version table: alembic_version\n"
        + "current: 0001_root\n"
        + "to reach heads: 2 revisions\n"
        + "  0002_right\n"
        + "  0002_left\n"
        + "run: strata upgrade --versions " + versions + " 0001_root:heads\n"
        + "drift: none, the schema is the one its revisions make\n", ""), cli);
  }

  @Test
  void rowsThatTheVersionsDirectoryDoesNotKnowAreNamed() {
    psql("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
        + " INSERT INTO alembic_version VALUES ('0099_from_the_future'), ('" + AT_0012 + "')");
    Cli cli = Cli.run("status", "--db", url, "--versions", VERSIONS);
    assertEquals(new Cli(1, "", "strata: error[E0532]: the version table alembic_version of "
        + masked() + " holds '0099_from_the_future', which is not a revision in '" + VERSIONS
        + "'\n"
        + "  = help: the database was upgraded from other revision files (another branch, a newer"
        + " checkout): run strata with those, or name them with --versions DIR\n"), cli);
    assertEquals(cli.err(),
        Cli.run("upgrade", "--from-db", url, "head", "--versions", VERSIONS).err());
  }

  /** Issue 7: such a table printed a diagnostic at '<range>:1:1', a range nobody typed. */
  @Test
  void aTableHoldingARevisionAndItsDescendantIsInconsistent() throws Exception {
    apply(Cli.run("upgrade", "base:0012", "--versions", VERSIONS));
    psql("INSERT INTO alembic_version VALUES ('0011_customer_india_fields')");
    Cli cli = Cli.run("status", "--db", url, "--versions", VERSIONS);
    assertEquals(new Cli(1, "", "strata: error[E0540]: the version table alembic_version of "
        + masked() + " is inconsistent: it holds '0011_customer_india_fields' and its descendant"
        + " '" + AT_0012 + "'\n"
        + "  = note: the table holds one row per head; a revision below another row is never a"
        + " row of its own (strata and Alembic replace a parent's row with its child's)\n"
        + "  = help: find out which revisions the database really has, then delete the stale row:"
        + " DELETE FROM alembic_version WHERE version_num = '0011_customer_india_fields';\n"),
        cli);
    assertEquals(cli.err(),
        Cli.run("upgrade", "--from-db", url, "head", "--versions", VERSIONS).err());
    // the advice works: after the DELETE, the table is at 0012 again
    psql("DELETE FROM alembic_version WHERE version_num = '0011_customer_india_fields'");
    assertTrue(Cli.run("status", "--db", url, "--versions", VERSIONS).out()
        .contains("current: " + AT_0012 + "\n"));
  }

  /** At PostgreSQL's limit (63 bytes, counted in UTF-8): the names psql creates are the ones named. */
  @Test
  void versionTableNamesAtTheIdentifierLimitWork() throws Exception {
    String table = "é".repeat(29) + "v"; // 30 characters, 59 bytes: '<table>_pkc' is 63 bytes
    String schema = "s".repeat(61) + "é"; // 63 bytes
    psql("CREATE SCHEMA \"" + schema + "\"");
    apply(Cli.run("upgrade", "base:0002", "--versions", VERSIONS, "--version-table", table,
        "--version-table-schema", schema));
    assertEquals(List.of(table + "_pkc"), server.query(db,
        "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = '\"" + schema
            + "\".\"" + table + "\"'::regclass"));
    Cli cli = Cli.run("status", "--db", url, "--versions", VERSIONS, "--version-table", table,
        "--version-table-schema", schema);
    assertTrue(cli.out().contains("current: 0002_create_accounts\n"), cli.err() + cli.out());
    // the version table's schema is strata's, not drift
    assertTrue(cli.out().endsWith("drift: none, the schema is the one its revisions make\n"), cli.out());
    assertEquals(0, cli.exitCode(), cli.err());
  }

  @Test
  void aTableThatCannotBeReadIsADiagnostic() {
    psql("CREATE SCHEMA audit; CREATE TABLE audit.versions (revision TEXT)");
    Cli cli = Cli.run("status", "--db", url, "--versions", VERSIONS, "--version-table",
        "versions", "--version-table-schema", "audit");
    assertEquals(new Cli(1, "", "strata: error[E0531]: cannot read the version table"
        + " audit.versions of " + masked() + ": ERROR: column \"version_num\" does not exist\n"
        + "  = help: audit.versions has no column version_num, so it is not a version table as"
        + " Alembic and strata write it; name the version table with --version-table\n"), cli);
  }

  @Test
  void statusWorksOnADatabaseThatRefusesWrites() {
    psql("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
        + " INSERT INTO alembic_version VALUES ('" + AT_0012 + "')");
    psql("ALTER DATABASE " + db + " SET default_transaction_read_only = on");
    Cli cli = Cli.run("status", "--db", url, "--versions", VERSIONS);
    // read, not written: the tables of 0001..0012 were never created, which is drift (exit 1)
    assertEquals(1, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("current: " + AT_0012 + "\n"), cli.out());
    assertTrue(cli.out().contains("\n  table `customers` dropped\n"), cli.out());
  }

  @Test
  void aWrongPasswordNeverShows() {
    String password = "Wr0ngPassw0rd";
    String wrong = url.replaceFirst("password=[^&]*", "password=" + password)
        .replaceFirst("user=[^&]*", "user=" + password + "_role");
    Cli cli = Cli.run("status", "--db", wrong, "--versions", VERSIONS);
    assertEquals(1, cli.exitCode());
    assertFalse(cli.err().contains(password), cli.err());
    assertFalse(cli.out().contains(password), cli.out());
    String shown = JdbcUrl.masked(wrong).replace("user=" + password, "user=***");
    assertTrue(cli.err().startsWith("strata: error[E0530]: cannot connect to " + shown + ": FATAL: "),
        cli.err());
    assertTrue(cli.err().endsWith(
        "  = help: check the host, port, database, user and password in the URL\n"), cli.err());
  }

  private String masked() {
    return new JdbcUrl(url).toString();
  }

  /** Applies a script that strata printed with the real psql. */
  private void apply(Cli printed) throws Exception {
    assertEquals(0, printed.exitCode(), printed.err());
    Path script = Files.writeString(Files.createTempFile(dir, "script", ".sql"), printed.out());
    PostgresServer.ProcessResult result = server.psql(db, script);
    assertEquals(0, result.exitCode(), result.stderr());
  }

  private void psql(String sql) {
    PostgresServer.ProcessResult result = server.psql(db, "-c", sql);
    assertEquals(0, result.exitCode(), result.stderr());
  }
}
