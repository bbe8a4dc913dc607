package dev.strata.cli;

import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionDraft;
import dev.strata.grammar.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code strata merge -m MESSAGE HEAD1 HEAD2 ...} (or {@code heads}): scaffolds a merge revision
 * whose {@code revises:} lists the given heads, in the order given, and prints its path. Each
 * argument is resolved as a target; at least two distinct heads (E0525), each a head (E0522).
 */
@Command(
    name = "merge",
    description = {
      "Write a merge revision of the given heads, and print its path.",
      "The file <id>.sql revises the heads (at least two; 'heads' for all",
      "of them) and has empty sections.",
      "The id is NNNN_slug as for 'strata new' unless --id gives it. An",
      "existing file is never overwritten."
    })
final class MergeCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ScaffoldOptions scaffold;

  @Parameters(
      arity = "1..*",
      paramLabel = "HEAD",
      description = "The heads to merge: ids, unique prefixes, LABEL@head, ... or heads.")
  List<String> heads;

  @Override
  public Integer call() throws DiagnosticException {
    RevisionScaffolder scaffolder = RevisionScaffolder.open(
        scaffold.source.versions, scaffold.source.cache(spec));
    List<String> parents = parents(scaffolder);
    String id = scaffold.id(scaffolder);
    Path written =
        scaffolder.write(RevisionDraft.of(id, parents, scaffold.message, Optional.empty()));
    PrintWriter out = spec.commandLine().getOut();
    out.println(written);
    out.flush();
    return Main.OK;
  }

  private List<String> parents(RevisionScaffolder scaffolder) throws DiagnosticException {
    Set<String> named = new LinkedHashSet<>();
    for (String argument : heads) {
      named.addAll(scaffolder.planner().resolve(Range.targets(argument)));
    }
    List<String> parents = new ArrayList<>(named);
    ScaffoldOptions.requireHeads(scaffolder.graph(), parents);
    if (parents.size() < 2) {
      throw tooFew(parents, scaffolder.graph());
    }
    return parents;
  }

  /** E0525: fewer than two heads named; the advice names every head when 'heads' would not. */
  private DiagnosticException tooFew(List<String> parents, RevisionGraph graph) {
    List<String> all = graph.heads();
    String message = "a merge revision joins two heads or more; " + String.join(" ", heads)
        + " names " + (parents.isEmpty() ? "none" : "only " + parents.get(0));
    if (all.size() < 2) {
      return new DiagnosticException(Diagnostic.error("E0525", message,
          "note: the directory has " + (all.isEmpty() ? "no head" : "one head")
              + ": there is nothing to merge"));
    }
    MergeAdvice advice = MergeAdvice.of(all, graph.revisions());
    List<String> notes = new ArrayList<>(advice.notes());
    notes.add("help: the heads are " + String.join(", ", all) + "; '" + advice.command()
        + "' joins them all");
    return new DiagnosticException(
        new Diagnostic(Severity.ERROR, "E0525", message, Optional.empty(), notes));
  }
}
