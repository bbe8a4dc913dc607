package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.HandEdit;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Origin;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.SchemaScript;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata schema}: the command's output, errors and the JSON form. */
class SchemaCommandTest {
  private static final String VERSIONS = Cli.sampleVersions().toString();

  @TempDir Path dir;

  @Test
  void baseIsAnEmptyScript() {
    Cli cli = Cli.run("schema", "base", "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("""
        \\set ON_ERROR_STOP on
        -- Schema at base (strata schema base), strata %s
        -- Creates the schema on an empty database: psql -f FILE

        BEGIN;

        COMMIT;
        """.formatted(ToolVersion.get()), cli.out());
  }

  @Test
  void outputFileGetsTheSameText() throws Exception {
    Path file = dir.resolve("schema.json");
    Cli cli = Cli.run("schema", "base", "--format", "json", "-o", file.toString(),
        "--versions", VERSIONS);
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("", cli.out());
    assertEquals(Cli.run("schema", "base", "--format", "json", "--versions", VERSIONS).out(),
        Files.readString(file));
  }

  @Test
  void aRevisionHasTheSchemaTheReplayKnows() {
    Cli cli = Cli.run("schema", "0001_create_customers", "--versions", VERSIONS);
    assertEquals("", cli.err());
    assertEquals(0, cli.exitCode());
    assertTrue(cli.out().contains("CREATE TABLE customers ("), cli.out());
    assertTrue(!cli.out().contains("accounts"), "0002's table is not there yet: " + cli.out());
  }


  @Test
  void unknownFormatIsAUsageError() {
    Cli cli = Cli.run("schema", "base", "--format", "xml", "--versions", VERSIONS);
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().contains("unknown format 'xml' (known: sql, json)"), cli.err());
  }

  @Test
  void jsonOfATable() throws Exception {
    Origin at = new Origin("0001_a", "versions/0001_a.sql", Span.at(6, 14));
    ObjectName users = new ObjectName("public", "users");
    Table table = new Table(users,
        List.of(new Column("id", DataType.of(DataType.Kind.BIGINT), true, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at),
            new Column("email",
                new DataType(DataType.Kind.VARCHAR, OptionalInt.of(255), OptionalInt.empty()),
                true, Optional.of(new Expr("''", Span.at(7, 40))), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("login"), at)),
        List.of(new Constraint.PrimaryKey("users_pkey", List.of("id"), ConstraintTiming.NONE,
            at)),
        false, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), at);
    SchemaModel model = new SchemaModel(Map.of(), Map.of(), Map.of(), Map.of(users, table),
        Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        List.of(new HandEdit("postgresql", at)));
    String json = JsonText.write(new SchemaJson(SchemaScript.forDialect(Dialect.POSTGRESQL))
        .json(List.of("0001_a"), model));
    Path golden = Path.of("src", "test", "resources", "schema", "table.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, json);
    }
    assertEquals(Files.readString(golden), json, golden.toString());
    assertEquals(json, JsonText.write(new SchemaJson(SchemaScript.forDialect(Dialect.POSTGRESQL))
        .json(List.of("0001_a"), model)), "the same model gives the same text");
  }
}
