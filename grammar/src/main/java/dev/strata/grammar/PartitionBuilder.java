package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.PartitionBound;
import dev.strata.grammar.ast.PartitionSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@code PARTITION BY} clauses and partition bounds, refusing (E0133) what PostgreSQL's
 * parse analysis refuses: a strategy other than RANGE, LIST and HASH, a key with an order, and a
 * hash bound without exactly one {@code MODULUS} and one {@code REMAINDER} with {@code 0 <=
 * remainder < modulus}.
 */
final class PartitionBuilder extends StrataParserBaseVisitor<PartitionBound> {
  private final SourceText source;
  private final IndexElementBuilder keys;

  PartitionBuilder(SourceText source, IndexElementBuilder keys) {
    this.source = source;
    this.keys = keys;
  }

  /** The {@code PARTITION BY} clause, when written. */
  Optional<PartitionSpec> spec(StrataParser.PartitionByContext context) {
    if (context == null) {
      return Optional.empty();
    }
    String word = context.strategy.getText().toUpperCase(Locale.ROOT);
    PartitionSpec.Strategy strategy;
    try {
      strategy = PartitionSpec.Strategy.valueOf(word);
    } catch (IllegalArgumentException unknown) {
      throw ParseCode.PARTITION_CLAUSE.fail(source.file(), source.span(context.strategy.getStart()),
          "unknown partition strategy '" + context.strategy.getText() + "'",
          "help: write PARTITION BY RANGE, PARTITION BY LIST or PARTITION BY HASH");
    }
    List<IndexElement> elements = context.indexElement().stream().map(keys::visit).toList();
    for (int i = 0; i < elements.size(); i++) {
      IndexElement key = elements.get(i);
      if (key.order() != IndexElement.SortOrder.DEFAULT
          || key.nulls() != IndexElement.NullsOrder.DEFAULT) {
        throw ParseCode.PARTITION_CLAUSE.fail(source.file(),
            source.span(context.indexElement(i).getStart()),
            "a partition key has no ASC, DESC or NULLS order",
            "help: remove the order; give it to an index on the partitioned table instead");
      }
    }
    return Optional.of(new PartitionSpec(strategy, elements));
  }

  @Override
  public PartitionBound visitListBound(StrataParser.ListBoundContext context) {
    return new PartitionBound.In(context.expr().stream().map(source::expr).toList());
  }

  @Override
  public PartitionBound visitRangeBound(StrataParser.RangeBoundContext context) {
    if (context.from.size() != context.to.size()) {
      throw ParseCode.PARTITION_CLAUSE.fail(source.file(), source.span(context.TO().getSymbol()),
          "FROM has " + context.from.size() + " value(s) but TO has " + context.to.size(),
          "help: give FROM and TO one value per partition key");
    }
    return new PartitionBound.Range(
        context.from.stream().map(source::expr).toList(),
        context.to.stream().map(source::expr).toList());
  }

  @Override
  public PartitionBound visitHashBound(StrataParser.HashBoundContext context) {
    Map<String, Integer> values = new HashMap<>();
    for (StrataParser.HashBoundItemContext item : context.hashBoundItem()) {
      String name = item.name.getText().toLowerCase(Locale.ROOT);
      if (!name.equals("modulus") && !name.equals("remainder")
          || values.containsKey(name)) {
        throw ParseCode.PARTITION_CLAUSE.fail(source.file(), source.span(item.getStart()),
            values.containsKey(name)
                ? name.toUpperCase(Locale.ROOT) + " is written twice"
                : "unknown hash partition bound '" + item.name.getText() + "'",
            "help: write FOR VALUES WITH (MODULUS m, REMAINDER r)");
      }
      int value;
      try {
        value = Integer.parseInt(item.value.getText());
      } catch (NumberFormatException tooLarge) {
        value = Integer.MAX_VALUE;
      }
      values.put(name, value);
    }
    Integer modulus = values.get("modulus");
    Integer remainder = values.get("remainder");
    if (modulus == null || remainder == null || modulus < 1 || remainder >= modulus) {
      throw ParseCode.PARTITION_CLAUSE.fail(source.file(),
          source.span(context.getStart(), context.getStop()),
          modulus == null || remainder == null
              ? "a hash partition bound needs both MODULUS and REMAINDER"
              : "a hash partition bound needs a MODULUS above 0 and a REMAINDER below it",
          "help: write FOR VALUES WITH (MODULUS m, REMAINDER r) with 0 <= r < m");
    }
    return new PartitionBound.Hash(modulus, remainder);
  }

  @Override
  public PartitionBound visitDefaultBound(StrataParser.DefaultBoundContext context) {
    return new PartitionBound.Default();
  }
}
