package dev.strata.cli;

import static dev.strata.cli.Archives.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata verify} of a {@code .tar.gz} reads exactly what {@code tar xzf} extracts: every
 * gzip member, nothing after the end of the archive, no header that GNU tar would skip or read
 * otherwise. Each hostile archive is built here from a sound bundle, refused with its exact
 * diagnostic, and, where it matters, shown to fool the real {@code tar}.
 */
class VerifyTarTest {
  static final String ARCHIVE = "  = help: tar or unzip would read this archive differently, or"
      + " not at all; do not extract or apply it, and get the bundle again from where it was"
      + " released\n";
  private static final String EVIL = "DROP TABLE customers;\n";

  @TempDir static Path shared;
  @TempDir Path tmp;
  static List<Archives.Entry> sound;
  static byte[] soundTar;

  @BeforeAll
  static void soundBundle() throws Exception {
    Path out = shared.resolve("sound.tar.gz");
    assertEquals(0, BundleTest.bundle("0012:head", out).exitCode());
    sound = Archives.readTarGz(out);
    soundTar = Archives.tar(sound);
  }

  /**
   * The report: the good tar without its end blocks in a first gzip member, then a second member
   * with a new upgrade.sql, SHA256SUMS and MANIFEST.json, was accepted while tar extracts the new
   * files (and sha256sum -c passes on them).
   */
  @Test
  void aSecondGzipMemberThatReplacesTheScriptsIsRefused() throws Exception {
    List<Archives.Entry> lie = substituted(sound);
    List<Archives.Entry> replaced = lie.stream().filter(e -> List.of(ROOT + "upgrade.sql",
        ROOT + "SHA256SUMS", ROOT + "MANIFEST.json").contains(e.name())).toList();
    byte[] bytes = Archives.concat(Archives.gzip(Archives.withoutEnd(soundTar)),
        Archives.gzip(Archives.tar(replaced)));
    Path archive = write("bypass.tar.gz", bytes);
    assertRefused(archive, "E0529", "entry '" + ROOT + "MANIFEST.json' appears twice; tar and"
        + " unzip extract the last one", VerifyTest.UNSAFE);

    Path out = Files.createDirectories(tmp.resolve("x"));
    assertEquals(0, Archives.run(out, "tar", "xzf", archive.toString()).exitCode());
    assertEquals(EVIL, new String(Archives.extracted(out, "upgrade.sql"), StandardCharsets.UTF_8));
    assertEquals(0, Archives.run(out.resolve(ROOT), "sha256sum", "-c", "--quiet", "SHA256SUMS")
        .exitCode(), "the substitute is consistent: only verify can refuse it");
  }

  @Test
  void aSecondGzipMemberAfterACompleteArchiveIsRefused() throws Exception {
    byte[] bytes = Archives.concat(Archives.gzip(soundTar), Archives.gzip(Archives.tar(
        List.of(Archives.Entry.file(ROOT + "sources/evil.sql", EVIL)))));
    Path archive = write("second.tar.gz", bytes);
    assertRefused(archive, "E0528", "data after the end of the tar archive (byte "
        + soundTar.length + "), which tar does not extract", ARCHIVE);
  }

  @Test
  void dataAfterTheGzipStreamIsRefusedEvenZeros() throws Exception {
    byte[] gz = Archives.gzip(soundTar);
    Path garbage = write("garbage.tar.gz", Archives.concat(gz, "garbage\n".getBytes(
        StandardCharsets.US_ASCII)));
    assertRefused(garbage, "E0528", "data after the end of the gzip stream, which gzip ignores"
        + " with a warning", ARCHIVE);
    Path zeros = write("zeros.tar.gz", Archives.concat(gz, new byte[100]));
    assertRefused(zeros, "E0528", "data after the end of the gzip stream, which gzip ignores"
        + " with a warning", ARCHIVE);
    Path out = Files.createDirectories(tmp.resolve("x"));
    assertEquals(0, Archives.run(out, "tar", "xzf", zeros.toString()).exitCode(),
        "tar takes trailing zeros silently");
  }

