package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.ast.Header;
import dev.strata.grammar.ast.RevisionFile;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The parser of one revision file (the language of {@code docs/language.md}): the header of
 * {@code -- key: value} lines, the {@code -- +upgrade} and optional {@code -- +downgrade}
 * sections, their directives, and the statements of the neutral SQL subset.
 *
 * <p>Parsing stops at the first problem, reported as one E01xx diagnostic with 1-based line and
 * column. CRLF and LF input give equal trees (apart from {@link RevisionFile#source()}): texts are
 * normalised to {@code \n} and spans count lines and columns. Instances hold no state between
 * calls, so one instance may parse any number of files, from any number of threads.
 */
public final class RevisionFileParser {

  /**
   * Parses one revision file.
   *
   * @throws DiagnosticException with the first problem found (an E01xx diagnostic)
   */
  public RevisionFile parse(SourceFile source) throws DiagnosticException {
    try {
      SourceText text = new SourceText(source);
      Tokenizer.Tokens tokens = Tokenizer.tokenize(text);
      HeaderReader header = new HeaderReader(text);
      int bodyStart = readHeader(tokens, header);
      Header read = header.finish();
      SectionReader.Sections sections =
          new SectionReader(text, new StatementParser(text)).read(tokens, bodyStart);
      return new RevisionFile(source, read, sections.upgrade(), sections.downgrade(),
          sections.todos());
    } catch (ParseFailure failure) {
      throw new DiagnosticException(failure.diagnostic());
    }
  }

  /**
   * Reads the header of one revision file only, as {@link #parse} reads it, without reading the
   * sections: for the commands that need only the revision graph ({@code strata heads}), which
   * thus never load the statement parser. A file whose header is wrong fails with the diagnostic
   * {@link #parse} reports for it; a problem after the header (in the sections) is not seen.
   *
   * @throws DiagnosticException with the first problem of the header (an E01xx diagnostic)
   */
  public Header parseHeader(SourceFile source) throws DiagnosticException {
    try {
      SourceText text = new SourceText(source);
      HeaderReader header = new HeaderReader(text);
      readHeader(Tokenizer.tokenize(text), header);
      return header.finish();
    } catch (ParseFailure failure) {
      throw new DiagnosticException(failure.diagnostic());
    }
  }

  /** Feeds the leading line comments to {@code header}; returns the index of the body's first. */
  private static int readHeader(Tokenizer.Tokens tokens, HeaderReader header) {
    List<Token> list = tokens.list();
    int bodyStart = 0;
    while (bodyStart < list.size() && list.get(bodyStart).getType() == StrataLexer.LINE_COMMENT) {
      header.accept(list.get(bodyStart++));
    }
    if (bodyStart == list.size() && tokens.openAtEnd().isPresent()) {
      throw new ParseFailure(tokens.openAtEnd().get());
    }
    return bodyStart;
  }
}
