package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.Range;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata history [-r RANGE]}: the revisions newest first, one line each in Alembic's {@code
 * alembic history} shape ({@code PARENTS -> ID (marks), MESSAGE}), or a block each with {@code
 * --verbose}. The revisions are those {@code strata upgrade RANGE} runs ({@code base:heads}, every
 * revision, by default), in the reverse of their upgrade order, which is Alembic's order.
 */
@Command(
    name = "history",
    description = {
      "List the revisions newest first, one line each.",
      "As Alembic's 'history': every revision, or with -r those that",
      "'strata upgrade RANGE' runs."
    })
final class HistoryCommand implements Callable<Integer> {

  @Mixin HelpOption help;
  static final String ALL = "base:heads";

  @Mixin ReadOptions options;

  @Option(
      names = {"-r", "--rev-range"},
      paramLabel = "RANGE",
      defaultValue = ALL,
      description = "[FROM:]TO as for 'upgrade': the revisions an upgrade from FROM to TO runs"
          + " (default: ${DEFAULT-VALUE}).")
  String range;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = ReportFormat.Converter.class,
      description = "text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--verbose",
      description = "Text: each revision as a block (parents, depends-on, children at branch"
          + " points, labels, path, message).")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws DiagnosticException {
    List<RevisionFacts> revisions = new RevisionFacts.Index(options.graph())
        .newestFirst(Range.parse(Direction.UPGRADE, range));
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case TEXT -> text(revisions);
          case JSON -> json(revisions);
        });
    out.flush();
    return Main.OK;
  }

  private String text(List<RevisionFacts> revisions) {
    StringBuilder text = new StringBuilder();
    for (RevisionFacts revision : revisions) {
      if (verbose) {
        text.append(RevisionText.entry(revision, false)).append('\n');
      } else {
        text.append(RevisionText.line(revision, true, true, true)).append('\n');
      }
    }
    return text.toString();
  }

  private String json(List<RevisionFacts> revisions) {
    ObjectNode root = RevisionJson.object();
    root.put("range", range);
    RevisionJson.revisions(root.putArray("revisions"), revisions);
    return JsonText.write(root);
  }
}
