package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.PrintableText;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.TodoMarks;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
   *     a file cannot be read, E0207 at the first bad byte of a file that is not UTF-8, E0208 (no
   *     location) when it holds no {@code *.sql} file, and otherwise the parse errors of all files
   *     together, with the {@link TodoMarks#problems} (E0155, a {@code -- +todo} placeholder) and
   *     the {@link DowngradeRules#problems} of the files that parse
   */
  public static List<RevisionFile> load(Path dir) throws DiagnosticException {
    return load(dir, ParseCache.none());
  }

  /**
   * As {@link #load(Path)}, taking the trees of unchanged files from {@code cache} and storing
   * those it parses there ({@link ParseCache}); the result and the diagnostics are those of {@link
   * #load(Path)}.
   */
  public static List<RevisionFile> load(Path dir, ParseCache cache) throws DiagnosticException {
    Contents contents = read(dir, cache);
    if (!contents.diagnostics().isEmpty()) {
      throw new DiagnosticException(contents.diagnostics());
    }
    return contents.files();
  }

  /**
   * Everything in a versions directory, whatever is wrong with its files (for {@code strata
   * check}, which reports every problem at once).
   *
   * @param sources every revision file that could be read, as read, in file-name order (including
   *     those that do not parse)
   * @param files the revision files that parsed, in file-name order (including those with {@link
   *     DowngradeRules#problems})
   * @param diagnostics the parse errors of every file, the {@link DowngradeRules#problems} of
   *     those that parse, and an E0207 per unreadable file, in file-name order
   * @param others the names of the directory's other entries, sorted: files not ending in {@code
   *     .sql} (such as {@code strata.sum}), and folders, each with a trailing {@code /}
   */
  public record Contents(
      List<SourceFile> sources,
      List<RevisionFile> files,
      List<Diagnostic> diagnostics,
      List<String> others) {
    public Contents {
      sources = List.copyOf(sources);
      files = List.copyOf(files);
      diagnostics = List.copyOf(diagnostics);
      others = List.copyOf(others);
    }
  }

  /**
   * Reads and parses every revision file of {@code dir} as {@link #load} does, keeping the files
   * that parse and the problems of those that do not.
   *
   * @throws DiagnosticException only for the directory itself: E0207 when it is not a readable
   *     directory, E0208 when it holds no {@code *.sql} file
   */
  public static Contents read(Path dir) throws DiagnosticException {
    return read(dir, ParseCache.none());
  }

  /**
   * As {@link #read(Path)}, taking the trees of unchanged files from {@code cache} and storing
   * those it parses there ({@link ParseCache}); the contents are those of {@link #read(Path)}.
   */
  public static Contents read(Path dir, ParseCache cache) throws DiagnosticException {
    return readCounting(dir, cache).contents();
  }

  /** The contents of a directory and what the cache did for them (for tests and bench/). */
  public record Counted(Contents contents, ParseCache.Stats stats) {}

  /** As {@link #read(Path, ParseCache)}, also saying how many files the cache served. */
  public static Counted readCounting(Path dir, ParseCache cache) throws DiagnosticException {
    Listing listing = list(dir);
    ParseCache.Session session = cache.open(dir);
    // Files parse independently and the parser keeps no state, so they are parsed on every core;
    // the ordered stream keeps file-name order for the files and for the diagnostics.
    List<Loaded> loaded;
    try {
      loaded = listing.revisions().parallelStream().map(p -> load(session, p)).toList();
    } catch (RuntimeException | Error e) {
      session.abandon();
      throw e;
    }
    List<SourceFile> sources = new ArrayList<>();
    List<RevisionFile> files = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Loaded one : loaded) {
      one.source().ifPresent(sources::add);
      one.file().ifPresent(files::add);
      problems.addAll(one.problems());
    }
    ParseCache.Stats stats = session.close(
        listing.revisions().stream().map(p -> p.getFileName().toString()).toList());
    return new Counted(new Contents(sources, files, problems, listing.others()), stats);
  }

  /** The parser, made when a file is first parsed (a run served by the cache needs none). */
  private static final class Parser {
    static final RevisionFileParser INSTANCE = new RevisionFileParser();
  }

  /**
   * Reads the headers of every revision file of {@code dir}, as {@link #load} does but without
   * reading their sections: what {@link RevisionGraph#build} needs, for the commands that read the
   * graph only ({@code strata heads}, {@code history}, {@code branches}, {@code graph}), which
   * thus never load the statement parser. Each file's {@link RevisionFile#upgrade()} is an empty
   * section at line 1, its downgrade and todos empty: they are not read, so such a file must not
   * be compiled.
   *
   * @return the files in file-name order, at least one, with their headers and sources
   * @throws DiagnosticException E0207 and E0208 as {@link #load}, and otherwise the header errors
   *     of all files together (each file's first, as {@link RevisionFileParser#parse} reports
   *     it); problems after a file's header are not seen
   */
  public static List<RevisionFile> loadHeaders(Path dir) throws DiagnosticException {
    Listing listing = list(dir);
    RevisionFileParser parser = new RevisionFileParser();
    List<Loaded> loaded =
        listing.revisions().parallelStream().map(p -> loadHeader(parser, p)).toList();
    List<RevisionFile> files = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Loaded one : loaded) {
      one.file().ifPresent(files::add);
      problems.addAll(one.problems());
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return files;
  }

  private static Loaded loadHeader(RevisionFileParser parser, Path path) {
    SourceFile source;
    try {
      source = SourceFile.decode(path.toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      return new Loaded(Optional.empty(), Optional.empty(),
          List.of(Diagnostic.error("E0207", "cannot read '" + path + "': " + reason(path, e))));
    } catch (DiagnosticException notUtf8) {
      return new Loaded(Optional.empty(), Optional.empty(), notUtf8.diagnostics());
    }
    try {
      Section unread = new Section(Direction.UPGRADE, List.of(), new Span(1, 1, 1));
      RevisionFile file =
          new RevisionFile(source, parser.parseHeader(source), unread, Optional.empty());
      return new Loaded(Optional.of(source), Optional.of(file), List.of());
    } catch (DiagnosticException e) {
      return new Loaded(Optional.of(source), Optional.empty(), e.diagnostics());
    }
  }

  /** One file's outcome: its text when it could be read, the parsed file, or its problems. */
  private record Loaded(
      Optional<SourceFile> source, Optional<RevisionFile> file, List<Diagnostic> problems) {}

  private static Loaded load(ParseCache.Session cache, Path path) {
    SourceFile source;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
      source = SourceFile.decode(path.toString(), bytes);
    } catch (IOException e) {
      return new Loaded(Optional.empty(), Optional.empty(),
          List.of(Diagnostic.error("E0207", "cannot read '" + path + "': " + reason(path, e))));
    } catch (DiagnosticException notUtf8) {
      return new Loaded(Optional.empty(), Optional.empty(), notUtf8.diagnostics());
    }
    String name = path.getFileName().toString();
    try {
      Optional<RevisionFile> cached = cache.lookup(name, bytes, source);
      RevisionFile file;
      if (cached.isPresent()) {
        file = cached.get();
      } else {
        // kept encoded until read (PackedStatements), and stored in the cache as those bytes
        file = AstOutput.packed(Parser.INSTANCE.parse(source));
        cache.store(name, bytes, file);
      }
      List<Diagnostic> problems = new ArrayList<>(TodoMarks.problems(file));
      problems.addAll(DowngradeRules.problems(file));
      return new Loaded(Optional.of(source), Optional.of(file), problems);
    } catch (DiagnosticException e) {
      return new Loaded(Optional.of(source), Optional.empty(), e.diagnostics());
    }
  }

  /** A directory's entries: the revision files (sorted paths) and the other names (sorted). */
  private record Listing(List<Path> revisions, List<String> others) {}

  /** The {@code *.sql} files directly in {@code dir}, sorted by file name. */
  static List<Path> revisionPaths(Path dir) throws DiagnosticException {
    return list(dir).revisions();
  }

  private static Listing list(Path dir) throws DiagnosticException {
    if (!Files.isDirectory(dir)) {
      throw new DiagnosticException(
          Diagnostic.error(
              "E0207",
              "versions directory '" + dir + "' does not exist or is not a directory",
              "help: run strata in the directory that holds 'versions/', or name it with"
                  + " --versions"));
    }
    requirePrintable(dir.toString(), "the versions directory's path");
    List<String> revisions = new ArrayList<>();
    List<String> others = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        // a symbolic link named like a revision file is one, also when it leads nowhere: it is
        // then reported as a file that cannot be read (E0207), never left out of the graph
        if (name.endsWith(".sql") && (Files.isRegularFile(entry)
            || Files.isSymbolicLink(entry) && !Files.isDirectory(entry))) {
          requirePrintable(name, "revision file name");
          revisions.add(name);
        } else {
          others.add(Files.isDirectory(entry) ? name + "/" : name);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new DiagnosticException(
          Diagnostic.error("E0207", "cannot list '" + dir + "': " + reason(cause)));
    }
    if (revisions.isEmpty()) {
      throw new DiagnosticException(
          Diagnostic.error(
              "E0208",
              "no revision files (*.sql) in '" + dir + "'",
              "help: a revision file starts with '-- revision: <id>' and '-- revises: base'"));
    }
    Collections.sort(revisions);
    Collections.sort(others);
    return new Listing(revisions.stream().map(dir::resolve).toList(), others);
  }

  /**
   * E0217 when {@code text} (a revision file's name, the versions directory's path) holds a line
   * break or another control character but a tab: strata prints paths in its scripts' comments
   * ({@code strata schema}'s notes name a file), where a line break would end the comment and run
   * the rest of the name as SQL. The message shows the name with Java escapes.
   */
  private static void requirePrintable(String text, String what) throws DiagnosticException {
    int i = PrintableText.firstControl(text);
    if (i >= 0) {
      throw new DiagnosticException(Diagnostic.error("E0217", what + " '"
              + PrintableText.escaped(text) + "' holds " + PrintableText.name(text.charAt(i))
              + ": strata prints paths in its scripts' comments, where it would break the line",
          "help: rename it without the control character"));
    }
  }

  /** Why {@code path} cannot be read: {@link #reason(IOException)}, or where a link leads. */
  private static String reason(Path path, IOException e) {
    if (e instanceof NoSuchFileException && Files.isSymbolicLink(path)) {
      try {
        return "it is a symbolic link to '" + Files.readSymbolicLink(path) + "', which does not"
            + " exist";
      } catch (IOException | UnsupportedOperationException ignored) {
        // the link went away meanwhile: say what the read said
      }
    }
    return reason(e);
  }

  private static String reason(IOException e) {
    return switch (e) {
      case AccessDeniedException denied -> "permission denied";
      case NoSuchFileException missing -> "no such file";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