  @Test
  void zeroPaddingUpToARecordIsWhatTarWritesAndIsAccepted() throws Exception {
    byte[] padded = Archives.concat(soundTar, new byte[10240 - soundTar.length % 10240]);
    assertEquals("ok: 57 files verified\n",
        Cli.run("verify", write("padded.tar.gz", Archives.gzip(padded)).toString()).out());
    byte[] more = Archives.concat(soundTar, new byte[10240 + 512]);
    assertRefused(write("more.tar.gz", Archives.gzip(more)), "E0528", "data after the end of"
        + " the tar archive (byte " + soundTar.length + "), which tar does not extract", ARCHIVE);
  }

  /** The report: GNU tar skips a header with a bad checksum and the file it starts. */
  @Test
  void aHeaderWithABadChecksumIsRefused() throws Exception {
    byte[] tar = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> Archives.put(h, 148, "0000001\0"), false);
    Path archive = write("checksum.tar.gz", Archives.gzip(tar));
    assertRefused(archive, "E0528", "the tar header at byte " + offset(ROOT + "upgrade.sql")
        + " has a bad checksum; tar skips it and the entry it starts", ARCHIVE);
    Path out = Files.createDirectories(tmp.resolve("x"));
    PostgresServer.ProcessResult tar2 = Archives.run(out, "tar", "xzf", archive.toString());
    assertEquals(2, tar2.exitCode(), tar2.stderr());
    assertTrue(tar2.stderr().contains("Skipping to next header"), tar2.stderr());
    assertNull(Archives.extracted(out, "upgrade.sql"), "tar dropped upgrade.sql");
  }

  /** The report: bad mode, type or magic fields, which GNU tar refuses or reads otherwise. */
  @Test
  void aHeaderWithABadModeTypeOrMagicIsRefused() throws Exception {
    String at = "the tar header of '" + ROOT + "upgrade.sql' at byte "
        + offset(ROOT + "upgrade.sql");
    byte[] mode = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> Archives.put(h, 100, "0100g44"), true);
    assertRefused(write("mode.tar.gz", Archives.gzip(mode)), "E0528",
        at + " has a bad mode field (not octal digits)", ARCHIVE);
    byte[] setuid = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> Archives.put(h, 100, "0104755"), true);
    assertRefused(write("setuid.tar.gz", Archives.gzip(setuid)), "E0528",
        at + " has mode 104755; a bundle entry has permission bits only", ARCHIVE);
    // tar run as root restores the bits and the owner: anyone could change such a file
    byte[] writable = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> Archives.put(h, 100, "0100666"), true);
    assertRefused(write("writable.tar.gz", Archives.gzip(writable)), "E0528", at
        + " has permissions 666; strata writes 644 for a file, and tar run as root keeps them",
        ARCHIVE);
    byte[] folder = Archives.patchHeader(soundTar, ROOT, h -> Archives.put(h, 100, "0040777"),
        true);
    assertRefused(write("folder.tar.gz", Archives.gzip(folder)), "E0528", "the tar header of '"
        + ROOT + "' at byte 0 has permissions 777; strata writes 755 for a folder, and tar run"
        + " as root keeps them", ARCHIVE);
    byte[] uid = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> Archives.put(h, 108, "0177776"), true);
    assertRefused(write("uid.tar.gz", Archives.gzip(uid)), "E0528", at + " has owner 65534:0"
        + " ('', ''); strata writes 0:0 with no names, and tar run as root gives the files that"
        + " owner", ARCHIVE);
    byte[] user = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> Archives.put(h, 265, "nobody\0"), true);
    assertRefused(write("user.tar.gz", Archives.gzip(user)), "E0528", at + " has owner 0:0"
        + " ('nobody', ''); strata writes 0:0 with no names, and tar run as root gives the files"
        + " that owner", ARCHIVE);
    byte[] type = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> h[156] = 'Z', true);
    Path typed = write("type.tar.gz", Archives.gzip(type));
    assertRefused(typed, "E0528", at + " has type flag 'Z', which strata does not write (GNU tar"
        + " extracts an unknown type as a file)", ARCHIVE);
    byte[] magic = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> Archives.put(h, 257, "ustar  \0"), true);
    assertRefused(write("magic.tar.gz", Archives.gzip(magic)), "E0528",
        at + " has no POSIX 'ustar' magic and version '00'", ARCHIVE);

    Path out = Files.createDirectories(tmp.resolve("x"));
    PostgresServer.ProcessResult tar = Archives.run(out, "tar", "xzf", typed.toString());
    assertTrue(tar.stderr().contains("Unknown file type 'Z'"), tar.stderr());
  }

  @Test
  void aTruncatedArchiveOrALoneZeroBlockIsRefused() throws Exception {
    byte[] body = Archives.withoutEnd(soundTar);
    assertRefused(write("noend.tar.gz", Archives.gzip(body)), "E0528", "the tar archive ends"
        + " without its two end-of-archive blocks (it is truncated)", ARCHIVE);
    assertRefused(write("cut.tar.gz", Archives.gzip(Arrays.copyOf(body, body.length - 700))),
        "E0528", "the tar archive is truncated inside an entry", ARCHIVE);
    assertRefused(write("one.tar.gz", Archives.gzip(Archives.concat(body, new byte[512]))),
        "E0528", "the tar archive ends after one end-of-archive block (it is truncated)", ARCHIVE);
    byte[] lone = Archives.concat(body, new byte[512], Archives.tar(List.of(
        Archives.Entry.file(ROOT + "sources/evil.sql", EVIL))));
    assertRefused(write("lone.tar.gz", Archives.gzip(lone)), "E0528", "a lone zero block at"
        + " byte " + body.length + " is followed by more tar data, which tar does not extract",
        ARCHIVE);
  }

  @Test
  void namesThatExtractOtherwiseThanTheyReadAreRefused() throws Exception {
    List<Archives.Entry> folder = new ArrayList<>(sound);
    folder.add(new Archives.Entry(ROOT + "sources/extra/", BundleReader.Kind.DIRECTORY,
        new byte[0]));
    assertRefusedTar(folder, "E0529", "entry '" + ROOT + "sources/extra/' is a folder that holds"
        + " no file of the bundle");
    byte[] slash = Archives.patchHeader(Archives.tar(folder), ROOT + "sources/extra/", h -> {
      h[156] = '0';
      Archives.put(h, 100, "0100644");
    }, true);
    assertRefused(write("slash.tar.gz", Archives.gzip(slash)), "E0529", "entry '" + ROOT
        + "sources/extra/' is a file whose name ends in '/', which tar and unzip extract as a"
        + " folder", VerifyTest.UNSAFE);
    List<Archives.Entry> folderAndFile = new ArrayList<>(sound);
    folderAndFile.add(Archives.Entry.file(ROOT + "sources", EVIL));
    assertRefusedTar(folderAndFile, "E0529", "entry '" + ROOT + "sources' appears twice; tar and"
        + " unzip extract the last one");
    List<Archives.Entry> upper = new ArrayList<>(sound);
    upper.add(Archives.Entry.file(ROOT + "UPGRADE.sql", EVIL));
    assertRefusedTar(upper, "E0529", "entries '" + ROOT + "upgrade.sql' and '" + ROOT
        + "UPGRADE.sql' differ only in case or Unicode form, so one overwrites the other on a"
        + " case-insensitive file system");
    List<Archives.Entry> unicode = new ArrayList<>(sound);
    unicode.add(Archives.Entry.file(ROOT + "sources/caf\u00e9.sql", EVIL));
    unicode.add(Archives.Entry.file(ROOT + "sources/cafe\u0301.sql", EVIL));
    assertRefusedTar(unicode, "E0529", "entries '" + ROOT + "sources/caf\u00e9.sql' and '" + ROOT
        + "sources/cafe\u0301.sql' differ only in case or Unicode form, so one overwrites the"
        + " other on a case-insensitive file system");
    List<Archives.Entry> nul = new ArrayList<>(sound);
    String padding = "x".repeat(30); // a name past 100 bytes goes in a pax header, NUL and all
    nul.add(Archives.Entry.file(ROOT + "sources/" + padding + "\0b.sql", EVIL));
    assertRefusedTar(nul, "E0529", "entry '" + ROOT + "sources/" + padding + "\\x00b.sql' has an"
        + " empty or '.' part, a backslash or a control character in its path");
    List<Archives.Entry> backslash = new ArrayList<>(sound);
    backslash.add(Archives.Entry.file(ROOT + "sources\\..\\..\\evil.sql", EVIL));
    assertRefusedTar(backslash, "E0529", "entry '" + ROOT + "sources\\x5c..\\x5c..\\x5cevil.sql'"
        + " has a '..' in its path, which leaves the bundle");
  }

  @Test
  void aPaxHeaderThatSetsMoreThanThePathIsRefused() throws Exception {
    byte[] tar = Archives.tar(List.of(new Archives.Entry(ROOT, BundleReader.Kind.DIRECTORY,
        new byte[0])));
    String record = "size=99999999999999999999\n";
    byte[] pax = paxHeader((record.length() + 3) + " " + record);
    byte[] bytes = Archives.concat(Archives.withoutEnd(tar), pax, Archives.tar(List.of(
        Archives.Entry.file(ROOT + "upgrade.sql", EVIL))));
    assertRefused(write("pax.tar.gz", Archives.gzip(bytes)), "E0528", "the pax header at byte 512"
        + " sets 'size'; strata writes pax headers that set only 'path'", ARCHIVE);
  }

  @Test
  void aNameThatIsNotUtf8IsRefused() throws Exception {
    byte[] tar = Archives.patchHeader(soundTar, ROOT + "upgrade.sql",
        h -> h[ROOT.length()] = (byte) 0xff, true);
    assertRefused(write("latin1.tar.gz", Archives.gzip(tar)), "E0529", "the tar header at byte "
        + offset(ROOT + "upgrade.sql") + " has a name that is not UTF-8", VerifyTest.UNSAFE);
  }

  /** The sound bundle with upgrade.sql replaced, and its manifest and SHA256SUMS made to match. */
  static List<Archives.Entry> substituted(List<Archives.Entry> sound) throws Exception {
    byte[] evil = EVIL.getBytes(StandardCharsets.UTF_8);
    String sha = Sha256.hex(evil);
    return Archives.withManifest(Archives.replace(sound, "upgrade.sql", evil), m -> {
      ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("upgrade")).put("sha256", sha);
      for (var file : m.get("files")) {
        if (file.get("path").asText().equals("upgrade.sql")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) file).put("sha256", sha)
              .put("size", evil.length);
        }
      }
    });
  }

  /** A pax extended header block and its content, holding {@code records}. */
  private static byte[] paxHeader(String records) throws Exception {
    byte[] content = records.getBytes(StandardCharsets.UTF_8);
    byte[] header = Archives.patchHeader(Archives.tar(List.of(new Archives.Entry("PaxHeaders/x",
        BundleReader.Kind.FILE, content))), "PaxHeaders/x", h -> h[156] = 'x', true);
    return Archives.withoutEnd(header);
  }

  /** Where the header of {@code name} starts in the sound tar stream. */
  private static int offset(String name) {
    byte[] wanted = Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), 100);
    for (int at = 0; at < soundTar.length; at += 512) {
      if (Arrays.equals(soundTar, at, at + 100, wanted, 0, 100)) {
        return at;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path path = tmp.resolve(name);
    Files.write(path, bytes);
    return path;
  }

  private void assertRefusedTar(List<Archives.Entry> entries, String code, String problem)
      throws Exception {
    VerifyTest.assertProblem(entries, code, problem, VerifyTest.UNSAFE, tmp);
  }

  static void assertRefused(Path archive, String code, String problem, String help) {
    Cli cli = Cli.run("verify", archive.toString());
    assertEquals("strata: error[" + code + "]: " + archive + ": " + problem + "\n" + help,
        cli.err());
    assertEquals("", cli.out());
    assertEquals(1, cli.exitCode());
  }
}
