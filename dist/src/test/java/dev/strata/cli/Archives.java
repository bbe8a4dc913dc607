package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.testkit.PostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds hostile bundles for the verify tests, from the entries of a sound one: tar streams with
 * or without their end blocks, patched headers, gzip members, edited manifests with their
 * checksums made consistent again, and runs the real {@code tar} and {@code unzip} on them.
 */
final class Archives {
  static final String ROOT =
      "strata-0012_journal_lines_account_idx-0028_dividend_events_paid_on-postgresql/";

  private Archives() {}

  /** One entry: a file with content, a folder (name ending in {@code /}), or a link. */
  record Entry(String name, BundleReader.Kind kind, byte[] content) {
    static Entry file(String name, String text) {
      return new Entry(name, BundleReader.Kind.FILE, text.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** The entries of a {@code .tar.gz}, read with Commons Compress, in order. */
  static List<Entry> readTarGz(Path archive) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(
            new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        entries.add(new Entry(e.getName(), e.isDirectory() ? BundleReader.Kind.DIRECTORY
            : BundleReader.Kind.FILE, e.isDirectory() ? new byte[0] : tar.readAllBytes()));
      }
    }
    return entries;
  }

  /** The top folder of a bundle's entries: the first entry's name, ending with {@code /}. */
  static String root(List<Entry> entries) {
    return entries.getFirst().name();
  }

  /** The content of {@code path} under the top folder. */
  static byte[] content(List<Entry> entries, String path) {
    String name = root(entries) + path;
    return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow()
        .content();
  }

  /** {@code entries} with {@code path} under the top folder given new content (added if absent). */
  static List<Entry> replace(List<Entry> entries, String path, byte[] content) {
    String name = root(entries) + path;
    List<Entry> out = new ArrayList<>();
    boolean found = false;
    for (Entry e : entries) {
      found |= e.name().equals(name);
      out.add(e.name().equals(name) ? new Entry(e.name(), e.kind(), content) : e);
    }
    if (!found) {
      out.add(new Entry(name, BundleReader.Kind.FILE, content));
    }
    return out;
  }

  /** {@code entries} without {@code path} under the top folder. */
  static List<Entry> remove(List<Entry> entries, String path) {
    String name = root(entries) + path;
    return entries.stream().filter(e -> !e.name().equals(name)).toList();
  }

