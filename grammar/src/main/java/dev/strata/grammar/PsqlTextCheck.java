package dev.strata.grammar;

import dev.strata.grammar.PsqlScanner.Finding;
import java.util.List;

/**
 * Makes sure psql runs a revision's text as the SQL strata read, and nothing else: no psql
 * meta-command or variable in a statement of the neutral subset (E0120, E0121) nor, unless the block
 * opts in with {@value #OPT_IN}, in a {@code -- +dialect postgresql} block (E0122); and no spot
 * where psql could read quotes differently from strata (E0124). The reading is {@link
 * PsqlScanner}'s, which follows psql's own lexer.
 */
final class PsqlTextCheck {
  /** The {@code -- +dialect postgresql} option that lets a block run psql meta-commands. */
  static final String OPT_IN = "psql-meta-commands";

  private static final int MAX_SHOWN = 40;

  private final SourceText source;

  private PsqlTextCheck(SourceText source) {
    this.source = source;
  }

  /**
   * Checks a statement of the neutral subset, the chars {@code [from, to)} from its first token to
   * its {@code ;}: everything of it that reaches the script (expressions are kept as text) is in
   * there.
   *
   * @throws ParseFailure at the first meta-command (E0120), variable (E0121) or spot that psql may
   *     read differently (E0124)
   */
  static void requireStatement(SourceText source, int from, int to) {
    List<Finding> findings = PsqlScanner.scan(source.text(), from, to);
    if (!findings.isEmpty()) {
      throw new PsqlTextCheck(source).inStatement(findings.getFirst());
    }
  }

  /**
   * Checks the lines of a {@code -- +dialect postgresql} block, the chars {@code [from, to)}: it
   * must not leave psql inside a quote or comment, and runs psql meta-commands or refers to psql
   * variables only when {@code optedIn}.
   *
   * @throws ParseFailure at the first problem (E0122, E0124)
   */
  static void requireBlock(SourceText source, int from, int to, boolean optedIn) {
    PsqlTextCheck check = new PsqlTextCheck(source);
    for (Finding finding : PsqlScanner.scan(source.text(), from, to)) {
      boolean psqlFeature =
          finding instanceof Finding.MetaCommand || finding instanceof Finding.Variable;
      if (!(optedIn && psqlFeature)) {
        throw check.inBlock(finding);
      }
    }
  }

  private ParseFailure inStatement(Finding finding) {
    return switch (finding) {
      case Finding.MetaCommand meta -> fail(ParseCode.PSQL_META_COMMAND, meta,
          "psql meta-command '" + shown(meta) + "' in a statement",
          "help: a statement holds SQL only: a backslash belongs in a string literal ('a\\b',"
              + " E'a\\\\b'), a quoted identifier or a comment; a psql command that is meant goes"
              + " in a '-- +dialect postgresql " + OPT_IN + "' block",
          metaCommandNote());
      case Finding.Variable variable -> fail(ParseCode.PSQL_VARIABLE, variable,
          "psql variable reference '" + shown(variable) + "' in a statement",
          "help: write the value itself" + (quotedReference(variable) ? ""
              : "; for an array slice, put a space after the ':' (a[1: 2]), which psql leaves alone"),
          variableNote(shown(variable)));
      case Finding.Unclosed open -> fail(ParseCode.PSQL_READS_DIFFERENTLY, open,
          "psql reads a " + open.construct().words() + " starting here that is still open at the"
              + " end of the statement",
          "note: strata and psql must agree on where every string, quoted name and comment ends");
      case Finding.EscapedQuote quote -> escapedQuote(quote);
      case Finding.EscapeStringAfterNumber glued -> escapeStringAfterNumber(glued);
      case Finding.Nul nul -> nul(nul);
    };
  }

  private ParseFailure inBlock(Finding finding) {
    return switch (finding) {
      case Finding.MetaCommand meta -> fail(ParseCode.PSQL_IN_DIALECT_BLOCK, meta,
          "psql meta-command '" + shown(meta) + "' in a '-- +dialect postgresql' block",
          optInHelp(), metaCommandNote());
      case Finding.Variable variable -> fail(ParseCode.PSQL_IN_DIALECT_BLOCK, variable,
          "psql variable reference '" + shown(variable) + "' in a '-- +dialect postgresql' block",
          optInHelp() + (quotedReference(variable) ? ""
              : "; for an array slice, put a space after the ':' (a[1: 2]) instead"),
          variableNote(shown(variable)));
      case Finding.Unclosed open -> fail(ParseCode.PSQL_READS_DIFFERENTLY, open,
          "the '-- +dialect postgresql' block ends inside a " + open.construct().words()
              + " that starts here",
          "help: close it inside the block: psql would read the rest of the script as part of it");
      case Finding.EscapedQuote quote -> escapedQuote(quote);
      case Finding.EscapeStringAfterNumber glued -> escapeStringAfterNumber(glued);
      case Finding.Nul nul -> nul(nul);
    };
  }

  private ParseFailure escapedQuote(Finding.EscapedQuote quote) {
    return fail(ParseCode.PSQL_READS_DIFFERENTLY, quote,
        "backslash before a quote in a standard string: psql reads the string differently when"
            + " standard_conforming_strings is off",
        "help: write an escape string with the backslash doubled (E'C:\\\\' for 'C:\\')");
  }

  private ParseFailure escapeStringAfterNumber(Finding.EscapeStringAfterNumber glued) {
    return fail(ParseCode.PSQL_READS_DIFFERENTLY, glued,
        "E'...' right after a number: psql 16 and later read a number and a plain string here,"
            + " older versions an escape string",
        "help: put a space before the E");
  }

  private ParseFailure nul(Finding.Nul nul) {
    return fail(ParseCode.PSQL_READS_DIFFERENTLY, nul,
        "NUL character: psql ignores the rest of its line",
        "help: remove it (PostgreSQL text cannot hold NUL)");
  }

  /** {@code :'name'}, {@code :"name"} or {@code :{?name}}, which cannot be an array slice. */
  private boolean quotedReference(Finding.Variable variable) {
    char after = source.text().charAt(variable.start() + 1);
    return after == '\'' || after == '"' || after == '{';
  }

  private static String optInHelp() {
    return "help: if the block is meant to run psql meta-commands or use psql variables, say so on"
        + " its first line:"
        + " '-- +dialect postgresql " + OPT_IN + "' (the bundle's APPLY.md and MANIFEST.json then"
        + " report it)";
  }

  private static String metaCommandNote() {
    return "note: psql runs a backslash command wherever its lexer meets a backslash outside"
        + " quotes and comments, before PostgreSQL sees the statement ('\\!' runs a shell command)";
  }

  private static String variableNote(String reference) {
    return "note: psql replaces '" + reference + "' with the value of one of its variables before"
        + " PostgreSQL sees the statement, when that variable is set";
  }

  /** The finding's text, cut to its line and to {@value #MAX_SHOWN} chars. */
  private String shown(Finding finding) {
    String text = source.text().substring(finding.start(), finding.end());
    return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
  }

  private ParseFailure fail(ParseCode code, Finding at, String message, String... notes) {
    return code.fail(source.file(), source.spanOf(at.start(), at.end()), message, notes);
  }
}
