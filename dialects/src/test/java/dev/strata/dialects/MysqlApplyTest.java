package dev.strata.dialects;

import static dev.strata.dialects.MysqlChain.VERSION_ROWS;
import static dev.strata.dialects.MysqlChain.apply;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A chain that uses every special form of the MySQL and MariaDB renderers, applied with the real
 * client: upgraded, downgraded to base (only the version table is left) and upgraded again; the
 * schema after each upgrade equals the schema {@code strata schema head} writes, applied to an
 * empty database.
 */
class MysqlApplyTest {
  @TempDir Path dir;

  private static final String[] CHAIN = {
      "-- revision: 0001_tables\n-- revises: base\n-- message: tables\n\n-- +upgrade\n"
          + "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
          + "CREATE TABLE parent (id SERIAL PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE);\n"
          + "CREATE TABLE counter (id SERIAL PRIMARY KEY);\n"
          + "CREATE TABLE child (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
          + "  parent_id INTEGER NOT NULL REFERENCES parent ON DELETE CASCADE,\n"
          + "  name VARCHAR(40), m mood NOT NULL, a INTEGER, b INTEGER, UNIQUE (a, b));\n"
          + "CREATE INDEX ON child (name DESC);\n"
          + "CREATE INDEX ix_child_ab ON child (a, b);\n"
          + "-- +downgrade\n"
          + "DROP TABLE counter;\nDROP TABLE child;\nDROP TABLE parent;\nDROP TYPE mood;\n",
      "-- revision: 0002_columns\n-- revises: 0001_tables\n-- message: columns\n\n-- +upgrade\n"
          + "COMMENT ON COLUMN child.name IS 'the child''s name';\n"
          + "ALTER TABLE child ALTER COLUMN name TYPE VARCHAR(80), ALTER COLUMN name SET NOT NULL;\n"
          + "ALTER TABLE child RENAME COLUMN a TO aa;\n"
          + "ALTER INDEX child_name_idx RENAME TO ix_child_name;\n"
          + "ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';\n"
          + "COMMENT ON TABLE parent IS 'parents';\n"
          + "ALTER TABLE counter ALTER COLUMN id SET NOT NULL;\n"
          + "-- +downgrade\n"
          + "ALTER TABLE counter ALTER COLUMN id SET NOT NULL;\n"
          + "COMMENT ON TABLE parent IS NULL;\n"
          + "ALTER INDEX ix_child_name RENAME TO child_name_idx;\n"
          + "ALTER TABLE child RENAME COLUMN aa TO a;\n"
          + "ALTER TABLE child ALTER COLUMN name DROP NOT NULL, ALTER COLUMN name TYPE VARCHAR(40);\n"
          + "COMMENT ON COLUMN child.name IS NULL;\n",
      "-- revision: 0003_constraints\n-- revises: 0002_columns\n-- message: constraints\n\n"
          + "-- +upgrade\n"
          + "ALTER TABLE child DROP CONSTRAINT child_parent_id_fkey;\n"
          + "ALTER TABLE child ADD CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent;\n"
          + "ALTER TABLE child ADD COLUMN IF NOT EXISTS note VARCHAR(20);\n"
          + "ALTER TABLE child DROP COLUMN b;\n"
          + "CREATE UNIQUE INDEX CONCURRENTLY ux_parent_code ON parent (code);\n"
          + "ALTER TABLE parent RENAME TO parents;\n"
          + "TRUNCATE child RESTART IDENTITY;\n"
          + "-- +downgrade\n"
          + "ALTER TABLE parents RENAME TO parent;\n"
          + "DROP INDEX CONCURRENTLY ux_parent_code;\n"
          + "ALTER TABLE child ADD COLUMN b INTEGER;\n"
          + "ALTER TABLE child ADD CONSTRAINT child_aa_b_key UNIQUE (aa, b);\n"
          + "CREATE INDEX ix_child_ab ON child (aa, b);\n"
          + "ALTER TABLE child DROP COLUMN IF EXISTS note;\n"
          + "ALTER TABLE child DROP CONSTRAINT fk_parent;\n"
          + "ALTER TABLE child ADD FOREIGN KEY (parent_id) REFERENCES parent ON DELETE CASCADE;\n"};

