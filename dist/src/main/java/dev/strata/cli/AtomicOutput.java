package dev.strata.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Puts a new file or folder at a path atomically: it is written under a temporary name beside the
 * path ({@code .NAME.strata-tmp-<pid>-<16 hex digits>}, created with the process's umask) and
 * renamed into place only once complete. A failure, or an interrupt (a shutdown hook removes the
 * temporary), leaves nothing new behind; a process killed outright ({@code kill -9}) leaves its
 * temporary, which the next write of the same path removes once no process with that pid runs
 * (see {@link #removeStale}). An existing path is kept unless {@code force}: a new file is hard-linked into
 * place ({@code link(2)} refuses an existing name in one step, so nothing created meanwhile is
 * replaced; where the file system has no hard links it is moved without replacing), a new folder
 * is renamed in after a check. With {@code force} a file is replaced by one atomic rename, and a
 * folder (or anything replaced by a folder) is moved aside, the new one moved in, and the old one
 * deleted. A path that is the working directory or holds it is refused whatever {@code force}.
 */
final class AtomicOutput {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The kind of a temporary in its name: {@code .NAME.strata-tmp-<pid>-<hex>}. */
  static final String TEMP = "strata-tmp";

  /** The kind of a replaced folder moved aside: {@code .NAME.strata-old-<pid>-<hex>}. */
  static final String ASIDE = "strata-old";

  private AtomicOutput() {}

  /** Writes the new content at {@code temp}, which does not exist yet (a file or a folder). */
  @FunctionalInterface
  interface Content {
    void writeTo(Path temp) throws IOException;
  }

  /**
   * Writes {@code content} at {@code target}.
   *
   * @throws FileAlreadyExistsException when {@code target} exists (even as a dangling link) and
   *     {@code force} is false; nothing is written then
   * @throws IOException when writing or moving fails; {@code target} is as it was
   */
  static void write(Path target, boolean force, Content content) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (holdsWorkingDirectory(located(target))) {
      // replacing it (a folder with --force) would delete the directory strata runs in
      throw new FileSystemException(target.toString(), null,
          "it is the working directory or a folder that holds it");
    }
    requireAbsentUnlessForced(absolute, target, force);
    removeStale(absolute);
    Path temp = sibling(absolute, TEMP);
    Thread cleanup = new Thread(() -> deleteQuietly(temp), "strata-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      content.writeTo(temp);
      if (!force && Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
        linkNew(temp, absolute);
      } else {
        requireAbsentUnlessForced(absolute, target, force);
        install(temp, absolute);
      }
    } finally {
      deleteQuietly(temp);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: it removes the temporary itself
      }
    }
  }

  private static void requireAbsentUnlessForced(Path absolute, Path target, boolean force)
      throws FileAlreadyExistsException {
    if (!force && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
  }

  /**
   * Puts the file {@code temp} at {@code target} only if nothing is there, in one step.
   *
   * @throws FileAlreadyExistsException when {@code target} exists
   */
  private static void linkNew(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | IOException noLinks) {
      Files.move(temp, target); // without REPLACE_EXISTING: an existing target is refused
    }
  }

  /** Moves {@code temp} to {@code target}, replacing what is there. */
  private static void install(Path temp, Path target) throws IOException {
    boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    if (!exists || !(Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(temp, LinkOption.NOFOLLOW_LINKS))) {
      move(temp, target);
      return;
    }
    Path aside = sibling(target, ASIDE);
    move(target, aside);
    try {
      move(temp, target);
    } catch (IOException e) {
      move(aside, target);
      throw e;
    }
    deleteQuietly(aside);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Whether {@code located} (as {@link #located} gives it) is the working directory or a folder
   * that holds it (the root among them): replacing it would delete the directory strata runs in.
   */
  static boolean holdsWorkingDirectory(Path located) {
    return real(Path.of("")).startsWith(located);
  }

  /**
   * {@code path} as a write resolves it: absolute, its folder with every link followed, its own
   * name as it is.
   */
  static Path located(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    return parent == null || absolute.getFileName() == null
        ? absolute : real(parent).resolve(absolute.getFileName());
  }

  /** {@code path} absolute with every link followed, as far as it exists. */
  static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException | SecurityException e) {
      Path parent = absolute.getParent();
      return parent == null ? absolute : real(parent).resolve(absolute.getFileName());
    }
  }

  /** A new name beside {@code path}: {@code .NAME.KIND-<pid>-<16 hex digits>}. */
  static Path sibling(Path path, String kind) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return path.resolveSibling("." + path.getFileName() + "." + kind + "-"
        + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random));
  }

  /**
   * Deletes what earlier writes of {@code target} left when their process was killed: the
   * siblings named {@code .NAME.strata-tmp-<pid>-<hex>} (a temporary) or {@code
   * .NAME.strata-old-<pid>-<hex>} (a replaced folder moved aside) whose process {@code <pid>} no
   * longer runs on this machine. Those of a running process (perhaps another write of the same
   * path) are kept; so are those of a process whose pid is in use again. Best effort: what cannot
   * be listed or deleted stays.
   */
  static void removeStale(Path target) {
    String prefix = "." + target.getFileName() + ".";
    Pattern leftover = Pattern.compile(
        Pattern.quote(prefix) + "(?:" + TEMP + "|" + ASIDE + ")-([0-9]{1,18})-[0-9a-f]{16}");
    Path dir = target.getParent();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(dir, e -> e.getFileName().toString().startsWith(prefix))) {
      for (Path entry : entries) {
        Matcher name = leftover.matcher(entry.getFileName().toString());
        if (name.matches() && !running(Long.parseLong(name.group(1)))) {
          deleteQuietly(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort: a leftover stays until a later write of the same path removes it
    }
  }

  private static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Deletes a file or a folder tree (links themselves, never what they point to); best effort. */
  static void deleteQuietly(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      // best effort: a leftover is named .NAME.strata-tmp-<pid>-<hex>, removed by the next write
    }
  }
}
