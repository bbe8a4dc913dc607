package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.RevisionFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata lock}, and the lock as {@code upgrade}, {@code downgrade} and {@code bundle} check
 * it: an edited, renamed, inserted or missing locked revision stops them with exit 1 and nothing
 * written. (Every lock diagnostic's exact text is pinned in the compiler's LockFileTest.)
 */
class LockCommandTest {
  @TempDir Path tmp;
  private Path dir;

  @BeforeEach
  void chainOfThree() throws Exception {
    dir = Files.createDirectory(tmp.resolve("versions"));
    write("0001_a.sql", "-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n"
        + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n");
    write("0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n\n-- +upgrade\n"
        + "CREATE TABLE b (id INTEGER);\n\n-- +downgrade\nDROP TABLE b;\n");
    write("0003_c.sql", "-- revision: 0003_c\n-- revises: 0002_b\n\n-- +upgrade\n"
        + "CREATE TABLE c (id INTEGER);\n\n-- +downgrade\nDROP TABLE c;\n");
  }

  @Test
  void theFirstLockAddsEveryFileAndTheSecondChangesNothing() throws Exception {
    Cli first = lock();
    assertEquals("added   0001_a.sql\nadded   0002_b.sql\nadded   0003_c.sql\n"
        + "wrote " + sum() + " (3 revision files: 3 added, 0 changed, 0 removed)\n", first.out());
    assertEquals("", first.err());
    assertEquals(0, first.exitCode());
    String text = Files.readString(sum());
    assertEquals(LockFile.of(dir, VersionsLoader.load(dir).stream()
        .map(RevisionFile::source).toList()).source().text(), text);
    Cli second = lock();
    assertEquals(sum() + " is up to date (3 revision files)\n", second.out());
    assertEquals(0, second.exitCode());
    assertEquals(text, Files.readString(sum()));
    try (Stream<Path> entries = Files.list(dir)) {
      assertEquals(4, entries.count(), "no temporary file is left behind");
    }
  }

  @Test
  void relockingPrintsWhatChanged() throws Exception {
    lock();
    append("0002_b.sql", "-- a comment\n");
    Files.delete(dir.resolve("0003_c.sql"));
    write("0003_d.sql", "-- revision: 0003_d\n-- revises: 0002_b\n\n-- +upgrade\n");
    Cli cli = lock();
    assertEquals("changed 0002_b.sql\nremoved 0003_c.sql\nadded   0003_d.sql\n"
        + "wrote " + sum() + " (3 revision files: 1 added, 1 changed, 1 removed)\n", cli.out());
    assertEquals(0, cli.exitCode());
    assertEquals(0, Cli.run("upgrade", "head", "--versions", dir.toString()).exitCode());
  }

  @Test
  void lineEndingsAndTrailingBlanksAreNoChange() throws Exception {
    lock();
    String before = Files.readString(sum());
    write("0002_b.sql", Files.readString(dir.resolve("0002_b.sql")).replace("\n", " \t\r\n"));
    assertEquals(sum() + " is up to date (3 revision files)\n", lock().out());
    assertEquals(before, Files.readString(sum()));
    assertEquals(0, Cli.run("upgrade", "head", "--versions", dir.toString()).exitCode());
  }

  @Test
  void aBrokenDirectoryIsNotLocked() throws Exception {
    write("0004_bad.sql", "-- revision: 0004_bad\n-- revises: 0003_c\n\n-- +upgrade\n"
        + "CREATE TABLE d (id INTEGER;\n");
    Cli cli = lock();
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.out());
    assertEquals(dir.resolve("0004_bad.sql") + ":5:27: error[E0101]: unexpected ';', expected"
        + " ')' or ','\n"
        + "  5 | CREATE TABLE d (id INTEGER;\n"
        + "    |                           ^\n", cli.err());
    assertFalse(Files.exists(sum()));
  }

  @Test
  void aCorruptedLockIsReplaced() throws Exception {
    write("strata.sum", "not a lock file\n");
    Cli cli = lock();
    assertEquals("replacing the unreadable " + sum() + ": every file counts as added\n"
        + "added   0001_a.sql\nadded   0002_b.sql\nadded   0003_c.sql\n"
        + "wrote " + sum() + " (3 revision files: 3 added, 0 changed, 0 removed)\n", cli.out());
    assertEquals(0, cli.exitCode());
    assertEquals(0, Cli.run("check", "--versions", dir.toString(), "--strict").exitCode());
  }

  // ---- the lock in upgrade, downgrade and bundle -------------------------------------------

