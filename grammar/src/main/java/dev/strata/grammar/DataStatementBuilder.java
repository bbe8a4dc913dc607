package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.AssignedValue;
import dev.strata.grammar.ast.Operation.Assignment;
import dev.strata.grammar.ast.Operation.ConflictAction;
import dev.strata.grammar.ast.Operation.ConflictKey;
import dev.strata.grammar.ast.Operation.ConflictTarget;
import dev.strata.grammar.ast.Operation.InsertSource;
import dev.strata.grammar.ast.Operation.Materialization;
import dev.strata.grammar.ast.Operation.TruncateIdentity;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the data-changing statements ({@code INSERT}, {@code UPDATE}, {@code DELETE}, with their
 * {@code WITH} queries, aliases, {@code FROM}/{@code USING} lists, {@code ON CONFLICT} and
 * {@code RETURNING}), standalone {@code SELECT} and {@code TRUNCATE} from their parse trees.
 */
final class DataStatementBuilder {
  private final SourceText source;
  private final Names names;

  DataStatementBuilder(SourceText source, Names names) {
    this.source = source;
    this.names = names;
  }

  Operation insert(StrataParser.InsertContext context) {
    var columnNames = names.list(context.columns);
    InsertSource rows = switch (context.insertSource()) {
      case StrataParser.ValuesSourceContext values -> values(values, columnNames.size());
      case StrataParser.QuerySourceContext query -> new InsertSource.Query(
          source.expr(query.query()));
      case StrataParser.ParenthesizedQuerySourceContext query -> new InsertSource.Query(
          source.expr(query));
      case StrataParser.DefaultValuesSourceContext defaults -> {
        if (!columnNames.isEmpty()) {
          throw ParseCode.SYNTAX.fail(source.file(), source.span(defaults.getStart()),
              "INSERT ... DEFAULT VALUES takes no column list",
              "help: remove the column list, or give the values with VALUES (DEFAULT, ...)");
        }
        yield new InsertSource.DefaultValues();
      }
      default -> throw new IllegalStateException("unknown insert source " + context.getText());
    };
    Optional<Operation.Overriding> overriding = context.overriding == null
        ? Optional.empty()
        : Optional.of(context.overriding.getType() == StrataLexer.SYSTEM
            ? Operation.Overriding.SYSTEM_VALUE
            : Operation.Overriding.USER_VALUE);
    return new Operation.Insert(
        with(context.with),
        names.qualified(context.table),
        names.optional(context.alias),
        columnNames,
        overriding,
        rows,
        Optional.ofNullable(context.onConflict()).map(this::onConflict),
        returning(context.returning()));
  }

  Operation update(StrataParser.UpdateContext context) {
    return new Operation.Update(
        with(context.with),
        names.qualified(context.table),
        alias(context.alias),
        context.assignment().stream().map(this::assignment).toList(),
        Optional.ofNullable(context.from).map(this::fromList),
        optionalExpr(context.where),
        returning(context.returning()));
  }

  Operation delete(StrataParser.DeleteContext context) {
    return new Operation.Delete(
        with(context.with),
        names.qualified(context.table),
        alias(context.alias),
        Optional.ofNullable(context.using).map(this::fromList),
        optionalExpr(context.where),
        returning(context.returning()));
  }

  Operation select(StrataParser.SelectContext context) {
    return new Operation.Select(
        with(context.with), source.expr(context.select), calledFunctions(context.select));
  }

  Operation truncate(StrataParser.TruncateContext context) {
    TruncateIdentity identity = context.identity == null
        ? TruncateIdentity.DEFAULT
        : context.identity.getType() == StrataLexer.RESTART
            ? TruncateIdentity.RESTART
            : TruncateIdentity.CONTINUE;
    return new Operation.Truncate(
        context.truncateTarget().stream()
            .map(t -> new Operation.TruncateTarget(names.qualified(t.table), t.only != null))
            .toList(),
        identity,
        OperationBuilder.cascade(context.dropBehavior()));
  }

  private Optional<Operation.With> with(StrataParser.WithClauseContext context) {
    if (context == null) {
      return Optional.empty();
    }
    return Optional.of(new Operation.With(
        context.recursive != null,
        context.commonTableExpression().stream()
            .map(query -> new Operation.CommonTableExpression(
                names.identifier(query.name),
                names.list(query.columns),
                query.materialized == null
                    ? Materialization.DEFAULT
                    : query.not != null
                        ? Materialization.NOT_MATERIALIZED
                        : Materialization.MATERIALIZED,
                source.expr(query.body)))
            .toList()));
  }

