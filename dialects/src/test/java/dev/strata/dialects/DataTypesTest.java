package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.DataType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every column type in MySQL, MariaDB and SQLite: the DDL spelling ({@link DataTypes#name}), the
 * same as jOOQ renders {@link DataTypes#of} in a {@code CREATE TABLE}, or the error code; the
 * types are parsed from a revision by the real parser, aliases included. docs/dialects.md gives the
 * reason for each row.
 */
class DataTypesTest {
  private static final List<Dialect> TARGETS =
      List.of(Dialect.MYSQL, Dialect.MARIADB, Dialect.SQLITE);

  /** type as written | mysql | mariadb | sqlite (an error code where there is no type). */
  private static final String[][] TYPES = {
      {"SMALLINT", "smallint", "smallint", "smallint"},
      {"INT2", "smallint", "smallint", "smallint"},
      {"INTEGER", "int", "int", "integer"},
      {"INT", "int", "int", "integer"},
      {"BIGINT", "bigint", "bigint", "integer"},
      {"SERIAL", "int", "int", "integer"},
      {"BIGSERIAL", "bigint", "bigint", "integer"},
      {"SMALLSERIAL", "smallint", "smallint", "integer"},
      {"NUMERIC(20, 4)", "decimal(20, 4)", "decimal(20, 4)", "numeric(20, 4)"},
      {"DECIMAL(12)", "decimal(12, 0)", "decimal(12, 0)", "numeric(12)"},
      {"NUMERIC(65, 30)", "decimal(65, 30)", "decimal(65, 30)", "numeric(65, 30)"},
      {"NUMERIC", "E0431", "E0431", "numeric"},
      {"NUMERIC(66, 2)", "E0431", "E0431", "numeric(66, 2)"},
      {"NUMERIC(40, 31)", "E0431", "E0431", "numeric(40, 31)"},
      {"REAL", "float", "float", "real"},
      {"FLOAT4", "float", "float", "real"},
      {"DOUBLE PRECISION", "double", "double", "double"},
      {"FLOAT8", "double", "double", "double"},
      {"VARCHAR(64)", "varchar(64)", "varchar(64)", "varchar(64)"},
      {"CHARACTER VARYING(16383)", "varchar(16383)", "varchar(16383)", "varchar(16383)"},
      {"VARCHAR(16384)", "E0431", "E0431", "varchar(16384)"},
      {"VARCHAR", "longtext", "longtext", "varchar"},
      {"CHAR(3)", "char(3)", "char(3)", "char(3)"},
      {"CHAR", "char(1)", "char(1)", "char(1)"},
      {"CHAR(256)", "E0431", "E0431", "char(256)"},
      {"TEXT", "longtext", "longtext", "text"},
      {"BOOLEAN", "boolean", "boolean", "boolean"},
      {"DATE", "date", "date", "date"},
      {"TIME", "time(6)", "time(6)", "time"},
      {"TIME(3)", "time(3)", "time(3)", "time(3)"},
      {"TIMESTAMP", "datetime(6)", "datetime(6)", "datetime"},
      {"TIMESTAMP(0)", "datetime(0)", "datetime(0)", "datetime(0)"},
      {"TIMESTAMP WITH TIME ZONE", "datetime(6)", "datetime(6)", "datetime"},
      {"TIMESTAMPTZ(3)", "datetime(3)", "datetime(3)", "datetime(3)"},
      {"TIME WITH TIME ZONE", "E0430", "E0430", "E0430"},
      {"INTERVAL", "E0430", "E0430", "E0430"},
      {"JSON", "json", "json", "text"},
      {"JSONB", "json", "json", "text"},
      {"UUID", "varchar(36)", "uuid", "varchar(36)"},
      {"BYTEA", "longblob", "longblob", "blob"},
      {"XML", "E0430", "E0430", "E0430"},
      {"BIT", "bit(1)", "bit(1)", "E0430"},
      {"BIT(64)", "bit(64)", "bit(64)", "E0430"},
      {"BIT(65)", "E0431", "E0431", "E0430"},
      {"BIT VARYING(8)", "E0430", "E0430", "E0430"},
      {"MONEY", "E0430", "E0430", "E0430"},
      {"INET", "E0430", "E0430", "E0430"},
      {"CIDR", "E0430", "E0430", "E0430"},
      {"MACADDR", "E0430", "E0430", "E0430"},
      {"MACADDR8", "E0430", "E0430", "E0430"},
      {"TSVECTOR", "E0430", "E0430", "E0430"},
      {"TSQUERY", "E0430", "E0430", "E0430"},
      {"OID", "E0430", "E0430", "E0430"},
      {"REGCLASS", "E0430", "E0430", "E0430"},
      {"INT4RANGE", "E0430", "E0430", "E0430"},
      {"INT8RANGE", "E0430", "E0430", "E0430"},
      {"NUMRANGE", "E0430", "E0430", "E0430"},
      {"TSRANGE", "E0430", "E0430", "E0430"},
      {"TSTZRANGE", "E0430", "E0430", "E0430"},
      {"DATERANGE", "E0430", "E0430", "E0430"},
      {"POINT", "E0430", "E0430", "E0430"},
      {"LINE", "E0430", "E0430", "E0430"},
      {"LSEG", "E0430", "E0430", "E0430"},
      {"BOX", "E0430", "E0430", "E0430"},
      {"PATH", "E0430", "E0430", "E0430"},
      {"POLYGON", "E0430", "E0430", "E0430"},
      {"CIRCLE", "E0430", "E0430", "E0430"},
      {"TEXT[]", "E0432", "E0432", "E0432"},
      {"INTEGER[][]", "E0432", "E0432", "E0432"},
      {"mood[]", "E0432", "E0432", "E0432"},
      {"mood", "enum('happy', 'it''s')", "enum('happy', 'it''s')", "text"},
      {"public.mood", "enum('happy', 'it''s')", "enum('happy', 'it''s')", "text"},
      {"citext", "E0430", "E0430", "E0430"},
      {"vector(3)", "E0430", "E0430", "E0430"},
  };

  @TestFactory
  Stream<DynamicTest> everyTypeInEveryDialect() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] row : TYPES) {
      DataType type = type(row[0]);
      for (int d = 0; d < TARGETS.size(); d++) {
        Dialect dialect = TARGETS.get(d);
        String expected = row[d + 1];
        tests.add(dynamicTest(row[0] + " in " + dialect.id(), () -> {
          SqlContext sql = SqlContext.forDialect(dialect);
          Site site = TypeCases.revision("CREATE TABLE t (c " + row[0] + ");\n").columnSite(0);
          if (expected.matches("E04\\d\\d")) {
            DiagnosticException e = assertThrows(DiagnosticException.class,
                () -> DataTypes.name(type, dialect, sql, TypeCases.MODEL, site));
            assertEquals(expected, e.diagnostics().getFirst().code(), e.format());
            assertThrows(DiagnosticException.class,
                () -> DataTypes.of(type, dialect, sql, TypeCases.MODEL, site));
          } else {
            assertEquals(expected, DataTypes.name(type, dialect, sql, TypeCases.MODEL, site));
            // jOOQ writes MariaDB's nullable datetime columns with an explicit NULL
            String nullable = dialect == Dialect.MARIADB && expected.startsWith("datetime")
                ? " NULL" : "";
            assertEquals("CREATE TABLE t (c " + expected + nullable + ")",
                sql.render(sql.dsl().createTable("t").column("c",
                    DataTypes.of(type, dialect, sql, TypeCases.MODEL, site))));
          }
        }));
      }
    }
    return tests.stream();
  }

  /** Every kind of the grammar has a row (a new kind must be mapped here and in the docs). */
  @Test
  void everyKindHasARow() {
    Set<DataType.Kind> covered = EnumSet.noneOf(DataType.Kind.class);
    for (String[] row : TYPES) {
      covered.add(type(row[0]).kind());
    }
    assertEquals(EnumSet.allOf(DataType.Kind.class), covered);
  }

  /** PostgreSQL goes through the same entry point and comes out exactly as before. */
  @Test
  void postgresqlIsUnchanged() throws DiagnosticException {
    SqlContext sql = SqlContext.forDialect(Dialect.POSTGRESQL);
    Site site = TypeCases.revision("CREATE TABLE t (c INTEGER);\n").columnSite(0);
    for (String written : List.of("TIMESTAMP(3) WITH TIME ZONE", "SERIAL", "mood", "TEXT[]",
        "INTERVAL(2)", "NUMERIC", "JSONB", "UUID")) {
      DataType type = type(written);
      assertEquals(DataTypes.name(type, sql),
          DataTypes.name(type, Dialect.POSTGRESQL, sql, TypeCases.MODEL, site), written);
    }
  }

  /** The PostgreSQL-only entry points refuse another dialect's context instead of mis-spelling. */
  @Test
  void postgresSpellingIsRefusedForOtherDialects() {
    SqlContext mysql = SqlContext.forDialect(Dialect.MYSQL);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DataTypes.of(type("TIMESTAMPTZ"), mysql));
    assertTrue(e.getMessage().contains("DataTypes.of(type, dialect, sql, model, site)"));
  }

  @Test
  void noEquivalentPointsAtTheColumn() {
    TypeCases.Revision revision = TypeCases.revision(
        "CREATE TABLE t (\n    id BIGINT,\n    during INTERVAL NOT NULL\n);\n");
    assertEquals("""
        versions/0001_types.sql:8:5: error[E0430]: type INTERVAL has no equivalent in mysql
          8 |     during INTERVAL NOT NULL
            |     ^^^^^^
          = help: store the duration as a number of seconds (BIGINT) or as ISO 8601 text\
         (VARCHAR(32)), or write the statement for mysql between '-- +dialect mysql' and\
         '-- +end' lines
        """, error(revision, 1, Dialect.MYSQL));
  }

  @Test
  void numericWithoutPrecisionInMysql() {
    TypeCases.Revision revision = TypeCases.revision("CREATE TABLE t (amount NUMERIC);\n");
    assertEquals("""
        versions/0001_types.sql:6:17: error[E0431]: type NUMERIC has no equivalent in mariadb:\
         its DECIMAL needs a precision (without one it is DECIMAL(10, 0), which rounds every value\
         to an integer), and holds at most 65 digits, 30 after the point
          6 | CREATE TABLE t (amount NUMERIC);
            |                 ^^^^^^
          = help: give the column the precision and scale its values need, e.g. NUMERIC(20, 4),\
         or write the statement for mariadb between '-- +dialect mariadb' and '-- +end' lines
        """, error(revision, 0, Dialect.MARIADB));
  }

  @Test
  void arrayType() {
    TypeCases.Revision revision = TypeCases.revision("CREATE TABLE t (tags TEXT[]);\n");
    assertEquals("""
        versions/0001_types.sql:6:17: error[E0432]: array type TEXT[] has no equivalent in\
         sqlite, which has no arrays
          6 | CREATE TABLE t (tags TEXT[]);
            |                 ^^^^
          = help: keep the elements in a table of their own, or in a JSON column as a JSON array,\
         or write the statement for sqlite between '-- +dialect sqlite' and '-- +end' lines
        """, error(revision, 0, Dialect.SQLITE));
  }

  @Test
  void namedTypeThatIsNoEnum() {
    TypeCases.Revision revision = TypeCases.revision("CREATE TABLE t (email citext);\n");
    assertEquals("""
        versions/0001_types.sql:6:17: error[E0430]: type citext is not an enum type of the\
         schema, so it has no equivalent in mysql
          6 | CREATE TABLE t (email citext);
            |                 ^^^^^
          = note: strata spells a named type for mysql only when it is an enum type created by\
         CREATE TYPE ... AS ENUM earlier in the chain
          = help: use a built-in type, or write the statement for mysql between '-- +dialect\
         mysql' and '-- +end' lines
        """, error(revision, 0, Dialect.MYSQL));
  }

  /** MySQL drops trailing spaces of ENUM values and folds their case: such an enum is refused. */
  @Test
  void enumValuesMysqlWouldChange() {
    TypeCases.Revision revision = TypeCases.revision("CREATE TABLE t (m mood);\n");
    for (List<String> values : List.of(List.of("a", "A"), List.of("a "))) {
      DiagnosticException e = assertThrows(DiagnosticException.class, () -> DataTypes.of(
          type("mood"), Dialect.MYSQL, SqlContext.forDialect(Dialect.MYSQL),
          TypeCases.model(values), revision.columnSite(0)));
      assertEquals("E0431", e.diagnostics().getFirst().code());
    }
  }

  /** Backslashes in enum values are escaped for MySQL's literals, kept for SQLite's. */
  @Test
  void enumValuesAreLiteralsOfTheDialect() throws DiagnosticException {
    Site site = TypeCases.revision("CREATE TABLE t (m mood);\n").columnSite(0);
    assertEquals("enum('a\\\\b', 'c')", DataTypes.name(type("mood"), Dialect.MARIADB,
        SqlContext.forDialect(Dialect.MARIADB), TypeCases.model(List.of("a\\b", "c")), site));
    assertEquals("\"m\" IN ('a\\b', 'c')", SqlContext.forDialect(Dialect.SQLITE).render(
        DataTypes.impliedCheck(DSL.quotedName("m"), type("mood"), Dialect.SQLITE,
            TypeCases.model(List.of("a\\b", "c"))).orElseThrow()).replace('`', '"'));
  }

  /** SQLite checks what its types do not: the values of an enum, and that JSON is JSON. */
  @Test
  void impliedChecks() {
    SqlContext sqlite = SqlContext.forDialect(Dialect.SQLITE);
    assertEquals("m IN ('happy', 'it''s')", sqlite.render(DataTypes.impliedCheck(
        DSL.unquotedName("m"), type("mood"), Dialect.SQLITE, TypeCases.MODEL).orElseThrow()));
    assertEquals("json_valid(doc)", sqlite.render(DataTypes.impliedCheck(
        DSL.unquotedName("doc"), type("JSONB"), Dialect.SQLITE, TypeCases.MODEL).orElseThrow()));
    assertEquals(Optional.empty(), DataTypes.impliedCheck(
        DSL.unquotedName("t"), type("TEXT"), Dialect.SQLITE, TypeCases.MODEL));
    for (Dialect other : List.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB)) {
      assertEquals(Optional.empty(), DataTypes.impliedCheck(
          DSL.unquotedName("m"), type("mood"), other, TypeCases.MODEL));
      assertEquals(Optional.empty(), DataTypes.impliedCheck(
          DSL.unquotedName("doc"), type("JSON"), other, TypeCases.MODEL));
    }
  }

  // jOOQ 3.20's own spellings that DataTypes replaces; each canary fails when jOOQ changes, so
  // that the replacement can be reviewed.

  /**
   * jOOQ puts the precision of MySQL's TIMESTAMP WITH TIME ZONE (which MySQL lacks, jOOQ #9665)
   * after ZONE.
   */
  @Test
  void canaryJooqTimestampWithTimeZoneInMysqlAndSqlite() {
    assertEquals("CREATE TABLE t (c timestamp with time zone(6))", create(Dialect.MYSQL,
        SQLDataType.TIMESTAMPWITHTIMEZONE(6)));
    assertEquals("CREATE TABLE t (c timestamp(6) with time zone)", create(Dialect.SQLITE,
        SQLDataType.TIMESTAMPWITHTIMEZONE(6)));
  }

  /** jOOQ spells a CHAR without length as text in MySQL. */
  @Test
  void canaryJooqCharWithoutLengthInMysql() {
    assertEquals("CREATE TABLE t (c text)", create(Dialect.MYSQL, SQLDataType.CHAR));
  }

  /**
   * jOOQ does not know MariaDB's UUID type (10.7+), nor SQLite's TIME, nor MySQL's 4-byte float.
   */
  @Test
  void canaryJooqUuidTimeAndReal() {
    assertEquals("CREATE TABLE t (c varchar(36))", create(Dialect.MARIADB, SQLDataType.UUID));
    assertEquals("CREATE TABLE t (c datetime)", create(Dialect.SQLITE, SQLDataType.TIME));
    assertEquals("CREATE TABLE t (c real)", create(Dialect.MYSQL, SQLDataType.REAL));
    assertEquals("CREATE TABLE t (c int)", create(Dialect.SQLITE, SQLDataType.INTEGER));
  }

  private static String create(Dialect dialect, org.jooq.DataType<?> type) {
    SqlContext sql = SqlContext.forDialect(dialect);
    return sql.render(sql.dsl().createTable("t").column("c", type));
  }

  private static String error(TypeCases.Revision revision, int column, Dialect dialect) {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> DataTypes.of(
        revision.columns().get(column).type(), dialect, SqlContext.forDialect(dialect),
        TypeCases.MODEL, revision.columnSite(column)));
    return e.format();
  }

  /** The type of {@code c} in {@code CREATE TABLE t (c <written>)}, parsed. */
  static DataType type(String written) {
    return TypeCases.revision("CREATE TABLE t (c " + written + ");\n").columns().getFirst().type();
  }
}
