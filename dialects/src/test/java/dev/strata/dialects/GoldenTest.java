package dev.strata.dialects;

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
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@link GoldenCases golden case} rendered for PostgreSQL must equal
 * {@code src/test/resources/golden/<case>/postgresql.sql} byte for byte, and rendering it again must
 * give the same bytes. Run with {@code -Dgolden.update=true} to rewrite the files (then read the
 * diff); otherwise a missing file fails, and so does a golden directory with no case.
 */
class GoldenTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  static final String FILE = "postgresql.sql";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Path goldenFile(String name) {
    return GOLDEN.resolve(name).resolve(FILE);
  }

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsGoldenFile() {
    Renderer renderer = Renderer.forDialect(Dialect.POSTGRESQL);
    return GoldenCases.all().stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(renderer, c)));
  }

  private static void check(Renderer renderer, GoldenCase c) throws Exception {
    String rendered = renderer.render(c.plan(), c.options());
    assertEquals(rendered, renderer.render(c.plan(), c.options()), "rendering twice differs");
    assertTrue(rendered.endsWith("\n") && !rendered.endsWith("\n\n"), "must end with one \\n");
    assertTrue(rendered.indexOf('\r') < 0, "LF line endings only");
    Path file = goldenFile(c.name());
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, rendered, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail("missing golden file " + file + "; run with -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), rendered, c.name());
  }

  @Test
  void everyGoldenDirectoryHasACase() throws IOException {
    Set<String> cases = GoldenCases.all().stream().map(GoldenCase::name).collect(Collectors.toSet());
    assertEquals(cases.size(), GoldenCases.all().size(), "case names must be unique");
    List<String> orphans = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      dirs.map(d -> d.getFileName().toString()).filter(d -> !cases.contains(d)).forEach(orphans::add);
    }
    assertEquals(List.of(), new ArrayList<>(new TreeSet<>(orphans)), "golden directories without a case");
  }
}
