package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
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
  private final SequenceOptionBuilder sequenceOptions;
  private final PostgresOnlyBuilder postgresOnly;
  private final ViewBuilder views;
  private final DataStatementBuilder dataStatements;
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
    this.sequenceOptions = new SequenceOptionBuilder(source, names);
    this.postgresOnly = new PostgresOnlyBuilder(source, names);
    this.views = new ViewBuilder(source, names);
    this.dataStatements = new DataStatementBuilder(source, names);
  }

  /**
   * A statement alternative this class has no method for is a PostgreSQL-only statement, built by
   * {@link PostgresOnlyBuilder} (the base visitor calls this for every alternative not overridden).
   */
  @Override
  public Operation visitChildren(org.antlr.v4.runtime.tree.RuleNode node) {
    Operation operation = node.accept(postgresOnly);
    if (operation == null) {
      throw new IllegalStateException("no builder for " + node.getClass().getSimpleName());
    }
    return operation;
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

  @Override
  public Operation visitCreateEnumType(StrataParser.CreateEnumTypeContext context) {
    List<String> values = new ArrayList<>();
    java.util.Map<String, org.antlr.v4.runtime.Token> seen = new java.util.HashMap<>();
    for (org.antlr.v4.runtime.Token token : context.enumValue) {
      String value = enumValue(token);
      org.antlr.v4.runtime.Token first = seen.putIfAbsent(value, token);
      if (first != null) {
        throw ParseCode.ENUM_VALUE.fail(source.file(), source.span(token),
            "enum value " + token.getText() + " is listed twice",
            "note: first listed at line " + first.getLine() + ", column "
                + (first.getCharPositionInLine() + 1),
            "help: list each value once");
      }
      values.add(value);
    }
    return new Operation.CreateEnumType(names.qualified(context.type), values);
  }

  @Override
  public Operation visitAddEnumValue(StrataParser.AddEnumValueContext context) {
    Optional<Operation.EnumPosition> position = context.position == null
        ? Optional.empty()
        : Optional.of(new Operation.EnumPosition(
            context.position.getType() == StrataLexer.BEFORE, enumValue(context.neighbor)));
    return new Operation.AddEnumValue(names.qualified(context.type), enumValue(context.value),
        context.ifNotExists != null, position);
  }

  @Override
  public Operation visitRenameEnumValue(StrataParser.RenameEnumValueContext context) {
    return new Operation.RenameEnumValue(
        names.qualified(context.type), enumValue(context.from), enumValue(context.to));
  }

  @Override
  public Operation visitRenameType(StrataParser.RenameTypeContext context) {
    return new Operation.RenameType(
        names.qualified(context.type), names.identifier(context.newName));
  }

  @Override
  public Operation visitDropType(StrataParser.DropTypeContext context) {
    return new Operation.DropType(
        context.qualifiedName().stream().map(names::qualified).toList(),
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitCreateCompositeType(StrataParser.CreateCompositeTypeContext context) {
    return new Operation.PostgresOnly.CreateCompositeType(names.qualified(context.type));
  }

  @Override
  public Operation visitCreateDomain(StrataParser.CreateDomainContext context) {
    return new Operation.PostgresOnly.CreateDomain(names.qualified(context.domain));
  }

  @Override
  public Operation visitDropDomain(StrataParser.DropDomainContext context) {
    return new Operation.PostgresOnly.DropDomain(
        context.qualifiedName().stream().map(names::qualified).toList(),
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitCreateSequence(StrataParser.CreateSequenceContext context) {
    return new Operation.CreateSequence(
        names.qualified(context.sequence),
        context.ifNotExists != null,
        sequenceOptions.build(context.sequenceOption(), SequenceOptionBuilder.Place.CREATE_SEQUENCE));
  }

  @Override
  public Operation visitAlterSequence(StrataParser.AlterSequenceContext context) {
    return new Operation.AlterSequence(
        names.qualified(context.sequence),
        context.ifExists != null,
        sequenceOptions.build(context.sequenceOption(), SequenceOptionBuilder.Place.ALTER_SEQUENCE));
  }

  @Override
  public Operation visitRenameSequence(StrataParser.RenameSequenceContext context) {
    return new Operation.RenameSequence(
        names.qualified(context.sequence), context.ifExists != null,
        names.identifier(context.newName));
  }

  @Override
  public Operation visitDropSequence(StrataParser.DropSequenceContext context) {
    return new Operation.DropSequence(
        context.qualifiedName().stream().map(names::qualified).toList(),
        context.ifExists != null,
        cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitComment(StrataParser.CommentContext context) {
    Optional<String> text = Optional.ofNullable(context.text).map(OperationBuilder::stringOrWord);
    return new CommentTargetBuilder(text).visit(context.target);
  }

  /** Builds {@link Operation.CommentOn} from its target, for the comment {@code text}. */
  private final class CommentTargetBuilder extends StrataParserBaseVisitor<Operation> {
    private final Optional<String> text;

    CommentTargetBuilder(Optional<String> text) {
      this.text = text;
    }

    @Override
    public Operation visitCommentOnObject(StrataParser.CommentOnObjectContext context) {
      Operation.CommentKind kind = switch (context.kind.getType()) {
        case StrataLexer.TABLE -> Operation.CommentKind.TABLE;
        case StrataLexer.INDEX -> Operation.CommentKind.INDEX;
        case StrataLexer.VIEW -> Operation.CommentKind.VIEW;
        case StrataLexer.SEQUENCE -> Operation.CommentKind.SEQUENCE;
        case StrataLexer.TYPE -> Operation.CommentKind.TYPE;
        case StrataLexer.DOMAIN -> Operation.CommentKind.DOMAIN;
        default -> throw new IllegalStateException("comment kind " + context.kind.getText());
      };
      return simple(kind, names.qualified(context.object));
    }

    @Override
    public Operation visitCommentOnMaterializedView(
        StrataParser.CommentOnMaterializedViewContext context) {
      return simple(Operation.CommentKind.MATERIALIZED_VIEW, names.qualified(context.object));
    }

    @Override
    public Operation visitCommentOnNamed(StrataParser.CommentOnNamedContext context) {
      Operation.CommentKind kind = context.kind.getType() == StrataLexer.SCHEMA
          ? Operation.CommentKind.SCHEMA
          : Operation.CommentKind.EXTENSION;
      return simple(kind, new dev.strata.grammar.ast.QualifiedName(
          Optional.empty(), names.identifier(context.name)));
    }

    @Override
    public Operation visitCommentOnColumn(StrataParser.CommentOnColumnContext context) {
      SequenceOptionBuilder.ColumnReference column = sequenceOptions.columnReference(context.column);
      return new Operation.CommentOn(Operation.CommentKind.COLUMN, column.table(),
          Optional.of(column.column()), Optional.empty(), Optional.empty(), text);
    }

    @Override
    public Operation visitCommentOnRoutine(StrataParser.CommentOnRoutineContext context) {
      Operation.CommentKind kind = context.kind.getType() == StrataLexer.FUNCTION
          ? Operation.CommentKind.FUNCTION
          : Operation.CommentKind.PROCEDURE;
      Optional<Expr> arguments = context.LPAREN() == null
          ? Optional.empty()
          : Optional.of(context.arguments == null
              ? new Expr("", source.span(context.LPAREN().getSymbol()))
              : source.expr(context.arguments));
      return new Operation.CommentOn(kind, names.qualified(context.object), Optional.empty(),
          Optional.empty(), arguments, text);
    }

    @Override
    public Operation visitCommentOnTableObject(StrataParser.CommentOnTableObjectContext context) {
      Operation.CommentKind kind = switch (context.kind.getType()) {
        case StrataLexer.TRIGGER -> Operation.CommentKind.TRIGGER;
        case StrataLexer.CONSTRAINT -> Operation.CommentKind.CONSTRAINT;
        case StrataLexer.POLICY -> Operation.CommentKind.POLICY;
        default -> throw new IllegalStateException("comment kind " + context.kind.getText());
      };
      return new Operation.CommentOn(kind,
          new dev.strata.grammar.ast.QualifiedName(Optional.empty(), names.identifier(context.name)),
          Optional.empty(), Optional.of(names.qualified(context.table)), Optional.empty(), text);
    }

    private Operation simple(Operation.CommentKind kind, dev.strata.grammar.ast.QualifiedName name) {
      return new Operation.CommentOn(
          kind, name, Optional.empty(), Optional.empty(), Optional.empty(), text);
    }
  }

  /**
   * An enum value: the content of its {@code 'string'}; E0143 when longer than 63 bytes in UTF-8
   * (PostgreSQL's NAMEDATALEN - 1, which it refuses).
   */
  private String enumValue(org.antlr.v4.runtime.Token token) {
    String value = stringOrWord(token);
    int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > 63) {
      throw ParseCode.ENUM_VALUE.fail(source.file(), source.span(token),
          "enum value is " + bytes + " bytes long",
          "note: PostgreSQL keeps enum values of at most 63 bytes",
          "help: use a shorter value");
    }
    return value;
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
    String name = context.all != null ? "all"
        : context.name == null ? "timezone" : settingName(context.name);
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
