package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The read commands on the sample chain, against golden files in {@code
 * src/test/resources/cli/read/} (the outputs {@code docs/cli.md} shows), with paths printed as
 * {@code versions/...} as when strata runs at the repository root. Run with {@code
 * -Dgolden.update=true} to rewrite changed files, then read the diff. The README's Mermaid graph must
 * be the real output.
 */
class SampleChainReadTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Path GOLDEN = Cli.repoRoot().resolve("dist/src/test/resources/cli/read");

  /** Golden file name, then the command line (without {@code --versions}). */
  private static final List<List<String>> CASES = List.of(
      List.of("heads.txt", "heads"),
      List.of("heads.json", "heads", "--format", "json"),
      List.of("branches.txt", "branches"),
      List.of("branches.json", "branches", "--format", "json"),
      List.of("history.txt", "history"),
      List.of("history-range.txt", "history", "-r", "0015:0020"),
      List.of("history-verbose.txt", "history", "-r", "0016:0020", "--verbose"),
      List.of("history.json", "history", "-r", "0020:0022", "--format", "json"),
      List.of("show.txt", "show", "0020"),
      List.of("show.json", "show", "0020", "--format", "json"),
      List.of("graph.dot", "graph"),
      List.of("graph.mmd", "graph", "--format", "mermaid"),
      List.of("diff-base.txt", "diff", "base", "base"),
      List.of("diff-base.json", "diff", "base", "base", "--format", "json"));

  @TestFactory
  Stream<DynamicTest> eachCaseMatchesItsGoldenFile() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c.subList(1,
        c.size())), () -> check(c.get(0), run(c.subList(1, c.size())))));
  }

  @Test
  void everyGoldenFileHasACase() throws IOException {
    Set<String> named = CASES.stream().map(c -> c.get(0)).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(GOLDEN)) {
      List<String> orphans = files.map(p -> p.getFileName().toString())
          .filter(n -> !named.contains(n)).sorted().toList();
      assertEquals(List.of(), orphans, "golden files without a case");
    }
  }

  @Test
  void theReadmeShowsTheRealMermaidGraph() throws IOException {
    String readme = Files.readString(Cli.repoRoot().resolve("README.md"), StandardCharsets.UTF_8);
    String graph = run(List.of("graph", "--format", "mermaid"));
    assertTrue(readme.contains("```mermaid\n" + graph + "```\n"),
        "README.md must hold the output of 'strata graph --format mermaid' in a mermaid block");
  }

  /** Runs {@code args --versions <sample>}: exit 0, no stderr; stdout with paths as versions/. */
  static String run(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.add("--versions");
    all.add(Cli.sampleVersions().toString());
    Cli cli = Cli.run(all.toArray(String[]::new));
    assertEquals("", cli.err());
    assertEquals(0, cli.exitCode());
    return cli.out().replace(Cli.sampleVersions() + "/", "versions/");
  }

  private static void check(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    if (actual.equals(expected)) {
      return;
    }
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (expected == null) {
      fail("missing golden file " + file + "; run with -Dgolden.update=true and review it");
    }
    assertEquals(expected, actual, name);
  }
}
