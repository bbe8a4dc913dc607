package dev.strata.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Location;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.RevisionFile;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Silencing at each level (statement, revision, project), the required reason, unknown rule ids,
 * and stale allows reported where they are written.
 */
class LintPolicyTest {
  private static final Set<DialectId> PG = EnumSet.of(DialectId.POSTGRESQL);

  private static RevisionFile parse(String path, String text) throws DiagnosticException {
    return new RevisionFileParser().parse(new SourceFile(path, text));
  }

  private static Finding at(RevisionFile file, Rule rule, int line, int column) {
    return Finding.of(rule, file.id(), DialectId.POSTGRESQL,
        new Location(file.source(), new Span(line, column, 3)), rule.id() + " here", List.of());
  }

  /** Each finding as {@code line:col rule severity [allowed: reason]}. */
  private static String show(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.location().span().line() + ":" + f.location().span().column() + " "
            + f.rule().id() + " " + f.severity().label()
            + f.allowed().map(r -> " [allowed: " + r + "]").orElse(""))
        .collect(Collectors.joining("\n"));
  }

  private static final String TWO_STATEMENTS = """
      -- revision: 0002_indexes
      -- revises: 0001_init

      -- +upgrade
      -- strata:allow create-index-not-concurrently users has 40 rows (lookup table)
      -- +no-transaction
      CREATE INDEX users_name ON users (name);

      CREATE INDEX users_email ON users (email);
      """;

  @Test
  void statementAllowSilencesOnlyTheStatementBelowIt() throws Exception {
    RevisionFile file = parse("versions/0002_indexes.sql", TWO_STATEMENTS);
    List<Finding> result = LintPolicy.apply(List.of(
        at(file, Rule.CREATE_INDEX_NOT_CONCURRENTLY, 7, 1),
        at(file, Rule.CREATE_INDEX_NOT_CONCURRENTLY, 9, 1)), List.of(file), PG,
        LintConfig.DEFAULTS);
    assertEquals("""
        7:1 create-index-not-concurrently warning [allowed: users has 40 rows (lookup table)]
        9:1 create-index-not-concurrently warning""", show(result));
  }

  @Test
  void staleStatementAllowIsReportedAtItsRuleId() throws Exception {
    RevisionFile file = parse("versions/0002_indexes.sql", TWO_STATEMENTS);
    List<Finding> result = LintPolicy.apply(List.of(
        at(file, Rule.CREATE_INDEX_NOT_CONCURRENTLY, 9, 1)), List.of(file), PG,
        LintConfig.DEFAULTS);
    assertEquals("""
        5:17 unused-allow warning
        9:1 create-index-not-concurrently warning""", show(result));
    Finding stale = result.get(0);
    assertEquals("'-- strata:allow create-index-not-concurrently' silences nothing: the statement"
        + " below it does not break the rule", stale.message());
    assertEquals(new Span(5, 17, "create-index-not-concurrently".length()),
        stale.location().span());
    assertEquals("0002_indexes", stale.revision());
  }

  private static final String HEADER_ALLOW = """
      -- revision: 0003_drop
      -- revises: 0002_indexes
      -- strata:allow drop-data the columns were moved to profiles in 0002
      -- strata:allow rename nothing reads users.nick any more

      -- +upgrade
      ALTER TABLE users DROP COLUMN bio;
      ALTER TABLE users DROP COLUMN avatar;
      DROP TABLE scratch;
      -- strata:allow drop-data scratch is rebuilt every night
      """;

  @Test
  void revisionAllowSilencesEveryStatementAndStaleOnesAreReported() throws Exception {
    RevisionFile file = parse("versions/0003_drop.sql", HEADER_ALLOW);
    List<Finding> result = LintPolicy.apply(List.of(
        at(file, Rule.DROP_DATA, 7, 31), at(file, Rule.DROP_DATA, 8, 31),
        at(file, Rule.DROP_DATA, 9, 1)), List.of(file), PG, LintConfig.DEFAULTS);
    assertEquals("""
        4:17 unused-allow warning
        7:31 drop-data warning [allowed: the columns were moved to profiles in 0002]
        8:31 drop-data warning [allowed: the columns were moved to profiles in 0002]
        9:1 drop-data warning [allowed: the columns were moved to profiles in 0002]
        10:17 unused-allow warning""", show(result));
    assertEquals("'-- strata:allow rename' silences nothing: no statement of this revision breaks"
        + " the rule", result.get(0).message());
    assertEquals("'-- strata:allow drop-data' silences nothing: it is not directly above a"
        + " statement nor in the header", result.get(4).message());
  }

  @Test
  void findingsOfOtherRevisionsAreNotSilenced() throws Exception {
    RevisionFile drop = parse("versions/0003_drop.sql", HEADER_ALLOW);
    RevisionFile indexes = parse("versions/0002_indexes.sql", TWO_STATEMENTS);
    List<Finding> result = LintPolicy.apply(List.of(at(indexes, Rule.DROP_DATA, 9, 1),
        at(drop, Rule.RENAME, 7, 1), at(indexes, Rule.CREATE_INDEX_NOT_CONCURRENTLY, 7, 1)),
        List.of(drop, indexes), PG, LintConfig.DEFAULTS);
    assertEquals(List.of(Optional.of("users has 40 rows (lookup table)"), Optional.empty()),
        result.stream().filter(f -> f.location().source().path().contains("0002"))
            .map(Finding::allowed).toList());
  }

  @Test
  void projectConfigurationChangesSeveritiesAndTurnsRulesOff() throws Exception {
    RevisionFile file = parse("versions/0002_indexes.sql", TWO_STATEMENTS);
    LintConfig config = new LintConfig(Map.of(Rule.CREATE_INDEX_NOT_CONCURRENTLY,
        LintSeverity.ERROR, Rule.PREFER_TIMESTAMPTZ, LintSeverity.OFF), false);
    List<Finding> result = LintPolicy.apply(List.of(
        at(file, Rule.CREATE_INDEX_NOT_CONCURRENTLY, 9, 1),
        at(file, Rule.PREFER_TIMESTAMPTZ, 9, 5), at(file, Rule.PREFER_BIGINT_KEYS, 9, 8),
        at(file, Rule.CREATE_INDEX_NOT_CONCURRENTLY, 7, 1)), List.of(file), PG, config);
    assertEquals("""
        7:1 create-index-not-concurrently error [allowed: users has 40 rows (lookup table)]
        9:1 create-index-not-concurrently error""", show(result));
  }

  @Test
  void anAllowOfARuleTurnedOffOrOfAnotherDialectIsNotStale() throws Exception {
    RevisionFile file = parse("versions/0002_indexes.sql", TWO_STATEMENTS);
    LintConfig off = new LintConfig(Map.of(Rule.CREATE_INDEX_NOT_CONCURRENTLY,
        LintSeverity.OFF), true);
    assertEquals(List.of(), LintPolicy.apply(List.of(), List.of(file), PG, off));
    assertEquals(List.of(), LintPolicy.apply(List.of(), List.of(file),
        EnumSet.of(DialectId.SQLITE), LintConfig.DEFAULTS));
    LintConfig quiet = new LintConfig(Map.of(Rule.UNUSED_ALLOW, LintSeverity.OFF), true);
    assertEquals(List.of(), LintPolicy.apply(List.of(), List.of(file), PG, quiet));
  }

  @Test
  void anAllowNeedsAReason() throws Exception {
    RevisionFile file = parse("versions/0004_x.sql", """
        -- revision: 0004_x
        -- revises: 0003_drop

        -- +upgrade
        -- strata:allow drop-data
        DROP TABLE t;
        -- strata:allow
        DROP TABLE u;
        """);
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> LintPolicy.apply(List.of(), List.of(file), PG, LintConfig.DEFAULTS));
    assertEquals("""
        versions/0004_x.sql:5:26: error[E0685]: '-- strata:allow drop-data' gives no reason
          5 | -- strata:allow drop-data
            |                          ^
          = help: write why the rule does not apply here, after the rule id: -- strata:allow drop-data <reason>
          = note: the reason is shown in every report that lists the silenced finding
        versions/0004_x.sql:7:16: error[E0685]: '-- strata:allow' names no rule and no reason
          7 | -- strata:allow
            |                ^
          = help: write the rule id and why it does not apply here: -- strata:allow drop-data the table is empty since 0007
        """, e.format());
  }

  @Test
  void anUnknownRuleIdIsAnErrorWithDidYouMean() throws Exception {
    RevisionFile file = parse("versions/0004_x.sql", """
        -- revision: 0004_x
        -- revises: 0003_drop
        -- strata:allow drop-date we archived it

        -- +upgrade
        DROP TABLE t;
        """);
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> LintPolicy.apply(List.of(), List.of(file), PG, LintConfig.DEFAULTS));
    assertEquals("""
        versions/0004_x.sql:3:17: error[E0686]: unknown lint rule 'drop-date'
          3 | -- strata:allow drop-date we archived it
            |                 ^^^^^^^^^
          = help: did you mean 'drop-data'?
          = note: docs/lint.md lists every rule id
        """, e.format());
  }

  @Test
  void anAllowInsideAMultiLineStatementIsForThatStatement() throws Exception {
    RevisionFile file = parse("versions/0005_t.sql", """
        -- revision: 0005_t
        -- revises: 0004_x

        -- +upgrade
        CREATE TABLE t (
          -- strata:allow prefer-timestamptz the feed sends local times, converted later
          seen TIMESTAMP
        );
        """);
    List<Finding> result = LintPolicy.apply(List.of(at(file, Rule.PREFER_TIMESTAMPTZ, 7, 8)),
        List.of(file), PG, LintConfig.DEFAULTS);
    assertEquals("7:8 prefer-timestamptz warning [allowed: the feed sends local times, converted"
        + " later]", show(result));
  }

  @Test
  void anAllowInTheDowngradeSectionIsStale() throws Exception {
    RevisionFile file = parse("versions/0006_d.sql", """
        -- revision: 0006_d
        -- revises: 0005_t

        -- +upgrade
        CREATE TABLE d (id BIGINT);

        -- +downgrade
        -- strata:allow drop-data created by this revision
        DROP TABLE d;
        """);
    List<Finding> result = LintPolicy.apply(List.of(), List.of(file), PG, LintConfig.DEFAULTS);
    assertEquals("8:17 unused-allow warning", show(result));
    assertEquals("'-- strata:allow drop-data' silences nothing: lint checks the upgrade section,"
        + " not the downgrade", result.get(0).message());
  }
}
