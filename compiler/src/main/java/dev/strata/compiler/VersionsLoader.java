package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a versions directory: every {@code *.sql} regular file directly in it (not in
 * subdirectories), in file-name order. That order is the tie-breaker of every graph ordering, as
 * Alembic's {@code Script._list_py_dir} sorts file names. Names are compared as Java strings
 * (UTF-16 code units), which equals Python's code-point order for names without characters outside
 * the Basic Multilingual Plane.
 */
public final class VersionsLoader {
  private VersionsLoader() {}

  /**
   * Reads and parses every revision file of {@code dir}, each as UTF-8, reported under the path
   * {@code dir.resolve(name)} (so {@code versions/0003_x.sql} when {@code dir} is {@code
   * versions}).
   *
   * @return the parsed files in file-name order, at least one
   * @throws DiagnosticException E0207 (no location) when {@code dir} is not a readable directory or
   *     a file cannot be read as UTF-8, E0208 (no location) when it holds no {@code *.sql} file,
   *     and otherwise the parse errors of all files together
   */
  public static List<RevisionFile> load(Path dir) throws DiagnosticException {
    RevisionFileParser parser = new RevisionFileParser();
    // Files parse independently and the parser keeps no state, so they are parsed on every core;
    // the ordered stream keeps file-name order for the files and for the diagnostics.
    List<Loaded> loaded = revisionPaths(dir).parallelStream().map(p -> load(parser, p)).toList();
    List<Diagnostic> problems =
        loaded.stream().flatMap(l -> l.problems().stream()).toList();
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return loaded.stream().map(Loaded::file).toList();
  }

  /** One file's outcome: the parsed file, or its problems. */
  private record Loaded(RevisionFile file, List<Diagnostic> problems) {}

  private static Loaded load(RevisionFileParser parser, Path path) {
    try {
      return new Loaded(parser.parse(new SourceFile(path.toString(), read(path))), List.of());
    } catch (DiagnosticException e) {
      return new Loaded(null, e.diagnostics());
    } catch (IOException e) {
      return new Loaded(
          null, List.of(Diagnostic.error("E0207", "cannot read '" + path + "': " + reason(e))));
    }
  }

  /** The {@code *.sql} files directly in {@code dir}, sorted by file name. */
  static List<Path> revisionPaths(Path dir) throws DiagnosticException {
    if (!Files.isDirectory(dir)) {
      throw new DiagnosticException(
          Diagnostic.error(
              "E0207",
              "versions directory '" + dir + "' does not exist or is not a directory",
              "help: run strata in the directory that holds 'versions/', or name it with"
                  + " --versions"));
    }
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> paths =
          entries
              .filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
              .map(p -> p.getFileName().toString())
              .sorted()
              .map(dir::resolve)
              .toList();
      if (paths.isEmpty()) {
        throw new DiagnosticException(
            Diagnostic.error(
                "E0208",
                "no revision files (*.sql) in '" + dir + "'",
                "help: a revision file starts with '-- revision: <id>' and '-- revises: base'"));
      }
      return paths;
    } catch (IOException e) {
      throw new DiagnosticException(
          Diagnostic.error("E0207", "cannot list '" + dir + "': " + reason(e)));
    }
  }

  /** The file as strict UTF-8: malformed bytes are an error, not replacement characters. */
  private static String read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not valid UTF-8", e);
    }
  }

  private static String reason(IOException e) {
    return switch (e) {
      case AccessDeniedException denied -> "permission denied";
      case NoSuchFileException missing -> "no such file";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
