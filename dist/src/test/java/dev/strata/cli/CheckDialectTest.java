package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata check --dialect D} for a dialect that renders from the schema model (SQLite's
 * table rebuilds): it reports what {@code upgrade} and {@code downgrade --dialect D} would, each
 * statement rendered with the model it runs on, also when the downgrade of the whole chain cannot
 * be planned; never a statement rendered against an empty model ("the schema model does not know
 * table t").
 */
class CheckDialectTest {
  @TempDir Path versions;

  @Test
  void aDowngradeThatCannotBePlannedIsRenderedAroundTheRevisionWithoutOne() throws Exception {
    write("0001_t", "base", "CREATE TABLE t (a INTEGER PRIMARY KEY, b VARCHAR(10));",
        "DROP TABLE t;");
    // rebuilt from the model both ways on SQLite; its downgrade cannot be rendered there
    write("0002_nn", "0001_t", "ALTER TABLE t ALTER COLUMN b SET NOT NULL;",
        "ALTER TABLE t ALTER COLUMN b DROP NOT NULL;\nCREATE SCHEMA s;");
    // no downgrade section, and none can be derived from a DELETE: the chain's downgrade fails
    write("0003_data", "0002_nn", "DELETE FROM t;", null);

    Cli check = Cli.run("check", "--versions", versions.toString(), "--dialect", "sqlite",
        "--format", "json");
    assertEquals(1, check.exitCode(), check.err());
    List<String> errors = codes(check.out());
    assertEquals(List.of("E0630@0003_data.sql:5", "E0450@0002_nn.sql:9"), errors, check.out());

    Cli downgrade = Cli.run("downgrade", "0002:base", "--versions", versions.toString(),
        "--dialect", "sqlite");
    assertEquals(1, downgrade.exitCode());
    assertTrue(downgrade.err().contains("0002_nn.sql:9:1: error[E0450]"), downgrade.err());
    Cli upgrade = Cli.run("upgrade", "base:head", "--versions", versions.toString(),
        "--dialect", "sqlite");
    assertEquals(0, upgrade.exitCode(), upgrade.err());
  }

  @Test
  void aGraphWithErrorsReportsThoseAloneForAModelDialect() throws Exception {
    write("0001_t", "base", "CREATE TABLE t (a INTEGER PRIMARY KEY, b VARCHAR(10));",
        "DROP TABLE t;");
    write("0002_nn", "0001_missing", "ALTER TABLE t ALTER COLUMN b SET NOT NULL;",
        "ALTER TABLE t ALTER COLUMN b DROP NOT NULL;");
    Cli sqlite = Cli.run("check", "--versions", versions.toString(), "--dialect", "sqlite",
        "--format", "json");
    assertEquals(List.of("E0202@0002_nn.sql:2"), codes(sqlite.out()), sqlite.out());
  }

  private void write(String id, String parent, String upgrade, String downgrade)
      throws Exception {
    Files.writeString(versions.resolve(id + ".sql"), "-- revision: " + id + "\n-- revises: "
        + parent + "\n\n-- +upgrade\n" + upgrade + "\n"
        + (downgrade == null ? "" : "\n-- +downgrade\n" + downgrade + "\n"));
  }

  /** The errors of a {@code check --format json} report, as {@code CODE@FILE:LINE}. */
  private static List<String> codes(String json) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (var d : JsonText.MAPPER.readTree(json).get("diagnostics")) {
      if (d.get("severity").asText().equals("error")) {
        out.add(d.get("code").asText() + "@" + Path.of(d.get("path").asText()).getFileName()
            + ":" + d.get("line").asText());
      }
    }
    return out;
  }
}
