package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata new}: the file it writes, the id it picks, and every refusal. */
class NewCommandTest {
  @TempDir Path dir;

  @Test
  void newRevisionOnTheSampleChainRevisesTheSingleHead() throws Exception {
    Path versions = sampleCopy();
    Cli cli = Cli.run("new", "-m", "add email to users", "--versions", versions.toString());
    Path written = versions.resolve("0029_add_email_to_users.sql");
    assertEquals(new Cli(0, written + "\n", ""), cli);
    assertEquals("""
        -- revision: 0029_add_email_to_users
        -- revises: 0028_dividend_events_paid_on
        -- message: add email to users

        -- +upgrade

        -- +downgrade
        -- Write the statements that undo the upgrade. When there is nothing to undo, put
        -- a line '-- +no-op' here instead; when it cannot be undone, '-- +irreversible'.
        """, Files.readString(written));
    assertEquals(List.of("0029_add_email_to_users"), graph(versions).heads());
    assertEquals(30, names(versions).size(), // 28 revisions, strata.sum and the new file
        "no temporary file is left: " + names(versions));
  }

  @Test
  void theFinalStepRefusesAFileThatAppearedMeanwhile() throws Exception {
    Path target = dir.resolve("0001_x.sql");
    Files.writeString(target, "theirs");
    assertThrows(FileAlreadyExistsException.class,
        () -> RevisionScaffolder.createNew(target, "ours"));
    assertEquals("theirs", Files.readString(target));
    assertEquals(List.of("0001_x.sql"), names(dir));
    RevisionScaffolder.createNew(dir.resolve("0002_y.sql"), "ours");
    assertEquals("ours", Files.readString(dir.resolve("0002_y.sql")));
    assertEquals(List.of("0001_x.sql", "0002_y.sql"), names(dir));
  }

