package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles made by the assembled launcher, then used as a DBA would: extracted with {@code tar},
 * checked with {@code sha256sum -c}, applied and rolled back with the commands of APPLY.md run by
 * {@code sh} and {@code psql} in a shell whose PATH holds no {@code java}.
 */
class BundleIT {
  private static final Path LAUNCHER = Cli.repoRoot().resolve("dist/target/strata/bin/strata");
  private static final List<String> TOOLS =
      List.of("sh", "tar", "gzip", "sha256sum", "psql", "cat", "grep", "ls");

  @TempDir Path tmp;

  @Test
  void theSameBytesInAnyTimeZoneWithAnyUmask() throws Exception {
    for (String name : List.of("ledger.tar.gz", "ledger.zip")) {
      Path first = Files.createDirectories(tmp.resolve("one")).resolve(name);
      Path second = Files.createDirectories(tmp.resolve("two")).resolve(name);
      launch("umask 077; TZ=Asia/Kolkata exec", "base:head", first, Map.of());
      launch("umask 002; TZ=America/Los_Angeles exec", "base:head", second, Map.of());
      assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), name);
    }
  }

  @Test
  void sourceDateEpochSetsEveryEntryTime() throws Exception {
    Path out = tmp.resolve("ledger.tar.gz");
    launch("exec", "0012:head", out, Map.of("SOURCE_DATE_EPOCH", "1700000000"));
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(Files.newInputStream(out)))) {
      int entries = 0;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        assertEquals(1700000000L, e.getModTime().getTime() / 1000, e.getName());
        assertEquals("", e.getUserName());
        assertEquals(0, e.getLongUserId());
        assertEquals(e.isDirectory() ? 040755 : 0100644, e.getMode(), e.getName());
        entries++;
      }
      assertEquals(61, entries, "57 files (sources/strata.sum included) and 4 folders");
    }
  }

  @Test
  void fromBaseAppliesRollsBackAndAppliesAgainWithoutJava() throws Exception {
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_bundle_base");
    try {
      Dba dba = dba(server, db, "base:head");
      String applied = dba.applyAndConfirm(List.of(head()));
      dba.rollBack(List.of());
      assertEquals(List.of("alembic_version"), server.query(db,
          "SELECT table_name FROM information_schema.tables WHERE table_schema"
              + " NOT IN ('pg_catalog', 'information_schema')"), "only the version table is left");
      assertEquals(applied, dba.applyAndConfirm(List.of(head())));
    } finally {
      server.dropDatabase(db);
    }
  }

  @Test
  void fromARevisionAppliesRollsBackToTheSameSchemaAndAppliesAgain() throws Exception {
    PostgresServer server = PostgresServer.require();
    String db = server.createDatabase("strata_bundle_0012");
    try {
      Path prepare = tmp.resolve("to-0012.sql");
      ProcessResult upgrade = PostgresServer.run(List.of(LAUNCHER.toString(), "upgrade",
          "base:0012", "--versions", Cli.sampleVersions().toString(), "-o", prepare.toString()),
          Map.of());
      assertEquals(0, upgrade.exitCode(), upgrade.stderr());
      assertEquals(0, server.psql(db, prepare).exitCode());
      String before = server.schemaDump(db);
      Dba dba = dba(server, db, "0012:head");
      String applied = dba.applyAndConfirm(List.of(head()));
      assertNotEquals(before, applied);
      dba.rollBack(List.of("0012_journal_lines_account_idx"));
      assertEquals(before, server.schemaDump(db), "the rollback restores the FROM schema");
      assertEquals(applied, dba.applyAndConfirm(List.of(head())));
    } finally {
      server.dropDatabase(db);
    }
  }

  /** Builds the bundle with the launcher, extracts and checks it in the java-less shell. */
  private Dba dba(PostgresServer server, String db, String range) throws Exception {
    Path archive = tmp.resolve("bundle.tar.gz");
    launch("exec", range, archive, Map.of());
    Path bin = javaLessBin();
    Map<String, String> env = new HashMap<>(connection(server, db));
    env.put("PATH", bin.toString());
    Dba dba = new Dba(server, db, env, tmp);
    ProcessResult java = dba.sh("command -v java");
    assertNotEquals(0, java.exitCode(), "no java on the DBA's PATH: " + java.stdout());
    ProcessResult extract = dba.sh("tar -xzf bundle.tar.gz && ls");
    assertEquals(0, extract.exitCode(), extract.stderr());
    Path root = tmp.resolve(extract.stdout().lines().filter(l -> l.startsWith("strata-"))
        .findFirst().orElseThrow());
    List<String> blocks = shellBlocks(Files.readString(root.resolve("APPLY.md")));
    assertEquals(4, blocks.size(), "check, apply, confirm, roll back: " + blocks);
    Dba inBundle = new Dba(server, db, env, root, blocks);
    ProcessResult check = inBundle.sh(blocks.get(0));
    assertEquals(0, check.exitCode(), check.stdout() + check.stderr());
    assertEquals(57 + (range.startsWith("base") ? 36 : 0) - 1,
        check.stdout().lines().filter(l -> l.endsWith(": OK")).count(), check.stdout());
    return inBundle;
  }

  /** The DBA's shell: commands run by /bin/sh in {@code dir}, with {@code env}. */
  private record Dba(PostgresServer server, String db, Map<String, String> env, Path dir,
      List<String> blocks) {
    Dba(PostgresServer server, String db, Map<String, String> env, Path dir) {
      this(server, db, env, dir, List.of());
    }

    ProcessResult sh(String script) {
      return PostgresServer.run(List.of("/bin/sh", "-c", "cd '" + dir + "' && " + script), env);
    }

    /** Applies upgrade.sql, confirms the rows; returns the schema dump. */
    String applyAndConfirm(List<String> rows) {
      ProcessResult apply = sh(blocks.get(1));
      assertEquals(0, apply.exitCode(), apply.stderr());
      confirm(rows);
      return server.schemaDump(db);
    }

    void rollBack(List<String> rows) {
      ProcessResult rollback = sh(blocks.get(3));
      assertEquals(0, rollback.exitCode(), rollback.stderr());
      confirm(rows);
    }

    private void confirm(List<String> rows) {
      ProcessResult confirm = sh(blocks.get(2));
      assertEquals(0, confirm.exitCode(), confirm.stderr());
      assertEquals(rows.stream().map(r -> r + "\n").reduce("", String::concat), confirm.stdout());
    }
  }

  /** The fenced {@code sh} blocks of APPLY.md, in order. */
  private static List<String> shellBlocks(String markdown) {
    Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1).strip());
    }
    return blocks;
  }

  /** Runs the launcher's {@code bundle} under {@code sh -c PREFIX ...}; it must succeed. */
  private static void launch(String prefix, String range, Path out, Map<String, String> env) {
    String command = prefix + " '" + LAUNCHER + "' bundle " + range + " --versions '"
        + Cli.sampleVersions() + "' -o '" + out + "'";
    ProcessResult result = PostgresServer.run(List.of("/bin/sh", "-c", command), env);
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr());
  }

  /** A folder of links to the few tools a DBA needs, and nothing else: no java. */
  private Path javaLessBin() throws Exception {
    return ToolsOnly.in(tmp.resolve("bin"), TOOLS);
  }

  /** {@code DATABASE_URL} and {@code PGPASSWORD} for the test database. */
  private static Map<String, String> connection(PostgresServer server, String db) {
    return server.clientEnvironment(db);
  }

  private static String head() throws Exception {
    return dev.strata.compiler.RevisionGraph.build(
        dev.strata.compiler.VersionsLoader.load(Cli.sampleVersions())).heads().get(0);
  }
}
