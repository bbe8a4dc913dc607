package dev.strata.dialects;

import dev.strata.grammar.ast.SequenceOption;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Sequence options and statements jOOQ 3.20 cannot build, hand-written: {@code OWNED BY
 * t.c}/{@code OWNED BY NONE} and {@code ALTER SEQUENCE ... AS type} (jOOQ has neither), the
 * options of an identity column ({@code GENERATED ... AS IDENTITY (options)}, {@code ALTER COLUMN
 * ... SET option}: jOOQ renders identities without options), and {@code DROP SEQUENCE} of several
 * names or with {@code CASCADE} (jOOQ's drop takes one name and no behaviour).
 */
final class SequenceOptionSql {
  private SequenceOptionSql() {}

  /** One option as PostgreSQL writes it, e.g. {@code START WITH 1}, {@code NO MINVALUE}. */
  static String option(SqlContext sql, SequenceOption option) {
    return switch (option) {
      case SequenceOption.As as -> "AS " + sql.typeName(DataTypes.of(as.type(), sql));
      case SequenceOption.IncrementBy increment -> "INCREMENT BY " + increment.value();
      case SequenceOption.MinValue min -> min.value().map(v -> "MINVALUE " + v).orElse("NO MINVALUE");
      case SequenceOption.MaxValue max -> max.value().map(v -> "MAXVALUE " + v).orElse("NO MAXVALUE");
      case SequenceOption.StartWith start -> "START WITH " + start.value();
      case SequenceOption.Restart restart ->
          restart.value().map(v -> "RESTART WITH " + v).orElse("RESTART");
      case SequenceOption.Cache cache -> "CACHE " + cache.value();
      case SequenceOption.Cycle cycle -> cycle.cycle() ? "CYCLE" : "NO CYCLE";
      case SequenceOption.OwnedBy owned ->
          owned.table().isEmpty()
              ? "OWNED BY NONE"
              : "OWNED BY "
                  + sql.render(
                      DSL.name(SqlContext.name(owned.table().get()),
                          SqlContext.name(owned.column().get())));
      case SequenceOption.SequenceName name -> "SEQUENCE NAME " + sql.render(SqlContext.name(name.name()));
    };
  }

  /** The options in written order, space-separated. */
  static String options(SqlContext sql, List<SequenceOption> options) {
    return options.stream().map(o -> option(sql, o)).collect(Collectors.joining(" "));
  }

  static String dropSequences(SqlContext sql, List<Name> names, boolean ifExists, boolean cascade) {
    return "DROP SEQUENCE "
        + (ifExists ? "IF EXISTS " : "")
        + names.stream().map(sql::render).collect(Collectors.joining(", "))
        + (cascade ? " CASCADE" : "");
  }
}
