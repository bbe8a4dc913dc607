package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback is never silently less than the inverse of the upgrade: an empty downgrade under an
 * upgrade with statements is an error everywhere (E0214) unless it says {@code -- +no-op} or
 * {@code -- +irreversible}; {@code check} reports a missing downgrade section (E0215); a downgrade
 * or bundle across an irreversible revision is refused (E0216).
 */
class DowngradeRulesCliTest {
  private static final String BASE = "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n"
      + "-- +upgrade\nCREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n";

  @TempDir Path tmp;

  private Path versions(String... files) throws Exception {
    return versionsIn("versions", files);
  }

  /** A locked versions directory {@code name}: {@code 0001_a} and {@code files} (name, text). */
  private Path versionsIn(String name, String... files) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve(name));
    Files.writeString(dir.resolve("0001_a.sql"), BASE);
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1]);
    }
    assertEquals(0, Cli.run("lock", "--versions", dir.toString()).exitCode());
    return dir;
  }

  /**
   * The original report: {@code strata new}, an {@code ADD COLUMN} written into the upgrade, the
   * downgrade left as scaffolded: {@code check} was clean and {@code rollback.sql} only moved the
   * version table. Now the empty downgrade is an error at its line, in check and in bundle.
   */
  @Test
  void aScaffoldedDowngradeLeftEmptyUnderAnAddColumnIsAnError() throws Exception {
    Path dir = versions();
    Cli created = Cli.run("new", "-m", "add email", "--versions", dir.toString());
    assertEquals(0, created.exitCode(), created.err());
    Path file = dir.resolve("0002_add_email.sql");
    Files.writeString(file, Files.readString(file).replace("-- +upgrade\n",
        "-- +upgrade\nALTER TABLE a ADD COLUMN email TEXT;\n"));
    String e0214 = file + ":8:1: error[E0214]: the '-- +downgrade' section of '0002_add_email'"
        + " is empty, but its upgrade is not\n"
        + "  8 | -- +downgrade\n"
        + "    | ^^^^^^^^^^^^^\n"
        + "  = help: write the statements that undo the upgrade, or state why there are none:"
        + " '-- +no-op' (nothing to undo) or '-- +irreversible' (cannot be undone) on a line of"
        + " its own in the section\n";
    Cli check = Cli.run("check", "--versions", dir.toString());
    assertTrue(check.err().startsWith(e0214), check.err());
    assertEquals(1, check.exitCode());
    Cli bundle = Cli.run("bundle", "base:head", "--versions", dir.toString(), "-o",
        tmp.resolve("r.tar.gz").toString());
    assertEquals(new Cli(1, "", e0214), bundle);
    assertFalse(Files.exists(tmp.resolve("r.tar.gz")));
  }

  @Test
  void aMissingDowngradeSectionIsDerivedOrRefusedWhereItCannotBe() throws Exception {
    Path dir = versions("0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n"
        + "-- +upgrade\nCREATE TABLE b (id INTEGER);\n");
    assertEquals(new Cli(0, "check: 2 revisions, 0 errors, 0 warnings\n", ""),
        Cli.run("check", "--versions", dir.toString()));
    Cli down = Cli.run("downgrade", "0002_b:0001_a", "--versions", dir.toString());
    assertEquals(0, down.exitCode(), down.err());
    assertTrue(down.out().contains("-- derived by strata: '0002_b' has no '-- +downgrade' section\n"
        + "\n-- derived from line 6: drops table b: the rows written to it since the upgrade are"
        + " lost\n\nDROP TABLE b;\n"), down.out());
    Path data = versionsIn("data", "0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n"
        + "-- +upgrade\nINSERT INTO a (id) VALUES (1);\n");
    Cli refused = Cli.run("check", "--versions", data.toString());
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().startsWith(data.resolve("0002_b.sql") + ":6:1: error[E0630]: cannot"
        + " derive the downgrade of '0002_b'"), refused.err());
    assertEquals(0, Cli.run("upgrade", "base:head", "--versions", data.toString()).exitCode());
  }

  @Test
  void noOpAndIrreversibleAreCleanAndAnIrreversibleRevisionIsNeverBundled() throws Exception {
    Path dir = versions(
        "0002_b.sql", "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n"
            + "-- +upgrade\nUPDATE a SET id = 0 WHERE id IS NULL;\n\n-- +downgrade\n-- +no-op\n",
        "0003_c.sql", "-- revision: 0003_c\n-- revises: 0002_b\n-- message: c\n"
            + "-- strata:allow drop-data the table is dropped on purpose\n"
            + "-- strata:allow no-lock-timeout no one uses the table\n\n"
            + "-- +upgrade\nDROP TABLE a;\n\n-- +downgrade\n-- +irreversible\n");
    assertEquals(new Cli(0, "check: 3 revisions, 0 errors, 0 warnings\n", ""),
        Cli.run("check", "--versions", dir.toString(), "--strict"));
    assertEquals(0, Cli.run("upgrade", "base:head", "--versions", dir.toString()).exitCode());
    assertEquals(0, Cli.run("bundle", "base:0002_b", "--versions", dir.toString(), "-o",
        tmp.resolve("before.tar.gz").toString()).exitCode());
    Cli bundle = Cli.run("bundle", "0002_b:head", "--versions", dir.toString(), "-o",
        tmp.resolve("r.tar.gz").toString());
    assertEquals(1, bundle.exitCode());
    assertTrue(bundle.err().startsWith(dir.resolve("0003_c.sql") + ":11:1: error[E0216]: cannot"
        + " downgrade '0003_c': it is marked '-- +irreversible'\n"), bundle.err());
    assertFalse(Files.exists(tmp.resolve("r.tar.gz")));
    Cli downgrade = Cli.run("downgrade", "head:base", "--versions", dir.toString());
    assertEquals(1, downgrade.exitCode());
    assertTrue(downgrade.err().contains("error[E0216]"), downgrade.err());
    // only a bundle says why a bundle cannot hold it
    assertTrue(bundle.err().contains("  = note: a bundle always carries its rollback, so no bundle"
        + " can hold '0003_c': apply it with 'strata upgrade 0002_b:0003_c' and bundle the ranges"
        + " before and after it\n  = help: end a downgrade at '0003_c' or above it\n"),
        bundle.err());
    assertFalse(downgrade.err().contains("bundle"), downgrade.err());
    Cli show = Cli.run("show", "0003", "--sql", "--versions", dir.toString());
    assertTrue(show.out().endsWith("Downgrade SQL (postgresql): none: '0003_c' is marked"
        + " '-- +irreversible'\n"), show.out());
  }
}
