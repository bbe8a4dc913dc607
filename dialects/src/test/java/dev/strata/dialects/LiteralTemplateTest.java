package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.VersionTableOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * The version-table statements filled in from {@link LiteralTemplate}s are byte for byte what jOOQ
 * renders for the same statement with the values inlined, in every dialect, for values an attacker
 * would pick (quotes, backslashes, both in runs, the sentinel's own characters, NUL, line breaks,
 * non-ASCII, unpaired surrogates) and for table names that are quoted, qualified or contain
 * quotes.
 */
class LiteralTemplateTest {
  private static final List<String> NASTY = List.of(
      "", "0001", "a'b", "'", "''", "'''", "a\\b", "\\", "\\\\", "\\'", "'\\", "a\\'; DROP TABLE x;--",
      "x' OR '1'='1", "\u0000", "a\u0000b", "line\nbreak", "cr\rlf\n", "tab\t", "\u001a", "\u007f",
      "é😀", "\ud800", "\udc00x", "strata\u0001slot\u00010\u0001", "'strata\u0001slot\u00011\u0001'",
      "$1", "?", ":x", "%s", "{0}", "E'\\n'", "\"quoted\"", "`back`", "${x}", "--", "/*", "*/",
      "p'r\\o''b\\\\e'0");

  private static final List<ScriptOptions> TABLES = List.of(
      ScriptOptions.defaults("test"),
      new ScriptOptions("Schema 100% Versions", Optional.of("O'ps"), "test"),
      new ScriptOptions("ver'sions\\", Optional.of("a\"b"), "test"),
      new ScriptOptions("'p'r\\o''b\\\\e'0'", Optional.of("''"), "test"));

  @Test
  void everyOpIsWhatJooqRendersForNastyValues() {
    List<String> values = new ArrayList<>(NASTY);
    Random random = new Random(13);
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(12);
      for (int j = 0; j < n; j++) {
        s.append(random.nextInt(4) == 0 ? "'\\\u0000\n\u0001é"
            .charAt(random.nextInt(6)) : (char) random.nextInt(0x3000));
      }
      values.add(s.toString());
    }
    int checked = 0;
    for (Dialect dialect : Dialect.values()) {
      SqlContext sql = SqlContext.forDialect(dialect);
      for (ScriptOptions options : TABLES) {
        VersionTable table = new VersionTable(sql, options);
        Jooq jooq = new Jooq(sql, options);
        for (int i = 0; i < values.size(); i++) {
          String a = values.get(i);
          String b = values.get((i * 7 + 3) % values.size());
          for (VersionTableOp op : List.<VersionTableOp>of(new VersionTableOp.InsertHead(a),
              new VersionTableOp.UpdateHead(a, b), new VersionTableOp.DeleteHead(b))) {
            assertEquals(jooq.render(op), table.render(op), dialect + " " + options.versionTable()
                + " " + op);
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 4 * 4 * 300 * 3);
  }

  @Test
  void theTemplatesAreFilledWithoutJooqForTheUsualTables() {
    for (Dialect dialect : Dialect.values()) {
      SqlContext sql = SqlContext.forDialect(dialect);
      for (ScriptOptions options : TABLES) {
        for (LiteralTemplate template : new VersionTable(sql, options).templates()) {
          assertTrue(template.filled(), dialect + " " + options.versionTable());
        }
      }
    }
  }

  @Test
  void aShapeThatShowsTheSentinelTwiceFallsBackToJooq() {
    SqlContext sql = SqlContext.forDialect(Dialect.POSTGRESQL);
    LiteralTemplate odd = LiteralTemplate.of(sql, 1, v -> DSL.select(v.get(0),
        DSL.inline("strata\u0001slot\u00010\u0001")));
    assertFalse(odd.filled());
    assertEquals("SELECT 'it''s', 'strata\u0001slot\u00010\u0001'", odd.fill("it's"));
  }

  @Test
  void literalsQuoteAsEachDialectDoes() {
    assertEquals("'a''b\\c'", LiteralTemplate.of(SqlContext.forDialect(Dialect.POSTGRESQL), 1,
        v -> DSL.select(v.get(0))).literal("a'b\\c"));
    assertEquals("'a''b\\\\c'", LiteralTemplate.of(SqlContext.forDialect(Dialect.MYSQL), 1,
        v -> DSL.select(v.get(0))).literal("a'b\\c"));
    assertEquals("'a''b\\\\c'", LiteralTemplate.of(SqlContext.forDialect(Dialect.MARIADB), 1,
        v -> DSL.select(v.get(0))).literal("a'b\\c"));
    assertEquals("'a''b\\c'", LiteralTemplate.of(SqlContext.forDialect(Dialect.SQLITE), 1,
        v -> DSL.select(v.get(0))).literal("a'b\\c"));
  }

  /** The version-table statements as they were rendered before templates: jOOQ for each op. */
  private record Jooq(SqlContext sql, Table<?> table, Field<String> column,
      Field<String> qualified) {
    Jooq(SqlContext sql, ScriptOptions options) {
      this(sql, name(options), options);
    }

    private Jooq(SqlContext sql, Name name, ScriptOptions options) {
      this(sql, DSL.table(name), DSL.field(DSL.unquotedName("version_num"), SQLDataType.VARCHAR(32)),
          DSL.field(name.append("version_num"), SQLDataType.VARCHAR(32)));
    }

    private static Name name(ScriptOptions options) {
      Name name = VersionTable.plainName(options.versionTable());
      return options.versionTableSchema()
          .map(schema -> DSL.name(VersionTable.plainName(schema), name)).orElse(name);
    }

    String render(VersionTableOp op) {
      return switch (op) {
        case VersionTableOp.InsertHead insert ->
            sql.render(sql.dsl().insertInto(table, column).values(DSL.inline(insert.revision())));
        case VersionTableOp.UpdateHead update -> sql.render(sql.dsl().update(table)
            .set(column, DSL.inline(update.to()))
            .where(qualified.eq(DSL.inline(update.from()))));
        case VersionTableOp.DeleteHead delete -> sql.render(
            sql.dsl().deleteFrom(table).where(qualified.eq(DSL.inline(delete.revision()))));
      };
    }
  }
}
