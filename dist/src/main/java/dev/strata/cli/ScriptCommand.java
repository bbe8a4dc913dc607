package dev.strata.cli;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code upgrade} and {@code downgrade} share: load the versions directory, plan the range,
 * check the revision files against {@code strata.sum} when there is one ({@link
 * LockFile#verified}: an edited, missing, renamed or inserted locked revision is an error),
 * render the script, print it or write it atomically to {@code -o FILE}. Nothing is written
 * unless every stage succeeded; a file that cannot be written is diagnostic E0501 (exit 1).
 */
abstract class ScriptCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Mixin CompileOptions options;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the script to FILE (atomically) instead of standard output.")
  Optional<Path> output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The direction this command plans. */
  abstract Direction direction();

  /** The range argument as the user typed it. */
  abstract String range();

  @Override
  public Integer call() throws Exception {
    String script = compile();
    if (output.isPresent()) {
      Path target = output.get();
      try {
        OutputFile.write(target, script);
      } catch (IOException e) {
        throw OutputFile.cannotWrite(target, e, "-o names a file in an existing, writable directory");
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(script);
      out.flush();
    }
    return Main.OK;
  }


  /** The range to plan over {@code graph}: by default {@link #range()} as typed. */
  String range(RevisionGraph graph) throws DiagnosticException {
    return range();
  }

  /** The whole script, or diagnostics. */
  String compile() throws DiagnosticException {
    ScriptOptions scriptOptions = options.scriptOptions(ToolVersion.get());
    List<RevisionFile> files = VersionsLoader.load(options.source.versions);
    LockFile.verified(options.source.versions, files);
    RevisionGraph graph = RevisionGraph.build(files);
    Plan plan = new Planner(graph).plan(direction(), range(graph));
    return Renderer.forDialect(options.dialect).render(plan, scriptOptions);
  }
}
