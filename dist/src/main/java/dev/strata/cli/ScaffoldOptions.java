package dev.strata.cli;

import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionDraft;
import dev.strata.grammar.RevisionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options {@code strata new} and {@code strata merge} share: the message, the id and where the
 * revisions are. A message or id the language cannot hold is a usage error (exit 2).
 */
final class ScaffoldOptions {

  @Option(
      names = {"-m", "--message"},
      paramLabel = "MESSAGE",
      required = true,
      converter = MessageConverter.class,
      description = "The revision's message (one line); the default id's slug comes from it.")
  String message;

  @Option(
      names = "--id",
      paramLabel = "ID",
      converter = IdConverter.class,
      description = "The new revision's id instead of NNNN_slug: 1 to 32 letters, digits or '_'.")
  Optional<String> id;

  @Mixin ReadOptions source;

  @Option(names = "--verbose", description = "Print a stack trace on internal errors.")
  boolean verbose;

  /** {@code --id}, checked against the directory, or the default id for the message. */
  String id(RevisionScaffolder scaffolder) throws DiagnosticException {
    if (id.isPresent()) {
      scaffolder.requireNewId(id.get());
      return id.get();
    }
    return scaffolder.defaultId(message);
  }

  /**
   * Every one of {@code named} must be a head (revised by no revision).
   *
   * @throws DiagnosticException E0522, one per revision that is not a head, naming its children
   */
  static void requireHeads(RevisionGraph graph, List<String> named) throws DiagnosticException {
    List<Diagnostic> problems = new ArrayList<>();
    for (String id : named) {
      List<String> children = graph.children(id);
      if (!children.isEmpty()) {
        problems.add(Diagnostic.error("E0522",
            "'" + id + "' is not a head: " + String.join(", ", children) + " revise"
                + (children.size() == 1 ? "s" : "") + " it",
            "help: the heads are " + String.join(", ", graph.heads())));
      }
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
  }

  /** {@code -m}: one line, not blank. */
  static final class MessageConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      RevisionDraft.messageProblem(value).ifPresent(problem -> {
        throw new TypeConversionException(problem);
      });
      return value;
    }
  }

  /** {@code --id}: a revision id as the language allows it. */
  static final class IdConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      RevisionId.problem(value).ifPresent(problem -> {
        throw new TypeConversionException(problem);
      });
      return value;
    }
  }

  /** {@code --branch}: a branch label as the language allows it. */
  static final class LabelConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      RevisionDraft.labelProblem(value).ifPresent(problem -> {
        throw new TypeConversionException(problem);
      });
      return value;
    }
  }
}
