package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@link ConfigDefaults} on commands of its own: a map option ({@code --type-map NAME=TYPE}, as
 * {@code strata import alembic} has) from a TOML table, a nested command's table ({@code
 * [import.alembic]}) over its parent's and the top level, and array values of a split option.
 */
class ConfigDefaultsTest {
  @TempDir Path dir;

  @Command(name = "alembic")
  static final class Alembic implements Runnable {
    @Option(names = "--type-map", split = ",") Map<String, String> typeMap;
    @Option(names = "--dialect") String dialect;
    @Option(names = "--skip", split = ",") List<String> skip;
    @Option(names = "--versions") Path versions;

    @Override
    public void run() {}
  }

  @Command(name = "import", subcommands = Alembic.class)
  static final class Import implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "strata", subcommands = Import.class)
  static final class Root implements Runnable {
    @Option(names = "--config") Path config;

    @Override
    public void run() {}
  }

  private Alembic parse(String toml, Map<String, String> variables, String... args)
      throws IOException {
    Files.writeString(dir.resolve("strata.toml"), toml);
    CommandLine cli = new CommandLine(new Root());
    cli.setDefaultValueProvider(
        new ConfigDefaults(cli.getCommandSpec(), new Environment(variables, dir)));
    CommandLine.ParseResult result = cli.parseArgs(args);
    return (Alembic) result.subcommand().subcommand().commandSpec().userObject();
  }

  @Test
  void aTableIsAMapOption() throws IOException {
    Alembic alembic = parse("""
        [type-map]
        "myapp.types.GUID" = "UUID"
        "myapp.types.Json" = "JSONB"
        """, Map.of(), "import", "alembic");
    assertEquals(Map.of("myapp.types.GUID", "UUID", "myapp.types.Json", "JSONB"),
        alembic.typeMap);
  }

  @Test
  void theNestedCommandsTableWins() throws IOException {
    String toml = """
        dialect = "mysql"
        versions = "v"
        [import]
        dialect = "mariadb"
        [import.alembic]
        dialect = "sqlite"
        skip = ["a", "b"]
        """;
    Alembic alembic = parse(toml, Map.of(), "import", "alembic");
    assertEquals("sqlite", alembic.dialect);
    assertEquals(List.of("a", "b"), alembic.skip);
    assertEquals(dir.resolve("v"), alembic.versions);
    assertEquals("postgresql", parse(toml, Map.of("STRATA_DIALECT", "postgresql"),
        "import", "alembic").dialect);
  }

  @Test
  void aMapValueMayNotHoldTheSeparator() throws IOException {
    CommandLine.ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(
        CommandLine.ParameterException.class, () -> parse(
            "[type-map]\n\"myapp.Money\" = \"NUMERIC(12, 2)\"\n", Map.of(), "import", "alembic"));
    assertEquals("strata.toml:1:2: error[E0643]: 'type-map' must be a table whose names and"
        + " values have no ',' (--type-map splits on it), not a table\n",
        assertInstanceOf(ConfigDefaults.ConfigError.class, e.getCause()).diagnostics().format()
            .lines().findFirst().orElseThrow() + "\n");
  }

  @Test
  void aMapOptionRefusesAString() throws IOException {
    CommandLine.ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(
        CommandLine.ParameterException.class,
        () -> parse("type-map = \"x\"\n", Map.of(), "import", "alembic"));
    ConfigDefaults.ConfigError error = assertInstanceOf(ConfigDefaults.ConfigError.class,
        e.getCause());
    assertEquals("""
        strata.toml:1:12: error[E0643]: 'type-map' must be a table of strings ("NAME" = "VALUE"),\
         not a string
          1 | type-map = "x"
            |            ^^^
          = help: it sets --type-map PARAM; see docs/configuration.md
        """.replace("PARAM", "<String=String>"), error.diagnostics().format());
  }

  /** {@code versions = 5} is no directory named 5: a path takes a string only. */
  @Test
  void aPathOptionRefusesANumber() throws IOException {
    CommandLine.ParameterException e = org.junit.jupiter.api.Assertions.assertThrows(
        CommandLine.ParameterException.class,
        () -> parse("versions = 5\n", Map.of(), "import", "alembic"));
    assertEquals("strata.toml:1:12: error[E0643]: 'versions' must be a string (a path), not a"
        + " number\n", assertInstanceOf(ConfigDefaults.ConfigError.class, e.getCause())
            .diagnostics().format().lines().findFirst().orElseThrow() + "\n");
  }
}
