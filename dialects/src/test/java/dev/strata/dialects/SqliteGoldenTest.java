package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.DialectId;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the SQLite golden scripts with the real {@code sqlite3} on database files, each case on a
 * fresh one: the upgrade must reach exactly the graph's heads and make the schema that {@code
 * strata schema --dialect sqlite} writes for them ({@link SchemaScript}); the downgrade (when the
 * case has {@code sqlite.down.sql}) must leave an empty version table and nothing else; and the
 * upgrade must then run again to the same schema.
 */
class SqliteGoldenTest {
  private static final String VERSION_ROWS =
      "SELECT version_num FROM alembic_version ORDER BY version_num";

  /** Everything but strata's version table and SQLite's own tables. */
  private static final String LEFTOVERS = "SELECT type || ' ' || name FROM sqlite_master"
      + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name <> 'alembic_version'"
      + " ORDER BY 1";

  private static final List<String> STRATA_TABLES = List.of("alembic_version");

  /**
   * Cases whose upgrade SQLite refuses because of a defect outside the SQLite statements, by the
   * error that shows it: when the defect is fixed, the upgrade runs and this entry must go.
   */
  private static final Map<String, String> KNOWN_DEFECTS = Map.of();

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> upgradeDowngradeAndUpgradeAgain() throws Exception {
    return GoldenTest.fileCases().stream()
        .filter(c -> Files.exists(c.golden(Dialect.SQLITE, Direction.UPGRADE, false)))
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  private void run(FileCase c) throws Exception {
    Path upgrade = c.golden(Dialect.SQLITE, Direction.UPGRADE, false);
    Path downgrade = c.golden(Dialect.SQLITE, Direction.DOWNGRADE, false);
    List<String> heads = c.graph().realHeads().stream().sorted().toList();
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_golden")) {
      if (KNOWN_DEFECTS.containsKey(c.name())) {
        ClientRun run = Sqlite3.run(database, upgrade);
        assertEquals(1, run.exitCode(), c.name() + " runs now: remove it from KNOWN_DEFECTS");
        assertTrue(run.stderr().contains(KNOWN_DEFECTS.get(c.name())), run.describe());
        return;
      }
      Sqlite3.apply(database, upgrade);
      assertEquals(heads, Sqlite3.query(database, VERSION_ROWS), "version table after upgrade");
      String schema = Sqlite3.schema(database, STRATA_TABLES);
      assertEquals(schemaScriptSchema(c, heads), schema,
          "schema made by the upgrade against the schema 'strata schema' writes");
      if (!Files.exists(downgrade)) {
        return;
      }
      Sqlite3.apply(database, downgrade);
      assertEquals(List.of(), Sqlite3.query(database, VERSION_ROWS),
          "version table after downgrade");
      assertEquals(List.of(), Sqlite3.query(database, LEFTOVERS),
          "objects left by the downgrade");
      Sqlite3.apply(database, upgrade);
      assertEquals(heads, Sqlite3.query(database, VERSION_ROWS), "version table after re-upgrade");
      assertEquals(schema, Sqlite3.schema(database, STRATA_TABLES),
          "schema after downgrade and upgrade");
    }
  }

  /** The schema of a fresh database made by the {@code strata schema} script at {@code heads}. */
  private String schemaScriptSchema(FileCase c, List<String> heads) throws Exception {
    SchemaModel model = Replay.of(c.graph(), DialectId.SQLITE).at(heads);
    String script = SchemaScript.forDialect(Dialect.SQLITE).render(model, List.of("schema"));
    Path file = dir.resolve(c.name() + "-schema.sql");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_schema")) {
      Sqlite3.apply(database, file);
      return Sqlite3.schema(database, STRATA_TABLES);
    }
  }
}
