package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.TableConstraint;
import java.util.Optional;

/**
 * Builds {@link TableConstraint}s ({@code CREATE TABLE} elements, {@code ADD} constraints) and the
 * {@code ON DELETE}/{@code ON UPDATE} actions of foreign keys.
 */
final class TableConstraintBuilder {
  private final SourceText source;
  private final Names names;
  private final ActionBuilder actions = new ActionBuilder();

  TableConstraintBuilder(SourceText source, Names names) {
    this.source = source;
    this.names = names;
  }

  TableConstraint build(StrataParser.TableConstraintContext context) {
    return new Body(names.optional(context.name)).visit(context.body);
  }

  /** The action after {@code ON DELETE} or {@code ON UPDATE}, when written. */
  Optional<ReferentialAction> action(StrataParser.ReferentialActionContext context) {
    return context == null ? Optional.empty() : Optional.of(actions.visit(context));
  }

  private final class Body extends StrataParserBaseVisitor<TableConstraint> {
    private final Optional<Identifier> name;

    Body(Optional<Identifier> name) {
      this.name = name;
    }

    @Override
    public TableConstraint visitPrimaryKeyTable(StrataParser.PrimaryKeyTableContext context) {
      return new TableConstraint.PrimaryKey(name, names.list(context.columns));
    }

    @Override
    public TableConstraint visitUniqueTable(StrataParser.UniqueTableContext context) {
      return new TableConstraint.Unique(name, names.list(context.columns));
    }

    @Override
    public TableConstraint visitCheckTable(StrataParser.CheckTableContext context) {
      return new TableConstraint.Check(name, source.expr(context.condition));
    }

    @Override
    public TableConstraint visitForeignKeyTable(StrataParser.ForeignKeyTableContext context) {
      return new TableConstraint.ForeignKey(
          name,
          names.list(context.columns),
          names.qualified(context.table),
          names.list(context.referenced),
          action(context.actions.onDelete),
          action(context.actions.onUpdate));
    }
  }

  private static final class ActionBuilder extends StrataParserBaseVisitor<ReferentialAction> {
    @Override
    public ReferentialAction visitNoAction(StrataParser.NoActionContext context) {
      return ReferentialAction.NO_ACTION;
    }

    @Override
    public ReferentialAction visitRestrictAction(StrataParser.RestrictActionContext context) {
      return ReferentialAction.RESTRICT;
    }

    @Override
    public ReferentialAction visitCascadeAction(StrataParser.CascadeActionContext context) {
      return ReferentialAction.CASCADE;
    }

    @Override
    public ReferentialAction visitSetNullAction(StrataParser.SetNullActionContext context) {
      return ReferentialAction.SET_NULL;
    }

    @Override
    public ReferentialAction visitSetDefaultAction(StrataParser.SetDefaultActionContext context) {
      return ReferentialAction.SET_DEFAULT;
    }
  }
}
