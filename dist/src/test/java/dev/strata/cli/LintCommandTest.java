package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata lint} end to end: the text it prints (finding, caret, lock, help, summary), the
 * range, exit codes as {@code check}'s, the JSON and SARIF formats, and lint inside {@code check}
 * and {@code upgrade}.
 */
class LintCommandTest {
  @TempDir Path tmp;

  /** Two revisions: payments, then an index built on it without CONCURRENTLY. */
  private Path chain(String change) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("versions"));
    Files.writeString(dir.resolve("0001_payments.sql"), """
        -- revision: 0001_payments
        -- revises: base

        -- +upgrade
        CREATE TABLE payments (id BIGINT PRIMARY KEY, note TEXT);

        -- +downgrade
        DROP TABLE payments;
        """);
    Files.writeString(dir.resolve("0002_change.sql"), """
        -- revision: 0002_change
        -- revises: 0001_payments

        -- +upgrade
        SET lock_timeout = '5s';
        %s

        -- +downgrade
        -- +irreversible
        """.formatted(change));
    return dir;
  }

  private static final String INDEX_FINDING = """
      %s/0002_change.sql:6:14: warning[create-index-not-concurrently]: CREATE INDEX ix_note on \
      payments, a table that existed before this revision, blocks writes to it until the index is \
      built
        6 | CREATE INDEX ix_note ON payments (note);
          |              ^^^^^^^
        = lock: SHARE on payments (blocks writes (INSERT, UPDATE, DELETE), not reads); scans the table
        = help: CREATE INDEX CONCURRENTLY ix_note ON payments (note);
      """;

  @Test
  void aWarningIsPrintedWithItsCaretLockAndAlternative() throws Exception {
    Path dir = chain("CREATE INDEX ix_note ON payments (note);");
    Cli cli = Cli.run("lint", "--versions", dir.toString());
    assertEquals(new Cli(0, "lint: 2 revisions, 0 errors, 1 warning\n",
        INDEX_FINDING.formatted(dir)), cli);
  }

  @Test
  void strictFailsOnWarnings() throws Exception {
    Path dir = chain("CREATE INDEX ix_note ON payments (note);");
    assertEquals(1, Cli.run("lint", "--strict", "--versions", dir.toString()).exitCode());
  }

  @Test
  void anErrorFails() throws Exception {
    Path dir = chain("ALTER TABLE payments ADD COLUMN amount NUMERIC NOT NULL;");
    Cli cli = Cli.run("lint", "--versions", dir.toString());
    assertEquals(1, cli.exitCode(), cli.err());
    assertTrue(cli.err().contains("error[add-column-not-null-without-default]"), cli.err());
    assertEquals("lint: 2 revisions, 1 error, 0 warnings\n", cli.out());
  }

  @Test
  void theRangeLimitsTheRevisions() throws Exception {
    Path dir = chain("CREATE INDEX ix_note ON payments (note);");
    assertEquals(new Cli(0, "lint: 1 revision, 0 errors, 0 warnings\n", ""),
        Cli.run("lint", "base:0001_payments", "--versions", dir.toString()));
    assertEquals(new Cli(0, "lint: 1 revision, 0 errors, 1 warning\n",
            INDEX_FINDING.formatted(dir)),
        Cli.run("lint", "0001_payments:head", "--versions", dir.toString()));
  }

  @Test
  void theSafeAlternativeLintsClean() throws Exception {
    Path dir = chain("CREATE INDEX CONCURRENTLY ix_note ON payments (note);");
    assertEquals(new Cli(0, "lint: 2 revisions, 0 errors, 0 warnings\n", ""),
        Cli.run("lint", "--strict", "--versions", dir.toString()));
  }

  @Test
  void jsonAndSarifGoToStdout() throws Exception {
    Path dir = chain("CREATE INDEX ix_note ON payments (note);");
    Cli json = Cli.run("lint", "--format", "json", "--versions", dir.toString());
    assertEquals(0, json.exitCode(), json.err());
    assertEquals("", json.err());
    assertTrue(json.out().contains("\"create-index-not-concurrently\""), json.out());
    Cli sarif = Cli.run("lint", "--format", "sarif", "--versions", dir.toString());
    assertEquals(0, sarif.exitCode(), sarif.err());
    assertTrue(sarif.out().contains("\"version\" : \"2.1.0\"")
        || sarif.out().contains("\"version\": \"2.1.0\""), sarif.out());
  }

  /** The report: a revision that does not parse left stdout empty, so CI uploaded nothing. */
  @Test
  void aRevisionThatDoesNotParseIsInTheJsonAndSarifDocuments() throws Exception {
    Path dir = chain("CREAT INDEX ix_note ON payments (note);");
    Cli json = Cli.run("lint", "--format", "json", "--versions", dir.toString());
    assertEquals(1, json.exitCode(), json.err());
    JsonNode document = JsonText.MAPPER.readTree(json.out());
    assertEquals(0, document.get("findings").size(), json.out());
    JsonNode diagnostic = document.get("diagnostics").get(0);
    assertEquals("error", diagnostic.get("severity").asText(), json.out());
    assertTrue(diagnostic.get("path").asText().endsWith(".sql"), json.out());
    Cli sarif = Cli.run("lint", "--format", "sarif", "--versions", dir.toString());
    assertEquals(1, sarif.exitCode(), sarif.err());
    JsonNode run = JsonText.MAPPER.readTree(sarif.out()).get("runs").get(0);
    assertEquals(diagnostic.get("code").asText(), run.get("results").get(0).get("ruleId").asText());
    assertFalse(run.get("invocations").get(0).get("executionSuccessful").asBoolean());
  }

  @Test
  void locksAddsTheLockReportBeforeTheSummary() throws Exception {
    Path dir = chain("CREATE INDEX ix_note ON payments (note);");
    Cli cli = Cli.run("lint", "--locks", "--versions", dir.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().startsWith("Locks on PostgreSQL"), cli.out());
    assertTrue(cli.out().contains("payments: SHARE, scans the table; blocks writes"), cli.out());
    assertTrue(cli.out().endsWith("\n\nlint: 2 revisions, 0 errors, 1 warning\n"), cli.out());
  }

  @Test
  void locksWithJsonIsAUsageError() throws Exception {
    Path dir = chain("CREATE INDEX ix_note ON payments (note);");
    Cli cli = Cli.run("lint", "--locks", "--format", "json", "--versions", dir.toString());
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().contains("--locks prints a text report"), cli.err());
  }

  @Test
  void anUnknownFormatIsAUsageError() throws Exception {
    Cli cli = Cli.run("lint", "--format", "xml");
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().contains("unknown format 'xml' (known: text, json, sarif)"), cli.err());
  }

  @Test
  void checkReportsLintFindingsAmongItsOwn() throws Exception {
    Path dir = chain("CREATE INDEX ix_note ON payments (note);");
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    Cli check = Cli.run("check", "--versions", dir.toString());
    assertEquals(new Cli(0, "check: 2 revisions, 0 errors, 1 warning\n",
        INDEX_FINDING.formatted(dir)), check);
    assertEquals(1, Cli.run("check", "--strict", "--versions", dir.toString()).exitCode());
  }

  @Test
  void upgradePrintsFindingsOnStderrNeverInTheSql() throws Exception {
    Path dir = chain("ALTER TABLE payments ADD COLUMN amount NUMERIC NOT NULL;");
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    Cli upgrade = Cli.run("upgrade", "head", "--versions", dir.toString());
    assertEquals(0, upgrade.exitCode(), upgrade.err());
    assertTrue(upgrade.err().contains(
        "0002_change.sql:6:33: warning[add-column-not-null-without-default]"), upgrade.err());
    assertTrue(!upgrade.out().contains("add-column-not-null-without-default"), upgrade.out());
    assertTrue(upgrade.out().contains("ALTER TABLE payments ADD amount numeric NOT NULL;"), upgrade.out());
  }
}
