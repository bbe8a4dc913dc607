package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata init}: the files it writes, what it prints, its refusal to replace a
 * strata.toml, and that a project it sets up works with {@code new} and {@code upgrade}.
 */
class InitCommandTest {
  @TempDir Path dir;

  @Test
  void writesVersionsAndACommentedConfigurationAndPrintsTheNextSteps() throws IOException {
    Path project = dir.resolve("books");
    Cli cli = Cli.run("init", project.toString());
    assertEquals(new Cli(0, "wrote " + project.resolve("strata.toml") + "\n"
        + "wrote " + project.resolve("versions/.gitkeep") + "\n"
        + "\n"
        + "next steps:\n"
        + "  cd " + project + " && strata new -m \"create the first table\"   write the first"
        + " revision\n"
        + "  cd " + project + " && strata import alembic alembic/versions   or bring an"
        + " Alembic history over\n"
        + "  cd " + project + " && strata upgrade head                      print its SQL\n",
        ""), cli);
    assertEquals(ConfigTemplate.text(null), Files.readString(project.resolve("strata.toml")));
    assertEquals("", Files.readString(project.resolve("versions/.gitkeep")));
    // every setting is commented out
    assertTrue(Files.readAllLines(project.resolve("strata.toml")).stream()
        .allMatch(line -> line.isEmpty() || line.startsWith("#")));
  }

  @Test
  void dialectIsWrittenIntoTheFile() throws IOException {
    Cli cli = Cli.run("init", dir.toString(), "--dialect", "mariadb");
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().startsWith("wrote " + dir.resolve("strata.toml")
        + " (dialect = \"mariadb\")\n"), cli.out());
    assertTrue(Files.readString(dir.resolve("strata.toml")).contains("\ndialect = \"mariadb\"\n"));
  }

  @Test
  void anExistingConfigurationIsKeptUnlessForced() throws IOException {
    Files.writeString(dir.resolve("strata.toml"), "dialect = \"sqlite\"\n");
    Cli refused = Cli.run("init", dir.toString());
    assertEquals(new Cli(1, "", "strata: error[E0646]: '" + dir.resolve("strata.toml")
        + "' exists already; strata init does not replace it\n"
        + "  = help: edit it, or run 'strata init " + StatusCommand.shellWord(dir.toString())
        + " --force' to write a fresh one (its settings are lost)\n"), refused);
    assertEquals("dialect = \"sqlite\"\n", Files.readString(dir.resolve("strata.toml")));
    assertTrue(Files.notExists(dir.resolve("versions")));
    Cli forced = Cli.run("init", dir.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertEquals(ConfigTemplate.text(null), Files.readString(dir.resolve("strata.toml")));
  }

  /** init reads no configuration: a broken strata.toml does not stop it from replacing it. */
  @Test
  void aBrokenConfigurationCanBeReplaced() throws IOException {
    Files.writeString(dir.resolve("strata.toml"), "dialect = \n[[[\n");
    Environment here = new Environment(Map.of("STRATA_DIALECT", "oracle"), dir);
    assertEquals(1, Cli.run(here, "heads").exitCode());
    Cli forced = Cli.run(here, "init", dir.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertEquals(ConfigTemplate.text(null), Files.readString(dir.resolve("strata.toml")));
  }

  @Test
  void aVersionsDirectoryWithFilesIsKept() throws IOException {
    ConfigFileTest.copySample(dir.resolve("versions"));
    Cli cli = Cli.run("init", dir.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("kept " + dir.resolve("versions") + " (it has files)\n"),
        cli.out());
    assertTrue(Files.notExists(dir.resolve("versions/.gitkeep")));
  }

  @Test
  void theProjectWorksWithTheOtherCommands() throws IOException {
    assertEquals(0, Cli.run("init", dir.toString(), "--dialect", "sqlite").exitCode());
    Environment project = new Environment(Map.of(), dir);
    // strata.toml is found in the working directory; versions/ is relative to the process's
    Cli created = Cli.run(project, "new", "-m", "create customers", "--versions",
        dir.resolve("versions").toString());
    assertEquals(0, created.exitCode(), created.err());
    Path revision = Path.of(created.out().strip());
    Files.writeString(revision, Files.readString(revision)
        .replace("-- +upgrade\n", "-- +upgrade\nCREATE TABLE customers (id INTEGER PRIMARY KEY);\n")
        .replaceFirst("(?s)-- \\+downgrade\n.*", "-- +downgrade\nDROP TABLE customers;\n"));
    Cli upgrade = Cli.run(project, "upgrade", "head", "--versions",
        dir.resolve("versions").toString());
    assertEquals(0, upgrade.exitCode(), upgrade.err());
    assertTrue(upgrade.out().contains("(sqlite)\n"), upgrade.out());
    assertTrue(upgrade.out().contains("CREATE TABLE customers"), upgrade.out());
  }

  /** The report: the hint said --force, which then failed and left versions/.gitkeep behind. */
  @Test
  void aConfigurationPathThatIsAFolderIsAnErrorThatLeavesNothing() throws IOException {
    Path project = Files.createDirectories(dir.resolve("p/strata.toml")).getParent();
    for (String[] args : List.of(new String[] {"init", project.toString()},
        new String[] {"init", project.toString(), "--force"})) {
      assertEquals(new Cli(1, "", "strata: error[E0647]: cannot set up the project in '"
          + project + "': '" + project.resolve("strata.toml") + "' is a folder\n"
          + "  = help: move the folder away; strata init writes its configuration file there\n"),
          Cli.run(args));
      assertTrue(Files.notExists(project.resolve("versions")), String.join(" ", args));
    }
  }

  @Test
  void aDirectoryThatCannotBeMadeIsAnError() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "");
    Cli cli = Cli.run("init", file.toString());
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith("strata: error[E0647]: cannot set up the project in '" + file
        + "': "), cli.err());
  }
}
