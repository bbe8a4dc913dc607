package dev.strata.cli;

import dev.strata.dialects.Dialect;
import dev.strata.dialects.ScriptIdentity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks one script of a bundle against what {@code MANIFEST.json} says made it: its header (the
 * dialect's client directives, {@code Dialect.clientDirectives()}: for psql {@code \set
 * ON_ERROR_STOP on}, then {@code \encoding UTF8}, which must be there so that psql lexes the
 * script as UTF-8 whatever the client encoding; then, written by {@code ScriptHeader} for every
 * dialect, tool version, direction, start and end rows, dialect, version table, and the checksum
 * of the revision files of its steps, in order), its {@code -- run:} line (psql only: its id
 * hashes the transaction mode; {@code Progress.runId}), and its preamble (the guard, the session
 * settings of the timeouts). Header lines after those strata knows that are plain comments are
 * ignored. Disagreements are {@link BundleProblem.Kind#DISAGREES}. The manifest's dialect is
 * known to be one strata knows ({@link ManifestChecker} checks it first).
 */
final class ScriptCheck {
  private final ManifestModel manifest;

  ScriptCheck(ManifestModel manifest) {
    this.manifest = manifest;
  }

  /** The manifest's dialect. */
  private Dialect dialect() {
    return Dialect.byId(manifest.dialect()).orElseThrow(
        () -> new IllegalStateException("unknown dialect " + manifest.dialect()));
  }

  /**
   * What one script must say.
   *
   * @param path its path in the bundle
   * @param upgrade its direction: upgrade, else downgrade
   * @param from the version-table rows it starts from
   * @param to the rows it ends at
   * @param steps its steps, in its order
   * @param segments how many segments it has, when the manifest says (upgrade and rollback)
   */
  record Expected(String path, boolean upgrade, List<String> from, List<String> to,
      List<ManifestModel.Step> steps, Optional<Integer> segments) {}

  /** The script's {@code -- from:} and {@code -- to:} rows, for a step's scripts. */
  static List<List<String>> rows(String path, ScriptFacts facts) throws BundleProblem {
    List<String> from = null;
    List<String> to = null;
    for (String line : facts.header()) {
      if (line.startsWith("-- from: ") && from == null) {
        from = heads(line.substring("-- from: ".length()));
      } else if (line.startsWith("-- to: ") && to == null) {
        to = heads(line.substring("-- to: ".length()));
      }
    }
    if (from == null || to == null) {
      throw disagrees(path + " has no strata header ('-- from:' and '-- to:' lines)");
    }
    return List.of(from, to);
  }

  /** Checks {@code facts} of the script {@code expected} describes. */
  void check(Expected expected, ScriptFacts facts) throws BundleProblem {
    List<String> want = header(expected);
    List<String> have = facts.header();
    if (facts.headerCut()) {
      throw disagrees(expected.path() + " has a header longer than strata writes");
    }
    for (int i = 0; i < want.size(); i++) {
      String actual = i < have.size() ? have.get(i) : "";
      if (!actual.equals(want.get(i))) {
        throw disagrees(expected.path() + "'s header line " + (i + 1) + " is "
            + BundleProblem.quoted(actual) + ", but " + Bundle.MANIFEST + " makes it "
            + BundleProblem.quoted(want.get(i)));
      }
    }
    run(expected, have.subList(want.size(), have.size()));
    preamble(expected.path(), facts);
  }

  /** The header lines strata writes for {@code expected}, up to its sources line. */
  private List<String> header(Expected expected) {
    String from = joined(expected.from());
    String to = joined(expected.to());
    int files = expected.steps().size();
    List<String> lines = new ArrayList<>(dialect().clientDirectives());
    lines.addAll(List.of(
        "-- strata " + manifest.toolVersion() + ": " + direction(expected) + " " + from + " -> "
            + to + " (" + manifest.dialect() + ")",
        "-- from: " + from,
        "-- to: " + to,
        "-- version table: " + versionTable(),
        "-- sources: sha256:" + sourcesChecksum(expected.steps()) + " over " + files
            + (files == 1 ? " revision file" : " revision files")));
    return lines;
  }

  /**
   * The {@code -- run:} line: there exactly when the script is guarded and has several segments,
   * with the id that hashes the manifest's transaction mode.
   */
  private void run(Expected expected, List<String> rest) throws BundleProblem {
    Optional<String> run = rest.stream().filter(line -> line.startsWith("-- run: ")).findFirst();
    boolean wanted = recordsRun()
        && manifest.guards() && expected.segments().map(n -> n > 1).orElse(run.isPresent());
    if (run.isPresent() != wanted) {
      String records = expected.path() + (run.isPresent() ? " records" : " does not record")
          + " its progress ('-- run:'), but " + Bundle.MANIFEST;
      throw disagrees(!recordsRun() ? records + " says dialect " + manifest.dialect()
          + ", whose scripts mark their segments instead"
          : !manifest.guards() ? records + " says guards: false"
          : records + " lists " + expected.segments().orElse(0) + " segment"
              + (expected.segments().orElse(0) == 1 ? "" : "s") + " for it");
    }
    if (run.isEmpty()) {
      return;
    }
    String prefix = "-- run: " + runId(expected) + " (";
    String suffix = " segments, progress in " + progressTable() + ")";
    String line = run.get();
    boolean ok = line.startsWith(prefix) && line.endsWith(suffix)
        && line.substring(prefix.length(), line.length() - suffix.length()).matches("[0-9]{1,9}")
        && expected.segments().map(n -> line.equals(prefix + n + suffix)).orElse(true);
    if (!ok) {
      throw disagrees(expected.path() + "'s " + BundleProblem.quoted(line) + " is not the run of"
          + " a " + manifest.transactionMode() + "-mode script with the version table and segments"
          + " " + Bundle.MANIFEST + " gives");
    }
  }

  /** The guard and the timeouts, which strata writes before the first segment. */
  private void preamble(String path, ScriptFacts facts) throws BundleProblem {
    if (facts.guard() != manifest.guards()) {
      throw disagrees(path + (facts.guard() ? " checks" : " does not check") + " the version"
          + " table before its first change, but " + Bundle.MANIFEST + " says guards: "
          + manifest.guards());
    }
    switch (dialect()) {
      case POSTGRESQL -> {
        List<String> settings = new ArrayList<>();
        if (manifest.lockTimeout() != null) {
          settings.add("SET lock_timeout = '" + manifest.lockTimeout() + "';");
        }
        if (manifest.statementTimeout() != null) {
          settings.add("SET statement_timeout = '" + manifest.statementTimeout() + "';");
        }
        if (!facts.settings().equals(settings)) {
          throw disagrees(path + " sets " + facts.settings() + " before its first segment, but "
              + Bundle.MANIFEST + "'s lockTimeout and statementTimeout make it " + settings);
        }
      }
      case MYSQL, MARIADB -> {
        settings(path, facts, "lockTimeout", manifest.lockTimeout(),
            "SET SESSION lock_wait_timeout = ");
        settings(path, facts, "statementTimeout", manifest.statementTimeout(),
            dialect() == Dialect.MARIADB ? "SET SESSION max_statement_time = "
                : "SET SESSION max_execution_time = ");
      }
      case SQLITE -> {
        // sqlite3's busy timeout is the lock timeout, and also the lock wait around each BEGIN
        // IMMEDIATE (in the preamble when the script has one segment): only then is it known
        if (manifest.lockWait() == null) {
          settings(path, facts, "lockTimeout", manifest.lockTimeout(), ".timeout ");
        }
      }
    }
  }

  /**
   * A timeout of a client other than psql, which the framing writes in its own unit: the script
   * sets it (a line starting with {@code start}) exactly when the manifest names it.
   */
  private static void settings(String path, ScriptFacts facts, String key, String value,
      String start) throws BundleProblem {
    boolean set = facts.settings().stream().anyMatch(line -> line.startsWith(start));
    if (set != (value != null)) {
      throw disagrees(path + (set ? " sets " : " does not set ") + start.strip() + " before its"
          + " first segment, but " + Bundle.MANIFEST + "'s " + key + " is "
          + (value == null ? "not set" : BundleProblem.quoted(value)));
    }
  }

  /** Whether the dialect's scripts record their progress in a table named by a {@code -- run:} line. */
  private boolean recordsRun() {
    return switch (dialect()) {
      case POSTGRESQL -> true;
      case MYSQL, MARIADB, SQLITE -> false;
    };
  }

  /** The run id of {@code Progress.runId}, from the manifest's values. */
  private String runId(Expected expected) {
    return ScriptIdentity.runId(direction(expected), expected.from(), expected.to(),
        sourcesChecksum(expected.steps()), manifest.transactionMode(), versionTable());
  }

  /** The header's {@code -- sources:} checksum of the steps' source files, in the script's order. */
  static String sourcesChecksum(List<ManifestModel.Step> steps) {
    return ScriptIdentity.sourcesChecksum(steps.stream()
        .map(step -> new ScriptIdentity.Source(step.source().sha256(), step.revision()))
        .toList());
  }

  /** The version table as scripts name it ({@code VersionTable.displayName}). */
  private String versionTable() {
    ManifestModel.VersionTableName table = manifest.versionTable();
    return table.schema() == null ? name(table.name())
        : name(table.schema()) + "." + name(table.name());
  }

  /** The progress table as scripts name it: in the version table's schema. */
  private String progressTable() {
    String schema = manifest.versionTable().schema();
    return schema == null ? "strata_progress" : name(schema) + ".strata_progress";
  }

  /**
   * A configured name as jOOQ renders it for the dialect ({@code VersionTable.plainName}): plain
   * when a lowercase identifier, else quoted with the quote doubled: {@code "..."} for
   * PostgreSQL, {@code `...`} for MySQL, MariaDB and SQLite.
   */
  private String name(String name) {
    if (name.matches("[a-z_][a-z0-9_$]*")) {
      return name;
    }
    return switch (dialect()) {
      case POSTGRESQL -> "\"" + name.replace("\"", "\"\"") + "\"";
      case MYSQL, MARIADB, SQLITE -> "`" + name.replace("`", "``") + "`";
    };
  }

  private static String direction(Expected expected) {
    return expected.upgrade() ? "upgrade" : "downgrade";
  }

  /** Rows as headers print them ({@link ScriptIdentity#heads}). */
  static String joined(List<String> heads) {
    return ScriptIdentity.heads(heads);
  }

  private static List<String> heads(String text) {
    return text.equals("base") ? List.of() : Arrays.asList(text.split(", ", -1));
  }

  static BundleProblem disagrees(String message) {
    return new BundleProblem(BundleProblem.Kind.DISAGREES, message);
  }
}
