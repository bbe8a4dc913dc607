package dev.strata.cli;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionDraft;
import dev.strata.grammar.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code strata new -m MESSAGE}: scaffolds one revision file with its header filled, an empty
 * upgrade and a downgrade section that asks for its statements ({@link RevisionDraft#text}), on
 * the single head (or {@code --revises REV}, or the head {@code --head} names) and prints its
 * path. It never overwrites a file; diagnostics E0520 to E0526 say why it refused.
 */
@Command(
    name = "new",
    description = {
      "Write a new revision file to fill in, and print its path.",
      "The file is <id>.sql, its header filled, its '-- +upgrade' section",
      "empty; a comment in its '-- +downgrade' section asks for what undoes",
      "the upgrade ('-- +no-op': nothing; '-- +irreversible': it cannot be).",
      "Its parent is the single head, unless --revises or --head names it;",
      "with several heads strata refuses to guess. The id is NNNN_slug",
      "(the next number, the message in lowercase) unless --id gives it.",
      "An existing file is never overwritten."
    })
final class NewCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ScaffoldOptions scaffold;

  @Option(
      names = "--revises",
      paramLabel = "REV",
      description = "The parent: an id, a unique prefix, head, LABEL@head, ... or base for a"
          + " new base.")
  Optional<String> revises;

  @Option(
      names = "--head",
      paramLabel = "LABEL@head",
      description = "The parent, which must be a head: LABEL@head or a head's id (or base).")
  Optional<String> head;

  @Option(
      names = "--branch",
      paramLabel = "LABEL",
      converter = ScaffoldOptions.LabelConverter.class,
      description = "Give the new revision this branch label.")
  Optional<String> branch;

  @Override
  public Integer call() throws DiagnosticException {
    if (revises.isPresent() && head.isPresent()) {
      throw new ParameterException(spec.commandLine(),
          "--revises and --head both name the parent: give one of them");
    }
    RevisionScaffolder scaffolder = RevisionScaffolder.open(
        scaffold.source.versions, scaffold.source.cache(spec));
    List<String> parents = parents(scaffolder);
    String id = scaffold.id(scaffolder);
    Path written = scaffolder.write(RevisionDraft.of(id, parents, scaffold.message, branch));
    PrintWriter out = spec.commandLine().getOut();
    out.println(written);
    out.flush();
    return Main.OK;
  }

  /** The one parent (or none for a new base) of the new revision. */
  private List<String> parents(RevisionScaffolder scaffolder) throws DiagnosticException {
    RevisionGraph graph = scaffolder.graph();
    Planner planner = scaffolder.planner();
    if (revises.isPresent()) {
      return single("--revises", revises.get(), planner.resolve(Range.targets(revises.get())));
    }
    if (head.isPresent()) {
      List<String> named = single("--head", head.get(), planner.resolve(Range.targets(head.get())));
      ScaffoldOptions.requireHeads(graph, named);
      return named;
    }
    List<String> heads = graph.heads();
    if (heads.size() > 1) {
      MergeAdvice advice = MergeAdvice.of(heads, graph.revisions());
      List<String> notes = new ArrayList<>(advice.notes());
      notes.add("help: name its parent with --revises REV or --head LABEL@head,"
          + " or join the heads first: " + advice.command());
      throw new DiagnosticException(new Diagnostic(Severity.ERROR, "E0524",
          "which head should the new revision revise? there are " + heads.size() + " heads: "
              + String.join(", ", heads),
          Optional.empty(), notes));
    }
    return heads;
  }

  private static List<String> single(String option, String text, List<String> named)
      throws DiagnosticException {
    if (named.size() > 1) {
      throw new DiagnosticException(Diagnostic.error("E0523",
          option + " " + text + " names " + named.size() + " revisions ("
              + String.join(", ", named) + "); a new revision has one parent",
          "help: to join them, write a merge revision: strata merge -m MESSAGE "
              + String.join(" ", named)));
    }
    return named;
  }
}
