package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.AlembicCli;
import dev.strata.testkit.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata import alembic} on the Alembic fixture projects of the alembic module: the exact
 * report, exit 0 when everything converts and 1 while placeholders remain, the output compiled by
 * {@code check} and {@code upgrade} (and refused with E0155 while a placeholder is left), nothing
 * written when one file is wrong, and {@code --verify-with-alembic} on a real PostgreSQL.
 */
class ImportAlembicCommandTest {
  private static final Path PROJECTS =
      Cli.repoRoot().resolve("alembic/src/test/resources/projects");

  @TempDir Path tmp;

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  @Test
  void plainProjectConvertsWholeAndCompiles() {
    Path project = PROJECTS.resolve("plain");
    Path out = tmp.resolve("versions");
    Cli cli = Cli.run("import", "alembic", project.toString(), "-o", out.toString());
    String v = project.resolve("versions").toString();
    assertEquals(List.of(
        v + "/0a9b8c7d6e5f_audit_log_and_indexes.py: converted 18 operations",
        v + "/3f1c2a7b9d10_create_users.py: converted 4 operations",
        v + "/5b8f0a3d7e22_tags.py: converted 8 operations",
        v + "/8a2e4d6c1b35_create_posts.py: converted 6 operations",
        v + "/c47d9e0f2a61_post_publishing.py: converted 12 operations",
        v + "/e1d2c3b4a596_rename_and_backfill.py: converted 12 operations",
        "imported 6 revisions: 6 fully converted, 0 need a hand (0 placeholders)"),
        lines(cli.out()), cli.err());
    assertEquals("", cli.err());
    assertEquals(0, cli.exitCode());
    Cli check = Cli.run("check", "--versions", out.toString());
    assertEquals(0, check.exitCode(), check.err());
    Cli upgrade = Cli.run("upgrade", "--versions", out.toString(), "base:heads");
    assertEquals(0, upgrade.exitCode(), upgrade.err());
    assertTrue(upgrade.out().contains("CREATE TABLE users ("), upgrade.out());
    assertTrue(upgrade.out().contains("'3f1c2a7b9d10'"), "the Alembic id is kept");
  }

  @Test
  void placeholdersAreReportedAndRefusedByEveryCompile() throws IOException {
    Path project = PROJECTS.resolve("placeholders");
    Path out = tmp.resolve("versions");
    Cli cli = Cli.run("import", "alembic", project.toString(), "-o", out.toString());
    assertEquals(1, cli.exitCode(), cli.err());
    String v = project.resolve("versions").toString();
    List<String> report = lines(cli.out());
    assertTrue(report.containsAll(List.of(
        v + "/e1f2a3b4c5d6_application_types.py: converted 2 operations, 2 need a hand",
        v + "/e1f2a3b4c5d6_application_types.py:24:21: needs a hand: application type"
            + " myapp.types.GUID (map it with --type-map myapp.types.GUID=SQLTYPE)",
        v + "/e1f2a3b4c5d6_application_types.py:30:54: needs a hand: application type"
            + " myapp.types.GUID (map it with --type-map myapp.types.GUID=SQLTYPE)",
        v + "/d0e1f2a3b4c5_create_documents.py: converted 4 operations")), cli.out());
    // the total agrees with the lines above it (the counts are the translator's)
    long placeholders = report.stream().filter(l -> l.contains(": needs a hand: ")).count();
    long needHand = report.stream().filter(l -> l.matches(".*\\.py: converted .*, \\d+ needs?"
        + " a hand")).count();
    assertEquals("imported 5 revisions: " + (5 - needHand) + " fully converted, " + needHand
        + " need a hand (" + placeholders + " placeholders)", report.getLast());
    assertTrue(needHand > 1 && placeholders > 1, cli.out());
    String written = Files.readString(out.resolve("e1f2a3b4c5d6_application_types.sql"));
    assertTrue(written.contains("-- +todo " + v + "/e1f2a3b4c5d6_application_types.py:24:21:"
        + " application type myapp.types.GUID"), written);
    Cli check = Cli.run("check", "--versions", out.toString());
    assertEquals(1, check.exitCode());
    assertTrue(check.err().contains("error[E0155]: placeholder left by 'strata import alembic': "
        + v + "/e1f2a3b4c5d6_application_types.py:24:21: application type myapp.types.GUID"),
        check.err());
    Cli upgrade = Cli.run("upgrade", "--versions", out.toString(), "base:heads");
    assertEquals(1, upgrade.exitCode());
    assertTrue(upgrade.err().contains("error[E0155]"), upgrade.err());

    Cli mapped = Cli.run("import", "alembic", project.toString(), "-o", out.toString(),
        "--force", "--type-map", "myapp.types.GUID=UUID,myapp.types.Money=BIGINT");
    assertTrue(lines(mapped.out()).contains(
        v + "/e1f2a3b4c5d6_application_types.py: converted 4 operations"), mapped.out());
  }