  private Optional<dev.strata.grammar.ast.Identifier> alias(
      StrataParser.TableAliasContext context) {
    return context == null ? Optional.empty() : Optional.of(names.identifier(context.name));
  }

  private Optional<Expr> returning(StrataParser.ReturningContext context) {
    return context == null ? Optional.empty() : Optional.of(source.expr(context.items));
  }

  private Assignment assignment(StrataParser.AssignmentContext context) {
    return switch (context) {
      case StrataParser.ColumnAssignmentContext column -> new Assignment.Column(
          names.identifier(column.column), value(column.value));
      case StrataParser.RowQueryAssignmentContext row -> new Assignment.RowQuery(
          names.list(row.columns), source.expr(row.query()));
      case StrataParser.RowAssignmentContext row -> {
        if (row.row != null && !row.row.getText().equalsIgnoreCase("row")) {
          throw ParseCode.SYNTAX.fail(source.file(), source.span(row.row.getStart()),
              "unexpected '" + row.row.getText() + "', expected 'ROW' or '('",
              "help: assign several columns from '(value, ...)', 'ROW(value, ...)' or"
                  + " '(SELECT ...)'");
        }
        var columns = names.list(row.columns);
        List<AssignedValue> values = row.assignedValue().stream().map(this::value).toList();
        if (columns.size() != values.size()) {
          throw ParseCode.ROW_ASSIGNMENT_LENGTH.fail(source.file(),
              source.span(row.getStart()),
              "SET (...) = (...) names " + count(columns.size(), "column") + " but gives "
                  + count(values.size(), "value"),
              "help: give one value per column in the parentheses after '=', or a sub-SELECT"
                  + " that returns one row with one column per name");
        }
        yield new Assignment.Row(columns, values);
      }
      default -> throw new IllegalStateException("unknown SET item " + context.getText());
    };
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private AssignedValue value(StrataParser.AssignedValueContext context) {
    return context.DEFAULT() != null
        ? new AssignedValue.Default()
        : new AssignedValue.Expression(source.expr(context.assignedExpr()));
  }

  private Operation.OnConflict onConflict(StrataParser.OnConflictContext context) {
    Optional<ConflictTarget> target = Optional.ofNullable(context.target).map(this::target);
    ConflictAction action = switch (context.action) {
      case StrataParser.DoNothingContext ignored -> new ConflictAction.DoNothing();
      case StrataParser.DoUpdateContext update -> {
        if (target.isEmpty()) {
          throw ParseCode.CONFLICT_TARGET_MISSING.fail(source.file(),
              source.span(update.getStart()),
              "ON CONFLICT DO UPDATE needs a conflict target",
              "help: name the unique columns, 'ON CONFLICT (id) DO UPDATE ...', or the"
                  + " constraint, 'ON CONFLICT ON CONSTRAINT users_pkey DO UPDATE ...'",
              "note: PostgreSQL refuses DO UPDATE without one; only DO NOTHING may leave it out");
        }
        yield new ConflictAction.DoUpdate(
            update.assignment().stream().map(this::assignment).toList(),
            optionalExpr(update.where));
      }
      default -> throw new IllegalStateException("unknown conflict action " + context.getText());
    };
    return new Operation.OnConflict(target, action);
  }

  private ConflictTarget target(StrataParser.ConflictTargetContext context) {
    return switch (context) {
      case StrataParser.ConstraintTargetContext constraint -> new ConflictTarget.Constraint(
          names.identifier(constraint.name));
      case StrataParser.KeysTargetContext keys -> new ConflictTarget.Keys(
          keys.conflictKey().stream().map(this::conflictKey).toList(),
          Optional.ofNullable(keys.where).map(source::expr));
      default -> throw new IllegalStateException("unknown conflict target " + context.getText());
    };
  }

  private ConflictKey conflictKey(StrataParser.ConflictKeyContext context) {
    if (context instanceof StrataParser.ColumnConflictKeyContext column) {
      return new ConflictKey.Column(names.identifier(column.column));
    }
    return new ConflictKey.Expression(source.expr(context));
  }

  /**
   * The rows of {@code VALUES}; every row must be as long as the column list, or, without one, as
   * the first row.
   */
  private InsertSource values(StrataParser.ValuesSourceContext context, int columnCount) {
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
    return new InsertSource.Values(rows);
  }

  private Operation.FromList fromList(StrataParser.FromListContext context) {
    return new Operation.FromList(source.expr(context), fromTables(tokens(context)));
  }

  private Optional<Expr> optionalExpr(StrataParser.ExprContext context) {
    return context == null ? Optional.empty() : Optional.of(source.expr(context));
  }

  /**
   * The tables a FROM list names, told from its tokens: at the start, after a comma and after
   * {@code JOIN} (all outside parentheses), a name that is not followed by {@code (} (a function)
   * is a table; {@code ONLY} before it is skipped; a subquery and a {@code LATERAL} item name none.
   */
  private List<QualifiedName> fromTables(List<Token> tokens) {
    List<QualifiedName> tables = new ArrayList<>();
    int depth = 0;
    boolean itemStart = true;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      int type = token.getType();
      if (itemStart && depth == 0) {
        itemStart = false;
        int at = type == StrataLexer.ONLY ? i + 1 : i;
        qualifiedAt(tokens, at).ifPresent(tables::add);
      }
      switch (type) {
        case StrataLexer.LPAREN, StrataLexer.LBRACKET -> depth++;
        case StrataLexer.RPAREN, StrataLexer.RBRACKET -> depth--;
        case StrataLexer.COMMA -> itemStart = depth == 0;
        default -> itemStart = depth == 0 && token.getText().equalsIgnoreCase("join");
      }
    }
    return tables;
  }

