package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.ClientRun;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code strata status --db} and {@code --from-db} against a real MariaDB database (also through
 * a {@code jdbc:mysql:} URL) and a real SQLite file, made by hand-written SQL applied with the
 * real {@code mariadb} / {@code sqlite3} clients: the version rows are read, the heads and the
 * pending revisions reported, a schema that matches the revisions has no drift, and changes by
 * hand are drift.
 */
class StatusOtherDatabasesTest {
  private static final String CUSTOMERS = """
      -- revision: 0001_customers
      -- revises: base
      -- message: create customers

      -- +upgrade
      CREATE TABLE customers (
          id BIGINT NOT NULL PRIMARY KEY,
          email VARCHAR(320),
          full_name VARCHAR(200) NOT NULL,
          CONSTRAINT uq_customers_email UNIQUE (email)
      );
      CREATE INDEX ix_customers_full_name ON customers (full_name);

      -- +downgrade
      DROP TABLE customers;
      """;
  private static final String ACCOUNTS = """
      -- revision: 0002_accounts
      -- revises: 0001_customers
      -- message: create accounts

      -- +upgrade
      CREATE TABLE accounts (
          id BIGINT NOT NULL PRIMARY KEY,
          customer_id BIGINT NOT NULL,
          currency CHAR(3) NOT NULL,
          is_active BOOLEAN NOT NULL DEFAULT true,
          CONSTRAINT fk_accounts_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id)
      );
      CREATE INDEX ix_accounts_customer_id ON accounts (customer_id);
      CREATE VIEW active_accounts AS SELECT id FROM accounts WHERE is_active;

      -- +downgrade
      DROP VIEW active_accounts;
      DROP TABLE accounts;
      """;

  /** What each dialect's script would make of 0001, written by hand, with the version table. */
  private static final Map<String, String> AT_0001 = Map.of(
      "mariadb", """
          CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
          CREATE TABLE customers (id BIGINT NOT NULL, email VARCHAR(320),
              full_name VARCHAR(200) NOT NULL, CONSTRAINT customers_pkey PRIMARY KEY (id),
              CONSTRAINT uq_customers_email UNIQUE (email));
          CREATE INDEX ix_customers_full_name ON customers (full_name);
          INSERT INTO alembic_version (version_num) VALUES ('0001_customers');
          """,
      "sqlite", """
          CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
          CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(320),
              full_name VARCHAR(200) NOT NULL, CONSTRAINT uq_customers_email UNIQUE (email));
          CREATE INDEX ix_customers_full_name ON customers (full_name);
          INSERT INTO alembic_version (version_num) VALUES ('0001_customers');
          """);

  /** And of 0002. */
  private static final Map<String, String> TO_0002 = Map.of(
      "mariadb", """
          CREATE TABLE accounts (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL,
              currency CHAR(3) NOT NULL, is_active BOOLEAN NOT NULL DEFAULT TRUE,
              CONSTRAINT fk_accounts_customer_id FOREIGN KEY (customer_id)
                  REFERENCES customers (id));
          CREATE INDEX ix_accounts_customer_id ON accounts (customer_id);
          CREATE VIEW active_accounts AS SELECT id FROM accounts WHERE is_active;
          UPDATE alembic_version SET version_num = '0002_accounts';
          """,
      "sqlite", """
          CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL,
              currency CHAR(3) NOT NULL, is_active BOOLEAN NOT NULL DEFAULT 1,
              CONSTRAINT fk_accounts_customer_id FOREIGN KEY (customer_id)
                  REFERENCES customers);
          CREATE INDEX ix_accounts_customer_id ON accounts (customer_id);
          CREATE VIEW active_accounts AS SELECT id FROM accounts WHERE is_active;
          UPDATE alembic_version SET version_num = '0002_accounts';
          """);

  @TempDir Path dir;
  private Path versions;

  @BeforeEach
  void chain() throws Exception {
    versions = Files.createDirectories(dir.resolve("versions"));
    Files.writeString(versions.resolve("0001_customers.sql"), CUSTOMERS);
    Files.writeString(versions.resolve("0002_accounts.sql"), ACCOUNTS);
  }

  private static void apply(TestDatabase db, String sql) {
    ClientRun run = db.applyText(sql);
    assertEquals(0, run.exitCode(), run.describe());
  }

  private Cli status(String url) {
    return Cli.run("status", "--db", url, "--versions", versions.toString());
  }

