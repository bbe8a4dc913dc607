package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command loads, seen from a child JVM's class-loading log: the commands that report the
 * graph load neither jOOQ nor the statement parser; {@code upgrade}, which renders, loads both,
 * unless the results cache serves it.
 */
class StartupClassesTest {
  private static final String JOOQ = " org.jooq.";
  private static final List<String> PARSER =
      List.of(" dev.strata.grammar.antlr.StrataParser", " dev.strata.grammar.StatementParser ");

  @TempDir Path temp;

  @Test
  void headsLoadsNeitherJooqNorTheStatementParser() throws Exception {
    List<String> loaded = loaded("heads", "--versions", Cli.sampleVersions().toString());
    assertEquals(List.of(), matching(loaded, JOOQ));
    PARSER.forEach(parser -> assertEquals(List.of(), matching(loaded, parser)));
  }

  @Test
  void historyLoadsNeitherJooqNorTheStatementParser() throws Exception {
    List<String> loaded = loaded("history", "--verbose", "--versions",
        Cli.sampleVersions().toString());
    assertEquals(List.of(), matching(loaded, JOOQ));
    PARSER.forEach(parser -> assertEquals(List.of(), matching(loaded, parser)));
  }

  @Test
  void upgradeLoadsBoth() throws Exception {
    // without the parse cache, which would serve the files without the parser (and the child
    // JVM has the process's HOME: the test must not write the user's cache)
    List<String> loaded = loaded("upgrade", "base:head", "--versions",
        Cli.sampleVersions().toString(), "-o", temp.resolve("out.sql").toString(), "--no-cache");
    assertFalse(matching(loaded, JOOQ).isEmpty());
    PARSER.forEach(parser -> assertFalse(matching(loaded, parser).isEmpty(), parser));
  }

  @Test
  void anUpgradeServedByTheResultsCacheLoadsNeither() throws Exception {
    String[] upgrade = {"upgrade", "base:head", "--versions", Cli.sampleVersions().toString(),
        "-o", temp.resolve("out.sql").toString(), "--cache-dir", temp.resolve("cache").toString()};
    List<String> first = loaded(upgrade);
    assertFalse(matching(first, JOOQ).isEmpty(), "the first run renders");
    List<String> again = loaded(upgrade);
    assertEquals(List.of(), matching(again, JOOQ));
    PARSER.forEach(parser -> assertEquals(List.of(), matching(again, parser)));
    assertTrue(matching(again, " dev.strata.cli.ResultEntry$Hit ").size() == 1, "served");
  }

  /** The class-loading log lines of {@code strata ARGS} run in a child JVM, which must succeed. */
  private List<String> loaded(String... args) throws IOException, InterruptedException {
    Path log = temp.resolve("classes.log");
    Files.deleteIfExists(log);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(temp.resolve("err.txt").toFile())
        .start();
    int exit = process.waitFor();
    assertEquals(0, exit, () -> "strata " + String.join(" ", args) + ": " + read(temp.resolve("err.txt")));
    List<String> lines = Files.readAllLines(log);
    assertTrue(lines.size() > 100, "a class-loading log");
    return lines;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static List<String> matching(List<String> lines, String part) {
    return lines.stream().filter(line -> line.contains(part)).toList();
  }
}
