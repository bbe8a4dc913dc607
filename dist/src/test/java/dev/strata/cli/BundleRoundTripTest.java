package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every range that {@code strata upgrade} accepts bundles, and the bundle's {@code rollback.sql}
 * takes the database back to exactly where {@code upgrade.sql} found it, run by the real {@code
 * psql}: a representative set of the sample chain's ranges here (all of them in {@code
 * EveryRangeRoundTripIT}), ranges through a {@code depends-on}, and {@code --from-db} on a
 * database at two heads. Before {@link dev.strata.compiler.Plan#inverse()}, {@code bundle
 * 0017:head} exited 3 ("the rollback plan … is not the inverse of the upgrade").
 */
class BundleRoundTripTest {
  private static final Path VERSIONS = Cli.sampleVersions();
  private static final String AT_0017 = "0017_lrs_actual_tcs";
  private static final String HEAD = "0028_dividend_events_paid_on";

  @TempDir static Path work;
  private static PostgresServer server;
  private static RoundTrip sample;

  @BeforeAll
  static void sampleChain() throws Exception {
    server = PostgresServer.require();
    sample = new RoundTrip(server, VERSIONS, work);
  }

  @AfterAll
  static void dropTemplates() {
    if (sample != null) {
      sample.close();
    }
  }

  /**
   * The ranges that crashed (FROM on one branch, TO past the merge: the upgrade applies the other
   * branch too), the other branch's side, a start at two heads, a TO at two heads from one, an
   * empty range, and the ends of the chain.
   */
  @TestFactory
  Stream<DynamicTest> representativeRangesOfTheSampleChainRoundTrip() {
    return Stream.of("0017:head", "0013:0020", "0019:0021", "0015:0017,0019", "0013,0018:heads",
            "0014,0019:0016,0019", "0016:0016", "base:0001")
        .map(range -> DynamicTest.dynamicTest(range, () -> sample.check(range)));
  }

  @Test
  void theReportedRangeBundlesAndItsRollbackUndoesBothBranches() throws Exception {
    Cli cli = Cli.run("bundle", "0017:head", "--versions", VERSIONS.toString(), "-o",
        work.resolve("r.tar.gz").toString());
    assertEquals(new Cli(0, "wrote " + work.resolve("r.tar.gz") + " (strata-" + AT_0017 + "-"
        + HEAD + "-postgresql/, 42 files)\n", ""), cli);
    assertEquals("ok: 42 files verified\n", Cli.run("verify", work.resolve("r.tar.gz").toString())
        .out());

    Path bundle = sample.bundle("0017:head");
    String rollback = Files.readString(bundle.resolve("rollback.sql"));
    // the guard expects exactly the upgrade's end rows; the script ends at its start rows
    assertTrue(rollback.contains("    expected text[] := ARRAY['" + HEAD + "']::text[];\n"),
        rollback);
    assertTrue(rollback.contains("-- from: " + HEAD + "\n-- to: " + AT_0017 + "\n"), rollback);
    // downgrade head:0017 drops only what is above 0017 (and keeps 0019 as a row, as Alembic
    // does); confined to the dividends branch, the planner plans the same rollback
    Cli downgrade = Cli.run("downgrade", "head:dividends@0012", "--versions", VERSIONS.toString());
    assertEquals(downgrade.out(), rollback);
    assertTrue(Cli.run("downgrade", "head:0017", "--versions", VERSIONS.toString()).out()
        .contains("-- to: " + AT_0017 + ", 0019_dividend_instrument_symbol\n"));
  }

