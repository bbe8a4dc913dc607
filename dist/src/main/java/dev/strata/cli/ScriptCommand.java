package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * What {@code upgrade} and {@code downgrade} share: load the versions directory, plan the range,
 * render the script, print it or write it atomically to {@code -o FILE}. Nothing is written
 * unless every stage succeeded.
 */
abstract class ScriptCommand implements Callable<Integer> {

  @Mixin CompileOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The direction this command plans. */
  abstract Direction direction();

  /** The range argument as the user typed it. */
  abstract String range();

  @Override
  public Integer call() throws Exception {
    String script = compile();
    if (options.output.isPresent()) {
      OutputFile.write(options.output.get(), script);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(script);
      out.flush();
    }
    return Main.OK;
  }

  /** The whole script, or diagnostics. */
  String compile() throws DiagnosticException {
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(options.versions));
    Plan plan = new Planner(graph).plan(direction(), range());
    ScriptOptions scriptOptions =
        new ScriptOptions(options.versionTable, options.versionTableSchema, ToolVersion.get());
    return Renderer.forDialect(options.dialect).render(plan, scriptOptions);
  }
}
