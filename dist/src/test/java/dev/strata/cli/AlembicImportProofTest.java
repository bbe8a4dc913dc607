package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.testkit.AlembicCli;
import dev.strata.testkit.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's proof in CI: every fixture Alembic project ({@code
 * alembic/src/test/resources/projects}) is imported with {@code strata import alembic}, the
 * placeholders the import leaves are resolved as a team would, with the SQL written by hand in
 * {@code src/test/resources/alembic-import/FIXTURE.resolutions}, and {@link AlembicProof} then
 * finds every upgrade {@code base:R} and every downgrade {@code H:R} of every revision the same as
 * Alembic's own offline scripts give.
 */
class AlembicImportProofTest {
  private static final Path PROJECTS =
      Cli.repoRoot().resolve("alembic/src/test/resources/projects");
  private static final Path RESOLUTIONS =
      Cli.repoRoot().resolve("dist/src/test/resources/alembic-import");
  /** The type map a team gives for the application types of the placeholders fixture. */
  private static final Map<String, List<String>> OPTIONS = Map.of("placeholders", List.of(
      "--type-map", "myapp.types.GUID=UUID", "--type-map", "myapp.types.Money=BIGINT"));
  private static final Pattern TODO = Pattern.compile("^-- \\+todo (\\S+?):(\\d+):\\d+: ");
  private static final Pattern ENTRY = Pattern.compile("^-- @ (\\S+:\\d+)$");

  @TempDir Path work;
  /** The resolutions used so far, by {@code FILE.py:LINE}. */
  private final java.util.Set<String> resolved = new java.util.HashSet<>();

  @TestFactory
  Stream<DynamicTest> everyFixtureImportsAndIsProvenRevisionByRevision() throws IOException {
    try (Stream<Path> dirs = Files.list(PROJECTS)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("alembic.ini"))).sorted()
          .toList().stream()
          .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> importAndProve(p)));
    }
  }

  private void importAndProve(Path project) throws Exception {
    String name = project.getFileName().toString();
    Path versions = work.resolve(name);
    List<String> args = new ArrayList<>(List.of("import", "alembic",
        project.resolve("versions").toString(), "-o", versions.toString()));
    args.addAll(OPTIONS.getOrDefault(name, List.of()));
    Cli imported = Cli.run(args.toArray(String[]::new));
    assertTrue(Files.isDirectory(versions), name + ": nothing imported\n" + imported.err());
    Map<String, String> resolutions = resolutions(name);
    List<String> unresolved = new ArrayList<>();
    Map<String, String> unused = new LinkedHashMap<>(resolutions);
    try (Stream<Path> files = Files.list(versions)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        resolve(file, resolutions, unresolved);
      }
    }
    assertEquals(List.of(), unresolved, name + ": placeholders without a hand resolution"
        + " (add them to " + RESOLUTIONS.resolve(name + ".resolutions") + ")\n" + imported.err());
    unused.keySet().removeAll(resolved);
    assertEquals(List.of(), List.copyOf(unused.keySet()), name + ": resolutions of placeholders"
        + " the import no longer leaves (remove them from the .resolutions file)");

    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(versions));
    assertEquals(new TreeSet<>(SampleAlembicProofTest.alembicRevisions(project)),
        new TreeSet<>(graph.revisions().stream().map(RevisionFile::id).toList()),
        name + ": one strata revision per Alembic revision, with its id");

    PostgresServer server = PostgresServer.require();
    AlembicCli alembic = AlembicCli.require();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    AlembicProof.Report report;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      report = AlembicProof.prove(new AlembicProof.Setup(project, versions,
          server.jdbcUrl("postgres"), alembic.python()), out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(report.proven(), name + ":\n" + printed);
    long upgrades = report.outcomes().stream().filter(o -> o.range().startsWith("upgrade "))
        .count();
    assertEquals(graph.revisions().size(), upgrades, printed);
  }

  /** The hand resolutions of a fixture, by {@code FILE.py:LINE}; none when it has no file. */
  private static Map<String, String> resolutions(String fixture) throws IOException {
    Path file = RESOLUTIONS.resolve(fixture + ".resolutions");
    Map<String, String> entries = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return entries;
    }
    String key = null;
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      Matcher m = ENTRY.matcher(line);
      if (m.matches()) {
        if (key != null) {
          entries.put(key, text.toString());
        }
        key = m.group(1);
        text.setLength(0);
      } else if (key != null) {
        text.append(line).append('\n');
      }
    }
    if (key != null) {
      entries.put(key, text.toString());
    }
    return entries;
  }

  /**
   * Replaces each {@code -- +todo} placeholder of {@code file} (its line and the commented
   * original below it) with its resolution; records those without one in {@code unresolved}.
   */
  private void resolve(Path file, Map<String, String> resolutions, List<String> unresolved)
      throws IOException {
    List<String> lines = Files.readAllLines(file);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = TODO.matcher(lines.get(i));
      if (!m.find()) {
        out.append(lines.get(i)).append('\n');
        continue;
      }
      String key = Path.of(m.group(1)).getFileName() + ":" + m.group(2);
      String resolution = resolutions.get(key);
      if (resolution != null) {
        resolved.add(key);
      }
      if (resolution == null) {
        unresolved.add(lines.get(i));
        out.append(lines.get(i)).append('\n');
        continue;
      }
      out.append(resolution);
      while (i + 1 < lines.size() && lines.get(i + 1).startsWith("--   ")) {
        i++;
      }
    }
    Files.writeString(file, out.toString());
  }
}
