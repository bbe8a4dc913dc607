package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata heads}: the heads, as Alembic's {@code alembic heads}. By default every revision
 * that no revision revises ({@code RevisionGraph.heads()}), a head that another revision depends
 * on marked {@code (effective head)}; with {@code --resolve-dependencies} dependencies count as
 * down revisions, leaving the real heads ({@code RevisionGraph.realHeads()}, what the {@code heads}
 * target names). File order.
 */
@Command(
    name = "heads",
    description = {
      "List the heads: the revisions that no revision revises.",
      "As Alembic's 'heads': a head that another revision depends on is",
      "listed too, marked (effective head), unless --resolve-dependencies."
    })
final class HeadsCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Mixin ReadOptions options;

  @Option(
      names = "--resolve-dependencies",
      description = "Treat depends-on as down revisions: list only the heads that no revision"
          + " depends on (what the target 'heads' names).")
  boolean resolveDependencies;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = ReportFormat.Converter.class,
      description = "text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--verbose",
      description = "Text: each head as a block (parents, labels, path, message).")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws DiagnosticException {
    RevisionGraph graph = options.graph();
    List<RevisionFacts> heads =
        new RevisionFacts.Index(graph)
            .of(resolveDependencies ? graph.realHeads() : graph.heads());
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case TEXT -> text(heads);
          case JSON -> json(heads);
        });
    out.flush();
    return Main.OK;
  }

  private String text(List<RevisionFacts> heads) {
    StringBuilder text = new StringBuilder();
    for (RevisionFacts head : heads) {
      text.append(
              verbose
                  ? RevisionText.entry(head, false)
                  : RevisionText.line(head, false, false, false))
          .append('\n');
    }
    return text.toString();
  }

  private static String json(List<RevisionFacts> heads) {
    ObjectNode root = RevisionJson.object();
    RevisionJson.revisions(root.putArray("heads"), heads);
    return JsonText.write(root);
  }
}
