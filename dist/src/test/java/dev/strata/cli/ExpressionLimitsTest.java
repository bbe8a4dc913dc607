package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of issue 7 about expressions and file bytes, through the whole command: deeply
 * nested brackets are one E0125 diagnostic (exit 1, no stack trace) and the limit itself compiles
 * and runs under the real psql; a file that is not UTF-8 is reported at its first bad byte; an
 * Alembic {@code revises: None} gets the hint to write {@code base}.
 */
class ExpressionLimitsTest {
  private static final int LIMIT = 256;

  @TempDir Path versions;

  @Test
  void thousandsOfNestedParenthesesAreOneDiagnosticNotAStackOverflow() throws Exception {
    for (int depth : new int[] {LIMIT + 1, 5_700, 100_000}) {
      write("0001_deep.sql", revision("0001_deep", "base",
          "CREATE TABLE t (n INTEGER);\nUPDATE t SET n = " + nest(depth, "(", ")") + ";\n"));
      Cli cli = Cli.run("check", "--versions", versions.toString());
      String file = versions.resolve("0001_deep.sql").toString();
      assertEquals(1, cli.exitCode(), cli.err());
      assertTrue(cli.err().startsWith(file + ":7:" + ("UPDATE t SET n = ".length() + LIMIT + 1)
          + ": error[E0125]: brackets nested more than 256 deep\n"), cli.err());
      assertTrue(cli.err().lines().allMatch(line -> line.length() < 200), cli.err());
      assertEquals(List.of(), cli.err().lines().filter(line -> line.contains("\tat ")).toList());
    }
  }

  @Test
  void atTheLimitTheExpressionRendersAndRunsUnderPsql() throws Exception {
    String deepest = nest(LIMIT, "(", ")");
    // (ARRAY[1])[(ARRAY[1])[...[1]...]]: nested subscripts, as deep as the limit at the last ARRAY[
    String brackets = "(ARRAY[1])[".repeat(LIMIT - 1) + "1" + "]".repeat(LIMIT - 1);
    write("0001_deep.sql", revision("0001_deep", "base",
        "CREATE TABLE t (n INTEGER);\nINSERT INTO t (n) VALUES (0);\n"
            + "UPDATE t SET n = " + deepest + " + " + brackets + ";\n"));
    Cli cli = Cli.run("upgrade", "base:head", "--versions", versions.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("UPDATE t SET n = " + deepest + " + " + brackets + ";"));

    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_deep");
    try {
      Path script = Files.writeString(versions.resolveSibling("deep.sql"), cli.out());
      PostgresServer.ProcessResult result = server.psql(db, script);
      assertEquals(0, result.exitCode(), result.stderr());
      assertEquals(List.of("2"), server.query(db, "SELECT n FROM t"));
    } finally {
      server.dropDatabase(db);
    }
  }

  @Test
  void aFileThatIsNotUtf8IsReportedAtItsFirstBadByte() throws Exception {
    byte[] text = revision("0001_cafe", "base", "CREATE TABLE t (n INTEGER);\n")
        .replace("message: m", "message: caf?")
        .getBytes(StandardCharsets.UTF_8);
    int bad = new String(text, StandardCharsets.UTF_8).indexOf('?');
    text[bad] = (byte) 0xe9;
    Path path = versions.resolve("0001_cafe.sql");
    Files.write(path, text);
    Cli cli = Cli.run("check", "--versions", versions.toString());
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith(path + ":3:16: error[E0207]: not valid UTF-8: byte 0xE9"
        + " (at byte offset " + bad + ")\n"
        + "  3 | -- message: caf\n"
        + "    |                ^\n"), cli.err());
  }

  @Test
  void revisesNoneGetsTheHintToWriteBase() throws Exception {
    write("0001_first.sql", revision("0001_first", "None", "CREATE TABLE t (n INTEGER);\n"));
    Cli cli = Cli.run("check", "--versions", versions.toString());
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith(versions.resolve("0001_first.sql")
        + ":2:13: error[E0110]: 'None' is not a revision id\n"
        + "  2 | -- revises: None\n"
        + "    |             ^^^^\n"
        + "  = help: write '-- revises: base' for a first revision (Alembic's down_revision ="
        + " None)\n"), cli.err());
  }

  private static String nest(int depth, String open, String close) {
    return open.repeat(depth) + "1" + close.repeat(depth);
  }

  private static String revision(String id, String parent, String upgrade) {
    return "-- revision: " + id + "\n-- revises: " + parent + "\n-- message: m\n\n-- +upgrade\n"
        + upgrade + "\n-- +downgrade\nDROP TABLE t;\n";
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(versions.resolve(name), text);
  }
}
