package dev.strata.cli;

import static dev.strata.cli.NewCommandTest.graph;
import static dev.strata.cli.NewCommandTest.names;
import static dev.strata.cli.NewCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.RevisionGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata merge}: the merge revision it writes, and every refusal. */
class MergeCommandTest {
  @TempDir Path dir;

  @Test
  void mergingAllHeadsLeavesTheMergeAsTheSingleHead() throws Exception {
    Path versions = threeHeads();
    Cli cli = Cli.run("merge", "-m", "join the branches", "heads", "--versions",
        versions.toString());
    Path written = versions.resolve("0003_join_the_branches.sql");
    assertEquals(new Cli(0, written + "\n", ""), cli);
    assertEquals("""
        -- revision: 0003_join_the_branches
        -- revises: 0002_a, 0002_b, 0002_c
        -- message: join the branches

        -- +upgrade

        -- +downgrade
        """, Files.readString(written));
    RevisionGraph graph = graph(versions);
    assertEquals(List.of("0003_join_the_branches"), graph.heads());
    assertEquals(List.of("0003_join_the_branches"), graph.mergePoints());
  }

  @Test
  void headsNamedOneByOneKeepTheOrderGiven() throws Exception {
    Path versions = threeHeads();
    Cli cli = Cli.run("merge", "-m", "c and a", "0002_c", "0002_a", "--id", "merge_ca",
        "--versions", versions.toString());
    assertEquals(new Cli(0, versions.resolve("merge_ca.sql") + "\n", ""), cli);
    assertEquals(List.of("0002_c", "0002_a"), graph(versions).parents("merge_ca"));
    assertEquals(List.of("0002_b", "merge_ca"), graph(versions).heads());
  }

