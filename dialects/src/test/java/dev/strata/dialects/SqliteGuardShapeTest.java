package dev.strata.dialects;

import static org.jooq.impl.DSL.inline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.VersionTableOp;
import java.util.List;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** SQLite's row-count checks, filled in from a shape rendered once, are jOOQ's own rendering. */
class SqliteGuardShapeTest {
  @Test
  void filledCheckIsWhatJooqRenders() {
    SqlContext sql = SqlContext.forDialect(Dialect.SQLITE);
    for (String table : List.of("alembic_version", "\"Odd \"\"table\"\"\"")) {
      SqliteGuard guard = new SqliteGuard(sql, DSL.unquotedName("alembic_version"), table);
      assertTrue(guard.oneRowFilled(), "the shape is cut, not rendered each time");
      for (String id : List.of("a1", "it's", "q\"uote", "b`tick", "ü∑😀", "100%",
          "strata slot message")) {
        for (VersionTableOp op : List.<VersionTableOp>of(
            new VersionTableOp.UpdateHead("base_" + id, id), new VersionTableOp.DeleteHead(id))) {
          String what = op instanceof VersionTableOp.UpdateHead u
              ? "update " + u.from() + " -> " + u.to()
              : "delete of " + ((VersionTableOp.DeleteHead) op).revision();
          SqliteCheck<Integer> check = new SqliteCheck<>(sql, SQLDataType.INTEGER, value -> List.of(
              new SqliteCheck.Rule("strata: version-table " + what + " changed 0 rows of " + table
                  + ", expected 1", value.eq(inline(1)))));
          List<String> expected = List.of(check.define(), "UPDATE x",
              check.run(DSL.function(DSL.unquotedName("changes"), SQLDataType.INTEGER)));
          assertEquals(expected, guard.exactlyOneRow("UPDATE x", op), table + " " + id);
        }
      }
    }
  }
}
