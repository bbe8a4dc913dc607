package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
  @TempDir Path dir;

  private final List<SourceFile> files = new ArrayList<>();

  @BeforeEach
  void threeRevisions() {
    files.add(file("0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"));
    files.add(file("0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\n"));
    files.add(file("0003_c.sql", "-- revision: 0003_c\n-- revises: 0002_b\n\n-- +upgrade\n"));
  }

  @Test
  void textFollowsTheDocumentedFormula() throws Exception {
    // docs/lock-file.md: h_0 = 32 zero bytes; h_i = SHA-256(h_{i-1} || name || 0x00 ||
    // SHA-256(normalised text)); line i = "name h1:" + base64(h_i); line 1 = "h1:" + base64 of
    // SHA-256 of every following line with its LF.
    byte[] previous = new byte[32];
    StringBuilder lines = new StringBuilder();
    for (SourceFile f : files) {
      MessageDigest link = MessageDigest.getInstance("SHA-256");
      link.update(previous);
      link.update(name(f).getBytes(StandardCharsets.UTF_8));
      link.update((byte) 0);
      link.update(sha256(f.text()));
      previous = link.digest();
      lines.append(name(f)).append(" h1:").append(b64(previous)).append('\n');
    }
    String expected = "h1:" + b64(sha256(lines.toString())) + "\n" + lines;
    LockFile lock = LockFile.of(dir, files);
    assertEquals(expected, lock.source().text());
    assertEquals(dir.resolve("strata.sum").toString(), lock.source().path());
    assertEquals(List.of("0001_a.sql", "0002_b.sql", "0003_c.sql"), lock.names());
  }

  @Test
  void normalisationDropsLineEndingsAndTrailingBlanksOnly() {
    assertEquals("a\nb\nc\n\nd", LockHash.normalize("a \t\r\nb\rc\r\n  \r\nd\t "));
    assertEquals("x  y\n", LockHash.normalize("x  y\n"));
  }

  @Test
  void unchangedFilesVerify() throws Exception {
    assertEquals(List.of(), written().verify(files));
  }

  @Test
  void lineEndingsAndTrailingSpacesDoNotCount() throws Exception {
    LockFile lock = written();
    replace(1, files.get(1).text().replace("\n", "\r\n"));
    replace(2, files.get(2).text().replace("0002_b\n", "0002_b   \t\n"));
    assertEquals(List.of(), lock.verify(files));
    assertEquals(List.of(), lock.changes(files));
  }

  @Test
  void editedFile() throws Exception {
    LockFile lock = written();
    replace(1, files.get(1).text() + "CREATE TABLE t (id INTEGER);\n");
    assertDiagnostics(lock.verify(files),
        path("0002_b.sql") + ":1:1: error[E0209]: revision file '0002_b.sql' changed after it"
            + " was locked\n"
            + "  1 | -- revision: 0002_b\n"
            + "    | ^^^^^^^^^^^^^^^^^^^\n"
            + "  = note: locked at " + sum() + ":3:1\n"
            + "  = help: if the change is intended, run 'strata lock' to accept it\n");
    assertEquals(List.of(new LockFile.Change(LockFile.Change.Kind.CHANGED, "0002_b.sql")),
        lock.changes(files));
  }

  @Test
  void missingFile() throws Exception {
    LockFile lock = written();
    files.remove(1);
    assertDiagnostics(lock.verify(files),
        sum() + ":3:1: error[E0210]: locked revision file '0002_b.sql' is missing\n"
            + "  3 | 0002_b.sql h1:" + hashOnLine(lock, 3) + "\n"
            + "    | ^^^^^^^^^^\n"
            + "  = help: restore it; if it was removed on purpose, run 'strata lock' to accept"
            + " it\n");
  }

  @Test
  void renamedFileChangesTheOrder() throws Exception {
    LockFile lock = written();
    SourceFile moved = files.remove(0);
    files.add(file("0004_a.sql", moved.text()));
    assertDiagnostics(lock.verify(files),
        path("0004_a.sql") + ":1:1: error[E0211]: revision file '0004_a.sql' is the locked file"
            + " '0001_a.sql' renamed\n"
            + "  1 | -- revision: 0001_a\n"
            + "    | ^^^^^^^^^^^^^^^^^^^\n"
            + "  = note: locked at " + sum() + ":2:1\n"
            + "  = help: file names set the order of revisions: rename it back; if the new name"
            + " is intended, run 'strata lock' to accept it\n");
    assertEquals(List.of(
        new LockFile.Change(LockFile.Change.Kind.REMOVED, "0001_a.sql"),
        new LockFile.Change(LockFile.Change.Kind.ADDED, "0004_a.sql")), lock.changes(files));
  }

  @Test
  void insertedFile() throws Exception {
    LockFile lock = written();
    files.add(1, file("0001_z.sql", "-- revision: 0001_z\n-- revises: 0001_a\n"));
    assertDiagnostics(lock.verify(files),
        path("0001_z.sql") + ":1:1: error[E0212]: revision file '0001_z.sql' is not locked and"
            + " sorts before the locked file '0002_b.sql'\n"
            + "  1 | -- revision: 0001_z\n"
            + "    | ^^^^^^^^^^^^^^^^^^^\n"
            + "  = help: name a new revision so that it sorts after '0003_c.sql', the last locked"
            + " file; if the insertion is intended, run 'strata lock' to accept it\n");
  }

  @Test
  void newFileAfterTheLastLockedOneIsAWarning() throws Exception {
    LockFile lock = written();
    files.add(file("0004_d.sql", "-- revision: 0004_d\n-- revises: 0003_c\n"));
    assertDiagnostics(lock.verify(files),
        path("0004_d.sql") + ":1:1: warning[W0205]: revision file '0004_d.sql' is not locked"
            + " yet\n"
            + "  1 | -- revision: 0004_d\n"
            + "    | ^^^^^^^^^^^^^^^^^^^\n"
            + "  = help: run 'strata lock' once it is final, so that later edits are caught\n");
  }

  @Test
  void noLockFile() throws Exception {
    assertEquals(Optional.empty(), LockFile.read(dir));
  }

  @Test
  void corruptedLines() throws Exception {
    String text = LockFile.of(dir, files).source().text();
    String[] lines = text.split("\n");
    Files.writeString(dir.resolve("strata.sum"),
        "h1:nope\n" + lines[2] + "\n" + lines[1] + "\n0003_c.sql h1:short\n");
    String help = "  = help: do not edit it by hand; run 'strata lock' to write it again\n";
    assertEquals(
        sum() + ":1:1: error[E0213]: corrupted lock file: expected the total 'h1:<hash>' on line"
            + " 1\n"
            + "  1 | h1:nope\n"
            + "    | ^^^^^^^\n"
            + help
            + sum() + ":3:1: error[E0213]: corrupted lock file: '0001_a.sql' is not after"
            + " '0002_b.sql': the lines are in file-name order, each file once\n"
            + "  3 | " + lines[1] + "\n"
            + "    | " + "^".repeat(lines[1].length()) + "\n"
            + help
            + sum() + ":4:1: error[E0213]: corrupted lock file: expected '<file>.sql h1:<hash>'"
            + " on line 4\n"
            + "  4 | 0003_c.sql h1:short\n"
            + "    | ^^^^^^^^^^^^^^^^^^^\n"
            + help,
        assertThrows(DiagnosticException.class, () -> LockFile.read(dir)).format());
  }

  @Test
  void totalThatDoesNotMatchItsLines() throws Exception {
    String text = LockFile.of(dir, files).source().text();
    String[] lines = text.split("\n");
    // a hand edit: the last line swapped for the hash of another line
    Files.writeString(dir.resolve("strata.sum"), text.replace(lines[3],
        "0003_c.sql " + lines[2].substring(lines[2].indexOf(' ') + 1)));
    assertEquals(
        sum() + ":1:1: error[E0213]: corrupted lock file: the total on line 1 does not match the"
            + " lines below it\n"
            + "  1 | " + lines[0] + "\n"
            + "    | " + "^".repeat(lines[0].length()) + "\n"
            + "  = help: do not edit it by hand; run 'strata lock' to write it again\n",
        assertThrows(DiagnosticException.class, () -> LockFile.read(dir)).format());
  }

  @Test
  void emptyLockFile() throws Exception {
    Files.writeString(dir.resolve("strata.sum"), "");
    assertEquals(
        sum() + ":1:1: error[E0213]: corrupted lock file: it is empty\n"
            + "  1 | \n"
            + "    | ^\n"
            + "  = help: do not edit it by hand; run 'strata lock' to write it again\n",
        assertThrows(DiagnosticException.class, () -> LockFile.read(dir)).format());
  }

  @Test
  void lockFileThatIsNotUtf8IsReportedAtItsFirstBadByte() throws Exception {
    String text = LockFile.of(dir, files).source().text();
    String[] lines = text.split("\n");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int offset = lines[0].length() + 1 + "0001_a".length();
    bytes[offset] = (byte) 0x80;
    Files.write(dir.resolve("strata.sum"), bytes);
    assertEquals(
        sum() + ":2:7: error[E0207]: not valid UTF-8: byte 0x80 (at byte offset " + offset + ")\n"
            + "  2 | 0001_a\n"
            + "    |       ^\n"
            + "  = help: do not edit it by hand; run 'strata lock' to write it again\n",
        assertThrows(DiagnosticException.class, () -> LockFile.read(dir)).format());
  }

  @Test
  void crlfLockFileReadsAsItsLfSelf() throws Exception {
    String text = LockFile.of(dir, files).source().text();
    Files.writeString(dir.resolve("strata.sum"), text.replace("\n", "\r\n"));
    assertEquals(List.of(), LockFile.read(dir).orElseThrow().verify(files));
  }

  @Test
  void tenThousandRevisionsVerifyQuickly() {
    List<SourceFile> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(file(String.format("%05d_r.sql", i), ("-- revision: r" + i + "\n-- +upgrade\n"
          + "CREATE TABLE t" + i + " (id INTEGER, name TEXT NOT NULL);\n").repeat(8)));
    }
    LockFile lock = LockFile.of(dir, many);
    long start = System.nanoTime();
    assertEquals(List.of(), lock.verify(many));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 2_000, "verifying 10,000 revisions took " + millis + " ms");
  }

  // ---- helpers -----------------------------------------------------------------------------

  private LockFile written() throws Exception {
    Files.writeString(dir.resolve("strata.sum"), LockFile.of(dir, files).source().text());
    return LockFile.read(dir).orElseThrow();
  }

  private void replace(int i, String text) {
    files.set(i, new SourceFile(files.get(i).path(), text));
  }

  private SourceFile file(String name, String text) {
    return new SourceFile(path(name), text);
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  private String sum() {
    return path("strata.sum");
  }

  private static String hashOnLine(LockFile lock, int n) {
    String line = lock.source().line(n);
    return line.substring(line.indexOf(" h1:") + 4);
  }

  private static void assertDiagnostics(List<Diagnostic> diagnostics, String expected) {
    StringBuilder text = new StringBuilder();
    diagnostics.forEach(d -> text.append(d.format()));
    assertEquals(expected, text.toString());
  }

  private static String name(SourceFile f) {
    return Path.of(f.path()).getFileName().toString();
  }

  private static byte[] sha256(String text) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
