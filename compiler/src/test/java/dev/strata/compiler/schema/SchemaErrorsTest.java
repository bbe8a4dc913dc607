package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of broken chains under {@code src/test/resources/schema-errors/}: each case is a
 * {@code versions/} directory and the {@code expected.stderr} the schema checks print for it, paths
 * relative to the case ({@code versions/0002_drop.sql:5:12}). Run with {@code
 * -Dgolden.update=true} to write the files that differ (then read the diff).
 */
class SchemaErrorsTest {
  private static final Path CASES = Path.of("src", "test", "resources", "schema-errors");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> everyCase() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .map(dir -> dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  private static void check(Path dir) throws Exception {
    String printed = DiagnosticException.format(
        SchemaChecks.check(RevisionGraph.build(VersionsLoader.load(dir.resolve("versions")))))
        .replace(dir + "/", "");
    Path expected = dir.resolve("expected.stderr");
    if (UPDATE) {
      if (!Files.exists(expected) || !Files.readString(expected).equals(printed)) {
        Files.writeString(expected, printed, StandardCharsets.UTF_8);
        System.err.println("golden: wrote " + expected + " (review the diff)");
      }
      return;
    }
    if (!Files.exists(expected)) {
      fail("missing " + expected + "; run with -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), printed, dir.toString());
  }
}
