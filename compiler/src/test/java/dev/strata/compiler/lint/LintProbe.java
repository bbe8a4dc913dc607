package dev.strata.compiler.lint;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.lint.pg.PgStatementRules;
import dev.strata.grammar.DialectId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Revisions on disk for the lint tests: a base that creates {@code payments}, then the one tested. */
final class LintProbe {
  /** The first revision: tables that exist before the revision under test. */
  static final String BASE = """
      CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);
      CREATE TABLE payments (
          id BIGINT PRIMARY KEY,
          customer_id BIGINT NOT NULL,
          amount NUMERIC(10, 2) NOT NULL,
          note VARCHAR(50),
          status TEXT
      );
      CREATE INDEX ix_payments_customer_id ON payments (customer_id);""";

  private LintProbe() {}

  /** A graph of {@code 0001_base} ({@link #BASE}) and {@code 0002_change} with {@code sql}. */
  static RevisionGraph graph(Path dir, String sql) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("0001_base.sql"),
        "-- revision: 0001_base\n-- revises: base\n\n-- +upgrade\n" + BASE + "\n");
    Files.writeString(dir.resolve("0002_change.sql"),
        "-- revision: 0002_change\n-- revises: 0001_base\n\n-- +upgrade\n" + sql + "\n");
    return RevisionGraph.build(VersionsLoader.load(dir));
  }

  /** The PostgreSQL statement rules' findings on every revision. */
  static List<Finding> findings(Path dir, String sql) throws Exception {
    return findings(dir, sql, DialectId.POSTGRESQL);
  }

  static List<Finding> findings(Path dir, String sql, DialectId dialect) throws Exception {
    List<StatementRule> rules = new ArrayList<>();
    if (dialect == DialectId.POSTGRESQL) {
      rules.addAll(PgStatementRules.postgres());
    }
    rules.addAll(PgStatementRules.everyDialect());
    return new Linter(rules, List.of())
        .lint(graph(dir, sql), Linter.ALL, dialect, Linter.Options.DEFAULT);
  }

  /** The findings as {@code strata lint} prints them. */
  static String text(Path dir, String sql) throws Exception {
    return LintText.format(findings(dir, sql)).replace(dir.toString(), "versions");
  }
}
