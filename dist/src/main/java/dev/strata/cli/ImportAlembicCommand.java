package dev.strata.cli;

import dev.strata.alembic.AlembicImporter;
import dev.strata.alembic.ImportReport;
import dev.strata.alembic.translate.TypeMap;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code strata import alembic DIR}: writes one strata revision file per Alembic revision of DIR
 * ({@link AlembicImporter}) and prints the report ({@link ImportReport#lines}). Exit 0 when every
 * revision was converted whole, 1 when placeholders remain (the files are written: the user
 * resolves them in place) or the Alembic files have errors (nothing written), 2 on a usage error.
 */
@Command(
    name = "alembic",
    description = {
      "Write one strata revision file per Alembic revision of DIR.",
      "DIR is an Alembic versions directory, or the directory of its env.py.",
      "Each file keeps the Alembic revision id (so alembic_version rows stay",
      "valid), its parents, branch labels, depends_on and message; upgrade()",
      "and downgrade() are translated into strata's language. What cannot be",
      "translated without guessing (Python logic, reads of the database,",
      "application types) is left as a '-- +todo' placeholder that no command",
      "compiles until it is replaced. Exit 1 while placeholders remain."
    })
final class ImportAlembicCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR",
      description = "The Alembic versions directory, or the directory holding env.py and"
          + " versions/.")
  Path source;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "versions",
      description = "Where to write the strata revision files (default: ${DEFAULT-VALUE});"
          + " created when missing.")
  Path output;

  @Option(names = "--force",
      description = "Replace files of the same name in the output directory.")
  boolean force;

  @Option(names = "--type-map", paramLabel = "NAME=TYPE", split = ",(?![^()]*\\))",
      mapFallbackValue = "",
      description = "An application column type and the strata type it is, e.g."
          + " myapp.types.GUID=UUID (repeatable, or comma-separated).")
  Map<String, String> typeMap = new LinkedHashMap<>();

  @Override
  public Integer call() throws DiagnosticException, IOException {
    List<String> entries = new ArrayList<>();
    typeMap.forEach((name, type) -> entries.add(type.isEmpty() ? name : name + "=" + type));
    TypeMap types = entries.isEmpty() ? TypeMap.EMPTY : TypeMap.parse(entries);
    ImportReport report = AlembicImporter.importHistory(source, output, force, types);
    PrintWriter out = spec.commandLine().getOut();
    report.lines().forEach(out::println);
    out.flush();
    return report.complete() ? Main.OK : Main.DIAGNOSTICS;
  }
}
