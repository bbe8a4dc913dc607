package dev.strata.cli;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.SchemaScript;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata schema REV [--dialect NAME] [--format sql|json] [-o FILE]}: the schema at REV, known offline by
 * replaying the revisions ({@link Replay}), as the script that creates it on an empty database
 * ({@link SchemaScript}) or as JSON ({@link SchemaJson}). REV is one side of a range: a revision,
 * {@code head}, {@code heads}, several comma-separated, or {@code base}.
 */
@Command(
    name = "schema",
    description = {
      "Print the schema at a revision, known offline from the revisions.",
      "As SQL, the script that creates it on an empty database; as JSON,",
      "the schema model for other tools."
    })
final class SchemaCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Mixin ReadOptions options;

  @Parameters(
      index = "0",
      paramLabel = "REV",
      description = "Where: a revision, head, heads, several (a,b), or base.")
  String revision;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "sql",
      converter = FormatConverter.class,
      description = "sql or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--dialect",
      paramLabel = "NAME",
      defaultValue = "postgresql",
      converter = CompileOptions.DialectConverter.class,
      description = "SQL dialect of the script: " + CompileOptions.DIALECTS
          + " (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (replaced atomically) instead of standard output.")
  Optional<Path> output;

  @Option(names = "--verbose", description = "Print a stack trace on internal errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What {@code --format} prints. */
  enum Format {
    SQL,
    JSON
  }

  @Override
  public Integer call() throws DiagnosticException {
    if (output.isPresent()) {
      OutputFile.requireOutsideSources(output.get(), options.versions, "schema.sql");
    }
    RevisionGraph graph = options.fullGraph(spec);
    List<String> heads = new Planner(graph).resolve(Range.targets(revision));
    SchemaModel model = Replay.of(graph, dialect.dialectId()).at(heads);
    SchemaScript script = SchemaScript.forDialect(dialect);
    String text = switch (format) {
      case SQL -> script.render(model, header(heads));
      case JSON -> JsonText.write(new SchemaJson(script).json(heads, model));
    };
    if (output.isPresent()) {
      try {
        OutputFile.write(output.get(), text);
      } catch (IOException e) {
        throw OutputFile.cannotWrite(output.get(), e,
            "-o names a file in an existing, writable directory");
      }
      return Main.OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return Main.OK;
  }

  private List<String> header(List<String> heads) {
    List<String> lines = new ArrayList<>();
    lines.add("Schema at " + (heads.isEmpty() ? "base" : String.join(", ", heads))
        + " (strata schema " + revision + "), strata " + ToolVersion.get());
    lines.add("Creates the schema on an empty database: "
        + new ClientCommands(dialect).snapshotHint());
    return lines;
  }

  /** {@code --format sql|json}: lowercase, else a usage error naming both. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Arrays.stream(Format.values())
          .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(value))
          .findFirst()
          .orElseThrow(() ->
              new TypeConversionException("unknown format '" + value + "' (known: sql, json)"));
    }
  }
}
