package dev.strata.cli;

import dev.strata.compiler.Planner;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.ParseCache;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionDraft;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code strata new} and {@code strata merge} share: the versions directory as it is (an
 * existing directory without revision files is an empty graph), the default id of a new revision,
 * and writing a {@link RevisionDraft} so that it never overwrites a file and the directory still
 * loads afterwards.
 */
final class RevisionScaffolder {
  private static final Pattern NUMBER_PREFIX = Pattern.compile("^[0-9]+");
  private static final int MIN_NUMBER_WIDTH = 4;

  private final Path versions;
  private final List<RevisionFile> files;
  private final RevisionGraph graph;

  private RevisionScaffolder(Path versions, List<RevisionFile> files, RevisionGraph graph) {
    this.versions = versions;
    this.files = files;
    this.graph = graph;
  }

  /**
   * Loads {@code versions}: a directory without {@code *.sql} files is an empty graph.
   *
   * @throws DiagnosticException E0207 when it is not a directory, or the revision files' own
   *     parse and graph errors (a directory that does not load gets no new revision)
   */
  static RevisionScaffolder open(Path versions) throws DiagnosticException {
    return open(versions, ParseCache.none());
  }

  /** As {@link #open(Path)}, with the parsed files of {@code cache} ({@link ParseCache}). */
  static RevisionScaffolder open(Path versions, ParseCache cache) throws DiagnosticException {
    List<RevisionFile> files =
        isEmptyDirectory(versions) ? List.of() : VersionsLoader.load(versions, cache);
    return new RevisionScaffolder(versions, files, RevisionGraph.build(files));
  }

  private static boolean isEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.noneMatch(
          p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p));
    } catch (IOException e) {
      return false; // the loader reports it
    }
  }

  RevisionGraph graph() {
    return graph;
  }

  /** A planner over the directory, to resolve what the user typed. */
  Planner planner() {
    return Compilation.of(graph).planner();
  }

  /**
   * The default id for a revision with {@code message}: {@code NNNN_slug}. {@code NNNN} is the
   * highest number prefix (leading digits) among the ids plus one, zero-padded to the widest
   * prefix and at least 4 digits ({@code 0001} in an empty directory); the slug is the message in
   * lowercase with every run of other characters than ASCII letters and digits made one {@code _},
   * trimmed of {@code _}, and cut (between words when it can) so that the id has at most 32
   * characters.
   *
   * @throws DiagnosticException E0520 when the next number alone is longer than 32 digits
   */
  String defaultId(String message) throws DiagnosticException {
    BigInteger highest = BigInteger.ZERO;
    int width = MIN_NUMBER_WIDTH;
    for (RevisionFile file : files) {
      Matcher number = NUMBER_PREFIX.matcher(file.id());
      if (number.find()) {
        highest = highest.max(new BigInteger(number.group()));
        width = Math.max(width, number.group().length());
      }
    }
    String next = highest.add(BigInteger.ONE).toString();
    String number = "0".repeat(Math.max(0, width - next.length())) + next;
    if (number.length() > 32) {
      throw new DiagnosticException(Diagnostic.error("E0520",
          "the next revision number " + number + " is longer than an id may be (32 characters)",
          "help: choose the id with --id ID"));
    }
    String slug = slug(message, 32 - number.length() - 1);
    return slug.isEmpty() ? number : number + "_" + slug;
  }

  /**
   * The message as an id part of at most {@code max} characters (see {@link #defaultId}); a cut
   * that would split a word drops that word, unless it is the first.
   */
  static String slug(String message, int max) {
    String slug = trim(message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
    if (slug.length() <= max) {
      return slug;
    }
    String cut = slug.substring(0, Math.max(0, max));
    int lastBreak = cut.lastIndexOf('_');
    boolean splitsWord = slug.charAt(cut.length()) != '_';
    return trim(splitsWord && lastBreak > 0 ? cut.substring(0, lastBreak) : cut);
  }

  private static String trim(String slug) {
    return slug.replaceAll("^_+|_+$", "");
  }

  /**
   * Refuses an id the directory already has.
   *
   * @throws DiagnosticException E0520, pointing at the existing revision's id
   */
  void requireNewId(String id) throws DiagnosticException {
    RevisionFile existing = graph.revision(id).orElse(null);
    if (existing != null) {
      throw new DiagnosticException(Diagnostic.error("E0520",
          "revision '" + id + "' already exists", existing.source(),
          existing.header().revision().span(),
          "help: choose another id with --id ID, or leave --id out for the next free number"));
    }
  }

  /**
   * Writes {@code draft} as {@code <versions>/<id>.sql}, atomically and never over an existing
   * file, after checking that the directory loads with it.
   *
   * @return the path written, as {@code versions.resolve(name)}
   * @throws DiagnosticException E0520 the id exists, E0521 the file exists (nothing is ever
   *     overwritten), the graph errors the draft would cause (E02xx, pointing into the draft) then
   *     E0526, or E0501 when the file cannot be written
   */
  Path write(RevisionDraft draft) throws DiagnosticException {
    requireNewId(draft.id().value());
    Path target = versions.resolve(draft.fileName());
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw exists(target);
    }
    requireLoads(draft, target);
    try {
      createNew(target, draft.text());
    } catch (FileAlreadyExistsException e) {
      throw exists(target);
    } catch (IOException e) {
      throw OutputFile.cannotWrite(target, e, "--versions names an existing, writable directory");
    }
    return target;
  }

  /**
   * Puts {@code text} at {@code target} only if nothing is there, atomically ({@link
   * AtomicOutput}: written beside it, then hard-linked into place, which refuses an existing name).
   *
   * @throws FileAlreadyExistsException when {@code target} exists
   */
  static void createNew(Path target, String text) throws IOException {
    AtomicOutput.write(target, false, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
  }

  /** The directory with {@code draft} added must still be a graph; the draft is checked last. */
  private void requireLoads(RevisionDraft draft, Path target) throws DiagnosticException {
    List<RevisionFile> withDraft = new ArrayList<>(files);
    withDraft.add(new RevisionFileParser().parse(new SourceFile(target.toString(), draft.text())));
    try {
      RevisionGraph.build(withDraft);
    } catch (DiagnosticException e) {
      List<Diagnostic> problems = new ArrayList<>(e.diagnostics());
      problems.add(Diagnostic.error("E0526",
          "the new revision would not load with the others: nothing was written"));
      throw new DiagnosticException(problems);
    }
  }

  private static DiagnosticException exists(Path target) {
    return new DiagnosticException(Diagnostic.error("E0521",
        "'" + target + "' already exists",
        "help: strata never overwrites a revision file: choose another id with --id ID"));
  }
}
