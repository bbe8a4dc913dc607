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
  private final ViewBuilder views;

  OperationBuilder(SourceText source) {
    this.source = source;
    this.names = new Names(source);
    DataTypeBuilder types = new DataTypeBuilder(source);
    this.constraints = new TableConstraintBuilder(source, names);
    this.columns = new ColumnBuilder(source, names, types, constraints);
    this.alterActions = new AlterActionBuilder(source, names, types, columns, constraints);
    this.views = new ViewBuilder(source, names);
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

  @Override
  public Operation visitCreateView(StrataParser.CreateViewContext context) {
    ViewBuilder.Query query = views.view(context.columns, context.options, context.body);
    return new Operation.CreateView(
        names.qualified(context.view),
        context.orReplace != null,
        context.temporary != null,
        context.recursive != null,
        query.definition(),
        query.checkOption());
  }

  @Override
  public Operation visitDropView(StrataParser.DropViewContext context) {
    return new Operation.DropView(
        context.qualifiedName().stream().map(names::qualified).toList(),
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitAlterView(StrataParser.AlterViewContext context) {
    return new Operation.AlterView(
        names.qualified(context.view), context.ifExists != null, views.change(context.change));
  }

  @Override
  public Operation visitCreateMaterializedView(
      StrataParser.CreateMaterializedViewContext context) {
    ViewBuilder.Query query = views.materialized(context.columns, context.options, context.body);
    return new Operation.PostgresOnly.CreateMaterializedView(
        names.qualified(context.view),
        context.ifNotExists != null,
        names.optional(context.method),
        query.definition(),
        query.withData());
  }

  @Override
  public Operation visitDropMaterializedView(StrataParser.DropMaterializedViewContext context) {
    return new Operation.PostgresOnly.DropMaterializedView(
        context.qualifiedName().stream().map(names::qualified).toList(),
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitAlterMaterializedView(StrataParser.AlterMaterializedViewContext context) {
    return new Operation.PostgresOnly.AlterMaterializedView(
        names.qualified(context.view), context.ifExists != null, views.change(context.change));
  }

  @Override
  public Operation visitRefreshMaterializedView(
      StrataParser.RefreshMaterializedViewContext context) {
    return new Operation.PostgresOnly.RefreshMaterializedView(
        names.qualified(context.view),
        context.concurrently != null,
        context.noData == null);
  }

  @Override
  public Operation visitSetSetting(StrataParser.SetSettingContext context) {
    return setting(settingName(context.name), context.scope, context.value);
  }

  @Override
  public Operation visitSetTimeZone(StrataParser.SetTimeZoneContext context) {
    return setting("timezone", context.scope, context.value);
  }

  @Override
  public Operation visitResetSetting(StrataParser.ResetSettingContext context) {
    String name = context.name == null ? "timezone" : settingName(context.name);
    return SettingRules.check(
        new Operation.PostgresOnly.ResetSetting(name), source, source.span(context.getStart()));
  }

  private Operation setting(String name, org.antlr.v4.runtime.Token scope,
      StrataParser.SettingValueContext value) {
    boolean isDefault = value.getStart() == value.getStop()
        && value.getStart().getType() == dev.strata.grammar.antlr.StrataLexer.DEFAULT;
    return SettingRules.check(
        new Operation.PostgresOnly.SetSetting(
            name,
            scope != null && scope.getType() == dev.strata.grammar.antlr.StrataLexer.LOCAL,
            isDefault ? Optional.empty() : Optional.of(source.expr(value))),
        source,
        source.span(value.getStart(), value.getStop()));
  }

  /** A setting's name as PostgreSQL looks it up: unquoted parts in lowercase, joined by dots. */
  private String settingName(StrataParser.QualifiedNameContext context) {
    var name = names.qualified(context);
    return name.schema().map(s -> fold(s) + ".").orElse("") + fold(name.name());
  }

  private static String fold(dev.strata.grammar.ast.Identifier identifier) {
    return identifier.quoted()
        ? identifier.value()
        : identifier.value().toLowerCase(java.util.Locale.ROOT);
  }
}
