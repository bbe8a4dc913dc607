package dev.strata.cli;

import dev.strata.dialects.Dialect;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code strata init [DIR]}: sets up a project in DIR (default: the current directory): an empty
 * {@code versions/} (with a {@code .gitkeep}, so that version control keeps it) and a {@code
 * strata.toml} listing every key ({@link ConfigTemplate}), all commented out at their defaults
 * except {@code dialect} when {@code --dialect} is given. An existing {@code strata.toml} is never
 * replaced without {@code --force} (E0646); files are written atomically. It reads no
 * configuration itself, so it works where a broken strata.toml is to be replaced.
 */
@Command(
    name = "init",
    description = {
      "Set up a project: versions/ and a commented strata.toml.",
      "Writes them in DIR (default: the current directory): an empty",
      "versions/ directory and a strata.toml holding the settings other",
      "commands would otherwise repeat, all commented out (see",
      "docs/configuration.md). An existing strata.toml is kept unless --force."
    })
final class InitCommand implements Callable<Integer>, ConfigDefaults.Unconfigured {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The project directory (default: the current directory); made if missing.")
  Path directory;

  @Option(
      names = "--dialect",
      paramLabel = "NAME",
      converter = CompileOptions.DialectConverter.class,
      description = "Write this dialect into strata.toml: " + CompileOptions.DIALECTS
          + " (default: leave the key commented out, postgresql).")
  Dialect dialect;

  @Option(names = "--force", description = "Replace an existing strata.toml.")
  boolean force;

  @Override
  public Integer call() throws DiagnosticException {
    Path dir = directory == null ? Path.of("") : directory;
    Path config = dir.resolve(ConfigFile.NAME);
    Path versions = dir.resolve("versions");
    Path keep = versions.resolve(".gitkeep");
    if (Files.isDirectory(config)) {
      throw new DiagnosticException(Diagnostic.error("E0647",
          "cannot set up the project in '" + dir + "': '" + config + "' is a folder",
          "help: move the folder away; strata init writes its configuration file there"));
    }
    if (Files.exists(config) && !force) {
      String init = "strata init "
          + (directory == null ? "" : StatusCommand.shellWord(dir.toString()) + " ") + "--force";
      throw new DiagnosticException(Diagnostic.error("E0646",
          "'" + config + "' exists already; strata init does not replace it",
          "help: edit it, or run '" + init + "' to write a fresh one (its settings are lost)"));
    }
    PrintWriter out = spec.commandLine().getOut();
    // what this run makes, removed again when a later step fails: a failed init leaves nothing
    List<Path> made = new ArrayList<>();
    try {
      Path outermostNew = null;
      for (Path p = versions.toAbsolutePath().normalize(); p != null && !Files.exists(p);
          p = p.getParent()) {
        outermostNew = p;
      }
      Files.createDirectories(versions);
      if (outermostNew != null) {
        made.add(outermostNew);
      }
      boolean wroteKeep = false;
      if (isEmpty(versions)) {
        OutputFile.write(keep, "");
        made.add(keep);
        wroteKeep = true;
      }
      OutputFile.write(config, ConfigTemplate.text(dialect == null ? null : dialect.id()));
      out.println("wrote " + config + (dialect == null ? "" : " (dialect = \"" + dialect.id()
          + "\")"));
      out.println((wroteKeep ? "wrote " + keep : "kept " + versions + " (it has files)"));
    } catch (IOException e) {
      for (Path path : made.reversed()) {
        AtomicOutput.deleteQuietly(path);
      }
      throw new DiagnosticException(Diagnostic.error("E0647",
          "cannot set up the project in '" + dir + "': " + OutputFile.reason(e),
          "help: DIR must be a directory strata can write to"));
    }
    String cd = directory == null ? "" : "cd " + StatusCommand.shellWord(dir.toString()) + " && ";
    out.println();
    out.println("next steps:");
    String[][] steps = {
      {cd + "strata new -m \"create the first table\"", "write the first revision"},
      {cd + "strata import alembic alembic/versions", "or bring an Alembic history over"},
      {cd + "strata upgrade head", "print its SQL"},
    };
    int width = java.util.Arrays.stream(steps).mapToInt(step -> step[0].length()).max()
        .orElse(0);
    for (String[] step : steps) {
      out.println("  " + step[0] + " ".repeat(width - step[0].length() + 3) + step[1]);
    }
    out.flush();
    return Main.OK;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