  @Test
  void aMergeOnTheSampleChainAfterANewBranch() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    for (String name : NewCommandTest.names(Cli.sampleVersions())) {
      Files.copy(Cli.sampleVersions().resolve(name), versions.resolve(name));
    }
    assertEquals(0, Cli.run("new", "-m", "fx rates", "--revises", "0012", "--branch", "fx",
        "--versions", versions.toString()).exitCode());
    Cli cli = Cli.run("merge", "-m", "merge fx", "0028", "0029", "--versions",
        versions.toString());
    assertEquals(new Cli(0, versions.resolve("0030_merge_fx.sql") + "\n", ""), cli);
    assertEquals(List.of("0030_merge_fx"), graph(versions).heads());
    assertEquals(List.of("0028_dividend_events_paid_on", "0029_fx_rates"),
        graph(versions).parents("0030_merge_fx"));
  }

  @Test
  void aRevisionThatIsNotAHeadIsRefused() throws Exception {
    Path versions = threeHeads();
    Cli cli = Cli.run("merge", "-m", "m", "0001_root", "0002_a", "--versions",
        versions.toString());
    assertEquals(new Cli(1, "", "strata: error[E0522]: '0001_root' is not a head: 0002_a,"
        + " 0002_b, 0002_c revise it\n"
        + "  = help: the heads are 0002_a, 0002_b, 0002_c\n"), cli);
    assertEquals(4, names(versions).size());
  }

  @Test
  void oneHeadIsNotAMerge() throws Exception {
    Path versions = threeHeads();
    assertEquals(new Cli(1, "", "strata: error[E0525]: a merge revision joins two heads or more;"
        + " 0002_a 0002_a names only 0002_a\n"
        + "  = help: the heads are 0002_a, 0002_b, 0002_c; 'strata merge -m MESSAGE heads' joins"
        + " them all\n"),
        Cli.run("merge", "-m", "m", "0002_a", "0002_a", "--versions", versions.toString()));
    assertEquals(4, names(versions).size());
  }

  @Test
  void aDirectoryWithOneHeadHasNothingToMerge() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    write(versions, "0001_root", "base");
    assertEquals(new Cli(1, "", "strata: error[E0525]: a merge revision joins two heads or more;"
        + " heads names only 0001_root\n"
        + "  = note: the directory has one head: there is nothing to merge\n"),
        Cli.run("merge", "-m", "m", "heads", "--versions", versions.toString()));
  }

  @Test
  void mergeNeedsHeadsAndAMessage() {
    assertEquals(new Cli(2, "", """
        strata: error: Missing required parameter: 'HEAD'
        Try 'strata merge --help' for more information.
        """), Cli.run("merge", "-m", "m"));
    assertEquals(new Cli(2, "", """
        strata: error: Missing required option: '--message=MESSAGE'
        Try 'strata merge --help' for more information.
        """), Cli.run("merge", "heads"));
  }

  @Test
  void anExistingIdIsRefused() throws Exception {
    Path versions = threeHeads();
    Cli cli = Cli.run("merge", "-m", "m", "heads", "--id", "0002_b", "--versions",
        versions.toString());
    assertEquals(new Cli(1, "", versions.resolve("0002_b.sql")
        + ":1:14: error[E0520]: revision '0002_b' already exists\n"
        + "  1 | -- revision: 0002_b\n"
        + "    |              ^^^^^^\n"
        + "  = help: choose another id with --id ID, or leave --id out for the next free number\n"),
        cli);
  }

  /**
   * Issue 7: a head that is only a depends-on target. 'heads' leaves it out (Alembic's real
   * heads), so 'merge heads' failed and its help, like new's and check's, suggested 'merge heads'
   * again: check --strict could never pass. The advice now names the heads, and following it works.
   */
  @Test
  void aHeadThatIsOnlyDependedOnIsNamedInTheAdviceAndTheAdviceWorks() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    write(versions, "0001_root", "base");
    write(versions, "0002_lib", "0001_root");
    Files.writeString(versions.resolve("0003_app.sql"), "-- revision: 0003_app\n"
        + "-- revises: 0001_root\n-- depends-on: 0002_lib\n\n-- +upgrade\n\n-- +downgrade\n");
    String v = versions.toString();
    assertEquals(0, Cli.run("lock", "--versions", v).exitCode());
    String note = "  = note: '0002_lib' is a head that 0003_app only depends on, so the target"
        + " 'heads' (the heads the version table holds) leaves it out\n";
    String merge = "strata merge -m MESSAGE 0002_lib 0003_app";
    assertEquals(new Cli(1, "", "strata: error[E0525]: a merge revision joins two heads or more;"
        + " heads names only 0003_app\n"
        + note
        + "  = help: the heads are 0002_lib, 0003_app; '" + merge + "' joins them all\n"),
        Cli.run("merge", "-m", "m", "heads", "--versions", v));
    assertEquals(new Cli(1, "", "strata: error[E0524]: which head should the new revision"
        + " revise? there are 2 heads: 0002_lib, 0003_app\n"
        + note
        + "  = help: name its parent with --revises REV or --head LABEL@head, or join the heads"
        + " first: " + merge + "\n"), Cli.run("new", "-m", "m", "--versions", v));
    Cli check = Cli.run("check", "--versions", v, "--strict");
    assertEquals(1, check.exitCode());
    assertEquals(versions.resolve("0003_app.sql") + ":1:14: warning[W0201]: the revision graph"
        + " has 2 heads: 0002_lib, 0003_app\n"
        + "  1 | -- revision: 0003_app\n"
        + "    |              ^^^^^^^^\n"
        + "  = note: head '0002_lib' is defined at " + versions.resolve("0002_lib.sql") + ":1:14\n"
        + note
        + "  = help: merge them with '" + merge + "', or keep them apart on purpose and name"
        + " them with 'heads' or 'LABEL@head'\n", check.err());
    // the advice, as printed, works
    assertEquals(0, Cli.run("merge", "-m", "join lib and app", "0002_lib", "0003_app",
        "--versions", v).exitCode());
    assertEquals(List.of("0004_join_lib_and_app"), graph(versions).heads());
    assertEquals(0, Cli.run("lock", "--versions", v).exitCode());
    assertEquals(new Cli(0, "check: 4 revisions, 0 errors, 0 warnings\n", ""),
        Cli.run("check", "--versions", v, "--strict"));
    assertEquals(0, Cli.run("new", "-m", "next", "--versions", v).exitCode());
  }

  /** {@code 0001_root} revised by {@code 0002_a}, {@code 0002_b} and {@code 0002_c}. */
  private Path threeHeads() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    write(versions, "0001_root", "base");
    write(versions, "0002_a", "0001_root");
    write(versions, "0002_b", "0001_root");
    write(versions, "0002_c", "0001_root");
    return versions;
  }
}
