package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.IndexElement.SortOrder;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link Operation} of one statement of the neutral subset from its parse tree. */
final class OperationBuilder extends StrataParserBaseVisitor<Operation> {
  private final SourceText source;
  private final Names names;
  private final ColumnBuilder columns;
  private final TableConstraintBuilder constraints;
  private final AlterActionBuilder alterActions;
  private final IndexElementBuilder indexElements = new IndexElementBuilder();
  private final DataStatementBuilder dataStatements;

  OperationBuilder(SourceText source) {
    this.source = source;
    this.names = new Names(source);
    DataTypeBuilder types = new DataTypeBuilder(source);
    this.constraints = new TableConstraintBuilder(source, names);
    this.columns = new ColumnBuilder(source, names, types, constraints);
    this.alterActions = new AlterActionBuilder(source, names, types, columns, constraints);
    this.dataStatements = new DataStatementBuilder(source, names);
  }

  @Override
  public Operation visitCreateTable(StrataParser.CreateTableContext context) {
    List<ColumnDef> columnDefs = new ArrayList<>();
    List<TableConstraint> tableConstraints = new ArrayList<>();
    for (StrataParser.TableElementContext element : context.tableElement()) {
      if (element instanceof StrataParser.ColumnElementContext column) {
        columnDefs.add(columns.build(column.columnDefinition()));
      } else if (element instanceof StrataParser.ConstraintElementContext constraint) {
        tableConstraints.add(constraints.build(constraint.tableConstraint()));
      }
    }
    return new Operation.CreateTable(
        names.qualified(context.table), context.ifNotExists != null, columnDefs, tableConstraints);
  }

  @Override
  public Operation visitDropTable(StrataParser.DropTableContext context) {
    return new Operation.DropTable(
        names.qualified(context.table), context.ifExists != null, cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitAlterTable(StrataParser.AlterTableContext context) {
    return new Operation.AlterTable(
        names.qualified(context.table),
        context.ifExists != null,
        context.alterAction().stream().map(alterActions::visit).toList());
  }

  @Override
  public Operation visitCreateIndex(StrataParser.CreateIndexContext context) {
    return new Operation.CreateIndex(
        names.optional(context.name),
        names.qualified(context.table),
        context.unique != null,
        context.concurrently != null,
        context.ifNotExists != null,
        Optional.ofNullable(context.method).map(method -> names.identifier(method).value()),
        context.indexElement().stream().map(indexElements::visit).toList(),
        names.list(context.include),
        optionalExpr(context.where));
  }

  @Override
  public Operation visitDropIndex(StrataParser.DropIndexContext context) {
    return new Operation.DropIndex(
        names.qualified(context.index),
        context.concurrently != null,
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitCreateSchema(StrataParser.CreateSchemaContext context) {
    return new Operation.CreateSchema(names.identifier(context.schema), context.ifNotExists != null);
  }

  @Override
  public Operation visitDropSchema(StrataParser.DropSchemaContext context) {
    return new Operation.DropSchema(
        names.identifier(context.schema), context.ifExists != null, cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitInsert(StrataParser.InsertContext context) {
    return dataStatements.insert(context);
  }

  @Override
  public Operation visitUpdate(StrataParser.UpdateContext context) {
    return dataStatements.update(context);
  }

  @Override
  public Operation visitDelete(StrataParser.DeleteContext context) {
    return dataStatements.delete(context);
  }

  @Override
  public Operation visitSelect(StrataParser.SelectContext context) {
    return dataStatements.select(context);
  }

  @Override
  public Operation visitTruncate(StrataParser.TruncateContext context) {
    return dataStatements.truncate(context);
  }

  private Optional<Expr> optionalExpr(StrataParser.ExprContext context) {
    return context == null ? Optional.empty() : Optional.of(source.expr(context));
  }

  static boolean cascade(StrataParser.DropBehaviorContext context) {
    return context != null && context.cascade != null;
  }

  private final class IndexElementBuilder extends StrataParserBaseVisitor<IndexElement> {
    @Override
    public IndexElement visitColumnKey(StrataParser.ColumnKeyContext context) {
      return new IndexElement(
          Optional.of(names.identifier(context.column)), Optional.empty(), order(context.order));
    }

    @Override
    public IndexElement visitExpressionKey(StrataParser.ExpressionKeyContext context) {
      return new IndexElement(
          Optional.empty(), Optional.of(source.expr(context.expression)), order(context.order));
    }

    /** {@code lower(email)}: the call is the expression, kept as written. */
    @Override
    public IndexElement visitFunctionKey(StrataParser.FunctionKeyContext context) {
      Expr call = new Expr(
          source.text(context.function.getStart(), context.RPAREN().getSymbol()),
          source.span(context.getStart(), context.RPAREN().getSymbol()));
      return new IndexElement(Optional.empty(), Optional.of(call), order(context.order));
    }

    private SortOrder order(StrataParser.SortOrderContext context) {
      if (context == null) {
        return SortOrder.DEFAULT;
      }
      return context.ASC() != null ? SortOrder.ASC : SortOrder.DESC;
    }
  }

  @Override
  public Operation visitCreateExtension(StrataParser.CreateExtensionContext context) {
    return new Operation.PostgresOnly.CreateExtension(
        names.identifier(context.name),
        context.ifNotExists != null,
        names.optional(context.schema),
        Optional.ofNullable(context.version).map(OperationBuilder::stringOrWord),
        context.cascade != null);
  }

  @Override
  public Operation visitDropExtension(StrataParser.DropExtensionContext context) {
    return new Operation.PostgresOnly.DropExtension(
        context.identifier().stream().map(names::identifier).toList(),
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  /** The content of a {@code 'string'} ({@code ''} unescaped), or a bare word as written. */
  private static String stringOrWord(org.antlr.v4.runtime.Token token) {
    String text = token.getText();
    return text.startsWith("'")
        ? text.substring(1, text.length() - 1).replace("''", "'")
        : text;
  }
}
