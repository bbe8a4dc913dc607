package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Location;
import dev.strata.grammar.Severity;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lock file {@code strata.sum} of a versions directory: one line per revision file, in file
 * order, with a SHA-256 of its normalised text chained to the lines before it, under a first line
 * holding the total of all lines (the shape of Atlas's {@code atlas.sum}). The format is specified
 * in {@code docs/lock-file.md}.
 *
 * <p>Verifying walks the directory's files in order: each locked file must hash, from the recorded
 * hash of the line above its own, to its own line's hash. So an edited file breaks only its own
 * line (E0209), and a file can be neither moved to another place in the order (renamed, E0211) nor
 * slipped in between locked files (E0212) unnoticed. Codes: E0209-E0213 errors, W0205 a revision
 * not locked yet.
 */
public final class LockFile {
  /** The lock file's name inside the versions directory. */
  public static final String NAME = "strata.sum";

  private static final String HASH_FORMAT = "h1:[A-Za-z0-9+/]{43}=";
  private static final Pattern TOTAL = Pattern.compile(HASH_FORMAT);
  private static final Pattern LINE =
      Pattern.compile("([^/\\\\]+\\.sql) (" + HASH_FORMAT + ")");
  private static final String REPAIR =
      "help: do not edit it by hand; run 'strata lock' to write it again";

  /** One revision line: the file name, its chained hash, and the line number (1-based). */
  private record Entry(String name, byte[] hash, int line) {}

  private final SourceFile source;
  private final List<Entry> entries;
  private final Map<String, Integer> byName = new HashMap<>();

  private LockFile(SourceFile source, List<Entry> entries) {
    this.source = source;
    this.entries = List.copyOf(entries);
    for (int i = 0; i < entries.size(); i++) {
      byName.put(entries.get(i).name(), i);
    }
  }

  /**
   * The lock file of {@code revisions} (each named by the last part of its path), as {@code
   * strata lock} writes it into {@code dir}.
   */
  public static LockFile of(Path dir, List<SourceFile> revisions) {
    List<SourceFile> sorted = sorted(revisions);
    List<byte[]> contents = LockHash.contents(sorted);
    List<Entry> entries = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    byte[] previous = LockHash.START;
    for (int i = 0; i < sorted.size(); i++) {
      String name = name(sorted.get(i));
      previous = LockHash.link(previous, name, contents.get(i));
      entries.add(new Entry(name, previous, i + 2));
      lines.append(name).append(' ').append(LockHash.encode(previous)).append('\n');
    }
    String text = LockHash.total(lines.toString()) + "\n" + lines;
    return new LockFile(new SourceFile(dir.resolve(NAME).toString(), text), entries);
  }

  /**
   * Reads {@code dir/strata.sum}.
   *
   * @return empty when there is no such file
   * @throws DiagnosticException E0207 when it cannot be read (at the first bad byte when it is not
   *     UTF-8), E0213 for each malformed or
   *     out-of-order line, or when the total on line 1 does not match the lines
   */
  public static Optional<LockFile> read(Path dir) throws DiagnosticException {
    Path path = dir.resolve(NAME);
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    SourceFile source;
    try {
      source = SourceFile.decode(path.toString(), Files.readAllBytes(path));
    } catch (DiagnosticException notUtf8) {
      Diagnostic d = notUtf8.diagnostics().getFirst();
      throw new DiagnosticException(
          new Diagnostic(d.severity(), d.code(), d.message(), d.location(), List.of(REPAIR)));
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.error("E0207", "cannot read '" + path + "': "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }
    return Optional.of(parse(source));
  }

  /**
   * Reads {@code dir/strata.sum} when there is one and verifies {@code files} against it, as
   * {@code upgrade}, {@code downgrade} and {@code bundle} do: revisions not locked yet are allowed.
   *
   * @return the lock file, empty when there is none
   * @throws DiagnosticException the errors of {@link #read} and of {@link #verify}
   */
  public static Optional<LockFile> verified(Path dir, List<RevisionFile> files)
      throws DiagnosticException {
    Optional<LockFile> lock = read(dir);
    if (lock.isPresent()) {
      List<Diagnostic> errors =
          lock.get().verify(files.stream().map(RevisionFile::source).toList()).stream()
              .filter(d -> d.severity() == Severity.ERROR)
              .toList();
      if (!errors.isEmpty()) {
        throw new DiagnosticException(errors);
      }
    }
    return lock;
  }

  /** The file as written or read: its path ({@code dir/strata.sum}) and text. */
  public SourceFile source() {
    return source;
  }

  /** The names of the locked revision files, in file order. */
  public List<String> names() {
    return entries.stream().map(Entry::name).toList();
  }

  /**
   * Checks the revision files of the directory (all of them, each named by the last part of its
   * path) against this lock, in file order. Each locked file must be present (else E0210, at its
   * line here) with the text it had (else E0209, at line 1 of the file); a file that is not
   * locked is the renamed copy of a missing locked file (E0211), or sorts before a locked file
   * (E0212), or is new after the last locked file (warning W0205, normal while a revision is being
   * written).
   *
   * @return the diagnostics in file-name order, locked files and present files merged
   */
  public List<Diagnostic> verify(List<SourceFile> revisions) {
    List<SourceFile> files = sorted(revisions);
    List<byte[]> contents = LockHash.contents(files);
    Map<String, Integer> renamedFrom = renames(files, contents);
    Set<Integer> renamed = new HashSet<>(renamedFrom.values());
    List<Diagnostic> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < files.size(); i++) {
      SourceFile file = files.get(i);
      String name = name(file);
      Integer k = byName.get(name);
      if (k != null) {
        for (; next < k; next++) {
          missing(next, renamed).ifPresent(out::add);
        }
        if (!unchanged(k, name, contents.get(i))) {
          out.add(edited(file, entries.get(k)));
        }
        next = k + 1;
        continue;
      }
      for (; next < entries.size() && entries.get(next).name().compareTo(name) < 0; next++) {
        missing(next, renamed).ifPresent(out::add);
      }
      if (renamedFrom.containsKey(name)) {
        out.add(renamed(file, entries.get(renamedFrom.get(name))));
      } else if (next < entries.size()) {
        out.add(inserted(file, entries.get(next).name()));
      } else {
        out.add(notLocked(file));
      }
    }
    for (; next < entries.size(); next++) {
      missing(next, renamed).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /** What {@code strata lock} changes: one change of a file against this lock. */
  public record Change(Kind kind, String name) {
    /** How a file differs from the lock. */
    public enum Kind {
      ADDED,
      CHANGED,
      REMOVED
    }
  }

  /**
   * How {@code revisions} differ from this lock, file by file, in file-name order: files not
   * locked here ({@code ADDED}), locked files whose normalised text differs ({@code CHANGED}), and
   * locked files absent from {@code revisions} ({@code REMOVED}). A renamed file is removed under
   * its old name and added under its new one.
   */
  public List<Change> changes(List<SourceFile> revisions) {
    List<SourceFile> files = sorted(revisions);
    List<byte[]> contents = LockHash.contents(files);
    List<Change> changes = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      String name = name(files.get(i));
      present.add(name);
      Integer k = byName.get(name);
      if (k == null) {
        changes.add(new Change(Change.Kind.ADDED, name));
      } else if (!unchanged(k, name, contents.get(i))) {
        changes.add(new Change(Change.Kind.CHANGED, name));
      }
    }
    for (Entry entry : entries) {
      if (!present.contains(entry.name())) {
        changes.add(new Change(Change.Kind.REMOVED, entry.name()));
      }
    }
    changes.sort(Comparator.comparing(Change::name));
    return List.copyOf(changes);
  }

  // ---- reading -----------------------------------------------------------------------------

  private static LockFile parse(SourceFile source) throws DiagnosticException {
    List<String> lines = source.lines();
    List<Diagnostic> problems = new ArrayList<>();
    if (lines.isEmpty()) {
      throw new DiagnosticException(corrupted(source, 1, "it is empty"));
    }
    if (!TOTAL.matcher(lines.get(0)).matches()) {
      problems.add(corrupted(source, 1, "expected the total 'h1:<hash>' on line 1"));
    }
    List<Entry> entries = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int n = 2; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      body.append(line).append('\n');
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        problems.add(corrupted(source, n, "expected '<file>.sql h1:<hash>' on line " + n));
      } else if (!entries.isEmpty() && m.group(1).compareTo(entries.getLast().name()) <= 0) {
        problems.add(corrupted(source, n, "'" + m.group(1) + "' is not after '"
            + entries.getLast().name() + "': the lines are in file-name order, each file once"));
      } else {
        entries.add(new Entry(m.group(1), LockHash.decode(m.group(2)), n));
      }
    }
    if (problems.isEmpty()
        && !lines.get(0).equals(LockHash.total(body.toString()))) {
      problems.add(corrupted(source, 1, "the total on line 1 does not match the lines below it"));
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new LockFile(source, entries);
  }

  private static Diagnostic corrupted(SourceFile source, int line, String why) {
    return Diagnostic.error("E0213", "corrupted lock file: " + why, source, wholeLine(source, line),
        REPAIR);
  }

  // ---- verifying ---------------------------------------------------------------------------

  /**
   * For each file that is not locked but hashes as a missing locked file under that file's name
   * and place in the chain: the missing file's entry. Only unlocked files are tried, so the cost
   * is (missing files) x (new files), both few.
   */
  private Map<String, Integer> renames(List<SourceFile> files, List<byte[]> contents) {
    Set<String> present = new HashSet<>();
    List<Integer> unlocked = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name = name(files.get(i));
      present.add(name);
      if (!byName.containsKey(name)) {
        unlocked.add(i);
      }
    }
    Map<String, Integer> renamedFrom = new HashMap<>();
    for (int k = 0; k < entries.size() && !unlocked.isEmpty(); k++) {
      Entry entry = entries.get(k);
      if (present.contains(entry.name())) {
        continue;
      }
      for (int i : unlocked) {
        String name = name(files.get(i));
        if (!renamedFrom.containsKey(name)
            && unchanged(k, entry.name(), contents.get(i))) {
          renamedFrom.put(name, k);
          break;
        }
      }
    }
    return renamedFrom;
  }

  /**
   * Whether entry {@code k} holds a file named {@code name} with this content hash: its link
   * from the hash recorded on the line above (not recomputed, so an edit breaks one line only).
   */
  private boolean unchanged(int k, String name, byte[] content) {
    byte[] previous = k == 0 ? LockHash.START : entries.get(k - 1).hash();
    return Arrays.equals(LockHash.link(previous, name, content), entries.get(k).hash());
  }

  private String lockedAt(Entry entry) {
    return "note: locked at " + new Location(source, Span.at(entry.line(), 1)).describe();
  }

  private Optional<Diagnostic> missing(int k, Set<Integer> renamed) {
    if (renamed.contains(k)) {
      return Optional.empty();
    }
    Entry entry = entries.get(k);
    return Optional.of(Diagnostic.error("E0210",
        "locked revision file '" + entry.name() + "' is missing",
        source, new Span(entry.line(), 1, entry.name().length()),
        "help: restore it; if it was removed on purpose, run 'strata lock' to accept it"));
  }

  private Diagnostic edited(SourceFile file, Entry entry) {
    return Diagnostic.error("E0209",
        "revision file '" + entry.name() + "' changed after it was locked",
        file, wholeLine(file, 1), lockedAt(entry),
        "help: if the change is intended, run 'strata lock' to accept it");
  }

  private Diagnostic renamed(SourceFile file, Entry entry) {
    return Diagnostic.error("E0211",
        "revision file '" + name(file) + "' is the locked file '" + entry.name() + "' renamed",
        file, wholeLine(file, 1), lockedAt(entry),
        "help: file names set the order of revisions: rename it back; if the new name is"
            + " intended, run 'strata lock' to accept it");
  }

  private Diagnostic inserted(SourceFile file, String before) {
    return Diagnostic.error("E0212",
        "revision file '" + name(file) + "' is not locked and sorts before the locked file '"
            + before + "'",
        file, wholeLine(file, 1),
        "help: name a new revision so that it sorts after '" + entries.getLast().name()
            + "', the last locked file; if the insertion is intended, run 'strata lock' to"
            + " accept it");
  }

  private static Diagnostic notLocked(SourceFile file) {
    return new Diagnostic(Severity.WARNING, "W0205",
        "revision file '" + name(file) + "' is not locked yet",
        Optional.of(new Location(file, wholeLine(file, 1))),
        List.of("help: run 'strata lock' once it is final, so that later edits are caught"));
  }

  // ---- hashing -----------------------------------------------------------------------------

  private static List<SourceFile> sorted(List<SourceFile> revisions) {
    return revisions.stream().sorted(Comparator.comparing(LockFile::name)).toList();
  }

  private static String name(SourceFile file) {
    return Path.of(file.path()).getFileName().toString();
  }

  /** Line {@code n} of {@code file} as a span (one character when the line is empty). */
  private static Span wholeLine(SourceFile file, int n) {
    return new Span(n, 1, Math.max(1, file.line(n).length()));
  }
}
