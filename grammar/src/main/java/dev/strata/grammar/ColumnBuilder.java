package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Identifier;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The column; E0127 when two of its constraints (or its {@code SERIAL} type and a constraint)
   * both give it values: PostgreSQL refuses a column with more than one of {@code DEFAULT}, an
   * identity, a generation expression and {@code SERIAL}'s own default (parse_utilcmd.c).
   */
  ColumnDef build(StrataParser.ColumnDefinitionContext context) {
    Identifier name = names.identifier(context.name);
    DataType type = types.visit(context.type);
    String valuesFrom = type.kind().autoIncrement() ? type.kind().name() : null;
    List<ColumnConstraint> constraints = new ArrayList<>();
    for (StrataParser.ColumnConstraintContext c : context.columnConstraint()) {
      ColumnConstraint constraint = new Constraint(names.optional(c.name)).visit(c.body);
      String valueSource = valueSource(constraint);
      if (valueSource != null) {
        if (valuesFrom != null) {
          throw conflictingDefaults(name, valuesFrom, valueSource, c);
        }
        valuesFrom = valueSource;
      }
      constraints.add(constraint);
    }
    if (context.collations.size() > 1) {
      throw ParseCode.SYNTAX.fail(source.file(), source.span(context.collations.get(1).getStart()),
          "COLLATE is given twice for column " + name.value(),
          "help: give a column one COLLATE clause");
    }
    return new ColumnDef(name, type,
        context.collations.stream().findFirst().map(names::qualified), constraints);
  }

  /** What gives the column its values, as written, when {@code constraint} does. */
  private static String valueSource(ColumnConstraint constraint) {
    return switch (constraint) {
      case ColumnConstraint.Default value -> "DEFAULT";
      case ColumnConstraint.Identity identity -> "an identity";
      case ColumnConstraint.Generated generated -> "a generation expression";
      case ColumnConstraint.NotNull notNull -> null;
      case ColumnConstraint.Null nullable -> null;
      case ColumnConstraint.PrimaryKey key -> null;
      case ColumnConstraint.Unique unique -> null;
      case ColumnConstraint.Check check -> null;
      case ColumnConstraint.References references -> null;
    };
  }

  private ParseFailure conflictingDefaults(Identifier column, String first, String second,
      StrataParser.ColumnConstraintContext at) {
    boolean serial = first.endsWith("SERIAL");
    return ParseCode.CONFLICTING_COLUMN_DEFAULTS.fail(source.file(),
        source.span(at.getStart(), at.getStop()),
        "column '" + column.value() + "' has both " + (serial ? "type " : "") + first + " and "
            + second,
        serial
            ? "help: " + first + " gives the column a default from its own sequence: write "
                + DataTypeBuilder.integerOf(DataType.Kind.valueOf(first)) + " to give it another"
            : "help: keep one of them: PostgreSQL refuses a column with two sources of values");
  }

  /**
   * One constraint; {@code CONSTRAINT name} is dropped for DEFAULT, identity and generation
   * expressions, which have none.
   */
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

    /** E0129 without {@code STORED}: PostgreSQL 12 to 17 only have stored generated columns. */
    @Override
    public ColumnConstraint visitGeneratedColumn(StrataParser.GeneratedColumnContext context) {
      if (context.stored == null) {
        throw ParseCode.GENERATED_NOT_STORED.fail(source.file(),
            source.after(context.RPAREN().getSymbol()),
            "GENERATED ALWAYS AS (...) needs STORED",
            "help: write GENERATED ALWAYS AS (...) STORED: PostgreSQL 12 to 17 store generated"
                + " columns, and have no virtual ones");
      }
      return new ColumnConstraint.Generated(source.expr(context.generation));
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
