package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Identifier;
import java.util.Optional;

/** Builds {@link ColumnDef}s: name, type, and column constraints in source order. */
final class ColumnBuilder {
  private final SourceText source;
  private final Names names;
  private final DataTypeBuilder types;
  private final TableConstraintBuilder tableConstraints;
  private final SequenceOptionBuilder sequenceOptions;

  ColumnBuilder(SourceText source, Names names, DataTypeBuilder types,
      TableConstraintBuilder tableConstraints) {
    this.source = source;
    this.names = names;
    this.types = types;
    this.tableConstraints = tableConstraints;
    this.sequenceOptions = new SequenceOptionBuilder(source, names);
  }

  ColumnDef build(StrataParser.ColumnDefinitionContext context) {
    return new ColumnDef(
        names.identifier(context.name),
        types.visit(context.type),
        context.columnConstraint().stream()
            .map(c -> new Constraint(names.optional(c.name)).visit(c.body))
            .toList());
  }

  /** One constraint; {@code CONSTRAINT name} is dropped for DEFAULT and identity, which have none. */
  private final class Constraint extends StrataParserBaseVisitor<ColumnConstraint> {
    private final Optional<Identifier> name;

    Constraint(Optional<Identifier> name) {
      this.name = name;
    }

    @Override
    public ColumnConstraint visitNotNullColumn(StrataParser.NotNullColumnContext context) {
      return new ColumnConstraint.NotNull(name);
    }

    @Override
    public ColumnConstraint visitNullColumn(StrataParser.NullColumnContext context) {
      return new ColumnConstraint.Null(name);
    }

    @Override
    public ColumnConstraint visitDefaultColumn(StrataParser.DefaultColumnContext context) {
      return new ColumnConstraint.Default(source.expr(context.value));
    }

    @Override
    public ColumnConstraint visitPrimaryKeyColumn(StrataParser.PrimaryKeyColumnContext context) {
      return new ColumnConstraint.PrimaryKey(name, tableConstraints.attributes(
          context.attributes, "a column PRIMARY KEY", true, false).timing());
    }

    @Override
    public ColumnConstraint visitUniqueColumn(StrataParser.UniqueColumnContext context) {
      return new ColumnConstraint.Unique(name, tableConstraints.attributes(
          context.attributes, "a column UNIQUE constraint", true, false).timing());
    }

    @Override
    public ColumnConstraint visitCheckColumn(StrataParser.CheckColumnContext context) {
      return new ColumnConstraint.Check(name, source.expr(context.condition));
    }

    @Override
    public ColumnConstraint visitReferencesColumn(StrataParser.ReferencesColumnContext context) {
      return new ColumnConstraint.References(
          name,
          names.qualified(context.table),
          names.optional(context.column),
          TableConstraintBuilder.match(context.match),
          tableConstraints.action(context.actions.onDelete),
          tableConstraints.action(context.actions.onUpdate),
          tableConstraints.attributes(context.attributes, "a column REFERENCES constraint", true,
              false).timing());
    }

    @Override
    public ColumnConstraint visitIdentityColumn(StrataParser.IdentityColumnContext context) {
      return new ColumnConstraint.Identity(context.always != null,
          sequenceOptions.build(context.sequenceOption(), SequenceOptionBuilder.Place.IDENTITY));
    }
  }
}
