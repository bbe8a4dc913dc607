package dev.strata.cli;

import static dev.strata.cli.Archives.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata verify} of a {@code .zip} reads exactly what {@code unzip} extracts: no data before
 * the first entry or after the end record, local headers that agree with the central directory,
 * the CRC-32 of every entry ({@code unzip -t}), no extra field, link or duplicate. Each hostile
 * zip is built here from a sound bundle's entries and patched at the byte.
 */
class VerifyZipTest {
  private static final int LOCAL = 0x04034b50;
  private static final int CENTRAL = 0x02014b50;
  private static final String UPGRADE = ROOT + "upgrade.sql";

  @TempDir static Path shared;
  @TempDir Path tmp;
  static List<Archives.Entry> sound;
  static byte[] soundZip;

  @BeforeAll
  static void soundBundle() throws Exception {
    Path out = shared.resolve("sound.tar.gz");
    assertEquals(0, BundleTest.bundle("0012:head", out).exitCode());
    sound = Archives.readTarGz(out);
    Path zip = shared.resolve("sound.zip");
    assertEquals(0, BundleTest.bundle("0012:head", zip).exitCode());
    soundZip = Files.readAllBytes(zip);
  }

  @Test
  void theZipsOfTheseTestsAreSoundUntilPatched() throws Exception {
    assertEquals("ok: 57 files verified\n", Cli.run("verify", write("a.zip", soundZip)).out());
    assertEquals("ok: 57 files verified\n",
        Cli.run("verify", write("b.zip", Archives.zip(sound))).out());
  }

  @Test
  void dataBeforeTheFirstEntryIsRefusedAlthoughUnzipExtractsIt() throws Exception {
    String zip = write("prefixed.zip", Archives.concat(
        "#!/bin/sh\necho hello\nexit 0\n".getBytes(StandardCharsets.US_ASCII), soundZip));
    assertRefused(zip, "the zip has data before its first entry, which unzip skips with a"
        + " warning");
    Path out = Files.createDirectories(tmp.resolve("x"));
    PostgresServer.ProcessResult unzip = Archives.run(out, "unzip", "-q", zip);
    assertTrue(unzip.stderr().contains("extra bytes at beginning"), unzip.stderr());
    assertTrue(Files.isRegularFile(out.resolve(UPGRADE)), "unzip extracted it anyway");
  }

  @Test
  void dataAfterTheEndRecordOrACommentIsRefused() throws Exception {
    assertRefused(write("trailing.zip", Archives.concat(soundZip, new byte[] {1, 2, 3})),
        "the zip does not end with its end-of-central-directory record: a zip comment or data"
            + " after it, which strata never writes");
    byte[] comment = Archives.concat(soundZip, "hi".getBytes(StandardCharsets.US_ASCII));
    comment[soundZip.length - 2] = 2;
    assertRefused(write("comment.zip", comment), "the zip does not end with its"
        + " end-of-central-directory record: a zip comment or data after it, which strata never"
        + " writes");
  }

  @Test
  void aLocalHeaderThatNamesAnotherFileThanTheCentralDirectoryIsRefused() throws Exception {
    byte[] zip = soundZip.clone();
    int local = Archives.zipRecord(zip, LOCAL, UPGRADE);
    zip[local + 30 + UPGRADE.length() - 1] = 'x';
    assertRefused(write("names.zip", zip), "entry '" + UPGRADE + "': its local header and its"
        + " central-directory record disagree on the name (local: '" + ROOT + "upgrade.sqx')");
  }

  /** The report: a wrong CRC in the central directory or a local header, which unzip -t fails. */
  /** The report: both were refused as "neither a file nor a folder (a device or a pipe)". */
  @Test
  void aFileNamedLikeAFolderAndAFolderNamedLikeAFileAreNamedAsSuch() throws Exception {
    List<Archives.Entry> slash = new ArrayList<>(sound);
    slash.add(Archives.Entry.file(ROOT + "sources/zz/", "DROP TABLE customers;\n"));
    assertRefused(write("slash.zip", Archives.zip(slash)), "E0529", "entry '" + ROOT
        + "sources/zz/' is a file whose name ends in '/', which tar and unzip extract as a"
        + " folder", VerifyTest.UNSAFE);
    byte[] folder = soundZip.clone();
    int record = Archives.zipRecord(folder, CENTRAL, UPGRADE);
    Archives.putInt(folder, record + 38, 040755 << 16);
    assertRefused(write("folder.zip", folder), "entry '" + UPGRADE + "' has a folder's mode but"
        + " no '/' at the end of its name; unzip decides by the name and extracts a file");
  }

