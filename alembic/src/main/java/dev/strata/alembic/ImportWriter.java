package dev.strata.alembic;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the files of an import all or nothing. They are written to a temporary directory beside
 * the output directory ({@code .NAME.strata-import-*}, in the same parent, so on the same file
 * system); then a missing output directory is the temporary one renamed, and an existing one gets
 * each file moved in. A failure while moving puts back what was there: the files moved in are
 * removed, the files they replaced (with {@code force}) restored. The temporary directory is
 * removed in every case.
 */
final class ImportWriter {
  private ImportWriter() {}

  /**
   * Writes {@code files} into {@code output}.
   *
   * @throws DiagnosticException E0714 for each file that exists already in {@code output}, when
   *     not {@code force} (nothing is written)
   * @throws IOException when a write fails (nothing is left written)
   */
  static void write(Path output, List<ImportedRevision> files, boolean force)
      throws DiagnosticException, IOException {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw AlembicCode.OUTPUT_EXISTS.fail("output '" + output + "' exists and is not a directory",
          "help: name a directory with -o");
    }
    if (!force) {
      List<Diagnostic> existing = new ArrayList<>();
      for (ImportedRevision file : files) {
        Path target = output.resolve(file.name());
        if (Files.exists(target)) {
          existing.add(Diagnostic.error(AlembicCode.OUTPUT_EXISTS.code(),
              "'" + target + "' exists already",
              "help: import into another directory with -o, or replace the files with --force"));
        }
      }
      if (!existing.isEmpty()) {
        throw new DiagnosticException(existing);
      }
    }
    Path absolute = output.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".strata-import-");
    try {
      Path staged = temp.resolve("files");
      Files.createDirectory(staged);
      for (ImportedRevision file : files) {
        Files.writeString(staged.resolve(file.name()), file.text(), StandardCharsets.UTF_8);
      }
      if (!Files.exists(absolute)) {
        move(staged, absolute);
      } else {
        moveInto(staged, absolute, files, temp.resolve("replaced"), force);
      }
    } finally {
      deleteTree(temp);
    }
  }

  private static void moveInto(Path staged, Path output, List<ImportedRevision> files,
      Path replaced, boolean force) throws IOException {
    Files.createDirectory(replaced);
    List<String> movedIn = new ArrayList<>();
    List<String> movedAside = new ArrayList<>();
    try {
      for (ImportedRevision file : files) {
        Path target = output.resolve(file.name());
        if (force && Files.exists(target)) {
          move(target, replaced.resolve(file.name()));
          movedAside.add(file.name());
        }
        move(staged.resolve(file.name()), target);
        movedIn.add(file.name());
      }
    } catch (IOException | RuntimeException e) {
      for (String name : movedIn) {
        Files.deleteIfExists(output.resolve(name));
      }
      for (String name : movedAside) {
        move(replaced.resolve(name), output.resolve(name));
      }
      throw e;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
