package dev.strata.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.DialectId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each PostgreSQL statement rule on a revision that changes {@code payments}, a table of the
 * revision before: the exact text {@code strata lint} prints (position, lock, alternative), and the
 * safe alternative that it does not flag.
 */
class PgStatementRulesTest {
  @TempDir Path tmp;

  private String lint(String sql) throws Exception {
    return LintProbe.text(tmp.resolve("v"), sql);
  }

  @Test
  void createIndexWithoutConcurrently() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:14: warning[create-index-not-concurrently]: CREATE INDEX \
        ix_payments_note on payments, a table that existed before this revision, blocks writes to \
        it until the index is built
          5 | CREATE INDEX ix_payments_note ON payments (note);
            |              ^^^^^^^^^^^^^^^^
          = lock: SHARE on payments (blocks writes (INSERT, UPDATE, DELETE), not reads); scans the table
          = help: CREATE INDEX CONCURRENTLY ix_payments_note ON payments (note);
        """, lint("CREATE INDEX ix_payments_note ON payments (note);"));
  }

  @Test
  void createIndexWithoutNameCaretsTheTable() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:24: warning[create-index-not-concurrently]: CREATE INDEX on \
        payments, a table that existed before this revision, blocks writes to it until the index \
        is built
          5 | CREATE UNIQUE INDEX ON payments (note);
            |                        ^^^^^^^^
          = lock: SHARE on payments (blocks writes (INSERT, UPDATE, DELETE), not reads); scans the table
          = help: CREATE UNIQUE INDEX CONCURRENTLY ON payments (note);
        """, lint("CREATE UNIQUE INDEX ON payments (note);"));
  }

  @Test
  void dropIndexWithoutConcurrently() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:12: warning[drop-index-not-concurrently]: DROP INDEX \
        ix_payments_customer_id locks payments against reads and writes while the index is dropped
          5 | DROP INDEX ix_payments_customer_id;
            |            ^^^^^^^^^^^^^^^^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
          = help: DROP INDEX CONCURRENTLY ix_payments_customer_id;
        """, lint("DROP INDEX ix_payments_customer_id;"));
  }

  @Test
  void foreignKeyWithoutNotValidLocksBothTables() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:37: warning[constraint-without-not-valid]: foreign key \
        fk_payments_customer on payments references customers: adding it checks every row of \
        payments while both tables are locked against writes
          5 | ALTER TABLE payments ADD CONSTRAINT fk_payments_customer FOREIGN KEY (customer_id) \
        REFERENCES customers (id);
            |                                     ^^^^^^^^^^^^^^^^^^^^
          = lock: SHARE ROW EXCLUSIVE on payments (blocks writes, not reads); scans the table
          = lock: SHARE ROW EXCLUSIVE on customers (blocks writes, not reads)
          = help: ALTER TABLE payments ADD CONSTRAINT fk_payments_customer FOREIGN KEY \
        (customer_id) REFERENCES customers (id) NOT VALID;
                  -- then, in a later transaction:
                  ALTER TABLE payments VALIDATE CONSTRAINT fk_payments_customer;
        """, lint("ALTER TABLE payments ADD CONSTRAINT fk_payments_customer FOREIGN KEY"
            + " (customer_id) REFERENCES customers (id);"));
  }

  @Test
  void checkWithoutNotValid() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:37: warning[constraint-without-not-valid]: CHECK constraint \
        ck_amount on payments checks every row while the table is locked against reads and writes
          5 | ALTER TABLE payments ADD CONSTRAINT ck_amount CHECK (amount > 0);
            |                                     ^^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); scans the table
          = help: ALTER TABLE payments ADD CONSTRAINT ck_amount CHECK (amount > 0) NOT VALID;
                  -- then, in a later transaction:
                  ALTER TABLE payments VALIDATE CONSTRAINT ck_amount;
        """, lint("ALTER TABLE payments ADD CONSTRAINT ck_amount CHECK (amount > 0);"));
  }

  @Test
  void constraintsOfANewColumn() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:33: warning[constraint-without-not-valid]: foreign key \
        payments_payer_id_fkey of the new column payer_id references customers: adding it checks \
        every row of payments while both tables are locked against writes
          5 | ALTER TABLE payments ADD COLUMN payer_id BIGINT REFERENCES customers (id);
            |                                 ^^^^^^^^
          = lock: SHARE ROW EXCLUSIVE on customers (blocks writes, not reads)
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); scans the table
          = help: ALTER TABLE payments ADD COLUMN payer_id BIGINT;
                  ALTER TABLE payments ADD CONSTRAINT payments_payer_id_fkey FOREIGN KEY \
        (payer_id) REFERENCES customers (id) NOT VALID;
                  -- then, in a later transaction:
                  ALTER TABLE payments VALIDATE CONSTRAINT payments_payer_id_fkey;
        versions/0002_change.sql:6:33: warning[add-unique-constraint]: UNIQUE constraint \
        payments_reference_key of the new column reference builds its index on payments while it \
        is locked against reads and writes
          6 | ALTER TABLE payments ADD COLUMN reference TEXT UNIQUE;
            |                                 ^^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); scans the table
          = help: ALTER TABLE payments ADD COLUMN reference TEXT;
                  CREATE UNIQUE INDEX CONCURRENTLY payments_reference_key ON payments (reference);
                  ALTER TABLE payments ADD CONSTRAINT payments_reference_key UNIQUE USING INDEX \
        payments_reference_key;
        """, lint("ALTER TABLE payments ADD COLUMN payer_id BIGINT REFERENCES customers (id);\n"
            + "ALTER TABLE payments ADD COLUMN reference TEXT UNIQUE;"));
  }

  @Test
  void setNotNullOnAnExistingColumn() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:35: warning[set-not-null]: SET NOT NULL on payments.note scans \
        every row of payments while it is locked against reads and writes
          5 | ALTER TABLE payments ALTER COLUMN note SET NOT NULL;
            |                                   ^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); scans the table
          = help: ALTER TABLE payments ADD CONSTRAINT payments_note_not_null CHECK (note IS NOT \
        NULL) NOT VALID;
                  -- then, in a later transaction:
                  ALTER TABLE payments VALIDATE CONSTRAINT payments_note_not_null;
                  ALTER TABLE payments ALTER COLUMN note SET NOT NULL;
                  ALTER TABLE payments DROP CONSTRAINT payments_note_not_null;
        """, lint("ALTER TABLE payments ALTER COLUMN note SET NOT NULL;"));
  }

  @Test
  void addColumnNotNullWithoutDefaultIsAnError() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:33: error[add-column-not-null-without-default]: ADD COLUMN \
        currency CHAR(3) NOT NULL without a default fails on payments as soon as it has a row
          5 | ALTER TABLE payments ADD COLUMN currency CHAR(3) NOT NULL;
            |                                 ^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); scans the table
          = help: ALTER TABLE payments ADD COLUMN currency CHAR(3);
                  -- backfill currency in batches, then SET NOT NULL through a NOT VALID check; \
        or a non-volatile default:
                  ALTER TABLE payments ADD COLUMN currency CHAR(3) NOT NULL DEFAULT <value>;
        """, lint("ALTER TABLE payments ADD COLUMN currency CHAR(3) NOT NULL;"));
  }

  @Test
  void addColumnWithVolatileDefaultRewrites() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:33: warning[add-column-rewrites-table]: ADD COLUMN token with \
        the volatile default gen_random_uuid() rewrites every row of payments while it is locked \
        against reads and writes
          5 | ALTER TABLE payments ADD COLUMN token UUID DEFAULT gen_random_uuid();
            |                                 ^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); rewrites the table
          = help: ALTER TABLE payments ADD COLUMN token UUID;
                  ALTER TABLE payments ALTER COLUMN token SET DEFAULT gen_random_uuid();
                  -- then backfill the existing rows in batches: UPDATE payments SET token = ... \
        WHERE token IS NULL AND <batch>;
        """, lint("ALTER TABLE payments ADD COLUMN token UUID DEFAULT gen_random_uuid();"));
  }

  @Test
  void addStoredGeneratedColumnRewrites() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:33: warning[add-column-rewrites-table]: ADD COLUMN cents with \
        the stored generated expression amount * 100 rewrites every row of payments while it is \
        locked against reads and writes
          5 | ALTER TABLE payments ADD COLUMN cents NUMERIC GENERATED ALWAYS AS (amount * 100) STORED;
            |                                 ^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); rewrites the table
          = help: ALTER TABLE payments ADD COLUMN cents NUMERIC;
                  -- then backfill the existing rows in batches: UPDATE payments SET cents = ... \
        WHERE cents IS NULL AND <batch>;
        """, lint("ALTER TABLE payments ADD COLUMN cents NUMERIC GENERATED ALWAYS AS"
            + " (amount * 100) STORED;"));
  }

  @Test
  void typeChangeThatRewrites() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:35: warning[column-type-change-rewrites-table]: changing \
        payments.amount from NUMERIC(10, 2) to NUMERIC(8, 2) rewrites payments and its indexes \
        while it is locked against reads and writes
          5 | ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(8, 2);
            |                                   ^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); rewrites the table
          = help: ALTER TABLE payments ADD COLUMN amount_new NUMERIC(8, 2);
                  -- write both columns (a trigger or the application), backfill amount_new in \
        batches, then swap:
                  ALTER TABLE payments RENAME COLUMN amount TO amount_old;
                  ALTER TABLE payments RENAME COLUMN amount_new TO amount;
        """, lint("ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(8, 2);"));
  }

  @Test
  void uniqueConstraintOnAnExistingTable() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:37: warning[add-unique-constraint]: UNIQUE constraint \
        uq_payments_note on payments (note) builds its index while the table is locked against \
        reads and writes
          5 | ALTER TABLE payments ADD CONSTRAINT uq_payments_note UNIQUE (note);
            |                                     ^^^^^^^^^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes); scans the table
          = help: CREATE UNIQUE INDEX CONCURRENTLY uq_payments_note ON payments (note);
                  ALTER TABLE payments ADD CONSTRAINT uq_payments_note UNIQUE USING INDEX \
        uq_payments_note;
        """, lint("ALTER TABLE payments ADD CONSTRAINT uq_payments_note UNIQUE (note);"));
  }

  @Test
  void unnamedPrimaryKeyGetsPostgresName() throws Exception {
    String out = lint("ALTER TABLE customers DROP CONSTRAINT customers_pkey;\n"
        + "ALTER TABLE customers ADD PRIMARY KEY (id);");
    assertEquals("""
        versions/0002_change.sql:6:40: warning[add-unique-constraint]: PRIMARY KEY constraint \
        customers_pkey on customers (id) builds its index while the table is locked against reads \
        and writes
          6 | ALTER TABLE customers ADD PRIMARY KEY (id);
            |                                        ^^
          = lock: ACCESS EXCLUSIVE on customers (blocks reads and writes); scans the table
          = help: CREATE UNIQUE INDEX CONCURRENTLY customers_pkey ON customers (id);
                  ALTER TABLE customers ADD CONSTRAINT customers_pkey PRIMARY KEY USING INDEX \
        customers_pkey;
        """, out);
  }

  @Test
  void renameColumn() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:36: warning[rename]: renaming payments.note to memo breaks the \
        running application, which still reads and writes note
          5 | ALTER TABLE payments RENAME COLUMN note TO memo;
            |                                    ^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
          = help: -- expand and contract:
                  ALTER TABLE payments ADD COLUMN memo ...;
                  -- write both, backfill memo, move the readers to it, then:
                  ALTER TABLE payments DROP COLUMN note;
        """, lint("ALTER TABLE payments RENAME COLUMN note TO memo;"));
  }

  @Test
  void renameTable() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:13: warning[rename]: renaming table payments to charges breaks \
        the running application, which still uses payments
          5 | ALTER TABLE payments RENAME TO charges;
            |             ^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
          = help: ALTER TABLE payments RENAME TO charges;
                  CREATE VIEW payments AS SELECT * FROM charges;
                  -- drop the view once no application uses payments
        """, lint("ALTER TABLE payments RENAME TO charges;"));
  }

  @Test
  void dropTableAndColumn() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:34: warning[drop-data]: DROP COLUMN note loses that column of \
        every row of payments: review it
          5 | ALTER TABLE payments DROP COLUMN note;
            |                                  ^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
        versions/0002_change.sql:6:12: warning[drop-data]: DROP TABLE payments loses every row of \
        its 4 columns: review it
          6 | DROP TABLE payments;
            |            ^^^^^^^^
          = lock: ACCESS EXCLUSIVE on payments (blocks reads and writes)
        """, lint("ALTER TABLE payments DROP COLUMN note;\nDROP TABLE payments;"));
  }

  @Test
  void updateAndDeleteWithoutWhere() throws Exception {
    assertEquals("""
        versions/0002_change.sql:5:8: warning[update-or-delete-without-where]: UPDATE without \
        WHERE changes every row of payments in one statement
          5 | UPDATE payments SET status = 'new';
            |        ^^^^^^^^
          = lock: ROW EXCLUSIVE on payments (blocks SHARE and stronger locks (CREATE INDEX without \
        CONCURRENTLY))
        versions/0002_change.sql:6:13: warning[update-or-delete-without-where]: DELETE without \
        WHERE deletes every row of payments in one statement
          6 | DELETE FROM payments;
            |             ^^^^^^^^
          = lock: ROW EXCLUSIVE on payments (blocks SHARE and stronger locks (CREATE INDEX without \
        CONCURRENTLY))
        """, lint("UPDATE payments SET status = 'new';\nDELETE FROM payments;"));
  }

  /** The safe alternatives the rules propose, and changes PostgreSQL makes in place. */
  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE INDEX CONCURRENTLY ix_payments_note ON payments (note);",
      "DROP INDEX CONCURRENTLY ix_payments_customer_id;",
      "ALTER TABLE payments ADD CONSTRAINT fk_payments_customer FOREIGN KEY (customer_id)"
          + " REFERENCES customers (id) NOT VALID;",
      "ALTER TABLE payments ADD CONSTRAINT ck_amount CHECK (amount > 0) NOT VALID;",
      "ALTER TABLE payments ADD CONSTRAINT ck_amount CHECK (amount > 0) NOT VALID;\n"
          + "ALTER TABLE payments VALIDATE CONSTRAINT ck_amount;",
      "ALTER TABLE payments ADD COLUMN currency CHAR(3);",
      "ALTER TABLE payments ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR';",
      "ALTER TABLE payments ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();",
      "ALTER TABLE payments ADD COLUMN created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP;",
      "ALTER TABLE payments ADD COLUMN token UUID;\n"
          + "ALTER TABLE payments ALTER COLUMN token SET DEFAULT gen_random_uuid();",
      "ALTER TABLE payments ALTER COLUMN note TYPE VARCHAR(100);",
      "ALTER TABLE payments ALTER COLUMN note TYPE VARCHAR(50);",
      "ALTER TABLE payments ALTER COLUMN note TYPE TEXT;",
      "ALTER TABLE payments ALTER COLUMN note TYPE VARCHAR;",
      "ALTER TABLE payments ALTER COLUMN status TYPE VARCHAR;",
      "ALTER TABLE payments ALTER COLUMN amount TYPE NUMERIC(12, 2);",
      "CREATE UNIQUE INDEX CONCURRENTLY uq_payments_note ON payments (note);",
      "ALTER TABLE payments ADD CONSTRAINT uq_payments_note UNIQUE USING INDEX ix_payments_customer_id;",
      "UPDATE payments SET status = 'new' WHERE id < 1000;",
      "DELETE FROM payments WHERE status = 'void';",
      "ALTER TABLE payments ADD COLUMN memo TEXT;",
      "ALTER TABLE payments ADD CONSTRAINT payments_note_not_null CHECK (note IS NOT NULL)"
          + " NOT VALID;\nALTER TABLE payments VALIDATE CONSTRAINT payments_note_not_null;\n"
          + "ALTER TABLE payments ALTER COLUMN note SET NOT NULL;\n"
          + "ALTER TABLE payments DROP CONSTRAINT payments_note_not_null;"
  })
  void safeAlternativesAreNotFlagged(String sql) throws Exception {
    assertEquals("", lint(sql));
  }

  /** Everything on a table created in the same revision: it is new and empty, nothing is locked. */
  @Test
  void tableCreatedInTheSameRevisionIsExempt() throws Exception {
    assertEquals("", lint("""
        CREATE TABLE refunds (id BIGINT PRIMARY KEY, payment_id BIGINT, reason VARCHAR(20));
        CREATE INDEX ix_refunds_payment_id ON refunds (payment_id);
        ALTER TABLE refunds ADD CONSTRAINT fk_refunds_payment FOREIGN KEY (payment_id)
            REFERENCES payments (id);
        ALTER TABLE refunds ADD CONSTRAINT ck_refunds_reason CHECK (reason <> '');
        ALTER TABLE refunds ALTER COLUMN reason SET NOT NULL;
        ALTER TABLE refunds ADD COLUMN currency CHAR(3) NOT NULL;
        ALTER TABLE refunds ADD COLUMN token UUID DEFAULT gen_random_uuid();
        ALTER TABLE refunds ALTER COLUMN reason TYPE INTEGER USING 0;
        ALTER TABLE refunds ADD CONSTRAINT uq_refunds_token UNIQUE (token);
        ALTER TABLE refunds RENAME COLUMN reason TO code;
        UPDATE refunds SET code = 1;
        DELETE FROM refunds;
        DROP INDEX ix_refunds_payment_id;
        ALTER TABLE refunds DROP COLUMN code;
        ALTER TABLE refunds RENAME TO returns;
        DROP TABLE returns;"""));
  }

  /** A column created in the same revision: setting it NOT NULL, renaming or dropping it. */
  @Test
  void columnCreatedInTheSameRevisionIsExempt() throws Exception {
    assertEquals("", lint("""
        ALTER TABLE payments ADD COLUMN currency CHAR(3) DEFAULT 'EUR';
        ALTER TABLE payments ALTER COLUMN currency SET NOT NULL;
        ALTER TABLE payments RENAME COLUMN currency TO currency_code;
        ALTER TABLE payments DROP COLUMN currency_code;"""));
  }

  /** The exemption is the revision's, not the statement's: the same SET NOT NULL later is flagged. */
  @Test
  void columnOfAnEarlierRevisionIsNotExempt() throws Exception {
    List<Finding> findings = LintProbe.findings(tmp.resolve("w"),
        "ALTER TABLE payments ALTER COLUMN amount DROP NOT NULL;\n"
            + "ALTER TABLE payments ALTER COLUMN amount SET NOT NULL;");
    assertEquals(List.of(Rule.SET_NOT_NULL), findings.stream().map(Finding::rule).toList());
  }

  /** Rename and drop-data speak about every dialect, without PostgreSQL's locks. */
  @Test
  void everyDialectRulesCarryNoLocksElsewhere() throws Exception {
    List<Finding> findings = LintProbe.findings(tmp.resolve("m"),
        "ALTER TABLE payments RENAME COLUMN note TO memo;\nCREATE INDEX ix_n ON payments (memo);",
        DialectId.MYSQL);
    assertEquals(List.of(Rule.RENAME), findings.stream().map(Finding::rule).toList());
    assertEquals(List.of(), findings.getFirst().locks());
  }
}
