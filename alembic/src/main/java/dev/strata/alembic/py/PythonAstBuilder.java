package dev.strata.alembic.py;

import dev.strata.alembic.antlr.PythonLexer;
import dev.strata.alembic.antlr.PythonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the {@link PyModule} of a parse tree: the subset of Python that revision files use as
 * {@link PyStmt} / {@link PyExpr} nodes, everything else as {@code Other} with its exact source.
 * A {@code def} inside a function (or a {@code with} block) is {@link PyStmt.Other}: only the
 * module's own functions are {@link PyStmt.Def}s.
 */
final class PythonAstBuilder {
  private final Path file;
  private final SourceIndex index;
  private final TokenStream tokens;

  PythonAstBuilder(Path file, SourceIndex index, TokenStream tokens) {
    this.file = file;
    this.index = index;
    this.tokens = tokens;
  }

  PyModule module(PythonParser.FileInputContext tree) {
    List<PyStmt> body = new ArrayList<>();
    for (PythonParser.StmtContext stmt : tree.stmt()) {
      statement(stmt, false, body);
    }
    String docstring = null;
    if (!body.isEmpty() && body.getFirst() instanceof PyStmt.ExprStmt first
        && first.value() instanceof PyExpr.Str str) {
      docstring = str.value();
    }
    return new PyModule(file, docstring, body);
  }

  // ---------------------------------------------------------------- statements

  private void statement(PythonParser.StmtContext stmt, boolean inFunction, List<PyStmt> out) {
    if (stmt.simpleStmts() != null) {
      simpleStatements(stmt.simpleStmts(), out);
    } else {
      out.add(compound(stmt.compoundStmt(), inFunction));
    }
  }

  private void simpleStatements(PythonParser.SimpleStmtsContext stmts, List<PyStmt> out) {
    for (PythonParser.SimpleStmtContext simple : stmts.simpleStmt()) {
      out.add(simple(simple));
    }
  }

  private List<PyStmt> suite(PythonParser.SuiteContext suite, boolean inFunction) {
    List<PyStmt> out = new ArrayList<>();
    if (suite.simpleStmts() != null) {
      simpleStatements(suite.simpleStmts(), out);
    } else {
      for (PythonParser.StmtContext stmt : suite.stmt()) {
        statement(stmt, inFunction, out);
      }
    }
    return out;
  }

  private PyStmt simple(PythonParser.SimpleStmtContext simple) {
    SourceSpan span = span(simple);
    return switch (simple) {
      case PythonParser.PassStmtContext pass -> new PyStmt.Pass(span);
      case PythonParser.ImportStmtContext imp -> {
        // one Import for 'import a, b' would need two modules: the first one is kept per name
        List<PythonParser.DottedAsNameContext> names = imp.dottedAsName();
        if (names.size() == 1) {
          yield importOf(names.getFirst(), span);
        }
        yield new PyStmt.Other("import", span);
      }
      case PythonParser.FromImportStmtContext from -> fromImport(from, span);
      case PythonParser.ExprStmtContext expr -> expressionStatement(expr, span);
      case PythonParser.OtherSimpleStmtContext other ->
          new PyStmt.Other(other.getStart().getText(), span);
      default -> throw new IllegalStateException("unknown statement " + simple.getClass());
    };
  }

  /**
   * {@code import a.b} is {@code Import("a.b", [])}; {@code import a.b as c} is {@code
   * Import("a.b", [Alias("a.b", "c")])}.
   */
  private PyStmt importOf(PythonParser.DottedAsNameContext name, SourceSpan span) {
    String module = name.dottedName().getText();
    if (name.NAME() == null) {
      return new PyStmt.Import(module, List.of(), span);
    }
    return new PyStmt.Import(module, List.of(new PyStmt.Alias(module, name.NAME().getText())),
        span);
  }