  @Test
  void oneBadFileWritesNothing() throws IOException {
    Path versions = Files.createDirectories(tmp.resolve("alembic/versions"));
    try (Stream<Path> files = Files.list(PROJECTS.resolve("plain/versions"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".py")).toList()) {
        Files.copy(file, versions.resolve(file.getFileName()));
      }
    }
    Files.writeString(versions.resolve("ffff_broken.py"),
        "revision = 'ffff'\ndown_revision = 'e1d2c3b4a596'\n\ndef upgrade():\n"
            + "    op.add_column('users', sa.Column('x', sa.Integer())\n\ndef downgrade():\n"
            + "    pass\n");
    Path out = tmp.resolve("versions");
    Cli cli = Cli.run("import", "alembic", versions.toString(), "-o", out.toString());
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.out());
    assertEquals(versions.resolve("ffff_broken.py") + ":7:1: error[E0701]: invalid Python"
        + " syntax: unexpected 'def'\n"
        + "  7 | def downgrade():\n"
        + "    | ^^^\n", cli.err());
    assertFalse(Files.exists(out));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of("alembic"), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void existingFilesAreRefusedUnlessForced() throws IOException {
    Path project = PROJECTS.resolve("plain");
    Path out = Files.createDirectories(tmp.resolve("versions"));
    Files.writeString(out.resolve("5b8f0a3d7e22_tags.sql"), "mine\n");
    Cli cli = Cli.run("import", "alembic", project.toString(), "-o", out.toString());
    assertEquals(1, cli.exitCode());
    assertEquals("strata: error[E0714]: '" + out.resolve("5b8f0a3d7e22_tags.sql")
        + "' exists already\n  = help: import into another directory with -o, or replace the"
        + " files with --force\n", cli.err());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(1, files.count());
    }
    assertEquals(0, Cli.run("import", "alembic", project.toString(), "-o", out.toString(),
        "--force").exitCode());
    assertTrue(Files.readString(out.resolve("5b8f0a3d7e22_tags.sql"))
        .startsWith("-- revision: 5b8f0a3d7e22\n"));
  }

  /** The report: a folder that could not be written was an internal error. */
  @Test
  void anOutputThatCannotBeWrittenIsADiagnostic() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder\n");
    Path out = file.resolve("versions");
    Cli cli = Cli.run("import", "alembic", PROJECTS.resolve("plain").toString(), "-o",
        out.toString());
    assertEquals(1, cli.exitCode(), cli.err());
    assertTrue(cli.err().startsWith("strata: error[E0501]: cannot write '" + out + "': "),
        cli.err());
    assertTrue(cli.err().contains("= help: -o names a folder you can write to"), cli.err());
    assertEquals("not a folder\n", Files.readString(file));
  }

  @Test
  void usageErrors() {
    Cli none = Cli.run("import", "alembic");
    assertEquals(2, none.exitCode());
    assertTrue(none.err().startsWith("strata: error: "), none.err());
    Cli tool = Cli.run("import");
    assertEquals(2, tool.exitCode());
    assertEquals("strata: error: a tool to import from is required (alembic)\n"
        + "Try 'strata import --help' for more information.\n", tool.err());
    Cli verify = Cli.run("import", "alembic", "x", "--verify-with-alembic");
    assertEquals(2, verify.exitCode());
    assertTrue(verify.err().startsWith(
        "strata: error: --verify-with-alembic needs --db URL, the scratch PostgreSQL server\n"),
        verify.err());
  }

  @Test
  void noProofWhilePlaceholdersRemain() {
    Cli cli = Cli.run("import", "alembic", PROJECTS.resolve("placeholders").toString(), "-o",
        tmp.resolve("versions").toString(), "--verify-with-alembic", "--db",
        "jdbc:postgresql://127.0.0.1:1/none");
    assertEquals(1, cli.exitCode(), cli.err());
    List<String> report = lines(cli.out());
    long placeholders = report.stream().filter(l -> l.contains(": needs a hand: ")).count();
    assertEquals("not verified with Alembic: " + placeholders + " placeholders remain",
        report.getLast());
  }

  @Test
  void verifyWithAlembicProvesThePlainProject() {
    PostgresServer server = PostgresServer.require();
    AlembicCli alembic = AlembicCli.require();
    Path project = PROJECTS.resolve("plain");
    Path out = tmp.resolve("versions");
    Cli cli = Cli.run("import", "alembic", project.toString(), "-o", out.toString(),
        "--verify-with-alembic", "--db", server.jdbcUrl("postgres"), "--python", alembic.python());
    assertEquals(0, cli.exitCode(), cli.out() + cli.err());
    List<String> report = lines(cli.out());
    assertTrue(report.contains("upgrade base:3f1c2a7b9d10  same"), cli.out());
    assertEquals("alembic proof: all 12 ranges same (alembic " + alembic.version() + ")",
        report.getLast());
  }
}
