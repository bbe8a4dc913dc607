package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Target;
import dev.strata.compiler.schema.PlanModels;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What compiling every revision for one dialect reports, for {@code strata check}: so that a
 * directory that {@code check} passes is one that {@code upgrade}, {@code downgrade} and {@code
 * bundle} compile. With a graph, the whole chain is planned and rendered as the compiling commands
 * do it, once upgrading ({@code base:heads}) and once downgrading ({@code heads:base}), with the
 * default script options: every planning and rendering error (E04xx, at the statement), and each
 * statement of a revision without a downgrade section whose downgrade cannot be derived
 * (E0630-E0633). Errors are left out where {@code check} reports them otherwise: the schema
 * checks' errors (E06xx), which stop a plan and which {@link VersionsChecker} reports once, and an
 * {@code -- +irreversible} revision (E0216), a choice refused only when a downgrade or bundle
 * crosses it. When the graph
 * has errors, or the downgrade cannot be planned, each section is rendered statement by statement
 * instead, so that its rendering errors are still reported; but not for a dialect that {@linkplain
 * Dialect#rendersFromModel() renders from the schema model}, whose statements render only with
 * the model they run on: there, as {@code upgrade --dialect D} would, a graph with errors reports
 * those errors alone, and a downgrade that cannot be planned is rendered around the revisions
 * whose downgrade cannot be had ({@link #downgradesAround}). So {@code check --dialect D}
 * reports what the compiling commands would, statement for statement.
 */
final class CompileCheck {
  /** Downgrade codes that {@code check} reports otherwise, or not at all (see above). */
  private static final Set<String> REPORTED_ELSEWHERE = Set.of("E0306", "E0216");

  private static final Target BASE = new Target.Base(Optional.empty());
  private static final Target HEADS = new Target.Heads(Optional.empty());

  /** The range of the upgrade {@code check} compiles: every revision, {@code base:heads}. */
  static final Range UPGRADE = Range.of(List.of(BASE), List.of(HEADS));

  private final Dialect dialect;
  private final Renderer renderer;
  private final ScriptOptions options;

  /** A check for {@code dialect}. */
  CompileCheck(Dialect dialect) {
    this.dialect = dialect;
    this.renderer = Renderer.forDialect(dialect);
    this.options = ScriptOptions.defaults(ToolVersion.get())
        .withTransactionMode(DialectOptions.defaultMode(dialect));
  }

  /**
   * Every problem of compiling the revisions of {@code compilation}'s graph, upgrade first; the
   * compilation's schema checks are run once for both directions ({@link
   * Compilation#schemaChecks}).
   */
  List<Diagnostic> problems(Compilation compilation) {
    return problems(compilation, Optional.empty());
  }

  /**
   * As {@link #problems(Compilation)}, the upgrade rendered from {@code upgrade} when given: the
   * models of the plan of {@link #UPGRADE}, shared with lint ({@link ModelHandoff}), so that
   * {@code check} replays a dialect that renders from the model once for both. The caller closes
   * it.
   */
  List<Diagnostic> problems(Compilation compilation, Optional<ModelHandoff> upgrade) {
    List<Diagnostic> out = new ArrayList<>();
    chain(compilation, Direction.UPGRADE, UPGRADE, upgrade).stream()
        .filter(d -> !schemaCheck(d.code()))
        .forEach(out::add);
    chain(compilation, Direction.DOWNGRADE, Range.of(List.of(HEADS), List.of(BASE)),
        Optional.empty()).stream()
        .filter(d -> !REPORTED_ELSEWHERE.contains(d.code()))
        .filter(d -> !schemaCheck(d.code()))
        .forEach(out::add);
    return out;
  }

  /**
   * A schema check's code (E0601-E0629, W06xx), which stops a plan (and the replay behind a
   * derived downgrade reports too): {@code SchemaChecks} reports it once. Derivation's own codes
   * (E0630-E0639) stay.
   */
  private static boolean schemaCheck(String code) {
    return code.length() == 5 && code.substring(1, 3).equals("06")
        && !code.startsWith("E063");
  }

  /**
   * Every rendering problem of {@code files}, section by section (for a graph with errors); none
   * for a dialect that renders from the schema model, which has no model without a graph.
   */
  List<Diagnostic> problems(List<RevisionFile> files) {
    List<Diagnostic> out = new ArrayList<>();
    if (dialect.rendersFromModel()) {
      return out;
    }
    for (Direction direction : Direction.values()) {
      out.addAll(sections(files, direction));
    }
    return out;
  }

  /** The problems of planning and rendering {@code range}, from {@code models} when given. */
  private List<Diagnostic> chain(Compilation compilation, Direction direction, Range range,
      Optional<ModelHandoff> models) {
    RevisionGraph graph = compilation.graph();
    Plan plan;
    try {
      plan = compilation.plan(direction, range);
    } catch (DiagnosticException e) {
      List<Diagnostic> out = new ArrayList<>(e.diagnostics());
      if (!dialect.rendersFromModel()) {
        out.addAll(sections(graph.revisions(), direction));
      } else if (direction == Direction.DOWNGRADE) {
        out.addAll(downgradesAround(compilation));
      }
      return out;
    }
    if (models.isPresent()) { // the same range planned by the same planner: the same plan
      return rendered(compilation, models.get().plan(), models.get());
    }
    return rendered(compilation, plan, compilation.replay(dialect));
  }

  /** What rendering {@code plan} from {@code models} reports, none when it renders. */
  private List<Diagnostic> rendered(Compilation compilation, Plan plan, PlanModels models) {
    try {
      compilation.compile(plan, dialect, options, models);
      return List.of();
    } catch (DiagnosticException e) {
      return e.diagnostics();
    }
  }

  /**
   * For a dialect that renders from the schema model, when the downgrade of the whole chain cannot
   * be planned (a revision whose downgrade cannot be derived, E0630-E0633): the inverse of the
   * upgrade {@code base:heads}, each downgrade that cannot be had replaced by an empty body, is
   * rendered as a whole, so that every other downgrade is rendered with the models it runs on
   * (which come from the replay of the upgrades, never from the downgrades before it). The
   * missing downgrades' own diagnostics are the plan's, reported already. Nothing when the
   * upgrade cannot be planned either: its errors (the schema checks') are reported already, and
   * without the replay no statement has its model.
   */
  private List<Diagnostic> downgradesAround(Compilation compilation) {
    Plan rollback;
    try {
      Plan upgrade = compilation.plan(Direction.UPGRADE, Range.of(List.of(BASE), List.of(HEADS)));
      rollback = upgrade.inverse(file -> {
        try {
          return compilation.planner().downgradeOf(file);
        } catch (DiagnosticException e) {
          return new Section(Direction.DOWNGRADE, List.of(), file.upgrade().span());
        }
      });
    } catch (DiagnosticException e) {
      return List.of();
    }
    return rendered(compilation, rollback, compilation.replay(dialect)).stream()
        .filter(d -> !d.code().startsWith("E063"))
        .toList();
  }

  private List<Diagnostic> sections(List<RevisionFile> files, Direction direction) {
    List<Diagnostic> out = new ArrayList<>();
    for (RevisionFile file : files) {
      Optional<Section> section = switch (direction) {
        case UPGRADE -> Optional.of(file.upgrade());
        case DOWNGRADE -> file.downgrade();
      };
      for (Statement statement : section.map(Section::statements).orElse(List.of())) {
        try {
          renderer.renderStatement(statement, file.source());
        } catch (DiagnosticException e) {
          out.addAll(e.diagnostics());
        }
      }
    }
    return out;
  }
}
