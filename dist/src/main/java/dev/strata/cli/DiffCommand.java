package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.schema.Change;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaDiff;
import dev.strata.grammar.DiagnosticException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code strata diff FROM TO}: what changes in the schema between two revisions, offline. Each
 * side is resolved as one side of a range ({@link Planner#resolve}: {@code base}, {@code heads},
 * an id or prefix, {@code head-2}, a comma-separated list), replayed into a schema model ({@link
 * Replay}) and the two are compared ({@link SchemaDiff}). FROM need not be an ancestor of TO. The
 * text form is one {@link Change#description()} per line; the JSON form is in {@code
 * docs/cli.md}. Exit 0 whether or not anything changes.
 */
@Command(
    name = "diff",
    description = {
      "Show what changes in the schema from FROM to TO, offline.",
      "Both sides are replayed from the revision files; one line per change",
      "(table, column, constraint, index, type, sequence, view, routine, ...)."
    })
final class DiffCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Mixin ReadOptions options;

  @Parameters(
      index = "0",
      paramLabel = "FROM",
      description = "Revisions as one side of a range: base, heads, an id or prefix, head-1, ...")
  String from;

  @Parameters(index = "1", paramLabel = "TO", description = "Revisions, as FROM.")
  String to;

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

  @Override
  public Integer call() throws DiagnosticException {
    RevisionGraph graph = options.fullGraph(spec);
    Planner planner = new Planner(graph);
    List<String> fromHeads = planner.resolve(Range.targets(from));
    List<String> toHeads = planner.resolve(Range.targets(to));
    Replay replay = Replay.of(graph);
    List<Change> changes = SchemaDiff.between(replay.at(fromHeads), replay.at(toHeads));
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case TEXT -> text(changes);
          case JSON -> json(fromHeads, toHeads, changes);
        });
    out.flush();
    return Main.OK;
  }

  /** One description per line; {@code no changes} when there are none. */
  static String text(List<Change> changes) {
    if (changes.isEmpty()) {
      return "no changes\n";
    }
    StringBuilder text = new StringBuilder();
    changes.forEach(c -> text.append(c.description()).append('\n'));
    return text.toString();
  }

  private static String json(List<String> from, List<String> to, List<Change> changes) {
    ObjectNode root = RevisionJson.object();
    from.forEach(root.putArray("from")::add);
    to.forEach(root.putArray("to")::add);
    changes(root.putArray("changes"), changes);
    return JsonText.write(root);
  }

  /**
   * {@code {"kind", "object", "attribute", "before", "after", "description"}} per change, in
   * order; {@code attribute}, {@code before} and {@code after} are {@code null} when they do not
   * apply.
   */
  static void changes(ArrayNode array, List<Change> changes) {
    for (Change change : changes) {
      ObjectNode node = array.addObject();
      node.put("kind", change.kind());
      node.put("object", change.object());
      node.put("attribute", change.attribute().orElse(null));
      node.put("before", change.before().orElse(null));
      node.put("after", change.after().orElse(null));
      node.put("description", change.description());
    }
  }
}
