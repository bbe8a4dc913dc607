package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    assertEquals("check: 22 revisions, 0 errors, 0 warnings\n", cli.out());
    assertEquals(0, cli.exitCode());
  }

  @Test
  void warningsExitZeroUnlessStrict() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n\n-- +downgrade\n");
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
    write(dir, "0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n\n-- +downgrade\n");
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    write(dir, "0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\n\n-- +downgrade\n");
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
