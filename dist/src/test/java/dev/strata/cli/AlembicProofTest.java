package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.testkit.AlembicCli;
import dev.strata.testkit.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof machinery of {@link AlembicProof}, on the first two revisions of the {@code plain}
 * Alembic fixture and a strata versions directory written by hand from them: the faithful one is
 * proven range by range, and one with a changed column length differs, with the unified diff of the
 * two dumps. (The imported fixtures are proven in AlembicImportProofTest.)
 */
class AlembicProofTest {
  private static final Path PLAIN =
      Cli.repoRoot().resolve("alembic/src/test/resources/projects/plain");
  private static final Path HAND = Cli.repoRoot().resolve("dist/src/test/resources/alembic-proof");
  private static final List<String> FIRST_TWO = List.of("3f1c2a7b9d10", "8a2e4d6c1b35");

  private record Printed(AlembicProof.Report report, String out) {}

  private static Printed prove(Path versions) throws DiagnosticException {
    PostgresServer server = PostgresServer.require();
    AlembicCli alembic = AlembicCli.require();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    AlembicProof.Report report;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      report = AlembicProof.prove(new AlembicProof.Setup(PLAIN, versions,
          server.jdbcUrl("postgres"), alembic.python(), FIRST_TWO), out);
    }
    return new Printed(report, buffer.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFaithfulTranslationIsProvenForEveryUpgradeAndDowngrade() throws Exception {
    Printed printed = prove(HAND.resolve("versions"));
    String version = AlembicCli.require().version();
    assertEquals("""
        upgrade base:3f1c2a7b9d10  same
        upgrade base:8a2e4d6c1b35  same
        downgrade 8a2e4d6c1b35:base  same
        downgrade 8a2e4d6c1b35:3f1c2a7b9d10  same
        alembic proof: all 4 ranges same (alembic %s)
        """.formatted(version), printed.out());
    assertTrue(printed.report().proven());
  }

  @Test
  void aDriftedTranslationDiffersWithTheDiffOfTheDumps() throws Exception {
    Printed printed = prove(HAND.resolve("drifted"));
    assertFalse(printed.report().proven());
    String out = printed.out();
    assertTrue(out.startsWith("""
        upgrade base:3f1c2a7b9d10  same
        upgrade base:8a2e4d6c1b35  differs
        --- alembic upgrade 8a2e4d6c1b35 --sql
        +++ strata upgrade base:8a2e4d6c1b35
        """), out);
    assertTrue(out.contains("\n-    title character varying(200) NOT NULL,\n"
        + "+    title character varying(250) NOT NULL,\n"), out);
    // the downgrades start from Alembic's upgrade, so strata's downgrade of the drifted posts
    // table (which drops it whatever its columns) leaves what Alembic's leaves
    assertTrue(out.contains("downgrade 8a2e4d6c1b35:base  same\n"), out);
    assertTrue(out.endsWith("alembic proof: 3 of 4 ranges same, 1 differs, 0 failed (alembic "
        + AlembicCli.require().version() + ")\n"), out);
  }

  @Test
  void aRangeAlembicRefusesFailsWithAlembicsMessage() throws Exception {
    PostgresServer server = PostgresServer.require();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    AlembicProof.Report report;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      report = AlembicProof.prove(new AlembicProof.Setup(PLAIN.resolveSibling("types"),
          HAND.resolve("versions"), server.jdbcUrl("postgres"), AlembicCli.require().python(),
          List.of("3f1c2a7b9d10")), out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertFalse(report.proven());
    assertTrue(printed.startsWith("upgrade base:3f1c2a7b9d10  failed: error[E0732]: alembic"
        + " upgrade 3f1c2a7b9d10 --sql failed: "), printed);
    assertTrue(printed.contains("Can't locate revision identified by '3f1c2a7b9d10'"), printed);
    assertTrue(printed.endsWith(" ranges same, 0 differ, 2 failed (alembic "
        + AlembicCli.require().version() + ")\n"), printed);
  }

  @Test
  void aProjectWithoutAlembicIniIsRefused(@TempDir Path empty) {
    DiagnosticException e = org.junit.jupiter.api.Assertions.assertThrows(DiagnosticException.class,
        () -> AlembicProof.prove(new AlembicProof.Setup(empty, HAND.resolve("versions"),
            "jdbc:postgresql://127.0.0.1:5432/postgres", "python3"), System.out));
    assertEquals("E0730", e.diagnostics().get(0).code());
  }
}
