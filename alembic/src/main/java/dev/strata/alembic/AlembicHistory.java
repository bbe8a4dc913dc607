package dev.strata.alembic;

import dev.strata.alembic.AlembicRevision.Value;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The revisions of one Alembic versions directory, read and checked together: ids unique, every
 * {@code down_revision} names a revision of the directory, every {@code depends_on} a revision or
 * a branch label (which strata's {@code depends-on:} cannot name: {@link #dependencyIds} resolves
 * it to the revision that declares the label, as Alembic's {@code RevisionMap} does).
 *
 * @param directory the versions directory, as the user named it
 * @param revisions the revisions, in file name order
 */
public record AlembicHistory(Path directory, List<AlembicRevision> revisions) {
  /**
   * Alembic's {@code _only_source_rev_file} ({@code alembic/script/base.py}): a name ending in
   * {@code .py} that does not start with {@code .#} (an editor's lock file) or {@code __init__}.
   * Sourceless {@code .pyc} files are not read: the import needs the source.
   */
  private static final Pattern REVISION_FILE = Pattern.compile("(?!\\.#|__init__)(.*\\.py)");

  /** Copies the list. */
  public AlembicHistory {
    revisions = List.copyOf(revisions);
  }

  /** {@code script_location = VALUE} in {@code alembic.ini}. */
  private static final Pattern SCRIPT_LOCATION =
      Pattern.compile("\\s*script_location\\s*[=:]\\s*(.*?)\\s*");

  /**
   * Where the revision files of {@code dir} are: {@code dir/versions} when {@code dir} is an
   * Alembic script directory (it holds {@code env.py} and {@code versions/}); {@code
   * SCRIPT_LOCATION/versions} when {@code dir} holds an {@code alembic.ini} whose {@code
   * script_location} (relative to {@code dir}, {@code %(here)s} being {@code dir}) is such a
   * directory; else {@code dir} itself. {@code version_locations} is not read.
   */
  public static Path versionsDirectory(Path dir) {
    if (Files.isRegularFile(dir.resolve("env.py")) && Files.isDirectory(dir.resolve("versions"))) {
      return dir.resolve("versions");
    }
    Path ini = dir.resolve("alembic.ini");
    if (Files.isRegularFile(ini)) {
      try {
        for (String line : Files.readAllLines(ini)) {
          var location = SCRIPT_LOCATION.matcher(line);
          if (location.matches() && !location.group(1).isEmpty()) {
            String value = location.group(1).replace("%(here)s/", "").replace("%(here)s", ".");
            Path script = dir.resolve(value).normalize();
            if (Files.isDirectory(script.resolve("versions"))) {
              return script.resolve("versions");
            }
          }
        }
      } catch (IOException | UncheckedIOException e) {
        return dir;
      }
    }
    return dir;
  }

  /**
   * Reads and checks every revision file of {@code dir} (see {@link #versionsDirectory}).
   *
   * @throws DiagnosticException every problem found: a file that does not parse or read (one
   *     diagnostic per file), then duplicate ids, unknown parents and dependencies; E0713 when the
   *     directory is missing or holds no revision file
   * @throws IOException when a file cannot be read
   */
  public static AlembicHistory load(Path dir) throws DiagnosticException, IOException {
    Path versions = versionsDirectory(dir);
    if (!Files.isDirectory(versions)) {
      throw AlembicCode.NO_REVISIONS.fail("'" + dir + "' is not a directory",
          "help: name an Alembic 'versions' directory, or the directory of its env.py");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(versions)) {
      files = list.filter(f -> Files.isRegularFile(f)
              && REVISION_FILE.matcher(f.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
    if (files.isEmpty()) {
      throw AlembicCode.NO_REVISIONS.fail("no Alembic revision files (*.py) in '" + versions + "'",
          "help: name an Alembic 'versions' directory, or the directory of its env.py");
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<AlembicRevision> revisions = new ArrayList<>();
    for (Path file : files) {
      try {
        SourceFile source = SourceFile.decode(file.toString(), Files.readAllBytes(file));
        revisions.add(RevisionReader.read(file, source.text()));
      } catch (DiagnosticException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(check(revisions));
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new AlembicHistory(versions, revisions);
  }

  /** Duplicate ids and labels, unknown parents and dependencies, in file order. */
  private static List<Diagnostic> check(List<AlembicRevision> revisions) {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, AlembicRevision> byId = new LinkedHashMap<>();
    for (AlembicRevision revision : revisions) {
      AlembicRevision first = byId.putIfAbsent(revision.revision(), revision);
      if (first != null) {
        problems.add(AlembicCode.DUPLICATE_ID.at(revision.source(), revision.id().span(),
            "revision id '" + revision.revision() + "' is also the id of " + first.file(),
            "note: first defined at " + where(first, first.id())));
      }
    }
    Map<String, AlembicRevision> byLabel = new LinkedHashMap<>();
    for (AlembicRevision revision : revisions) {
      for (Value label : revision.branchLabels()) {
        AlembicRevision other = byLabel.putIfAbsent(label.text(), revision);
        if (other != null || byId.containsKey(label.text())) {
          problems.add(AlembicCode.BAD_BRANCH_LABEL.at(revision.source(), label.span(),
              other != null
                  ? "branch label '" + label.text() + "' is also a label of '"
                      + other.revision() + "'"
                  : "branch label '" + label.text() + "' is also a revision id"));
        }
      }
    }
    for (AlembicRevision revision : revisions) {
      for (Value parent : revision.downRevisions()) {
        if (!byId.containsKey(parent.text())) {
          problems.add(AlembicCode.UNKNOWN_PARENT.at(revision.source(), parent.span(),
              "'down_revision' names '" + parent.text() + "', which no file of "
                  + revision.file().getParent() + " defines"));
        }
      }
      for (Value dependency : revision.dependsOn()) {
        if (!byId.containsKey(dependency.text()) && !byLabel.containsKey(dependency.text())) {
          problems.add(AlembicCode.UNKNOWN_DEPENDENCY.at(revision.source(), dependency.span(),
              "'depends_on' names '" + dependency.text() + "', which is neither a revision"
                  + " nor a branch label of " + revision.file().getParent()));
        }
      }
    }
    return problems;
  }

  /**
   * The revision ids {@code revision}'s {@code depends_on} names: an id as written, a branch label
   * as the id of the revision that declares it (Alembic's {@code RevisionMap._add_depends_on} maps
   * a label to that revision); duplicates dropped, order kept.
   */
  public List<String> dependencyIds(AlembicRevision revision) {
    List<String> ids = new ArrayList<>();
    for (Value dependency : revision.dependsOn()) {
      String written = dependency.text();
      String id = revisions.stream().anyMatch(r -> r.revision().equals(written))
          ? written : labelOwner(written).orElseThrow().revision();
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The revisions in an order Alembic could upgrade them in: each after its parents and
   * dependencies; among those ready, the first in file name order.
   */
  public List<AlembicRevision> upgradeOrder() {
    List<AlembicRevision> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    List<AlembicRevision> left = new ArrayList<>(revisions);
    while (!left.isEmpty()) {
      AlembicRevision next = left.stream()
          .filter(r -> done.containsAll(r.parents()) && done.containsAll(dependencyIds(r)))
          .findFirst()
          .orElse(left.getFirst()); // a cycle: Alembic refuses it, strata's check reports it
      order.add(next);
      done.add(next.revision());
      left.remove(next);
    }
    return order;
  }

  /** The revision that declares branch label {@code label}. */
  public Optional<AlembicRevision> labelOwner(String label) {
    return revisions.stream()
        .filter(r -> r.branchLabels().stream().anyMatch(l -> l.text().equals(label)))
        .findFirst();
  }

  private static String where(AlembicRevision revision, Value value) {
    return revision.file() + ":" + value.span().start().line() + ":"
        + value.span().start().column();
  }
}
