package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.grammar.DiagnosticException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downgrade-section rules as the loader applies them: E0214 at load time, merges exempt. */
class DowngradeRulesTest {
  @TempDir Path tmp;

  private Path versions(String... texts) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("versions"));
    for (int i = 0; i < texts.length; i++) {
      Files.writeString(dir.resolve(String.format("%04d.sql", i + 1)), texts[i]);
    }
    return dir;
  }

  private static String revision(String id, String revises, String upgrade, String downgrade) {
    return "-- revision: " + id + "\n-- revises: " + revises + "\n\n-- +upgrade\n" + upgrade
        + "\n-- +downgrade\n" + downgrade;
  }

  @Test
  void anEmptyDowngradeUnderAnUpgradeWithStatementsFailsToLoadAtItsLine() throws Exception {
    Path dir = versions(
        revision("0001_a", "base", "CREATE TABLE a (id INTEGER);\n", "-- to do\n"),
        revision("0002_b", "0001_a", "CREATE TABLE b (id INTEGER);\n", "\n"));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir));
    assertEquals(List.of("E0214 " + dir.resolve("0001.sql") + ":7:1",
            "E0214 " + dir.resolve("0002.sql") + ":7:1"),
        e.diagnostics().stream().map(d -> d.code() + " " + d.location().orElseThrow().describe())
            .toList());
  }

  @Test
  void emptyMergesNoOpsAndIrreversibleRevisionsLoad() throws Exception {
    Path dir = versions(
        revision("0001_a", "base", "CREATE TABLE a (id INTEGER);\n", "-- +irreversible\n"),
        revision("0002_b", "0001_a", "UPDATE a SET id = 1;\n", "-- +no-op\n"),
        revision("0003_c", "0001_a", "", ""),
        revision("0004_m", "0002_b, 0003_c", "", ""));
    assertEquals(4, VersionsLoader.load(dir).size());
  }

  @Test
  void aMissingDowngradeLoadsAndIsReportedOnRequest() throws Exception {
    Path dir = versions("-- revision: 0001_a\n-- revises: base\n\n-- +upgrade\n");
    var file = VersionsLoader.load(dir).getFirst();
    assertEquals("E0215", DowngradeRules.missing(file).orElseThrow().code());
  }
}
