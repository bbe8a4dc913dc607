package dev.strata.dialects;

import dev.strata.compiler.schema.EnumType;
import dev.strata.dialects.ExpressionTranslator.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;

/**
 * The enum orderings of {@link TranslationRules}: PostgreSQL orders an enum type's values by its
 * labels (the order of {@code CREATE TYPE}, with {@code ADD VALUE BEFORE} and {@code AFTER});
 * MySQL and MariaDB compare an {@code ENUM} with a text as text, and SQLite holds the labels as
 * text. A comparison that orders such values is written with the labels' positions, or refused
 * ({@link Refusal}, E0434) where strata cannot tell them. docs/dialects.md ("Enum types") lists
 * the rules.
 */
final class EnumOrderRules {
  private final Dialect dialect;
  /** A PostgreSQL context, to tell {@code NOT BETWEEN} from {@code BETWEEN} ({@link #negated}). */
  private final DSLContext postgres;
  /** Whether a cast's type names an enum type of the model. */
  private final Predicate<DataType<?>> enumType;

  EnumOrderRules(Dialect dialect, DSLContext postgres, Predicate<DataType<?>> enumType) {
    this.dialect = dialect;
    this.postgres = postgres;
    this.enumType = enumType;
  }

  /**
   * A comparison that orders enum values ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code
   * BETWEEN}) of a column of an enum type ({@link ValueKinds#enumType}): PostgreSQL orders the
   * values by the type's labels (the order of {@code CREATE TYPE}, with {@code ADD VALUE BEFORE}
   * and {@code AFTER}); MySQL and MariaDB compare an {@code ENUM} with text as text, and SQLite
   * holds the labels as text, so {@code mood < 'happy'} would compare letters. Each operand is
   * written as its label's position ({@link #position}). An operand that is neither a label of
   * the type nor a column of it is refused, and so are {@code greatest()}, {@code least()}, {@code
   * max()} and {@code min()} of such a column (the largest text is not the last label). Empty for
   * anything else. An {@code ORDER BY} of such a column is SQLite's only (a {@link SortField} by
   * the position, in {@link TranslationRules}): MySQL and MariaDB sort an {@code ENUM} by position.
   *
   * @param kinds the kinds of the expression's values
   * @throws Refusal for an ordering strata cannot write with positions
   */
  @SuppressWarnings("unchecked")
  Optional<QueryPart> translate(QueryPart part, ValueKinds kinds) {
    List<Field<?>> operands = switch (part) {
      case QOM.Lt<?> lt -> List.of(lt.$arg1(), lt.$arg2());
      case QOM.Le<?> le -> List.of(le.$arg1(), le.$arg2());
      case QOM.Gt<?> gt -> List.of(gt.$arg1(), gt.$arg2());
      case QOM.Ge<?> ge -> List.of(ge.$arg1(), ge.$arg2());
      case QOM.Between<?> between -> List.of(between.$arg1(), between.$arg2(), between.$arg3());
      case QOM.Greatest<?> greatest -> greatest.$arg1().stream().<Field<?>>map(f -> f).toList();
      case QOM.Least<?> least -> least.$arg1().stream().<Field<?>>map(f -> f).toList();
      case QOM.Max<?> max -> List.of(max.$field());
      case QOM.Min<?> min -> List.of(min.$field());
      default -> List.of();
    };
    Optional<EnumType> type = operands.stream()
        .map(f -> kinds.enumType(f)).flatMap(Optional::stream).findFirst();
    if (type.isEmpty()) {
      refuseUncertain(operands, "an ordering comparison", kinds);
      return Optional.empty();
    }
    String name = type.get().name().display();
    if (part instanceof QOM.Greatest<?> || part instanceof QOM.Least<?>
        || part instanceof QOM.Max<?> || part instanceof QOM.Min<?>) {
      String function = part instanceof QOM.Greatest<?> ? "greatest"
          : part instanceof QOM.Least<?> ? "least" : part instanceof QOM.Max<?> ? "max" : "min";
      throw new Refusal(function + "() of an enum has no translation", List.of(function),
          "PostgreSQL orders " + name + "'s values by its labels; " + dialect.id()
              + " would compare their texts",
          "compare with the labels: CASE WHEN x > y THEN x ELSE y END");
    }
    List<Field<Integer>> positions = new java.util.ArrayList<>();
    for (Field<?> operand : operands) {
      Optional<Field<Integer>> position = position(operand, type.get(), kinds);
      if (position.isEmpty()) {
        throw new Refusal("an ordering comparison of an enum has no translation here",
            List.of("<", ">", "between"), "PostgreSQL orders " + name + "'s values by its labels,"
                + " and strata writes their positions only for a label written as a literal and"
                + " a column of the type; " + dialect.id() + " would compare texts",
            "compare the column with labels of " + name + " written as literals");
      }
      positions.add(position.get());
    }
    Field<Integer> a = positions.get(0);
    Field<Integer> b = positions.get(1);
    return Optional.of(switch (part) {
      case QOM.Lt<?> lt -> a.lt(b);
      case QOM.Le<?> le -> a.le(b);
      case QOM.Gt<?> gt -> a.gt(b);
      case QOM.Ge<?> ge -> a.ge(b);
      case QOM.Between<?> between -> {
        org.jooq.Condition positive = between.$symmetric()
            ? a.betweenSymmetric(b).and(positions.get(2))
            : a.between(b).and(positions.get(2));
        yield negated(between) ? DSL.not(positive) : positive;
      }
      default -> throw new IllegalStateException("not an ordering comparison: " + part);
    });
  }

