package dev.strata.cli;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.ParseCache;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintConfig;
import dev.strata.compiler.schema.PlanModels;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.PreparedScript;
import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.SchemaScript;
import dev.strata.dialects.ScriptOptions;
import dev.strata.dialects.lint.LockReport;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Location;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compiles a range of a versions directory into a {@link Bundle}: the upgrade script, its exact
 * inverse, one script per revision and direction, the sources, {@code APPLY.md}, {@code
 * MANIFEST.json} and {@code SHA256SUMS}, and the versions directory's {@code strata.sum} under
 * {@code sources/} when there is one (the revision files are checked against it first); {@code
 * CHANGES.md} and the schema snapshots. A pure function of the revision files and the
 * options.
 */
final class BundleCompiler {
  private final Dialect dialect;
  private final ScriptOptions options;
  private final LintConfig lintConfig;
  private List<Finding> lint = List.of();

  BundleCompiler(Dialect dialect, ScriptOptions options) {
    this(dialect, options, LintConfig.DEFAULTS);
  }

  /** A compiler that lints the bundle's upgrade with {@code lintConfig} ({@link #lint()}). */
  BundleCompiler(Dialect dialect, ScriptOptions options, LintConfig lintConfig) {
    this.dialect = dialect;
    this.options = options;
    this.lintConfig = lintConfig;
  }

  /** The lint findings on the upgrade of the last bundle compiled, silenced ones marked. */
  List<Finding> lint() {
    return lint;
  }

  /**
   * One step of the bundle and the files that belong to it.
   *
   * @param position 1-based position in {@code upgrade.sql}
   * @param step the upgrade step
   * @param source path of its revision file under {@code sources/}
   * @param up path of its upgrade script under {@code revisions/}
   * @param down path of its downgrade script under {@code revisions/}
   */
  record StepFiles(int position, Step step, String source, String up, String down) {}

  /**
   * Everything the bundle's text files are written from.
   *
   * @param root the top folder name
   * @param upgrade the upgrade plan (FROM to TO)
   * @param rollback its inverse (TO to FROM)
   * @param upgradeScript how {@code upgrade.sql} is cut into segments, once written
   * @param rollbackScript the same of {@code rollback.sql}
   * @param locks the table locks of the upgrade script (PostgreSQL; other dialects: none)
   */
  record Compiled(
      String root,
      Dialect dialect,
      ScriptOptions options,
      Plan upgrade,
      Plan rollback,
      BundleScript upgradeScript,
      BundleScript rollbackScript,
      List<StepFiles> steps,
      LockReport locks) {}

  /**
   * The bundle for {@code range} ({@code FROM:TO}, as {@code strata upgrade} takes it, typed by
   * the user) of the revision files in {@code versions}. The caller closes it.
   *
   * @throws DiagnosticException for bad revision files, a revision changed since {@code strata
   *     lock} (E0209-E0213), a bad range, a revision without a
   *     downgrade section (a bundle always carries its rollback), or SQL the dialect cannot render
   * @throws IOException when a revision file cannot be read again for {@code sources/}, or the
   *     temporary file that holds the bundle's files fails
   */
  Bundle compile(Path versions, String range) throws DiagnosticException, IOException {
    return compile(versions, graph -> Range.parse(Direction.UPGRADE, range));
  }

  /** The range of a bundle, chosen once the revision graph is loaded ({@code --from-db}). */
  @FunctionalInterface
  interface RangeSource {
    Range range(RevisionGraph graph) throws DiagnosticException;
  }

  /** As {@link #compile(Path, String)}, with the range given by {@code range} over the graph. */
  Bundle compile(Path versions, RangeSource range) throws DiagnosticException, IOException {
    return compile(versions, ParseCache.none(), range);
  }

