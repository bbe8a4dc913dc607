package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.testkit.AlembicCli;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's "Done when": a database that Alembic migrated switches to strata bundles with no
 * stamping, and back. Alembic, online over psycopg2, brings a fresh database to the middle of the
 * chain; strata's bundle {@code MIDDLE:HEAD}, applied with {@code psql}, takes it to the head; then
 * Alembic's own {@code downgrade -1} (online) still works on it and leaves the database at the
 * head's parent with exactly the schema and version rows that Alembic alone gives at that
 * revision.
 */
class AlembicSwitchTest {
  @TempDir Path work;

  /** The sample chain: Alembic to 0006, strata's bundle to 0028 (over the lrs/dividends merge). */
  @Test
  void theSampleChainSwitchesFromAlembicToStrataAndBack() throws Exception {
    switchAndBack(SampleAlembicProofTest.SAMPLE, Cli.sampleVersions(),
        "0006_create_cash_requests", "0028_dividend_events_paid_on", "0027_dividend_events_updated_at");
  }

  /**
   * The {@code plain} fixture, imported with {@code strata import alembic}: Alembic to its third
   * revision, the bundle of the imported chain to its head (over a rename, a new primary key, a
   * type change with USING and partial, GIN and operator-class indexes), Alembic back one.
   */
  @Test
  void anImportedChainSwitchesFromAlembicToStrataAndBack() throws Exception {
    Path plain = Cli.repoRoot().resolve("alembic/src/test/resources/projects/plain");
    Path imported = work.resolve("imported");
    Cli cli = Cli.run("import", "alembic", plain.resolve("versions").toString(), "-o",
        imported.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    switchAndBack(plain, imported, "c47d9e0f2a61", "0a9b8c7d6e5f", "e1d2c3b4a596");
  }

  /**
   * Runs the switch on {@code project} (an Alembic project) and {@code versions} (the same chain
   * for strata): Alembic to {@code middle}, strata's bundle {@code middle:head}, Alembic's {@code
   * downgrade -1} to {@code parent}, compared with Alembic's {@code upgrade parent} alone.
   */
  void switchAndBack(Path project, Path versions, String middle, String head, String parent)
      throws Exception {
    PostgresServer server = PostgresServer.require();
    AlembicCli alembic = AlembicCli.require();
    Path ini = project.resolve("alembic.ini");
    String switched = server.createDatabase("h2_switch");
    String alembicOnly = server.createDatabase("h2_alembic_only");
    try {
      online(alembic, server, ini, switched, "upgrade", middle);
      assertEquals(List.of(middle), rows(server, switched));

      Path out = work.resolve("bundle");
      Cli cli = Cli.run("bundle", middle + ":" + head, "--versions", versions.toString(),
          "-o", out.toString());
      assertEquals(0, cli.exitCode(), cli.err());
      Path bundle;
      try (Stream<Path> top = Files.list(out)) {
        bundle = top.findFirst().orElseThrow();
      }
      var applied = server.psql(switched, bundle.resolve("upgrade.sql"));
      assertEquals(0, applied.exitCode(), applied.stderr());
      assertEquals(List.of(head), rows(server, switched), "strata's bundle took it to the head");

      online(alembic, server, ini, switched, "downgrade", "-1");
      assertEquals(List.of(parent), rows(server, switched), "Alembic's downgrade -1 after strata");
      ClientRun current = online(alembic, server, ini, switched, "current");
      assertEquals(parent, current.stdout().strip().split("\\s+")[0], current.describe());

      online(alembic, server, ini, alembicOnly, "upgrade", parent);
      assertEquals(SchemaDumps.normalise(server.schemaDump(alembicOnly)),
          SchemaDumps.normalise(server.schemaDump(switched)),
          "the switched database has the schema Alembic alone gives at " + parent);
      assertEquals(rows(server, alembicOnly), rows(server, switched));
    } finally {
      server.dropDatabase(switched);
      server.dropDatabase(alembicOnly);
    }
  }

  private static List<String> rows(PostgresServer server, String db) {
    return server.query(db, "SELECT version_num FROM alembic_version ORDER BY 1");
  }

  /** Runs Alembic online on {@code db}: {@code -x url=postgresql://USER@HOST:PORT/DB ARGS}. */
  private static ClientRun online(AlembicCli alembic, PostgresServer server, Path ini, String db,
      String... args) {
    Map<String, String> client = server.clientEnvironment(db);
    String[] all = Stream.concat(Stream.of("-x", "url=" + client.get("DATABASE_URL")),
        Stream.of(args)).toArray(String[]::new);
    ClientRun run = alembic.run(ini, Map.of("PGPASSWORD", client.get("PGPASSWORD")), all);
    assertEquals(0, run.exitCode(), () -> "alembic " + String.join(" ", all) + "\n"
        + run.describe());
    return run;
  }
}
