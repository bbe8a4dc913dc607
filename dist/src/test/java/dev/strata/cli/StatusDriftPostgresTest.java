package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drift in {@code strata status --db}: a database that {@code strata upgrade base:X} (applied with
 * the real psql) brought to X reports no drift, for base and every prefix X of the sample chain;
 * each kind of change made by hand at head is reported exactly, with exit code 1.
 */
class StatusDriftPostgresTest {
  private static final String VERSIONS = Cli.sampleVersions().toString();
  private static final String HEAD = "0028_dividend_events_paid_on";
  private static final String HEADER = """
      database: %s
      version table: alembic_version
      current: 0028_dividend_events_paid_on
      to reach head: nothing to apply, the database is up to date
      """;

  @TempDir static Path dir;

  @TestFactory
  Stream<DynamicTest> anUpgradedDatabaseHasNoDriftAtEveryPrefix() throws Exception {
    List<Step> steps =
        new Planner(RevisionGraph.build(VersionsLoader.load(Cli.sampleVersions())))
            .plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:head"))
            .steps();
    return Stream.concat(Stream.of("base"), steps.stream().map(Step::id))
        .map(id -> DynamicTest.dynamicTest(id, () -> noDriftAt(id)));
  }

  private static void noDriftAt(String target) throws Exception {
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_drift");
    try {
      if (!target.equals("base")) {
        upgrade(server, db, target);
      }
      Cli cli = Cli.run("status", "--db", server.jdbcUrl(db), "--versions", VERSIONS);
      assertEquals("", cli.err());
      assertEquals(0, cli.exitCode(), cli.out());
      assertEquals(1, cli.out().lines()
          .filter(l -> l.equals("drift: none, the schema is the one its revisions make")).count(),
          cli.out());
    } finally {
      server.dropDatabase(db);
    }
  }

