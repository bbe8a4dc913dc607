package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.Operation;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * The hand-written statements, and canaries that pin the jOOQ 3.20 behaviour each one works around:
 * when a canary fails after a jOOQ upgrade, the workaround may be replaced by jOOQ.
 */
class HandWrittenSqlTest {
  private static final SqlContext SQL = SqlContext.forDialect(Dialect.POSTGRESQL);
  private static final Site SITE = new Site(new SourceFile("t.sql", ""), Ast.AT);
  private static final DSLContext DSL_PG = SQL.dsl();

  @Test
  void createIndexConcurrentlyWithMethodIncludeAndPredicate() {
    CreateIndexSql index =
        new CreateIndexSql(
            Optional.of(DSL.quotedName("Ix")),
            DSL.name(DSL.unquotedName("s"), DSL.unquotedName("t")),
            true,
            true,
            true,
            true,
            Optional.of("gin"),
            List.of("a", "(lower(b)) DESC"),
            List.of(DSL.unquotedName("c")),
            true,
            "WITH (fillfactor = 70)",
            Optional.of("d IS NULL"));
    assertEquals(
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Ix\" ON ONLY s.t USING gin"
            + " (a, (lower(b)) DESC) INCLUDE (c) NULLS NOT DISTINCT WITH (fillfactor = 70)"
            + " WHERE d IS NULL",
        index.render(SQL));
    assertEquals(
        "CREATE INDEX ON t (a)",
        new CreateIndexSql(Optional.empty(), DSL.unquotedName("t"), false, false, false, false,
                Optional.empty(), List.of("a"), List.of(), false, "", Optional.empty())
            .render(SQL));
  }

  @Test
  void dropIndexKeepsTheSchema() {
    assertEquals(
        "DROP INDEX CONCURRENTLY IF EXISTS \"S\".ix CASCADE",
        DropIndexSql.render(SQL, List.of(DSL.name(DSL.quotedName("S"), DSL.unquotedName("ix"))), true, true, true));
    assertEquals("DROP INDEX s.ix", DropIndexSql.render(SQL, List.of(DSL.name(DSL.unquotedName("s"), DSL.unquotedName("ix"))), false, false, false));
    assertEquals("DROP INDEX a, s.b", DropIndexSql.render(SQL, List.of(DSL.unquotedName("a"), DSL.name(DSL.unquotedName("s"), DSL.unquotedName("b"))), false, false, false));
  }

  @Test
  void renameIndexKeepsTheSchema() {
    assertEquals(
        "ALTER INDEX IF EXISTS s.ix RENAME TO iy",
        TableFormSql.renameIndex(SQL, DSL.name(DSL.unquotedName("s"), DSL.unquotedName("ix")),
            true, DSL.unquotedName("iy")));
  }

  @Test
  void canaryJooqDropsTheSchemaOfARenamedIndex() {
    assertEquals(
        "ALTER INDEX ix RENAME TO iy",
        SQL.render(DSL_PG.alterIndex(DSL.name(DSL.unquotedName("s"), DSL.unquotedName("ix")))
            .renameTo(DSL.unquotedName("iy"))));
  }

