package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.lint.Rule;
import dev.strata.grammar.DialectId;
import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL corpus ({@link LintCorpus}) against a real server with the real {@code psql}:
 * each chain is upgraded to its shared base (payments and ledger accounts), a ledger account and a
 * payment are inserted, and the rest is upgraded on a table that has rows. Every safe alternative
 * and every exemption applies cleanly; so does every dangerous revision, except
 * {@code add-column-not-null-without-default}'s, which fails on a table with a row, as its rule
 * says.
 */
class LintCorpusPostgresTest {
  private static final String BASE = "0002_create_ledger_accounts";
  private static final String ROWS = "INSERT INTO ledger_accounts (code, name) VALUES ('CASH', 'Cash');"
      + " INSERT INTO payments (ledger_account_id, amount, currency, reference)"
      + " VALUES (1, 1250.0000, 'INR', 'UTR-2026-000001');";

  private static PostgresServer server;
  @TempDir static Path dir;

  @BeforeAll
  static void server() {
    server = PostgresServer.require();
  }

  @TestFactory
  Stream<DynamicTest> everyPostgresqlChainAppliesOnATableWithRows() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      if (LintCorpus.dialect(rule) != DialectId.POSTGRESQL) {
        continue;
      }
      List<String> chains = new ArrayList<>(List.of(LintCorpus.DANGEROUS));
      chains.addAll(LintCorpus.variants(rule));
      for (String chain : chains) {
        boolean fails = rule == Rule.ADD_COLUMN_NOT_NULL_NO_DEFAULT
            && chain.equals(LintCorpus.DANGEROUS);
        tests.add(DynamicTest.dynamicTest(rule.id() + "/" + chain, () -> apply(rule, chain, fails)));
      }
    }
    assertTrue(tests.size() > Arrays.stream(Rule.values())
        .filter(r -> LintCorpus.dialect(r) == DialectId.POSTGRESQL).count());
    return tests.stream();
  }

  private static void apply(Rule rule, String chain, boolean fails) throws Exception {
    Path versions = LintCorpus.of(rule).resolve(chain);
    String db = server.createDatabase("l5_corpus");
    try {
      assertEquals(0, psql(db, versions, "upgrade", BASE).exitCode());
      server.execute(db, ROWS);
      PostgresServer.ProcessResult rest = psql(db, versions, "upgrade", BASE + ":heads");
      if (fails) {
        assertNotEquals(0, rest.exitCode(), "the dangerous revision should fail with a row");
        assertTrue(rest.stderr().contains("contains null values"), rest.stderr());
      } else {
        assertEquals(0, rest.exitCode(), () -> rule.id() + "/" + chain + ":\n" + rest.stderr());
      }
    } finally {
      server.dropDatabase(db);
    }
  }

  private static PostgresServer.ProcessResult psql(String db, Path versions, String command,
      String range) throws Exception {
    Path script = Files.createTempFile(dir, command, ".sql");
    Cli cli = Cli.run(command, range, "--versions", versions.toString(), "-o", script.toString());
    assertEquals(0, cli.exitCode(), () -> "strata " + command + " " + range + ":\n" + cli.err());
    return server.psql(db, script);
  }
}
