package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script's strings stay strings whatever psql's client encoding (issue 7, section 1 follow-up).
 * strata writes UTF-8, but psql lexes a script in its client encoding, which {@code
 * PGCLIENTENCODING} or a psqlrc may set. Under SJIS (likewise BIG5, GBK, UHC, GB18030) a byte
 * 0x81-0x9F is a lead byte that takes the next byte with it. U+00C1 is {@code C3 81} in UTF-8:
 * {@code C3} is one SJIS character (a half-width katakana), {@code 81} swallows the quote after
 * it. So the literal {@code 'Á'' \r<LF>DROP TABLE t; --'} that strata parsed as one string is,
 * to psql under SJIS, the string {@code 'Á''} closed early, the meta-command {@code \r} (which
 * empties the query buffer, dropping the {@code INSERT}), and {@code DROP TABLE t;} run as SQL;
 * the rest of the line is a comment. Run before the fix (psql 15.20, {@code PGCLIENTENCODING=SJIS
 * psql -X -v ON_ERROR_STOP=1 -f upgrade.sql}), the script printed "Query buffer reset
 * (cleared).", then "DROP TABLE", and exited 0 with the table gone. The script now pins the
 * encoding with {@code \encoding UTF8} as its second line (pure ASCII, so read the same in every
 * client encoding). The test shows both: the rendered script without that line drops the table,
 * the script as rendered keeps it and stores the literal exactly.
 */
class ClientEncodingTest {
  /** A character whose UTF-8 encoding ends in a byte that SJIS reads as a lead byte. */
  private static final String LEAD = "\u00C1";
  /** The payload's value: what the row must hold. */
  private static final String VALUE = LEAD + "' \\r\nDROP TABLE t; --";

  @TempDir Path tmp;

  @Test
  void aUtf8ByteThatSjisReadsAsALeadByteCannotHideAQuote() throws Exception {
    byte[] utf8 = LEAD.getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(0xC3, 0x81), List.of(utf8[0] & 0xFF, utf8[1] & 0xFF));
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(dir.resolve("0001_payload.sql"), "-- revision: 0001_payload\n"
        + "-- revises: base\n\n-- +upgrade\nCREATE TABLE t (s TEXT);\n"
        + "INSERT INTO t (s) VALUES ('" + VALUE.replace("'", "''") + "');\n\n"
        + "-- +downgrade\nDROP TABLE t;\n");
    Cli check = Cli.run("check", "--versions", dir.toString());
    assertEquals(0, check.exitCode(), check.err());
    Cli upgrade = Cli.run("upgrade", "base:head", "--versions", dir.toString());
    assertEquals(0, upgrade.exitCode(), upgrade.err());
    assertTrue(upgrade.out().startsWith("\\set ON_ERROR_STOP on\n\\encoding UTF8\n"),
        upgrade.out());

    PostgresServer server = PostgresServer.require();
    String unpinned = server.createDatabase("strata_sjis");
    try {
      ProcessResult run = sjisPsql(server, unpinned,
          upgrade.out().replace("\\encoding UTF8\n", ""), "unpinned.sql");
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertTrue(run.stdout().contains("Query buffer reset"), run.stdout());
      assertEquals(List.of(), server.query(unpinned,
          "SELECT tablename FROM pg_tables WHERE tablename = 't'"), "without the pin, psql ran"
          + " the DROP TABLE from inside the literal");
    } finally {
      server.dropDatabase(unpinned);
    }
    String pinned = server.createDatabase("strata_sjis");
    try {
      ProcessResult run = sjisPsql(server, pinned, upgrade.out(), "upgrade.sql");
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
      assertEquals(List.of(VALUE), server.query(pinned, "SELECT s FROM t"));
    } finally {
      server.dropDatabase(pinned);
    }
  }

  /** Runs {@code script} as a DBA would, with {@code PGCLIENTENCODING=SJIS} in the environment. */
  private ProcessResult sjisPsql(PostgresServer server, String db, String script, String name)
      throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>(server.clientEnvironment(db));
    env.put("PGCLIENTENCODING", "SJIS");
    return PostgresServer.run(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1", "-f",
        file.toString(), env.get("DATABASE_URL")), env);
  }
}
