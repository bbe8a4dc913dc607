package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.SequenceOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/** Builds one {@link AlterAction} of an {@code ALTER TABLE} statement. */
final class AlterActionBuilder extends StrataParserBaseVisitor<AlterAction> {
  private final SourceText source;
  private final Names names;
  private final DataTypeBuilder types;
  private final ColumnBuilder columns;
  private final TableConstraintBuilder constraints;
  private final SequenceOptionBuilder sequenceOptions;

  AlterActionBuilder(SourceText source, Names names, DataTypeBuilder types, ColumnBuilder columns,
      TableConstraintBuilder constraints) {
    this.source = source;
    this.names = names;
    this.types = types;
    this.columns = columns;
    this.constraints = constraints;
    this.sequenceOptions = new SequenceOptionBuilder(source, names);
  }

  @Override
  public AlterAction visitAddColumn(StrataParser.AddColumnContext context) {
    return new AlterAction.AddColumn(columns.build(context.column), context.ifNotExists != null);
  }

  @Override
  public AlterAction visitAddConstraint(StrataParser.AddConstraintContext context) {
    return new AlterAction.AddConstraint(constraints.build(context.constraint));
  }

  @Override
  public AlterAction visitDropColumn(StrataParser.DropColumnContext context) {
    return new AlterAction.DropColumn(names.identifier(context.column), context.ifExists != null,
        OperationBuilder.cascade(context.dropBehavior()));
  }

  @Override
  public AlterAction visitDropConstraint(StrataParser.DropConstraintContext context) {
    return new AlterAction.DropConstraint(names.identifier(context.name), context.ifExists != null,
        OperationBuilder.cascade(context.dropBehavior()));
  }

  @Override
  public AlterAction visitRenameColumn(StrataParser.RenameColumnContext context) {
    return new AlterAction.RenameColumn(names.identifier(context.from), names.identifier(context.to));
  }

  @Override
  public AlterAction visitRenameTable(StrataParser.RenameTableContext context) {
    return new AlterAction.RenameTable(names.identifier(context.newName));
  }

  @Override
  public AlterAction visitAlterColumn(StrataParser.AlterColumnContext context) {
    return new ColumnChange(names.identifier(context.column)).visit(context.change);
  }

  /** {@code ALTER [COLUMN] c ...}: what changes in column {@code c}. */
  private final class ColumnChange extends StrataParserBaseVisitor<AlterAction> {
    private final Identifier column;

    ColumnChange(Identifier column) {
      this.column = column;
    }

    @Override
    public AlterAction visitChangeType(StrataParser.ChangeTypeContext context) {
      return new AlterAction.AlterColumnType(column, types.visit(context.type),
          Optional.ofNullable(context.using).map(source::expr));
    }

    @Override
    public AlterAction visitSetDefault(StrataParser.SetDefaultContext context) {
      return new AlterAction.SetDefault(column, source.expr(context.value));
    }

    @Override
    public AlterAction visitDropDefault(StrataParser.DropDefaultContext context) {
      return new AlterAction.DropDefault(column);
    }

    @Override
    public AlterAction visitSetNotNull(StrataParser.SetNotNullContext context) {
      return new AlterAction.SetNotNull(column);
    }

    @Override
    public AlterAction visitDropNotNull(StrataParser.DropNotNullContext context) {
      return new AlterAction.DropNotNull(column);
    }

    @Override
    public AlterAction visitAddIdentity(StrataParser.AddIdentityContext context) {
      return new AlterAction.AddIdentity(column, context.always != null,
          sequenceOptions.build(context.sequenceOption(), SequenceOptionBuilder.Place.IDENTITY));
    }

    /**
     * {@code SET GENERATED ...}, {@code SET option} and {@code RESTART [[WITH] n]} in any order,
     * each at most once (E0140).
     */
    @Override
    public AlterAction visitAlterIdentity(StrataParser.AlterIdentityContext context) {
      Optional<Boolean> always = Optional.empty();
      List<SequenceOption> options = new ArrayList<>();
      Map<String, ParserRuleContext> seen = new HashMap<>();
      for (StrataParser.IdentityChangeContext change : context.identityChange()) {
        switch (change) {
          case StrataParser.SetGeneratedContext set -> {
            if (always.isPresent()) {
              throw ParseCode.SEQUENCE_OPTION_TWICE.fail(source.file(), source.span(set.getStart()),
                  "SET GENERATED is given twice", "help: keep one of them");
            }
            always = Optional.of(set.always != null);
          }
          case StrataParser.SetIdentityOptionContext set -> options.add(sequenceOptions.checked(
              set.option, sequenceOptions.build(set.option),
              SequenceOptionBuilder.Place.SET_IDENTITY, seen));
          case StrataParser.RestartIdentityContext restart -> options.add(sequenceOptions.checked(
              restart,
              new SequenceOption.Restart(restart.value == null
                  ? Optional.empty()
                  : Optional.of(sequenceOptions.number(restart.value))),
              SequenceOptionBuilder.Place.ALTER_SEQUENCE, seen));
          default -> throw new IllegalStateException("identity change " + change.getText());
        }
      }
      return new AlterAction.AlterIdentity(column, always, options);
    }

    @Override
    public AlterAction visitDropIdentity(StrataParser.DropIdentityContext context) {
      return new AlterAction.DropIdentity(column, context.ifExists != null);
    }
  }
}
