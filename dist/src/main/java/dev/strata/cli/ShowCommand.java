package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.Target;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionId;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code strata show REV [--sql]}: everything about one revision (Alembic's {@code alembic show},
 * plus its children and the SHA-256 of its file), and with {@code --sql} the scripts of its step
 * alone: the upgrade step as an upgrade from base to REV runs it (from the rows just before it),
 * and the downgrade from REV to its parents. REV must name exactly one revision, else E0330.
 */
@Command(
    name = "show",
    description = {
      "Show one revision, and with --sql the SQL of its step.",
      "As Alembic's 'show': parents, children, labels, depends-on, path,",
      "SHA-256 and message; --sql adds the upgrade and downgrade script",
      "of this revision's step alone."
    })
final class ShowCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Mixin ReadOptions options;

  @Parameters(
      index = "0",
      paramLabel = "REV",
      description = "One revision: an id, a unique id prefix, head.")
  String revision;

  @Option(names = "--sql", description = "Also print the upgrade and downgrade SQL of this step.")
  boolean sql;

  @Option(
      names = "--dialect",
      paramLabel = "NAME",
      defaultValue = "postgresql",
      converter = CompileOptions.DialectConverter.class,
      description = "SQL dialect for --sql: " + CompileOptions.DIALECTS
          + " (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = ReportFormat.Converter.class,
      description = "text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--verbose", description = "Print a stack trace on internal errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static final Target BASE = new Target.Base(Optional.empty());

  /**
   * The rendered scripts of one step.
   *
   * @param downgrade empty when the revision has no {@code -- +downgrade} section or is marked
   *     {@code -- +irreversible}
   * @param irreversible the revision is marked {@code -- +irreversible}
   */
  record StepSql(
      Dialect dialect, String upgrade, Optional<String> downgrade, boolean irreversible) {}

  @Override
  public Integer call() throws DiagnosticException {
    Compilation compilation = Compilation.unlocked(options.versions, options.cache(spec));
    List<String> named = compilation.planner().resolve(Range.targets(revision));
    RevisionFacts facts = new RevisionFacts.Index(compilation.graph()).of(one(named));
    Optional<StepSql> scripts = sql ? Optional.of(render(compilation, facts)) : Optional.empty();
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case TEXT -> text(facts, scripts);
          case JSON -> json(facts, scripts);
        });
    out.flush();
    return Main.OK;
  }

  /** The one revision {@code named} holds, else E0330 pointing at the whole argument. */
  private String one(List<String> named) throws DiagnosticException {
    if (named.size() == 1) {
      return named.get(0);
    }
    SourceFile source = new SourceFile("<range>", revision);
    Span all = new Span(1, 1, Math.max(1, revision.length()));
    if (named.isEmpty()) {
      throw new DiagnosticException(Diagnostic.error("E0330",
          "'" + revision + "' names no revision; show takes one", source, all,
          "help: name a revision by its id or a unique prefix of it"));
    }
    throw new DiagnosticException(Diagnostic.error("E0330",
        "'" + revision + "' names " + named.size() + " revisions; show takes one", source, all,
        "help: name one of " + String.join(", ", named)));
  }

  /**
   * The upgrade step as the last step of {@code base:REV} (so its start rows include any
   * {@code depends-on} head the step consumes), and the downgrade {@code REV:PARENTS}.
   */
  private StepSql render(Compilation compilation, RevisionFacts facts)
      throws DiagnosticException {
    ScriptOptions scriptOptions = ScriptOptions.defaults(ToolVersion.get())
        .withTransactionMode(DialectOptions.defaultMode(dialect));
    Target self = exact(facts.id());
    List<Plan> steps = compilation
        .plan(Direction.UPGRADE, Range.of(List.of(BASE), List.of(self)))
        .perStep();
    String upgrade =
        compilation.render(steps.get(steps.size() - 1), dialect, scriptOptions).text();
    Optional<String> downgrade = Optional.empty();
    // the written section, or the one derived from the schema model (which throws E063x)
    RevisionFile file = compilation.graph().revision(facts.id()).orElseThrow();
    Section section = compilation.planner().downgradeOf(file);
    boolean irreversible = section.irreversible();
    if (!irreversible) {
      List<Target> to = facts.base()
          ? List.of(BASE)
          : facts.parents().stream().map(ShowCommand::exact).toList();
      Plan plan = compilation.plan(Direction.DOWNGRADE, Range.of(List.of(self), to));
      downgrade = Optional.of(compilation.render(plan, dialect, scriptOptions).text());
    }
    return new StepSql(dialect, upgrade, downgrade, irreversible);
  }

  private static Target exact(String id) {
    return new Target.Exact(new RevisionId(id));
  }

  private static String text(RevisionFacts facts, Optional<StepSql> scripts) {
    StringBuilder text = new StringBuilder(RevisionText.entry(facts, true));
    scripts.ifPresent(s -> {
      text.append("\nUpgrade SQL (").append(s.dialect().id()).append("):\n\n").append(s.upgrade());
      text.append("\nDowngrade SQL (").append(s.dialect().id()).append("):");
      s.downgrade().ifPresentOrElse(
          d -> text.append("\n\n").append(d),
          () -> text.append(" none: '").append(facts.id()).append(s.irreversible()
              ? "' is marked '-- +irreversible'\n" : "' has no '-- +downgrade' section\n"));
    });
    return text.toString();
  }

  private static String json(RevisionFacts facts, Optional<StepSql> scripts) {
    ObjectNode root = RevisionJson.object();
    root.set("revision", RevisionJson.revision(facts));
    if (scripts.isEmpty()) {
      root.putNull("sql");
    } else {
      ObjectNode node = root.putObject("sql");
      node.put("dialect", scripts.get().dialect().id());
      node.put("upgrade", scripts.get().upgrade());
      node.put("downgrade", scripts.get().downgrade().orElse(null));
    }
    return JsonText.write(root);
  }
}