  static Stream<Arguments> handChanges() {
    return Stream.of(
        Arguments.of("drop a column", "ALTER TABLE accounts DROP COLUMN closed_at CASCADE", """
            drift: 2 differences from the schema its revisions make
              table `accounts`: dropped column `closed_at TIMESTAMP WITH TIME ZONE NULL`
              table `accounts`: dropped constraint `ck_accounts_closed_after_opened CHECK (closed_at IS NULL OR closed_at >= opened_at)`
            """),
        Arguments.of("add a column", "ALTER TABLE accounts ADD COLUMN nickname varchar(40)", """
            drift: 1 difference from the schema its revisions make
              table `accounts`: added column `nickname VARCHAR(40) NULL`
            """),
        Arguments.of("change a type", "ALTER TABLE accounts ALTER COLUMN name TYPE text", """
            drift: 1 difference from the schema its revisions make
              table `accounts`: column `name` type changed from `VARCHAR(200)` to `TEXT`
            """),
        Arguments.of("drop NOT NULL", "ALTER TABLE accounts ALTER COLUMN currency DROP NOT NULL",
            """
            drift: 1 difference from the schema its revisions make
              table `accounts`: column `currency` nullability changed from `NOT NULL` to `NULL`
            """),
        Arguments.of("change a default",
            "ALTER TABLE customers ALTER COLUMN kyc_status SET DEFAULT 'VERIFIED'", """
            drift: 1 difference from the schema its revisions make
              table `customers`: column `kyc_status` default changed from `'PENDING'` to `'VERIFIED'::character varying`
            """),
        Arguments.of("drop a default",
            "ALTER TABLE accounts ALTER COLUMN is_active DROP DEFAULT", """
            drift: 1 difference from the schema its revisions make
              table `accounts`: column `is_active` default removed (was `true`)
            """),
        Arguments.of("drop an index", "DROP INDEX ix_accounts_customer_id", """
            drift: 1 difference from the schema its revisions make
              index `ix_accounts_customer_id` dropped
            """),
        Arguments.of("add an index",
            "CREATE INDEX ix_accounts_currency ON accounts (currency DESC) WHERE is_active", """
            drift: 1 difference from the schema its revisions make
              index `ix_accounts_currency` created on `accounts` `(currency DESC)`
            """),
        Arguments.of("change an index",
            "DROP INDEX ix_accounts_customer_id;"
                + " CREATE INDEX ix_accounts_customer_id ON accounts (customer_id, currency)", """
            drift: 2 differences from the schema its revisions make
              index `ix_accounts_customer_id` dropped
              index `ix_accounts_customer_id` created on `accounts` `(customer_id, currency)`
            """),
        Arguments.of("drop a constraint",
            "ALTER TABLE journal_lines DROP CONSTRAINT ck_journal_lines_amount_positive", """
            drift: 1 difference from the schema its revisions make
              table `journal_lines`: dropped constraint `ck_journal_lines_amount_positive CHECK (amount > 0)`
            """),
        Arguments.of("change a check",
            "ALTER TABLE journal_lines DROP CONSTRAINT ck_journal_lines_amount_positive;"
                + " ALTER TABLE journal_lines ADD CONSTRAINT ck_journal_lines_amount_positive"
                + " CHECK (amount >= 0)", """
            drift: 1 difference from the schema its revisions make
              table `journal_lines`: constraint `ck_journal_lines_amount_positive` changed from `CHECK (amount > 0)` to `CHECK ((amount >= (0)::numeric))`
            """),
        Arguments.of("change a foreign key's action",
            "ALTER TABLE accounts DROP CONSTRAINT fk_accounts_customer_id;"
                + " ALTER TABLE accounts ADD CONSTRAINT fk_accounts_customer_id FOREIGN KEY"
                + " (customer_id) REFERENCES customers (id) ON DELETE CASCADE", """
            drift: 1 difference from the schema its revisions make
              table `accounts`: constraint `fk_accounts_customer_id` changed from `FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT` to `FOREIGN KEY (customer_id) REFERENCES customers (id) MATCH SIMPLE ON DELETE CASCADE ON UPDATE NO ACTION`
            """),
        Arguments.of("add a table", "CREATE TABLE scratch (id bigint PRIMARY KEY, note text)", """
            drift: 1 difference from the schema its revisions make
              table `scratch` created `(id BIGINT NOT NULL, note TEXT NULL, CONSTRAINT scratch_pkey PRIMARY KEY (id))`
            """),
        Arguments.of("drop a table", "DROP TABLE lrs_purpose_codes CASCADE", """
            drift: 2 differences from the schema its revisions make
              table `lrs_purpose_codes` dropped
              table `lrs_remittances`: dropped constraint `fk_lrs_remittances_purpose_code FOREIGN KEY (purpose_code) REFERENCES lrs_purpose_codes (code) ON DELETE RESTRICT`
            """),
        Arguments.of("add an enum value",
            "ALTER TYPE cash_request_status ADD VALUE 'ESCALATED' AFTER 'ON_HOLD'", """
            drift: 1 difference from the schema its revisions make
              type `cash_request_status`: added value `'ESCALATED'` after `'ON_HOLD'`
            """),
        Arguments.of("drop a trigger",
            "DROP TRIGGER trg_cash_requests_updated_at ON cash_requests", """
            drift: 1 difference from the schema its revisions make
              trigger `trg_cash_requests_updated_at` on `cash_requests` dropped
            """),
        Arguments.of("add a schema and a view in it",
            "CREATE SCHEMA reporting; CREATE VIEW reporting.open_accounts AS"
                + " SELECT id FROM accounts WHERE closed_at IS NULL", """
            drift: 2 differences from the schema its revisions make
              schema `reporting` created
              view `reporting.open_accounts` created
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handChanges")
  void aChangeByHandIsReportedExactly(String name, String sql, String expected) throws Exception {
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_drift");
    try {
      upgrade(server, db, HEAD);
      PostgresServer.ProcessResult result = server.psql(db, "-c", sql);
      assertEquals(0, result.exitCode(), result.stderr());
      Cli cli = Cli.run("status", "--db", server.jdbcUrl(db), "--versions", VERSIONS);
      assertEquals("", cli.err());
      assertEquals(HEADER.formatted(new JdbcUrl(server.jdbcUrl(db))) + expected, cli.out());
      assertEquals(1, cli.exitCode());
    } finally {
      server.dropDatabase(db);
    }
  }

  @Test
  void jsonListsTheDriftAsChanges() throws Exception {
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_drift");
    try {
      upgrade(server, db, HEAD);
      server.psql(db, "-c", "ALTER TABLE accounts ALTER COLUMN name TYPE text");
      Cli cli = Cli.run("status", "--db", server.jdbcUrl(db), "--versions", VERSIONS,
          "--format", "json");
      assertEquals(1, cli.exitCode(), cli.err());
      JsonNode drift = JsonText.MAPPER.readTree(cli.out()).get("drift");
      assertEquals(1, drift.size());
      assertEquals("column.changed", drift.get(0).get("kind").asText());
      assertEquals("accounts.name", drift.get(0).get("object").asText());
      assertEquals("type", drift.get(0).get("attribute").asText());
      assertEquals("VARCHAR(200)", drift.get(0).get("before").asText());
      assertEquals("TEXT", drift.get(0).get("after").asText());
      assertEquals(0, JsonText.MAPPER.readTree(cli.out()).get("handEdits").size());
    } finally {
      server.dropDatabase(db);
    }
  }

  @Test
  void handEditsOnTheWayAreNamed() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("hand-edits"));
    Files.writeString(versions.resolve("0001_root.sql"), """
        -- revision: 0001_root
        -- revises: base

        -- +upgrade
        CREATE TABLE t (id BIGINT PRIMARY KEY);
        -- +dialect postgresql
        ALTER TABLE t ADD COLUMN note text;
        -- +end

        -- +downgrade
        DROP TABLE t;
        """);
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_drift");
    try {
      Path script = dir.resolve("hand-edits.sql");
      assertEquals(0, Cli.run("upgrade", "head", "--versions", versions.toString(), "-o",
          script.toString()).exitCode());
      assertEquals(0, server.psql(db, script).exitCode());
      Cli cli = Cli.run("status", "--db", server.jdbcUrl(db), "--versions", versions.toString());
      assertEquals(1, cli.exitCode(), cli.err());
      String path = versions.resolve("0001_root.sql").toString();
      assertTrue(cli.out().endsWith("""
          drift: 1 difference from the schema its revisions make
            table `t`: added column `note TEXT NULL`
          hand edits: 1 on the way, the model cannot follow them: %s:6:1
          """.formatted(path)), cli.out());
    } finally {
      server.dropDatabase(db);
    }
  }

  /** Renders {@code strata upgrade base:TARGET} and applies it with psql; both must succeed. */
  private static void upgrade(PostgresServer server, String db, String target) throws Exception {
    Path script = Files.createTempFile(dir, "upgrade", ".sql");
    Cli cli = Cli.run("upgrade", "base:" + target, "--versions", VERSIONS,
        "-o", script.toString());
    assertEquals(0, cli.exitCode(), cli::err);
    PostgresServer.ProcessResult result = server.psql(db, script);
    assertEquals(0, result.exitCode(), result::stderr);
  }
}
