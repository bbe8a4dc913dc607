package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintConfig;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.schema.PlanModels;
import dev.strata.dialects.PreparedScript;
import dev.strata.dialects.Renderer;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code upgrade} and {@code downgrade} share: run the {@link Compilation} (load the versions
 * directory, check the revision files against {@code strata.sum} when there is one, an edited,
 * missing, renamed or inserted locked revision being an error; plan the range; lint an upgrade,
 * its findings on stderr; render the script), print it or write it atomically to {@code -o FILE}. Nothing is written
 * unless every stage succeeded; a file that cannot be written is diagnostic E0501 (exit 1). A run
 * whose inputs are those of an earlier successful run prints that run's output from the results
 * cache ({@link ResultCache}) without compiling; {@code --from-db} runs are never cached.
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


  @Override
  public Integer call() throws Exception {
    if (output.isPresent()) {
      OutputFile.requireOutsideSources(output.get(), options.source.versions,
          direction() == Direction.UPGRADE ? "upgrade.sql" : "downgrade.sql");
    }
    Optional<ResultCache> cache =
        fromDb().isPresent() ? Optional.empty() : ResultCache.forCommand(spec, options.source);
    return ResultCache.serve(cache, spec.commandLine().getErr(),
        stored -> {
          if (output.isPresent()) {
            writeFile(stored::copyOut);
          } else {
            stored.printTo(spec.commandLine().getOut());
          }
        },
        (teeOut, err) -> {
          try (PreparedScript script = compile(err)) {
            err.flush();
            write(out -> script.writeTo(teeOut.apply(out)));
          }
          return Main.OK;
        });
  }

  /** Writes {@code bytes} (UTF-8 already) to {@code -o FILE} (atomically). */
  private void writeFile(OutputFile.Bytes bytes) throws DiagnosticException {
    Path target = output.orElseThrow();
    try {
      OutputFile.write(target, bytes);
    } catch (IOException e) {
      throw OutputFile.cannotWrite(target, e, "-o names a file in an existing, writable directory");
    }
  }

  /** Writes {@code text} to {@code -o FILE} (atomically), else to standard output. */
  private void write(OutputFile.Text text) throws IOException, DiagnosticException {
    if (output.isPresent()) {
      Path target = output.get();
      try {
        OutputFile.write(target, text);
      } catch (IOException e) {
        throw OutputFile.cannotWrite(target, e,
            "-o names a file in an existing, writable directory");
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      text.writeTo(out);
      out.flush();
    }
  }

  /** The database {@code --from-db} reads FROM from; such a run is never cached. */
  abstract Optional<JdbcUrl> fromDb();

  /**
   * The range to plan over {@code graph}, parsed once from what the user typed.
   *
   * @throws DiagnosticException E0301 for a malformed range, and what reading FROM elsewhere
   *     reports ({@code --from-db})
   */
  abstract Range range(RevisionGraph graph) throws DiagnosticException;

  /**
   * The whole script, rendered and not yet written ({@link PreparedScript}, which the caller
   * closes), or diagnostics; once an upgrade's script is rendered and the checks passed, its lint
   * findings are printed on {@code err} as warnings ({@link LintRun#warn}).
   */
  PreparedScript compile(PrintWriter err) throws DiagnosticException {
    ScriptOptions scriptOptions = options.scriptOptions(ToolVersion.get());
    // jOOQ's classes load and initialise on the other core while this one loads and plans
    Background.start("strata-warm-up", () -> {
      Renderer.forDialect(options.dialect).warmUp();
      return null;
    });
    Compilation compilation =
        Compilation.load(options.source.versions, options.source.cache(spec));
    // the schema checks and lint replay the graph on another thread while this one renders (one
    // pass for both when lint's dialect is PostgreSQL), waited for before anything is written
    LintConfig lintConfig = LintSettings.forCommand(spec);
    PlanTasks.Checked checking;
    Background.Task<List<Finding>> lint = null;
    Optional<PlanTasks.Rendering> rendering = Optional.empty();
    if (direction() == Direction.UPGRADE) {
      // for MySQL and SQLite, lint reads the models rendering replays (one replay for both)
      PlanTasks.Rendering planned = PlanTasks.rendering(compilation, range(compilation.graph()),
          options.dialect, (upgrade, walk) -> LintRun.findings(upgrade, walk, options.dialect,
              scriptOptions.transactionMode(), scriptOptions.lockTimeout(), lintConfig));
      checking = planned.linted().checking();
      lint = planned.linted().lint();
      rendering = Optional.of(planned);
    } else {
      checking = PlanTasks.checking(compilation, direction(), range(compilation.graph()));
    }
    Plan plan = checking.plan();
    PreparedScript script = null;
    try {
      script = prepare(compilation, plan, scriptOptions, rendering.map(PlanTasks.Rendering::models)
          .orElseGet(() -> compilation.replay(options.dialect)));
    } finally {
      rendering.ifPresent(PlanTasks.Rendering::rendered);
      try {
        checking.checked(); // the checks' errors come first, as when they ran before rendering
      } catch (DiagnosticException | RuntimeException | Error e) {
        if (script != null) {
          script.close();
        }
        throw e;
      }
    }
    try {
      if (lint != null) {
        LintRun.warn(err, lint.join());
      }
    } catch (DiagnosticException | RuntimeException | Error e) {
      script.close();
      throw e;
    }
    return script;
  }

  /**
   * The script of {@code plan}, rendered ({@link Compilation#prepare}) from {@code models}: the
   * compilation's replay of the dialect, or an upgrade's that lint reads too ({@link
   * PlanTasks#rendering}).
   *
   * @throws DiagnosticException as {@link Compilation#prepare}, and E0736 when the temporary file
   *     a long script's segments wait in cannot be made or written (as for a bundle's files)
   */
  private PreparedScript prepare(Compilation compilation, Plan plan, ScriptOptions scriptOptions,
      PlanModels models) throws DiagnosticException {
    try {
      return compilation.prepare(plan, options.dialect, scriptOptions, models);
    } catch (UncheckedIOException e) {
      throw OutputFile.temporaryFile("the script's segments", e.getCause());
    }
  }
}
