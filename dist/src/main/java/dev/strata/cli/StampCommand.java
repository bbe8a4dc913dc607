package dev.strata.cli;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Stamp;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Direction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code strata stamp [FROM:]REV...}: the SQL that sets the version table to REV without running
 * any revision, as Alembic's offline {@code alembic stamp FROM:REV --sql}, but guarded: the script
 * stops before any change unless the table is empty or absent (no {@code FROM:}) or holds exactly
 * FROM; {@code --purge} deletes every row first instead, as Alembic's {@code stamp --purge}. The
 * script is rendered by {@link Renderer#renderStamp} and printed, or written atomically to {@code
 * -o FILE} (E0501 when it cannot be).
 *
 * <p>Diagnostics: E0660 more than one argument with a {@code FROM:}; E0661 two revisions of one
 * state where one is an ancestor of the other (a version table holds heads only); E0662 {@code
 * FROM:} with {@code --purge}; and the planner's resolution errors (E0301-E0312) for each name.
 */
@Command(
    name = "stamp",
    description = {
      "Print the SQL that sets the version table to REV; no revision runs.",
      "As Alembic's 'stamp --sql', creating the table when absent. The script",
      "refuses to run unless the table is empty or absent, or, with FROM:REV,",
      "holds exactly FROM; --purge deletes every row first instead. Several",
      "REVs (or comma-separated ones) stamp several heads; 'base' clears it."
    })
final class StampCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Mixin CompileOptions options;

  @Parameters(
      arity = "1..*",
      paramLabel = "[FROM:]REV",
      description = "Revisions: base, head, heads, an id, a unique id prefix, a branch label,"
          + " BRANCH@head; FROM:REV (one argument at most) names what the table must hold.")
  List<String> revisions;

  @Option(
      names = "--purge",
      description = "Delete every row of the version table first, whatever it holds, instead"
          + " of checking it (Alembic's stamp --purge).")
  boolean purge;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the script to FILE (atomically) instead of standard output.")
  Optional<Path> output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (output.isPresent()) {
      OutputFile.requireOutsideSources(output.get(), options.source.versions, "stamp.sql");
    }
    ScriptOptions scriptOptions = options.scriptOptions(ToolVersion.get());
    Compilation compilation =
        Compilation.load(options.source.versions, options.source.cache(spec));
    Stamp stamp = stamp(compilation);
    String script = Renderer.forDialect(options.dialect).renderStamp(stamp, scriptOptions).text();
    if (output.isPresent()) {
      Path target = output.get();
      try {
        OutputFile.write(target, script);
      } catch (IOException e) {
        throw OutputFile.cannotWrite(target, e, "-o names a file in an existing, writable directory");
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(script);
      out.flush();
    }
    return Main.OK;
  }

  /**
   * The stamp the arguments name over the compilation's graph.
   *
   * @throws DiagnosticException E0660, E0661, E0662 (see the class) and the resolution errors
   */
  private Stamp stamp(Compilation compilation) throws DiagnosticException {
    Planner planner = compilation.planner();
    RevisionGraph graph = compilation.graph();
    List<Diagnostic> problems = new ArrayList<>();
    Optional<Range> fromRange = Optional.empty();
    List<Range> targets = new ArrayList<>();
    for (String argument : revisions) {
      Range range;
      try {
        range = Range.parse(Direction.UPGRADE, argument);
      } catch (DiagnosticException e) {
        problems.addAll(e.diagnostics());
        continue;
      }
      if (range.from().isPresent()) {
        Span whole = new Span(1, 1, Math.max(1, argument.length()));
        if (purge) {
          problems.add(Diagnostic.error("E0662",
              "--purge deletes whatever the version table holds: FROM: names nothing to check",
              range.source(), whole,
              "help: stamp '" + argument.substring(argument.indexOf(':') + 1) + "' with --purge,"
                  + " or drop --purge to refuse unless the table holds FROM"));
        } else if (fromRange.isPresent()) {
          problems.add(Diagnostic.error("E0660",
              "a stamp has one starting state: FROM: may be given in one argument only",
              range.source(), whole,
              "help: name several starting heads comma-separated in one FROM,"
                  + " e.g. 'a,b:c'"));
        } else {
          fromRange = Optional.of(new Range(range.source(), Optional.empty(), range.from().get()));
        }
      }
      targets.add(new Range(range.source(), Optional.empty(), range.to()));
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    List<String> from = fromRange.isPresent()
        ? rows(planner, graph, List.of(fromRange.get()), "starting", problems)
        : List.of();
    List<String> to = rows(planner, graph, targets, "target", problems);
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new Stamp(from, to, purge);
  }

  /**
   * The revisions {@code sides} name, sorted and distinct, checked to be heads of one state: none
   * an ancestor of another (E0661, at the argument that names the ancestor, which the help says
   * to leave out; at the descendant's when the ancestor was not named itself).
   */
  private static List<String> rows(Planner planner, RevisionGraph graph, List<Range> sides,
      String which, List<Diagnostic> problems) {
    TreeSet<String> rows = new TreeSet<>();
    List<Range> origin = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Range side : sides) {
      try {
        for (String id : planner.resolve(side)) {
          ids.add(id);
          origin.add(side);
          rows.add(id);
        }
      } catch (DiagnosticException e) {
        problems.addAll(e.diagnostics());
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      List<String> below = graph.ancestors(ids.get(i));
      for (String other : rows) {
        if (!other.equals(ids.get(i)) && below.contains(other)) {
          int named = ids.indexOf(other);
          Range side = named >= 0 ? origin.get(named) : origin.get(i);
          problems.add(Diagnostic.error("E0661",
              "the " + which + " revisions hold both " + ids.get(i) + " and its ancestor "
                  + other + ": a version table holds heads only",
              side.source(), new Span(1, 1, Math.max(1, side.source().text().length())),
              "help: leave out " + other + " (" + ids.get(i) + " implies it)"));
        }
      }
    }
    return List.copyOf(rows);
  }
}
