package dev.strata.dialects.lint;

import static dev.strata.dialects.lint.DialectLintFixture.BASE;
import static dev.strata.dialects.lint.DialectLintFixture.change;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.grammar.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MysqlAlterRulesTest {
  @TempDir Path tmp;
  private int dirs;

  private List<Finding> lint(DialectId dialect, StatementRule rule, String upgrade)
      throws Exception {
    return DialectLintFixture.lint(tmp.resolve("v" + dirs++), dialect, List.of(rule), List.of(),
        BASE, change(upgrade));
  }

  private List<String> lines(DialectId dialect, StatementRule rule, String upgrade)
      throws Exception {
    return lint(dialect, rule, upgrade).stream().map(DialectLintFixture::line).toList();
  }

  @Test
  void typeChangeCopiesTheTable() throws Exception {
    List<Finding> found = lint(DialectId.MYSQL, MysqlAlterRules.TABLE_COPY,
        "ALTER TABLE payments ALTER COLUMN amount TYPE BIGINT;");
    assertEquals(List.of("5:35+6 mysql-table-copy: ALTER COLUMN amount TYPE copies table"
        + " 'payments' on mysql (ALGORITHM=COPY): writes to it wait until every row is copied"),
        found.stream().map(DialectLintFixture::line).toList());
    assertEquals(Optional.of("add a new column of the new type, write both, backfill it in"
        + " batches, then swap the columns; or run it with an online schema change tool (gh-ost,"
        + " pt-online-schema-change), which copies the table in the background while writes go"
        + " on"), found.getFirst().alternative());
  }

  @Test
  void foreignKeyCheckAndPrimaryKeyDropCopyTheTable() throws Exception {
    List<Finding> found = lint(DialectId.MARIADB, MysqlAlterRules.TABLE_COPY, """
        ALTER TABLE refunds ADD CONSTRAINT refunds_payment_fk FOREIGN KEY (payment_id) REFERENCES payments (id);
        ALTER TABLE payments ADD CONSTRAINT code_long CHECK (length(code) > 2);
        ALTER TABLE refunds DROP CONSTRAINT refunds_pkey;
        """);
    assertEquals(List.of(
        "5:36+18 mysql-table-copy: ADD FOREIGN KEY refunds_payment_fk copies table 'refunds' on"
            + " mariadb (ALGORITHM=COPY): writes to it wait until every row is copied",
        "6:37+9 mysql-table-copy: ADD CHECK code_long copies table 'payments' on mariadb"
            + " (ALGORITHM=COPY): writes to it wait until every row is copied",
        "7:37+12 mysql-table-copy: DROP CONSTRAINT refunds_pkey (the primary key) copies table"
            + " 'refunds' on mariadb (ALGORITHM=COPY): writes to it wait until every row is"
            + " copied"), found.stream().map(DialectLintFixture::line).toList());
    assertEquals(Optional.of("SET SESSION foreign_key_checks = 0;\nALTER TABLE refunds ADD"
        + " CONSTRAINT refunds_payment_fk FOREIGN KEY (payment_id) REFERENCES payments (id),"
        + " ALGORITHM=INPLACE, LOCK=NONE;\nSET SESSION foreign_key_checks = 1;\n-- the server"
        + " then does not check the rows already there: check them with a query first"),
        found.getFirst().alternative());
  }

  @Test
  void onlineActionsAreNotCopies() throws Exception {
    for (DialectId dialect : List.of(DialectId.MYSQL, DialectId.MARIADB)) {
      assertEquals(List.of(), lines(dialect, MysqlAlterRules.TABLE_COPY, """
          ALTER TABLE payments ADD COLUMN paid_at TIMESTAMPTZ;
          ALTER TABLE payments ALTER COLUMN code TYPE VARCHAR(40);
          ALTER TABLE payments ALTER COLUMN amount SET NOT NULL;
          ALTER TABLE payments RENAME COLUMN note TO memo;
          ALTER TABLE payments DROP CONSTRAINT amount_positive;
          CREATE INDEX ix_payments_amount ON payments (amount);
          """), dialect.id());
    }
  }

  @Test
  void tablesOfTheSameRevisionAreExempt() throws Exception {
    assertEquals(List.of(), lines(DialectId.MYSQL, MysqlAlterRules.TABLE_COPY, """
        CREATE TABLE ledger (id BIGINT PRIMARY KEY, amount INTEGER);
        ALTER TABLE ledger ALTER COLUMN amount TYPE BIGINT;
        """));
    assertEquals(List.of(), lines(DialectId.MYSQL, MysqlAlterRules.WITHOUT_ALGORITHM, """
        CREATE TABLE ledger (id BIGINT PRIMARY KEY, amount INTEGER);
        ALTER TABLE ledger ADD COLUMN note TEXT;
        CREATE INDEX ix_ledger_amount ON ledger (amount);
        """));
  }

  @Test
  void alterWithoutAlgorithm() throws Exception {
    List<Finding> found = lint(DialectId.MYSQL, MysqlAlterRules.WITHOUT_ALGORITHM, """
        ALTER TABLE payments ADD COLUMN paid_at TIMESTAMPTZ;
        ALTER TABLE payments ALTER COLUMN amount SET NOT NULL;
        CREATE INDEX ix_payments_amount ON payments (amount);
        DROP INDEX ix_payments_code;
        """);
    assertEquals(List.of(
        "5:13+8 mysql-alter-without-algorithm: ALTER TABLE payments is rendered for mysql without"
            + " ALGORITHM and LOCK: should the server not run it as expected it copies the table,"
            + " blocking writes, without a word; it can run with ALGORITHM=INSTANT",
        "6:13+8 mysql-alter-without-algorithm: ALTER TABLE payments is rendered for mysql without"
            + " ALGORITHM and LOCK: should the server not run it as expected it copies the table,"
            + " blocking writes, without a word; it can run with ALGORITHM=INPLACE, LOCK=NONE",
        "7:14+18 mysql-alter-without-algorithm: CREATE INDEX ix_payments_amount on table"
            + " 'payments' is rendered for mysql without ALGORITHM and LOCK: should the server not"
            + " run it as expected it copies the table, blocking writes, without a word; it can"
            + " run with ALGORITHM=INPLACE, LOCK=NONE",
        "8:12+16 mysql-alter-without-algorithm: DROP INDEX ix_payments_code on table 'payments'"
            + " is rendered for mysql without ALGORITHM and LOCK: should the server not run it as"
            + " expected it copies the table, blocking writes, without a word; it can run with"
            + " ALGORITHM=INPLACE, LOCK=NONE"),
        found.stream().map(DialectLintFixture::line).toList());
    assertEquals(List.of(
        "ALTER TABLE payments ADD paid_at datetime(6), ALGORITHM=INSTANT;",
        "ALTER TABLE payments MODIFY COLUMN amount int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;",
        "CREATE INDEX ix_payments_amount ON payments(amount) ALGORITHM=INPLACE LOCK=NONE;",
        "ALTER TABLE payments DROP INDEX ix_payments_code, ALGORITHM=INPLACE, LOCK=NONE;"),
        found.stream().map(f -> f.alternative().orElse("")).toList());
  }

  @Test
  void theAlternativeWrittenInADialectBlockIsQuiet() throws Exception {
    assertEquals(List.of(), lines(DialectId.MARIADB, MysqlAlterRules.WITHOUT_ALGORITHM, """
        -- +dialect mariadb
        ALTER TABLE payments ADD paid_at datetime(6) NULL, ALGORITHM=INSTANT;
        -- +end
        -- +model
        ALTER TABLE payments ADD COLUMN paid_at TIMESTAMPTZ;
        -- +end
        """));
  }

  @Test
  void copiesAreLeftToTheCopyRule() throws Exception {
    assertEquals(List.of(), lines(DialectId.MARIADB, MysqlAlterRules.WITHOUT_ALGORITHM,
        "ALTER TABLE payments ALTER COLUMN amount TYPE BIGINT;"));
  }

  @Test
  void otherDialectsAreNotTold() throws Exception {
    for (DialectId dialect : List.of(DialectId.POSTGRESQL, DialectId.SQLITE)) {
      for (StatementRule rule : List.of(MysqlAlterRules.TABLE_COPY,
          MysqlAlterRules.WITHOUT_ALGORITHM)) {
        assertEquals(List.of(), lines(dialect, rule, """
            ALTER TABLE payments ALTER COLUMN amount TYPE BIGINT;
            ALTER TABLE payments ADD COLUMN paid_at TIMESTAMPTZ;
            """), dialect.id());
      }
    }
  }
}
