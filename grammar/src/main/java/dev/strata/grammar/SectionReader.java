package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.DowngradeMark;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import dev.strata.grammar.ast.TodoMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Reads the body of a file after its header: section markers, directives, dialect blocks, and the
 * statements between them, split at {@code ;} tokens (so a {@code ;} inside a string, quoted name,
 * comment or dollar quote never splits one) and handed to {@link StatementParser}.
 */
final class SectionReader {
  static final List<String> DIALECTS = DialectId.ids();
  private static final List<String> DIRECTIVES = List.of(
      "upgrade", "downgrade", "no-transaction", "dialect", "end", "no-op", "irreversible", "model",
      "only", "todo");

  private final SourceText source;
  private final StatementParser statements;
  private final List<Token> pending = new ArrayList<>();
  private Direction direction;
  private Span sectionSpan;
  private List<Statement> sectionStatements = new ArrayList<>();
  private Section upgrade;
  private Section downgrade;
  private Directive noTransaction;
  /** A {@code -- +only} line waiting for its statement, and the dialects it names. */
  private Directive only;
  private List<String> onlyDialects = List.of();
  private DowngradeMark mark;
  /** The open {@code -- +model} block's directive, or null. */
  private Directive model;
  private List<Statement> modelStatements = new ArrayList<>();
  /** The last thing read in the section was a dialect block (a {@code -- +model} may follow). */
  private boolean lastWasRawBlock;
  /** The {@code -- +todo} lines read so far. */
  private final List<TodoMark> todos = new ArrayList<>();

  SectionReader(SourceText source, StatementParser statements) {
    this.source = source;
    this.statements = statements;
  }

  /** The two sections of a file. */
  record Sections(Section upgrade, Optional<Section> downgrade, List<TodoMark> todos) {}

  /** Reads {@code tokens} from index {@code from} to the end. */
  Sections read(Tokenizer.Tokens tokens, int from) {
    List<Token> list = tokens.list();
    for (int i = from; i < list.size(); i++) {
      Token token = list.get(i);
      switch (token.getType()) {
        case StrataLexer.LINE_COMMENT -> { }
        case StrataLexer.DIRECTIVE -> {
          requireTerminated();
          LineSeparators.requireNone(source, token, "directive");
          Directive directive = Directive.of(token, source);
          directive(directive);
          if (!directive.word().equals("model")) {
            lastWasRawBlock = false;
          }
        }
        case StrataLexer.DIALECT_DIRECTIVE -> {
          requireTerminated();
          LineSeparators.requireNone(source, token, "directive");
          Token end = i + 1 < list.size() ? list.get(i + 1) : null;
          dialectBlock(token, end);
          i++;
        }
        case StrataLexer.SEMI -> endStatement(token);
        default -> statementToken(token);
      }
    }
    tokens.openAtEnd().ifPresent(problem -> {
      throw new ParseFailure(problem);
    });
    requireTerminated();
    return finish();
  }

  private void statementToken(Token token) {
    Tokenizer.requireClosed(token, source);
    if (pending.isEmpty() && direction == null) {
      throw ParseCode.SECTION.fail(source.file(), source.span(token),
          "statement outside a section",
          "help: statements go after a '-- +upgrade' or '-- +downgrade' line");
    }
    pending.add(token);
  }

  private void endStatement(Token semicolon) {
    if (pending.isEmpty()) {
      throw ParseCode.SYNTAX.fail(source.file(), source.span(semicolon),
          "unexpected ';', expected a statement");
    }
    pending.add(semicolon);
    PsqlTextCheck.requireStatement(
        source, pending.getFirst().getStartIndex(), semicolon.getStopIndex() + 1);
    Statement parsed = statements.parse(pending, noTransaction != null);
    if (only != null) {
      parsed = new Statement(parsed.operation(), parsed.noTransaction(), parsed.span(),
          parsed.text(), onlyDialects);
      only = null;
    }
    add(parsed);
    pending.clear();
    lastWasRawBlock = false;
  }

  private void requireTerminated() {
    if (!pending.isEmpty()) {
      throw ParseCode.SYNTAX.fail(source.file(), source.after(pending.getLast()),
          "missing ';' at the end of the statement");
    }
  }

