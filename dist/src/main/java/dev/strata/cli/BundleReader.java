package dev.strata.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads what a bundle path holds into memory, entry by entry, without writing anything anywhere:
 * a folder (walked without following links), a {@code .tar.gz} or a {@code .zip}. Names are
 * returned as stored (archive) or relative to the path with {@code /} (folder), unchecked: judging
 * them is {@link BundleVerifier}'s job. At most {@link #MAX_TOTAL_BYTES} of file content is read in
 * all, so that a hostile archive (a zip or gzip bomb) is refused instead of filling the memory.
 */
final class BundleReader {
  /** The most file content a bundle may hold, unpacked: far above any real bundle (1 GiB). */
  static final long MAX_TOTAL_BYTES = 1L << 30;

  private final long limit;
  private long remaining;

  private BundleReader(long limit) {
    this.limit = limit;
    this.remaining = limit;
  }

  /** The next file's content, counted against what is left to read. */
  private byte[] content(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, remaining + 1));
    remaining -= bytes.length;
    if (remaining < 0) {
      throw new IOException("holds more than " + limit + " bytes unpacked, which no strata bundle"
          + " does");
    }
    return bytes;
  }

  /** A folder's file content, counted against what is left to read. */
  private byte[] content(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return content(in);
    }
  }

  /** What an entry is. */
  enum Kind { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

  /** One entry as found: its name, its kind and, for a file, its bytes (else empty). */
  record RawEntry(String name, Kind kind, byte[] content) {}

  /**
   * The entries of {@code path}. A folder that holds {@code SHA256SUMS} is taken as the bundle's
   * top folder itself (its entries are named {@code FOLDER/...}); any other folder as the folder
   * that holds the top folder (what {@code strata bundle -o FOLDER} writes).
   *
   * @throws IOException when the path cannot be read, or is not a folder, .tar.gz or .zip
   */
  static List<RawEntry> read(Path path) throws IOException {
    return read(path, MAX_TOTAL_BYTES);
  }

  /** As {@link #read(Path)}, reading at most {@code limit} bytes of file content. */
  static List<RawEntry> read(Path path, long limit) throws IOException {
    return new BundleReader(limit).entries(path);
  }

  private List<RawEntry> entries(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("no such file or folder");
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return Files.isRegularFile(path.resolve(Bundle.SUMS), LinkOption.NOFOLLOW_LINKS)
          ? folder(path.toAbsolutePath().normalize().getParent(), path.toAbsolutePath().normalize())
          : folder(path, path);
    }
    String name = String.valueOf(path.getFileName());
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return tarGz(path);
    }
    if (name.endsWith(".zip")) {
      return zip(path);
    }
    throw new IOException("not a folder, a .tar.gz or a .zip");
  }

  /** The entries of {@code top} and below, named relative to {@code base}. */
  private List<RawEntry> folder(Path base, Path top) throws IOException {
    List<RawEntry> entries = new ArrayList<>();
    try (Stream<Path> tree = Files.walk(top)) {
      for (Path p : tree.sorted().toList()) {
        if (p.equals(base)) {
          continue;
        }
        String name = base.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        BasicFileAttributes attributes =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Kind kind = attributes.isSymbolicLink() ? Kind.SYMLINK
            : attributes.isDirectory() ? Kind.DIRECTORY
            : !attributes.isRegularFile() ? Kind.OTHER
            : links(p) > 1 ? Kind.HARDLINK
            : Kind.FILE;
        entries.add(new RawEntry(kind == Kind.DIRECTORY ? name + "/" : name, kind,
            kind == Kind.FILE ? content(p) : new byte[0]));
      }
    }
    return entries;
  }

  /** The number of names of a regular file ({@code unix:nlink}), 1 where it cannot be known. */
  private static int links(Path file) {
    try {
      return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 1;
    }
  }

  private List<RawEntry> tarGz(Path path) throws IOException {
    List<RawEntry> entries = new ArrayList<>();
    try (InputStream file = new BufferedInputStream(Files.newInputStream(path));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        Kind kind = e.isSymbolicLink() ? Kind.SYMLINK
            : e.isLink() ? Kind.HARDLINK
            : e.isDirectory() ? Kind.DIRECTORY
            : e.isFile() ? Kind.FILE
            : Kind.OTHER;
        entries.add(new RawEntry(e.getName(), kind,
            kind == Kind.FILE ? content(tar) : new byte[0]));
      }
    }
    return entries;
  }

  private List<RawEntry> zip(Path path) throws IOException {
    List<RawEntry> entries = new ArrayList<>();
    try (ZipFile zip = ZipFile.builder()
        .setSeekableByteChannel(new SeekableInMemoryByteChannel(Files.readAllBytes(path)))
        .get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
        Kind kind = e.isUnixSymlink() ? Kind.SYMLINK
            : e.isDirectory() ? Kind.DIRECTORY
            : Kind.FILE;
        byte[] content = new byte[0];
        if (kind == Kind.FILE) {
          try (InputStream in = zip.getInputStream(e)) {
            content = content(in);
          }
        }
        entries.add(new RawEntry(e.getName(), kind, content));
      }
    }
    return entries;
  }
}
