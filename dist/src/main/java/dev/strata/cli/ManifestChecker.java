package dev.strata.cli;

import dev.strata.dialects.Capability;
import dev.strata.dialects.Dialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Checks that {@code MANIFEST.json} describes the bundle it is in, once every checksum is known to
 * hold: the top folder's name, the fixed paths of the layout ({@code docs/bundle-format.md}), the
 * steps (numbered in order, each with its source and two scripts, and nothing else in the bundle),
 * every script's header and preamble ({@link ScriptCheck}: made from those steps, between those
 * rows, with those options), the chain of rows from step to step, the segments of both scripts
 * (their shape in the transaction mode, their revisions, the rows they end at, the first one's
 * framing in the script) and each source's header (revision, parents, message). The first
 * disagreement is a {@link BundleProblem.Kind#DISAGREES} problem.
 */
final class ManifestChecker {
  private final ManifestModel manifest;
  private final SortedMap<String, BundleContents.FileFacts> files;
  private final ScriptCheck scripts;

  private ManifestChecker(
      ManifestModel manifest, SortedMap<String, BundleContents.FileFacts> files) {
    this.manifest = manifest;
    this.files = files;
    this.scripts = new ScriptCheck(manifest);
  }

  /** Checks {@code manifest} against the bundle in the folder {@code root} with {@code files}. */
  static void check(ManifestModel manifest, String root,
      SortedMap<String, BundleContents.FileFacts> files) throws BundleProblem {
    ManifestChecker checker = new ManifestChecker(manifest, files);
    checker.options(root);
    checker.layout();
    checker.steps();
    List<ManifestModel.Step> reversed = new ArrayList<>(manifest.steps());
    Collections.reverse(reversed);
    checker.script(manifest.upgrade(), Bundle.UPGRADE, true, manifest.from(), manifest.to(),
        manifest.steps());
    checker.script(manifest.rollback(), Bundle.ROLLBACK, false, manifest.to(), manifest.from(),
        reversed);
  }

  /** The dialect, the transaction mode, the rows, and the top folder's name they make. */
  private void options(String root) throws BundleProblem {
    if (Dialect.byId(manifest.dialect()).isEmpty()) {
      throw disagrees(Bundle.MANIFEST + " names dialect " + BundleProblem.quoted(manifest.dialect())
          + "; this strata knows " + Dialect.knownIds());
    }
    if (!List.of("bundle", "revision", "none").contains(manifest.transactionMode())) {
      throw disagrees(Bundle.MANIFEST + " names transaction mode "
          + BundleProblem.quoted(manifest.transactionMode()) + "; strata knows bundle, revision"
          + " and none");
    }
    Dialect dialect = Dialect.byId(manifest.dialect()).orElseThrow();
    if (!dialect.has(Capability.TRANSACTIONAL_DDL) && !manifest.transactionMode().equals("none")) {
      throw disagrees(Bundle.MANIFEST + " names transaction mode "
          + BundleProblem.quoted(manifest.transactionMode()) + " for " + dialect.id() + ", whose"
          + " DDL commits as it runs: strata writes its scripts with none");
    }
    if (dialect != Dialect.POSTGRESQL) {
      for (ManifestModel.Step step : manifest.steps()) {
        if (step.psqlMetaCommands()) {
          throw disagrees(Bundle.MANIFEST + " says " + step.revision() + " runs psql"
              + " meta-commands, but psql never runs a " + dialect.id() + " bundle");
        }
      }
    }
    for (List<String> rows : List.of(manifest.from(), manifest.to())) {
      if (!rows.equals(new ArrayList<>(new TreeSet<>(rows)))) {
        throw disagrees(Bundle.MANIFEST + "'s rows " + rows + " are not sorted and distinct");
      }
    }
    String expected = "strata-" + side(manifest.from()) + "-" + side(manifest.to()) + "-"
        + manifest.dialect();
    if (!root.equals(expected)) {
      throw disagrees("the top folder is " + BundleProblem.quoted(root + "/") + ", but "
          + Bundle.MANIFEST + "'s from, to and dialect make it " + BundleProblem.quoted(expected
          + "/"));
    }
  }

  /** The fixed paths, the step numbering, and {@code files}: exactly the layout's files. */
  private void layout() throws BundleProblem {
    fixed("upgrade.path", manifest.upgrade().path(), Bundle.UPGRADE);
    fixed("rollback.path", manifest.rollback().path(), Bundle.ROLLBACK);
    Set<String> expected = new HashSet<>(List.of(Bundle.APPLY, Bundle.UPGRADE, Bundle.ROLLBACK));
    Set<String> revisions = new HashSet<>();
    for (int i = 0; i < manifest.steps().size(); i++) {
      ManifestModel.Step step = manifest.steps().get(i);
      String at = "steps[" + i + "]";
      if (step.position() != i + 1 || !step.direction().equals("upgrade")) {
        throw disagrees(Bundle.MANIFEST + "'s " + at + " has position " + step.position()
            + " and direction " + BundleProblem.quoted(step.direction()) + "; it is step " + (i + 1)
            + " of the upgrade");
      }
      if (!revisions.add(step.revision())) {
        throw disagrees(Bundle.MANIFEST + " lists revision " + step.revision() + " twice");
      }
      String stem = Bundle.REVISIONS + String.format("%04d_%s", i + 1, step.revision());
      fixed(at + ".up.path", step.up().path(), stem + ".up.sql");
      fixed(at + ".down.path", step.down().path(), stem + ".down.sql");
      String source = step.source().path();
      if (!source.startsWith(Bundle.SOURCES) || source.indexOf('/', Bundle.SOURCES.length()) >= 0
          || !source.endsWith(".sql") || !expected.add(source)) {
        throw disagrees(Bundle.MANIFEST + "'s " + at + ".source.path is "
            + BundleProblem.quoted(source) + ", not a revision file of its own under sources/");
      }
      expected.add(step.up().path());
      expected.add(step.down().path());
    }
    String previous = "";
    for (ManifestModel.FileEntry file : manifest.files()) {
      if (file.path().compareTo(previous) <= 0) {
        throw disagrees(Bundle.MANIFEST + "'s files are not sorted by path at "
            + BundleProblem.quoted(file.path()));
      }
      previous = file.path();
      if (!expected.remove(file.path()) && !Bundle.OPTIONAL.contains(file.path())) {
        throw disagrees(BundleProblem.quoted(file.path()) + " belongs to no step of "
            + Bundle.MANIFEST + " and is not a file every bundle has");
      }
    }
    if (!expected.isEmpty()) {
      throw disagrees(Bundle.MANIFEST + "'s files do not list " + BundleProblem.quoted(
          new TreeSet<>(expected).first()));
    }
  }

  /**
   * Each step's two scripts: the rows chain from {@code from} to {@code to}, each upgrade moves to
   * its revision, each downgrade undoes its upgrade; each source's header names the step.
   */
  private void steps() throws BundleProblem {
    List<String> rows = manifest.from();
    for (ManifestModel.Step step : manifest.steps()) {
      ScriptFacts up = facts(step.up().path());
      List<List<String>> upRows = ScriptCheck.rows(step.up().path(), up);
      if (!upRows.get(0).equals(rows)) {
        throw disagrees(step.up().path() + " starts from " + upRows.get(0) + ", but the step"
            + " before it in " + Bundle.MANIFEST + " ends at " + rows);
      }
      List<String> after = upRows.get(1);
      if (!after.contains(step.revision()) || rows.contains(step.revision())) {
        throw disagrees(step.up().path() + " goes from " + rows + " to " + after + ", which is"
            + " not an upgrade to " + step.revision());
      }
      scripts.check(new ScriptCheck.Expected(step.up().path(), true, rows, after, List.of(step),
          Optional.empty()), up);
      scripts.check(new ScriptCheck.Expected(step.down().path(), false, after, rows, List.of(step),
          Optional.empty()), facts(step.down().path()));
      source(step);
      rows = after;
    }
    if (!rows.equals(manifest.to())) {
      throw disagrees("the steps of " + Bundle.MANIFEST + " end at " + rows + ", but its 'to' is "
          + manifest.to());
    }
  }

  /** The revision file's header names the step's revision, parents and message. */
  private void source(ManifestModel.Step step) throws BundleProblem {
    String path = step.source().path();
    SourceHeader header = files.get(path).source().orElseThrow();
    if (header.cut()) {
      throw disagrees(path + " repeats a header key, or its header is longer than "
          + SourceHeader.MAX_CHARS + " characters");
    }
    if (!header.revision().equals(Optional.of(step.revision()))
        || !header.revises().equals(Optional.of(step.parents()))
        || !header.message().orElse("").equals(step.message())) {
      throw disagrees(path + "'s header (revision " + header.revision().orElse("none")
          + ", revises " + header.revises().map(ScriptCheck::joined).orElse("nothing")
          + ", message " + BundleProblem.quoted(header.message().orElse("")) + ") is not step "
          + step.position() + " of " + Bundle.MANIFEST + " (" + step.revision() + ", revises "
          + ScriptCheck.joined(step.parents()) + ", message " + BundleProblem.quoted(step.message())
          + ")");
    }
  }

  /** {@code upgrade.sql} or {@code rollback.sql}: its header, preamble and segments. */
  private void script(ManifestModel.Script script, String path, boolean upgrade,
      List<String> from, List<String> to, List<ManifestModel.Step> steps) throws BundleProblem {
    ScriptFacts facts = facts(path);
    List<ManifestModel.Segment> segments = script.segments();
    scripts.check(new ScriptCheck.Expected(path, upgrade, from, to, steps,
        Optional.of(segments.size())), facts);
    new SegmentCheck(manifest.transactionMode(), Dialect.byId(manifest.dialect()).orElseThrow(),
        manifest.guards(), path).check(segments, steps, to, facts);
  }

  private ScriptFacts facts(String path) {
    return files.get(path).script().orElseThrow();
  }

  private static void fixed(String key, String actual, String expected) throws BundleProblem {
    if (!actual.equals(expected)) {
      throw disagrees(Bundle.MANIFEST + "'s " + key + " is " + BundleProblem.quoted(actual)
          + "; in a bundle it is always " + BundleProblem.quoted(expected));
    }
  }

  /** A side of the range in the folder name: the rows joined with {@code +}, or {@code base}. */
  private static String side(List<String> rows) {
    return rows.isEmpty() ? "base" : String.join("+", rows);
  }

  private static BundleProblem disagrees(String message) {
    return ScriptCheck.disagrees(message);
  }
}
