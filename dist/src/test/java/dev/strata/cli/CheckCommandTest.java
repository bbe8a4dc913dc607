package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.VersionsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata check}: every problem at once, exact output, exit codes, JSON. */
class CheckCommandTest {
  @TempDir Path tmp;

  /** A directory with one problem of each kind; the lock is written, then 0001 is edited. */
  private Path broken() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("broken"));
    write(dir, "0001_base.sql", "-- revision: 0001_base\n-- revises: base\n\n-- +upgrade\n"
        + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n");
    write(dir, "0002_accounts.sql", "-- revision: 0002_accounts\n-- revises: 0001_base\n\n"
        + "-- +upgrade\nINSERT INTO a (id) VALUES ('oops);\n");
    write(dir, "0003_left.sql", "-- revision: 0003_left\n-- revises: 0001_base\n\n-- +upgrade\n"
        + "CREATE TABLE b (id INTEGER);\n\n-- +downgrade\nDROP TABLE b;\n");
    write(dir, "0004_right.sql", "-- revision: 0004_right\n-- revises: 0001_base\n\n"
        + "-- +upgrade\nCREATE TABLE c (id INTEGER);\n\n-- +downgrade\nDROP TABLE c;\n");
    write(dir, "0005_typo.sql", "-- revision: 0005_typo\n-- revises: 0003_lefft\n\n-- +upgrade\n"
        + "CREATE TABLE d (id INTEGER);\n\n-- +downgrade\nDROP TABLE d;\n");
    write(dir, "0006_bad.sql", "-- revision: 0006_bad\n-- revises: 0005_typo\n\n-- +upgrade\n"
        + "CREATE TABLE e (id INTEGER;\n");
    write(dir, "0007_dup.sql", "-- revision: 0004_right\n-- revises: 0005_typo\n\n-- +upgrade\n"
        + "CREATE TABLE f (id INTEGER);\n\n-- +downgrade\nDROP TABLE f;\n");
    write(dir, "0008_low.sql", "-- revision: 0003_audit\n-- revises: 0004_right\n\n-- +upgrade\n"
        + "CREATE TABLE g (id INTEGER);\n\n-- +downgrade\nDROP TABLE g;\n");
    write(dir, "notes.txt", "release notes\n");
    write(dir, ".gitkeep", ""); // hidden entries (strata init writes this one) are not reported
    Files.createDirectory(dir.resolve("old"));
    // strata lock refuses a broken directory, so the lock is written from the files directly
    write(dir, LockFile.NAME,
        LockFile.of(dir, VersionsLoader.read(dir).sources()).source().text());
    write(dir, "0001_base.sql", Files.readString(dir.resolve("0001_base.sql"))
        .replace("CREATE TABLE a (id INTEGER);", "CREATE TABLE a (id BIGINT);"));
    // line endings and trailing blanks do not count as edits
    write(dir, "0003_left.sql",
        Files.readString(dir.resolve("0003_left.sql")).replace("\n", "  \r\n"));
    return dir;
  }

  private static final String BROKEN = """
      broken/0002_accounts.sql:5:28: error[E0102]: unterminated string literal
        5 | INSERT INTO a (id) VALUES ('oops);
          |                            ^
        = help: close it with ' (a quote inside the string is written '')
      broken/0006_bad.sql:5:27: error[E0101]: unexpected ';', expected ')' or ','
        5 | CREATE TABLE e (id INTEGER;
          |                           ^
      broken/0007_dup.sql:1:14: error[E0201]: duplicate revision id '0004_right'
        1 | -- revision: 0004_right
          |              ^^^^^^^^^^
        = note: first defined at broken/0004_right.sql:1:14
      broken/0005_typo.sql:2:13: error[E0202]: unknown parent revision '0003_lefft'
        2 | -- revises: 0003_lefft
          |             ^^^^^^^^^^
        = help: did you mean '0003_left' (broken/0003_left.sql:1:14)?
      broken/0008_low.sql:1:14: warning[W0201]: the revision graph has 2 heads: 0003_left, \
      0003_audit
        1 | -- revision: 0003_audit
          |              ^^^^^^^^^^
        = note: head '0003_left' is defined at broken/0003_left.sql:1:14
        = help: merge them with 'strata merge -m MESSAGE heads', or keep them apart on purpose \
      and name them with 'heads' or 'LABEL@head'
      broken/0008_low.sql:2:13: warning[W0202]: revision '0003_audit' is numbered below its \
      parent '0004_right'
        2 | -- revises: 0004_right
          |             ^^^^^^^^^^
        = note: '0004_right' is defined at broken/0004_right.sql:1:14
        = help: give it a number above 0004, so that the numbers read in the order revisions \
      apply
      broken/0001_base.sql:1:1: error[E0209]: revision file '0001_base.sql' changed after it was \
      locked
        1 | -- revision: 0001_base
          | ^^^^^^^^^^^^^^^^^^^^^^
        = note: locked at broken/strata.sum:2:1
        = help: if the change is intended, run 'strata lock' to accept it
      strata: warning[W0203]: 'broken/notes.txt' is not a revision file and is ignored
        = help: strata reads only the *.sql files directly in the versions directory; move other \
      files elsewhere
      strata: warning[W0203]: 'broken/old/' is not a revision file and is ignored
        = help: strata reads only the *.sql files directly in the versions directory; move \
      folders elsewhere
      """;

  @Test
  void aBrokenDirectoryReportsEveryProblemInOneRun() throws Exception {
    Path dir = broken();
    Cli cli = Cli.run("check", "--versions", dir.toString());
    assertEquals(BROKEN, relative(cli.err()));
    assertEquals("check: 8 revisions, 5 errors, 4 warnings\n", cli.out());
    assertEquals(1, cli.exitCode());
  }

  @Test
  void theJsonReportListsTheSameDiagnosticsInTheSameOrder() throws Exception {
    Path dir = broken();
    Cli cli = Cli.run("check", "--versions", dir.toString(), "--format", "json");
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.err());
    String json = relative(cli.out());
    assertEquals("""
        {
          "revisions": 8,
          "errors": 5,
          "warnings": 4,
          "diagnostics": [
            {
              "severity": "error",
              "code": "E0102",
              "message": "unterminated string literal",
              "path": "broken/0002_accounts.sql",
              "line": 5,
              "column": 28,
              "notes": [
                "help: close it with ' (a quote inside the string is written '')"
              ]
            },
            {
              "severity": "error",
              "code": "E0101",
              "message": "unexpected ';', expected ')' or ','",
              "path": "broken/0006_bad.sql",
              "line": 5,
              "column": 27,
              "notes": []
            },""", json.substring(0, json.indexOf("\n    {\n      \"severity\": \"error\",\n"
        + "      \"code\": \"E0201\"")));
    assertEquals("""
            {
              "severity": "warning",
              "code": "W0203",
              "message": "'broken/old/' is not a revision file and is ignored",
              "path": null,
              "line": null,
              "column": null,
              "notes": [
                "help: strata reads only the *.sql files directly in the versions directory; \
        move folders elsewhere"
              ]
            }
          ]
        }
        """, json.substring(json.lastIndexOf("\n    {\n") + 1));
    assertEquals("E0102 E0101 E0201 E0202 W0201 W0202 E0209 W0203 W0203",
        String.join(" ", json.lines().filter(l -> l.startsWith("      \"code\": "))
            .map(l -> l.substring(15, 20)).toList()));
  }

  @Test
  void theLockedSampleChainIsClean() {
    Cli cli = Cli.run("check", "--versions", Cli.sampleVersions().toString(), "--strict");
    assertEquals("", cli.err());
    assertEquals("check: 28 revisions, 0 errors, 0 warnings\n", cli.out());
    assertEquals(0, cli.exitCode());
  }

  @Test
  void schemaErrorsFailTheCheckAndHandEditWarningsPrint() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
        + "-- +dialect postgresql\nCREATE TABLE t (id BIGINT);\n-- +end\n"
        + "CREATE INDEX ix_t_id ON t (id);\n-- +downgrade\nDROP TABLE t;\n");
    write(dir, "0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\n"
        + "CREATE TABLE u (id BIGINT);\nDROP TABLE u;\nALTER TABLE u ADD COLUMN n INTEGER;\n"
        + "-- +downgrade\n-- +no-op\n");
    Cli.run("lock", "--versions", dir.toString());
    Cli cli = Cli.run("check", "--versions", dir.toString());
    assertEquals("""
        versions/0001_a.sql:8:25: warning[W0621]: table t does not exist in the schema model (E0601)
          8 | CREATE INDEX ix_t_id ON t (id);
            |                         ^
          = note: it may have been made by hand in the '-- +dialect postgresql' block at versions/0001_a.sql:5:1
          = help: say what the block does to the schema in a '-- +model' block after it (docs/schema-model.md)
        versions/0002_b.sql:7:13: error[E0601]: table u does not exist
          7 | ALTER TABLE u ADD COLUMN n INTEGER;
            |             ^
          = note: dropped at versions/0002_b.sql:6:12
        """, relative(cli.err()));
    assertEquals("check: 2 revisions, 1 error, 1 warning\n", cli.out());
    assertEquals(1, cli.exitCode());
  }

  @Test
  void warningsExitZeroUnlessStrict() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
        + "-- +downgrade\n");
    String warning = "strata: warning[W0204]: no lock file '" + dir.resolve("strata.sum")
        + "': edits to revisions that may have been applied go unnoticed\n"
        + "  = help: run 'strata lock' to write it\n";
    Cli lenient = Cli.run("check", "--versions", dir.toString());
    assertEquals(warning, lenient.err());
    assertEquals("check: 1 revision, 0 errors, 1 warning\n", lenient.out());
    assertEquals(0, lenient.exitCode());
    Cli strict = Cli.run("check", "--versions", dir.toString(), "--strict");
    assertEquals(warning, strict.err());
    assertEquals(1, strict.exitCode());
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    Cli locked = Cli.run("check", "--versions", dir.toString(), "--strict");
    assertEquals("check: 1 revision, 0 errors, 0 warnings\n", locked.out());
    assertEquals(0, locked.exitCode());
  }

  @Test
  void aRevisionNotLockedYetIsAWarning() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
        + "-- +downgrade\n");
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    write(dir, "0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\n"
        + "-- +downgrade\n");
    Cli cli = Cli.run("check", "--versions", dir.toString());
    assertEquals(dir.resolve("0002_b.sql") + ":1:1: warning[W0205]: revision file '0002_b.sql'"
        + " is not locked yet\n"
        + "  1 | -- revision: 0002_b\n"
        + "    | ^^^^^^^^^^^^^^^^^^^\n"
        + "  = help: run 'strata lock' once it is final, so that later edits are caught\n",
        cli.err());
    assertEquals("check: 2 revisions, 0 errors, 1 warning\n", cli.out());
    assertEquals(0, cli.exitCode());
    assertEquals(1, Cli.run("check", "--versions", dir.toString(), "--strict").exitCode());
  }

  /**
   * Issue 7: check passed statements that upgrade then refused (E0403, E0404). It now compiles
   * every revision both ways and reports what compiling reports, at the statement.
   */
  @Test
  void checkReportsWhatCompilingWouldUpAndDown() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
        + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n");
    write(dir, "0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\n"
        + "ALTER TABLE a ADD COLUMN IF NOT EXISTS email TEXT UNIQUE;\n\n-- +downgrade\n"
        + "ALTER TABLE a ADD COLUMN IF NOT EXISTS n INTEGER GENERATED ALWAYS AS IDENTITY;\n");
    write(dir, "0003_c.sql", "-- revision: 0003_c\n-- revises: 0002_b\n\n-- +upgrade\n"
        + "CREATE TABLE c (id INTEGER);\nINSERT INTO c (id) VALUES (1);\n");
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    String e0403 = "versions/0002_b.sql:5:1: error[E0403]: ADD COLUMN IF NOT EXISTS with a"
        + " constraint on the column cannot be rendered\n"
        + "  5 | ALTER TABLE a ADD COLUMN IF NOT EXISTS email TEXT UNIQUE;\n"
        + "    | ^^^^^\n"
        + "  = help: add the column, then the constraint with ALTER TABLE ... ADD CONSTRAINT\n";
    String e0404 = "versions/0002_b.sql:8:1: error[E0404]: ADD COLUMN IF NOT EXISTS with a"
        + " GENERATED ALWAYS AS IDENTITY column cannot be rendered\n"
        + "  8 | ALTER TABLE a ADD COLUMN IF NOT EXISTS n INTEGER GENERATED ALWAYS AS"
        + " IDENTITY;\n"
        + "    | ^^^^^\n"
        + "  = note: strata sets ALWAYS in a second statement, which IF NOT EXISTS would not"
        + " skip\n"
        + "  = help: drop IF NOT EXISTS, or use GENERATED BY DEFAULT AS IDENTITY\n";
    String e0630 = "versions/0003_c.sql:6:1: error[E0630]: cannot derive the downgrade of"
        + " '0003_c': INSERT changes data, which the model does not hold\n"
        + "  6 | INSERT INTO c (id) VALUES (1);\n"
        + "    | ^^^^^^\n"
        + "  = note: strata derives a downgrade from the schema model, which holds no data and"
        + " does not follow this statement\n"
        + "  = help: write its '-- +downgrade' section, or mark it '-- +irreversible' (a '--"
        + " +downgrade' section holding only that line)\n";
    Cli cli = Cli.run("check", "--versions", dir.toString());
    // the downgrade cannot be planned (0003_c has no section, and its INSERT has no derived
    // inverse: E0630), so its sections render one by one
    assertEquals(new Cli(1, "check: 3 revisions, 3 errors, 0 warnings\n", e0403 + e0630 + e0404),
        new Cli(cli.exitCode(), cli.out(), relative(cli.err())));
    // what upgrade reports, check reported
    assertEquals(e0403, relative(Cli.run("upgrade", "head", "--versions", dir.toString()).err()));
    // with a graph error too, every section still renders
    write(dir, "0004_d.sql", "-- revision: 0004_d\n-- revises: 0003_x\n\n-- +upgrade\n");
    Cli broken = Cli.run("check", "--versions", dir.toString());
    assertTrue(relative(broken.err()).contains(e0403 + e0404), broken.err());
    assertEquals(1, broken.exitCode());
  }

  /** Issue 7: '0008_nick.sql' holding '0003_add_nickname' checked clean. */
  @Test
  void aFileNotNamedAfterItsRevisionIsAWarning() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    String empty = "\n-- +upgrade\n-- +downgrade\n";
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n" + empty);
    write(dir, "0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n" + empty);
    write(dir, "0008_nick.sql", "-- revision: 0003_add_nickname\n-- revises: 0002_b\n" + empty);
    Cli cli = Cli.run("check", "--versions", dir.toString());
    assertEquals("versions/0008_nick.sql:1:14: warning[W0206]: file name '0008_nick.sql' does not"
        + " start with its revision id '0003_add_nickname'\n"
        + "  1 | -- revision: 0003_add_nickname\n"
        + "    |              ^^^^^^^^^^^^^^^^^\n"
        + "  = help: rename the file to '0003_add_nickname.sql'\n", relative(cli.err())
        .substring(0, relative(cli.err()).indexOf("strata: warning[W0204]")));
    assertEquals("check: 3 revisions, 0 errors, 2 warnings\n", cli.out());
    // once 0001 and 0002 are locked, renaming is still the advice: it sorts after them
    Files.move(dir.resolve("0008_nick.sql"), tmp.resolve("0008_nick.sql"));
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    Files.move(tmp.resolve("0008_nick.sql"), dir.resolve("0008_nick.sql"));
    assertTrue(Cli.run("check", "--versions", dir.toString()).err()
        .contains("  = help: rename the file to '0003_add_nickname.sql'\n"));
    // the advice works
    Files.move(dir.resolve("0008_nick.sql"), dir.resolve("0003_add_nickname.sql"));
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    assertEquals(new Cli(0, "check: 3 revisions, 0 errors, 0 warnings\n", ""),
        Cli.run("check", "--versions", dir.toString(), "--strict"));
    // a misnamed file that is locked is history: not reported
    write(dir, "0009_later.sql", "-- revision: 0004_later\n-- revises: 0003_add_nickname\n"
        + empty);
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    assertEquals(new Cli(0, "check: 4 revisions, 0 errors, 0 warnings\n", ""),
        Cli.run("check", "--versions", dir.toString(), "--strict"));
  }

  @Test
  void aRenameThatWouldSortBeforeLockedFilesAdvisesTheIdInstead() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    String empty = "\n-- +upgrade\n-- +downgrade\n";
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n" + empty);
    write(dir, "0004_d.sql", "-- revision: 0004_d\n-- revises: 0001_a\n" + empty);
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    write(dir, "0008_nick.sql", "-- revision: 0003_add_nickname\n-- revises: 0004_d\n" + empty);
    Cli cli = Cli.run("check", "--versions", dir.toString());
    assertTrue(cli.err().contains("  = help: '0003_add_nickname.sql' would sort before locked"
        + " revision files; give the revision an id that starts like its file name"
        + " ('0008_nick') instead, while no database has applied it\n"), cli.err());
  }

  @Test
  void anUnknownDialectIsAUsageError() {
    Cli cli = Cli.run("check", "--dialect", "oracle");
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().startsWith("strata: error: Invalid value for option '--dialect':"
        + " unknown dialect 'oracle'"), cli.err());
  }

  @Test
  void aMissingDirectoryIsOneError() {
    Path dir = tmp.resolve("nowhere");
    Cli cli = Cli.run("check", "--versions", dir.toString());
    assertEquals("strata: error[E0207]: versions directory '" + dir
        + "' does not exist or is not a directory\n"
        + "  = help: run strata in the directory that holds 'versions/', or name it with"
        + " --versions\n", cli.err());
    assertEquals("check: 0 revisions, 1 error, 0 warnings\n", cli.out());
    assertEquals(1, cli.exitCode());
  }

  @Test
  void anIrreversibleRevisionChecksCleanButDoesNotDowngrade() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
        + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n");
    write(dir, "0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\n"
        + "DELETE FROM a WHERE id > 0;\n\n-- +downgrade\n-- +irreversible\n");
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    Cli check = Cli.run("check", "--strict", "--versions", dir.toString());
    assertEquals(new Cli(0, "check: 2 revisions, 0 errors, 0 warnings\n", ""), check);
    Cli down = Cli.run("downgrade", "head:base", "--versions", dir.toString());
    assertEquals(1, down.exitCode());
    assertTrue(down.err().contains("error[E0216]"), down.err());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Cli cli = Cli.run("check", "--format", "xml");
    assertEquals(2, cli.exitCode());
    assertEquals("strata: error: Invalid value for option '--format': unknown format 'xml'"
        + " (known: text, json)\n"
        + "Try 'strata check --help' for more information.\n", cli.err());
  }

  private String relative(String text) {
    return text.replace(tmp + "/", "");
  }

  private static void write(Path dir, String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
  }
}