  /**
   * The server drops the index it made for a foreign key once another index leads with the key's
   * columns, and then refuses to drop that other index alone: strata adds the key's own index in
   * the same statement, and the schema is then the one a fresh table has.
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void droppingTheIndexAForeignKeyUsesKeepsAnIndexForTheKey(Dialect dialect) throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("fk"), dialect,
        "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
            + "CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
            + "CREATE TABLE t (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p, k INTEGER);\n"
            + "-- +downgrade\nDROP TABLE t;\nDROP TABLE p;\n",
        "-- revision: 0002_ix\n-- revises: 0001_t\n-- message: ix\n\n-- +upgrade\n"
            + "CREATE INDEX ix_t_pid_k ON t (pid, k);\n"
            + "-- +downgrade\nDROP INDEX ix_t_pid_k;\n");
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_fk_index");
        TestDatabase fresh = TestDatabase.create(dialect.id(), "mysqlh_fk_fresh")) {
      apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      apply(database, chain.downgrade("head:0001_t", GoldenCases.OPTIONS));
      apply(fresh, chain.upgrade("base:0001_t", GoldenCases.OPTIONS));
      assertEquals(fresh.schema(), database.schema());
    }
  }

  /**
   * A foreign key's column must have the referenced column's type on these servers (integers of
   * one size; strings of any length): the pairs strata accepts apply with the real client, the
   * server refuses the pair strata refuses (errno 150), and strata refuses it at the column, in
   * {@code CREATE TABLE} and in {@code ADD CONSTRAINT}, before any script is written.
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void aForeignKeyColumnOfAnotherIntegerSizeIsRefusedAndSimilarTypesApply(Dialect dialect)
      throws Exception {
    MysqlChain similar = new MysqlChain(dir.resolve("similar"), dialect,
        "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
            + "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
            + "CREATE TABLE b (big BIGSERIAL PRIMARY KEY);\n"
            + "CREATE TABLE p (id SERIAL PRIMARY KEY,"
            + " code VARCHAR(10) UNIQUE, amount NUMERIC(10,2) UNIQUE, m mood UNIQUE,"
            + " at TIMESTAMP UNIQUE, flag CHAR(3) UNIQUE);\n"
            + "CREATE TABLE c (id BIGINT PRIMARY KEY, pid INTEGER REFERENCES p (id),"
            + " pbig BIGINT REFERENCES b (big), pcode VARCHAR(40) REFERENCES p (code),"
            + " pamount NUMERIC(10,2) REFERENCES p (amount), pm mood REFERENCES p (m),"
            + " pat TIMESTAMP REFERENCES p (at), pflag VARCHAR(3) REFERENCES p (flag),"
            + " up BIGINT REFERENCES c (id));\n"
            + "ALTER TABLE c ADD CONSTRAINT fk_c_code FOREIGN KEY (pcode) REFERENCES p (code);\n"
            + "-- +downgrade\nDROP TABLE c;\nDROP TABLE p;\nDROP TABLE b;\nDROP TYPE mood;\n");
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_fk_types")) {
      apply(database, similar.upgrade("base:head", GoldenCases.OPTIONS));
      apply(database, similar.downgrade("head:base", GoldenCases.OPTIONS));
      var server = database.apply(MysqlChain.sql(dir, "CREATE TABLE p (id BIGINT PRIMARY KEY);"
          + " CREATE TABLE c (pid INT, FOREIGN KEY (pid) REFERENCES p (id));"));
      org.junit.jupiter.api.Assertions.assertTrue(
          server.exitCode() != 0 && MysqlChain.errors(server).getFirst().contains("150"),
          server.describe());
    }
    String created = "CREATE TABLE p (id BIGINT PRIMARY KEY);\n"
        + "CREATE TABLE c (id BIGINT PRIMARY KEY, pid INTEGER REFERENCES p (id));\n";
    String added = "CREATE TABLE p (id BIGINT PRIMARY KEY);\n"
        + "CREATE TABLE c (id BIGINT PRIMARY KEY, pid SMALLINT);\n"
        + "ALTER TABLE c ADD CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p;\n";
    for (String upgrade : List.of(created, added)) {
      MysqlChain refused = new MysqlChain(dir.resolve("r" + upgrade.length()), dialect,
          "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n" + upgrade);
      String text = refusal(refused);
      String type = upgrade == created ? "int" : "smallint";
      String line = upgrade == created ? "7" : "8";
      org.junit.jupiter.api.Assertions.assertTrue(text.contains(":" + line + ":")
              && text.contains("error[E0454]: foreign key " + (upgrade == created
                  ? "c_pid_fkey" : "fk_c_p") + ": column pid of table c is " + type
                  + ", but the column id of table p it references is bigint, which "
                  + dialect.id() + " refuses")
              && text.contains("help: declare pid BIGINT, as the column it references"),
          text);
      int caret = text.indexOf('^');
      String source = text.lines().filter(l -> l.contains(" | ") && l.contains("pid"))
          .findFirst().orElseThrow();
      String carets = text.lines().filter(l -> l.contains("^")).findFirst().orElseThrow();
      org.junit.jupiter.api.Assertions.assertTrue(caret > 0
          && source.substring(carets.indexOf('^')).startsWith("pid"), text);
    }
  }

  /**
   * {@code UPDATE t SET n = m, m = n} swaps the two columns in PostgreSQL: MariaDB does too with
   * the script's {@code SIMULTANEOUS_ASSIGNMENT}, run with the real client; MySQL, which reads
   * {@code n} as just assigned, refuses it (E0447), and takes it with the read first.
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void anUpdateThatReadsAColumnItAssignsReadsTheOldValue(Dialect dialect) throws Exception {
    String table = "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
        + "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, m INTEGER);\n"
        + "INSERT INTO t (id, n, m) VALUES (2, 2, 20);\n";
    MysqlChain swap = new MysqlChain(dir.resolve("swap"), dialect,
        table + "UPDATE t SET n = m, m = n WHERE id = 2;\n");
    if (dialect.has(Capability.SIMULTANEOUS_ASSIGNMENT)) {
      try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_swap")) {
        apply(database, swap.upgrade("base:head", GoldenCases.OPTIONS));
        assertEquals(List.of("20|2"), database.query("SELECT n, m FROM t"));
      }
      return;
    }
    String swapped = refusal(swap);
    org.junit.jupiter.api.Assertions.assertTrue(swapped.contains(
        "error[E0447]: UPDATE ... SET that reads n after assigning it cannot be rendered for"
            + " mysql"), swapped);
    MysqlChain readFirst = new MysqlChain(dir.resolve("first"), dialect,
        table + "UPDATE t SET m = n, n = m + 0 WHERE id = 2;\n");
    refusal(readFirst);
    MysqlChain independent = new MysqlChain(dir.resolve("independent"), dialect,
        table + "UPDATE t SET n = n + 1, m = 0 WHERE id = 2;\n");
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_swap")) {
      apply(database, independent.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(List.of("3|0"), database.query("SELECT n, m FROM t"));
    }
  }

  /**
   * InnoDB takes {@code ON DELETE SET DEFAULT} and then refuses the delete it should let through
   * (the server's premise, run with the real client); strata refuses the clause (E0445), in
   * {@code CREATE TABLE} and in {@code ADD CONSTRAINT}.
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void setDefaultOnAForeignKeyIsRefused(Dialect dialect) throws Exception {
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_set_default")) {
      var server = database.apply(MysqlChain.sql(dir, "CREATE TABLE p (id INT PRIMARY KEY);"
          + " CREATE TABLE c (id INT PRIMARY KEY, pid INT DEFAULT 0,"
          + " FOREIGN KEY (pid) REFERENCES p (id) ON DELETE SET DEFAULT);"
          + " INSERT INTO p VALUES (0), (1); INSERT INTO c VALUES (1, 1);"
          + " DELETE FROM p WHERE id = 1;"));
      org.junit.jupiter.api.Assertions.assertTrue(server.exitCode() != 0
          && MysqlChain.errors(server).getFirst().startsWith("ERROR 1451"), server.describe());
    }
    for (String statement : List.of(
        "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER DEFAULT 0 REFERENCES p (id)"
            + " ON DELETE SET DEFAULT);\n",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER DEFAULT 0);\n"
            + "ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id)"
            + " ON UPDATE SET DEFAULT;\n")) {
      MysqlChain chain = new MysqlChain(dir.resolve("sd" + statement.length()), dialect,
          "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
              + "CREATE TABLE p (id INTEGER PRIMARY KEY);\n" + statement);
      String text = refusal(chain);
      org.junit.jupiter.api.Assertions.assertTrue(text.contains("error[E0445]: the constraint")
          && text.contains(" SET DEFAULT cannot be rendered for " + dialect.id()), text);
    }
  }

  /**
   * The servers refuse a foreign key that sets a NOT NULL column to NULL (errno 150), which
   * PostgreSQL takes; strata refuses it (E0445) when a CREATE TABLE, an ADD CONSTRAINT or a SET
   * NOT NULL makes it, and lets a nullable column through (applied with the real client).
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MARIADB"})
  void setNullOnANotNullColumnIsRefused(Dialect dialect) throws Exception {
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_set_null")) {
      var server = database.apply(MysqlChain.sql(dir, "CREATE TABLE p (id INT PRIMARY KEY);"
          + " CREATE TABLE c (id INT PRIMARY KEY, pid INT NOT NULL,"
          + " FOREIGN KEY (pid) REFERENCES p (id) ON DELETE SET NULL);"));
      org.junit.jupiter.api.Assertions.assertTrue(server.exitCode() != 0
          && MysqlChain.errors(server).getFirst().contains("errno: 150"), server.describe());
      apply(database, MysqlChain.sql(dir, "DROP TABLE p;"));
      MysqlChain nullable = new MysqlChain(dir.resolve("nullable"), dialect,
          "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
              + "CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
              + "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p (id)"
              + " ON DELETE SET NULL);\n-- +downgrade\nDROP TABLE c;\nDROP TABLE p;\n");
      apply(database, nullable.upgrade("base:head", GoldenCases.OPTIONS));
    }
    for (String statement : List.of(
        "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL REFERENCES p (id)"
            + " ON DELETE SET NULL);\n",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL);\n"
            + "ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id)"
            + " ON UPDATE SET NULL;\n",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p (id)"
            + " ON DELETE SET NULL);\nALTER TABLE c ALTER COLUMN pid SET NOT NULL;\n")) {
      MysqlChain chain = new MysqlChain(dir.resolve("sn" + statement.length()), dialect,
          "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
              + "CREATE TABLE p (id INTEGER PRIMARY KEY);\n" + statement);
      String text = refusal(chain);
      org.junit.jupiter.api.Assertions.assertTrue(text.contains("error[E0445]: the foreign key")
          && text.contains(" SET NULL on the NOT NULL column pid cannot be rendered for "
          + dialect.id()), text);
    }
  }

  /**
   * The report: a column added to a table whose identity says START WITH was refused (E0446) as
   * if the new column were the identity; it is added, with the real client, and the counter
   * still starts at 100.
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void aColumnAddedBesideAnIdentityThatStartsElsewhereIsAdded(Dialect dialect) throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("identity"), dialect,
        "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
            + "CREATE TABLE t (id INTEGER GENERATED BY DEFAULT AS IDENTITY (START WITH 100)"
            + " PRIMARY KEY, v VARCHAR(10));\n-- +downgrade\nDROP TABLE t;\n",
        "-- revision: 0002_w\n-- revises: 0001_t\n-- message: w\n\n-- +upgrade\n"
            + "ALTER TABLE t ADD COLUMN w INTEGER;\n"
            + "INSERT INTO t (v, w) VALUES ('a', 1);\n"
            + "-- +downgrade\nDELETE FROM t;\nALTER TABLE t DROP COLUMN w;\n");
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_identity_add")) {
      apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(List.of("100|a|1"), database.query("SELECT id, v, w FROM t"));
      apply(database, chain.downgrade("head:base", GoldenCases.OPTIONS));
    }
  }

  /**
   * A view keeps the names it was written with on these servers: after a rename of its table or
   * column every query of it fails (the server's premise, with the real client). strata refuses
   * such a rename (E0444) and applies one the view does not read.
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void aRenameUnderAViewIsRefusedAndOneBesideItApplies(Dialect dialect) throws Exception {
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_view_rename")) {
      var server = database.apply(MysqlChain.sql(dir, "CREATE TABLE t (id INT PRIMARY KEY, a INT);"
          + " CREATE VIEW v AS SELECT id, a FROM t; ALTER TABLE t RENAME COLUMN a TO b;"
          + " SELECT * FROM v;"));
      org.junit.jupiter.api.Assertions.assertTrue(server.exitCode() != 0
          && MysqlChain.errors(server).getFirst().startsWith("ERROR 1356"), server.describe());
    }
    String tables = "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
        + "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, c INTEGER);\n"
        + "CREATE VIEW v AS SELECT id, a FROM t;\n"
        + "-- +downgrade\nDROP VIEW v;\nDROP TABLE t;\n";
    for (String rename : List.of("ALTER TABLE t RENAME COLUMN a TO b;",
        "ALTER TABLE t RENAME TO u;")) {
      MysqlChain chain = new MysqlChain(dir.resolve("r" + rename.length()), dialect, tables,
          "-- revision: 0002_r\n-- revises: 0001_t\n-- message: r\n\n-- +upgrade\n" + rename
              + "\n");
      String text = refusal(chain);
      org.junit.jupiter.api.Assertions.assertTrue(text.contains("error[E0444]: ")
          && text.contains(" of table t while view v reads it cannot be rendered for "
              + dialect.id()), text);
    }
    MysqlChain beside = new MysqlChain(dir.resolve("beside"), dialect, tables,
        "-- revision: 0002_r\n-- revises: 0001_t\n-- message: r\n\n-- +upgrade\n"
            + "ALTER TABLE t RENAME COLUMN c TO d;\n"
            + "-- +downgrade\nALTER TABLE t RENAME COLUMN d TO c;\n");
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_view_rename")) {
      apply(database, beside.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(List.of(), database.query("SELECT * FROM v"));
    }
  }

  /** The first diagnostic, formatted, of rendering {@code chain}'s upgrade, which must fail. */
  private static String refusal(MysqlChain chain) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        dev.strata.grammar.DiagnosticException.class,
        () -> chain.render(dev.strata.grammar.ast.Direction.UPGRADE, "base:head",
            GoldenCases.OPTIONS)).diagnostics().getFirst().format();
  }

  /**
   * A JSON or JSONB column is {@code json}: on MariaDB an alias of {@code LONGTEXT} with a {@code
   * JSON_VALID} check the server adds, which refuses text that is not JSON, as PostgreSQL's type
   * does (on MySQL, its JSON type refuses it).
   */
  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void aJsonColumnRefusesTextThatIsNotJson(Dialect dialect) throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("json"), dialect,
        "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
            + "CREATE TABLE docs (id INTEGER PRIMARY KEY, body JSONB NOT NULL, note JSON);\n");
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_json")) {
      apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      apply(database, MysqlChain.sql(dir,
          "INSERT INTO docs VALUES (1, '{\"a\": [1, 2]}', NULL);"));
      var refused = database.apply(MysqlChain.sql(dir,
          "INSERT INTO docs VALUES (2, 'not json', NULL);"));
      assertEquals(1, refused.exitCode());
      String error = MysqlChain.errors(refused).getFirst();
      org.junit.jupiter.api.Assertions.assertTrue(
          error.startsWith("ERROR 4025 (23000): CONSTRAINT `docs.body` failed")
              || error.startsWith("ERROR 3140 (22032): Invalid JSON text"), error);
      assertEquals(List.of("1"), database.query("SELECT id FROM docs"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void upgradeDowngradeUpgradeThroughTheClientMatchesTheSchemaScript(Dialect dialect)
      throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("chain"), dialect, CHAIN);
    Path up = chain.upgrade("base:head", GoldenCases.OPTIONS);
    Path down = chain.downgrade("head:base", GoldenCases.OPTIONS);
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_apply");
        TestDatabase fromSchema = TestDatabase.create(dialect.id(), "mysqlh_apply_schema")) {
      apply(database, up);
      String upgraded = keysSorted(database.schema(Set.of("alembic_version")));
      assertEquals(List.of("0003_constraints"), database.query(VERSION_ROWS));

      RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(dir.resolve("chain")
          .resolve("versions")));
      SchemaModel head = Replay.of(graph, dialect.dialectId()).at(List.of("0003_constraints"));
      Path schema = Files.writeString(dir.resolve("schema.sql"),
          SchemaScript.forDialect(dialect).render(head, List.of("strata schema head")),
          StandardCharsets.UTF_8);
      apply(fromSchema, schema);
      assertEquals(upgraded, keysSorted(fromSchema.schema()),
          "strata schema head vs upgrade base:head");

      apply(database, down);
      assertEquals(List.of(), database.query(VERSION_ROWS));
      assertEquals("", database.schema(Set.of("alembic_version")));
      apply(database, up);
      assertEquals(upgraded, keysSorted(database.schema(Set.of("alembic_version"))));
    }
  }

  /**
   * The dump with each table's plain {@code KEY} lines sorted: the servers list indexes in the
   * order they were made, which differs between a chain and a schema script without meaning.
   */
  static String keysSorted(String dump) {
    List<String> out = new java.util.ArrayList<>();
    List<String> keys = new java.util.ArrayList<>();
    for (String line : dump.split("\n", -1)) {
      if (line.startsWith("  KEY ")) {
        keys.add(line.endsWith(",") ? line : line + ",");
        continue;
      }
      if (!keys.isEmpty()) {
        keys.sort(null);
        boolean last = !line.startsWith("  ");
        for (int i = 0; i < keys.size(); i++) {
          String key = keys.get(i);
          out.add(last && i == keys.size() - 1 ? key.substring(0, key.length() - 1) : key);
        }
        keys.clear();
      }
      out.add(line);
    }
    return String.join("\n", out);
  }
}
