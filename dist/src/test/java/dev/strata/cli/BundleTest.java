package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata bundle} in-process: layout, reproducible bytes, atomic output, option errors. */
class BundleTest {
  private static final String ROOT =
      "strata-0012_journal_lines_account_idx-0028_dividend_events_paid_on-postgresql/";

  @TempDir Path tmp;

  static Cli bundle(String range, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("bundle", range, "--versions",
        Cli.sampleVersions().toString(), "-o", output.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void theSameBundleTwiceInDifferentFoldersHasIdenticalBytes() throws Exception {
    for (String name : List.of("ledger.tar.gz", "ledger.zip")) {
      Path first = Files.createDirectories(tmp.resolve("a")).resolve(name);
      Path second = Files.createDirectories(tmp.resolve("b/c")).resolve(name);
      assertEquals(0, bundle("base:head", first).exitCode());
      assertEquals(0, bundle("base:head", second).exitCode());
      assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), name);
    }
  }

  /** APPLY.md named each revision by the path it was read at, so CI's checkout path leaked in. */
  @Test
  void theSameRevisionsReadFromAnotherFolderGiveIdenticalBytes() throws Exception {
    Path copy = Files.createDirectories(tmp.resolve("another checkout/versions"));
    try (var files = Files.list(Cli.sampleVersions())) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    Path first = tmp.resolve("first.tar.gz");
    Path second = tmp.resolve("second.tar.gz");
    assertEquals(0, bundle("base:head", first).exitCode());
    Cli cli = Cli.run("bundle", "base:head", "--versions", copy + "/./", "-o", second.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  @Test
  void theLayoutIsExactlyTheListedFiles() throws Exception {
    Path out = tmp.resolve("b.tar.gz");
    Cli cli = bundle("0012:head", out);
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("wrote " + out + " (" + ROOT + ", 57 files)\n", cli.out());
    List<Step> steps = new Planner(RevisionGraph.build(VersionsLoader.load(Cli.sampleVersions())))
        .plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "0012:head"))
        .steps();
    List<String> expected = new ArrayList<>(List.of(ROOT, ROOT + "APPLY.md", ROOT + "CHANGES.md",
        ROOT + "MANIFEST.json", ROOT + "SHA256SUMS", ROOT + "revisions/", ROOT + "rollback.sql",
        ROOT + "schema/", ROOT + "schema/after.sql", ROOT + "schema/before.sql", ROOT + "sources/",
        ROOT + "sources/strata.sum", ROOT + "upgrade.sql"));
    for (int i = 0; i < steps.size(); i++) {
      String stem = ROOT + "revisions/" + String.format("%04d_", i + 1) + steps.get(i).id();
      expected.add(stem + ".up.sql");
      expected.add(stem + ".down.sql");
      expected.add(ROOT + "sources/" + steps.get(i).id() + ".sql");
    }
    List<String> names = Archives.readTarGz(out).stream().map(Archives.Entry::name).toList();
    assertEquals(expected.stream().sorted().toList(), names, "sorted, folders included");
  }

  @Test
  void sourcesAreTheRevisionFilesByteForByteAndScriptsMatchUpgradeAndDowngrade() throws Exception {
    Path out = tmp.resolve("dir");
    assertEquals(0, bundle("0012:head", out).exitCode());
    Path root = out.resolve(ROOT);
    try (Stream<Path> sources = Files.list(root.resolve("sources"))) {
      for (Path source : sources.toList()) {
        assertArrayEquals(Files.readAllBytes(Cli.sampleVersions().resolve(source.getFileName())),
            Files.readAllBytes(source), source.toString());
      }
    }
    String versions = Cli.sampleVersions().toString();
    assertEquals(Cli.run("upgrade", "0012:head", "--versions", versions).out(),
        Files.readString(root.resolve("upgrade.sql")));
    assertEquals(Cli.run("downgrade", "head:0012", "--versions", versions).out(),
        Files.readString(root.resolve("rollback.sql")));
    assertEquals(
        Cli.run("upgrade", "0012:0018", "--versions", versions).out(),
        Files.readString(root.resolve("revisions/0001_0018_create_dividend_events.up.sql")));
    assertEquals(
        Cli.run("downgrade", "0018:0012", "--versions", versions).out(),
        Files.readString(root.resolve("revisions/0001_0018_create_dividend_events.down.sql")));
  }