  private String header(String url, String current) {
    return "database: " + new JdbcUrl(url) + "\n"
        + "version table: alembic_version\n"
        + "current: " + current + "\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void anEmptyDatabaseIsAtBase(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_status")) {
      apply(db, "CREATE TABLE unrelated_marker (id INTEGER); DROP TABLE unrelated_marker;");
      Cli cli = status(db.jdbcUrl());
      assertEquals(new Cli(0, "database: " + new JdbcUrl(db.jdbcUrl()) + "\n"
          + "version table: alembic_version (does not exist)\n"
          + "current: base\n"
          + "to reach head: 2 revisions\n"
          + "  0001_customers  create customers\n"
          + "  0002_accounts   create accounts\n"
          + "run: strata upgrade --dialect " + dialect + " --versions " + versions
          + " base:head\n"
          + "drift: none, the schema is the one its revisions make\n", ""), cli);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void theVersionRowsAreReadAndTheRestIsPending(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_status")) {
      apply(db, AT_0001.get(dialect));
      assertEquals(List.of("0001_customers"), db.versionRows("alembic_version"));
      Cli cli = status(db.jdbcUrl());
      assertEquals(new Cli(0, header(db.jdbcUrl(), "0001_customers")
          + "to reach head: 1 revision\n"
          + "  0002_accounts  create accounts\n"
          + "run: strata upgrade --dialect " + dialect + " --versions " + versions
          + " 0001_customers:head\n"
          + "drift: none, the schema is the one its revisions make\n", ""), cli);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void fromDbStartsAtTheVersionRows(String dialect) throws Exception {
    try (TestDatabase db = TestDatabase.create(dialect, "db_status")) {
      apply(db, AT_0001.get(dialect) + TO_0002.get(dialect));
      Files.writeString(versions.resolve("0003_notes.sql"), """
          -- revision: 0003_notes
          -- revises: 0002_accounts
          -- message: create notes

          -- +upgrade
          CREATE TABLE notes (id BIGINT NOT NULL PRIMARY KEY);

          -- +downgrade
          DROP TABLE notes;
          """);
      Cli upgrade = Cli.run("upgrade", "--from-db", db.jdbcUrl(), "head", "--versions",
          versions.toString(), "--dialect", dialect);
      assertEquals(0, upgrade.exitCode(), upgrade.err());
      assertTrue(upgrade.out().contains("upgrade 0002_accounts -> 0003_notes"), upgrade.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void aDatabaseAtHeadHasNothingToApplyAndNoDrift(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_status")) {
      apply(db, AT_0001.get(dialect) + TO_0002.get(dialect));
      assertEquals(new Cli(0, header(db.jdbcUrl(), "0002_accounts")
          + "to reach head: nothing to apply, the database is up to date\n"
          + "drift: none, the schema is the one its revisions make\n", ""), status(db.jdbcUrl()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void changesByHandAreDrift(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_status")) {
      apply(db, AT_0001.get(dialect) + TO_0002.get(dialect));
      apply(db, (dialect.equals("sqlite") ? "DROP INDEX ix_customers_full_name;\n"
              : "DROP INDEX ix_customers_full_name ON customers;\n")
          + "ALTER TABLE accounts ADD COLUMN nickname VARCHAR(40);\n"
          + "CREATE TABLE scratch (id INTEGER NOT NULL PRIMARY KEY, note TEXT);\n"
          + "DROP VIEW active_accounts;\n");
      Cli cli = status(db.jdbcUrl());
      assertEquals(1, cli.exitCode(), cli.err());
      assertEquals("", cli.err());
      assertEquals(header(db.jdbcUrl(), "0002_accounts")
          + "to reach head: nothing to apply, the database is up to date\n"
          + "drift: 4 differences from the schema its revisions make\n"
          + "  table `scratch` created `(id " + (dialect.equals("sqlite") ? "integer" : "int(11)")
          + " NOT NULL, note text NULL, CONSTRAINT scratch_pkey PRIMARY KEY (id))`\n"
          + "  table `accounts`: added column `nickname varchar(40) NULL`\n"
          + "  index `ix_customers_full_name` dropped\n"
          + "  view `active_accounts` dropped\n", cli.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void keysAndNullabilityAreCompared(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_status")) {
      apply(db, AT_0001.get(dialect) + TO_0002.get(dialect));
      // SQLite cannot alter a column: the table is rebuilt as SQLite's documentation says
      apply(db, dialect.equals("sqlite") ? """
          PRAGMA foreign_keys = OFF;
          DROP VIEW active_accounts;
          CREATE TABLE new_accounts (id INTEGER NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL,
              currency CHAR(3), is_active BOOLEAN NOT NULL DEFAULT 1);
          INSERT INTO new_accounts SELECT * FROM accounts;
          DROP TABLE accounts;
          ALTER TABLE new_accounts RENAME TO accounts;
          CREATE INDEX ix_accounts_customer_id ON accounts (customer_id);
          CREATE VIEW active_accounts AS SELECT id FROM accounts WHERE is_active;
          """ : """
          ALTER TABLE accounts DROP FOREIGN KEY fk_accounts_customer_id;
          ALTER TABLE accounts MODIFY currency CHAR(3) NULL;
          """);
      Cli cli = status(db.jdbcUrl());
      assertEquals("", cli.err());
      assertEquals(header(db.jdbcUrl(), "0002_accounts")
          + "to reach head: nothing to apply, the database is up to date\n"
          + "drift: 2 differences from the schema its revisions make\n"
          + "  table `accounts`: column `currency` nullability changed from `NOT NULL` to `NULL`\n"
          + "  table `accounts`: dropped constraint `fk_accounts_customer_id FOREIGN KEY"
          + " (customer_id) REFERENCES customers (id)`\n", cli.out());
      assertEquals(1, cli.exitCode());
    }
  }

  @org.junit.jupiter.api.Test
  void theIndexesMariaDbMakesForKeysAreNotDrift() {
    try (TestDatabase db = TestDatabase.create("mariadb", "db_status")) {
      // unnamed keys: MariaDB names the unique index and the foreign key's index itself
      apply(db, """
          CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
          CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(320),
              full_name VARCHAR(200) NOT NULL, UNIQUE (email));
          CREATE INDEX ix_customers_full_name ON customers (full_name);
          CREATE TABLE accounts (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL,
              currency CHAR(3) NOT NULL, is_active BOOLEAN NOT NULL DEFAULT TRUE,
              FOREIGN KEY (customer_id) REFERENCES customers (id));
          CREATE INDEX ix_accounts_customer_id ON accounts (customer_id);
          CREATE VIEW active_accounts AS SELECT id FROM accounts WHERE is_active;
          CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, account_id BIGINT NOT NULL,
              CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES accounts (id));
          INSERT INTO alembic_version (version_num) VALUES ('0002_accounts');
          """);
      assertTrue(db.query("SELECT INDEX_NAME FROM information_schema.STATISTICS"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders'").contains(
              "fk_orders_account"), "MariaDB made an index for the key");
      Cli cli = status(db.jdbcUrl());
      assertEquals(header(db.jdbcUrl(), "0002_accounts")
          + "to reach head: nothing to apply, the database is up to date\n"
          + "drift: 1 difference from the schema its revisions make\n"
          + "  table `orders` created `(id bigint(20) NOT NULL, account_id bigint(20) NOT NULL,"
          + " CONSTRAINT orders_pkey PRIMARY KEY (id), CONSTRAINT fk_orders_account FOREIGN KEY"
          + " (account_id) REFERENCES accounts (id))`\n", cli.out());
    }
  }

  @org.junit.jupiter.api.Test
  void aMysqlUrlIsReadThroughMariaDbConnectorJ() {
    try (TestDatabase db = TestDatabase.create("mysql", "db_status")) {
      apply(db, AT_0001.get("mariadb"));
      String url = db.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
      Cli cli = status(url);
      assertEquals(0, cli.exitCode(), cli.err());
      assertTrue(cli.out().startsWith("database: " + new JdbcUrl(url) + "\n"
          + "version table: alembic_version\n"
          + "current: 0001_customers\n"), cli.out());
      assertFalse(cli.out().contains("password=" + "x"), cli.out());
    }
  }

  @org.junit.jupiter.api.Test
  void aBareSqliteFilePathIsAccepted() {
    try (TestDatabase db = TestDatabase.create("sqlite", "db_status")) {
      apply(db, AT_0001.get("sqlite"));
      Cli cli = status(db.name());
      assertEquals(0, cli.exitCode(), cli.err());
      assertTrue(cli.out().startsWith("database: " + db.name() + "\n"
          + "version table: alembic_version\n"
          + "current: 0001_customers\n"), cli.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void fromDbRendersForTheDatabasesDialectOnly(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_status")) {
      apply(db, AT_0001.get(dialect));
      Cli cli = Cli.run("upgrade", "--from-db", db.jdbcUrl(), "head", "--versions",
          versions.toString());
      assertEquals(new Cli(1, "", "strata: error[E0553]: the database " + new JdbcUrl(db.jdbcUrl())
          + " is " + dialect + ", but the script would be rendered for postgresql\n"
          + "  = help: add --dialect " + dialect + " (the default is postgresql)\n"), cli);
    }
  }

  @org.junit.jupiter.api.Test
  void aMariaDbServerThatDoesNotAnswerIsADiagnosticWithoutThePassword() {
    String url = "jdbc:mariadb://127.0.0.1:1/ledger?user=app&password=s3cr3t-pw";
    Cli cli = status(url);
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.out());
    assertTrue(cli.err().startsWith("strata: error[E0530]: cannot connect to"
        + " jdbc:mariadb://127.0.0.1:1/ledger?user=app&password=***: "), cli.err());
    assertTrue(cli.err().endsWith(
        "  = help: check the host, port, database, user and password in the URL\n"), cli.err());
    assertFalse(cli.err().contains("s3cr3t"), cli.err());
    assertFalse(cli.err().contains("\tat "), cli.err());
  }

  /** A table of that name without version_num is another table, not one without privileges. */
  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "sqlite"})
  void aTableWithoutVersionNumIsNotAVersionTable(String dialect) {
    try (TestDatabase db = TestDatabase.create(dialect, "db_status")) {
      apply(db, "CREATE TABLE alembic_version (revision VARCHAR(32));");
      Cli cli = status(db.jdbcUrl());
      assertEquals(1, cli.exitCode(), cli.err());
      assertTrue(cli.err().startsWith("strata: error[E0531]: cannot read the version table"
          + " alembic_version of " + new JdbcUrl(db.jdbcUrl()) + ": "), cli.err());
      assertTrue(cli.err().endsWith("  = help: alembic_version has no column version_num, so it"
          + " is not a version table as Alembic and strata write it; name the version table"
          + " with --version-table\n"), cli.err());
    }
  }

  @org.junit.jupiter.api.Test
  void aMissingMariaDbDatabaseIsADiagnostic() {
    try (TestDatabase db = TestDatabase.create("mariadb", "db_status")) {
      String url = db.jdbcUrl().replace("/" + db.name() + "?", "/" + db.name() + "_none?");
      Cli cli = status(url);
      assertEquals(1, cli.exitCode());
      assertTrue(cli.err().startsWith("strata: error[E0530]: cannot connect to "
          + new JdbcUrl(url) + ": "), cli.err());
      assertTrue(cli.err().contains("Unknown database '" + db.name() + "_none'"), cli.err());
    }
  }

  @org.junit.jupiter.api.Test
  void aMissingSqliteFileIsReportedAndNotCreated() {
    Path file = dir.resolve("absent.db");
    for (String url : List.of("jdbc:sqlite:" + file, file.toString())) {
      Cli cli = status(url);
      assertEquals(new Cli(1, "", "strata: error[E0551]: no SQLite database file at '" + file
          + "' (" + url + "): it does not exist\n"
          + "  = note: strata only reads databases, and never creates an SQLite file\n"
          + "  = help: give the path of the file the sqlite3 client applies the scripts to\n"),
          cli);
      Cli upgrade = Cli.run("upgrade", "--from-db", url, "head", "--versions",
          versions.toString());
      assertEquals(1, upgrade.exitCode());
      assertTrue(upgrade.err().startsWith("strata: error[E0551]: "), upgrade.err());
      assertFalse(Files.exists(file), "strata created " + file);
    }
  }

  @org.junit.jupiter.api.Test
  void aFileThatIsNotAnSqliteDatabaseIsADiagnostic() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.db"), "not a database, just text\n".repeat(40));
    Cli cli = status(file.toString());
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.out());
    assertTrue(cli.err().startsWith("strata: error[E0552]: '" + file + "' (" + file
        + ") is not an SQLite database: "), cli.err());
    assertEquals("not a database, just text\n".repeat(40), Files.readString(file));
  }

  @org.junit.jupiter.api.Test
  void urlsOfNoDatabaseStrataReadsAreUsageErrors() {
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--db' (URL): 'jdbc:sqlite::memory:' is an in-memory SQLite database, which has no version table: write jdbc:sqlite:PATH with the database file's path
        Try 'strata status --help' for more information.
        """), status("jdbc:sqlite::memory:"));
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--db' (URL): 'jdbc:mariadb://127.0.0.1:3306/?user=root&password=***' names no database, and the version table lives in one: write jdbc:mariadb://HOST:PORT/DATABASE?user=USER&password=PASSWORD
        Try 'strata status --help' for more information.
        """), status("jdbc:mariadb://127.0.0.1:3306/?user=root&password=pw"));
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--from-db': 'jdbc:oracle:thin:@db:1521/x' is not a database strata reads: expected %s
        Try 'strata upgrade --help' for more information.
        """.formatted(JdbcUrl.FORMS)), Cli.run("upgrade", "--from-db",
            "jdbc:oracle:thin:@db:1521/x", "head", "--versions", versions.toString()));
  }

  @org.junit.jupiter.api.Test
  void anSqliteDatabaseHasNoSchemas() {
    try (TestDatabase db = TestDatabase.create("sqlite", "db_status")) {
      apply(db, AT_0001.get("sqlite"));
      assertEquals(new Cli(2, "", "strata: error: --version-table-schema main: an SQLite"
          + " database has no schemas; its version table is in the file " + db.jdbcUrl() + "\n"
          + "Try 'strata status --help' for more information.\n"),
          Cli.run("status", "--db", db.jdbcUrl(), "--versions", versions.toString(),
              "--version-table-schema", "main"));
    }
  }
}