  /** unzip gives the files the archive's bits: one writable by everyone could be changed. */
  @Test
  void permissionsOtherThanStrataWritesAreRefused() throws Exception {
    byte[] writable = soundZip.clone();
    int record = Archives.zipRecord(writable, CENTRAL, UPGRADE);
    Archives.putInt(writable, record + 38, 0100666 << 16);
    String zip = write("writable.zip", writable);
    assertRefused(zip, "entry '" + UPGRADE + "' has permissions 666; strata writes 644 for a"
        + " file, and unzip keeps them");
    Path out = Files.createDirectories(tmp.resolve("unzipped"));
    assertEquals(0, Archives.run(out, "unzip", "-q", zip).exitCode());
    assertEquals("rw-rw-rw-", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(out.resolve(UPGRADE))), "what unzip would have made");
  }

  @Test
  void aWrongCrcIsRefusedAsUnzipTDoes() throws Exception {
    byte[] central = soundZip.clone();
    int record = Archives.zipRecord(central, CENTRAL, UPGRADE);
    int crc = Archives.getInt(central, record + 16);
    Archives.putInt(central, record + 16, crc ^ 1);
    String centralZip = write("central.zip", central);
    assertRefused(centralZip, "entry '" + UPGRADE + "' (data descriptor) has CRC-32 "
        + hex(crc) + " but the central directory says " + hex(crc ^ 1) + "; unzip -t fails on it");
    assertNotEquals(0, Archives.run(tmp, "unzip", "-tq", centralZip).exitCode());

    byte[] local = soundZip.clone();
    int header = Archives.zipRecord(local, LOCAL, UPGRADE);
    Archives.putInt(local, header + 14, crc ^ 1);
    assertRefused(write("local.zip", local), "entry '" + UPGRADE + "' has CRC-32 " + hex(crc ^ 1)
        + " but the central directory says " + hex(crc) + "; unzip -t fails on it");

    byte[] both = central.clone();
    int descriptor = header + 30 + UPGRADE.length() + Archives.getInt(both, record + 20);
    Archives.putInt(both, descriptor + 4, crc ^ 1);
    String bothZip = write("both.zip", both);
    assertRefused(bothZip, "entry '" + UPGRADE + "' has CRC-32 " + hex(crc) + " but its central"
        + " directory says " + hex(crc ^ 1) + "; unzip -t fails on it");
    PostgresServer.ProcessResult test = Archives.run(tmp, "unzip", "-t", bothZip);
    assertNotEquals(0, test.exitCode());
    assertTrue(test.stdout().contains("bad CRC"), test.stdout());
  }

  @Test
  void aDuplicateNameALinkAndAnExtraFieldAreRefused() throws Exception {
    List<Archives.Entry> twice = new ArrayList<>(sound);
    twice.add(Archives.Entry.file(UPGRADE, "DROP TABLE customers;\n"));
    assertRefused(write("twice.zip", Archives.zip(twice)), "E0529", "entry '" + UPGRADE
        + "' appears twice; tar and unzip extract the last one", VerifyTest.UNSAFE);
    List<Archives.Entry> link = new ArrayList<>(sound);
    link.add(new Archives.Entry(ROOT + "sources/passwd.sql", BundleReader.Kind.SYMLINK,
        "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
    assertRefused(write("link.zip", Archives.zip(link)), "E0529", "entry '" + ROOT
        + "sources/passwd.sql' is a symbolic link; a bundle has no links", VerifyTest.UNSAFE);

    ByteArrayOutputStream extra = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(extra)) {
      zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.ALWAYS);
      ZipArchiveEntry entry = new ZipArchiveEntry(ROOT);
      entry.setMethod(ZipArchiveEntry.STORED);
      entry.setSize(0);
      entry.setCrc(0);
      zip.putArchiveEntry(entry);
      zip.closeArchiveEntry();
    }
    assertRefused(write("extra.zip", extra.toByteArray()), "entry '" + ROOT + "' has extra fields"
        + " or a comment, which strata never writes (an Info-ZIP Unicode path field renames the"
        + " entry for some readers)");
  }

  @Test
  void anEntryThatInflatesToMoreThanItsSizeIsRefused() throws Exception {
    byte[] zip = Archives.zip(List.of(new Archives.Entry(ROOT, BundleReader.Kind.DIRECTORY,
        new byte[0]), new Archives.Entry(ROOT + "zeros", BundleReader.Kind.FILE, new byte[4096])));
    CRC32 crc = new CRC32();
    crc.update(new byte[100]);
    int record = Archives.zipRecord(zip, CENTRAL, ROOT + "zeros");
    int local = Archives.zipRecord(zip, LOCAL, ROOT + "zeros");
    int descriptor = local + 30 + (ROOT + "zeros").length() + Archives.getInt(zip, record + 20);
    for (int at : new int[] {record + 24, descriptor + 12}) {
      Archives.putInt(zip, at, 100);
    }
    for (int at : new int[] {record + 16, descriptor + 4}) {
      Archives.putInt(zip, at, (int) crc.getValue());
    }
    assertRefused(write("more.zip", zip), "entry '" + ROOT + "zeros' holds more than the 100"
        + " bytes its central directory says");
  }

  private static String hex(int crc) {
    return String.format("%08x", crc);
  }

  private String write(String name, byte[] bytes) throws Exception {
    Path path = tmp.resolve(name);
    Files.write(path, bytes);
    return path.toString();
  }

  private static void assertRefused(String zip, String problem) {
    assertRefused(zip, "E0528", problem, VerifyTarTest.ARCHIVE);
  }

  private static void assertRefused(String zip, String code, String problem, String help) {
    VerifyTarTest.assertRefused(Path.of(zip), code, problem, help);
  }
}