  /**
   * As {@link #compile(Path, RangeSource)}, with the parsed files of {@code cache}. Each file is
   * written into the bundle's {@link BundleFiles} as it is made: the scripts, the sources, {@code
   * CHANGES.md}, {@code APPLY.md}, the manifest and the checksums piece by piece, never whole in
   * memory (the schema snapshots, whose size follows the schema, as one string each). When
   * compilation fails the files are released (their temporary file included) before the error
   * is thrown.
   */
  Bundle compile(Path versions, ParseCache cache, RangeSource range)
      throws DiagnosticException, IOException {
    Compilation compilation = Compilation.load(versions, cache);
    // the plan's schema checks and lint: one replay for both when lint's model is PostgreSQL's
    PlanTasks.Linted linted = PlanTasks.linting(compilation, range.range(compilation.graph()),
        dialect.dialectId(), (planned, walk) -> LintRun.findings(planned, walk, dialect,
            options.transactionMode(), options.lockTimeout(), lintConfig));
    Plan upgrade = linted.checking().checked();
    lint = linted.lint().join();
    // the exact inverse, not a downgrade re-planned from the end rows: `downgrade TO:FROM` drops
    // only FROM's descendants, and an upgrade may also apply another branch or a dependency
    Plan rollback = compilation.rollback(upgrade);
    String root = "strata-" + name(upgrade.fromHeads()) + "-" + name(upgrade.toHeads()) + "-"
        + dialect.id();
    BundleFiles files = new BundleFiles();
    try {
      write(compilation, upgrade, rollback, root, files);
      return new Bundle(root, files);
    } catch (DiagnosticException e) {
      files.close();
      throw withBundleNotes(e, rollback);
    } catch (IOException | RuntimeException | Error e) {
      files.close();
      throw e;
    }
  }