  /**
   * Of the 425 sample ranges, the rollback is {@code strata downgrade TO:FROM} exactly, except for
   * the 63 that crashed (FROM 0013 to 0019, TO past the merge 0020): there the downgrade keeps the
   * other branch, which the upgrade applied, and ends at two rows.
   */
  @Test
  void theRollbackIsTheDowngradeExceptWhereTheUpgradeAppliedTheOtherBranch() throws Exception {
    Planner planner = new Planner(RevisionGraph.build(VersionsLoader.load(VERSIONS)));
    List<String> differ = new ArrayList<>();
    List<String> ranges = RoundTrip.ranges(VERSIONS, 1);
    for (String range : ranges) {
      Plan up = planner.plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, range));
      Plan down = planner.plan(Direction.DOWNGRADE, Range.parse(Direction.DOWNGRADE,
          RoundTrip.side(up.toHeads()) + ":" + RoundTrip.side(up.fromHeads())));
      if (down.equals(up.inverse(planner::downgradeOf))) {
        continue;
      }
      differ.add(range.replaceAll("_[a-z_]+", ""));
      assertEquals(2, down.toHeads().size(), range);
      assertTrue(ids(up).containsAll(ids(down)) && ids(down).size() < ids(up).size(), range);
    }
    assertEquals(425, ranges.size());
    List<String> expected = new ArrayList<>();
    for (int from = 13; from <= 19; from++) {
      for (int to = 20; to <= 28; to++) {
        expected.add("00" + from + ":00" + to);
      }
    }
    assertEquals(expected, differ.stream().sorted().toList());
  }

  @Test
  void rollbackRefusesADatabaseThatIsNotAtTheUpgradesEnd() throws Exception {
    Path rollback = sample.bundle("0017:head").resolve("rollback.sql");
    sample.at(List.of(AT_0017), "after a refused rollback.sql", db -> {
      ProcessResult result = server.psql(db, rollback);
      assertEquals(3, result.exitCode(), result.stderr());
      assertTrue(result.stderr().contains("strata: alembic_version holds [" + AT_0017
          + "] but this script starts from [" + HEAD + "]"), result.stderr());
    });
  }

  @Test
  void perRevisionScriptsGoUpInOrderAndComeBackDownInReverse() throws Exception {
    Path bundle = sample.bundle("0017:head");
    List<Path> scripts;
    try (Stream<Path> files = Files.list(bundle.resolve("revisions"))) {
      scripts = files.sorted().toList();
    }
    List<Path> ups = scripts.stream().filter(p -> p.toString().endsWith(".up.sql")).toList();
    List<Path> downs = scripts.stream().filter(p -> p.toString().endsWith(".down.sql")).toList();
    assertEquals(List.of("0001_0018_create_dividend_events.up.sql",
        "0002_0019_dividend_instrument_symbol.up.sql", "0003_0020_merge_lrs_dividends.up.sql",
        "0004_0021_create_audit_schema.up.sql", "0005_0022_transaction_value_date.up.sql",
        "0006_0023_cash_request_status_enum.up.sql", "0007_0024_cash_request_on_hold.up.sql",
        "0008_0025_statement_numbers.up.sql", "0009_0026_account_balances_view.up.sql",
        "0010_0027_dividend_events_updated_at.up.sql", "0011_0028_dividend_events_paid_on.up.sql"),
        ups.stream().map(p -> p.getFileName().toString()).toList());
    RoundTrip.State atHead = sample.state(List.of(HEAD));
    sample.at(List.of(AT_0017), "after every .down.sql", db -> {
      ups.forEach(up -> sample.apply(db, up, up.getFileName().toString()));
      sample.assertState(db, atHead, "after every .up.sql");
      downs.reversed().forEach(down -> sample.apply(db, down, down.getFileName().toString()));
    });
  }

  /**
   * {@code 0011} revises the audit branch's base and depends on {@code 0001}: upgrading from
   * {@code 0001} applies the audit branch, which {@code downgrade} from the end rows never drops
   * (it was exit 3 for {@code 0001:0002,0011} and E0305 "nothing to downgrade" for {@code
   * 0001:0011}).
   */
  @Test
  void rangesThroughADependsOnRoundTrip() throws Exception {
    Path versions = dependsOnChain(work.resolve("depends-on"));
    try (RoundTrip trip = new RoundTrip(server, versions, work)) {
      for (String range : List.of("0001:0002,0011", "0001:0011", "base:heads", "0010:0011")) {
        trip.check(range);
      }
    }
  }

  /**
   * A database at two heads of three ({@code 0002a}, {@code 0002b}); {@code bundle --from-db URL
   * heads} adds the third branch and its rollback takes the row away again (it was exit 3).
   */
  @Test
  void fromDbAtTwoHeadsBundlesTheThirdBranchAndRollsItBack() throws Exception {
    Path versions = threeBranches(work.resolve("three"));
    try (RoundTrip trip = new RoundTrip(server, versions, work)) {
      RoundTrip.State all = trip.state(List.of("0002a", "0002b", "0002c"));
      trip.at(List.of("0002a", "0002b"), "after rollback.sql", db -> {
        Path bundle = trip.bundle("heads", "--from-db", server.jdbcUrl(db));
        assertEquals("strata-0002a+0002b-0002a+0002b+0002c-postgresql",
            bundle.getFileName().toString());
        trip.apply(db, bundle.resolve("upgrade.sql"), "upgrade.sql");
        trip.assertState(db, all, "after upgrade.sql");
        trip.apply(db, bundle.resolve("rollback.sql"), "rollback.sql");
      });
    }
  }

  /** The one range that upgrades but cannot bundle: a revision without a downgrade (E0306). */
  @Test
  void aRevisionWithoutDowngradeBundlesWithItsDerivedDowngradeInTheRollback() throws Exception {
    Path versions = threeBranches(work.resolve("no-downgrade"));
    Path file = versions.resolve("0002b.sql");
    Files.writeString(file, Files.readString(file).replaceAll("\n-- \\+downgrade\n.*", "\n"));
    Path out = work.resolve("no-downgrade-bundle");
    Cli cli = Cli.run("bundle", "0001:0002a,0002b,0002c", "--versions", versions.toString(), "-o",
        out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    String rollback = Files.readString(
        out.resolve("strata-0001-0002a+0002b+0002c-postgresql").resolve("rollback.sql"));
    assertTrue(rollback.contains("-- derived by strata: '0002b' has no '-- +downgrade' section\n"),
        rollback);
  }

  private static List<String> ids(Plan plan) {
    return plan.steps().stream().map(Step::id).toList();
  }

  /** accounts (0001, 0002) and an audit branch (0010, 0011) whose 0011 depends on 0001. */
  static Path dependsOnChain(Path dir) throws Exception {
    Files.createDirectories(dir);
    revision(dir, "0001", "base", "", "CREATE TABLE accounts (id BIGINT PRIMARY KEY);",
        "DROP TABLE accounts;");
    revision(dir, "0002", "0001", "", "ALTER TABLE accounts ADD COLUMN email TEXT;",
        "ALTER TABLE accounts DROP COLUMN email;");
    revision(dir, "0010", "base", "-- branch: audit\n",
        "CREATE TABLE audit_log (id BIGINT PRIMARY KEY, logged_at TIMESTAMPTZ NOT NULL);",
        "DROP TABLE audit_log;");
    revision(dir, "0011", "0010", "-- depends-on: 0001\n",
        "ALTER TABLE audit_log ADD COLUMN account_id BIGINT REFERENCES accounts (id);",
        "ALTER TABLE audit_log DROP COLUMN account_id;");
    return dir;
  }

  /** 0001, and three branches 0002a, 0002b, 0002c off it. */
  static Path threeBranches(Path dir) throws Exception {
    Files.createDirectories(dir);
    revision(dir, "0001", "base", "", "CREATE TABLE root (id INTEGER PRIMARY KEY);",
        "DROP TABLE root;");
    for (String b : List.of("a", "b", "c")) {
      revision(dir, "0002" + b, "0001", "", "CREATE TABLE t_" + b + " (id INTEGER PRIMARY KEY);",
          "DROP TABLE t_" + b + ";");
    }
    return dir;
  }

  private static void revision(Path dir, String id, String revises, String header, String up,
      String down) throws Exception {
    Files.writeString(dir.resolve(id + ".sql"), "-- revision: " + id + "\n-- revises: " + revises
        + "\n" + header + "-- message: revision " + id + "\n\n-- +upgrade\n" + up
        + "\n\n-- +downgrade\n" + down + "\n");
  }
}