  @Test
  void anEmptyDirectoryGetsTheFirstBaseRevision() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    Cli cli = Cli.run("new", "-m", "Create users", "--branch", "core", "--versions",
        versions.toString());
    assertEquals(new Cli(0, versions.resolve("0001_create_users.sql") + "\n", ""), cli);
    assertEquals("""
        -- revision: 0001_create_users
        -- revises: base
        -- message: Create users
        -- branch: core

        -- +upgrade

        -- +downgrade
        -- Write the statements that undo the upgrade. When there is nothing to undo, put
        -- a line '-- +no-op' here instead; when it cannot be undone, '-- +irreversible'.
        """, Files.readString(versions.resolve("0001_create_users.sql")));
    assertEquals(List.of("0001_create_users"), graph(versions).heads());
  }

  @Test
  void theSlugIsTheMessageInLowercaseCutBetweenWordsToThirtyTwoCharacters() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    Cli cli = Cli.run("new", "-m", "  Add e-mail (users) & índex: NOW, please and thank you  ",
        "--versions", versions.toString());
    assertEquals(versions.resolve("0001_add_e_mail_users_ndex_now.sql") + "\n", cli.out());
    assertEquals("-- message: Add e-mail (users) & índex: NOW, please and thank you",
        Files.readString(versions.resolve("0001_add_e_mail_users_ndex_now.sql")).lines()
            .toList().get(2));
  }

  @Test
  void slugRules() {
    assertEquals("add_email_to_users", RevisionScaffolder.slug("Add email to users", 27));
    assertEquals("a_b", RevisionScaffolder.slug("--a--b--", 27));
    assertEquals("add", RevisionScaffolder.slug("add email", 4));
    assertEquals("add", RevisionScaffolder.slug("add email", 6));
    assertEquals("add_email", RevisionScaffolder.slug("add email now", 9));
    assertEquals("addem", RevisionScaffolder.slug("addemail", 5));
    assertEquals("", RevisionScaffolder.slug("!!!", 27));
  }

  @Test
  void theNumberFollowsTheHighestPrefixAtItsWidthAndAtLeastFourDigits() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    write(versions, "7_first", "base");
    assertEquals(versions.resolve("0008_next.sql") + "\n",
        Cli.run("new", "-m", "next", "--versions", versions.toString()).out());
    write(versions, "000123_wide", "0008_next");
    assertEquals(versions.resolve("000124.sql") + "\n",
        Cli.run("new", "-m", "!!!", "--versions", versions.toString()).out());
  }

  @Test
  void idChosenWithIdOption() throws Exception {
    Path versions = sampleCopy();
    Cli cli = Cli.run("new", "-m", "hotfix", "--id", "hotfix_42", "--versions",
        versions.toString());
    assertEquals(new Cli(0, versions.resolve("hotfix_42.sql") + "\n", ""), cli);
    assertEquals(List.of("hotfix_42"), graph(versions).heads());
  }

  @Test
  void existingIdIsRefusedAtItsDefinition() throws Exception {
    Path versions = sampleCopy();
    Cli cli = Cli.run("new", "-m", "again", "--id", "0012_journal_lines_account_idx",
        "--versions", versions.toString());
    assertEquals(new Cli(1, "", versions.resolve("0012_journal_lines_account_idx.sql")
        + ":1:14: error[E0520]: revision '0012_journal_lines_account_idx' already exists\n"
        + "  1 | -- revision: 0012_journal_lines_account_idx\n"
        + "    |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        + "  = help: choose another id with --id ID, or leave --id out for the next free number\n"),
        cli);
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws Exception {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    write(versions, "0001_first", "base");
    Files.writeString(versions.resolve("notes.sql"),
        "-- revision: notes_kept\n-- revises: 0001_first\n\n-- +upgrade\n");
    Cli cli = Cli.run("new", "-m", "x", "--id", "notes", "--versions", versions.toString());
    assertEquals(new Cli(1, "", "strata: error[E0521]: '" + versions.resolve("notes.sql")
        + "' already exists\n"
        + "  = help: strata never overwrites a revision file: choose another id with --id ID\n"),
        cli);
    assertEquals("-- revision: notes_kept\n-- revises: 0001_first\n\n-- +upgrade\n",
        Files.readString(versions.resolve("notes.sql")));
    assertEquals(List.of("0001_first.sql", "notes.sql"), names(versions));
  }

  @Test
  void badIdsAreUsageErrors() {
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--id': 'add-email' is not a revision id: 1 to 32 letters, digits or '_'
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "x", "--id", "add-email"));
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--id': '0123456789012345678901234567890123' is not a revision id: 1 to 32 letters, digits or '_'
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "x", "--id", "0123456789012345678901234567890123"));
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--id': 'Heads' is reserved and cannot be a revision id
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "x", "--id", "Heads"));
  }

  @Test
  void badMessagesAndLabelsAreUsageErrors() {
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--message': the message must be one line
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "two\nlines"));
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--message': the message must be one line: it holds U+2028 (LINE SEPARATOR)
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "two\u2028lines"));
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--message': the message is empty
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "  "));
    assertEquals(new Cli(2, "", """
        strata: error: Missing required option: '--message=MESSAGE'
        Try 'strata new --help' for more information.
        """), Cli.run("new"));
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--branch': 'fx-rates' is not a branch label: letters, digits or '_'
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "x", "--branch", "fx-rates"));
    assertEquals(new Cli(2, "", """
        strata: error: Invalid value for option '--branch': 'base' is reserved and cannot be a branch label
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "x", "--branch", "base"));
  }

  @Test
  void severalHeadsAreRefusedUntilTheParentIsNamed() throws Exception {
    Path versions = twoHeads();
    Cli cli = Cli.run("new", "-m", "more", "--versions", versions.toString());
    assertEquals(new Cli(1, "", "strata: error[E0524]: which head should the new revision"
        + " revise? there are 2 heads: 0002_left, 0002_right\n"
        + "  = help: name its parent with --revises REV or --head LABEL@head, or join the heads"
        + " first: strata merge -m MESSAGE heads\n"), cli);
    assertEquals(List.of("0001_root.sql", "0002_left.sql", "0002_right.sql"), names(versions));

    assertEquals(0, Cli.run("new", "-m", "more", "--revises", "0002_l", "--versions",
        versions.toString()).exitCode());
    assertEquals(List.of("0002_right", "0003_more"), graph(versions).heads());
    assertEquals(List.of("0002_left"), graph(versions).parents("0003_more"));

    Cli head = Cli.run("new", "-m", "on the right", "--head", "0002_right", "--versions",
        versions.toString());
    assertEquals(new Cli(0, versions.resolve("0004_on_the_right.sql") + "\n", ""), head);
    assertEquals(List.of("0002_right"), graph(versions).parents("0004_on_the_right"));
  }

  @Test
  void headMustNameAHead() throws Exception {
    Path versions = twoHeads();
    Cli cli = Cli.run("new", "-m", "x", "--head", "0001_root", "--versions", versions.toString());
    assertEquals(new Cli(1, "", "strata: error[E0522]: '0001_root' is not a head: 0002_left,"
        + " 0002_right revise it\n"
        + "  = help: the heads are 0002_left, 0002_right\n"), cli);
  }

  @Test
  void revisesMayNameAnyRevisionOrBaseButOnlyOne() throws Exception {
    Path versions = twoHeads();
    assertEquals(new Cli(1, "", "strata: error[E0523]: --revises heads names 2 revisions"
        + " (0002_left, 0002_right); a new revision has one parent\n"
        + "  = help: to join them, write a merge revision: strata merge -m MESSAGE 0002_left"
        + " 0002_right\n"),
        Cli.run("new", "-m", "x", "--revises", "heads", "--versions", versions.toString()));
    assertEquals(0, Cli.run("new", "-m", "from the root", "--revises", "0001_root",
        "--versions", versions.toString()).exitCode());
    assertEquals(0, Cli.run("new", "-m", "second base", "--revises", "base",
        "--versions", versions.toString()).exitCode());
    RevisionGraph graph = graph(versions);
    assertEquals(List.of("0001_root"), graph.parents("0003_from_the_root"));
    assertEquals(List.of("0001_root", "0004_second_base"), graph.bases());
  }

  @Test
  void revisesAndHeadTogetherIsAUsageError() throws Exception {
    Path versions = twoHeads();
    assertEquals(new Cli(2, "", """
        strata: error: --revises and --head both name the parent: give one of them
        Try 'strata new --help' for more information.
        """), Cli.run("new", "-m", "x", "--revises", "0002_left", "--head", "0002_right",
            "--versions", versions.toString()));
  }

  @Test
  void unknownParentIsTheResolversDiagnostic() throws Exception {
    Path versions = twoHeads();
    Cli cli = Cli.run("new", "-m", "x", "--revises", "0009", "--versions", versions.toString());
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith("<range>:1:1: error[E0302]: unknown revision '0009'\n"),
        cli.err());
    assertEquals(3, names(versions).size());
  }

  @Test
  void aBranchLabelInUseIsRefusedAndNothingIsWritten() throws Exception {
    Path versions = sampleCopy();
    Cli cli = Cli.run("new", "-m", "more lrs", "--branch", "lrs", "--versions",
        versions.toString());
    Path draft = versions.resolve("0029_more_lrs.sql");
    assertEquals(new Cli(1, "", draft + ":4:12: error[E0205]: branch label 'lrs' is already used"
        + " by revision '0013_create_lrs_remittances'\n"
        + "  4 | -- branch: lrs\n"
        + "    |            ^^^\n"
        + "  = note: first used at " + versions.resolve("0013_create_lrs_remittances.sql")
        + ":4:12\n"
        + "strata: error[E0526]: the new revision would not load with the others: nothing was"
        + " written\n"), cli);
    assertEquals(29, names(versions).size()); // the 28 revisions and strata.sum, nothing new
  }

  @Test
  void aMissingDirectoryIsTheLoadersDiagnostic() {
    Path missing = dir.resolve("nowhere");
    assertEquals(new Cli(1, "", "strata: error[E0207]: versions directory '" + missing
        + "' does not exist or is not a directory\n"
        + "  = help: run strata in the directory that holds 'versions/', or name it with"
        + " --versions\n"), Cli.run("new", "-m", "x", "--versions", missing.toString()));
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private Path sampleCopy() throws IOException {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    try (Stream<Path> files = Files.list(Cli.sampleVersions())) {
      for (Path file : files.toList()) {
        Files.copy(file, versions.resolve(file.getFileName().toString()));
      }
    }
    return versions;
  }

  /** {@code 0001_root} revised by {@code 0002_left} and {@code 0002_right}. */
  private Path twoHeads() throws IOException {
    Path versions = Files.createDirectory(dir.resolve("versions"));
    write(versions, "0001_root", "base");
    write(versions, "0002_left", "0001_root");
    write(versions, "0002_right", "0001_root");
    return versions;
  }

  static void write(Path versions, String id, String revises) throws IOException {
    Files.writeString(versions.resolve(id + ".sql"), "-- revision: " + id + "\n-- revises: "
        + revises + "\n\n-- +upgrade\n\n-- +downgrade\n");
  }

  static List<String> names(Path versions) throws IOException {
    try (Stream<Path> files = Files.list(versions)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static RevisionGraph graph(Path versions) throws Exception {
    return RevisionGraph.build(VersionsLoader.load(versions));
  }
}
