package dev.strata.cli;

import static dev.strata.cli.Archives.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata verify}: a sound bundle passes; each kind of damage to the files, and each unsafe
 * entry name or kind, is named exactly, exit 1. The damaged archives are made from a sound one with
 * Commons Compress ({@link Archives}); the archive format itself is tested in {@link
 * VerifyTarTest} and {@link VerifyZipTest}, the manifest in {@link VerifyManifestTest}.
 */
class VerifyTest {
  static final String DAMAGED =
      "  = help: the bundle was changed or damaged after it was made; do not apply it\n";
  static final String UNSAFE = "  = help: extracting it could write other files than the ones"
      + " verified, or outside the bundle's folder; do not extract or apply it\n";
  private static final String SOURCE = "sources/0018_create_dividend_events.sql";
  private static final String DOWN = "revisions/0001_0018_create_dividend_events.down.sql";

  @TempDir static Path shared;
  @TempDir Path tmp;
  static List<Archives.Entry> sound;

  @BeforeAll
  static void soundBundle() throws Exception {
    Path out = shared.resolve("sound.tar.gz");
    assertEquals(0, BundleTest.bundle("0012:head", out).exitCode());
    sound = Archives.readTarGz(out);
  }

  @Test
  void aSoundBundleVerifies() throws Exception {
    Cli cli = Cli.run("verify", shared.resolve("sound.tar.gz").toString());
    assertEquals("", cli.err());
    assertEquals("ok: 57 files verified\n", cli.out());
    assertEquals(0, cli.exitCode());
  }

