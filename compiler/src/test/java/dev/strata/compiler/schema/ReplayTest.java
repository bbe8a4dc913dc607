package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
  @TempDir Path tmp;
  private int dirs;

  /** A graph of revisions given as (id, revises, upgrade statements). */
  private RevisionGraph graph(String... triples) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("v" + dirs++));
    for (int i = 0; i < triples.length; i += 3) {
      Files.writeString(dir.resolve(triples[i] + ".sql"), "-- revision: " + triples[i]
          + "\n-- revises: " + triples[i + 1] + "\n\n-- +upgrade\n" + triples[i + 2] + "\n");
    }
    return RevisionGraph.build(VersionsLoader.load(dir));
  }

  private SchemaModel head(String sql) throws Exception {
    RevisionGraph g = graph("0001_a", "base", sql);
    return Replay.of(g).at(List.of("0001_a"));
  }

  private static ObjectName name(String name) {
    return new ObjectName("public", name);
  }

  private static List<String> constraintNames(SchemaModel model, String table) {
    return model.tables().get(name(table)).constraints().stream().map(Constraint::name).toList();
  }

  @Test
  void eachDialectReplaysItsOwnBlocks() throws Exception {
    RevisionGraph g = graph("0001_a", "base", """
        CREATE TABLE t (id BIGINT PRIMARY KEY);
        -- +dialect postgresql
        CREATE TABLE audit.changes (id BIGINT PRIMARY KEY);
        -- +end
        -- +model
        CREATE TABLE pg_side (id BIGINT PRIMARY KEY);
        -- +end
        -- +dialect sqlite
        CREATE TABLE audit_changes (id INTEGER PRIMARY KEY);
        -- +end
        -- +model
        CREATE TABLE sqlite_side (id BIGINT PRIMARY KEY);
        -- +end
        -- +dialect mysql
        CREATE TABLE audit_changes (id BIGINT PRIMARY KEY);
        -- +end
        """);
    Map<dev.strata.grammar.DialectId, List<String>> expected = Map.of(
        dev.strata.grammar.DialectId.POSTGRESQL, List.of("pg_side", "t"),
        dev.strata.grammar.DialectId.SQLITE, List.of("sqlite_side", "t"),
        dev.strata.grammar.DialectId.MYSQL, List.of("t"),
        dev.strata.grammar.DialectId.MARIADB, List.of("t"));
    for (var entry : expected.entrySet()) {
      Replay replay = Replay.of(g, entry.getKey());
      assertEquals(entry.getKey(), replay.dialect());
      SchemaModel m = replay.at(List.of("0001_a"));
      assertEquals(entry.getValue(), new TreeSet<>(
          m.tables().keySet().stream().map(ObjectName::name).toList()).stream().toList(),
          entry.getKey().id());
      // a block of the replay's own dialect without a model block is a hand edit, others are not
      assertEquals(entry.getKey() == dev.strata.grammar.DialectId.MYSQL ? 1 : 0,
          m.handEdits().size(), entry.getKey().id());
    }
    assertEquals(Replay.of(g).at(List.of("0001_a")),
        Replay.of(g, dev.strata.grammar.DialectId.POSTGRESQL).at(List.of("0001_a")));
  }

  @Test
  void baseIsEmpty() throws Exception {
    assertEquals(SchemaModel.empty(), Replay.of(graph("0001_a", "base", "")).at(List.of()));
  }

  @Test
  void columnsWithEverythingThatDefinesThem() throws Exception {
    SchemaModel m = head("""
        CREATE TABLE t (
            id BIGINT GENERATED ALWAYS AS IDENTITY,
            code VARCHAR(10) COLLATE "C" NOT NULL DEFAULT 'x',
            total NUMERIC(12, 2) GENERATED ALWAYS AS (1) STORED,
            k BIGINT PRIMARY KEY
        );
        COMMENT ON COLUMN t.code IS 'the code';
        """);
    Table t = m.tables().get(name("t"));
    assertEquals(List.of("id", "code", "total", "k"), t.columns().stream().map(Column::name)
        .toList());
    Column id = t.column("id").orElseThrow();
    assertTrue(id.notNull() && id.identity().isPresent() && id.identity().get().always());
    Column code = t.column("code").orElseThrow();
    assertEquals("'x'", code.defaultValue().orElseThrow().sql());
    assertEquals(Optional.of("the code"), code.comment());
    assertTrue(code.collation().isPresent() && code.notNull());
    assertTrue(t.column("total").orElseThrow().generated().isPresent());
    assertTrue(t.column("k").orElseThrow().notNull(), "PRIMARY KEY implies NOT NULL");
    assertEquals(List.of("k"), t.primaryKey().orElseThrow().columns());
  }

  @Test
  void implicitNamesAsPostgresGivesThem() throws Exception {
    SchemaModel m = head("""
        CREATE TABLE p (id BIGINT PRIMARY KEY, a INTEGER, b INTEGER, UNIQUE (a, b));
        CREATE TABLE t (
            id BIGINT PRIMARY KEY,
            p_id BIGINT REFERENCES p,
            a INTEGER CHECK (a > 0),
            b INTEGER UNIQUE,
            CHECK (a > b),
            FOREIGN KEY (a, b) REFERENCES p (a, b)
        );
        CREATE INDEX ON t (a);
        CREATE INDEX ON t (lower(b::text));
        CREATE INDEX ON t ((a + b));
        CREATE UNIQUE INDEX ON t (a);
        """);
    assertEquals(List.of("t_a_check", "t_check", "t_pkey", "t_b_key", "t_p_id_fkey",
        "t_a_b_fkey"), constraintNames(m, "t"));
    assertEquals(List.of("t_a_idx", "t_lower_idx", "t_expr_idx", "t_a_idx1"),
        m.indexes().keySet().stream().map(ObjectName::name).toList());
    Constraint.ForeignKey fk = (Constraint.ForeignKey) m.tables().get(name("t"))
        .constraint("t_p_id_fkey").orElseThrow();
    assertEquals(List.of("id"), fk.referencedColumns(), "resolved to the primary key");
  }

  @Test
  void longNamesAreCutAsPostgresCutsThem() {
    String table = "abcdefghij".repeat(6) + "_lo";
    String column = "abcdefghij".repeat(5) + "_col";
    assertEquals("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefgh_pkey",
        ImplicitNames.make(table, null, "pkey"));
    assertEquals("abcdefghijabcdefghijabcdefghi_abcdefghijabcdefghijabcdefghi_key",
        ImplicitNames.make(table, column, "key"));
    assertEquals("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdef_id_seq",
        ImplicitNames.make(table, "id", "seq"));
    assertEquals("t_a_key2", ImplicitNames.choose("t", "a", "key",
        n -> n.equals("t_a_key") || n.equals("t_a_key1")));
    assertEquals("é".repeat(28) + "_x_idx", ImplicitNames.make("é".repeat(40), "x", "idx"),
        "57 bytes left for the table's name: 28 two-byte characters, never half of one");
  }

  /**
   * The names the model gives are the names PostgreSQL gives: the same statements run on the
   * real server, then every constraint and index name compared.
   */
  @Test
  void implicitNamesAgreeWithTheServer() throws Exception {
    String sql = """
        CREATE TABLE abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij_lo (
            id SERIAL PRIMARY KEY,
            abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij_col INTEGER UNIQUE,
            x INTEGER CHECK (x > 0) CHECK (x < 100)
        );
        CREATE TABLE t (id BIGINT PRIMARY KEY, a INTEGER, b INTEGER, c TEXT, CHECK (a > b));
        CREATE TABLE t_a_idx (id INTEGER);
        CREATE INDEX ON t (a);
        CREATE INDEX ON t (a) INCLUDE (b);
        CREATE INDEX ON t (lower(c));
        CREATE INDEX ON t ((a + b), (a - b));
        CREATE UNIQUE INDEX ON t (b);
        ALTER TABLE t ADD UNIQUE (a), ADD UNIQUE (a, b), ADD CHECK (b > 0);
        ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (c <> '');
        ALTER TABLE t ADD CHECK (c <> 'x');
        CREATE TABLE u (id INTEGER REFERENCES t, a INTEGER, b INTEGER,
            FOREIGN KEY (a, b) REFERENCES t (a, b));
        """;
    SchemaModel m = head(sql);
    TreeSet<String> model = new TreeSet<>();
    m.tables().values().forEach(t -> t.constraints().forEach(c -> model.add(c.name())));
    m.indexes().keySet().forEach(i -> model.add(i.name()));
    PostgresServer pg = PostgresServer.require();
    String db = pg.createDatabase("replay_names");
    try {
      PostgresServer.ProcessResult run = pg.psql(db, "-c", sql);
      assertEquals(0, run.exitCode(), run.stderr());
      TreeSet<String> server = new TreeSet<>(pg.query(db, "SELECT conname FROM pg_constraint"
          + " WHERE connamespace = 'public'::regnamespace AND contype IN ('p','u','c','f','x')"
          + " UNION SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
          + " AND relkind = 'i'"));
      assertEquals(server, model);
    } finally {
      pg.dropDatabase(db);
    }
  }

  @Test
  void renamesFollowDependents() throws Exception {
    SchemaModel m = head("""
        CREATE TABLE p (id BIGINT PRIMARY KEY, code TEXT UNIQUE);
        CREATE TABLE c (id BIGINT PRIMARY KEY, p_code TEXT REFERENCES p (code));
        CREATE INDEX ix_p_code ON p (code);
        CREATE SEQUENCE s OWNED BY p.code;
        ALTER TABLE p RENAME COLUMN code TO ref;
        ALTER TABLE p RENAME TO parents;
        ALTER TABLE parents RENAME CONSTRAINT p_code_key TO parents_ref_key;
        ALTER INDEX ix_p_code RENAME TO ix_parents_ref;
        ALTER SEQUENCE s RENAME TO parents_seq;
        """);
    Table parents = m.tables().get(name("parents"));
    assertEquals(List.of("p_pkey", "parents_ref_key"), constraintNames(m, "parents"));
    assertEquals(List.of("ref"), parents.constraint("parents_ref_key").orElseThrow().columns());
    Constraint.ForeignKey fk = (Constraint.ForeignKey) m.tables().get(name("c"))
        .constraints().get(1);
    assertEquals(name("parents"), fk.references());
    assertEquals(List.of("ref"), fk.referencedColumns());
    Index index = m.indexes().get(name("ix_parents_ref"));
    assertEquals(name("parents"), index.table());
    assertEquals(Optional.of(new ColumnRef(name("parents"), "ref")),
        m.sequences().get(name("parents_seq")).ownedBy());
  }

  @Test
  void foreignKeysOfSeveralTablesFollowTheColumnTheyReference() throws Exception {
    String tables = """
        CREATE TABLE p (id BIGINT PRIMARY KEY, code TEXT UNIQUE);
        CREATE TABLE c1 (id BIGINT PRIMARY KEY, p_code TEXT REFERENCES p (code));
        CREATE TABLE c2 (id BIGINT PRIMARY KEY, p_code TEXT REFERENCES p (code));
        ALTER TABLE p RENAME COLUMN code TO ref;
        """;
    SchemaModel m = head(tables);
    for (String child : List.of("c1", "c2")) {
      Constraint.ForeignKey fk = (Constraint.ForeignKey) m.tables().get(name(child))
          .constraints().get(1);
      assertEquals(List.of("ref"), fk.referencedColumns(), child);
    }
    List<Diagnostic> refused = SchemaChecks.check(graph("0001_a", "base",
        tables + "ALTER TABLE p DROP COLUMN ref;"));
    assertEquals(List.of("E0617"), refused.stream().map(Diagnostic::code).toList());
    assertTrue(refused.getFirst().notes().getFirst().contains("on table c1 "),
        "the first referencing table in creation order: " + refused);
    SchemaModel cascaded = head(tables + """
        ALTER TABLE p DROP COLUMN ref CASCADE;
        ALTER TABLE c1 RENAME TO c0;
        ALTER TABLE p RENAME COLUMN id TO key;
        """);
    assertEquals(List.of("c1_pkey"), constraintNames(cascaded, "c0"));
    assertEquals(List.of("c2_pkey"), constraintNames(cascaded, "c2"));
  }

  @Test
  void dropCascadeTakesDependents() throws Exception {
    SchemaModel m = head("""
        CREATE TABLE p (id BIGINT PRIMARY KEY, n INTEGER);
        CREATE TABLE c (id BIGINT PRIMARY KEY, p_id BIGINT REFERENCES p);
        CREATE INDEX ON p (n);
        CREATE SEQUENCE s OWNED BY c.p_id;
        CREATE VIEW v AS SELECT id FROM p;
        DROP TABLE p CASCADE;
        ALTER TABLE c DROP COLUMN p_id;
        """);
    assertFalse(m.tables().containsKey(name("p")));
    assertEquals(List.of("c_pkey"), constraintNames(m, "c"));
    assertTrue(m.indexes().isEmpty() && m.views().isEmpty() && m.sequences().isEmpty());
  }

  /**
   * The lookups that follow an object to its dependents go through indexes kept by the model
   * state: dependents still come out in creation order (the first one is the one reported), and
   * renames keep each object's place.
   */
  @Test
  void dependentsAreReportedInCreationOrderAndRenamesKeepTheirPlace() throws Exception {
    String setup = """
        CREATE TYPE mood AS ENUM ('ok', 'sad');
        CREATE TABLE p (id BIGINT PRIMARY KEY, code TEXT UNIQUE);
        CREATE TABLE zz (id BIGINT PRIMARY KEY, p_id BIGINT REFERENCES p, m mood);
        CREATE TABLE aa (id BIGINT PRIMARY KEY, p_id BIGINT REFERENCES p, m mood);
        CREATE VIEW vz AS SELECT id FROM p;
        CREATE VIEW va AS SELECT id FROM p;
        """;
    for (String[] c : List.of(
        new String[] {"DROP TABLE p;", "constraint zz_p_id_fkey on table zz "},
        new String[] {"DROP TYPE mood;", "column m of table zz "},
        new String[] {"ALTER TABLE p DROP CONSTRAINT p_pkey;", "constraint zz_p_id_fkey"},
        new String[] {"DROP VIEW vz; DROP TABLE p;", "constraint zz_p_id_fkey"},
        new String[] {"ALTER TABLE zz DROP CONSTRAINT zz_p_id_fkey;"
            + " ALTER TABLE aa DROP CONSTRAINT aa_p_id_fkey; DROP TABLE p;", "view vz "})) {
      List<Diagnostic> refused = SchemaChecks.check(graph("0001_a", "base", setup + c[0]));
      assertEquals(1, refused.size(), c[0] + ": " + refused);
      assertTrue(refused.getFirst().notes().getFirst().contains(c[1]), c[0] + ": " + refused);
    }
    SchemaModel m = head(setup + """
        CREATE INDEX ix_zz ON zz (m);
        CREATE TABLE last (id BIGINT GENERATED ALWAYS AS IDENTITY);
        ALTER TABLE zz RENAME TO yy;
        ALTER TYPE mood RENAME TO feeling;
        ALTER TABLE yy RENAME COLUMN m TO f;
        DROP TABLE p CASCADE;
        """);
    assertEquals(List.of("yy", "aa", "last"), m.tables().keySet().stream()
        .map(ObjectName::name).toList());
    assertEquals(List.of("zz_pkey"), constraintNames(m, "yy"), "the foreign key to p went");
    assertEquals(name("feeling"), ObjectName.of(m.tables().get(name("aa")).column("m")
        .orElseThrow().type().named().orElseThrow().name()));
    assertEquals(name("yy"), m.indexes().get(name("ix_zz")).table());
    assertEquals("f", m.indexes().get(name("ix_zz")).keys().getFirst().column().orElseThrow()
        .value());
    assertTrue(m.views().isEmpty(), "the views on p went with it: " + m.views());
  }

  @Test
  void enumValuesInOrder() throws Exception {
    SchemaModel m = head("""
        CREATE TYPE mood AS ENUM ('sad', 'happy');
        ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
        ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';
        ALTER TYPE mood ADD VALUE 'numb' BEFORE 'sad';
        ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';
        ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';
        ALTER TYPE mood RENAME TO feeling;
        CREATE TABLE t (f feeling);
        """);
    assertEquals(List.of("numb", "blue", "ok", "happy", "ecstatic"),
        m.types().get(name("feeling")).values());
  }

  @Test
  void sequencesTakeTheirOptions() throws Exception {
    SchemaModel m = head("""
        CREATE SEQUENCE s START WITH 10 INCREMENT BY 2;
        ALTER SEQUENCE s INCREMENT BY 5 RESTART;
        """);
    List<SequenceOption> options = m.sequences().get(name("s")).options();
    assertEquals(List.of(new SequenceOption.StartWith(10), new SequenceOption.IncrementBy(5)),
        options);
  }

  @Test
  void setSchemaMovesTheTableWithItsIndexes() throws Exception {
    SchemaModel m = head("""
        CREATE SCHEMA app;
        CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER);
        CREATE INDEX ix_t_n ON t (n);
        ALTER TABLE t SET SCHEMA app;
        """);
    assertTrue(m.tables().containsKey(new ObjectName("app", "t")));
    assertTrue(m.indexes().containsKey(new ObjectName("app", "ix_t_n")));
    assertTrue(m.schemas().containsKey("app"));
  }

  @Test
  void viewsByTheirStatementsAndByAlterTable() throws Exception {
    RevisionGraph g = graph("0001_a", "base", """
        CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER);
        CREATE VIEW v AS SELECT id, n FROM t;
        COMMENT ON COLUMN v.n IS 'the n';
        ALTER TABLE v RENAME TO w;
        CREATE OR REPLACE VIEW w AS SELECT id FROM t;
        CREATE MATERIALIZED VIEW mv AS SELECT n FROM t;
        CREATE INDEX ON mv (n);
        ALTER VIEW w RENAME TO x;
        DROP MATERIALIZED VIEW mv;
        """);
    assertEquals(List.of(), SchemaChecks.check(g));
    SchemaModel m = Replay.of(g).after("0001_a");
    assertEquals(List.of(name("x")), List.copyOf(m.views().keySet()));
    assertTrue(m.indexes().isEmpty(), "the index went with its materialized view");
  }

  /**
   * A view follows its tables' renames as PostgreSQL's does: it reads the table by its new name
   * (a {@code DROP TABLE} of it is refused), and knows that its query as written names the old
   * one, until the rename is undone; a column rename counts where the query names the column.
   */
  @Test
  void aViewReadsARenamedTableByItsNewNameAndKnowsItsTextNamesTheOld() throws Exception {
    RevisionGraph g = graph(
        "0001_a", "base", "CREATE TABLE t (id BIGINT PRIMARY KEY, a TEXT, c TEXT);"
            + " CREATE VIEW v AS SELECT id, a FROM t;",
        "0002_b", "0001_a", "ALTER TABLE t RENAME COLUMN c TO d; ALTER TABLE t RENAME TO u;",
        "0003_c", "0002_b", "ALTER TABLE u RENAME COLUMN a TO b;",
        "0004_d", "0003_c", "ALTER TABLE u RENAME COLUMN b TO a; ALTER TABLE u RENAME TO t;",
        "0005_e", "0002_b", "DROP TABLE u;");
    Replay replay = Replay.of(g);
    View b = replay.after("0002_b").views().get(name("v"));
    assertEquals(List.of("table t was renamed to u at " + g.revision("0002_b").orElseThrow().source().path()
        + ":5:61"), b.renamedSince().stream().map(View.Rename::describe).toList(),
        "the rename of c, which the query does not name, does not count");
    assertEquals(List.of(name("u")), b.definition().reads().stream().map(ObjectName::of).toList());
    assertEquals("SELECT id, a FROM t", b.definition().query().sql(), "the text as written");
    assertEquals(List.of("table", "column"), replay.after("0003_c").views().get(name("v"))
        .renamedSince().stream().map(View.Rename::object).toList());
    View d = replay.after("0004_d").views().get(name("v"));
    assertTrue(d.current(), "both renames undone: " + d.renamedSince());
    assertEquals(List.of(name("t")), d.definition().reads().stream().map(ObjectName::of).toList());
    // PostgreSQL refuses the DROP TABLE u of 0005_e: view v depends on it (was taken)
    assertEquals(List.of("E0616@5:12"), SchemaChecks.check(g).stream()
        .map(e -> e.code() + "@" + e.location().orElseThrow().span().line() + ":"
            + e.location().orElseThrow().span().column()).toList());
  }

  @Test
  void routinesAndTriggers() throws Exception {
    SchemaModel m = head("""
        CREATE TABLE t (id BIGINT PRIMARY KEY);
        CREATE FUNCTION f(a integer, OUT b text) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE EXTENSION IF NOT EXISTS pgcrypto;
        """);
    assertEquals(List.of("public.f(integer)", "public.touch()"),
        List.copyOf(m.routines().keySet()));
    assertEquals(List.of("public.t.trg"), List.copyOf(m.triggers().keySet()));
    assertTrue(m.extensions().containsKey("pgcrypto"));
  }

  @Test
  void rawBlocksBlindTheModelUnlessTheyDeclareWhatTheyDo() throws Exception {
    SchemaModel blind = head("""
        -- +dialect postgresql
        CREATE TABLE t (id BIGINT);
        -- +end
        """);
    assertTrue(blind.blind());
    assertTrue(blind.tables().isEmpty());
    SchemaModel declared = head("""
        -- +dialect postgresql
        CREATE TABLE t (id BIGINT) WITH (fillfactor = 70);
        -- +end
        -- +model
        CREATE TABLE t (id BIGINT);
        -- +end
        """);
    assertFalse(declared.blind());
    assertTrue(declared.tables().containsKey(name("t")));
  }

  @Test
  void aMergeSeesBothSides() throws Exception {
    RevisionGraph g = graph(
        "0001_a", "base", "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER);",
        "0002_b", "0001_a", "ALTER TABLE t ADD COLUMN b TEXT; CREATE TABLE only_b (id INTEGER);",
        "0003_c", "0001_a", "ALTER TABLE t ADD COLUMN c TEXT; ALTER TABLE t DROP COLUMN n;",
        "0004_m", "0002_b, 0003_c", "ALTER TABLE t ADD COLUMN m TEXT;");
    Replay replay = Replay.of(g);
    SchemaModel m = replay.after("0004_m");
    assertEquals(List.of("id", "b", "c", "m"), m.tables().get(name("t")).columns().stream()
        .map(Column::name).toList());
    assertTrue(m.tables().containsKey(name("only_b")));
    SchemaModel c = replay.at(List.of("0003_c"));
    assertFalse(c.tables().containsKey(name("only_b")));
    SchemaModel heads = replay.at(List.of("0002_b", "0003_c"));
    assertTrue(heads.tables().containsKey(name("only_b")));
    assertEquals(List.of(), SchemaChecks.check(g));
    Map<String, SchemaModel> all = replay.models();
    assertEquals(List.of("0001_a", "0002_b", "0003_c", "0004_m"), List.copyOf(all.keySet()));
    assertEquals(List.of("id", "n"), all.get("0001_a").tables().get(name("t")).columns()
        .stream().map(Column::name).toList(), "a snapshot is not changed by later revisions");
  }

  @Test
  void enumLabelsAddedOnTwoBranchesAreBothKept() throws Exception {
    RevisionGraph g = graph(
        "0001_a", "base", "CREATE TYPE mood AS ENUM ('sad', 'happy');",
        "0002_b", "0001_a", "ALTER TYPE mood ADD VALUE 'ok' AFTER 'sad';",
        "0003_c", "0001_a", "ALTER TYPE mood ADD VALUE 'ecstatic';",
        "0004_m", "0002_b, 0003_c", "");
    assertEquals(List.of("sad", "ok", "happy", "ecstatic"),
        Replay.of(g).after("0004_m").types().get(name("mood")).values());
    assertEquals(List.of(), SchemaChecks.check(g));
  }

  @Test
  void aColumnAndItsRelationChangedOnTwoBranchesClashWhicheverSideHasWhich() throws Exception {
    // the clash test looks a relation up from its column's key and the reverse (RecursiveMerge)
    for (boolean dropFirst : new boolean[] {true, false}) {
      String drop = "DROP TABLE t;";
      String alter = "ALTER TABLE t ALTER COLUMN n SET NOT NULL;";
      RevisionGraph g = graph(
          "0001_a", "base", "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER);"
              + " CREATE TABLE t2 (id BIGINT PRIMARY KEY, n INTEGER);",
          "0002_b", "0001_a", (dropFirst ? drop : alter) + " ALTER TABLE t2 ADD COLUMN b TEXT;",
          "0003_c", "0001_a", (dropFirst ? alter : drop) + " ALTER TABLE t2 ADD COLUMN c TEXT;",
          "0004_m", "0002_b, 0003_c", "");
      List<Diagnostic> found = SchemaChecks.check(g);
      assertEquals(List.of("E0619"), found.stream().map(Diagnostic::code).toList(),
          "drop first: " + dropFirst);
      assertTrue(found.get(0).message().contains("changed on two branches before their merge"),
          found.get(0).message());
    }
  }

  @Test
  void conflictingBranchesAreReported() throws Exception {
    RevisionGraph g = graph(
        "0001_a", "base", "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER);",
        "0002_b", "0001_a", "DROP TABLE t;",
        "0003_c", "0001_a", "ALTER TABLE t ALTER COLUMN n SET NOT NULL;",
        "0004_m", "0002_b, 0003_c", "");
    List<Diagnostic> found = SchemaChecks.check(g);
    assertEquals(List.of("E0619"), found.stream().map(Diagnostic::code).toList());
    assertThrows(DiagnosticException.class, () -> Replay.of(g).after("0004_m"));
  }

  @Test
  void aLongChainReplaysInOnePass() throws Exception {
    List<String> triples = new ArrayList<>();
    triples.addAll(List.of("00000_a", "base", "CREATE TABLE t (id BIGINT PRIMARY KEY);"));
    int n = 3000;
    for (int i = 1; i < n; i++) {
      triples.addAll(List.of(String.format("%05d_r", i), String.format("%05d_%s", i - 1,
          i == 1 ? "a" : "r"), "ALTER TABLE t ADD COLUMN c" + i + " INTEGER;"
          + " CREATE INDEX ON t (c" + i + ");"));
    }
    RevisionGraph g = graph(triples.toArray(String[]::new));
    long start = System.nanoTime();
    SchemaModel m = Replay.of(g).at(g.heads());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(n, m.tables().get(name("t")).columns().size());
    assertTrue(millis < 20_000, "replay of " + n + " revisions took " + millis + " ms");
  }
}
