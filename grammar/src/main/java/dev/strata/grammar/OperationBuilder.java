package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Expr;
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
  private final IndexElementBuilder indexElements;
  private final PartitionBuilder partitions;

  OperationBuilder(SourceText source) {
    this.source = source;
    this.names = new Names(source);
    DataTypeBuilder types = new DataTypeBuilder(source);
    this.constraints = new TableConstraintBuilder(source, names);
    this.columns = new ColumnBuilder(source, names, types, constraints);
    this.indexElements = new IndexElementBuilder(source, names);
    this.partitions = new PartitionBuilder(source, indexElements);
    this.alterActions =
        new AlterActionBuilder(source, names, types, columns, constraints, partitions);
  }

  @Override
  public Operation visitCreateTable(StrataParser.CreateTableContext context) {
    List<ColumnDef> columnDefs = new ArrayList<>();
    List<TableConstraint> tableConstraints = new ArrayList<>();
    for (StrataParser.TableElementContext element : context.tableElement()) {
      if (element instanceof StrataParser.ColumnElementContext column) {
        columnDefs.add(columns.build(column.columnDefinition()));
      } else if (element instanceof StrataParser.ConstraintElementContext constraint) {
        tableConstraints.add(constraints.build(constraint.tableConstraint(), true));
      }
    }
    return new Operation.CreateTable(
        names.qualified(context.table),
        context.ifNotExists != null,
        context.unlogged != null,
        columnDefs,
        tableConstraints,
        partitions.spec(context.partitionBy()),
        indexElements.parameters(context.options));
  }

  @Override
  public Operation visitCreatePartition(StrataParser.CreatePartitionContext context) {
    return new Operation.CreatePartition(
        names.qualified(context.table),
        context.ifNotExists != null,
        context.unlogged != null,
        names.qualified(context.parent),
        context.tableConstraint().stream().map(c -> constraints.build(c, true)).toList(),
        partitions.visit(context.bound),
        partitions.spec(context.partitionBy()),
        indexElements.parameters(context.options));
  }

  @Override
  public Operation visitCreateTableAs(StrataParser.CreateTableAsContext context) {
    return new Operation.CreateTableAs(
        names.qualified(context.table),
        context.ifNotExists != null,
        context.unlogged != null,
        indexElements.parameters(context.options),
        source.expr(context.select),
        context.noData == null);
  }

  @Override
  public Operation visitDropTable(StrataParser.DropTableContext context) {
    return new Operation.DropTable(
        context.qualifiedName().stream().map(names::qualified).toList(),
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitAlterTable(StrataParser.AlterTableContext context) {
    return new Operation.AlterTable(
        names.qualified(context.table),
        context.ifExists != null,
        context.only != null,
        context.alterAction().stream().map(alterActions::visit).toList());
  }

  @Override
  public Operation visitCreateIndex(StrataParser.CreateIndexContext context) {
    return new Operation.CreateIndex(
        names.optional(context.name),
        names.qualified(context.table),
        context.only != null,
        context.unique != null,
        context.concurrently != null,
        context.ifNotExists != null,
        Optional.ofNullable(context.method).map(method -> names.identifier(method).value()),
        context.indexElement().stream().map(indexElements::visit).toList(),
        names.list(context.include),
        context.nullsNotDistinct != null,
        indexElements.parameters(context.options),
        optionalExpr(context.where));
  }

  /** E0134 for {@code DROP INDEX CONCURRENTLY} of several indexes, which PostgreSQL refuses. */
  @Override
  public Operation visitDropIndex(StrataParser.DropIndexContext context) {
    if (context.concurrently != null && context.qualifiedName().size() > 1) {
      throw ParseCode.DROP_INDEX_CONCURRENTLY_SEVERAL.fail(source.file(),
          source.span(context.qualifiedName(1).getStart()),
          "DROP INDEX CONCURRENTLY drops one index at a time",
          "help: write one DROP INDEX CONCURRENTLY statement per index");
    }
    return new Operation.DropIndex(
        context.qualifiedName().stream().map(names::qualified).toList(),
        context.concurrently != null,
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitRenameIndex(StrataParser.RenameIndexContext context) {
    return new Operation.RenameIndex(
        names.qualified(context.index), context.ifExists != null,
        names.identifier(context.newName));
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
    var columnNames = names.list(context.columns);
    Operation.InsertSource rows = switch (context.insertSource()) {
      case StrataParser.ValuesSourceContext values -> values(values, columnNames.size());
      case StrataParser.QuerySourceContext query -> new Operation.InsertSource.Query(
          source.expr(query.query()));
      default -> throw new IllegalStateException("unknown insert source " + context.getText());
    };
    return new Operation.Insert(
        names.qualified(context.table), columnNames, rows, context.onConflict != null);
  }

  @Override
  public Operation visitUpdate(StrataParser.UpdateContext context) {
    return new Operation.Update(
        names.qualified(context.table),
        context.assignment().stream()
            .map(a -> new Operation.Assignment(names.identifier(a.column), source.expr(a.value)))
            .toList(),
        optionalExpr(context.where));
  }

  @Override
  public Operation visitDelete(StrataParser.DeleteContext context) {
    return new Operation.Delete(names.qualified(context.table), optionalExpr(context.where));
  }

  /**
   * The rows of {@code VALUES}; every row must be as long as the column list, or, without one, as
   * the first row.
   */
  private Operation.InsertSource values(StrataParser.ValuesSourceContext context, int columnCount) {
    List<List<Expr>> rows = new ArrayList<>();
    int expected = columnCount;
    for (StrataParser.ValuesRowContext row : context.valuesRow()) {
      List<Expr> items = row.expr().stream().map(source::expr).toList();
      if (expected == 0) {
        expected = items.size();
      } else if (items.size() != expected) {
        throw ParseCode.VALUES_ROW_LENGTH.fail(source.file(), source.span(row.getStart()),
            "VALUES row has " + items.size() + " value" + (items.size() == 1 ? "" : "s")
                + ", expected " + expected
                + (columnCount > 0 ? " (one per column in the column list)" : " (as the first row)"));
      }
      rows.add(items);
    }
    return new Operation.InsertSource.Values(rows);
  }

  private Optional<Expr> optionalExpr(StrataParser.ExprContext context) {
    return context == null ? Optional.empty() : Optional.of(source.expr(context));
  }

  static boolean cascade(StrataParser.DropBehaviorContext context) {
    return context != null && context.cascade != null;
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
