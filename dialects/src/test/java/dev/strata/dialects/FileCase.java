package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file-driven golden case: {@code golden/<name>/versions/*.sql} (real revision files), compiled
 * for each dialect of {@link GoldenTest#DIALECTS} as {@code strata upgrade base:heads} into {@code
 * <dialect>.sql} and, when every revision has a {@code -- +downgrade} section, as {@code strata
 * downgrade heads:base} into {@code <dialect>.down.sql}; where the dialect cannot express a
 * statement, the expected diagnostics (as printed) are in {@code <dialect>.err} / {@code
 * <dialect>.down.err} instead.
 */
record FileCase(String name, Path dir) {
  static final String VERSIONS = "versions";
  static final String UPGRADE_FILE = "postgresql.sql";
  static final String DOWNGRADE_FILE = "postgresql.down.sql";

  /**
   * A case file saying why the case's statements cannot be run directly with psql (they use a form
   * that strata accepts and PostgreSQL does not, such as RENAME among other ALTER TABLE actions),
   * so {@code PostgresGoldenTest} does not compare the script's schema with a direct run's.
   */
  static final String NOT_DIRECT = "not-direct.txt";

  Path versions() {
    return dir.resolve(VERSIONS);
  }

  Path upgradeGolden() {
    return dir.resolve(UPGRADE_FILE);
  }

  Path downgradeGolden() {
    return dir.resolve(DOWNGRADE_FILE);
  }

  /** The golden file of {@code dialect}: {@code <id>[.down].sql}, or {@code .err} on failure. */
  Path golden(Dialect dialect, Direction direction, boolean failed) {
    return dir.resolve(fileName(dialect, direction, failed));
  }

  static String fileName(Dialect dialect, Direction direction, boolean failed) {
    return dialect.id() + (direction == Direction.DOWNGRADE ? ".down" : "")
        + (failed ? ".err" : ".sql");
  }

  /**
   * This case rendered for {@code dialect}: each script, or the diagnostics that stop it, as
   * printed.
   */
  Outcomes render(Dialect dialect) throws DiagnosticException {
    RevisionGraph graph = graph();
    Planner planner = new Planner(graph);
    Renderer renderer = Renderer.forDialect(dialect);
    dev.strata.compiler.schema.Replay replay =
        dev.strata.compiler.schema.Replay.of(graph, dialect.dialectId());
    Outcome upgrade = outcome(renderer, replay,
        planner.plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:heads")));
    boolean downgradable = graph.revisions().stream().allMatch(r -> r.downgrade().isPresent());
    Optional<Outcome> downgrade = downgradable
        ? Optional.of(outcome(renderer, replay,
            planner.plan(Direction.DOWNGRADE, Range.parse(Direction.DOWNGRADE, "heads:base"))))
        : Optional.empty();
    return new Outcomes(upgrade, downgrade);
  }

  private static Outcome outcome(Renderer renderer, dev.strata.compiler.schema.Replay replay,
      Plan plan) {
    try {
      return new Outcome(
          renderer.renderScript(plan, GoldenCases.OPTIONS, replay).text(), false);
    } catch (DiagnosticException e) {
      StringBuilder text = new StringBuilder();
      e.diagnostics().forEach(d -> text.append(d.format()));
      return new Outcome(text.toString(), true);
    }
  }

  /** A rendered script, or the diagnostics ({@code failed}) that stopped it. */
  record Outcome(String text, boolean failed) {}

  /** The outcomes of one case in one dialect. */
  record Outcomes(Outcome upgrade, Optional<Outcome> downgrade) {}

  /** Loads, plans and renders this case's versions directory, from scratch on every call. */
  Scripts render() throws DiagnosticException {
    return render(versions());
  }

  /** The graph of this case's versions directory. */
  RevisionGraph graph() throws DiagnosticException {
    return RevisionGraph.build(VersionsLoader.load(versions()));
  }

  /** The upgrade plan {@code base:heads}. */
  Plan upgradePlan() throws DiagnosticException {
    return new Planner(graph())
        .plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:heads"));
  }

  /**
   * What the CLI prints for {@code versions} with the default version table and {@link
   * GoldenCases#OPTIONS} (a fixed tool version, so the files do not change with the project's).
   */
  static Scripts render(Path versions) throws DiagnosticException {
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(versions));
    Planner planner = new Planner(graph);
    Renderer renderer = Renderer.forDialect(Dialect.POSTGRESQL);
    String upgrade =
        renderer.render(
            planner.plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "base:heads")),
            GoldenCases.OPTIONS);
    boolean downgradable =
        graph.revisions().stream().allMatch(r -> r.downgrade().isPresent());
    Optional<String> downgrade =
        downgradable
            ? Optional.of(
                renderer.render(
                    planner.plan(
                        Direction.DOWNGRADE, Range.parse(Direction.DOWNGRADE, "heads:base")),
                    GoldenCases.OPTIONS))
            : Optional.empty();
    return new Scripts(upgrade, downgrade);
  }

  /** The rendered scripts of one versions directory. */
  record Scripts(String upgrade, Optional<String> downgrade) {}
}