  @Test
  void tablePrefixInsertsAfterTheLeadingWords() {
    assertEquals("CREATE UNLOGGED TABLE t (a int)", TablePrefix.unlogged("CREATE TABLE t (a int)"));
    assertEquals("ALTER TABLE IF EXISTS ONLY t DROP x",
        TablePrefix.only("ALTER TABLE IF EXISTS t DROP x", true));
    assertEquals("ALTER TABLE ONLY t DROP x", TablePrefix.only("ALTER TABLE t DROP x", false));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> TablePrefix.only("CREATE TABLE t (a int)", false));
  }

  @Test
  void standInsAreReplacedWhereJooqRenderedThem() {
    StandIns standIns = new StandIns(SQL);
    String rendered = SQL.renderFormatted(DSL_PG.createTable(DSL.unquotedName("t"))
        .column(DSL.unquotedName("a"), SQLDataType.INTEGER)
        .constraints(standIns.add("PRIMARY KEY (a) DEFERRABLE"),
            DSL.constraint().unique(DSL.unquotedName("a")),
            standIns.add("CHECK (a > 0) NOT VALID")));
    assertEquals("CREATE TABLE t (\n    a int,\n    PRIMARY KEY (a) DEFERRABLE,\n    UNIQUE (a),"
        + "\n    CHECK (a > 0) NOT VALID\n)", standIns.apply(rendered));
  }

  @Test
  void canaryJooqHasNoTableOnlyUnloggedOrPartitioning() {
    // jOOQ renders no ONLY, UNLOGGED, DEFERRABLE or PARTITION BY of its own: the DSL has no method
    // for them (a compile-time fact); what it renders for a plain table is the base we splice into
    assertEquals("CREATE TABLE t (a int)",
        SQL.render(DSL_PG.createTable(DSL.unquotedName("t")).column(DSL.unquotedName("a"), SQLDataType.INTEGER)));
    assertEquals("ALTER TABLE IF EXISTS t DROP CONSTRAINT c",
        SQL.render(DSL_PG.alterTableIfExists(DSL.unquotedName("t")).dropConstraint(DSL.unquotedName("c"))));
  }

  @Test
  void canaryJooqDropsTheSchemaOfADroppedIndex() {
    assertEquals("DROP INDEX ix", SQL.render(DSL_PG.dropIndex(DSL.name(DSL.unquotedName("s"), DSL.unquotedName("ix")))));
  }

  @Test
  void identityAlways() {
    assertEquals(
        "ALTER TABLE IF EXISTS t ALTER COLUMN id SET GENERATED ALWAYS",
        IdentityAlwaysSql.render(SQL, DSL.unquotedName("t"), true, DSL.unquotedName("id")));
  }

  @Test
  void canaryJooqRendersEveryIdentityAsByDefault() {
    assertEquals(
        "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL)",
        SQL.render(DSL_PG.createTable(DSL.unquotedName("t")).column(DSL.unquotedName("id"), SQLDataType.BIGINT.identity(true))));
  }

  @Test
  void alterColumnTypeUsing() {
    assertEquals(
        "ALTER TABLE t ALTER COLUMN at TYPE timestamp(3) with time zone USING at AT TIME ZONE 'UTC'",
        AlterColumnTypeSql.render(SQL, DSL.unquotedName("t"), false, DSL.unquotedName("at"),
            SQL.typeName(SQLDataType.TIMESTAMPWITHTIMEZONE(3)), "at AT TIME ZONE 'UTC'"));
  }

  @Test
  void dropExpression() {
    assertEquals(
        "ALTER TABLE IF EXISTS s.\"T\" ALTER COLUMN total DROP EXPRESSION IF EXISTS",
        DropExpressionSql.render(SQL, DSL.name(DSL.unquotedName("s"), DSL.quotedName("T")), true,
            DSL.unquotedName("total"), true));
    assertEquals(
        "ALTER TABLE t ALTER COLUMN total DROP EXPRESSION",
        DropExpressionSql.render(SQL, DSL.unquotedName("t"), false, DSL.unquotedName("total"),
            false));
  }

  @Test
  void writtenTypeIsRenderedVerbatimInDdlAndCasts() {
    assertEquals(
        "CREATE TABLE t (c numeric(10, 2)[] NOT NULL)",
        SQL.render(DSL_PG.createTable(DSL.unquotedName("t")).column(DSL.unquotedName("c"),
            DataTypes.written("numeric(10, 2)[]").notNull())));
  }

  @Test
  void canaryJooqIgnoresGenerationExpressions() {
    // computed columns are a commercial jOOQ feature: the open-source edition drops the clause,
    // so TableStatements spells GENERATED ALWAYS AS (...) STORED after the type
    assertEquals(
        "CREATE TABLE t (c int)",
        SQL.render(DSL_PG.createTable(DSL.unquotedName("t")).column(DSL.unquotedName("c"),
            SQLDataType.INTEGER.generatedAlwaysAs(DSL.field(DSL.raw("a * 2"), SQLDataType.INTEGER))
                .stored())));
  }

  @Test
  void canaryJooqArrayDdlDropsPrecision() {
    // DataTypes spells arrays of types with a precision or scale itself
    assertEquals(
        "CREATE TABLE t (c numeric[])",
        SQL.render(DSL_PG.createTable(DSL.unquotedName("t")).column(DSL.unquotedName("c"),
            SQLDataType.NUMERIC(10, 2).getArrayDataType())));
  }

  @Test
  void canaryJooqDropsIntervalPrecision() {
    assertEquals(
        "CREATE TABLE t (c interval)",
        SQL.render(DSL_PG.createTable(DSL.unquotedName("t")).column(DSL.unquotedName("c"),
            SQLDataType.INTERVAL.precision(3))));
  }

  @Test
  void insertSelectAsWritten() throws DiagnosticException {
    DmlStatements dml = new DmlStatements(SQL, new Expressions(Dialect.POSTGRESQL, SQL));
    assertEquals(
        "INSERT INTO t (a, \"B\") SELECT x, '{0}?' FROM u ON CONFLICT DO NOTHING",
        new InsertSelectSql(SQL, dml).render(new Operation.Insert(Ast.table("t"),
            List.of(Ast.id("a"), Ast.quoted("B")),
            new Operation.InsertSource.Query(Ast.expr("SELECT x, '{0}?' FROM u")), true), SITE));
    assertEquals("INSERT INTO t SELECT 1", new InsertSelectSql(SQL, dml).render(
        new Operation.Insert(Ast.table("t"), List.of(),
            new Operation.InsertSource.Query(Ast.expr("SELECT 1")), false), SITE));
  }

  /** jOOQ 3.20 has no OVERRIDING clause, so an INSERT with one is written out, every clause. */
  @Test
  void insertOverridingWithConflictUpdateAndReturning() throws DiagnosticException {
    DmlStatements dml = new DmlStatements(SQL, new Expressions(Dialect.POSTGRESQL, SQL));
    var with = new Operation.With(false, List.of(new Operation.CommonTableExpression(
        Ast.id("src"), List.of(), Operation.Materialization.NOT_MATERIALIZED,
        Ast.expr("SELECT 1 AS id"))));
    var conflict = new Operation.OnConflict(
        Optional.of(new Operation.ConflictTarget.Keys(
            List.of(new Operation.ConflictKey.Column(Ast.id("id")),
                new Operation.ConflictKey.Expression(Ast.expr("lower(name)"))),
            Optional.of(Ast.expr("id > 0")))),
        new Operation.ConflictAction.DoUpdate(
            List.of(Operation.Assignment.of(Ast.id("name"), Ast.expr("EXCLUDED.name")),
                new Operation.Assignment.Row(Ast.ids("a", "b"), List.of(
                    new Operation.AssignedValue.Default(),
                    new Operation.AssignedValue.Expression(Ast.expr("2"))))),
            Optional.of(Ast.expr("u.name <> EXCLUDED.name"))));
    Operation.Insert insert = new Operation.Insert(Optional.of(with), Ast.table("users"),
        Optional.of(Ast.id("u")), Ast.ids("id", "name"),
        Optional.of(Operation.Overriding.SYSTEM_VALUE),
        new Operation.InsertSource.Values(List.of(List.of(Ast.expr("1"), Ast.expr("'a'")))),
        Optional.of(conflict), Optional.of(Ast.expr("id")));
    assertEquals(
        "WITH src AS NOT MATERIALIZED (SELECT 1 AS id) INSERT INTO users AS u (id, name)"
            + " OVERRIDING SYSTEM VALUE VALUES (1, 'a') ON CONFLICT (id, lower(name))"
            + " WHERE id > 0 DO UPDATE SET name = EXCLUDED.name, (a, b) = (DEFAULT, 2)"
            + " WHERE u.name <> EXCLUDED.name RETURNING id",
        new InsertSelectSql(SQL, dml).render(insert, SITE));
  }

  @Test
  void truncateOnly() {
    assertEquals("TRUNCATE TABLE ONLY a, s.b RESTART IDENTITY CASCADE",
        TruncateSql.render(SQL, new Operation.Truncate(List.of(
            new Operation.TruncateTarget(Ast.table("a"), true),
            new Operation.TruncateTarget(Ast.table("s", "b"), false)),
            Operation.TruncateIdentity.RESTART, true)));
  }

  @Test
  void canaryJooqWritesRowForARowValueSet() {
    assertEquals("UPDATE t SET (a, b) = ROW (1, 2)",
        SQL.render(DSL_PG.update(DSL.table(DSL.unquotedName("t")))
            .set(DSL.row(DSL.field(DSL.unquotedName("a")), DSL.field(DSL.unquotedName("b"))),
                DSL.row(DSL.field(DSL.raw("1")), DSL.field(DSL.raw("2"))))));
  }

  @Test
  void emptyTable() {
    assertEquals("CREATE TABLE IF NOT EXISTS t ()", EmptyTableSql.render(SQL, DSL.unquotedName("t"), true));
  }

  @Test
  void canaryJooqRendersAnEmptyTableWithoutParentheses() {
    assertEquals("CREATE TABLE t", SQL.render(DSL_PG.createTable(DSL.unquotedName("t"))));
  }

  @Test
  void canaryFormattedRenderingReindentsVerbatimLineBreaks() {
    assertEquals(
        "CREATE TABLE t (\n    s text DEFAULT 'a\n      b'\n)",
        SQL.renderFormatted(
            DSL_PG.createTable(DSL.unquotedName("t"))
                .column(DSL.unquotedName("s"),
                    SQLDataType.CLOB.defaultValue(DSL.field(DSL.raw("'a\n  b'"), SQLDataType.CLOB)))));
  }
}