  private PyStmt fromImport(PythonParser.FromImportStmtContext from, SourceSpan span) {
    String module = from.relativeModule().getText();
    List<PyStmt.Alias> names = new ArrayList<>();
    PythonParser.ImportTargetsContext targets = from.importTargets();
    if (targets.STAR() != null) {
      names.add(new PyStmt.Alias("*", null));
    }
    for (PythonParser.ImportAsNameContext name : targets.importAsName()) {
      names.add(new PyStmt.Alias(name.NAME(0).getText(),
          name.NAME().size() > 1 ? name.NAME(1).getText() : null));
    }
    return new PyStmt.Import(module, names, span);
  }

  private PyStmt expressionStatement(PythonParser.ExprStmtContext stmt, SourceSpan span) {
    if (stmt.augmented != null) {
      return new PyStmt.Other("expression", span);
    }
    if (stmt.annotation != null) {
      PythonParser.AnnassignContext ann = stmt.annotation;
      PyExpr target = testlistStar(stmt.targets);
      if (ann.ASSIGN() == null || !assignable(target)) {
        return new PyStmt.Other("expression", span);
      }
      return new PyStmt.Assign(List.of(target), assignedValue(ann.getChild(ann.getChildCount() - 1)),
          span);
    }
    List<ParseTree> parts = new ArrayList<>();
    for (ParseTree child : stmt.children) {
      if (!(child instanceof TerminalNode)) {
        parts.add(child);
      }
    }
    if (parts.size() == 1) {
      return new PyStmt.ExprStmt(testlistStar(stmt.targets), span);
    }
    List<PyExpr> targets = new ArrayList<>();
    for (ParseTree part : parts.subList(0, parts.size() - 1)) {
      if (!(part instanceof PythonParser.TestlistStarExprContext list)) {
        return new PyStmt.Other("expression", span);
      }
      PyExpr target = testlistStar(list);
      if (!assignable(target)) {
        return new PyStmt.Other("expression", span);
      }
      targets.add(target);
    }
    return new PyStmt.Assign(targets, assignedValue(parts.getLast()), span);
  }

  private PyExpr assignedValue(ParseTree value) {
    if (value instanceof PythonParser.TestlistStarExprContext list) {
      return testlistStar(list);
    }
    return other((ParserRuleContext) value);
  }

  /** A target Python can assign and the subset keeps: names, attributes, tuples/lists of them. */
  private static boolean assignable(PyExpr target) {
    return switch (target) {
      case PyExpr.Name name -> true;
      case PyExpr.Attribute attribute -> true;
      case PyExpr.Tuple tuple -> tuple.items().stream().allMatch(PythonAstBuilder::assignable);
      case PyExpr.ListExpr list -> list.items().stream().allMatch(PythonAstBuilder::assignable);
      default -> false;
    };
  }

  private PyStmt compound(PythonParser.CompoundStmtContext compound, boolean inFunction) {
    SourceSpan span = span(compound);
    return switch (compound) {
      case PythonParser.DefStmtContext def -> inFunction
          ? new PyStmt.Other("def", span)
          : new PyStmt.Def(def.funcdef().NAME().getText(), suite(def.funcdef().suite(), true),
              span);
      case PythonParser.WithStatementContext with -> with(with.withStmt(), inFunction, span);
      case PythonParser.OtherCompoundContext other ->
          new PyStmt.Other(other.getStart().getText(), span);
      default -> throw new IllegalStateException("unknown statement " + compound.getClass());
    };
  }

  private PyStmt with(PythonParser.WithStmtContext with, boolean inFunction, SourceSpan span) {
    List<PyStmt.WithItem> items = new ArrayList<>();
    for (PythonParser.WithItemContext item : with.withItem()) {
      String asName = null;
      if (item.expr() != null) {
        PyExpr target = expr(item.expr());
        if (!(target instanceof PyExpr.Name name)) {
          return new PyStmt.Other("with", span);
        }
        asName = name.id();
      }
      items.add(new PyStmt.WithItem(test(item.test()), asName));
    }
    return new PyStmt.With(items, suite(with.suite(), inFunction), span);
  }

