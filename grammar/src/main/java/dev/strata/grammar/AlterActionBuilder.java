package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.DataType;
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
  private final PartitionBuilder partitions;

  AlterActionBuilder(SourceText source, Names names, DataTypeBuilder types, ColumnBuilder columns,
      TableConstraintBuilder constraints, PartitionBuilder partitions) {
    this.source = source;
    this.names = names;
    this.types = types;
    this.columns = columns;
    this.constraints = constraints;
    this.sequenceOptions = new SequenceOptionBuilder(source, names);
    this.partitions = partitions;
  }

  @Override
  public AlterAction visitAddColumn(StrataParser.AddColumnContext context) {
    return new AlterAction.AddColumn(columns.build(context.column), context.ifNotExists != null);
  }

  @Override
  public AlterAction visitAddConstraint(StrataParser.AddConstraintContext context) {
    return new AlterAction.AddConstraint(constraints.build(context.constraint, false));
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
  public AlterAction visitRenameConstraint(StrataParser.RenameConstraintContext context) {
    return new AlterAction.RenameConstraint(
        names.identifier(context.from), names.identifier(context.to));
  }

  /** E0131 when no clause is written (the statement would change nothing). */
  @Override
  public AlterAction visitAlterConstraint(StrataParser.AlterConstraintContext context) {
    var timing = constraints.attributes(context.attributes, "ALTER CONSTRAINT", true, false)
        .timing();
    if (timing.isDefault()) {
      throw ParseCode.CONSTRAINT_ATTRIBUTE_NOT_ALLOWED.fail(source.file(),
          source.span(context.getStart(), context.name.getStop()),
          "ALTER CONSTRAINT without DEFERRABLE, NOT DEFERRABLE or INITIALLY changes nothing",
          "help: write ALTER CONSTRAINT name DEFERRABLE INITIALLY DEFERRED (or NOT DEFERRABLE)");
    }
    return new AlterAction.AlterConstraint(names.identifier(context.name), timing);
  }

  @Override
  public AlterAction visitValidateConstraint(StrataParser.ValidateConstraintContext context) {
    return new AlterAction.ValidateConstraint(names.identifier(context.name));
  }

  @Override
  public AlterAction visitAttachPartition(StrataParser.AttachPartitionContext context) {
    return new AlterAction.AttachPartition(
        names.qualified(context.partition), partitions.visit(context.bound));
  }

  @Override
  public AlterAction visitSetSchema(StrataParser.SetSchemaContext context) {
    return new AlterAction.SetSchema(names.identifier(context.schema));
  }

  @Override
  public AlterAction visitDetachPartition(StrataParser.DetachPartitionContext context) {
    return new AlterAction.DetachPartition(names.qualified(context.partition));
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

    /** E0126 for a {@code SERIAL} type: it only defines new columns. */
    @Override
    public AlterAction visitChangeType(StrataParser.ChangeTypeContext context) {
      DataType type = types.visit(context.type);
      if (type.kind().autoIncrement()) {
        String written = source.text(context.type.getStart(), context.type.getStop());
        throw ParseCode.SERIAL_MISUSE.fail(source.file(),
            source.span(context.type.getStart(), context.type.getStop()),
            "an existing column cannot change to type '" + written + "'",
            "help: change it to " + DataTypeBuilder.integerOf(type.kind())
                + ", then give it a default: ALTER COLUMN " + column.value()
                + " ADD GENERATED BY DEFAULT AS IDENTITY, or SET DEFAULT nextval('a_sequence')",
            "note: SERIAL is a shorthand of CREATE TABLE and ADD COLUMN, not a type");
      }
      return new AlterAction.AlterColumnType(column, type,
          Optional.ofNullable(context.collation).map(names::qualified),
          Optional.ofNullable(context.using).map(source::expr));
    }

    @Override
    public AlterAction visitDropExpression(StrataParser.DropExpressionContext context) {
      return new AlterAction.DropExpression(column, context.ifExists != null);
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
