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
   * A bare word as written, or the unescaped content of a {@code "quoted"} name.
   *
   * @throws ParseFailure E0101 for {@code ""}, E0119 for a line break or another control
   *     character inside the quotes
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
    requirePrintable(token, text);
    return new Identifier(text.substring(1, text.length() - 1).replace("\"\"", "\""), true,
        Optional.of(source.span(token)));
  }

  /**
   * E0119 at the first control character ({@link PrintableText}) inside a quoted name. PostgreSQL
   * takes them, but strata prints names in the comments and messages of its scripts ({@code --
   * strata: rebuild of table t}), where a line break would end the comment and let the rest of the
   * name run as SQL; no one means to name a table so.
   */
  private void requirePrintable(Token token, String text) {
    int i = PrintableText.firstControl(text);
    if (i >= 0) {
      String what = PrintableText.name(text.charAt(i));
      throw ParseCode.CONTROL_IN_NAME.fail(source.file(), source.at(token.getStartIndex() + i),
          "quoted name holds " + what + ": strata prints names in its scripts' comments and"
              + " messages, where it would break the line",
          "help: name it without " + what);
    }
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
