package dev.strata.dialects;

import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.DiagnosticException;
import java.util.Optional;

/**
 * What an {@code ALTER TYPE ... ADD VALUE} would leave stale in MySQL, MariaDB or SQLite: a check
 * or a view that orders the type's values ({@code status < 'shipped'}) holds the labels'
 * positions as strata wrote them then ({@code (status + 0) < 3}, or SQLite's {@code CASE status
 * WHEN ... END}: {@code EnumOrderRules.translate}). PostgreSQL's follows the new label; the
 * server keeps the text it was given. Such an object is found by translating its text with the
 * schema model before and after the statement: the two differ exactly where positions were
 * written that the new label moves (or, in SQLite's {@code CASE}, where the new label is
 * missing).
 */
final class MovedLabels {
  private MovedLabels() {}

  /**
   * The first check or generated column ({@code checks}: MySQL and MariaDB keep their text,
   * SQLite's rebuild writes them again) of a table with a column of {@code type}, or view reading
   * such a table directly or through other views, whose translation differs between {@code
   * before} and {@code after}: "check c of table t", "generated column g of table t", "view v";
   * empty when there is none. A text that one of the models refuses to translate counts as
   * different (it translated when it was made: what changed since is the model).
   */
  static Optional<String> stale(ObjectName type, Expressions expressions, boolean checks,
      SchemaModel before, SchemaModel after, Site site) {
    Expressions old = expressions.with(before);
    Expressions now = expressions.with(after);
    for (Table table : before.typeUsers(type)) {
      if (checks) {
        for (Constraint constraint : table.constraints()) {
          if (constraint instanceof Constraint.Check check
              && differs(() -> old.conditionText(check.condition(), site),
                  () -> now.conditionText(check.condition(), site))) {
            return Optional.of("check " + ObjectName.quoted(check.name()) + " of table "
                + table.name().display());
          }
        }
        for (dev.strata.compiler.schema.Column column : table.columns()) {
          if (column.generated().isPresent()
              && differs(() -> old.text(column.generated().get(), site),
                  () -> now.text(column.generated().get(), site))) {
            return Optional.of("generated column " + ObjectName.quoted(column.name())
                + " of table " + table.name().display());
          }
        }
      }
      for (View view : References.readers(table.name(), before)) {
        if (differs(() -> old.viewQuery(view.definition().query(), site),
            () -> now.viewQuery(view.definition().query(), site))) {
          return Optional.of("view " + view.name().display());
        }
      }
    }
    return Optional.empty();
  }

  /** A translation that may be refused. */
  private interface Text {
    String get() throws DiagnosticException;
  }

  private static boolean differs(Text before, Text after) {
    try {
      return !before.get().equals(after.get());
    } catch (DiagnosticException refused) {
      return true;
    }
  }
}
