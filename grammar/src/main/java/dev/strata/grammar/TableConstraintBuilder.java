package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.ConstraintTiming.Deferrable;
import dev.strata.grammar.ast.ConstraintTiming.Initially;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.MatchType;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.TableConstraint;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Builds {@link TableConstraint}s ({@code CREATE TABLE} elements, {@code ADD} constraints), the
 * {@code ON DELETE}/{@code ON UPDATE} actions and {@code MATCH} of foreign keys, and constraint
 * attributes ({@code [NOT] DEFERRABLE}, {@code INITIALLY ...}, {@code NOT VALID}), checked as
 * PostgreSQL's gram.y (processCASbits) checks them.
 */
final class TableConstraintBuilder {
  private final SourceText source;
  private final Names names;
  private final ActionBuilder actions = new ActionBuilder();
  private final IndexElementBuilder keys;

  TableConstraintBuilder(SourceText source, Names names) {
    this.source = source;
    this.names = names;
    this.keys = new IndexElementBuilder(source, names);
  }

  /**
   * A constraint of a {@code CREATE TABLE} ({@code inCreateTable}) or of {@code ALTER TABLE ...
   * ADD}; E0132 for {@code USING INDEX} in a {@code CREATE TABLE}.
   */
  TableConstraint build(StrataParser.TableConstraintContext context, boolean inCreateTable) {
    if (inCreateTable && context.body instanceof StrataParser.UsingIndexTableContext using) {
      throw ParseCode.USING_INDEX_NOT_ALLOWED.fail(source.file(),
          source.span(using.USING().getSymbol(), using.index.getStop()),
          "USING INDEX is not allowed in CREATE TABLE",
          "help: create the table, then its index, then add the constraint with ALTER TABLE ... ADD"
              + " CONSTRAINT name PRIMARY KEY USING INDEX index",
          "note: a new table has no index to take over (PostgreSQL refuses it too)");
    }
    return new Body(names.optional(context.name)).visit(context.body);
  }

  /** The action after {@code ON DELETE} or {@code ON UPDATE}, when written. */
  Optional<ReferentialAction> action(StrataParser.ReferentialActionContext context) {
    return context == null ? Optional.empty() : Optional.of(actions.visit(context));
  }

  /** {@code MATCH FULL} or {@code MATCH SIMPLE}, when written. */
  static Optional<MatchType> match(StrataParser.MatchTypeContext context) {
    if (context == null) {
      return Optional.empty();
    }
    return Optional.of(context.full != null ? MatchType.FULL : MatchType.SIMPLE);
  }

  /**
   * The attributes written after a constraint. {@code what} names the constraint in messages
   * ({@code CHECK}, {@code PRIMARY KEY}); {@code deferrable} and {@code notValid} say which
   * attributes it takes (E0131 for another one); E0130 for two that repeat or contradict.
   */
  Attributes attributes(StrataParser.ConstraintAttributesContext context, String what,
      boolean deferrable, boolean notValid) {
    Deferrable deferral = Deferrable.DEFAULT;
    Initially initially = Initially.DEFAULT;
    boolean invalid = false;
    StrataParser.ConstraintAttributeContext initiallyAt = null;
    for (StrataParser.ConstraintAttributeContext attribute : context.constraintAttribute()) {
      Token start = attribute.getStart();
      Token stop = attribute.getStop();
      String words = source.text(start, stop).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
      boolean isNotValid = attribute instanceof StrataParser.NotValidAttributeContext;
      if (isNotValid ? !notValid : !deferrable) {
        throw ParseCode.CONSTRAINT_ATTRIBUTE_NOT_ALLOWED.fail(source.file(),
            source.span(start, stop), words + " is not allowed on " + what,
            isNotValid
                ? "note: only CHECK and FOREIGN KEY constraints can be NOT VALID, and only where"
                    + " they are written as table constraints"
                : "note: only PRIMARY KEY, UNIQUE, EXCLUDE and foreign-key constraints can be deferred",
            "help: remove " + words);
      }
      switch (attribute) {
        case StrataParser.DeferrableAttributeContext ignored -> {
          requireUnset(deferral != Deferrable.DEFAULT, start, stop, words);
          deferral = Deferrable.DEFERRABLE;
        }
        case StrataParser.NotDeferrableAttributeContext ignored -> {
          requireUnset(deferral != Deferrable.DEFAULT, start, stop, words);
          deferral = Deferrable.NOT_DEFERRABLE;
        }
        case StrataParser.InitiallyAttributeContext initial -> {
          requireUnset(initially != Initially.DEFAULT, start, stop, words);
          initially = initial.deferred != null ? Initially.DEFERRED : Initially.IMMEDIATE;
          initiallyAt = initial;
        }
        case StrataParser.NotValidAttributeContext ignored -> {
          requireUnset(invalid, start, stop, words);
          invalid = true;
        }
        default -> throw new IllegalStateException("unknown attribute " + words);
      }
    }
    if (deferral == Deferrable.NOT_DEFERRABLE && initially == Initially.DEFERRED) {
      throw ParseCode.CONSTRAINT_ATTRIBUTE_CONFLICT.fail(source.file(), 
          source.span(initiallyAt.getStart(), initiallyAt.getStop()),
          "a NOT DEFERRABLE constraint cannot be INITIALLY DEFERRED",
          "help: write DEFERRABLE INITIALLY DEFERRED, or remove INITIALLY DEFERRED");
    }
    return new Attributes(new ConstraintTiming(deferral, initially), invalid);
  }

