package dev.strata.cli;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.ParseCache;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintConfig;
import dev.strata.compiler.lint.LintText;
import dev.strata.compiler.lint.Linter;
import dev.strata.compiler.schema.SchemaChecks;
import dev.strata.dialects.Dialect;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Location;
import dev.strata.grammar.Severity;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.HeaderValue;
import dev.strata.grammar.ast.RevisionFile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code strata check} finds in a versions directory, every problem at once, in this order:
 * the parse errors of every file (and E0207 for a file that cannot be read, E0214 for an
 * unexplained empty downgrade), the graph errors among the files that parse, what compiling them
 * for the dialect reports ({@link CompileCheck}: E04xx, and E0630-E0633 for a revision without a
 * downgrade section whose downgrade cannot be derived), the schema checks of a graph that builds
 * ({@link SchemaChecks}: E0601-E0620, W0621), the graph warnings (W0201 several heads, W0202 a revision numbered below its
 * parent), W0206 for a file not named after its revision ({@link FileNames}), the lock file's
 * problems (E0209-E0213, W0204 no lock file, W0205 a revision not locked yet), and W0203 for each
 * entry of the directory that is not a revision file. The codes are listed in {@code
 * docs/cli.md}.
 *
 * <p>There is no warning for revisions that no head reaches: every revision that nothing revises
 * is itself a head, so following children from any revision ends at a head.
 */
final class VersionsChecker {
  private static final Pattern NUMBER = Pattern.compile("(\\d+)_.*");

  private VersionsChecker() {}

  /**
   * The outcome of a check.
   *
   * @param revisions the number of revision files that could be read
   * @param diagnostics errors and warnings, in the order above
   */
  record Report(int revisions, List<Diagnostic> diagnostics) {
    Report {
      diagnostics = List.copyOf(diagnostics);
    }

    long count(Severity severity) {
      return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
  }

  /**
   * Checks {@code dir}, compiling for {@code dialect}; a directory that cannot be listed is a
   * report of its one error.
   */
  static Report check(Path dir, Dialect dialect) {
    return check(dir, dialect, Optional.empty());
  }

  /**
   * {@link #check(Path, Dialect)}, then, when nothing so far is an error, lint over every revision
   * for {@code dialect} with {@code lint}'s settings ({@link LintRun}): its findings that are not
   * silenced, as diagnostics coded by rule id ({@code warning[create-index-not-concurrently]}),
   * errors counting as errors. An allow's own problems (no reason, unknown rule) are errors.
   */
  static Report check(Path dir, Dialect dialect, Optional<LintConfig> lint) {
    return check(dir, ParseCache.none(), dialect, lint);
  }

