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

  private static final java.util.regex.Pattern GO_BACK =
      java.util.regex.Pattern.compile("help: (.*)': to go back, downgrade ([^:]+):(.+)$");

  /**
   * The planner's E0305 in the words of {@code history}, which lists a range and upgrades
   * nothing: "cannot list the history from X to Y", and the range the other way round as help
   * instead of a downgrade.
   */
  private static DiagnosticException forHistory(DiagnosticException e) {
    List<dev.strata.grammar.Diagnostic> out = new java.util.ArrayList<>();
    for (dev.strata.grammar.Diagnostic d : e.diagnostics()) {
      if (!d.code().equals("E0305") || !d.message().startsWith("cannot upgrade from ")) {
        out.add(d);
        continue;
      }
      List<String> notes = d.notes().stream().map(note -> {
        java.util.regex.Matcher m = GO_BACK.matcher(note);
        if (m.matches()) {
          return "help: " + m.group(1) + "': name the older revision first: -r " + m.group(3)
              + ":" + m.group(2);
        }
        return note.startsWith("help: name every head the database should end with")
            ? "help: -r FROM:TO lists what an upgrade from FROM to TO runs, so FROM must be an"
                + " ancestor of TO; 'strata history' alone lists every revision"
            : note;
      }).toList();
      out.add(new dev.strata.grammar.Diagnostic(d.severity(), d.code(),
          "cannot list the history from "
              + d.message().substring("cannot upgrade from ".length()),
          d.location(), notes));
    }
    return new DiagnosticException(out);
  }

  @Override
  public Integer call() throws DiagnosticException {
    List<RevisionFacts> revisions;
    try {
      revisions = new RevisionFacts.Index(options.graph())
          .newestFirst(Range.parse(Direction.UPGRADE, range));
    } catch (DiagnosticException e) {
      throw forHistory(e);
    }
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
