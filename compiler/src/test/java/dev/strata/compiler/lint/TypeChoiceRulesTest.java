package dev.strata.compiler.lint;

import static dev.strata.compiler.lint.LintFixture.file;
import static dev.strata.compiler.lint.LintFixture.line;
import static dev.strata.compiler.lint.LintFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeChoiceRulesTest {
  @TempDir Path tmp;
  private int dirs;

  private RevisionContext pg(String... files) throws Exception {
    return LintFixture.revision(tmp.resolve("v" + dirs++), DialectId.POSTGRESQL, files);
  }

  private RevisionContext on(DialectId dialect, String... files) throws Exception {
    return LintFixture.revision(tmp.resolve("v" + dirs++), dialect, files);
  }

  private static final String BASE = file("0001_base", "base", """
      CREATE TABLE payments (id BIGINT PRIMARY KEY, amount INTEGER, code TEXT);
      """, "");

  @Test
  void integerPrimaryKeyOfANewTable() throws Exception {
    RevisionContext c = pg(file("0001_a", "base", """
        CREATE TABLE payments (
            id integer PRIMARY KEY,
            amount BIGINT
        );
        """, ""));
    List<Finding> found = run(TypeChoiceRules.PREFER_BIGINT_KEYS, c);
    assertEquals(List.of("6:8+7 prefer-bigint-keys: column 'id' of table 'payments' is INTEGER:"
        + " as a primary key it runs out at 2,147,483,647; declare it BIGINT"),
        found.stream().map(LintFixture::line).toList());
    assertEquals(Optional.of("id BIGINT PRIMARY KEY"), found.getFirst().alternative());
    assertEquals(LintSeverity.WARNING, found.getFirst().severity());
    assertEquals("0001_a", found.getFirst().revision());
  }

  @Test
  void integerKeyAsATableConstraintAndAForeignKey() throws Exception {
    RevisionContext c = pg(BASE, file("0002_b", "0001_base", """
        CREATE TABLE refunds (id INT, payment_id int4 REFERENCES payments, PRIMARY KEY (id));
        """, ""));
    assertEquals(List.of(
        "5:26+3 prefer-bigint-keys: column 'id' of table 'refunds' is INTEGER: as a primary key"
            + " it runs out at 2,147,483,647; declare it BIGINT",
        "5:42+4 prefer-bigint-keys: column 'payment_id' of table 'refunds' is INTEGER: as a"
            + " foreign key to 'payments' it runs out at 2,147,483,647; declare it BIGINT"),
        run(TypeChoiceRules.PREFER_BIGINT_KEYS, c).stream().map(LintFixture::line).toList());
  }

  @Test
  void addColumnForeignKeyAndRetypedKeyGetTheStatementRewritten() throws Exception {
    RevisionContext c = pg(BASE, file("0002_b", "0001_base", """
        CREATE TABLE refunds (id BIGINT PRIMARY KEY);
        ALTER TABLE refunds ADD COLUMN payment_id SMALLINT REFERENCES payments (id);
        ALTER TABLE payments ALTER COLUMN id TYPE integer;
        """, ""));
    List<Finding> found = run(TypeChoiceRules.PREFER_BIGINT_KEYS, c);
    assertEquals(List.of(
        "6:43+8 prefer-bigint-keys: column 'payment_id' of table 'refunds' is SMALLINT: as a"
            + " foreign key to 'payments' it runs out at 32,767; declare it BIGINT",
        "7:43+7 prefer-bigint-keys: column 'id' of table 'payments' is INTEGER: as a primary key"
            + " it runs out at 2,147,483,647; declare it BIGINT"),
        found.stream().map(LintFixture::line).toList());
    assertEquals(Optional.of(
        "ALTER TABLE refunds ADD COLUMN payment_id BIGINT REFERENCES payments (id)"),
        found.get(0).alternative());
    assertEquals(Optional.of("ALTER TABLE payments ALTER COLUMN id TYPE BIGINT"),
        found.get(1).alternative());
  }

  @Test
  void safeKeysAndExistingColumnsAreNotReported() throws Exception {
    RevisionContext c = pg(BASE, file("0002_b", "0001_base", """
        CREATE TABLE refunds (id BIGINT PRIMARY KEY, payment_id BIGINT REFERENCES payments,
            tries INTEGER);
        ALTER TABLE payments ADD CONSTRAINT amount_uq UNIQUE (amount);
        ALTER TABLE payments ADD COLUMN n INTEGER;
        """, ""));
    assertEquals(List.of(), run(TypeChoiceRules.PREFER_BIGINT_KEYS, c));
  }

  @Test
  void bigintKeysSpeaksForEveryDialect() throws Exception {
    for (DialectId dialect : DialectId.values()) {
      RevisionContext c = on(dialect, file("0001_a", "base",
          "CREATE TABLE t (id INTEGER PRIMARY KEY);", ""));
      assertEquals(1, run(TypeChoiceRules.PREFER_BIGINT_KEYS, c).size(), dialect.id());
      assertEquals(dialect, run(TypeChoiceRules.PREFER_BIGINT_KEYS, c).getFirst().dialect());
    }
  }

  @Test
  void serialPrefersIdentity() throws Exception {
    RevisionContext c = pg(file("0001_a", "base", """
        CREATE TABLE events (id serial PRIMARY KEY, seq BIGSERIAL, small SMALLSERIAL);
        """, ""));
    List<Finding> found = run(TypeChoiceRules.PREFER_IDENTITY, c);
    assertEquals(List.of(
        "5:25+6 prefer-identity: column 'id' of table 'events' is SERIAL: its sequence is a"
            + " separate object that grants and dumps handle apart; declare it BIGINT GENERATED"
            + " BY DEFAULT AS IDENTITY",
        "5:49+9 prefer-identity: column 'seq' of table 'events' is BIGSERIAL: its sequence is a"
            + " separate object that grants and dumps handle apart; declare it BIGINT GENERATED"
            + " BY DEFAULT AS IDENTITY",
        "5:66+11 prefer-identity: column 'small' of table 'events' is SMALLSERIAL: its sequence"
            + " is a separate object that grants and dumps handle apart; declare it SMALLINT"
            + " GENERATED BY DEFAULT AS IDENTITY"),
        found.stream().map(LintFixture::line).toList());
    assertEquals(Optional.of(
        "CREATE TABLE events (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
        found.getFirst().alternative().map(s -> s.substring(0, s.indexOf(", seq"))));
    // SERIAL key: also a 2^31 key
    assertEquals(1, run(TypeChoiceRules.PREFER_BIGINT_KEYS, c).size());
    RevisionContext safe = pg(file("0001_a", "base", """
        CREATE TABLE events (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);
        """, ""));
    assertEquals(List.of(), run(TypeChoiceRules.PREFER_IDENTITY, safe));
  }

  @Test
  void timestampWithoutTimeZone() throws Exception {
    RevisionContext c = pg(BASE, file("0002_b", "0001_base", """
        ALTER TABLE payments ADD COLUMN created_at timestamp without time zone NOT NULL DEFAULT now(),
            ADD COLUMN paid_at TIMESTAMP(3), ADD COLUMN seen_at timestamptz;
        """, ""));
    List<Finding> found = run(TypeChoiceRules.PREFER_TIMESTAMPTZ, c);
    assertEquals(List.of(
        "5:44+27 prefer-timestamptz: column 'created_at' of table 'payments' is TIMESTAMP"
            + " without time zone: it stores wall-clock times that mean nothing across time"
            + " zones; declare it TIMESTAMPTZ",
        "6:24+12 prefer-timestamptz: column 'paid_at' of table 'payments' is TIMESTAMP without"
            + " time zone: it stores wall-clock times that mean nothing across time zones;"
            + " declare it TIMESTAMPTZ(3)"),
        found.stream().map(LintFixture::line).toList());
    assertEquals(Optional.of("ALTER TABLE payments ADD COLUMN created_at TIMESTAMPTZ NOT NULL"
        + " DEFAULT now(),\n    ADD COLUMN paid_at TIMESTAMP(3), ADD COLUMN seen_at timestamptz"),
        found.getFirst().alternative());
  }

  @Test
  void charColumns() throws Exception {
    RevisionContext c = pg(BASE, file("0002_b", "0001_base", """
        CREATE TABLE currencies (code CHARACTER(3) NOT NULL, name VARCHAR(40), flag char);
        """, ""));
    List<Finding> found = run(TypeChoiceRules.PREFER_TEXT_OVER_CHAR, c);
    assertEquals(List.of(
        "5:31+12 prefer-text-over-char: column 'code' of table 'currencies' is CHAR(3): it pads"
            + " every value with spaces to 3 characters and is never faster; declare it"
            + " VARCHAR(3) or TEXT",
        "5:77+4 prefer-text-over-char: column 'flag' of table 'currencies' is CHAR(1): it pads"
            + " every value with spaces to 1 characters and is never faster; declare it"
            + " VARCHAR(1) or TEXT"),
        found.stream().map(LintFixture::line).toList());
  }

  @Test
  void jsonPrefersJsonbOnPostgresqlOnly() throws Exception {
    String revision = file("0001_a", "base", """
        CREATE TABLE events (id BIGINT PRIMARY KEY, payload JSON, doc jsonb);
        """, "");
    List<Finding> found = run(TypeChoiceRules.PREFER_JSONB, pg(revision));
    assertEquals(List.of("5:53+4 prefer-jsonb: column 'payload' of table 'events' is JSON: it"
        + " keeps the text as written, has no equality operator and no GIN index; declare it"
        + " JSONB"), found.stream().map(LintFixture::line).toList());
    for (DialectId other : List.of(DialectId.MYSQL, DialectId.MARIADB, DialectId.SQLITE)) {
      assertEquals(List.of(), run(TypeChoiceRules.PREFER_JSONB, on(other, revision)));
    }
  }

  @Test
  void postgresqlOnlyRulesStaySilentElsewhere() throws Exception {
    String revision = file("0001_a", "base", """
        CREATE TABLE t (id BIGSERIAL PRIMARY KEY, at TIMESTAMP, c CHAR(2));
        """, "");
    for (DialectId other : List.of(DialectId.MYSQL, DialectId.MARIADB, DialectId.SQLITE)) {
      RevisionContext c = on(other, revision);
      for (StatementRule rule : List.of(TypeChoiceRules.PREFER_IDENTITY,
          TypeChoiceRules.PREFER_TIMESTAMPTZ, TypeChoiceRules.PREFER_TEXT_OVER_CHAR)) {
        assertEquals(List.of(), run(rule, c), other.id());
      }
    }
    RevisionContext c = pg(revision);
    assertEquals(3, TypeChoiceRules.all().stream().mapToInt(r -> run(r, c).size()).sum());
  }
}
