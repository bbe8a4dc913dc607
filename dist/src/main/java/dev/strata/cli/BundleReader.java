package dev.strata.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a bundle path holds, entry by entry, streaming, without writing anything anywhere: a
 * folder (walked without following links), a {@code .tar.gz} ({@link TarGzReader}) or a {@code
 * .zip} ({@link ZipReader}). Each entry goes to a {@link Sink} with a stream of its content, which
 * is never held whole. Names are given as stored (archive) or relative to the path with {@code /}
 * (folder); judging them is the sink's job. The archive readers refuse, as {@link
 * BundleProblem.Kind#ARCHIVE}, anything that {@code tar} or {@code unzip} could read otherwise, and
 * everything read counts against a {@link ReadBudget}.
 */
final class BundleReader {
  private BundleReader() {}

  /** What an entry is. */
  enum Kind { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

  /**
   * One entry as found.
   *
   * @param name as stored; a folder's name ends with {@code /} in a folder bundle
   * @param kind what it is
   * @param size its content's length in bytes (0 for anything but a file)
   */
  record RawEntry(String name, Kind kind, long size) {}

  /** Receives the entries in the order they are stored. */
  @FunctionalInterface
  interface Sink {
    /**
     * One entry; {@code content} gives exactly its {@code size} bytes and is valid only during the
     * call. What the sink leaves unread is read and counted after it returns.
     */
    void accept(RawEntry entry, InputStream content) throws IOException, BundleProblem;
  }

  /**
   * Reads {@code path} into {@code sink}. A folder that holds {@code MANIFEST.json} is taken as the
   * bundle's top folder itself (its entries are named {@code FOLDER/...}); a folder with one
   * subfolder that holds it, as the folder that holds the top folder (what {@code strata bundle -o
   * FOLDER} writes).
   *
   * @throws BundleProblem when the archive is malformed, too large, or a folder holds no bundle
   * @throws IOException when the path cannot be read, or is not a folder, .tar.gz or .zip
   */
  static void read(Path path, ReadBudget budget, Sink sink) throws IOException, BundleProblem {
    try {
      dispatch(path, budget, sink);
    } catch (BundleProblem.Carried e) {
      throw e.problem();
    }
  }

  private static void dispatch(Path given, ReadBudget budget, Sink sink)
      throws IOException, BundleProblem {
    if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("no such file or folder");
    }
    // PATH itself may be a link (to the folder or archive a release step made); links inside a
    // bundle are refused as entries
    Path path = Files.isSymbolicLink(given) ? given.toRealPath() : given;
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Path top = path.toAbsolutePath().normalize();
      if (Files.exists(top.resolve(Bundle.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
        new FolderWalk(budget, sink).walk(top.getParent(), top);
      } else if (holdsOneBundle(top)) {
        new FolderWalk(budget, sink).walk(top, top);
      } else {
        throw new BundleProblem(BundleProblem.Kind.NOT_A_BUNDLE,
            "not a strata bundle (no " + Bundle.MANIFEST + ")");
      }
      return;
    }
    String name = String.valueOf(path.getFileName());
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      TarGzReader.read(path, budget, sink);
    } else if (name.endsWith(".zip")) {
      ZipReader.read(path, budget, sink);
    } else {
      throw new IOException("not a folder, a .tar.gz or a .zip");
    }
  }

  /** Whether exactly one subfolder of {@code folder} (not a link) holds a MANIFEST.json. */
  private static boolean holdsOneBundle(Path folder) throws IOException {
    int bundles = 0;
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
            && Files.exists(child.resolve(Bundle.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
          bundles++;
        }
      }
    }
    return bundles == 1;
  }

  /** Reads {@code in} to its end through a small buffer (not one of 16 KiB per entry). */
  static void drain(InputStream in) throws IOException {
    byte[] sink = new byte[512];
    while (in.read(sink) >= 0) {
      // what the sink left is read, and counted, all the same
    }
  }

  /** Walks a folder depth first, children sorted by name, each listing counted as kept. */
  private record FolderWalk(ReadBudget budget, Sink sink) {
    /** The entries of {@code folder} and below, named relative to {@code base}. */
    void walk(Path base, Path folder) throws IOException, BundleProblem {
      if (!folder.equals(base)) {
        sink.accept(new RawEntry(name(base, folder) + "/", Kind.DIRECTORY, 0),
            InputStream.nullInputStream());
      }
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
        for (Path child : listing) {
          budget.keepEntry(child.getFileName().toString().length());
          children.add(child);
        }
      }
      children.sort(null);
      for (Path child : children) {
        BasicFileAttributes attributes =
            Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()) {
          walk(base, child);
        } else {
          file(base, child, attributes);
        }
      }
    }

    private void file(Path base, Path file, BasicFileAttributes attributes)
        throws IOException, BundleProblem {
      String name = name(base, file);
      Kind kind = attributes.isSymbolicLink() ? Kind.SYMLINK
          : !attributes.isRegularFile() ? Kind.OTHER
          : links(file) > 1 ? Kind.HARDLINK
          : Kind.FILE;
      if (kind != Kind.FILE) {
        sink.accept(new RawEntry(name, kind, 0), InputStream.nullInputStream());
        return;
      }
      budget.declare(name, attributes.size());
      try (InputStream in =
          budget.counting(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS))) {
        sink.accept(new RawEntry(name, kind, attributes.size()), in);
        drain(in);
      }
    }

    private static String name(Path base, Path p) {
      return base.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    /** The number of names of a regular file ({@code unix:nlink}), 1 where it cannot be known. */
    private static int links(Path file) {
      try {
        return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS))
            .intValue();
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return 1;
      }
    }
  }
}
