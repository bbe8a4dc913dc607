package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.ViewDefinition;
import dev.strata.grammar.ast.ViewDefinition.CheckOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the parts of views and materialized views: the {@link ViewDefinition} (with the query's
 * trailing {@code WITH ... CHECK OPTION} or {@code WITH [NO] DATA} split off, since the grammar
 * keeps the whole run after {@code AS}) and the {@link ViewDefinition.Change} of an {@code ALTER}.
 */
final class ViewBuilder {
  private final SourceText source;
  private final Names names;

  ViewBuilder(SourceText source, Names names) {
    this.source = source;
    this.names = names;
  }

  /** A view's query and what follows it. */
  record Query(ViewDefinition definition, Optional<CheckOption> checkOption, boolean withData) {}

  /**
   * The definition of a {@code CREATE VIEW}: a trailing {@code WITH [CASCADED | LOCAL] CHECK
   * OPTION} is its check option.
   */
  Query view(StrataParser.IdentifierListContext columns,
      StrataParser.RelationOptionsContext options, StrataParser.ViewQueryContext query) {
    List<Token> tokens = tokens(query);
    Optional<CheckOption> check = Optional.empty();
    int n = tokens.size();
    if (n >= 4 && is(tokens, n - 1, StrataLexer.OPTION) && is(tokens, n - 2, StrataLexer.CHECK)) {
      if (is(tokens, n - 3, StrataLexer.WITH)) {
        check = Optional.of(CheckOption.CASCADED);
        tokens = tokens.subList(0, n - 3);
      } else if (n >= 5 && is(tokens, n - 4, StrataLexer.WITH)
          && (is(tokens, n - 3, StrataLexer.CASCADED) || is(tokens, n - 3, StrataLexer.LOCAL))) {
        check = Optional.of(is(tokens, n - 3, StrataLexer.LOCAL)
            ? CheckOption.LOCAL : CheckOption.CASCADED);
        tokens = tokens.subList(0, n - 4);
      }
    }
    return new Query(definition(columns, options, tokens), check, true);
  }

  /** The definition of a {@code CREATE MATERIALIZED VIEW}: a trailing {@code WITH [NO] DATA}. */
  Query materialized(StrataParser.IdentifierListContext columns,
      StrataParser.RelationOptionsContext options, StrataParser.ViewQueryContext query) {
    List<Token> tokens = tokens(query);
    boolean withData = true;
    int n = tokens.size();
    if (n >= 3 && is(tokens, n - 1, StrataLexer.DATA)) {
      if (is(tokens, n - 2, StrataLexer.WITH)) {
        tokens = tokens.subList(0, n - 2);
      } else if (n >= 4 && is(tokens, n - 2, StrataLexer.NO) && is(tokens, n - 3, StrataLexer.WITH)) {
        withData = false;
        tokens = tokens.subList(0, n - 3);
      }
    }
    return new Query(definition(columns, options, tokens), Optional.empty(), withData);
  }

  ViewDefinition.Change change(StrataParser.ViewChangeContext context) {
    return switch (context) {
      case StrataParser.RenameViewContext rename ->
          new ViewDefinition.Change.RenameTo(names.identifier(rename.newName));
      case StrataParser.RenameViewColumnContext rename -> new ViewDefinition.Change.RenameColumn(
          names.identifier(rename.from), names.identifier(rename.to));
      case StrataParser.SetViewSchemaContext schema ->
          new ViewDefinition.Change.SetSchema(names.identifier(schema.schema));
      default -> throw new IllegalStateException("unknown view change " + context.getText());
    };
  }

  private ViewDefinition definition(StrataParser.IdentifierListContext columns,
      StrataParser.RelationOptionsContext options, List<Token> query) {
    Token first = query.getFirst();
    Token last = query.getLast();
    Expr text = new Expr(source.text(first, last), source.span(first, last));
    return new ViewDefinition(names.list(columns), options(options), text,
        ViewReads.of(query, names));
  }

  private List<ViewDefinition.RelationOption> options(StrataParser.RelationOptionsContext context) {
    if (context == null) {
      return List.of();
    }
    return context.relationOption().stream()
        .map(option -> new ViewDefinition.RelationOption(
            source.text(option.key.getStart(), option.key.getStop()),
            Optional.ofNullable(option.value).map(v -> source.text(v.getStart(), v.getStop()))))
        .toList();
  }

  /** The default-channel tokens of {@code context}, in order. */
  private static List<Token> tokens(ParserRuleContext context) {
    List<Token> out = new ArrayList<>();
    collect(context, out);
    return out;
  }

  private static void collect(ParseTree tree, List<Token> out) {
    if (tree instanceof TerminalNode terminal) {
      out.add(terminal.getSymbol());
      return;
    }
    for (int i = 0; i < tree.getChildCount(); i++) {
      collect(tree.getChild(i), out);
    }
  }

  private static boolean is(List<Token> tokens, int i, int type) {
    return i >= 0 && tokens.get(i).getType() == type;
  }
}
