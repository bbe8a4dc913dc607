package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.Range;
import dev.strata.compiler.Target;
import dev.strata.grammar.DiagnosticException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata branches}: the branch points and their children, as Alembic's {@code alembic
 * branches}: newest branch point first (Alembic's {@code walk_revisions} order), each followed by
 * one {@code -> CHILD} line per child in file order, indented under the id, and a blank line.
 */
@Command(
    name = "branches",
    description = {
      "List the branch points and their children.",
      "As Alembic's 'branches': newest branch point first."
    })
final class BranchesCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Mixin ReadOptions options;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = ReportFormat.Converter.class,
      description = "text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--verbose",
      description = "Text: each branch point as a block, and each child with its message.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws DiagnosticException {
    RevisionFacts.Index index = new RevisionFacts.Index(options.graph());
    Range all = Range.of(
        List.of(new Target.Base(Optional.empty())), List.of(new Target.Heads(Optional.empty())));
    List<RevisionFacts> points =
        index.newestFirst(all).stream().filter(RevisionFacts::branchPoint).toList();
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case TEXT -> text(index, points);
          case JSON -> json(points);
        });
    out.flush();
    return Main.OK;
  }

  private String text(RevisionFacts.Index index, List<RevisionFacts> points) {
    StringBuilder text = new StringBuilder();
    for (RevisionFacts point : points) {
      // Alembic prints the verbose entry (which ends with a line break) and a line break.
      text.append(verbose
          ? RevisionText.entry(point, false) + "\n"
          : RevisionText.line(point, false, true, false) + "\n");
      String indent = " ".repeat(point.id().length());
      for (RevisionFacts child : index.of(point.children())) {
        text.append(indent).append(" -> ")
            .append(RevisionText.line(child, false, true, verbose)).append('\n');
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String json(List<RevisionFacts> points) {
    ObjectNode root = RevisionJson.object();
    RevisionJson.revisions(root.putArray("branchPoints"), points);
    return JsonText.write(root);
  }
}