  /** The report: PATH given as a link to the bundle was "not a folder, a .tar.gz or a .zip". */
  @Test
  void pathMayBeALinkToTheBundle() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("release"), shared.resolve("sound.tar.gz"));
    assertEquals(new Cli(0, "ok: 57 files verified\n", ""), Cli.run("verify", link.toString()));
  }

  @Test
  void oneByteChangedInEachKindOfFileIsAChecksumMismatch() throws Exception {
    for (String file : List.of("upgrade.sql", "rollback.sql", DOWN, SOURCE, "MANIFEST.json",
        "APPLY.md")) {
      byte[] before = Archives.content(sound, file);
      byte[] after = flipped(before);
      assertProblem(Archives.replace(sound, file, after), "E0510", "checksum mismatch for '" + file
          + "': SHA256SUMS says " + Sha256.hex(before) + ", the file's is " + Sha256.hex(after),
          DAMAGED);
    }
  }

  @Test
  void oneByteChangedInSha256sums() throws Exception {
    String sums = new String(Archives.content(sound, "SHA256SUMS"), StandardCharsets.UTF_8);
    String apply = Sha256.hex(Archives.content(sound, "APPLY.md"));
    String changed = (apply.charAt(0) == '0' ? "1" : "0") + apply.substring(1);
    assertProblem(Archives.replace(sound, "SHA256SUMS",
        sums.replace(apply, changed).getBytes(StandardCharsets.UTF_8)), "E0510",
        "checksum mismatch for 'APPLY.md': SHA256SUMS says " + changed + ", the file's is " + apply,
        DAMAGED);
  }

  @Test
  void sha256sumsOutOfOrderOrWithoutItsLastLineFeed() throws Exception {
    String sums = new String(Archives.content(sound, "SHA256SUMS"), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(sums.lines().toList());
    java.util.Collections.swap(lines, 0, 1);
    assertProblem(Archives.replace(sound, "SHA256SUMS",
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)), "E0510",
        "SHA256SUMS line 2 is not '<sha256>  <path>' for a new path, sorted after the one before",
        DAMAGED);
    assertProblem(Archives.replace(sound, "SHA256SUMS",
        sums.strip().getBytes(StandardCharsets.UTF_8)), "E0510",
        "SHA256SUMS does not end with a line feed", DAMAGED);
  }

  @Test
  void aFileChangedTogetherWithItsSha256sumsLineIsCaughtByTheManifest() throws Exception {
    byte[] before = Archives.content(sound, "upgrade.sql");
    byte[] after = flipped(before);
    assertProblem(Archives.resummed(Archives.replace(sound, "upgrade.sql", after)), "E0510",
        "checksum mismatch for 'upgrade.sql': MANIFEST.json says " + Sha256.hex(before)
            + ", the file's is " + Sha256.hex(after), DAMAGED);
  }

  @Test
  void aFileRemoved() throws Exception {
    assertProblem(Archives.remove(sound, DOWN), "E0510",
        "'" + DOWN + "' is missing (listed in SHA256SUMS)", DAMAGED);
  }

  @Test
  void aFileAdded() throws Exception {
    List<Archives.Entry> entries = new ArrayList<>(sound);
    entries.add(Archives.Entry.file(ROOT + "revisions/0011_extra.up.sql", "DROP TABLE x;\n"));
    assertProblem(entries, "E0510", "'revisions/0011_extra.up.sql' is not listed in SHA256SUMS",
        DAMAGED);
  }

  @Test
  void anEntryWithDotDot() throws Exception {
    List<Archives.Entry> entries = new ArrayList<>(sound);
    entries.add(Archives.Entry.file(ROOT + "../evil.sql", "DROP TABLE customers;\n"));
    assertProblem(entries, "E0529",
        "entry '" + ROOT + "../evil.sql' has a '..' in its path, which leaves the bundle", UNSAFE);
  }

  @Test
  void anEntryWithAnAbsolutePath() throws Exception {
    List<Archives.Entry> entries = new ArrayList<>(sound);
    entries.add(Archives.Entry.file("/tmp/evil.sql", "DROP TABLE customers;\n"));
    assertProblem(entries, "E0529", "entry '/tmp/evil.sql' has an absolute path", UNSAFE);
  }

  @Test
  void aSymbolicLinkAHardLinkAndADevice() throws Exception {
    List<Archives.Entry> symlink = new ArrayList<>(sound);
    symlink.add(new Archives.Entry(ROOT + "link.sql", BundleReader.Kind.SYMLINK,
        "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
    assertProblem(symlink, "E0529",
        "entry '" + ROOT + "link.sql' is a symbolic link; a bundle has no links", UNSAFE);
    List<Archives.Entry> hardlink = new ArrayList<>(sound);
    hardlink.add(new Archives.Entry(ROOT + "link.sql", BundleReader.Kind.HARDLINK,
        (ROOT + "upgrade.sql").getBytes(StandardCharsets.UTF_8)));
    assertProblem(hardlink, "E0529",
        "entry '" + ROOT + "link.sql' is a hard link; a bundle has no links", UNSAFE);
    List<Archives.Entry> device = new ArrayList<>(sound);
    device.add(new Archives.Entry(ROOT + "tty", BundleReader.Kind.OTHER, new byte[0]));
    assertProblem(device, "E0529", "entry '" + ROOT + "tty' is neither a file nor a folder (a"
        + " device or a pipe)", UNSAFE);
  }

  @Test
  void aSymbolicLinkInAFolderBundle() throws Exception {
    Path out = tmp.resolve("folder");
    assertEquals(0, BundleTest.bundle("0012:head", out).exitCode());
    Files.createSymbolicLink(out.resolve(ROOT + "sources/passwd.sql"), Path.of("/etc/passwd"));
    Cli cli = Cli.run("verify", out.toString());
    assertEquals(1, cli.exitCode());
    assertEquals("strata: error[E0529]: " + out + ": entry '" + ROOT
        + "sources/passwd.sql' is a symbolic link; a bundle has no links\n" + UNSAFE, cli.err());
  }

  @Test
  void aPathThatCannotBeRead() throws Exception {
    Path missing = tmp.resolve("missing.tar.gz");
    Cli cli = Cli.run("verify", missing.toString());
    assertEquals(1, cli.exitCode());
    assertEquals("strata: error[E0511]: cannot read '" + missing + "': no such file or folder\n",
        cli.err());
    Path text = tmp.resolve("notes.txt");
    Files.writeString(text, "hello\n");
    assertEquals("strata: error[E0511]: cannot read '" + text
        + "': not a folder, a .tar.gz or a .zip\n", Cli.run("verify", text.toString()).err());
  }

  /** The report: verify of a folder that is no bundle said "changed or damaged". */
  @Test
  void aFolderThatIsNotABundle() throws Exception {
    String notABundle = "  = help: strata verify takes what strata bundle wrote: a .tar.gz, a"
        + " .zip, the folder 'strata bundle -o DIR' wrote, or the strata-.../ folder inside it\n";
    Path versions = Cli.sampleVersions();
    Cli cli = Cli.run("verify", versions.toString());
    assertEquals("strata: error[E0527]: " + versions + ": not a strata bundle (no MANIFEST.json)\n"
        + notABundle, cli.err());
    assertEquals(1, cli.exitCode());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertEquals("strata: error[E0527]: " + empty + ": not a strata bundle (no MANIFEST.json)\n"
        + notABundle, Cli.run("verify", empty.toString()).err());
    Path archive = tmp.resolve("docs.tar.gz");
    Files.write(archive, Archives.gzip(Archives.tar(List.of(
        new Archives.Entry("docs/", BundleReader.Kind.DIRECTORY, new byte[0]),
        Archives.Entry.file("docs/README.md", "hello\n")))));
    assertEquals("strata: error[E0527]: " + archive + ": not a strata bundle (no MANIFEST.json)\n"
        + notABundle, Cli.run("verify", archive.toString()).err());
  }

  @Test
  void readingStopsAtTheSizeLimitInsteadOfFillingMemory() throws Exception {
    Path archive = tmp.resolve("big.tar.gz");
    Files.write(archive, Archives.gzip(Archives.tar(List.of(
        new Archives.Entry("b/", BundleReader.Kind.DIRECTORY, new byte[0]),
        new Archives.Entry("b/zeros", BundleReader.Kind.FILE, new byte[5000])))));
    // the tar stream: 512 (folder) + 512 + 5120 (file) + 1024 (end) bytes
    ReadBudget enough = new ReadBudget(7168, ReadBudget.MAX_RETAINED);
    BundleContents contents = new BundleContents(enough);
    BundleReader.read(archive, enough, contents);
    assertEquals(5000, contents.files().get("zeros").size());
    ReadBudget small = new ReadBudget(5000, ReadBudget.MAX_RETAINED);
    BundleProblem declared = assertThrows(BundleProblem.class,
        () -> BundleReader.read(archive, small, new BundleContents(small)));
    assertEquals("entry 'b/zeros' is 5000 bytes unpacked, more than the 3976 left of the 5000"
        + " bytes a bundle may hold", declared.getMessage());
    ReadBudget padding = new ReadBudget(7000, ReadBudget.MAX_RETAINED);
    BundleProblem read = assertThrows(BundleProblem.class,
        () -> BundleReader.read(archive, padding, new BundleContents(padding)));
    assertEquals("holds more than 7000 bytes unpacked, which no strata bundle does",
        read.getMessage());
  }

  @Test
  void whatVerifyKeepsInMemoryIsBoundedToo() throws Exception {
    Path archive = shared.resolve("sound.tar.gz");
    ReadBudget budget = new ReadBudget(ReadBudget.MAX_UNPACKED, 8000);
    BundleProblem kept = assertThrows(BundleProblem.class,
        () -> BundleVerifier.verify(archive, budget));
    assertEquals("holds more entries, names and script headers than the 8000 bytes verify keeps"
        + " in memory, which no strata bundle does", kept.getMessage());
    assertEquals(BundleProblem.Kind.TOO_LARGE, kept.kind());
  }

  static void assertProblem(List<Archives.Entry> entries, String code, String problem,
      String help, Path dir) throws Exception {
    Path archive = Files.createTempFile(dir, "bad", ".tar.gz");
    Files.write(archive, Archives.gzip(Archives.tar(entries)));
    Cli cli = Cli.run("verify", archive.toString());
    assertEquals("strata: error[" + code + "]: " + archive + ": " + problem + "\n" + help,
        cli.err());
    assertEquals("", cli.out());
    assertEquals(1, cli.exitCode());
  }

  private void assertProblem(List<Archives.Entry> entries, String code, String problem,
      String help) throws Exception {
    assertProblem(entries, code, problem, help, tmp);
  }

  private static byte[] flipped(byte[] bytes) {
    byte[] copy = bytes.clone();
    copy[copy.length / 2] ^= 0x01;
    return copy;
  }
}
