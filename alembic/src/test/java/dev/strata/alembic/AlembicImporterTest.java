package dev.strata.alembic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.alembic.translate.TypeMap;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import of small Alembic histories whose functions are empty (so that the files do not
 * depend on the translation of op.* calls): headers, merges, labels, depends_on on a label, the
 * report, and writing all or nothing.
 */
class AlembicImporterTest {
  @TempDir Path dir;

  private Path versions() throws IOException {
    return Files.createDirectories(dir.resolve("alembic/versions"));
  }

  private static String revision(String message, String values) {
    return "\"\"\"" + message + "\n\nRevision ID: x\n\"\"\"\nfrom alembic import op\n\n" + values
        + "\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n";
  }

  private void write(Path versions, String name, String text) throws IOException {
    Files.writeString(versions.resolve(name), text);
  }

  private void graph() throws IOException {
    Path v = versions();
    write(v, "1a2b_create_accounts.py", revision("create accounts",
        "revision = '1a2b'\ndown_revision = None\nbranch_labels = ('accounts',)"));
    write(v, "2b3c_email.py", revision("email", "revision = '2b3c'\ndown_revision = '1a2b'"));
    write(v, "3c4d_carts.py", revision("carts",
        "revision = '3c4d'\ndown_revision = '1a2b'\nbranch_labels = 'cart'"));
    write(v, "4d5e_merge.py", revision("merge email and carts",
        "revision = '4d5e'\ndown_revision = ('2b3c', '3c4d')"));
    write(v, "5e6f_reports.py", revision("reports",
        "revision = '5e6f'\ndown_revision = None\ndepends_on = ('cart', '2b3c')"));
    write(v, "__init__.py", "");
    write(v, "notes.txt", "not python");
    write(v, ".#5e6f_reports.py", "lock file of an editor");
  }

  @Test
  void writesOneFilePerRevision() throws Exception {
    graph();
    Path out = dir.resolve("versions");
    ImportReport report = AlembicImporter.importHistory(dir.resolve("alembic/versions"), out,
        false, TypeMap.EMPTY);
    String p = dir.resolve("alembic/versions").toString();
    assertEquals(List.of(
        p + "/1a2b_create_accounts.py: converted 0 operations",
        p + "/2b3c_email.py: converted 0 operations",
        p + "/3c4d_carts.py: converted 0 operations",
        p + "/4d5e_merge.py: converted 0 operations",
        p + "/5e6f_reports.py: converted 0 operations",
        p + "/5e6f_reports.py: depends_on 'cart' is a branch label, written as"
            + " '-- depends-on: 3c4d', the revision that declares it",
        "imported 5 revisions: 5 fully converted, 0 need a hand (0 placeholders)"),
        report.lines());
    assertTrue(report.complete());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("1a2b_create_accounts.sql", "2b3c_email.sql", "3c4d_carts.sql",
              "4d5e_merge.sql", "5e6f_reports.sql"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    assertEquals("""
        -- revision: 4d5e
        -- revises: 2b3c, 3c4d
        -- message: merge email and carts
        -- imported from %s/4d5e_merge.py by 'strata import alembic'

        -- +upgrade

        -- +downgrade
        -- +no-op
        """.formatted(p), Files.readString(out.resolve("4d5e_merge.sql")));
    assertEquals("""
        -- revision: 5e6f
        -- revises: base
        -- message: reports
        -- depends-on: 3c4d, 2b3c
        -- imported from %s/5e6f_reports.py by 'strata import alembic'

        -- +upgrade

        -- +downgrade
        -- +no-op
        """.formatted(p), Files.readString(out.resolve("5e6f_reports.sql")));
    assertTrue(Files.readString(out.resolve("1a2b_create_accounts.sql"))
        .startsWith("-- revision: 1a2b\n-- revises: base\n-- message: create accounts\n"
            + "-- branch: accounts\n"));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("alembic", "versions"),
          left.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary left");
    }
  }

