package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The subcommand table and the choice of the model to build from the arguments. */
class StrataCommandTest {

  @Test
  void everyNameIsItsCommandsName() {
    StrataCommand.COMMANDS.forEach((name, type) ->
        assertEquals(name, type.getAnnotation(Command.class).name(), type.getName()));
  }

  @Test
  void theFullModelHasEveryCommandInOrder() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    CommandLine cli = StrataCommand.commandLine(sink, sink, new Environment(java.util.Map.of(),
        java.nio.file.Path.of("")));
    assertEquals(new ArrayList<>(StrataCommand.COMMANDS.keySet()),
        new ArrayList<>(cli.getSubcommands().keySet()));
  }

  @Test
  void onlyTheInvokedCommandIsBuilt() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    CommandLine cli = StrataCommand.commandLine(sink, sink,
        new Environment(java.util.Map.of(), java.nio.file.Path.of("")),
        new String[] {"--config=x.toml", "heads", "--versions", "v"});
    assertEquals(List.of("heads"), new ArrayList<>(cli.getSubcommands().keySet()));
  }

  @Test
  void theVersionAloneBuildsNoSubcommand() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    Environment environment = new Environment(java.util.Map.of(), java.nio.file.Path.of(""));
    for (String option : new String[] {"--version", "-V"}) {
      CommandLine cli = StrataCommand.commandLine(sink, sink, environment, new String[] {option});
      assertEquals(List.of(), new ArrayList<>(cli.getSubcommands().keySet()), option);
    }
    // anything more is picocli's to answer with the full model (errors, suggestions)
    CommandLine cli = StrataCommand.commandLine(sink, sink, environment,
        new String[] {"--version", "hedas"});
    assertEquals(StrataCommand.COMMANDS.size(), cli.getSubcommands().size());
  }

  @Test
  void theInvokedCommandIsFoundAsPicocliFindsIt() {
    assertEquals(Optional.of("heads"), invoked("heads", "--versions", "v"));
    assertEquals(Optional.of("upgrade"), invoked("--config", "s.toml", "upgrade", "base:head"));
    assertEquals(Optional.of("import"), invoked("--config=s.toml", "import", "alembic"));
    // the full model: picocli's own answers (help, version, suggestions, errors)
    assertEquals(Optional.empty(), invoked());
    assertEquals(Optional.empty(), invoked("help", "heads"));
    assertEquals(Optional.empty(), invoked("--help"));
    assertEquals(Optional.empty(), invoked("-h", "heads"));
    assertEquals(Optional.empty(), invoked("--version"));
    assertEquals(Optional.empty(), invoked("-V"));
    assertEquals(Optional.empty(), invoked("hedas"));
    assertEquals(Optional.empty(), invoked("revision"));
    assertEquals(Optional.empty(), invoked("@args.txt"));
    assertEquals(Optional.empty(), invoked("--", "heads"));
    assertEquals(Optional.empty(), invoked("--config"));
    assertEquals(Optional.empty(), invoked("--config", "heads", "heads"));
    assertEquals(Optional.empty(), invoked("--bogus", "heads"));
  }

  private static Optional<String> invoked(String... args) {
    return StrataCommand.invoked(args);
  }
}
