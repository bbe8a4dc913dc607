package dev.strata.grammar;

import dev.strata.grammar.antlr.StrataLexer;
import dev.strata.grammar.antlr.StrataParser;
import dev.strata.grammar.antlr.StrataParserBaseVisitor;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.PostgresOnly;
import dev.strata.grammar.ast.PrivilegeTarget;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RoutineKind;
import dev.strata.grammar.ast.RoutineParameter;
import dev.strata.grammar.ast.RoutineSignature;
import dev.strata.grammar.ast.TriggerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the {@link PostgresOnly} operations other than extensions from their parse trees: the
 * names each statement names, with their positions, and the rest as written. Where the grammar
 * matches a run of words (a function's options, the object of {@code OWNER TO}), this class splits
 * it at the words PostgreSQL's grammar ({@code gram.y}) starts each part with.
 */
final class PostgresOnlyBuilder extends StrataParserBaseVisitor<Operation> {
  /** Words that start a clause of CREATE FUNCTION other than RETURNS, LANGUAGE and AS. */
  private static final Set<String> ROUTINE_OPTIONS = Set.of("IMMUTABLE", "STABLE", "VOLATILE",
      "STRICT", "CALLED", "SECURITY", "EXTERNAL", "LEAKPROOF", "NOT", "PARALLEL", "COST", "ROWS",
      "SUPPORT", "SET", "RESET", "WINDOW", "TRANSFORM", "RETURN", "BEGIN");

  /** Parameter modes, as in PostgreSQL's {@code arg_class}. */
  private static final Set<String> MODES = Set.of("IN", "OUT", "INOUT", "VARIADIC");

  /**
   * Words that start a type and cannot name a parameter (PostgreSQL's col_name_keywords that start
   * a type, and DOUBLE of DOUBLE PRECISION), so {@code (double precision)} is one unnamed parameter.
   */
  private static final Set<String> TYPE_WORDS = Set.of("BIGINT", "BIT", "BOOLEAN", "CHAR",
      "CHARACTER", "DEC", "DECIMAL", "DOUBLE", "FLOAT", "INT", "INTEGER", "INTERVAL", "NATIONAL",
      "NCHAR", "NUMERIC", "REAL", "SETOF", "SMALLINT", "TIME", "TIMESTAMP", "VARCHAR");

  /** The kinds of object of ALTER ... OWNER TO (PostgreSQL's AlterOwnerStmt and ALTER TABLE). */
  private static final List<String> OWNED_KINDS = List.of("TABLE", "FOREIGN TABLE", "SEQUENCE",
      "VIEW", "MATERIALIZED VIEW", "FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE", "TYPE",
      "DOMAIN", "SCHEMA", "DATABASE", "LANGUAGE", "PROCEDURAL LANGUAGE", "COLLATION", "CONVERSION",
      "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY", "OPERATOR", "OPERATOR CLASS",
      "OPERATOR FAMILY", "EVENT TRIGGER", "FOREIGN DATA WRAPPER", "SERVER", "PUBLICATION",
      "SUBSCRIPTION", "TABLESPACE", "LARGE OBJECT", "STATISTICS");

  /** The kinds of object of GRANT ... ON (PostgreSQL's privilege_target); TABLE when none. */
  private static final List<String> PRIVILEGE_KINDS = List.of("TABLE", "SEQUENCE", "DATABASE",
      "DOMAIN", "FOREIGN DATA WRAPPER", "FOREIGN SERVER", "FUNCTION", "PROCEDURE", "ROUTINE",
      "LANGUAGE", "LARGE OBJECT", "PARAMETER", "SCHEMA", "TABLESPACE", "TYPE",
      "ALL TABLES IN SCHEMA", "ALL SEQUENCES IN SCHEMA", "ALL FUNCTIONS IN SCHEMA",
      "ALL PROCEDURES IN SCHEMA", "ALL ROUTINES IN SCHEMA");

  private final SourceText source;
  private final Names names;

  PostgresOnlyBuilder(SourceText source, Names names) {
    this.source = source;
    this.names = names;
  }

  // ---- functions and procedures

  @Override
  public Operation visitCreateRoutine(StrataParser.CreateRoutineContext context) {
    Optional<String> returns = Optional.empty();
    Optional<String> language = Optional.empty();
    Optional<String> body = Optional.empty();
    List<String> options = new ArrayList<>();
    for (StrataParser.RoutineClauseContext clause : context.routineClause()) {
      switch (clause) {
        case StrataParser.ReturnsTableContext table ->
            returns = Optional.of(source.text(table.TABLE().getSymbol(), table.getStop()));
        case StrataParser.ReturnsTypeContext type -> {
          List<List<ParseTree>> parts = options(units(type.returnType));
          if (word(parts.getFirst().getFirst()).equals("NULL")) {
            options.add(source.text(type.getStart(), stop(parts.getFirst())));
          } else {
            returns = Optional.of(text(parts.getFirst()));
          }
          parts.stream().skip(1).forEach(part -> options.add(text(part)));
        }
        case StrataParser.RoutineLanguageContext clauseLanguage ->
            language = Optional.of(languageName(clauseLanguage.language));
        case StrataParser.RoutineAsContext as -> body = Optional.of(content(as.body.getStart()));
        case StrataParser.RoutineOptionsContext words ->
            options(units(words.routineWords())).forEach(part -> options.add(text(part)));
        default -> throw new IllegalStateException("unknown routine clause " + clause.getText());
      }
    }
    return new PostgresOnly.CreateRoutine(
        routineKind(context.routine),
        context.orReplace != null,
        names.qualified(context.name),
        parameters(context.routineParameters()),
        returns,
        language,
        body,
        options);
  }

  @Override
  public Operation visitDropRoutine(StrataParser.DropRoutineContext context) {
    return new PostgresOnly.DropRoutine(
        routineKind(context.routine),
        context.routineSignature().stream().map(this::signature).toList(),
        context.ifExists != null,
        OperationBuilder.cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitAlterRoutine(StrataParser.AlterRoutineContext context) {
    return new PostgresOnly.AlterRoutine(
        routineKind(context.routine), signature(context.routineSignature()), text(context.change));
  }

  @Override
  public Operation visitAlterOwner(StrataParser.AlterOwnerContext context) {
    List<ParseTree> object = units(context.ownedObject());
    int kindLength = kindLength(object, OWNED_KINDS);
    if (kindLength == 0) {
      throw ParseCode.UNKNOWN_OBJECT_KIND.fail(source.file(), span(object.getFirst()),
          "'ALTER " + word(object.getFirst()) + " ... OWNER TO': unknown kind of object",
          "note: strata knows OWNER TO for " + String.join(", ", OWNED_KINDS),
          "help: to emit it as written, put it between '-- +dialect postgresql' and '-- +end'"
              + " lines");
    }
    return new PostgresOnly.AlterOwner(
        words(object.subList(0, kindLength)),
        text(object.subList(kindLength, object.size())),
        names.identifier(context.owner));
  }

  @Override
  public Operation visitAlterTableOwner(StrataParser.AlterTableOwnerContext context) {
    return new PostgresOnly.AlterOwner(
        "TABLE",
        source.text(context.table.getStart(), context.table.getStop()),
        names.identifier(context.owner));
  }

  private List<RoutineParameter> parameters(StrataParser.RoutineParametersContext context) {
    return context.routineParameter().stream().map(this::parameter).toList();
  }

  /** {@code [mode] [name] type [DEFAULT value]}, read as PostgreSQL's {@code func_arg} does. */
  private RoutineParameter parameter(StrataParser.RoutineParameterContext context) {
    List<StrataParser.RoutineParameterWordContext> words = context.routineParameterWord();
    int i = 0;
    Optional<String> mode = Optional.empty();
    if (words.size() > 1 && MODES.contains(word(words.getFirst()))) {
      mode = Optional.of(word(words.getFirst()));
      i++;
    }
    Optional<Identifier> name = Optional.empty();
    if (words.size() - i > 1 && namesParameter(words.get(i), words.get(i + 1))) {
      name = Optional.of(names.identifier(words.get(i).getStart()));
      i++;
    }
    if (i == words.size()) {
      throw ParseCode.SYNTAX.fail(source.file(), source.after(words.getLast().getStop()),
          "parameter without a type",
          "help: a parameter is written [IN | OUT | INOUT | VARIADIC] [name] type");
    }
    return new RoutineParameter(
        mode,
        name,
        source.text(words.get(i).getStart(), words.getLast().getStop()),
        Optional.ofNullable(context.value).map(source::expr));
  }

  /** Whether {@code word}, followed by {@code next}, is a parameter's name rather than its type. */
  private static boolean namesParameter(ParserRuleContext word, ParserRuleContext next) {
    if (word.getChildCount() != 1 || !(word.getChild(0) instanceof TerminalNode terminal)) {
      return false;
    }
    int type = terminal.getSymbol().getType();
    boolean nameToken = type == StrataLexer.IDENTIFIER || type == StrataLexer.QUOTED_IDENTIFIER
        || Character.isLetter(terminal.getText().charAt(0));
    String nextText = next.getText();
    return nameToken
        && !TYPE_WORDS.contains(terminal.getText().toUpperCase(Locale.ROOT))
        && !nextText.startsWith("(") && !nextText.startsWith("[")
        && !nextText.equals(".") && !nextText.equals("%");
  }

  private RoutineSignature signature(StrataParser.RoutineSignatureContext context) {
    return new RoutineSignature(
        names.qualified(context.name),
        Optional.ofNullable(context.routineParameters()).map(this::parameters));
  }

  private static RoutineKind routineKind(Token token) {
    return token.getType() == StrataLexer.FUNCTION ? RoutineKind.FUNCTION : RoutineKind.PROCEDURE;
  }

  /**
   * Cuts a run of words into parts, each starting at a word of {@link #ROUTINE_OPTIONS} (but
   * {@code EXTERNAL SECURITY} and {@code NOT LEAKPROOF} stay one part); the first part may hold
   * words before any option (a return type). Refuses an SQL-standard body (E0145).
   */
  private List<List<ParseTree>> options(List<ParseTree> units) {
    List<List<ParseTree>> parts = new ArrayList<>();
    String previous = "";
    for (int i = 0; i < units.size(); i++) {
      String word = word(units.get(i));
      if (word.equals("BEGIN") && i + 1 < units.size() && word(units.get(i + 1)).equals("ATOMIC")) {
        throw ParseCode.ATOMIC_BODY.fail(source.file(), span(units.get(i)),
            "SQL-standard function body (BEGIN ATOMIC ... END) is not supported",
            "note: strata splits statements at ';', and such a body holds several",
            "help: write the body as a dollar-quoted string: AS $$ ... $$ LANGUAGE sql");
      }
      boolean starts = ROUTINE_OPTIONS.contains(word)
          && !(previous.equals("EXTERNAL") || previous.equals("NOT"));
      if (parts.isEmpty() || starts && i > 0) {
        parts.add(new ArrayList<>());
      }
      parts.getLast().add(units.get(i));
      previous = word;
    }
    return parts;
  }

  // ---- triggers

  @Override
  public Operation visitCreateTrigger(StrataParser.CreateTriggerContext context) {
    Optional<QualifiedName> referenced = Optional.empty();
    List<String> options = new ArrayList<>();
    boolean forEachRow = false;
    Optional<Expr> when = Optional.empty();
    for (StrataParser.TriggerOptionContext option : context.triggerOption()) {
      switch (option) {
        case StrataParser.TriggerFromContext from -> referenced =
            Optional.of(names.qualified(from.referenced));
        case StrataParser.TriggerDeferrableContext deferrable -> options.add(text(deferrable));
        case StrataParser.TriggerReferencingContext referencing -> options.add(text(referencing));
        case StrataParser.TriggerLevelContext level ->
            forEachRow = level.level.getType() == StrataLexer.ROW;
        case StrataParser.TriggerWhenContext condition -> when =
            Optional.of(source.expr(condition.condition));
        default -> throw new IllegalStateException("unknown trigger option " + option.getText());
      }
    }
    return new PostgresOnly.CreateTrigger(
        names.identifier(context.name),
        context.orReplace != null,
        context.constraint != null,
        timing(context.timing),
        context.triggerEvent().stream().map(this::event).toList(),
        names.qualified(context.table),
        referenced,
        options,
        forEachRow,
        when,
        names.qualified(context.function),
        Optional.ofNullable(context.arguments).map(source::expr));
  }

  private static PostgresOnly.TriggerTiming timing(StrataParser.TriggerTimingContext context) {
    if (context.BEFORE() != null) {
      return PostgresOnly.TriggerTiming.BEFORE;
    }
    return context.AFTER() != null
        ? PostgresOnly.TriggerTiming.AFTER
        : PostgresOnly.TriggerTiming.INSTEAD_OF;
  }

  private TriggerEvent event(StrataParser.TriggerEventContext context) {
    TriggerEvent.Kind kind = switch (context.getStart().getType()) {
      case StrataLexer.INSERT -> TriggerEvent.Kind.INSERT;
      case StrataLexer.UPDATE -> TriggerEvent.Kind.UPDATE;
      case StrataLexer.DELETE -> TriggerEvent.Kind.DELETE;
      default -> TriggerEvent.Kind.TRUNCATE;
    };
    return new TriggerEvent(kind, context.identifier().stream().map(names::identifier).toList());
  }

  @Override
  public Operation visitDropTrigger(StrataParser.DropTriggerContext context) {
    return new PostgresOnly.DropTrigger(
        names.identifier(context.name),
        names.qualified(context.table),
        context.ifExists != null,
        OperationBuilder.cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitRenameTrigger(StrataParser.RenameTriggerContext context) {
    return new PostgresOnly.RenameTrigger(
        names.identifier(context.name),
        names.qualified(context.table),
        names.identifier(context.newName));
  }

  /** {@code TRIGGER USER} (unquoted: USER is reserved in PostgreSQL) means the user triggers. */
  @Override
  public Operation visitSwitchTrigger(StrataParser.SwitchTriggerContext context) {
    Optional<String> firing = Optional.ofNullable(context.replica)
        .map(token -> token.getText().toUpperCase(Locale.ROOT));
    if (firing.isPresent() && !Set.of("REPLICA", "ALWAYS").contains(firing.get())) {
      throw ParseCode.UNEXPECTED_WORD.fail(source.file(), source.span(context.replica),
          "expected REPLICA or ALWAYS after ENABLE, found '" + context.replica.getText() + "'",
          "help: ALTER TABLE t ENABLE [REPLICA | ALWAYS] TRIGGER {name | ALL | USER}");
    }
    Optional<Identifier> trigger = names.optional(context.trigger);
    return new PostgresOnly.SwitchTrigger(
        names.qualified(context.table),
        context.ifExists != null,
        context.enable != null,
        firing,
        trigger,
        context.all != null);
  }

  // ---- DO and CALL

  @Override
  public Operation visitDoBlock(StrataParser.DoBlockContext context) {
    Optional<String> language = Optional.ofNullable(
        context.before != null ? context.before : context.after).map(this::languageName);
    String body = content(context.body.getStart());
    boolean plpgsql = language.map(l -> l.equalsIgnoreCase("plpgsql")).orElse(true);
    return new PostgresOnly.Do(language, body, plpgsql && TransactionControl.in(body));
  }

  @Override
  public Operation visitCall(StrataParser.CallContext context) {
    return new PostgresOnly.Call(
        names.qualified(context.procedure), context.expr().stream().map(source::expr).toList());
  }

  // ---- row-level security, privileges and roles

  @Override
  public Operation visitRowSecurity(StrataParser.RowSecurityContext context) {
    PostgresOnly.RowSecurityChange change = context.noForce != null
        ? PostgresOnly.RowSecurityChange.NO_FORCE
        : PostgresOnly.RowSecurityChange.valueOf(
            context.security.getText().toUpperCase(Locale.ROOT));
    return new PostgresOnly.RowSecurity(
        names.qualified(context.table), context.ifExists != null, change);
  }

  @Override
  public Operation visitCreatePolicy(StrataParser.CreatePolicyContext context) {
    boolean permissive = true;
    if (context.permissive != null) {
      Identifier kind = names.identifier(context.permissive);
      String word = kind.value().toUpperCase(Locale.ROOT);
      if (kind.quoted() || !Set.of("PERMISSIVE", "RESTRICTIVE").contains(word)) {
        throw ParseCode.UNEXPECTED_WORD.fail(source.file(), kind.span().orElseThrow(),
            "expected PERMISSIVE or RESTRICTIVE after AS, found '" + kind.value() + "'",
            "help: CREATE POLICY name ON table [AS {PERMISSIVE | RESTRICTIVE}] [FOR command]"
                + " [TO roles] [USING (condition)] [WITH CHECK (condition)]");
      }
      permissive = word.equals("PERMISSIVE");
    }
    return new PostgresOnly.CreatePolicy(
        names.identifier(context.name),
        names.qualified(context.table),
        permissive,
        Optional.ofNullable(context.command).map(t -> t.getText().toUpperCase(Locale.ROOT)),
        roles(context.roleList()),
        Optional.ofNullable(context.using).map(source::expr),
        Optional.ofNullable(context.check).map(source::expr));
  }

  @Override
  public Operation visitAlterPolicy(StrataParser.AlterPolicyContext context) {
    return new PostgresOnly.AlterPolicy(
        names.identifier(context.name), names.qualified(context.table), text(context.change));
  }

  @Override
  public Operation visitDropPolicy(StrataParser.DropPolicyContext context) {
    return new PostgresOnly.DropPolicy(
        names.identifier(context.name),
        names.qualified(context.table),
        context.ifExists != null,
        OperationBuilder.cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitGrantPrivileges(StrataParser.GrantPrivilegesContext context) {
    return new PostgresOnly.Grant(
        context.privilege().stream().map(this::text).toList(),
        target(context.privilegeObject()),
        roles(context.roleList()),
        context.grantOption != null);
  }

  @Override
  public Operation visitRevokePrivileges(StrataParser.RevokePrivilegesContext context) {
    return new PostgresOnly.Revoke(
        context.privilege().stream().map(this::text).toList(),
        target(context.privilegeObject()),
        roles(context.roleList()),
        context.grantOption != null,
        OperationBuilder.cascade(context.dropBehavior()));
  }

  @Override
  public Operation visitGrantRole(StrataParser.GrantRoleContext context) {
    return new PostgresOnly.GrantRole(
        roles(context.granted),
        roles(context.grantees),
        Optional.ofNullable(context.option).map(this::upperWord));
  }

  @Override
  public Operation visitRevokeRole(StrataParser.RevokeRoleContext context) {
    return new PostgresOnly.RevokeRole(
        roles(context.revoked),
        roles(context.grantees),
        Optional.ofNullable(context.option).map(this::upperWord),
        OperationBuilder.cascade(context.dropBehavior()));
  }

  /** The kind of the first object (TABLE when none is written) and each object as written. */
  private PrivilegeTarget target(List<StrataParser.PrivilegeObjectContext> objects) {
    List<ParseTree> first = units(objects.getFirst());
    int kindLength = kindLength(first, PRIVILEGE_KINDS);
    List<String> written = new ArrayList<>();
    written.add(text(first.subList(kindLength, first.size())));
    objects.stream().skip(1).forEach(object -> written.add(text(object)));
    return new PrivilegeTarget(
        kindLength == 0 ? "TABLE" : words(first.subList(0, kindLength)), written);
  }

  private List<Identifier> roles(StrataParser.RoleListContext context) {
    return context == null
        ? List.of()
        : context.identifier().stream().map(names::identifier).toList();
  }

  @Override
  public Operation visitAlterDefaultPrivileges(
      StrataParser.AlterDefaultPrivilegesContext context) {
    return new PostgresOnly.AlterDefaultPrivileges(text(context.change));
  }

  @Override
  public Operation visitCreateRole(StrataParser.CreateRoleContext context) {
    return new PostgresOnly.CreateRole(names.identifier(context.name), optionalText(context.settings));
  }

  @Override
  public Operation visitAlterRole(StrataParser.AlterRoleContext context) {
    return new PostgresOnly.AlterRole(names.identifier(context.name), text(context.change));
  }

  @Override
  public Operation visitDropRole(StrataParser.DropRoleContext context) {
    return new PostgresOnly.DropRole(
        context.identifier().stream().map(names::identifier).toList(), context.ifExists != null);
  }

  // ---- server and maintenance statements

  @Override
  public Operation visitCreateDatabase(StrataParser.CreateDatabaseContext context) {
    return new PostgresOnly.CreateDatabase(
        names.identifier(context.name), optionalText(context.settings));
  }

  @Override
  public Operation visitDropDatabase(StrataParser.DropDatabaseContext context) {
    return new PostgresOnly.DropDatabase(
        names.identifier(context.name), context.ifExists != null, optionalText(context.settings));
  }

  @Override
  public Operation visitAlterSystem(StrataParser.AlterSystemContext context) {
    return new PostgresOnly.AlterSystem(text(context.change));
  }

  @Override
  public Operation visitVacuum(StrataParser.VacuumContext context) {
    return new PostgresOnly.Vacuum(optionalText(context.arguments));
  }

  @Override
  public Operation visitAnalyze(StrataParser.AnalyzeContext context) {
    return new PostgresOnly.Analyze(optionalText(context.arguments));
  }

  /** The target is the first word outside the options' parentheses. */
  @Override
  public Operation visitReindex(StrataParser.ReindexContext context) {
    List<ParseTree> units = units(context.arguments);
    String target = units.stream()
        .filter(unit -> unit instanceof TerminalNode)
        .findFirst()
        .map(PostgresOnlyBuilder::word)
        .orElse("");
    boolean concurrently = terminals(context.arguments).stream()
        .anyMatch(token -> token.getType() == StrataLexer.CONCURRENTLY);
    return new PostgresOnly.Reindex(target, concurrently, text(context.arguments));
  }

  @Override
  public Operation visitLock(StrataParser.LockContext context) {
    return new PostgresOnly.Lock(
        context.qualifiedName().stream().map(names::qualified).toList(),
        optionalText(context.lockMode));
  }

  @Override
  public Operation visitNotify(StrataParser.NotifyContext context) {
    return new PostgresOnly.Notify(
        names.identifier(context.channel),
        Optional.ofNullable(context.payload).map(this::content));
  }

  // ---- words and text

  /**
   * The parts of a run: the children of a rule whose children are single tokens and bracketed
   * runs ({@code balanced}), each token or bracketed run one part.
   */
  private static List<ParseTree> units(ParserRuleContext context) {
    List<ParseTree> units = new ArrayList<>();
    for (int i = 0; i < context.getChildCount(); i++) {
      units.add(context.getChild(i));
    }
    return units;
  }

  private static List<Token> terminals(ParseTree tree) {
    List<Token> tokens = new ArrayList<>();
    if (tree instanceof TerminalNode terminal) {
      tokens.add(terminal.getSymbol());
    } else {
      for (int i = 0; i < tree.getChildCount(); i++) {
        tokens.addAll(terminals(tree.getChild(i)));
      }
    }
    return tokens;
  }

  /** The number of leading units of {@code units} that spell one of {@code kinds}, longest first. */
  private static int kindLength(List<ParseTree> units, List<String> kinds) {
    int best = 0;
    for (String kind : kinds) {
      String[] words = kind.split(" ");
      if (words.length >= units.size() || words.length <= best) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < words.length && matches; i++) {
        matches = word(units.get(i)).equals(words[i]);
      }
      if (matches) {
        best = words.length;
      }
    }
    return best;
  }

  /** A single word, upper-cased; the empty string for a bracketed run or a quoted name. */
  private static String word(ParseTree unit) {
    ParseTree single = unit;
    while (single.getChildCount() == 1 && !(single instanceof TerminalNode)) {
      single = single.getChild(0);
    }
    if (!(single instanceof TerminalNode terminal)) {
      return "";
    }
    String text = terminal.getText();
    return Character.isLetter(text.charAt(0)) || text.charAt(0) == '_'
        ? text.toUpperCase(Locale.ROOT)
        : "";
  }

  private String upperWord(StrataParser.IdentifierContext context) {
    return names.identifier(context).value().toUpperCase(Locale.ROOT);
  }

  private static String words(List<ParseTree> units) {
    return String.join(" ", units.stream().map(PostgresOnlyBuilder::word).toList());
  }

  private String text(ParserRuleContext context) {
    return source.text(context.getStart(), context.getStop());
  }

  private String optionalText(ParserRuleContext context) {
    return context == null ? "" : text(context);
  }

  private String text(List<ParseTree> units) {
    return source.text(start(units), stop(units));
  }

  private static Token start(List<ParseTree> units) {
    return terminals(units.getFirst()).getFirst();
  }

  private static Token stop(List<ParseTree> units) {
    return terminals(units.getLast()).getLast();
  }

  private Span span(ParseTree unit) {
    List<Token> tokens = terminals(unit);
    return source.span(tokens.getFirst(), tokens.getLast());
  }

  private String languageName(StrataParser.LanguageNameContext context) {
    return context.identifier() != null
        ? names.identifier(context.identifier()).value()
        : content(context.STRING().getSymbol());
  }

  /**
   * The content of a string literal ({@code ''} unescaped; backslash escapes of an {@code E''}
   * string left as written) or of a dollar quote (verbatim), line ends as LF.
   */
  private String content(Token token) {
    String text = source.text(token, token);
    if (text.startsWith("$")) {
      int tag = text.indexOf('$', 1) + 1;
      return text.substring(tag, text.length() - tag);
    }
    int open = text.indexOf('\'');
    return text.substring(open + 1, text.length() - 1).replace("''", "'");
  }
}
