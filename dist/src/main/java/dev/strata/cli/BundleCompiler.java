package dev.strata.cli;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.ParseCache;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintConfig;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.SchemaScript;
import dev.strata.dialects.ScriptOptions;
import dev.strata.dialects.lint.LockReport;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Direction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   * @param locks the table locks of the upgrade script (PostgreSQL; other dialects: none)
   */
  record Compiled(
      String root,
      Dialect dialect,
      ScriptOptions options,
      Plan upgrade,
      Plan rollback,
      RenderedScript upgradeScript,
      RenderedScript rollbackScript,
      List<StepFiles> steps,
      LockReport locks) {}

  /**
   * The bundle for {@code range} ({@code FROM:TO}, as {@code strata upgrade} takes it, typed by
   * the user) of the revision files in {@code versions}.
   *
   * @throws DiagnosticException for bad revision files, a revision changed since {@code strata
   *     lock} (E0209-E0213), a bad range, a revision without a
   *     downgrade section (a bundle always carries its rollback), or SQL the dialect cannot render
   * @throws IOException when a revision file cannot be read again for {@code sources/}
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

  /** As {@link #compile(Path, RangeSource)}, with the parsed files of {@code cache}. */
  Bundle compile(Path versions, ParseCache cache, RangeSource range)
      throws DiagnosticException, IOException {
    Compilation compilation = Compilation.load(versions, cache);
    Plan upgrade = compilation.plan(Direction.UPGRADE, range.range(compilation.graph()));
    lint = LintRun.findings(compilation.graph(), upgrade, dialect, options.transactionMode(),
        options.lockTimeout(), lintConfig);
    // the exact inverse, not a downgrade re-planned from the end rows: `downgrade TO:FROM` drops
    // only FROM's descendants, and an upgrade may also apply another branch or a dependency
    Plan rollback = compilation.rollback(upgrade);
    SortedMap<String, byte[]> files = new TreeMap<>();
    RenderedScript up = compilation.render(upgrade, dialect, options);
    RenderedScript down = compilation.render(rollback, dialect, options);
    files.put(Bundle.UPGRADE, utf8(up.text()));
    files.put(Bundle.ROLLBACK, utf8(down.text()));
    List<StepFiles> steps = stepFiles(compilation, upgrade, rollback, files);
    compilation.lock()
        .ifPresent(l -> files.put(Bundle.SOURCES + LockFile.NAME, utf8(l.source().text())));
    String root = "strata-" + name(upgrade.fromHeads()) + "-" + name(upgrade.toHeads()) + "-"
        + dialect.id();
    LockReport locks = LockReport.of(compilation.graph(), upgrade, dialect.dialectId(),
        LintRun.options(dialect, options.transactionMode(), options.lockTimeout()));
    Compiled compiled = new Compiled(root, dialect, options, upgrade, rollback, up, down, steps,
        locks);
    addReviewFiles(compilation.graph(), upgrade, files);
    files.put(Bundle.APPLY, utf8(ApplyGuide.render(compiled)));
    files.put(Bundle.MANIFEST, Manifest.render(compiled, files));
    files.put(Bundle.SUMS, utf8(checksums(files)));
    return new Bundle(root, files);
  }

  /**
   * The files for reviewers and auditors, added to {@code files} before the manifest lists them,
   * all from one replay of the graph: {@code CHANGES.md} ({@link ChangesDocument}), and the
   * schema before and after the upgrade as scripts that create it on an empty database ({@code
   * schema/before.sql}, {@code schema/after.sql}: {@link SchemaScript}).
   *
   * @throws DiagnosticException the replay's (E06xx) or the snapshot's (E0420) diagnostics
   */
  private void addReviewFiles(RevisionGraph graph, Plan upgrade, SortedMap<String, byte[]> files)
      throws DiagnosticException {
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
    files.put(Bundle.CHANGES, utf8(ChangesDocument.render(upgrade, at::get)));
    SchemaScript snapshot = SchemaScript.forDialect(dialect);
    files.put(Bundle.SCHEMA_BEFORE, utf8(snapshot.render(at.get(upgrade.fromHeads()),
        snapshotHeader("before", upgrade.fromHeads()))));
    files.put(Bundle.SCHEMA_AFTER, utf8(snapshot.render(at.get(upgrade.toHeads()),
        snapshotHeader("after", upgrade.toHeads()))));
  }

  /** The comment lines of a snapshot: which side of the upgrade, at which revisions. */
  private List<String> snapshotHeader(String side, List<String> heads) {
    return List.of("Schema " + side + " this bundle's upgrade, at "
            + (heads.isEmpty() ? "base" : String.join(", ", heads)) + " (strata "
            + ToolVersion.get() + ")",
        "Creates the schema on an empty database: "
            + new ClientCommands(dialect).snapshotHint());
  }

  /** The per-revision scripts and the sources, added to {@code files}; one entry per step. */
  private List<StepFiles> stepFiles(Compilation compilation, Plan upgrade, Plan rollback,
      SortedMap<String, byte[]> files) throws DiagnosticException, IOException {
    List<Plan> ups = upgrade.perStep();
    List<Plan> downs = rollback.perStep();
    List<StepFiles> steps = new ArrayList<>();
    for (int i = 0; i < ups.size(); i++) {
      Step step = upgrade.steps().get(i);
      String stem = Bundle.REVISIONS + String.format("%04d_%s", i + 1, step.id());
      StepFiles entry = new StepFiles(i + 1, step, Bundle.SOURCES + sourceName(step),
          stem + ".up.sql", stem + ".down.sql");
      files.put(entry.up(), utf8(compilation.render(ups.get(i), dialect, options).text()));
      files.put(entry.down(),
          utf8(compilation.render(downs.get(ups.size() - 1 - i), dialect, options).text()));
      files.put(entry.source(), sourceBytes(step.revision().source()));
      steps.add(entry);
    }
    return List.copyOf(steps);
  }

  /** A side of the range in the folder name: the heads joined with {@code +}, or {@code base}. */
  private static String name(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join("+", heads);
  }

  private static String sourceName(Step step) {
    return Path.of(step.revision().source().path()).getFileName().toString();
  }

  /**
   * The revision file's bytes as they are on disk, checked against the text that was compiled, so
   * that {@code sources/} holds exactly what the scripts were made from.
   */
  private static byte[] sourceBytes(SourceFile source) throws IOException, DiagnosticException {
    byte[] bytes = Files.readAllBytes(Path.of(source.path()));
    if (!Sha256.hex(bytes).equals(source.sha256())) {
      throw new DiagnosticException(Diagnostic.error("E0504",
          "'" + source.path() + "' changed while the bundle was being made",
          "help: run strata bundle again once the revision files no longer change"));
    }
    return bytes;
  }

  /** {@code SHA256SUMS}: {@code <hex>  <path>} per file, sorted by path, as sha256sum writes. */
  static String checksums(SortedMap<String, byte[]> files) {
    StringBuilder sums = new StringBuilder();
    files.forEach((path, bytes) -> {
      if (!path.equals(Bundle.SUMS)) {
        sums.append(Sha256.hex(bytes)).append("  ").append(path).append('\n');
      }
    });
    return sums.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
