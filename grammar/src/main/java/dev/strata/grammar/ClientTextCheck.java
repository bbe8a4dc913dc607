package dev.strata.grammar;

import java.util.List;

/**
 * Makes sure the client of a {@code -- +dialect mysql}, {@code mariadb} or {@code sqlite} block
 * sends its text to the server as written and runs none of its own commands: the counterpart of
 * {@link PsqlTextCheck} for {@code mysql}/{@code mariadb} ({@link MysqlClientScanner}: E0148 a
 * backslash command, E0149 a named command such as {@code system} or {@code DELIMITER}) and for
 * {@code sqlite3} ({@link SqliteClientScanner}: E0151 a dot-command such as {@code .shell}), with
 * E0152 for a block that ends inside a quote or comment (or hides strata's {@code ;}) and E0153
 * for what the client may read otherwise. Unlike a postgresql block, no option opts in to client
 * commands: a script of these dialects runs SQL only.
 */
final class ClientTextCheck {
  private static final int MAX_SHOWN = 40;

  private final SourceText source;
  private final DialectId dialect;

  private ClientTextCheck(SourceText source, DialectId dialect) {
    this.source = source;
    this.dialect = dialect;
  }

  /**
   * Checks the lines of a block for {@code dialect}, the chars {@code [from, to)} from the end of
   * its {@code -- +dialect} line to its {@code -- +end}; a postgresql block is {@link
   * PsqlTextCheck}'s.
   *
   * @throws ParseFailure at the first problem (E0148, E0149, E0151, E0152, E0153)
   */
  static void requireBlock(SourceText source, int from, int to, DialectId dialect) {
    ClientTextCheck check = new ClientTextCheck(source, dialect);
    switch (dialect) {
      case POSTGRESQL -> throw new IllegalArgumentException("postgresql blocks: PsqlTextCheck");
      case MYSQL, MARIADB -> {
        List<MysqlClientScanner.Finding> findings =
            MysqlClientScanner.scan(source.text(), from, to);
        if (!findings.isEmpty()) {
          throw check.mysql(findings.getFirst());
        }
      }
      case SQLITE -> {
        List<SqliteClientScanner.Finding> findings =
            SqliteClientScanner.scan(source.text(), from, to);
        if (!findings.isEmpty()) {
          throw check.sqlite(findings.getFirst());
        }
      }
    }
  }

  private ParseFailure mysql(MysqlClientScanner.Finding finding) {
    String client = client();
    return switch (finding) {
      case MysqlClientScanner.Finding.BackslashCommand command -> fail(
          ParseCode.MYSQL_BACKSLASH_COMMAND, command.start(), command.end(),
          client + " client command '" + shown(command.start(), command.end()) + "' in a"
              + " '-- +dialect " + dialect.id() + "' block",
          "help: a backslash belongs in a string literal or a comment; a script of strata runs"
              + " SQL only, so no block may run a client command",
          "note: the " + client + " client runs a backslash command wherever it meets a backslash"
              + " outside quotes and comments, before the server sees the statement ('\\!' runs"
              + " a shell command, '\\q' quits)");
      case MysqlClientScanner.Finding.NamedCommand command -> fail(
          ParseCode.MYSQL_NAMED_COMMAND, command.start(), command.end(),
          client + " client command '" + shown(command.start(), command.end()) + "' at the"
              + " start of a statement in a '-- +dialect " + dialect.id() + "' block",
          namedCommandHelp(command.name()),
          "note: when no statement is pending, the " + client + " client runs a line whose"
              + " first word is one of its commands (system, source, delimiter, quit, use, ...)"
              + " instead of sending it to the server");
      case MysqlClientScanner.Finding.EscapedQuote quote -> fail(
          ParseCode.CLIENT_READS_DIFFERENTLY, quote.start(), quote.end(),
          "backslash before a quote in a string: the string ends at this quote when sql_mode has"
              + " NO_BACKSLASH_ESCAPES (or ANSI_QUOTES, for \"), and goes on past it otherwise,"
              + " for the " + client + " client as for the server",
          "help: put a quote in a string by doubling it ('it''s'); write a backslash at the end"
              + " of a string as CONCAT('C:', CHAR(92))");
      case MysqlClientScanner.Finding.Nul nul -> nul(nul.start());
      case MysqlClientScanner.Finding.Unclosed open -> unclosed(open.start(), open.end(),
          open.construct());
      case MysqlClientScanner.Finding.SwallowedTerminator hash -> fail(
          ParseCode.CLIENT_BLOCK_OPEN, hash.start(), hash.end(),
          "the '-- +dialect " + dialect.id() + "' block ends with a statement whose '#' comment"
              + " would hide the ';' strata writes after the block",
          "help: end the statement with ';' before the comment, or put the comment on a line of"
              + " its own above it",
          "note: the " + client + " client would read the next statement of the script as part"
              + " of this one");
    };
  }

  private ParseFailure sqlite(SqliteClientScanner.Finding finding) {
    return switch (finding) {
      case SqliteClientScanner.Finding.DotCommand command -> fail(
          ParseCode.SQLITE_DOT_COMMAND, command.start(), command.end(),
          "sqlite3 dot-command '" + shown(command.start(), command.end()) + "' in a '-- +dialect"
              + " sqlite' block",
          "help: a script of strata runs SQL only, so no block may run a dot-command; a line of"
              + " SQL that starts with '.' can be indented, or joined to the line before",
          "note: between statements, sqlite3 runs a line that starts with '.' as one of its own"
              + " commands ('.shell' and '.system' run shell commands, '.bail off' goes on after"
              + " errors)");
      case SqliteClientScanner.Finding.Nul nul -> nul(nul.start());
      case SqliteClientScanner.Finding.Unclosed open -> unclosed(open.start(), open.end(),
          open.construct());
    };
  }

  private String namedCommandHelp(String name) {
    return switch (name) {
      case "delimiter" -> "help: the " + client() + " client ends a statement at each ';' outside"
          + " quotes and comments, and a block may not change that: write a routine or trigger"
          + " whose body is one statement (no BEGIN ... END with ';' inside)";
      case "use" -> "help: the script runs on the database it was started on; qualify a name"
          + " with its database instead of 'USE'";
      default -> "help: remove it: a script of strata runs SQL only, so no block may run a client"
          + " command";
    };
  }

  private ParseFailure nul(int at) {
    return fail(ParseCode.CLIENT_READS_DIFFERENTLY, at, at + 1,
        "NUL character: the " + client() + " client does not read its line as written",
        "help: remove it");
  }

  private ParseFailure unclosed(int start, int end, String construct) {
    return fail(ParseCode.CLIENT_BLOCK_OPEN, start, end,
        "the '-- +dialect " + dialect.id() + "' block ends inside a " + construct
            + " that starts here",
        "help: close it inside the block: the " + client() + " client would read the rest of the"
            + " script as part of it");
  }

  /** The client that runs the block: {@code mysql}, {@code mariadb} or {@code sqlite3}. */
  private String client() {
    return switch (dialect) {
      case POSTGRESQL -> "psql";
      case MYSQL -> "mysql";
      case MARIADB -> "mariadb";
      case SQLITE -> "sqlite3";
    };
  }

  /** The text of {@code [start, end)}, cut to {@value #MAX_SHOWN} chars. */
  private String shown(int start, int end) {
    String text = source.text().substring(start, end).strip();
    return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
  }

  private ParseFailure fail(ParseCode code, int start, int end, String message, String... notes) {
    return code.fail(source.file(), source.spanOf(start, end), message, notes);
  }
}
