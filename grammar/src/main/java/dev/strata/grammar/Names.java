package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.antlr.StrataParser.IdentifierContext;
import dev.strata.grammar.antlr.StrataParser.IdentifierListContext;
import dev.strata.grammar.antlr.StrataParser.QualifiedNameContext;
import dev.strata.grammar.antlr.StrataParser.TypeIdentifierContext;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/** Builds {@link Identifier}s and {@link QualifiedName}s from their parse trees. */
final class Names {
  private final SourceText source;

  Names(SourceText source) {
    this.source = source;
  }

  /**
   * A bare word as written, or the unescaped content of a {@code "quoted"} name (line ends inside
   * it as {@code \n}).
   */
  Identifier identifier(IdentifierContext context) {
    return identifier(context.getStart());
  }

  /** The first name of a named type, as {@link #identifier(IdentifierContext)}. */
  Identifier identifier(TypeIdentifierContext context) {
    return identifier(context.getStart());
  }

  /** The same, read from the one token of a name (a word, a keyword, or a quoted name). */
  Identifier identifier(Token token) {
    if (token.getType() != StrataLexer.QUOTED_IDENTIFIER) {
      return new Identifier(token.getText(), false, Optional.of(source.span(token)));
    }
    String text = source.text(token, token);
    if (text.length() == 2) {
      throw ParseCode.SYNTAX.fail(source.file(), source.span(token),
          "zero-length quoted identifier");
    }
    return new Identifier(text.substring(1, text.length() - 1).replace("\"\"", "\""), true,
        Optional.of(source.span(token)));
  }

  Optional<Identifier> optional(IdentifierContext context) {
    return context == null ? Optional.empty() : Optional.of(identifier(context));
  }

  /** {@code name} or {@code schema.name}. */
  QualifiedName qualified(QualifiedNameContext context) {
    if (context.second == null) {
      return new QualifiedName(Optional.empty(), identifier(context.first));
    }
    return new QualifiedName(Optional.of(identifier(context.first)), identifier(context.second));
  }

  /** The names of a parenthesized list; empty when the list is absent. */
  List<Identifier> list(IdentifierListContext context) {
    return context == null
        ? List.of()
        : context.identifier().stream().map(this::identifier).toList();
  }
}