  /**
   * The functions called at the top of a query's select list: each item (after {@code SELECT} and
   * after each comma outside parentheses, until {@code FROM}) that is a name followed by {@code (}.
   */
  private List<QualifiedName> calledFunctions(StrataParser.SelectQueryContext context) {
    List<Token> tokens = tokens(context);
    List<QualifiedName> functions = new ArrayList<>();
    int depth = 0;
    for (int i = 1; i < tokens.size(); i++) {
      Token previous = tokens.get(i - 1);
      if (depth == 0 && (i == 1 || previous.getType() == StrataLexer.COMMA)) {
        int end = nameEnd(tokens, i);
        if (end > i && end < tokens.size() && tokens.get(end).getType() == StrataLexer.LPAREN) {
          functions.add(qualified(tokens, i, end));
        }
      }
      int type = tokens.get(i).getType();
      if (type == StrataLexer.LPAREN || type == StrataLexer.LBRACKET) {
        depth++;
      } else if (type == StrataLexer.RPAREN || type == StrataLexer.RBRACKET) {
        depth--;
      } else if (depth == 0 && type == StrataLexer.FROM) {
        break;
      }
    }
    return functions;
  }

  /** A table name starting at {@code at}: a qualified name not followed by {@code (}. */
  private Optional<QualifiedName> qualifiedAt(List<Token> tokens, int at) {
    int end = nameEnd(tokens, at);
    if (end == at || tokens.get(at).getText().equalsIgnoreCase("lateral")
        || end < tokens.size() && tokens.get(end).getType() == StrataLexer.LPAREN) {
      return Optional.empty();
    }
    return Optional.of(qualified(tokens, at, end));
  }

  /** The index after {@code name} or {@code schema.name} starting at {@code at}, or {@code at}. */
  private static int nameEnd(List<Token> tokens, int at) {
    if (at >= tokens.size() || !isName(tokens.get(at))) {
      return at;
    }
    if (at + 2 < tokens.size() && tokens.get(at + 1).getType() == StrataLexer.DOT
        && isName(tokens.get(at + 2))) {
      return at + 3;
    }
    return at + 1;
  }

  private QualifiedName qualified(List<Token> tokens, int at, int end) {
    return end - at == 3
        ? new QualifiedName(Optional.of(names.identifier(tokens.get(at))),
            names.identifier(tokens.get(at + 2)))
        : new QualifiedName(Optional.empty(), names.identifier(tokens.get(at)));
  }

  /** A word (a keyword may name a table) or a quoted name. */
  private static boolean isName(Token token) {
    return token.getType() == StrataLexer.QUOTED_IDENTIFIER
        || token.getText().matches("[A-Za-z_\\u0080-\\uFFFF][A-Za-z0-9_$\\u0080-\\uFFFF]*");
  }

  private static List<Token> tokens(ParserRuleContext context) {
    List<Token> tokens = new ArrayList<>();
    collect(context, tokens);
    return tokens;
  }

  private static void collect(ParseTree tree, List<Token> tokens) {
    if (tree instanceof TerminalNode terminal) {
      tokens.add(terminal.getSymbol());
      return;
    }
    for (int i = 0; i < tree.getChildCount(); i++) {
      collect(tree.getChild(i), tokens);
    }
  }
}