  @Test
  void sha256sumsListsEveryOtherFileSortedAsSha256sumWrites() throws Exception {
    Path out = tmp.resolve("dir");
    assertEquals(0, bundle("0012:head", out).exitCode());
    Path root = out.resolve(ROOT);
    List<String> lines = Files.readAllLines(root.resolve("SHA256SUMS"));
    java.util.TreeMap<String, String> expected = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String path = root.relativize(file).toString();
        if (!path.equals("SHA256SUMS")) {
          expected.put(path, Sha256.hex(Files.readAllBytes(file)) + "  " + path);
        }
      }
    }
    assertEquals(List.copyOf(expected.values()), lines, "sorted by path");
    String manifest = Files.readString(root.resolve("MANIFEST.json"));
    assertTrue(manifest.startsWith("{\n  \"format\": \"strata-bundle\",\n  \"formatVersion\": 1,\n"),
        manifest);
    assertFalse(manifest.contains("\r"));
  }

  @Test
  void anExistingOutputIsRefusedWithoutForce() throws Exception {
    Path out = tmp.resolve("ledger.tar.gz");
    Files.writeString(out, "keep me\n");
    Cli cli = bundle("base:head", out);
    assertEquals(1, cli.exitCode());
    assertEquals("strata: error[E0502]: '" + out + "' already exists\n"
        + "  = help: add --force to replace it, or choose another -o PATH\n", cli.err());
    assertEquals("keep me\n", Files.readString(out));
    assertEquals(0, bundle("base:head", out, "--force").exitCode());
    assertEquals("ok: 93 files verified\n", Cli.run("verify", out.toString()).out());
  }

  @Test
  void forceReplacesAnExistingFolderAsAWhole() throws Exception {
    Path out = tmp.resolve("bundle");
    Files.createDirectories(out.resolve("old"));
    Files.writeString(out.resolve("old/stale.txt"), "stale\n");
    assertEquals(1, bundle("0012:head", out).exitCode());
    assertTrue(Files.exists(out.resolve("old/stale.txt")), "untouched without --force");
    Cli cli = bundle("0012:head", out, "--force");
    assertEquals(0, cli.exitCode(), cli.err());
    try (Stream<Path> top = Files.list(out)) {
      assertEquals(List.of(ROOT.substring(0, ROOT.length() - 1)),
          top.map(p -> p.getFileName().toString()).toList());
    }
    assertOnlyEntries("bundle");
  }

  @Test
  void aFailingCompileLeavesNothingAtPath() throws Exception {
    for (String name : List.of("x.tar.gz", "x.zip", "x")) {
      Path out = tmp.resolve(name);
      Cli cli = bundle("base:no_such_revision", out);
      assertEquals(1, cli.exitCode(), name);
      assertTrue(cli.err().contains("error[E03"), cli.err());
      assertFalse(Files.exists(out), name);
    }
    assertOnlyEntries();
  }

  @Test
  void anUnwritablePathIsADiagnostic() {
    Path out = tmp.resolve("missing/x.tar.gz");
    Cli cli = bundle("base:head", out);
    assertEquals(1, cli.exitCode());
    assertEquals("strata: error[E0501]: cannot write '" + out + "': no such directory\n"
        + "  = help: -o names a new file or folder in an existing, writable directory\n",
        cli.err());
  }

  @Test
  void zipAndFolderBundlesVerify() throws Exception {
    for (String name : List.of("b.zip", "b.tar.gz", "b")) {
      Path out = tmp.resolve(name);
      assertEquals(0, bundle("0012:head", out, "--transaction", "revision").exitCode());
      Cli verify = Cli.run("verify", out.toString());
      assertEquals(0, verify.exitCode(), verify.err());
      assertEquals("ok: 57 files verified\n", verify.out());
    }
    Cli top = Cli.run("verify", tmp.resolve("b").resolve(ROOT).toString());
    assertEquals("ok: 57 files verified\n", top.out(), "the top folder itself verifies too");
  }

  /** Issue 7: '-o r.tgz' (Alembic users' habit) wrote a folder named r.tgz. */
  @Test
  void aTgzPathIsATarGzArchive() throws Exception {
    Path tgz = tmp.resolve("r.tgz");
    Path tarGz = tmp.resolve("r.tar.gz");
    assertEquals(new Cli(0, "wrote " + tgz + " (" + ROOT + ", 57 files)\n", ""),
        bundle("0012:head", tgz));
    assertEquals(0, bundle("0012:head", tarGz).exitCode());
    assertTrue(Files.isRegularFile(tgz));
    assertArrayEquals(Files.readAllBytes(tarGz), Files.readAllBytes(tgz));
    assertEquals(new Cli(0, "ok: 57 files verified\n", ""), Cli.run("verify", tgz.toString()));
    PostgresServer.ProcessResult tar =
        PostgresServer.run(List.of("tar", "-tzf", tgz.toString()), java.util.Map.of());
    assertEquals(0, tar.exitCode(), tar.stderr());
    assertTrue(tar.stdout().contains(ROOT + "upgrade.sql\n"), tar.stdout());
  }

  @Test
  void anArchiveSuffixStrataDoesNotWriteIsAUsageError() throws Exception {
    for (String name : List.of("r.tar", "r.tar.bz2", "r.tar.xz", "r.gz", "r.7z", "R.ZIP",
        "R.TAR.GZ")) {
      Path out = tmp.resolve(name);
      assertUsage(bundle("0012:head", out), "strata: error: Invalid value for option '--output':"
          + " '" + out + "' names an archive that strata does not write: it writes .tar.gz (or"
          + " .tgz) and .zip archives, and a folder for any other name\n");
      assertFalse(Files.exists(out));
    }
  }

  /** The report: 'r.tar.gz/' asked for a folder and got an archive. */
  @Test
  void anArchiveNameEndingInASlashIsAUsageError() throws Exception {
    Path out = tmp.resolve("r.tar.gz");
    assertUsage(Cli.run("bundle", "0012:head", "--versions", Cli.sampleVersions().toString(),
        "-o", out + "/"), "strata: error: Invalid value for"
        + " option '--output': '" + out + "/' ends in '/', a folder, but names an archive: leave"
        + " out the '/' for an archive, or choose a folder name without .tar.gz, .tgz or .zip\n");
    assertFalse(Files.exists(out));
  }

  @Test
  void optionsReachTheScriptsAndTheManifest() throws Exception {
    Path out = tmp.resolve("b");
    Cli cli = bundle("0012:head", out, "--transaction", "none", "--lock-timeout", "5s",
        "--statement-timeout", "15min", "--no-guard");
    assertEquals(0, cli.exitCode(), cli.err());
    String manifest = Files.readString(out.resolve(ROOT).resolve("MANIFEST.json"));
    assertTrue(manifest.contains("\"transactionMode\": \"none\",\n  \"guards\": false,\n"
        + "  \"lockTimeout\": \"5s\",\n  \"statementTimeout\": \"15min\",\n"), manifest);
    String apply = Files.readString(out.resolve(ROOT).resolve("APPLY.md"));
    assertTrue(apply.contains("no transactions: every statement commits on its own"), apply);
  }

  @Test
  void applyGuideListsTheLocksOfEachRevision() throws Exception {
    Path out = tmp.resolve("b");
    Cli cli = bundle("0021:0023", out);
    assertEquals(0, cli.exitCode(), cli.err());
    String apply = Files.readString(out.resolve(
        "strata-0021_create_audit_schema-0023_cash_request_status_enum-postgresql")
        .resolve("APPLY.md"));
    String locks = apply.substring(apply.indexOf("## Locks\n"),
        apply.indexOf("## Segments of upgrade.sql"));
    assertEquals("""
        ## Locks

        The table locks `upgrade.sql` takes, per revision, as strata knows them from the
        revisions (`strata lint --locks` prints the same). A statement waits for its lock and,
        in a transaction, holds it until the transaction commits; while it waits, the queries
        that its lock blocks queue behind it. A rewrite copies the whole table, a scan reads it
        all: both take time in proportion to its size.

        ### 0022_transaction_value_date (`sources/0022_transaction_value_date.sql`)

        | line | statement | table | lock | blocks | rewrite / scan |
        |---|---|---|---|---|---|
        | 9 | `UPDATE transactions SET value_date = CAST(booked_at AT TI...` | transactions | ROW EXCLUSIVE | SHARE and stronger locks (CREATE INDEX without CONCURRENTLY) |  |
        | 12 | `ALTER TABLE transactions ALTER COLUMN value_date SET DEFA...` | transactions | ACCESS EXCLUSIVE | reads and writes | scans the table |

        ### 0023_cash_request_status_enum (`sources/0023_cash_request_status_enum.sql`)

        | line | statement | table | lock | blocks | rewrite / scan |
        |---|---|---|---|---|---|
        | 10 | `ALTER TABLE cash_requests DROP CONSTRAINT ck_cash_request...` | cash_requests | ACCESS EXCLUSIVE | reads and writes | rewrites the table |

        """, locks, "each revision named by its copy in the bundle, not where it was read");
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    Path out = tmp.resolve("b.tar.gz");
    assertUsage(bundle("base:head", out, "--transaction", "each"),
        "strata: error: Invalid value for option '--transaction': unknown transaction mode"
            + " 'each' (known: bundle, revision, none)\n");
    assertUsage(bundle("base:head", out, "--lock-timeout", "5 seconds"),
        "strata: error: Invalid value for option '--lock-timeout': bad lock timeout '5 seconds':"
            + " expected a number with a unit, like 5s, 500ms or 2min\n");
    assertUsage(bundle("base:head", out, "--statement-timeout", "1y"),
        "strata: error: Invalid value for option '--statement-timeout': bad statement timeout"
            + " '1y': expected a number with a unit, like 5s, 500ms or 2min\n");
    Cli noOutput = Cli.run("bundle", "base:head");
    assertEquals(2, noOutput.exitCode());
    assertTrue(noOutput.err().startsWith(
        "strata: error: Missing required option: '--output=PATH'\n"), noOutput.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void upgradeTakesTheSameScriptOptions() {
    Cli cli = Cli.run("upgrade", "0012:head", "--versions", Cli.sampleVersions().toString(),
        "--lock-timeout", "5s");
    assertEquals(0, cli.exitCode(), cli.err());
    Cli bad = Cli.run("upgrade", "head", "--versions", Cli.sampleVersions().toString(),
        "--version-table", "");
    assertEquals(2, bad.exitCode());
    assertEquals("strata: error: bad version table name: ''\n"
        + "Try 'strata upgrade --help' for more information.\n", bad.err());
  }

  private void assertUsage(Cli cli, String firstLine) {
    assertEquals(2, cli.exitCode());
    assertEquals(firstLine + "Try 'strata bundle --help' for more information.\n", cli.err());
    assertEquals("", cli.out());
  }

  /** No temporary or set-aside file is left in the test folder: only {@code names}. */
  private void assertOnlyEntries(String... names) throws Exception {
    try (Stream<Path> entries = Files.list(tmp)) {
      assertEquals(List.of(names),
          entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
