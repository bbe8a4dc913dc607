package dev.strata.dialects.lint;

import static dev.strata.dialects.lint.DialectLintFixture.BASE;
import static dev.strata.dialects.lint.DialectLintFixture.change;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.lint.Finding;
import dev.strata.grammar.DialectId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTableRebuildRuleTest {
  @TempDir Path tmp;
  private int dirs;

  private List<String> lines(DialectId dialect, String upgrade) throws Exception {
    return DialectLintFixture.lint(tmp.resolve("v" + dirs++), dialect,
        List.of(SqliteTableRebuildRule.INSTANCE), List.of(), BASE, change(upgrade)).stream()
        .map(DialectLintFixture::line).toList();
  }

  @Test
  void rebuildsAreReportedAtTheTable() throws Exception {
    assertEquals(List.of(
        "5:13+8 sqlite-table-rebuild: ALTER TABLE payments rebuilds table 'payments' on SQLite:"
            + " its ALTER TABLE cannot do this in place, so strata copies every row into a new"
            + " table, drops the old one and builds its indexes again, with the database locked"
            + " for writes throughout",
        "6:13+7 sqlite-table-rebuild: ALTER TABLE refunds rebuilds table 'refunds' on SQLite:"
            + " its ALTER TABLE cannot do this in place, so strata copies every row into a new"
            + " table, drops the old one and builds its indexes again, with the database locked"
            + " for writes throughout"),
        lines(DialectId.SQLITE, """
            ALTER TABLE payments ALTER COLUMN amount TYPE BIGINT, ALTER COLUMN note SET NOT NULL;
            ALTER TABLE refunds ADD CONSTRAINT refunds_payment_fk FOREIGN KEY (payment_id) REFERENCES payments (id);
            """));
  }

  @Test
  void whatSqliteDoesInPlaceIsNotReported() throws Exception {
    assertEquals(List.of(), lines(DialectId.SQLITE, """
        ALTER TABLE payments ADD COLUMN paid_at TIMESTAMPTZ;
        ALTER TABLE payments RENAME COLUMN note TO memo;
        ALTER TABLE refunds RENAME TO payment_refunds;
        CREATE INDEX ix_payments_amount ON payments (amount);
        """));
  }

  @Test
  void anEnumValueRebuildsEveryTableOfTheType() throws Exception {
    String base = """
        -- revision: 0001_base
        -- revises: base

        -- +upgrade
        CREATE TYPE mood AS ENUM ('calm', 'angry');
        CREATE TABLE people (id BIGINT PRIMARY KEY, mood mood);
        CREATE TABLE pets (id BIGINT PRIMARY KEY, mood mood NOT NULL);

        -- +downgrade
        DROP TABLE pets;
        DROP TABLE people;
        DROP TYPE mood;
        """;
    List<String> found = DialectLintFixture.lint(tmp.resolve("e"), DialectId.SQLITE,
        List.of(SqliteTableRebuildRule.INSTANCE), List.of(), base,
        change("ALTER TYPE mood ADD VALUE 'sleepy';")).stream()
        .map(DialectLintFixture::line).toList();
    assertEquals(2, found.size(), found.toString());
    assertEquals("5:12+4 sqlite-table-rebuild: ALTER TYPE mood ADD VALUE rebuilds table 'people'"
        + " on SQLite: its ALTER TABLE cannot do this in place, so strata copies every row into a"
        + " new table, drops the old one and builds its indexes again, with the database locked"
        + " for writes throughout", found.getFirst());
    assertEquals(true, found.get(1).contains("rebuilds table 'pets'"), found.get(1));
  }

  @Test
  void aQuotedTableIsFoundAmongTheRevisionsStartTables() throws Exception {
    String base = """
        -- revision: 0001_base
        -- revises: base

        -- +upgrade
        CREATE TYPE mood AS ENUM ('calm', 'angry');
        CREATE TABLE "Pets ""Log""\" (id BIGINT PRIMARY KEY, mood mood);

        -- +downgrade
        DROP TABLE "Pets ""Log""\";
        DROP TYPE mood;
        """;
    List<String> found = DialectLintFixture.lint(tmp.resolve("q"), DialectId.SQLITE,
        List.of(SqliteTableRebuildRule.INSTANCE), List.of(), base, change("""
            CREATE TABLE "New" (id BIGINT PRIMARY KEY, mood mood);
            ALTER TYPE mood ADD VALUE 'sleepy';
            """)).stream().map(DialectLintFixture::line).toList();
    // "New" is rebuilt too, but it was made in this revision: exempt
    assertEquals(1, found.size(), found.toString());
    assertEquals(true, found.getFirst().contains("rebuilds table '\"Pets \"\"Log\"\"\"'"),
        found.getFirst());
  }

  @Test
  void aTableOfTheSameRevisionIsExempt() throws Exception {
    assertEquals(List.of(), lines(DialectId.SQLITE, """
        CREATE TABLE ledger (id BIGINT PRIMARY KEY, amount INTEGER);
        ALTER TABLE ledger ALTER COLUMN amount TYPE BIGINT;
        """));
  }

  @Test
  void onlySqliteIsTold() throws Exception {
    for (DialectId dialect : List.of(DialectId.POSTGRESQL, DialectId.MYSQL, DialectId.MARIADB)) {
      assertEquals(List.of(), lines(dialect,
          "ALTER TABLE payments ALTER COLUMN note SET NOT NULL;"), dialect.id());
    }
  }

  @Test
  void theRegistryRunsEachDialectsOwnRules() throws Exception {
    String upgrade = "ALTER TABLE payments ALTER COLUMN amount TYPE BIGINT;";
    java.util.Map<DialectId, List<String>> expected = java.util.Map.of(
        DialectId.SQLITE, List.of("sqlite-table-rebuild"),
        DialectId.MYSQL, List.of("mysql-table-copy"),
        DialectId.MARIADB, List.of("mysql-table-copy"));
    for (var e : expected.entrySet()) {
      List<Finding> found = DialectLintFixture.lint(tmp.resolve("r" + dirs++), e.getKey(),
          LintRules.statementRules(e.getKey()), LintRules.revisionRules(e.getKey()), BASE,
          change(upgrade));
      assertEquals(e.getValue(), found.stream().map(f -> f.rule().id())
          .filter(id -> id.startsWith("sqlite") || id.startsWith("mysql")).toList(),
          e.getKey().id());
    }
  }
}