  // ---------------------------------------------------------------- expressions

  private PyExpr testlistStar(PythonParser.TestlistStarExprContext list) {
    List<PyExpr> items = new ArrayList<>();
    for (ParseTree child : list.children) {
      if (child instanceof PythonParser.TestContext test) {
        items.add(test(test));
      } else if (child instanceof PythonParser.StarExprContext star) {
        items.add(other(star));
      }
    }
    if (items.size() == 1 && list.COMMA().isEmpty()) {
      return items.getFirst();
    }
    return new PyExpr.Tuple(items, span(list));
  }

  private PyExpr test(PythonParser.TestContext test) {
    if (test.lambdef() != null || test.IF() != null) {
      return other(test);
    }
    PythonParser.OrTestContext or = test.orTest(0);
    if (or.andTest().size() != 1) {
      return other(test);
    }
    PythonParser.AndTestContext and = or.andTest(0);
    if (and.notTest().size() != 1) {
      return other(test);
    }
    PythonParser.NotTestContext not = and.notTest(0);
    if (not.NOT() != null) {
      return other(test);
    }
    PythonParser.ComparisonContext comparison = not.comparison();
    if (comparison.expr().size() != 1) {
      return other(test);
    }
    return expr(comparison.expr(0));
  }

  private PyExpr namedexprTest(PythonParser.NamedexprTestContext named) {
    return named.WALRUS() != null ? other(named) : test(named.test(0));
  }

  private PyExpr expr(PythonParser.ExprContext expr) {
    return switch (expr) {
      case PythonParser.PrimaryContext primary -> primary(primary);
      case PythonParser.UnaryContext unary -> {
        PyExpr operand = expr(unary.expr());
        if (unary.op.getType() == PythonLexer.MINUS && operand instanceof PyExpr.Num num
            && !num.text().startsWith("-")) {
          yield new PyExpr.Num("-" + num.text(), span(unary));
        }
        yield other(unary);
      }
      default -> other(expr);
    };
  }

  private PyExpr primary(PythonParser.PrimaryContext primary) {
    if (primary.AWAIT() != null) {
      return other(primary);
    }
    PyExpr current = atom(primary.atom());
    Token start = primary.getStart();
    for (PythonParser.TrailerContext trailer : primary.trailer()) {
      SourceSpan span = span(start, trailer.getStop());
      current = switch (trailer) {
        case PythonParser.AttributeTrailerContext attribute ->
            new PyExpr.Attribute(current, attribute.NAME().getText(), span);
        case PythonParser.CallTrailerContext call -> call(current, call.arglist(), span);
        default -> new PyExpr.Other(span);
      };
    }
    return current;
  }

  private PyExpr call(PyExpr function, PythonParser.ArglistContext arglist, SourceSpan span) {
    List<PyExpr> args = new ArrayList<>();
    List<PyExpr.Keyword> keywords = new ArrayList<>();
    if (arglist != null) {
      for (PythonParser.ArgumentContext argument : arglist.argument()) {
        if (argument.POWER() != null) {
          keywords.add(new PyExpr.Keyword(null, test(argument.test(0)), span(argument)));
        } else if (argument.ASSIGN() != null) {
          keywords.add(new PyExpr.Keyword(argument.NAME().getText(), test(argument.test(0)),
              span(argument)));
        } else if (argument.STAR() != null || argument.WALRUS() != null
            || argument.compFor() != null) {
          args.add(other(argument));
        } else {
          args.add(test(argument.test(0)));
        }
      }
    }
    return new PyExpr.Call(function, args, keywords, span);
  }