  private void requireUnset(boolean set, Token start, Token stop, String words) {
    if (set) {
      String kind = words.startsWith("INITIALLY") ? "INITIALLY"
          : words.equals("NOT VALID") ? "NOT VALID" : "DEFERRABLE or NOT DEFERRABLE";
      throw ParseCode.CONSTRAINT_ATTRIBUTE_CONFLICT.fail(source.file(), source.span(start, stop),
          words + " repeats or contradicts an earlier " + kind + " of this constraint",
          "help: write each of DEFERRABLE/NOT DEFERRABLE, INITIALLY ... and NOT VALID at most"
              + " once");
    }
  }

  /** The attributes of one constraint. */
  record Attributes(ConstraintTiming timing, boolean notValid) {}

  private final class Body extends StrataParserBaseVisitor<TableConstraint> {
    private final Optional<Identifier> name;

    Body(Optional<Identifier> name) {
      this.name = name;
    }

    @Override
    public TableConstraint visitPrimaryKeyTable(StrataParser.PrimaryKeyTableContext context) {
      return new TableConstraint.PrimaryKey(name, names.list(context.columns),
          attributes(context.attributes, "a PRIMARY KEY", true, false).timing());
    }

    @Override
    public TableConstraint visitUniqueTable(StrataParser.UniqueTableContext context) {
      return new TableConstraint.Unique(name, names.list(context.columns),
          context.nullsNotDistinct != null,
          attributes(context.attributes, "a UNIQUE constraint", true, false).timing());
    }

    @Override
    public TableConstraint visitCheckTable(StrataParser.CheckTableContext context) {
      return new TableConstraint.Check(name, source.expr(context.condition),
          attributes(context.attributes, "a CHECK constraint", false, true).notValid());
    }

    @Override
    public TableConstraint visitForeignKeyTable(StrataParser.ForeignKeyTableContext context) {
      Attributes attributes = attributes(context.attributes, "a FOREIGN KEY", true, true);
      return new TableConstraint.ForeignKey(
          name,
          names.list(context.columns),
          names.qualified(context.table),
          names.list(context.referenced),
          match(context.match),
          action(context.actions.onDelete),
          action(context.actions.onUpdate),
          attributes.timing(),
          attributes.notValid());
    }

    @Override
    public TableConstraint visitExcludeTable(StrataParser.ExcludeTableContext context) {
      return new ExcludeBuilder().build(name, context);
    }

    @Override
    public TableConstraint visitUsingIndexTable(StrataParser.UsingIndexTableContext context) {
      boolean primaryKey = context.primaryKey != null;
      return new TableConstraint.UsingIndex(name, primaryKey, names.identifier(context.index),
          attributes(context.attributes, primaryKey ? "a PRIMARY KEY" : "a UNIQUE constraint",
              true, false).timing());
    }
  }

  /** The operator as written; a word before parentheses must be {@code OPERATOR}. */
  private String exclusionOperator(StrataParser.ExclusionOperatorContext operator) {
    if (operator.word != null && !operator.word.getText().equalsIgnoreCase("operator")) {
      throw ParseCode.SYNTAX.fail(source.file(), source.span(operator.word),
          "unexpected '" + operator.word.getText() + "', expected an operator",
          "help: write the operator itself (WITH =, WITH &&) or OPERATOR(schema.op)");
    }
    return source.text(operator.getStart(), operator.getStop());
  }

  private final class ExcludeBuilder {
    TableConstraint build(Optional<Identifier> name, StrataParser.ExcludeTableContext context) {
      return new TableConstraint.Exclude(
          name,
          Optional.ofNullable(context.method).map(method -> names.identifier(method).value()),
          context.exclusionElement().stream()
              .map(e -> new TableConstraint.ExclusionElement(keys.visit(e.key),
                  exclusionOperator(e.operator)))
              .toList(),
          names.list(context.include),
          keys.parameters(context.options),
          Optional.ofNullable(context.where).map(source::expr),
          attributes(context.attributes, "an EXCLUDE constraint", true, false).timing());
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
