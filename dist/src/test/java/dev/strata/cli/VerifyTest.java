package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata verify}: a sound bundle passes; each kind of damage is named exactly, exit 1. The
 * damaged archives are made from a sound one with Commons Compress.
 */
class VerifyTest {
  private static final String ROOT =
      "strata-0012_journal_lines_account_idx-0022_transaction_value_date-postgresql/";
  private static final String HELP =
      "  = help: the bundle was changed or damaged after it was made; do not apply it\n";
  private static final String SOURCE = "sources/0018_create_dividend_events.sql";
  private static final String DOWN = "revisions/0001_0018_create_dividend_events.down.sql";

  @TempDir Path tmp;
  private List<BundleReader.RawEntry> sound;

  @BeforeEach
  void soundBundle() throws Exception {
    Path out = tmp.resolve("sound.tar.gz");
    assertEquals(0, BundleTest.bundle("0012:head", out).exitCode());
    sound = BundleReader.read(out);
  }

  @Test
  void aSoundBundleVerifies() throws Exception {
    Cli cli = Cli.run("verify", tmp.resolve("sound.tar.gz").toString());
    assertEquals("", cli.err());
    assertEquals("ok: 36 files verified\n", cli.out());
    assertEquals(0, cli.exitCode());
  }

  @Test
  void oneByteChangedInEachKindOfFileIsAChecksumMismatch() throws Exception {
    for (String file : List.of("upgrade.sql", "rollback.sql", DOWN, SOURCE, "MANIFEST.json",
        "APPLY.md")) {
      byte[] before = content(file);
      byte[] after = flipped(before);
      assertProblem(replace(file, after), "checksum mismatch for '" + file + "': SHA256SUMS says "
          + Sha256.hex(before) + ", the file's is " + Sha256.hex(after));
    }
  }

  @Test
  void oneByteChangedInSha256sums() throws Exception {
    String sums = new String(content("SHA256SUMS"), StandardCharsets.UTF_8);
    String apply = Sha256.hex(content("APPLY.md"));
    String changed = (apply.charAt(0) == '0' ? "1" : "0") + apply.substring(1);
    assertProblem(replace("SHA256SUMS", sums.replace(apply, changed).getBytes(StandardCharsets.UTF_8)),
        "checksum mismatch for 'APPLY.md': SHA256SUMS says " + changed + ", the file's is " + apply);
  }

  @Test
  void aFileChangedTogetherWithItsSha256sumsLineIsCaughtByTheManifest() throws Exception {
    byte[] before = content("upgrade.sql");
    byte[] after = flipped(before);
    String sums = new String(content("SHA256SUMS"), StandardCharsets.UTF_8)
        .replace(Sha256.hex(before), Sha256.hex(after));
    List<BundleReader.RawEntry> entries = replace("upgrade.sql", after);
    assertProblem(replaceIn(entries, "SHA256SUMS", sums.getBytes(StandardCharsets.UTF_8)),
        "checksum mismatch for 'upgrade.sql': MANIFEST.json says " + Sha256.hex(before)
            + ", the file's is " + Sha256.hex(after));
  }

  @Test
  void aFileRemoved() throws Exception {
    List<BundleReader.RawEntry> entries = new ArrayList<>(sound);
    entries.removeIf(e -> e.name().equals(ROOT + DOWN));
    assertProblem(entries, "'" + DOWN + "' is missing (listed in SHA256SUMS)");
  }

  @Test
  void aFileAdded() throws Exception {
    List<BundleReader.RawEntry> entries = new ArrayList<>(sound);
    entries.add(file(ROOT + "revisions/0011_extra.up.sql", "DROP TABLE customers;\n"));
    assertProblem(entries, "'revisions/0011_extra.up.sql' is not listed in SHA256SUMS");
  }

  @Test
  void anEntryWithDotDot() throws Exception {
    List<BundleReader.RawEntry> entries = new ArrayList<>(sound);
    entries.add(file(ROOT + "../evil.sql", "DROP TABLE customers;\n"));
    assertProblem(entries,
        "entry '" + ROOT + "../evil.sql' has a '..' in its path, which leaves the bundle");
  }

  @Test
  void anEntryWithAnAbsolutePath() throws Exception {
    List<BundleReader.RawEntry> entries = new ArrayList<>(sound);
    entries.add(file("/tmp/evil.sql", "DROP TABLE customers;\n"));
    assertProblem(entries, "entry '/tmp/evil.sql' has an absolute path");
  }

