package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the whole command: real files on disk, the exact diagnostic on stderr, exit
 * code 1, nothing on stdout. (Each diagnostic's every variant is pinned in the grammar and compiler
 * modules; these prove the CLI passes them through unchanged.)
 */
class BadInputCliTest {
  @TempDir Path versions;

  @BeforeEach
  void twoHeads() throws Exception {
    write("0001_base.sql", "-- revision: 0001_base\n-- revises: base\n\n-- +upgrade\n"
        + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n");
    write("0002_left.sql", "-- revision: 0002_left\n-- revises: 0001_base\n\n-- +upgrade\n"
        + "CREATE TABLE b (id INTEGER);\nINSERT INTO b (id) VALUES (1);\n");
    write("0002_right.sql", "-- revision: 0002_right\n-- revises: 0001_base\n\n-- +upgrade\n"
        + "CREATE TABLE c (id INTEGER);\n\n-- +downgrade\nDROP TABLE c;\n");
  }

  @Test
  void headWithSeveralHeads() {
    assertFails(
        new String[] {"upgrade", "head"},
        """
        <range>:1:1: error[E0304]: 'head' is ambiguous: there are 2 heads: 0002_left, 0002_right
          1 | head
            | ^^^^
          = help: name one of them, or 'heads' for all heads
        """);
  }

  @Test
  void downgradeThroughARevisionWhoseDowngradeCannotBeDerived() {
    String file = versions.resolve("0002_left.sql").toString();
    assertFails(
        new String[] {"downgrade", "0002_left:base"},
        file + ":6:1: error[E0630]: cannot derive the downgrade of '0002_left': INSERT changes"
            + " data, which the model does not hold\n"
            + "  6 | INSERT INTO b (id) VALUES (1);\n"
            + "    | ^^^^^^\n"
            + "  = note: strata derives a downgrade from the schema model, which holds no data and"
            + " does not follow this statement\n"
            + "  = help: write its '-- +downgrade' section, or mark it '-- +irreversible' (a '--"
            + " +downgrade' section holding only that line)\n");
  }

  @Test
  void unknownParentInAFile() throws Exception {
    write("0003_typo.sql", "-- revision: 0003_typo\n-- revises: 0002_rigth\n\n-- +upgrade\n");
    String file = versions.resolve("0003_typo.sql").toString();
    String right = versions.resolve("0002_right.sql").toString();
    assertFails(
        new String[] {"upgrade", "heads"},
        file + ":2:13: error[E0202]: unknown parent revision '0002_rigth'\n"
            + "  2 | -- revises: 0002_rigth\n"
            + "    |             ^^^^^^^^^^\n"
            + "  = help: did you mean '0002_right' (" + right + ":1:14)?\n");
  }

  @Test
  void unterminatedStringInAFile() throws Exception {
    write("0003_bad.sql", "-- revision: 0003_bad\n-- revises: 0002_right\n\n-- +upgrade\n"
        + "INSERT INTO c (id) VALUES ('oops);\n");
    String file = versions.resolve("0003_bad.sql").toString();
    assertFails(
        new String[] {"upgrade", "heads"},
        file + ":5:28: error[E0102]: unterminated string literal\n"
            + "  5 | INSERT INTO c (id) VALUES ('oops);\n"
            + "    |                            ^\n"
            + "  = help: close it with ' (a quote inside the string is written '')\n");
  }

  private void assertFails(String[] args, String expectedStderr) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--versions";
    all[args.length + 1] = versions.toString();
    Cli cli = Cli.run(all);
    assertEquals(expectedStderr, cli.err());
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.out());
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(versions.resolve(name), text);
  }
}
