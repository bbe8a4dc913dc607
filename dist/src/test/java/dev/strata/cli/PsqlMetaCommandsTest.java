package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision runs SQL only (issue 7): the reported psql meta-commands, psql variables and line
 * separators are positioned errors of {@code strata check}; a psql meta-command in a statement is
 * shown to run a shell command under the real psql; a block that opts in with {@code -- +dialect
 * postgresql psql-meta-commands} is bundled, reported in APPLY.md and MANIFEST.json, and run by
 * the real psql against the real PostgreSQL.
 */
class PsqlMetaCommandsTest {
  private static final String HEADER = "-- revision: %s\n-- revises: base\n\n-- +upgrade\n";

  @TempDir Path tmp;

  @Test
  void theReportedRevisionsFailCheckAtTheirExactPlace() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    revision(dir, "0001_set", "UPDATE t SET s = 'x' \\! touch /tmp/owned\n;\n");
    revision(dir, "0002_default", "CREATE TABLE t (s TEXT DEFAULT 'x' \\! touch /tmp/owned\n);\n");
    revision(dir, "0003_comment", "UPDATE t SET s = 'y' -- comment\n\\! touch /tmp/owned\n"
        + "WHERE id = 1;\n");
    revision(dir, "0004_user", "ALTER TABLE t ALTER COLUMN s SET DEFAULT :'USER';\n");
    revision(dir, "0005_dbname", "INSERT INTO t (id, s) VALUES (1, :'DBNAME');\n");
    revision(dir, "0006_host", "UPDATE t SET s = :'HOST';\n");
    Files.writeString(dir.resolve("0007_branch.sql"), "-- revision: 0007_branch\n"
        + "-- revises: base\n-- branch: lrs\u0085\n\n-- +upgrade\nCREATE TABLE u (id INT);\n");
    Cli cli = Cli.run("check", "--versions", dir.toString());
    assertEquals(1, cli.exitCode(), cli.err());
    List<String> heads = cli.err().lines().filter(l -> l.contains(": error[")).toList();
    String v = dir + "/";
    assertEquals(List.of(
        v + "0001_set.sql:5:22: error[E0120]: psql meta-command '\\!' in a statement",
        v + "0002_default.sql:5:36: error[E0120]: psql meta-command '\\!' in a statement",
        v + "0003_comment.sql:6:1: error[E0120]: psql meta-command '\\!' in a statement",
        v + "0004_user.sql:5:42: error[E0121]: psql variable reference ':'USER'' in a statement",
        v + "0005_dbname.sql:5:34: error[E0121]: psql variable reference ':'DBNAME'' in a"
            + " statement",
        v + "0006_host.sql:5:18: error[E0121]: psql variable reference ':'HOST'' in a statement",
        v + "0007_branch.sql:3:15: error[E0123]: U+0085 (NEXT LINE) in a header line"), heads);
    assertTrue(cli.err().contains("""
          5 | UPDATE t SET s = 'x' \\! touch /tmp/owned
            |                      ^^
        """), cli.err());
  }

  @Test
  void psqlWouldRunTheShellCommandOfTheReportedStatement() throws Exception {
    Path owned = tmp.resolve("owned");
    String statement = "UPDATE t SET s = 'x' \\! touch " + owned + "\n;\n";
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_meta");
    try {
      Path script = tmp.resolve("as-rendered-before.sql");
      Files.writeString(script, "CREATE TABLE t (s TEXT);\n" + statement);
      server.psql(db, script);
      assertTrue(Files.exists(owned), "psql ran the shell command of the statement");
    } finally {
      server.dropDatabase(db);
    }
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    revision(dir, "0001_set", statement);
    Cli cli = Cli.run("upgrade", "base:head", "--versions", dir.toString());
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.out());
    assertTrue(cli.err().contains("error[E0120]"), cli.err());
  }

  @Test
  void anOptedInBlockIsReportedInTheBundleAndRunByPsql() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    revision(dir, "0001_answers", "CREATE TABLE answers (n INT NOT NULL);\n\n"
        + "-- +downgrade\nDROP TABLE answers;\n");
    Files.writeString(dir.resolve("0002_seed.sql"), "-- revision: 0002_seed\n"
        + "-- revises: 0001_answers\n\n-- +upgrade\n"
        + "-- +dialect postgresql psql-meta-commands\n"
        + "\\set answer 42\n"
        + "INSERT INTO answers (n) VALUES (:answer);\n"
        + "-- +end\n\n-- +downgrade\nDELETE FROM answers;\n");
    assertEquals(0, Cli.run("check", "--versions", dir.toString()).exitCode());
    Path out = tmp.resolve("bundle");
    Cli bundle = Cli.run("bundle", "base:head", "--versions", dir.toString(), "-o",
        out.toString());
    assertEquals(0, bundle.exitCode(), bundle.err());
    Path root = out.resolve("strata-base-0002_seed-postgresql");
    String apply = Files.readString(root.resolve("APPLY.md"));
    assertTrue(apply.contains("""
        ## psql meta-commands

        These revisions run psql meta-commands (backslash commands, psql variables) from a
        `-- +dialect postgresql psql-meta-commands` block, which strata passes to psql as
        written. Read each block before applying:

        - `0002_seed`, upgrade: `sources/0002_seed.sql` line 5
        """), apply);
    JsonNode manifest = JsonText.MAPPER.readTree(root.resolve("MANIFEST.json").toFile());
    List<Boolean> flags = new ArrayList<>();
    manifest.get("steps").forEach(step -> flags.add(step.get("psqlMetaCommands").booleanValue()));
    assertEquals(List.of(false, true), flags);
    assertEquals(0, Cli.run("verify", out.toString()).exitCode());

    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_meta");
    try {
      check(server.psql(db, root.resolve("upgrade.sql")));
      assertEquals(List.of("42"), server.query(db, "SELECT n FROM answers"));
      check(server.psql(db, root.resolve("rollback.sql")));
      assertEquals(List.of(), server.query(db, "SELECT version_num FROM alembic_version"));
    } finally {
      server.dropDatabase(db);
    }
  }

  @Test
  void withoutTheOptInTheSameBlockIsAnError() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    revision(dir, "0001_seed", "-- +dialect postgresql\n\\set answer 42\n-- +end\n");
    Cli cli = Cli.run("check", "--versions", dir.toString());
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith(dir + "/0001_seed.sql:6:1: error[E0122]: psql meta-command"
        + " '\\set' in a '-- +dialect postgresql' block\n"), cli.err());
    assertFalse(cli.err().contains("E0120"), cli.err());
  }

  private static void revision(Path dir, String id, String body) throws Exception {
    Files.writeString(dir.resolve(id + ".sql"), HEADER.formatted(id) + body);
  }

  private static void check(ProcessResult result) {
    assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
  }
}
