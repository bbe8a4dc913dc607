package dev.strata.dialects;

import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Operation.AlterSequence;
import dev.strata.grammar.ast.Operation.CreateSequence;
import dev.strata.grammar.ast.Operation.DropSequence;
import dev.strata.grammar.ast.Operation.RenameSequence;
import dev.strata.grammar.ast.SequenceOption;
import java.util.List;
import org.jooq.AlterSequenceFlagsStep;
import org.jooq.CreateSequenceFlagsStep;
import org.jooq.Name;
import org.jooq.impl.SQLDataType;

/**
 * {@code CREATE SEQUENCE}, {@code ALTER SEQUENCE} and {@code DROP SEQUENCE}, built with jOOQ, which
 * writes the options in its own fixed order (PostgreSQL takes them in any order). What jOOQ lacks
 * is hand-written in {@link SequenceOptionSql}: {@code OWNED BY} (appended after jOOQ's options),
 * and {@code DROP SEQUENCE} of several sequences or with {@code CASCADE}/{@code RESTRICT}.
 */
final class SequenceStatements {
  private final SqlContext sql;

  SequenceStatements(SqlContext sql) {
    this.sql = sql;
  }

  String createSequence(CreateSequence create) {
    Name name = SqlContext.name(create.sequence());
    var start =
        create.ifNotExists()
            ? sql.dsl().createSequenceIfNotExists(name)
            : sql.dsl().createSequence(name);
    // jOOQ takes AS first, before the flags
    CreateSequenceFlagsStep<Number> step =
        create.options().stream()
            .filter(o -> o instanceof SequenceOption.As)
            .map(o -> start.as(type(((SequenceOption.As) o).type())))
            .findFirst()
            .orElse(start);
    for (SequenceOption option : create.options()) {
      step =
          switch (option) {
            case SequenceOption.As as -> step;
            case SequenceOption.IncrementBy increment -> step.incrementBy(increment.value());
            case SequenceOption.MinValue min ->
                min.value().isPresent() ? step.minvalue(min.value().get()) : step.noMinvalue();
            case SequenceOption.MaxValue max ->
                max.value().isPresent() ? step.maxvalue(max.value().get()) : step.noMaxvalue();
            case SequenceOption.StartWith startWith -> step.startWith(startWith.value());
            case SequenceOption.Cache cache -> step.cache(cache.value());
            case SequenceOption.Cycle cycle -> cycle.cycle() ? step.cycle() : step.noCycle();
            // appended below; RESTART and SEQUENCE NAME are refused by the parser here
            case SequenceOption.OwnedBy owned -> step;
            case SequenceOption.Restart restart -> step;
            case SequenceOption.SequenceName sequenceName -> step;
          };
    }
    return sql.render(step) + ownedBy(create.options());
  }

  String alterSequence(AlterSequence alter) {
    Name name = SqlContext.name(alter.sequence());
    AlterSequenceFlagsStep<Number> step =
        alter.ifExists() ? sql.dsl().alterSequenceIfExists(name) : sql.dsl().alterSequence(name);
    boolean typed = false;
    for (SequenceOption option : alter.options()) {
      step =
          switch (option) {
            case SequenceOption.IncrementBy increment -> step.incrementBy(increment.value());
            case SequenceOption.MinValue min ->
                min.value().isPresent() ? step.minvalue(min.value().get()) : step.noMinvalue();
            case SequenceOption.MaxValue max ->
                max.value().isPresent() ? step.maxvalue(max.value().get()) : step.noMaxvalue();
            case SequenceOption.StartWith startWith -> step.startWith(startWith.value());
            case SequenceOption.Restart restart ->
                restart.value().isPresent()
                    ? step.restartWith(restart.value().get())
                    : step.restart();
            case SequenceOption.Cache cache -> step.cache(cache.value());
            case SequenceOption.Cycle cycle -> cycle.cycle() ? step.cycle() : step.noCycle();
            // jOOQ's ALTER SEQUENCE has no AS: appended below, as OWNED BY
            case SequenceOption.As as -> step;
            case SequenceOption.OwnedBy owned -> step;
            case SequenceOption.SequenceName sequenceName -> step;
          };
    }
    String as =
        alter.options().stream()
            .filter(o -> o instanceof SequenceOption.As)
            .map(o -> " " + SequenceOptionSql.option(sql, o))
            .findFirst()
            .orElse("");
    return sql.render(step) + as + ownedBy(alter.options());
  }

  String renameSequence(RenameSequence rename) {
    Name name = SqlContext.name(rename.sequence());
    var step =
        rename.ifExists() ? sql.dsl().alterSequenceIfExists(name) : sql.dsl().alterSequence(name);
    return sql.render(step.renameTo(SqlContext.name(rename.newName())));
  }

  String dropSequence(DropSequence drop) {
    List<Name> names = drop.sequences().stream().map(SqlContext::name).toList();
    if (names.size() > 1 || drop.cascade()) {
      return SequenceOptionSql.dropSequences(sql, names, drop.ifExists(), drop.cascade());
    }
    Name name = names.getFirst();
    return sql.render(
        drop.ifExists() ? sql.dsl().dropSequenceIfExists(name) : sql.dsl().dropSequence(name));
  }

  private String ownedBy(List<SequenceOption> options) {
    return options.stream()
        .filter(o -> o instanceof SequenceOption.OwnedBy)
        .map(o -> " " + SequenceOptionSql.option(sql, o))
        .findFirst()
        .orElse("");
  }

  /** The parser allows only the integer types after {@code AS}. */
  @SuppressWarnings("unchecked")
  private static org.jooq.DataType<Number> type(DataType type) {
    org.jooq.DataType<?> out =
        switch (type.kind()) {
          case SMALLINT -> SQLDataType.SMALLINT;
          case INTEGER -> SQLDataType.INTEGER;
          default -> SQLDataType.BIGINT;
        };
    return (org.jooq.DataType<Number>) out;
  }
}