  /**
   * As {@link #check(Path, Dialect, Optional)}, with the parsed files of {@code cache} ({@link
   * ParseCache}): the same report.
   */
  static Report check(Path dir, ParseCache cache, Dialect dialect, Optional<LintConfig> lint) {
    VersionsLoader.Contents contents;
    try {
      contents = VersionsLoader.read(dir, cache);
    } catch (DiagnosticException e) {
      return new Report(0, e.diagnostics());
    }
    List<Diagnostic> out = new ArrayList<>(contents.diagnostics());
    CompileCheck compile = new CompileCheck(dialect);
    Optional<Background.Task<List<Diagnostic>>> linted = Optional.empty();
    Optional<ModelHandoff> shared = Optional.empty();
    try {
      Compilation compilation = Compilation.of(RevisionGraph.build(contents.files()));
      // lint replays the graph on the other core meanwhile (for PostgreSQL one pass that makes
      // the schema checks too, waited for before they are read; for MySQL and SQLite it reads
      // the models of the upgrade's rendering); its findings count only when nothing else is an
      // error
      shared = lint.isPresent() ? shared(compilation, dialect) : Optional.empty();
      Optional<ModelHandoff> models = shared;
      linted = lint.map(config -> Background.start("strata-lint",
          () -> lint(compilation, dialect, config, models)));
      if (PlanTasks.checksLint(dialect.dialectId())) {
        // rendering's planning below asks for the checks: it waits for lint's pass
        linted.ifPresent(compilation.schema()::madeBy);
      }
      out.addAll(compile.problems(compilation, shared));
      out.addAll(compilation.schemaChecks());
    } catch (DiagnosticException e) {
      out.addAll(e.diagnostics());
      out.addAll(compile.problems(contents.files()));
    } finally {
      shared.ifPresent(ModelHandoff::close); // lint replays itself if the upgrade never rendered
    }
    Map<String, RevisionFile> byId = new LinkedHashMap<>();
    contents.files().forEach(f -> byId.putIfAbsent(f.id(), f));
    heads(contents.files(), byId).ifPresent(out::add);
    out.addAll(numbering(byId));
    Optional<LockFile> lock = Optional.empty();
    List<Diagnostic> lockProblems;
    try {
      lock = LockFile.read(dir);
      lockProblems = lock.isEmpty() ? List.of(noLock(dir)) : lock.get().verify(contents.sources());
    } catch (DiagnosticException e) {
      lockProblems = e.diagnostics();
    }
    out.addAll(FileNames.check(contents.files(), lock.map(LockFile::names).orElse(List.of())));
    out.addAll(lockProblems);
    for (String other : contents.others()) {
      if (!other.equals(LockFile.NAME) && !other.startsWith(".")) { // .gitkeep, as init writes
        out.add(notARevision(dir, other));
      }
    }
    if (linted.isPresent() && out.stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
      try {
        out.addAll(linted.get().join());
      } catch (DiagnosticException e) {
        out.addAll(e.diagnostics()); // lint(...) returns its diagnostics: not thrown
      }
    }
    return new Report(contents.sources().size(), out);
  }

  /**
   * For a dialect that renders from the model (whose lint does not make the schema checks): the
   * models of the upgrade {@code check} renders ({@link CompileCheck#UPGRADE}), to be shared
   * with lint; empty for another dialect, or when the upgrade cannot be planned (its errors are
   * reported where it is compiled).
   */
  private static Optional<ModelHandoff> shared(Compilation compilation, Dialect dialect) {
    if (!PlanTasks.lintReadsRendering(dialect)) {
      return Optional.empty();
    }
    try {
      Plan plan = compilation.planner().plan(Direction.UPGRADE, CompileCheck.UPGRADE);
      return Optional.of(new ModelHandoff(compilation.replay(dialect), plan));
    } catch (DiagnosticException e) {
      return Optional.empty();
    }
  }

  /**
   * The lint findings on every revision of the compilation's graph that count, as diagnostics;
   * the models from {@code shared} when given and rendered, else from a replay of lint's own.
   */
  private static List<Diagnostic> lint(Compilation compilation, Dialect dialect,
      LintConfig config, Optional<ModelHandoff> shared) {
    PlanTasks.LintJob job = (plan, walk) -> LintRun.findings(plan, walk, dialect,
        DialectOptions.defaultMode(dialect), Optional.empty(), config);
    try {
      if (shared.isPresent()) {
        try {
          return counted(shared.get().lint(job));
        } catch (ModelHandoff.NotRendered e) {
          // the upgrade was never rendered (it has errors): no step was handed over
        }
      }
      Plan plan = compilation.planner().plan(Direction.UPGRADE,
          Range.parse(Direction.UPGRADE, Linter.ALL));
      return counted(job.findings(plan, PlanTasks.lintWalk(compilation, dialect.dialectId())));
    } catch (DiagnosticException e) {
      return e.diagnostics();
    }
  }

  /** The findings that count (no allow silences them), as diagnostics. */
  private static List<Diagnostic> counted(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.allowed().isEmpty())
        .map(LintText::diagnostic)
        .toList();
  }

