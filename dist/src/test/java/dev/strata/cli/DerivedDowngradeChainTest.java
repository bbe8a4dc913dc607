package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's derivation test: for every revision of the sample chain whose downgrade is written by
 * hand, the downgrade strata derives when the section is left out leaves the same {@code pg_dump
 * --schema-only} as the written one (both after {@code upgrade base:REV}); where strata refuses
 * to derive it, the refusal is one of E0630-E0633 and names the revision.
 */
class DerivedDowngradeChainTest {
  @TempDir static Path dir;

  @TestFactory
  Stream<DynamicTest> derivedDowngradeLeavesTheSchemaOfTheWrittenOne() throws Exception {
    Path stripped = Files.createDirectories(dir.resolve("stripped"));
    List<RevisionFile> files = VersionsLoader.load(Cli.sampleVersions());
    RevisionGraph graph = RevisionGraph.build(files);
    try (Stream<Path> paths = Files.list(Cli.sampleVersions())) {
      for (Path p : paths.filter(p -> p.toString().endsWith(".sql")).toList()) {
        String text = Files.readString(p);
        int at = text.indexOf("-- +downgrade");
        Files.writeString(stripped.resolve(p.getFileName()), at < 0 ? text : text.substring(0, at));
      }
    }
    return files.stream()
        .filter(f -> f.downgrade().isPresent() && !f.downgrade().get().statements().isEmpty())
        .map(f -> DynamicTest.dynamicTest(f.id(), () -> compare(stripped, graph, f.id())));
  }

  private static void compare(Path stripped, RevisionGraph graph, String id) throws Exception {
    List<String> parents = graph.parents(id);
    String down = id + ":" + (parents.isEmpty() ? "base" : String.join(",", parents));
    Path derivedScript = Files.createTempFile(dir, "derived", ".sql");
    Cli derived = Cli.run("downgrade", down, "--versions", stripped.toString(),
        "-o", derivedScript.toString());
    if (derived.exitCode() != 0) {
      assertTrue(derived.err().matches("(?s).*error\\[E063[0-3]\\]: cannot derive the downgrade"
          + " of '" + id + "'.*"), () -> "downgrade " + down + ":\n" + derived.err());
      return;
    }
    PostgresServer server = PostgresServer.require();
    String written = server.createDatabase("strata_written");
    String fromModel = server.createDatabase("strata_derived");
    try {
      for (String db : List.of(written, fromModel)) {
        apply(server, db, script("upgrade", "base:" + id, Cli.sampleVersions()));
      }
      apply(server, written, script("downgrade", down, Cli.sampleVersions()));
      apply(server, fromModel, derivedScript);
      assertEquals(server.schemaDump(written), server.schemaDump(fromModel),
          "pg_dump after the written and the derived downgrade " + down);
    } finally {
      server.dropDatabase(written);
      server.dropDatabase(fromModel);
    }
  }

  private static Path script(String command, String range, Path versions) throws Exception {
    Path script = Files.createTempFile(dir, command, ".sql");
    Cli cli = Cli.run(command, range, "--versions", versions.toString(), "-o", script.toString());
    assertEquals(0, cli.exitCode(), () -> "strata " + command + " " + range + ":\n" + cli.err());
    return script;
  }

  private static void apply(PostgresServer server, String db, Path script) throws Exception {
    PostgresServer.ProcessResult result = server.psql(db, script);
    assertEquals(0, result.exitCode(), () -> "psql -f " + script + ":\n" + result.stderr());
  }
}
