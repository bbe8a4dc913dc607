package dev.strata.cli;

import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata graph}: the revision graph as Graphviz DOT ({@link DotWriter}) or a Mermaid
 * flowchart ({@link MermaidWriter}), every revision or those {@code strata upgrade RANGE} runs, in
 * file order. The output is a pure function of the revision files and the options.
 */
@Command(
    name = "graph",
    description = {
      "Draw the revision graph as Graphviz DOT or a Mermaid flowchart.",
      "Heads, merge points, branch points and bases are marked, depends-on",
      "edges dashed. Output in file order, the same on every run."
    })
final class GraphCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  /** {@code --format} of {@code graph}. */
  enum GraphFormat {
    DOT,
    MERMAID
  }

  @Mixin ReadOptions options;

  @Option(
      names = {"-r", "--rev-range"},
      paramLabel = "RANGE",
      description = "Draw only the revisions that 'strata upgrade RANGE' runs ([FROM:]TO).")
  Optional<String> range;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "dot",
      converter = FormatConverter.class,
      description = "dot or mermaid (default: ${DEFAULT-VALUE}).")
  GraphFormat format;

  @Option(names = "--verbose", description = "Print a stack trace on internal errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws DiagnosticException {
    RevisionGraph graph = options.graph();
    List<String> all = graph.revisions().stream().map(RevisionFile::id).toList();
    RevisionFacts.Index index = new RevisionFacts.Index(graph);
    List<RevisionFacts> drawn = index.of(all);
    if (range.isPresent()) {
      Set<String> inRange = new HashSet<>();
      index.newestFirst(Range.parse(Direction.UPGRADE, range.get()))
          .forEach(r -> inRange.add(r.id()));
      drawn = drawn.stream().filter(r -> inRange.contains(r.id())).toList();
    }
    GraphDrawing drawing = GraphDrawing.of(all, drawn);
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case DOT -> DotWriter.write(drawing);
          case MERMAID -> MermaidWriter.write(drawing);
        });
    out.flush();
    return Main.OK;
  }

  /** {@code --format dot|mermaid}, lowercase, else a usage error naming both. */
  static final class FormatConverter implements ITypeConverter<GraphFormat> {
    @Override
    public GraphFormat convert(String value) {
      return Arrays.stream(GraphFormat.values())
          .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(value))
          .findFirst()
          .orElseThrow(() ->
              new TypeConversionException("unknown format '" + value + "' (known: dot, mermaid)"));
    }
  }
}