  @Test
  void upgradeDowngradeAndBundleRefuseAnEditedLockedRevision() throws Exception {
    lock();
    write("0002_b.sql", Files.readString(dir.resolve("0002_b.sql")).replace("b (id", "b (ident"));
    String expected = dir.resolve("0002_b.sql") + ":1:1: error[E0209]: revision file"
        + " '0002_b.sql' changed after it was locked\n"
        + "  1 | -- revision: 0002_b\n"
        + "    | ^^^^^^^^^^^^^^^^^^^\n"
        + "  = note: locked at " + sum() + ":3:1\n"
        + "  = help: if the change is intended, run 'strata lock' to accept it\n";
    Path script = tmp.resolve("up.sql");
    assertRefused(expected, script, "upgrade", "head", "-o", script.toString());
    assertRefused(expected, script, "downgrade", "head:base", "-o", script.toString());
    Path bundle = tmp.resolve("release.tar.gz");
    assertRefused(expected, bundle, "bundle", "base:head", "-o", bundle.toString());
    Path folder = tmp.resolve("release");
    assertRefused(expected, folder, "bundle", "base:head", "-o", folder.toString());
  }

  @Test
  void aFileInsertedBeforeALockedOneIsRefused() throws Exception {
    lock();
    write("0001_z.sql", "-- revision: 0001_z\n-- revises: 0001_a\n\n-- +upgrade\n");
    Path script = tmp.resolve("up.sql");
    assertRefused(dir.resolve("0001_z.sql") + ":1:1: error[E0212]: revision file '0001_z.sql' is"
        + " not locked and sorts before the locked file '0002_b.sql'\n"
        + "  1 | -- revision: 0001_z\n"
        + "    | ^^^^^^^^^^^^^^^^^^^\n"
        + "  = help: name a new revision so that it sorts after '0003_c.sql', the last locked"
        + " file; if the insertion is intended, run 'strata lock' to accept it\n",
        script, "upgrade", "0001_z", "-o", script.toString());
  }

  @Test
  void aRenamedOrMissingLockedFileIsRefused() throws Exception {
    lock();
    Files.move(dir.resolve("0001_a.sql"), dir.resolve("0004_a.sql"));
    Files.delete(dir.resolve("0003_c.sql"));
    Path bundle = tmp.resolve("b");
    Cli cli = Cli.run("bundle", "base:head", "--versions", dir.toString(), "-o", bundle.toString());
    assertEquals(1, cli.exitCode());
    assertEquals(
        sum() + ":4:1: error[E0210]: locked revision file '0003_c.sql' is missing\n"
            + "  4 | " + Files.readString(sum()).lines().toList().get(3) + "\n"
            + "    | ^^^^^^^^^^\n"
            + "  = help: restore it; if it was removed on purpose, run 'strata lock' to accept"
            + " it\n"
            + dir.resolve("0004_a.sql") + ":1:1: error[E0211]: revision file '0004_a.sql' is the"
            + " locked file '0001_a.sql' renamed\n"
            + "  1 | -- revision: 0001_a\n"
            + "    | ^^^^^^^^^^^^^^^^^^^\n"
            + "  = note: locked at " + sum() + ":2:1\n"
            + "  = help: file names set the order of revisions: rename it back; if the new name"
            + " is intended, run 'strata lock' to accept it\n",
        cli.err());
    assertFalse(Files.exists(bundle));
  }

  @Test
  void aNewRevisionNotLockedYetIsAllowed() throws Exception {
    lock();
    write("0004_d.sql", "-- revision: 0004_d\n-- revises: 0003_c\n\n-- +upgrade\n"
        + "CREATE TABLE d (id INTEGER);\n\n-- +downgrade\nDROP TABLE d;\n");
    Cli up = Cli.run("upgrade", "head", "--versions", dir.toString());
    assertEquals("", up.err());
    assertEquals(0, up.exitCode());
    assertTrue(up.out().contains("CREATE TABLE d"), up.out());
    Path bundle = tmp.resolve("b");
    Cli cli = Cli.run("bundle", "base:head", "--versions", dir.toString(), "-o", bundle.toString());
    assertEquals(0, cli.exitCode(), cli.err());
  }

  @Test
  void theBundleCarriesTheLockFileInSources() throws Exception {
    lock();
    write("strata.sum", Files.readString(sum()).replace("\n", "\r\n"));
    Path bundle = tmp.resolve("b");
    Cli cli = Cli.run("bundle", "base:head", "--versions", dir.toString(), "-o", bundle.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    Path root = bundle.resolve("strata-base-0003_c-postgresql");
    assertEquals(Files.readString(sum()), Files.readString(root.resolve("sources/strata.sum")),
        "byte for byte, CRLF and all");
    assertEquals("ok: 18 files verified\n", Cli.run("verify", bundle.toString()).out());
  }

  private void assertRefused(String expectedErr, Path output, String... args) {
    String[] all = Stream.concat(Stream.of(args), Stream.of("--versions", dir.toString()))
        .toArray(String[]::new);
    Cli cli = Cli.run(all);
    assertEquals(expectedErr, cli.err(), String.join(" ", args));
    assertEquals("", cli.out());
    assertEquals(1, cli.exitCode());
    assertFalse(Files.exists(output), output + " must not be written");
  }

  private Cli lock() {
    return Cli.run("lock", "--versions", dir.toString());
  }

  private Path sum() {
    return dir.resolve("strata.sum");
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
  }

  private void append(String name, String text) throws Exception {
    write(name, Files.readString(dir.resolve(name)) + text);
  }
}
