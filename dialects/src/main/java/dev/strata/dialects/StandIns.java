package dev.strata.dialects;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.impl.DSL;

/**
 * Hand-written constraints ({@link ConstraintSql}) inside statements that jOOQ builds ({@code
 * CREATE TABLE}, {@code ALTER TABLE ... ADD}): jOOQ renders a stand-in constraint where the
 * hand-written one goes, and {@link #apply} replaces each stand-in's text, which jOOQ renders the
 * same alone and inside the statement, by the hand-written text. This keeps the columns and the
 * other constraints jOOQ's, and the constraints in their written order. One instance per statement.
 */
final class StandIns {
  private final SqlContext sql;
  private final List<String> standIns = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();

  StandIns(SqlContext sql) {
    this.sql = sql;
  }

  /** A stand-in for the constraint whose SQL is {@code text}. */
  Constraint add(String text) {
    Constraint standIn =
        DSL.constraint(DSL.quotedName("strata stand-in #" + standIns.size() + " 5f3d9c"))
            .check(DSL.condition(DSL.raw("true")));
    standIns.add(sql.render(standIn));
    texts.add(text);
    return standIn;
  }

  /** {@code rendered} with every stand-in replaced by its constraint's SQL. */
  String apply(String rendered) {
    String out = rendered;
    for (int i = 0; i < standIns.size(); i++) {
      String standIn = standIns.get(i);
      int at = out.indexOf(standIn);
      if (at < 0 || out.indexOf(standIn, at + 1) >= 0) {
        throw new IllegalStateException("stand-in not rendered exactly once: " + rendered);
      }
      out = out.substring(0, at) + texts.get(i) + out.substring(at + standIn.length());
    }
    return out;
  }
}