  private PyExpr atom(PythonParser.AtomContext atom) {
    SourceSpan span = span(atom);
    return switch (atom) {
      case PythonParser.NameAtomContext name -> new PyExpr.Name(name.getText(), span);
      case PythonParser.NumberAtomContext number -> new PyExpr.Num(number.getText(), span);
      case PythonParser.NoneAtomContext none -> new PyExpr.NoneLiteral(span);
      case PythonParser.BoolAtomContext bool -> new PyExpr.Bool(bool.TRUE() != null, span);
      case PythonParser.StringAtomContext string -> string(string, span);
      case PythonParser.ParenAtomContext paren -> {
        if (paren.yieldExpr() != null) {
          yield new PyExpr.Other(span);
        }
        if (paren.testlistComp() == null) {
          yield new PyExpr.Tuple(List.of(), span);
        }
        PythonParser.TestlistCompContext items = paren.testlistComp();
        if (items.compFor() != null) {
          yield new PyExpr.Other(span);
        }
        List<PyExpr> list = items(items);
        if (list.size() == 1 && items.COMMA().isEmpty()) {
          yield list.getFirst();
        }
        yield new PyExpr.Tuple(list, span);
      }
      case PythonParser.ListAtomContext list -> {
        if (list.testlistComp() == null) {
          yield new PyExpr.ListExpr(List.of(), span);
        }
        if (list.testlistComp().compFor() != null) {
          yield new PyExpr.Other(span);
        }
        yield new PyExpr.ListExpr(items(list.testlistComp()), span);
      }
      case PythonParser.BraceAtomContext brace -> dict(brace.dictOrSetMaker(), span);
      default -> new PyExpr.Other(span);
    };
  }

  private List<PyExpr> items(PythonParser.TestlistCompContext items) {
    List<PyExpr> list = new ArrayList<>();
    for (ParseTree child : items.children) {
      if (child instanceof PythonParser.NamedexprTestContext named) {
        list.add(namedexprTest(named));
      } else if (child instanceof PythonParser.StarExprContext star) {
        list.add(other(star));
      }
    }
    return list;
  }

  private PyExpr dict(PythonParser.DictOrSetMakerContext maker, SourceSpan span) {
    if (maker == null) {
      return new PyExpr.Dict(List.of(), span);
    }
    if (maker.compFor() != null || maker.dictEntry().isEmpty()) {
      return new PyExpr.Other(span);
    }
    List<PyExpr.Entry> entries = new ArrayList<>();
    for (PythonParser.DictEntryContext entry : maker.dictEntry()) {
      if (entry.POWER() != null) {
        entries.add(new PyExpr.Entry(null, expr(entry.expr())));
      } else {
        entries.add(new PyExpr.Entry(test(entry.test(0)), test(entry.test(1))));
      }
    }
    return new PyExpr.Dict(entries, span);
  }

  private PyExpr string(PythonParser.StringAtomContext atom, SourceSpan span) {
    StringBuilder value = new StringBuilder();
    for (TerminalNode token : atom.STRING()) {
      String decoded = PythonStrings.decode(token.getText());
      if (decoded == null) {
        return new PyExpr.Other(span);
      }
      value.append(decoded);
    }
    return new PyExpr.Str(value.toString(), span);
  }

  private PyExpr other(ParserRuleContext context) {
    return new PyExpr.Other(span(context));
  }

  // ---------------------------------------------------------------- spans

  /** The span of {@code context}: its first token to its last real one (no NEWLINE, DEDENT). */
  private SourceSpan span(ParserRuleContext context) {
    return span(context.getStart(), context.getStop());
  }

  private SourceSpan span(Token start, Token stop) {
    int last = stop.getTokenIndex();
    while (last > start.getTokenIndex() && synthetic(tokens.get(last))) {
      last--;
    }
    return index.span(start, tokens.get(last));
  }

  private static boolean synthetic(Token token) {
    int type = token.getType();
    return type == PythonLexer.NEWLINE || type == PythonLexer.INDENT
        || type == PythonLexer.DEDENT || type == Token.EOF;
  }
}
