package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.RevisionFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionsLoaderTest {
  @TempDir Path tmp;

  @Test
  void placeholdersAreErrorsOfEveryLoadAndStandForTheMissingDowngrade() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(dir.resolve("a.sql"), """
        -- revision: a
        -- revises: base

        -- +upgrade
        CREATE TABLE t (id INT);

        -- +downgrade
        -- +todo alembic/versions/a.py:30:5: a 'for' loop is Python logic
        --   for t in tables:
        """);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir));
    assertEquals(List.of("E0155"), e.diagnostics().stream().map(d -> d.code()).toList());
    assertEquals(1, VersionsLoader.read(dir).files().size(), "the file parses");
  }

  /** A broken link named like a revision file is an error, never a revision left out. */
  @Test
  void aDanglingLinkIsAFileThatCannotBeRead() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(dir.resolve("0001_a.sql"),
        "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n");
    Path link = Files.createSymbolicLink(dir.resolve("0002_b.sql"), tmp.resolve("gone.sql"));
    String expected = "strata: error[E0207]: cannot read '" + link + "': it is a symbolic link to '"
        + tmp.resolve("gone.sql") + "', which does not exist\n";
    assertEquals(expected,
        assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir)).format());
    assertEquals(expected,
        assertThrows(DiagnosticException.class, () -> VersionsLoader.loadHeaders(dir)).format());
  }

  /**
   * A revision file's name with a line break ran as SQL where {@code strata schema} names the file
   * in a comment (a hand-edit warning): refused before anything is read.
   */
  @Test
  void aFileNameWithALineBreakIsRefused() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(dir.resolve("0001_a\nDROP TABLE x; --.sql"),
        "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n");
    String expected = "strata: error[E0217]: revision file name '0001_a\\u000aDROP TABLE x; --.sql'"
        + " holds a line break: strata prints paths in its scripts' comments, where it would break"
        + " the line\n  = help: rename it without the control character\n";
    assertEquals(expected,
        assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir)).format());
    assertEquals(expected,
        assertThrows(DiagnosticException.class, () -> VersionsLoader.loadHeaders(dir)).format());
  }

  @Test
  void missingDirectory() {
    Path dir = tmp.resolve("versions");
    String text = assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir)).format();
    assertEquals(
        "strata: error[E0207]: versions directory '"
            + dir
            + "' does not exist or is not a directory\n"
            + "  = help: run strata in the directory that holds 'versions/', or name it with"
            + " --versions\n",
        text);
  }

  @Test
  void directoryWithoutRevisionFiles() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(dir.resolve("README.md"), "notes");
    Files.createDirectory(dir.resolve("old.sql"));
    String text = assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir)).format();
    assertEquals(
        "strata: error[E0208]: no revision files (*.sql) in '"
            + dir
            + "'\n"
            + "  = help: a revision file starts with '-- revision: <id>' and '-- revises: base'\n",
        text);
  }

  @Test
  void revisionFilesAreSortedByName() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    for (String name : List.of("0010_b.sql", "0002_a.sql", "0002_A.sql", "notes.txt", "0100.sql")) {
      Files.writeString(dir.resolve(name), "");
    }
    Files.createDirectory(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested").resolve("0001.sql"), "");
    assertEquals(
        List.of("0002_A.sql", "0002_a.sql", "0010_b.sql", "0100.sql").stream()
            .map(dir::resolve)
            .toList(),
        VersionsLoader.revisionPaths(dir));
  }

  @Test
  void fileThatIsNotUtf8IsReportedAtItsFirstBadByte() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Path file = dir.resolve("0001_a.sql");
    Files.write(file, new byte[] {'-', '-', ' ', 'a', '\n', '-', '-', ' ', (byte) 0xff, 'b'});
    String text = assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir)).format();
    assertEquals(
        file + ":2:4: error[E0207]: not valid UTF-8: byte 0xFF (at byte offset 8)\n"
            + "  2 | -- \n"
            + "    |    ^\n"
            + "  = help: save the file as UTF-8; if it was written as Windows-1252 or Latin-1:"
            + " iconv -f WINDOWS-1252 -t UTF-8 '" + file + "' > '" + file + ".utf8' && mv '"
            + file + ".utf8' '" + file + "'\n",
        text);
  }

  @Test
  void loadsAndParsesInNameOrder() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(
        dir.resolve("0002_b.sql"),
        "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\n\n-- +downgrade\n");
    Files.writeString(
        dir.resolve("0001_a.sql"),
        "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n\n-- +downgrade\n");
    List<RevisionFile> files = VersionsLoader.load(dir);
    assertEquals(List.of("0001_a", "0002_b"), files.stream().map(RevisionFile::id).toList());
    assertEquals(dir.resolve("0001_a.sql").toString(), files.get(0).source().path());
    assertEquals(List.of("0002_b"), RevisionGraph.build(files).heads());
  }

  @Test
  void parseErrorsOfEveryFileComeInFileNameOrder() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    StringBuilder expected = new StringBuilder();
    for (int i = 200; i >= 1; i--) {
      String id = String.format("%04d_r", i);
      boolean broken = i % 7 == 0;
      Files.writeString(dir.resolve(id + ".sql"),
          "-- revision: " + id + "\n-- revises: base\n\n-- +upgrade\n"
              + (broken ? "CREATE TABLE t (a INTEGER;\n" : "CREATE TABLE t (a INTEGER);\n"));
    }
    for (int i = 7; i <= 200; i += 7) {
      expected.append(String.format("%04d_r", i)).append('\n');
    }
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir));
    StringBuilder actual = new StringBuilder();
    e.diagnostics().forEach(d -> actual.append(
        Path.of(d.location().orElseThrow().source().path()).getFileName().toString()
            .replace(".sql", "")).append('\n'));
    assertEquals(expected.toString(), actual.toString());
  }

  @Test
  void readKeepsTheGoodFilesTheTextsTheProblemsAndTheOtherEntries() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(dir.resolve("0001_a.sql"),
        "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n");
    Files.writeString(dir.resolve("0002_b.sql"),
        "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\nCREATE TABLE t (a INTEGER;\n");
    Files.write(dir.resolve("0003_c.sql"), new byte[] {(byte) 0xff});
    Files.writeString(dir.resolve("0004_d.sql"),
        "-- revision: 0004_d\n-- revises: 0002_b\n\n-- +upgrade\n");
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.writeString(dir.resolve("strata.sum"), "");
    Files.createDirectory(dir.resolve("old"));
    Files.createDirectory(dir.resolve("folder.sql"));
    VersionsLoader.Contents contents = VersionsLoader.read(dir);
    assertEquals(List.of("0001_a.sql", "0002_b.sql", "0004_d.sql"),
        contents.sources().stream().map(s -> Path.of(s.path()).getFileName().toString()).toList());
    assertEquals(List.of("0001_a", "0004_d"),
        contents.files().stream().map(RevisionFile::id).toList());
    assertEquals(List.of("E0101", "E0207"),
        contents.diagnostics().stream().map(d -> d.code()).toList());
    assertEquals(List.of("folder.sql/", "notes.txt", "old/", "strata.sum"), contents.others());
    assertEquals(contents.diagnostics(),
        assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir)).diagnostics());
  }

  @Test
  void headersLoadAsTheFullLoadReadsThemWithoutTheSections() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(dir.resolve("0001_a.sql"),
        "-- revision: 0001_a\n-- revises: base\n-- message: first\n\n-- +upgrade\n"
            + "CREATE TABLE t (a INTEGER);\n\n-- +downgrade\nDROP TABLE t;\n");
    Files.writeString(dir.resolve("0002_b.sql"),
        "-- revision: 0002_b\n-- revises: 0001_a\n-- branch: b\n\n-- +upgrade\n");
    List<RevisionFile> full = VersionsLoader.load(dir);
    List<RevisionFile> headers = VersionsLoader.loadHeaders(dir);
    assertEquals(full.stream().map(RevisionFile::header).toList(),
        headers.stream().map(RevisionFile::header).toList());
    assertEquals(full.stream().map(RevisionFile::source).toList(),
        headers.stream().map(RevisionFile::source).toList());
    assertEquals(List.of(), headers.getFirst().upgrade().statements());
    assertEquals(List.of("0002_b"), RevisionGraph.build(headers).heads());
  }

  @Test
  void headerErrorsAreTheFullLoadsAndBodyErrorsAreNotRead() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    Files.writeString(dir.resolve("0001_a.sql"),
        "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\nCREATE TABLE t (a INTEGER;\n");
    Files.writeString(dir.resolve("0002_b.sql"),
        "-- revision: 0002_b\n-- revises 0001_a\n\n-- +upgrade\n");
    Files.writeString(dir.resolve("0003_c.sql"), "-- revision: 0003_c\n\n-- +upgrade\n");
    DiagnosticException full =
        assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir));
    DiagnosticException headers =
        assertThrows(DiagnosticException.class, () -> VersionsLoader.loadHeaders(dir));
    assertEquals(full.diagnostics().subList(1, 3), headers.diagnostics());
  }
}
