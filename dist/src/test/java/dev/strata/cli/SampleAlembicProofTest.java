package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.testkit.AlembicCli;
import dev.strata.testkit.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The proof of issue 11 on the sample chain: the repository's own {@code versions/} against the
 * same chain written as an Alembic project ({@code alembic/src/test/resources/projects/sample},
 * the same revision ids): for every revision, Alembic's {@code upgrade R --sql} and strata's
 * {@code upgrade base:R} leave the same schema and version rows, and so do {@code downgrade
 * 0028:R} by both, for every R.
 */
class SampleAlembicProofTest {
  static final Path SAMPLE = Cli.repoRoot().resolve("alembic/src/test/resources/projects/sample");
  private static final Pattern REVISION = Pattern.compile("(?m)^revision\\s*=\\s*['\"]([^'\"]+)");

  /** The revision ids of an Alembic project's versions directory, sorted. */
  static List<String> alembicRevisions(Path project) throws Exception {
    try (Stream<Path> files = Files.list(project.resolve("versions"))) {
      return files.filter(f -> f.toString().endsWith(".py")).map(f -> {
        try {
          Matcher m = REVISION.matcher(Files.readString(f));
          return m.find() ? m.group(1) : f.toString();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }).sorted().toList();
    }
  }

  @Test
  void theSampleChainWrittenForAlembicIsTheRepositorysVersions() throws Exception {
    assertTrue(Files.isRegularFile(SAMPLE.resolve("alembic.ini")),
        "the sample chain as an Alembic project is missing: " + SAMPLE);
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(Cli.sampleVersions()));
    List<String> strata = graph.revisions().stream().map(RevisionFile::id).sorted().toList();
    assertEquals(strata, alembicRevisions(SAMPLE), "the Alembic project has every sample revision");
  }

  @Test
  void everyRevisionOfTheSampleChainIsProvenAgainstAlembic() throws Exception {
    PostgresServer server = PostgresServer.require();
    AlembicCli alembic = AlembicCli.require();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    AlembicProof.Report report;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      report = AlembicProof.prove(new AlembicProof.Setup(SAMPLE, Cli.sampleVersions(),
          server.jdbcUrl("postgres"), alembic.python(), alembicRevisions(SAMPLE)), out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(report.proven(), printed);
    assertTrue(printed.endsWith("alembic proof: all " + report.outcomes().size()
        + " ranges same (alembic " + alembic.version() + ")\n"), printed);
  }
}