  /** {@code entries} with {@code SHA256SUMS} written again for the files they hold. */
  static List<Entry> resummed(List<Entry> entries) {
    String root = root(entries);
    Map<String, byte[]> files = new TreeMap<>();
    for (Entry e : entries) {
      if (e.kind() == BundleReader.Kind.FILE && !e.name().equals(root + Bundle.SUMS)) {
        files.put(e.name().substring(root.length()), e.content());
      }
    }
    StringBuilder sums = new StringBuilder();
    files.forEach((path, bytes) -> sums.append(Sha256.hex(bytes)).append("  ").append(path)
        .append('\n'));
    return replace(entries, Bundle.SUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code entries} with {@code MANIFEST.json} edited by {@code edit} and written as strata writes
   * it, and {@code SHA256SUMS} made to match: a lie that every checksum agrees with.
   */
  static List<Entry> withManifest(List<Entry> entries, Consumer<ObjectNode> edit)
      throws IOException {
    ObjectNode manifest = (ObjectNode) JsonText.MAPPER.readTree(content(entries, Bundle.MANIFEST));
    edit.accept(manifest);
    return resummed(replace(entries, Bundle.MANIFEST,
        JsonText.write(manifest).getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code entries} as a tar stream as strata writes one (POSIX, pax for long names). */
  static byte[] tar(List<Entry> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry entry = switch (e.kind()) {
          case SYMLINK, HARDLINK -> {
            byte type = e.kind() == BundleReader.Kind.SYMLINK ? TarConstants.LF_SYMLINK
                : TarConstants.LF_LINK;
            TarArchiveEntry link = new TarArchiveEntry(e.name(), type, true);
            link.setLinkName(e.text());
            yield link;
          }
          case DIRECTORY -> new TarArchiveEntry(e.name(), TarConstants.LF_DIR, true);
          case OTHER -> new TarArchiveEntry(e.name(), TarConstants.LF_CHR, true);
          case FILE -> {
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

  /**
   * {@code entries} as a zip as strata writes one (UTF-8 names, Unix modes, deflated files with
   * data descriptors, no extra fields); a symbolic link gets mode 0120777.
   */
  static byte[] zip(List<Entry> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      zip.setEncoding("UTF-8");
      zip.setUseLanguageEncodingFlag(true);
      zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
      zip.setUseZip64(Zip64Mode.Never);
      for (Entry e : entries) {
        ZipArchiveEntry entry = new ZipArchiveEntry(e.name());
        boolean folder = e.kind() == BundleReader.Kind.DIRECTORY;
        entry.setUnixMode(folder ? 040755 : e.kind() == BundleReader.Kind.SYMLINK ? 0120777
            : 0100644);
        entry.setTime(946684800000L);
        entry.setMethod(folder ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
        if (folder) {
          entry.setSize(0);
          entry.setCrc(0);
        }
        zip.putArchiveEntry(entry);
        zip.write(e.content());
        zip.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Where the record with {@code signature} (4 bytes) for {@code name} starts in a zip. */
  static int zipRecord(byte[] zip, int signature, String name) {
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    int nameAt = signature == 0x02014b50 ? 46 : 30;
    for (int at = 0; at + nameAt + wanted.length <= zip.length; at++) {
      if (ByteBuffer.wrap(zip, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == signature
          && Short.toUnsignedInt(ByteBuffer.wrap(zip, at + nameAt - (signature == 0x02014b50 ? 18
              : 4), 2).order(ByteOrder.LITTLE_ENDIAN).getShort()) == wanted.length
          && Arrays.equals(zip, at + nameAt, at + nameAt + wanted.length, wanted, 0,
              wanted.length)) {
        return at;
      }
    }
    throw new IllegalArgumentException("no record for " + name);
  }

  /** Writes the little-endian int {@code value} into {@code bytes} at {@code offset}. */
  static void putInt(byte[] bytes, int offset, int value) {
    ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
  }

  /** Reads the little-endian int of {@code bytes} at {@code offset}. */
  static int getInt(byte[] bytes, int offset) {
    return ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  /** A tar stream without its trailing zero blocks: what comes before the end-of-archive. */
  static byte[] withoutEnd(byte[] tar) {
    int end = tar.length;
    while (end >= 512 && isZero(Arrays.copyOfRange(tar, end - 512, end))) {
      end -= 512;
    }
    return Arrays.copyOf(tar, end);
  }

  /** One gzip member holding {@code bytes}. */
  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** {@code parts} one after the other. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /**
   * {@code tar} with the header of the entry named {@code name} changed by {@code patch}, its
   * checksum then written again when {@code fixChecksum}.
   */
  static byte[] patchHeader(byte[] tar, String name, Consumer<byte[]> patch, boolean fixChecksum) {
    byte[] out = tar.clone();
    byte[] wanted = Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), 100);
    for (int at = 0; at + 512 <= out.length; at += 512) {
      if (Arrays.equals(out, at, at + 100, wanted, 0, 100)) {
        byte[] header = Arrays.copyOfRange(out, at, at + 512);
        patch.accept(header);
        if (fixChecksum) {
          Arrays.fill(header, 148, 156, (byte) ' ');
          TarUtils.formatCheckSumOctalBytes(TarUtils.computeCheckSum(header), header, 148, 8);
        }
        System.arraycopy(header, 0, out, at, 512);
        return out;
      }
    }
    throw new IllegalArgumentException("no header named " + name);
  }

  /** Writes {@code text} (ASCII) into {@code header} at {@code offset}. */
  static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Runs a command (the real {@code tar}, {@code unzip}) in {@code dir}. */
  static PostgresServer.ProcessResult run(Path dir, String... command) {
    List<String> args = new ArrayList<>(List.of("/usr/bin/env", "-C", dir.toString()));
    args.addAll(List.of(command));
    return PostgresServer.run(args, Map.of());
  }

  /** The bytes of {@code path} as extracted under {@code dir}, or null when it is not there. */
  static byte[] extracted(Path dir, String path) throws IOException {
    Path file = dir.resolve(ROOT + path);
    return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
  }

  /** {@code bytes} as a stream. */
  static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
