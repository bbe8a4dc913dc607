package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** The progress records filled in from a shape cut once are jOOQ's own rendering. */
class ProgressTest {
  @Test
  void recordedInsertIsWhatJooqRenders() {
    SqlContext sql = SqlContext.forDialect(Dialect.POSTGRESQL);
    for (Optional<String> schema : List.of(Optional.<String>empty(), Optional.of("Ops"))) {
      ScriptOptions options = new ScriptOptions("alembic_version", schema, "test");
      for (String runId : List.of("ab12", "1234567891", "it's")) {
        Progress progress = new Progress(sql, options, runId);
        Table<?> table = DSL.table(schema
            .map(s -> DSL.name(VersionTable.plainName(s), DSL.unquotedName(Progress.TABLE)))
            .orElse(DSL.unquotedName(Progress.TABLE)));
        for (int number : new int[] {2, 3, 10, 99_999, 987_654_321, 1_234_567_891}) {
          String expected = sql.render(sql.dsl().insertInto(table,
                  DSL.field(DSL.unquotedName("run_id"), SQLDataType.VARCHAR(64)),
                  DSL.field(DSL.unquotedName("segment"), SQLDataType.INTEGER))
              .values(DSL.inline(runId), DSL.inline(number)));
          assertEquals(List.of(expected), progress.record(number, Integer.MAX_VALUE),
              runId + " " + number);
        }
      }
    }
  }
}