  /**
   * W0201 when the revisions that parse have several heads (revisions that no file revises), at
   * the last one. A file with a duplicate id is no revision of its own, but its {@code revises:}
   * line counts as written: unknown parents and duplicate ids are reported on their own.
   */
  private static Optional<Diagnostic> heads(
      List<RevisionFile> files, Map<String, RevisionFile> byId) {
    Set<String> revised = new HashSet<>();
    files.forEach(f -> f.header().revises().forEach(p -> revised.add(p.text())));
    List<RevisionFile> heads =
        byId.values().stream().filter(f -> !revised.contains(f.id())).toList();
    if (heads.size() < 2) {
      return Optional.empty();
    }
    RevisionFile last = heads.getLast();
    List<String> notes = new ArrayList<>();
    for (RevisionFile head : heads.subList(0, heads.size() - 1)) {
      notes.add("note: head '" + head.id() + "' is defined at " + where(head));
    }
    MergeAdvice advice = MergeAdvice.of(heads.stream().map(RevisionFile::id).toList(), files);
    notes.addAll(advice.notes());
    notes.add("help: merge them with '" + advice.command() + "', or keep them apart on"
        + " purpose and name them with 'heads' or 'LABEL@head'");
    return Optional.of(warning("W0201",
        "the revision graph has " + heads.size() + " heads: "
            + String.join(", ", heads.stream().map(RevisionFile::id).toList()),
        new Location(last.source(), last.header().revision().span()), notes));
  }

  /** W0202 for each parent whose id's number prefix ({@code NNNN_}) is above its child's. */
  private static List<Diagnostic> numbering(Map<String, RevisionFile> byId) {
    List<Diagnostic> out = new ArrayList<>();
    for (RevisionFile file : byId.values()) {
      Optional<String> own = number(file.id());
      for (HeaderValue parent : file.header().revises()) {
        Optional<String> theirs = number(parent.text());
        RevisionFile defined = byId.get(parent.text());
        if (own.isPresent() && theirs.isPresent() && defined != null
            && new BigInteger(own.get()).compareTo(new BigInteger(theirs.get())) < 0) {
          out.add(warning("W0202",
              "revision '" + file.id() + "' is numbered below its parent '" + parent.text() + "'",
              new Location(file.source(), parent.span()),
              List.of("note: '" + parent.text() + "' is defined at " + where(defined),
                  "help: give it a number above " + theirs.get() + ", so that the numbers read"
                      + " in the order revisions apply")));
        }
      }
    }
    return out;
  }

  /** The digits of an id's {@code NNNN_} prefix, as written. */
  private static Optional<String> number(String id) {
    Matcher m = NUMBER.matcher(id);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** W0204: there is no lock file. */
  private static Diagnostic noLock(Path dir) {
    return new Diagnostic(Severity.WARNING, "W0204",
        "no lock file '" + dir.resolve(LockFile.NAME) + "': edits to revisions that may have"
            + " been applied go unnoticed",
        Optional.empty(), List.of("help: run 'strata lock' to write it"));
  }

  /**
   * W0203 for an entry that strata does not read: a file not ending in .sql, or a folder; hidden
   * entries ({@code .gitkeep}, which {@code strata init} writes, {@code .DS_Store}) are not reported.
   */
  private static Diagnostic notARevision(Path dir, String entry) {
    boolean folder = entry.endsWith("/");
    String path = folder
        ? dir.resolve(entry.substring(0, entry.length() - 1)) + "/"
        : dir.resolve(entry).toString();
    return new Diagnostic(Severity.WARNING, "W0203",
        "'" + path + "' is not a revision file and is ignored", Optional.empty(),
        List.of("help: strata reads only the *.sql files directly in the versions directory;"
            + " move " + (folder ? "folders" : "other files") + " elsewhere"));
  }

  private static Diagnostic warning(
      String code, String message, Location location, List<String> notes) {
    return new Diagnostic(Severity.WARNING, code, message, Optional.of(location), notes);
  }

  private static String where(RevisionFile file) {
    return new Location(file.source(), file.header().revision().span()).describe();
  }
}