  @Test
  void projectDirectoryMeansItsVersions() throws Exception {
    graph();
    Files.writeString(dir.resolve("alembic/env.py"), "# env\n");
    assertEquals(dir.resolve("alembic/versions"),
        AlembicHistory.versionsDirectory(dir.resolve("alembic")));
    AlembicHistory history = AlembicHistory.load(dir.resolve("alembic"));
    assertEquals(5, history.revisions().size());
    Files.writeString(dir.resolve("alembic.ini"),
        "[alembic]\n# where the scripts are\nscript_location = %(here)s/alembic\n");
    assertEquals(dir.resolve("alembic/versions"), AlembicHistory.versionsDirectory(dir));
    Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n");
    assertEquals(dir.resolve("alembic/versions"), AlembicHistory.versionsDirectory(dir));
  }

  @Test
  void anErrorInOneFileWritesNothing() throws Exception {
    graph();
    write(versions(), "6f70_broken.py", revision("broken",
        "revision = '6f70'\ndown_revision = '9999'"));
    write(versions(), "7081_also.py", "revision = '7081'\ndown_revision = (\n");
    Path out = dir.resolve("versions");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> AlembicImporter.importHistory(versions(), out, false, TypeMap.EMPTY));
    assertEquals(List.of("E0701"),
        e.diagnostics().stream().map(d -> d.code()).toList());
    assertFalse(Files.exists(out));
    Files.delete(versions().resolve("7081_also.py"));
    e = assertThrows(DiagnosticException.class,
        () -> AlembicImporter.importHistory(versions(), out, false, TypeMap.EMPTY));
    assertEquals(p() + "/6f70_broken.py:8:17: error[E0710]: 'down_revision' names '9999',"
        + " which no file of " + p() + " defines\n"
        + "  8 | down_revision = '9999'\n"
        + "    |                 ^^^^^^\n", e.format());
    assertFalse(Files.exists(out));
  }

  private String p() {
    return dir.resolve("alembic/versions").toString();
  }

  @Test
  void duplicatesAndUnknownDependencies() throws Exception {
    Path v = versions();
    write(v, "a_one.py", revision("one", "revision = 'a'\ndown_revision = None"));
    write(v, "b_two.py", revision("two",
        "revision = 'a'\ndown_revision = None\ndepends_on = 'nolabel'\nbranch_labels = 'a'"));
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> AlembicHistory.load(v));
    assertEquals(List.of("E0705", "E0709", "E0711"),
        e.diagnostics().stream().map(d -> d.code()).toList());
    assertEquals("revision id 'a' is also the id of " + v.resolve("a_one.py"),
        e.diagnostics().getFirst().message());
  }

  @Test
  void existingFilesAreKeptUnlessForced() throws Exception {
    graph();
    Path out = Files.createDirectories(dir.resolve("versions"));
    Files.writeString(out.resolve("2b3c_email.sql"), "mine\n");
    Files.writeString(out.resolve("0001_other.sql"), "other\n");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> AlembicImporter.importHistory(versions(), out, false, TypeMap.EMPTY));
    assertEquals("strata: error[E0714]: '" + out.resolve("2b3c_email.sql") + "' exists already\n"
        + "  = help: import into another directory with -o, or replace the files with --force\n",
        e.format());
    assertEquals("mine\n", Files.readString(out.resolve("2b3c_email.sql")));
    assertFalse(Files.exists(out.resolve("1a2b_create_accounts.sql")));
    AlembicImporter.importHistory(versions(), out, true, TypeMap.EMPTY);
    assertTrue(Files.readString(out.resolve("2b3c_email.sql")).startsWith("-- revision: 2b3c\n"));
    assertEquals("other\n", Files.readString(out.resolve("0001_other.sql")));
  }

  @Test
  void emptyOrMissingDirectory() throws Exception {
    assertEquals("E0713", assertThrows(DiagnosticException.class,
        () -> AlembicHistory.load(dir.resolve("nothing"))).diagnostics().getFirst().code());
    Path v = versions();
    write(v, "__init__.py", "");
    assertEquals("strata: error[E0713]: no Alembic revision files (*.py) in '" + v + "'\n"
            + "  = help: name an Alembic 'versions' directory, or the directory of its env.py\n",
        assertThrows(DiagnosticException.class, () -> AlembicHistory.load(v)).format());
  }
}
