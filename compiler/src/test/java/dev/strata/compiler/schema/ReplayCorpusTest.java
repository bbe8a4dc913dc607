package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The sample chain ({@code versions/}) and every versions directory of the dialects' golden corpus
 * replay without a schema error (warnings allowed: they name hand edits).
 */
class ReplayCorpusTest {
  static final Path ROOT = Path.of("..");
  static final Path GOLDEN = ROOT.resolve("dialects/src/test/resources/golden");

  static List<Path> corpus() throws IOException {
    List<Path> dirs = new ArrayList<>();
    dirs.add(ROOT.resolve("versions"));
    try (Stream<Path> cases = Files.list(GOLDEN)) {
      cases.map(c -> c.resolve("versions")).filter(Files::isDirectory).sorted()
          .forEach(dirs::add);
    }
    return dirs;
  }

  @TestFactory
  Stream<DynamicTest> everyVersionsDirectoryReplaysWithoutErrors() throws IOException {
    return corpus().stream().map(dir -> dynamicTest(ROOT.relativize(dir).toString(), () -> {
      RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(dir));
      List<Diagnostic> diagnostics = SchemaChecks.check(graph);
      List<Diagnostic> errors = diagnostics.stream()
          .filter(d -> d.severity() == Severity.ERROR).toList();
      assertEquals("", DiagnosticException.format(errors), dir.toString());
      if (!graph.heads().isEmpty()) {
        Replay.of(graph).at(graph.heads());
      }
    }));
  }

  @Test
  void sampleChainModelAtHead() throws DiagnosticException {
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(ROOT.resolve("versions")));
    Replay replay = Replay.of(graph);
    SchemaModel head = replay.at(graph.heads());
    assertFalse(head.tables().isEmpty());
    assertEquals(graph.revisions().size(), replay.models().size());
  }
}