  /**
   * {@code e} with, on each E0216 (a revision marked {@code -- +irreversible} in the rollback, the
   * error at that mark), why a bundle cannot hold it and what to do instead: a plain downgrade's
   * E0216 has no use for that note.
   */
  private static DiagnosticException withBundleNotes(DiagnosticException e, Plan rollback) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Diagnostic diagnostic : e.diagnostics()) {
      Optional<Step> step = rollback.steps().stream()
          .filter(s -> diagnostic.code().equals("E0216") && s.body().irreversible()
              && s.body().mark().map(mark -> new Location(s.revision().source(), mark.span()))
                  .equals(diagnostic.location()))
          .findFirst();
      if (step.isEmpty()) {
        diagnostics.add(diagnostic);
        continue;
      }
      String id = step.get().id();
      String parents = step.get().toRevisions().isEmpty()
          ? "base" : String.join(",", step.get().toRevisions());
      List<String> notes = new ArrayList<>();
      notes.add("note: a bundle always carries its rollback, so no bundle can hold '" + id
          + "': apply it with 'strata upgrade " + parents + ":" + id
          + "' and bundle the ranges before and after it");
      notes.addAll(diagnostic.notes());
      diagnostics.add(new Diagnostic(diagnostic.severity(), diagnostic.code(),
          diagnostic.message(), diagnostic.location(), notes));
    }
    return new DiagnosticException(diagnostics);
  }

  /** Writes every file of the bundle into {@code files}, the manifest and checksums last. */
  private void write(Compilation compilation, Plan upgrade, Plan rollback, String root,
      BundleFiles files) throws DiagnosticException, IOException {
    BundleScript up = script(compilation, upgrade, Bundle.UPGRADE, files);
    BundleScript down = script(compilation, rollback, Bundle.ROLLBACK, files);
    List<StepFiles> steps = stepFiles(compilation, upgrade, rollback, files);
    if (compilation.lock().isPresent()) {
      files.put(Bundle.SOURCES + LockFile.NAME, compilation.lock().get().source().text());
    }
    LockReport locks = LockReport.of(compilation.graph(), upgrade, dialect.dialectId(),
        LintRun.options(dialect, options.transactionMode(), options.lockTimeout()));
    Compiled compiled = new Compiled(root, dialect, options, upgrade, rollback, up, down, steps,
        locks);
    addReviewFiles(compilation.graph(), upgrade, files);
    try (Writer out = files.text(Bundle.APPLY)) {
      ApplyGuide.write(compiled, out);
    }
    // the listing so far, copied: the manifest lists every file but itself and SHA256SUMS
    SortedMap<String, BundleFiles.Content> listed = new TreeMap<>(files.contents());
    try (Writer out = files.text(Bundle.MANIFEST)) {
      Manifest.write(compiled, listed, out);
    }
    try (Writer out = files.text(Bundle.SUMS)) {
      checksums(files.contents(), out);
    }
  }

  /**
   * Renders {@code plan} and writes it into {@code files} at {@code path} as it goes ({@link
   * Compilation#prepareDescribed}), noting the lines {@code APPLY.md} names.
   */
  private BundleScript script(Compilation compilation, Plan plan, String path, BundleFiles files)
      throws DiagnosticException, IOException {
    try (PreparedScript prepared = prepare(() -> compilation.prepareDescribed(plan, dialect,
        options))) {
      List<RenderedScript.Segment> segments = prepared.segments();
      LineFinder lines = new LineFinder(files.text(path),
          ApplyGuide.markers(dialect, options, segments.size()));
      try (lines) {
        writeTo(prepared, lines);
      }
      return new BundleScript(segments, lines.found());
    }
  }

  /** Renders a script ({@link Compilation#prepare}, {@link Compilation#prepareDescribed}). */
  @FunctionalInterface
  private interface Preparation {
    PreparedScript prepare() throws DiagnosticException;
  }

  /**
   * {@code preparation}'s script; the temporary file a long script's segments wait in failing
   * (an {@link UncheckedIOException} from the renderer) is {@link
   * BundleFiles.TemporaryFileException}, as when the bundle's own files fail.
   */
  private static PreparedScript prepare(Preparation preparation)
      throws DiagnosticException, BundleFiles.TemporaryFileException {
    try {
      return preparation.prepare();
    } catch (UncheckedIOException e) {
      throw new BundleFiles.TemporaryFileException(e.getCause());
    }
  }

  /**
   * Writes {@code prepared} to {@code out}, a file of the bundle: every failure is of a temporary
   * file (the script's segments' or the bundle's files'), {@link
   * BundleFiles.TemporaryFileException}.
   */
  private static void writeTo(PreparedScript prepared, Writer out) throws IOException {
    try {
      prepared.writeTo(out);
    } catch (BundleFiles.TemporaryFileException e) {
      throw e;
    } catch (IOException e) {
      throw new BundleFiles.TemporaryFileException(e);
    }
  }

  /**
   * The files for reviewers and auditors, added to {@code files} before the manifest lists them,
   * all from one replay of the graph: {@code CHANGES.md} ({@link ChangesDocument}), and the
   * schema before and after the upgrade as scripts that create it on an empty database ({@code
   * schema/before.sql}, {@code schema/after.sql}: {@link SchemaScript}).
   *
   * @throws DiagnosticException the replay's (E06xx) or the snapshot's (E0420) diagnostics
   */
  private void addReviewFiles(RevisionGraph graph, Plan upgrade, BundleFiles files)
      throws DiagnosticException, IOException {
    // every model the files need, from one replay pass (not one pass per step)
    List<List<String>> points = new ArrayList<>();
    points.add(upgrade.fromHeads());
    points.addAll(upgrade.headsAfterEachStep());
    points.add(upgrade.toHeads());
    List<SchemaModel> models = Replay.of(graph, dialect.dialectId()).atEach(points);
    Map<List<String>, SchemaModel> at = new HashMap<>();
    for (int i = 0; i < points.size(); i++) {
      at.put(points.get(i), models.get(i));
    }
    try (Writer out = files.text(Bundle.CHANGES)) {
      ChangesDocument.write(upgrade, at::get, out);
    }
    SchemaScript snapshot = SchemaScript.forDialect(dialect);
    files.put(Bundle.SCHEMA_BEFORE, snapshot.render(at.get(upgrade.fromHeads()),
        snapshotHeader("before", upgrade.fromHeads())));
    files.put(Bundle.SCHEMA_AFTER, snapshot.render(at.get(upgrade.toHeads()),
        snapshotHeader("after", upgrade.toHeads())));
  }

  /** The comment lines of a snapshot: which side of the upgrade, at which revisions. */
  private List<String> snapshotHeader(String side, List<String> heads) {
    return List.of("Schema " + side + " this bundle's upgrade, at "
            + (heads.isEmpty() ? "base" : String.join(", ", heads)) + " (strata "
            + ToolVersion.get() + ")",
        "Creates the schema on an empty database: "
            + new ClientCommands(dialect).snapshotHint());
  }

  /**
   * The per-revision scripts ({@link Compilation#prepare}, written as they are rendered, their
   * models from one replay pass: {@link Compilation#keptAlong}) and the sources, added to {@code
   * files}; one entry per step.
   */
  private List<StepFiles> stepFiles(Compilation compilation, Plan upgrade, Plan rollback,
      BundleFiles files) throws DiagnosticException, IOException {
    List<Plan> ups = upgrade.perStep();
    List<Plan> downs = rollback.perStep();
    List<Plan> plans = new ArrayList<>(ups);
    plans.addAll(downs);
    // every script's models from one replay pass, not one pass from base per script
    PlanModels models = compilation.keptAlong(plans, dialect);
    List<StepFiles> steps = new ArrayList<>();
    for (int i = 0; i < ups.size(); i++) {
      Step step = upgrade.steps().get(i);
      String stem = Bundle.REVISIONS + String.format("%04d_%s", i + 1, step.id());
      StepFiles entry = new StepFiles(i + 1, step, Bundle.SOURCES + sourceName(step),
          stem + ".up.sql", stem + ".down.sql");
      stepScript(compilation, models, ups.get(i), entry.up(), files);
      stepScript(compilation, models, downs.get(ups.size() - 1 - i), entry.down(), files);
      copySource(step.revision().source(), entry.source(), files);
      steps.add(entry);
    }
    return List.copyOf(steps);
  }

  private void stepScript(Compilation compilation, PlanModels models, Plan plan, String path,
      BundleFiles files) throws DiagnosticException, IOException {
    try (PreparedScript prepared = prepare(() -> compilation.prepare(plan, dialect, options,
        models));
        Writer out = files.text(path)) {
      writeTo(prepared, out);
    }
  }

  /** A side of the range in the folder name: the heads joined with {@code +}, or {@code base}. */
  private static String name(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join("+", heads);
  }

  private static String sourceName(Step step) {
    return Path.of(step.revision().source().path()).getFileName().toString();
  }

  /**
   * Copies the revision file's bytes as they are on disk into {@code files} at {@code path},
   * checked against the text that was compiled, so that {@code sources/} holds exactly what the
   * scripts were made from.
   */
  private static void copySource(SourceFile source, String path, BundleFiles files)
      throws IOException, DiagnosticException {
    try (InputStream in = Files.newInputStream(Path.of(source.path()));
        OutputStream out = files.create(path)) {
      in.transferTo(out);
    }
    if (!files.content(path).sha256().equals(source.sha256())) {
      throw new DiagnosticException(Diagnostic.error("E0504",
          "'" + source.path() + "' changed while the bundle was being made",
          "help: run strata bundle again once the revision files no longer change"));
    }
  }

  /**
   * Writes {@code SHA256SUMS} to {@code out}: {@code <hex>  <path>} per file, sorted by path, as
   * sha256sum writes, every file of {@code contents} but {@code SHA256SUMS} itself.
   */
  static void checksums(SortedMap<String, BundleFiles.Content> contents, Writer out)
      throws IOException {
    for (Map.Entry<String, BundleFiles.Content> file : contents.entrySet()) {
      if (!file.getKey().equals(Bundle.SUMS)) {
        out.append(file.getValue().sha256()).append("  ").append(file.getKey()).append('\n');
      }
    }
  }
}