  private void add(Statement statement) {
    if (model != null) {
      if (statement.operation() instanceof Operation.RawSql) {
        throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), statement.span(),
            "'-- +dialect' block inside a '-- +model' block",
            "help: a '-- +model' block holds the statements strata replays in place of the"
                + " block before it; close it with '-- +end' first");
      }
      modelStatements.add(statement);
      noTransaction = null;
      return;
    }
    if (mark != null) {
      throw markWithStatements(mark, statement);
    }
    sectionStatements.add(statement);
    noTransaction = null;
  }

  private void directive(Directive directive) {
    switch (directive.word()) {
      case "upgrade" -> section(directive, Direction.UPGRADE);
      case "downgrade" -> section(directive, Direction.DOWNGRADE);
      case "no-transaction" -> {
        noArgument(directive);
        inSection(directive);
        requireNoPendingMarker();
        noTransaction = directive;
      }
      case "no-op" -> mark(directive, DowngradeMark.Kind.NO_OP);
      case "irreversible" -> mark(directive, DowngradeMark.Kind.IRREVERSIBLE);
      case "model" -> openModel(directive);
      case "only" -> only(directive);
      case "todo" -> todo(directive);
      case "end" -> {
        if (model == null) {
          throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
              "'-- +end' without a matching '-- +dialect'");
        }
        closeModel(directive);
      }
      default -> throw unknownDirective(directive);
    }
  }

  private ParseFailure unknownDirective(Directive directive) {
    List<String> notes = new ArrayList<>();
    Spelling.closest(directive.word(), DIRECTIVES)
        .ifPresent(word -> notes.add("help: did you mean '-- +" + word + "'?"));
    notes.add("note: the directives are '-- +upgrade', '-- +downgrade', '-- +no-transaction',"
        + " '-- +dialect NAME', '-- +end', '-- +model', '-- +only NAME...', '-- +no-op',"
        + " '-- +irreversible' and '-- +todo TEXT'");
    return ParseCode.UNKNOWN_DIRECTIVE.fail(source.file(), directive.wordSpan(),
        "unknown directive " + directive.quoted(), notes.toArray(String[]::new));
  }

  /**
   * {@code -- +model}: opens a block of statements that say what the {@code -- +dialect
   * postgresql} block right before it does to the schema; they are parsed as any statement,
   * replayed into the schema model and never rendered. Nothing may stand between the block's
   * {@code -- +end} and this line but comments and blank lines.
   */
  private void openModel(Directive directive) {
    noArgument(directive);
    inSection(directive);
    requireNoPendingMarker();
    String help = "help: '-- +model' follows the '-- +end' of a '-- +dialect' block"
        + " and lists, up to its own '-- +end', what that block does to the schema";
    if (model != null) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
          "'-- +model' inside a '-- +model' block",
          "note: the block opened at " + new Location(source.file(), model.span()).describe(),
          help);
    }
    if (sectionStatements.isEmpty()
        || !(sectionStatements.getLast().operation() instanceof Operation.RawSql raw)
        || !raw.model().isEmpty()
        || !lastWasRawBlock) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
          "'-- +model' not right after a '-- +dialect' block", help);
    }
    model = directive;
    modelStatements = new ArrayList<>();
  }

  private void closeModel(Directive end) {
    noArgument(end);
    requireNoPendingMarker();
    Statement block = sectionStatements.removeLast();
    Operation.RawSql raw = (Operation.RawSql) block.operation();
    sectionStatements.add(new Statement(
        new Operation.RawSql(raw.dialect(), raw.sql(), raw.psqlMetaCommands(), modelStatements),
        block.noTransaction(), block.span(), block.text()));
    model = null;
    modelStatements = new ArrayList<>();
    lastWasRawBlock = false;
  }

  private void requireModelClosed() {
    if (model != null) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), model.span(),
          "'-- +model' block has no '-- +end'",
          "help: close the block with a line '-- +end'");
    }
  }

  /**
   * {@code -- +no-op} or {@code -- +irreversible}: alone on its line, once, in a {@code --
   * +downgrade} section that holds no statement.
   */
  private void mark(Directive directive, DowngradeMark.Kind kind) {
    noArgument(directive);
    inSection(directive);
    requireNoPendingMarker();
    String help = "help: '-- +no-op' (nothing to undo) or '-- +irreversible' (cannot be undone)"
        + " stands alone in the '-- +downgrade' section, in place of its statements";
    if (direction != Direction.DOWNGRADE) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
          directive.quoted() + " in the '-- +upgrade' section", help);
    }
    if (mark != null) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
          directive.quoted() + " after '" + mark.kind().directive() + "' in the same section",
          "note: the first one is at " + new Location(source.file(), mark.span()).describe(),
          help);
    }
    DowngradeMark read = new DowngradeMark(kind, directive.span());
    if (!sectionStatements.isEmpty()) {
      throw markWithStatements(read, sectionStatements.getFirst());
    }
    mark = read;
  }

  private ParseFailure markWithStatements(DowngradeMark mark, Statement statement) {
    return ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), mark.span(),
        "'" + mark.kind().directive() + "' in a section with statements",
        "note: a statement is at " + new Location(source.file(), statement.span()).describe(),
        "help: '" + mark.kind().directive() + "' says the downgrade has no statement: remove"
            + " the statements or the directive");
  }

  private void section(Directive marker, Direction next) {
    noArgument(marker);
    requireModelClosed();
    requireNoPendingMarker();
    Section seen = next == Direction.UPGRADE ? upgrade : downgrade;
    if (seen != null || next == direction) {
      Span first = seen != null ? seen.span() : sectionSpan;
      throw ParseCode.SECTION.fail(source.file(), marker.span(),
          "duplicate " + marker.quoted() + " section",
          "note: the first one is at " + new Location(source.file(), first).describe());
    }
    if (next == Direction.DOWNGRADE && direction == null) {
      throw ParseCode.SECTION.fail(source.file(), marker.span(),
          "'-- +downgrade' section before the '-- +upgrade' section",
          "help: a revision file has '-- +upgrade' first, then optionally '-- +downgrade'");
    }
    closeSection();
    direction = next;
    sectionSpan = marker.span();
  }

  private void dialectBlock(Token start, Token end) {
    Directive directive = Directive.of(start, source);
    inSection(directive);
    if (only != null) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), only.span(),
          "'-- +only' before a '-- +dialect' block",
          "help: a '-- +dialect' block runs on its own dialect alone; '-- +only' is for a"
              + " statement in strata's language");
    }
    DialectLine line = dialectLine(directive);
    if (end == null || end.getType() != StrataLexer.DIALECT_END) {
      throw ParseCode.UNTERMINATED_DIALECT_BLOCK.fail(source.file(), directive.span(),
          "'-- +dialect " + line.dialect() + "' block has no '-- +end'",
          "help: close the block with a line '-- +end'");
    }
    LineSeparators.requireNone(source, end, "directive");
    DialectId dialect = DialectId.byId(line.dialect()).orElseThrow();
    switch (dialect) {
      case POSTGRESQL -> PsqlTextCheck.requireBlock(
          source, start.getStopIndex() + 1, end.getStartIndex(), line.psqlMetaCommands());
      case MYSQL, MARIADB, SQLITE -> ClientTextCheck.requireBlock(
          source, start.getStopIndex() + 1, end.getStartIndex(), dialect);
    }
    String sql = rawBlock(start.getStopIndex() + 1, end.getStartIndex());
    add(new Statement(new Operation.RawSql(line.dialect(), sql, line.psqlMetaCommands()),
        noTransaction != null, directive.span(), sql));
    lastWasRawBlock = true;
  }

  /** What a {@code -- +dialect NAME [psql-meta-commands]} line says. */
  private record DialectLine(String dialect, boolean psqlMetaCommands) {}

  /** A word of a directive's argument and where it is. */
  private record Word(String text, Span span) {}

  private DialectLine dialectLine(Directive directive) {
    List<Word> words = words(directive);
    String name = words.isEmpty() ? "" : words.getFirst().text().toLowerCase(Locale.ROOT);
    if (!DIALECTS.contains(name)) {
      throw unknownDialect(directive, words.isEmpty() ? null : words.getFirst());
    }
    for (int i = 1; i < words.size(); i++) {
      Word option = words.get(i);
      if (!option.text().equalsIgnoreCase(PsqlTextCheck.OPT_IN) || i > 1) {
        throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), option.span(),
            "unexpected '" + option.text() + "' after '-- +dialect " + name + "'",
            "help: the one option of '-- +dialect' is '" + PsqlTextCheck.OPT_IN + "', for a"
                + " postgresql block that runs psql meta-commands on purpose");
      }
      if (!name.equals("postgresql")) {
        throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), option.span(),
            "'" + PsqlTextCheck.OPT_IN + "' is an option of postgresql blocks only",
            "note: psql runs the postgresql blocks; " + name + " blocks go to another client");
      }
    }
    return new DialectLine(name, words.size() > 1);
  }

  /** The blank-separated words of the directive's argument. */
  private static List<Word> words(Directive directive) {
    List<Word> words = new ArrayList<>();
    String argument = directive.argument();
    Span at = directive.argumentSpan();
    int i = 0;
    while (i < argument.length()) {
      int start = i;
      while (i < argument.length() && argument.charAt(i) != ' ' && argument.charAt(i) != '\t') {
        i++;
      }
      words.add(new Word(argument.substring(start, i),
          new Span(at.line(), at.column() + start, i - start)));
      while (i < argument.length() && (argument.charAt(i) == ' ' || argument.charAt(i) == '\t')) {
        i++;
      }
    }
    return words;
  }

  private ParseFailure unknownDialect(Directive directive, Word name) {
    List<String> notes = new ArrayList<>();
    if (name != null) {
      Spelling.closest(name.text(), DIALECTS)
          .ifPresent(dialect -> notes.add("help: did you mean '" + dialect + "'?"));
    }
    notes.add("note: the dialects are " + String.join(", ", DIALECTS));
    String message = name == null
        ? "'-- +dialect' needs a dialect name"
        : "unknown dialect '" + name.text() + "'";
    return ParseCode.UNKNOWN_DIALECT.fail(source.file(),
        name == null ? directive.argumentSpan() : name.span(), message,
        notes.toArray(String[]::new));
  }

  /** The lines between the markers, blank lines around them dropped, line ends as {@code \n}. */
  private String rawBlock(int from, int to) {
    List<String> lines = new ArrayList<>(List.of(source.normalized(from, to).split("\n", -1)));
    while (!lines.isEmpty() && lines.getFirst().isBlank()) {
      lines.removeFirst();
    }
    while (!lines.isEmpty() && lines.getLast().isBlank()) {
      lines.removeLast();
    }
    return String.join("\n", lines);
  }

  private void inSection(Directive directive) {
    if (direction == null) {
      throw ParseCode.SECTION.fail(source.file(), directive.span(),
          directive.quoted() + " outside a section",
          "help: directives other than section markers go after '-- +upgrade' or '-- +downgrade'");
    }
  }

  private void noArgument(Directive directive) {
    if (!directive.argument().isEmpty()) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.argumentSpan(),
          "unexpected text after " + directive.quoted(),
          "help: a directive line holds the directive alone");
    }
  }

  /**
   * {@code -- +todo TEXT}: a placeholder left by {@code strata import alembic}, anywhere in a
   * section. It parses (so the rest of the file is checked), and {@link TodoMarks#problems} makes
   * every command that compiles the revision refuse it.
   */
  private void todo(Directive directive) {
    inSection(directive);
    if (directive.argument().isEmpty()) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
          "'-- +todo' needs the text of what is left to do",
          "help: '-- +todo TEXT' marks a place where SQL is still to be written");
    }
    Span span = new Span(directive.span().line(), directive.span().column(),
        directive.wordSpan().column() + directive.wordSpan().length()
            - directive.span().column());
    todos.add(new TodoMark(direction, directive.argument(), span));
  }

  /**
   * {@code -- +only NAME [NAME...]}: the next statement, in strata's language, runs on the named
   * dialects alone (and changes only their schema models); the others skip it, and say so in
   * their scripts.
   */
  private void only(Directive directive) {
    inSection(directive);
    if (model != null) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
          "'-- +only' inside a '-- +model' block",
          "help: a '-- +model' block says what the block before it does in its own dialect");
    }
    if (only != null) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
          "'-- +only' after '-- +only'",
          "note: the first one is at " + new Location(source.file(), only.span()).describe(),
          "help: name every dialect on one '-- +only' line");
    }
    List<Word> words = words(directive);
    if (words.isEmpty()) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), directive.span(),
          "'-- +only' needs the dialects the next statement runs on",
          "note: the dialects are " + String.join(", ", DIALECTS));
    }
    List<String> names = new ArrayList<>();
    for (Word word : words) {
      String name = word.text().toLowerCase(Locale.ROOT).replaceAll(",$", "");
      if (!DIALECTS.contains(name)) {
        throw unknownDialect(directive, word);
      }
      if (names.contains(name)) {
        throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), word.span(),
            "dialect '" + name + "' named twice on a '-- +only' line");
      }
      names.add(name);
    }
    only = directive;
    onlyDialects = List.copyOf(names);
  }

  private void requireNoPendingMarker() {
    if (only != null) {
      throw ParseCode.MISPLACED_DIRECTIVE.fail(source.file(), only.span(),
          "'-- +only' is not followed by a statement in its section",
          "help: put it on the line before the statement it restricts; a '-- +dialect' block"
              + " names its dialect itself");
    }
    if (noTransaction != null) {
      throw ParseCode.DANGLING_NO_TRANSACTION.fail(source.file(), noTransaction.span(),
          "'-- +no-transaction' is not followed by a statement in its section",
          "help: put it on the line before the statement that must run outside a transaction");
    }
  }

  private void closeSection() {
    if (direction == Direction.UPGRADE) {
      upgrade = new Section(direction, sectionStatements, sectionSpan);
    } else if (direction == Direction.DOWNGRADE) {
      downgrade = new Section(direction, sectionStatements, sectionSpan, Optional.ofNullable(mark));
    }
    sectionStatements = new ArrayList<>();
    mark = null;
    lastWasRawBlock = false;
  }

  private Sections finish() {
    requireModelClosed();
    requireNoPendingMarker();
    closeSection();
    if (upgrade == null) {
      throw ParseCode.SECTION.fail(source.file(), source.endOfFile(),
          "missing '-- +upgrade' section",
          "help: add a line '-- +upgrade' followed by the statements of the upgrade");
    }
    return new Sections(upgrade, Optional.ofNullable(downgrade), todos);
  }
}