  /**
   * Whether {@code between} is {@code NOT BETWEEN}: jOOQ 3.20's {@link QOM.Between} keeps the
   * {@code NOT} in a field it does not show, so the condition is rendered beside the same
   * operands' {@code BETWEEN} and compared.
   */
  @SuppressWarnings("unchecked")
  private boolean negated(QOM.Between<?> between) {
    Field<Object> value = (Field<Object>) between.$arg1();
    Field<Object> low = (Field<Object>) between.$arg2();
    Field<Object> high = (Field<Object>) between.$arg3();
    org.jooq.Condition positive = between.$symmetric()
        ? value.betweenSymmetric(low).and(high) : value.between(low).and(high);
    return !postgres.render(positive).equals(postgres.render(between));
  }

  /**
   * Refuses {@code what} when one of {@code operands} is a column that is of an enum type in one
   * of the model's tables but not of that one type in all of them ({@link
   * ValueKinds#mayBeEnum}) where the expression's own tables are not known ({@link
   * ValueKinds.Home}: an expression with a subquery), and PostgreSQL would order its values by the
   * labels where the other dialects compare texts.
   */
  void refuseUncertain(List<? extends Field<?>> operands, String what, ValueKinds kinds) {
    for (Field<?> operand : operands) {
      if (kinds.mayBeEnum(operand) && kinds.enumType(operand).isEmpty()) {
        String name = operand.getName();
        throw new Refusal(what + " of " + name + " has no translation",
            List.of(name.toLowerCase(Locale.ROOT)), "a column " + name + " is of an enum type in"
                + " one table and of another type in another, and strata cannot tell this"
                + " expression's table: PostgreSQL would order an enum's values by its labels,"
                + " " + dialect.id() + " by their texts",
            "give the columns different names, or write this statement for " + dialect.id()
                + " in a '-- +dialect' block");
      }
    }
  }

  /**
   * The position (from 1) of {@code operand}'s value among the labels of {@code type}: a literal
   * label ({@code 'happy'}, {@code 'happy'::mood}) as its number; a column of the type as
   * MySQL's and MariaDB's {@code ENUM} index ({@code col + 0}, which follows the labels' order:
   * strata writes the {@code ENUM} in the type's order), or in SQLite as {@code CASE col WHEN
   * 'sad' THEN 1 ... END}. Empty for anything else: a text that is no label (PostgreSQL refuses
   * it), another expression.
   */
  @SuppressWarnings("unchecked")
  Optional<Field<Integer>> position(Field<?> operand, EnumType type, ValueKinds kinds) {
    Field<?> value = operand instanceof QOM.Cast<?> cast && cast.getDataType().isOther()
        && enumType.test(cast.getDataType()) ? cast.$field() : operand;
    Optional<String> label = TranslationRules.literal(value);
    if (label.isPresent()) {
      int index = type.values().indexOf(label.get());
      return index < 0 ? Optional.empty() : Optional.of(DSL.inline(index + 1));
    }
    if (type.values().isEmpty() || kinds.enumType(value).filter(type::equals).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(switch (dialect) {
      case POSTGRESQL -> throw new IllegalStateException("PostgreSQL's expressions are as written");
      case MYSQL, MARIADB ->
          ((Field<Object>) value).plus(DSL.inline(0)).coerce(SQLDataType.INTEGER);
      case SQLITE -> {
        org.jooq.CaseValueStep<Object> labels = DSL.choose((Field<Object>) value);
        org.jooq.CaseWhenStep<Object, Integer> cases = null;
        for (int i = 0; i < type.values().size(); i++) {
          Field<Object> text = (Field<Object>) (Field<?>) DSL.inline(type.values().get(i));
          cases = cases == null ? labels.when(text, DSL.inline(i + 1))
              : cases.when(text, DSL.inline(i + 1));
        }
        yield cases;
      }
    });
  }
}
