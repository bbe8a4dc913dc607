package dev.strata.dialects.lint;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.lint.RevisionRule;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.grammar.DialectId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Revisions written to a directory and linted by the engine with the rules under test. */
final class DialectLintFixture {
  private DialectLintFixture() {}

  /** The base revision of the tests: two tables with keys, a foreign key, an index and a check. */
  static final String BASE = """
      -- revision: 0001_base
      -- revises: base

      -- +upgrade
      CREATE TABLE payments (id BIGINT PRIMARY KEY, code VARCHAR(20) NOT NULL, amount INTEGER,
          note TEXT, CONSTRAINT amount_positive CHECK (amount > 0));
      CREATE TABLE refunds (id BIGINT NOT NULL, payment_id BIGINT,
          CONSTRAINT refunds_pkey PRIMARY KEY (id));
      CREATE INDEX ix_payments_code ON payments (code);

      -- +downgrade
      DROP TABLE refunds;
      DROP TABLE payments;
      """;

  /** A revision {@code 0002_change} after {@link #BASE} with {@code upgrade}, its downgrade no-op. */
  static String change(String upgrade) {
    return "-- revision: 0002_change\n-- revises: 0001_base\n\n-- +upgrade\n" + upgrade
        + (upgrade.endsWith("\n") ? "" : "\n") + "\n-- +downgrade\n-- +no-op\n";
  }

  /** The findings of {@code rules} over every revision of {@code files}, for {@code dialect}. */
  static List<Finding> lint(Path dir, DialectId dialect, List<StatementRule> rules,
      List<RevisionRule> revisionRules, String... files) throws Exception {
    Files.createDirectories(dir);
    for (String text : files) {
      String id = text.lines().filter(l -> l.startsWith("-- revision:")).findFirst().orElseThrow()
          .substring("-- revision:".length()).strip();
      Files.writeString(dir.resolve(id + ".sql"), text);
    }
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(dir));
    return new Linter(rules, revisionRules).lint(graph, Linter.ALL, dialect,
        Linter.Options.DEFAULT);
  }

  /** {@code line:col+length rule: message} of a finding. */
  static String line(Finding f) {
    return f.location().span().line() + ":" + f.location().span().column() + "+"
        + f.location().span().length() + " " + f.rule().id() + ": " + f.message();
  }
}
