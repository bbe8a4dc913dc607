package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.IndexElement.NullsOrder;
import dev.strata.grammar.ast.IndexElement.SortOrder;
import dev.strata.grammar.ast.StorageParameter;
import java.util.List;
import java.util.Optional;

/**
 * Builds the keys of an index or of a {@code PARTITION BY} ({@link IndexElement}: column or
 * expression, collation, operator class, order, nulls order) and {@code WITH (...)} lists of
 * {@link StorageParameter}s.
 */
final class IndexElementBuilder extends StrataParserBaseVisitor<IndexElement> {
  private final SourceText source;
  private final Names names;

  IndexElementBuilder(SourceText source, Names names) {
    this.source = source;
    this.names = names;
  }

  @Override
  public IndexElement visitColumnKey(StrataParser.ColumnKeyContext context) {
    return element(Optional.of(names.identifier(context.column)), Optional.empty(),
        context.options);
  }

  @Override
  public IndexElement visitExpressionKey(StrataParser.ExpressionKeyContext context) {
    return element(Optional.empty(), Optional.of(source.expr(context.expression)),
        context.options);
  }

  /** {@code lower(email)}: the call is the expression, kept as written. */
  @Override
  public IndexElement visitFunctionKey(StrataParser.FunctionKeyContext context) {
    Expr call = new Expr(
        source.text(context.function.getStart(), context.RPAREN().getSymbol()),
        source.span(context.getStart(), context.RPAREN().getSymbol()));
    return element(Optional.empty(), Optional.of(call), context.options);
  }

  /** The parameters of a {@code WITH (...)} list; empty when the list is absent. */
  List<StorageParameter> parameters(StrataParser.StorageParametersContext context) {
    return context == null
        ? List.of()
        : context.storageParameter().stream()
            .map(p -> new StorageParameter(names.qualified(p.name),
                Optional.ofNullable(p.value).map(source::expr)))
            .toList();
  }

  private IndexElement element(Optional<dev.strata.grammar.ast.Identifier> column,
      Optional<Expr> expression, StrataParser.KeyOptionsContext options) {
    return new IndexElement(
        column,
        expression,
        Optional.ofNullable(options.collation).map(names::qualified),
        Optional.ofNullable(options.opclass).map(names::qualified),
        parameters(options.opclassParameters),
        order(options.order),
        nulls(options));
  }

  private static SortOrder order(StrataParser.SortOrderContext context) {
    if (context == null) {
      return SortOrder.DEFAULT;
    }
    return context.ASC() != null ? SortOrder.ASC : SortOrder.DESC;
  }

  private static NullsOrder nulls(StrataParser.KeyOptionsContext context) {
    if (context.NULLS() == null) {
      return NullsOrder.DEFAULT;
    }
    return context.first != null ? NullsOrder.FIRST : NullsOrder.LAST;
  }
}