  @Test
  void aSymbolicLinkAndAHardLink() throws Exception {
    List<BundleReader.RawEntry> symlink = new ArrayList<>(sound);
    symlink.add(new BundleReader.RawEntry(ROOT + "link.sql", BundleReader.Kind.SYMLINK,
        "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
    assertProblem(symlink, "entry '" + ROOT + "link.sql' is a symbolic link; a bundle has no links");
    List<BundleReader.RawEntry> hardlink = new ArrayList<>(sound);
    hardlink.add(new BundleReader.RawEntry(ROOT + "link.sql", BundleReader.Kind.HARDLINK,
        (ROOT + "upgrade.sql").getBytes(StandardCharsets.UTF_8)));
    assertProblem(hardlink, "entry '" + ROOT + "link.sql' is a hard link; a bundle has no links");
  }

  @Test
  void aSymbolicLinkInAFolderBundle() throws Exception {
    Path out = tmp.resolve("folder");
    assertEquals(0, BundleTest.bundle("0012:head", out).exitCode());
    Files.createSymbolicLink(out.resolve(ROOT + "sources/passwd.sql"), Path.of("/etc/passwd"));
    Cli cli = Cli.run("verify", out.toString());
    assertEquals(1, cli.exitCode());
    assertEquals("strata: error[E0510]: " + out + ": entry '" + ROOT
        + "sources/passwd.sql' is a symbolic link; a bundle has no links\n" + HELP, cli.err());
  }

  @Test
  void aPathThatIsNotABundle() throws Exception {
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

  @Test
  void readingStopsAtTheSizeLimitInsteadOfFillingMemory() throws Exception {
    Path archive = Files.createTempFile(tmp, "big", ".tar.gz");
    Files.write(archive, tarGz(List.of(
        new BundleReader.RawEntry("b/", BundleReader.Kind.DIRECTORY, new byte[0]),
        new BundleReader.RawEntry("b/zeros", BundleReader.Kind.FILE, new byte[5000]))));
    assertEquals(2, BundleReader.read(archive, 5000).size());
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.io.IOException.class, () -> BundleReader.read(archive, 4999));
    assertEquals("holds more than 4999 bytes unpacked, which no strata bundle does", e.getMessage());
  }

  private void assertProblem(List<BundleReader.RawEntry> entries, String problem) throws Exception {
    Path archive = Files.createTempFile(tmp, "bad", ".tar.gz");
    Files.write(archive, tarGz(entries));
    Cli cli = Cli.run("verify", archive.toString());
    assertEquals("strata: error[E0510]: " + archive + ": " + problem + "\n" + HELP, cli.err());
    assertEquals("", cli.out());
    assertEquals(1, cli.exitCode());
  }

  private byte[] content(String path) {
    return sound.stream().filter(e -> e.name().equals(ROOT + path)).findFirst().orElseThrow()
        .content();
  }

  private static byte[] flipped(byte[] bytes) {
    byte[] copy = bytes.clone();
    copy[copy.length / 2] ^= 0x01;
    return copy;
  }

  private List<BundleReader.RawEntry> replace(String path, byte[] content) {
    return replaceIn(sound, path, content);
  }

  private static List<BundleReader.RawEntry> replaceIn(
      List<BundleReader.RawEntry> entries, String path, byte[] content) {
    UnaryOperator<BundleReader.RawEntry> swap = e -> e.name().equals(ROOT + path)
        ? new BundleReader.RawEntry(e.name(), e.kind(), content) : e;
    return entries.stream().map(swap).toList();
  }

  private static BundleReader.RawEntry file(String name, String text) {
    return new BundleReader.RawEntry(name, BundleReader.Kind.FILE,
        text.getBytes(StandardCharsets.UTF_8));
  }

  /** A .tar.gz of {@code entries} as given: names kept as they are, links as link entries. */
  private static byte[] tarGz(List<BundleReader.RawEntry> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes), "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (BundleReader.RawEntry e : entries) {
        TarArchiveEntry entry = switch (e.kind()) {
          case SYMLINK, HARDLINK -> {
            TarArchiveEntry link = new TarArchiveEntry(e.name(),
                e.kind() == BundleReader.Kind.SYMLINK ? TarConstants.LF_SYMLINK : TarConstants.LF_LINK,
                true);
            link.setLinkName(new String(e.content(), StandardCharsets.UTF_8));
            yield link;
          }
          case DIRECTORY -> new TarArchiveEntry(e.name(), TarConstants.LF_DIR, true);
          case FILE, OTHER -> {
            TarArchiveEntry file = new TarArchiveEntry(e.name(), true);
            file.setSize(e.content().length);
            yield file;
          }
        };
        tar.putArchiveEntry(entry);
        if (e.kind() == BundleReader.Kind.FILE) {
          tar.write(e.content());
        }
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
