package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Asterisk;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.QualifiedAsterisk;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultVisitListenerProvider;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;

/**
 * Translates the language's (PostgreSQL's) expressions for MySQL, MariaDB and SQLite: parsed by
 * jOOQ's parser as PostgreSQL ({@code DSL.using(POSTGRES).parser()}, unknown functions refused,
 * names kept as written), then rendered with the target dialect's {@link SqlContext} settings.
 * Where jOOQ's translation is wrong or missing, a visit listener ({@link TranslationRules})
 * replaces the part with a correct one ({@link TranslatedSql}) or refuses it; the rules see only the parts of the parsed
 * expression (recorded by a first rendering as PostgreSQL), never the parts jOOQ makes up while
 * emulating one for the target.
 *
 * <p>Errors point into the expression: E0433 where jOOQ's parser stops (at the function's name for
 * an unknown function), E0434 at the part that has no translation. docs/dialects.md
 * ("Expressions") lists what is translated and what is refused.
 */
final class ExpressionTranslator {
  /** What the text is: a value, a condition, a query, {@code RETURNING} items or a FROM list. */
  enum Shape {
    FIELD("", "the expression"),
    CONDITION("", "the condition"),
    QUERY("", "the query"),
    /** a view's query: {@link #QUERY}, with its stars written out where the dialect needs it */
    VIEW("", "the view's query"),
    SELECT_ITEMS("SELECT ", "the items"),
    TABLES("SELECT 1 FROM ", "the tables");

    private final String prefix;
    private final String what;

    Shape(String prefix, String what) {
      this.prefix = prefix;
      this.what = what;
    }
  }

  /** What a translated value is at its top: a literal, the current timestamp, anything else. */
  enum Root { LITERAL, CURRENT_TIMESTAMP, EXPRESSION }

  /** The translated text, and its {@link Root} (for a {@link Shape#FIELD}). */
  record Translation(String sql, Root root) {}

  private final Dialect dialect;
  private final SqlContext sql;
  private final DSLContext postgres;

  ExpressionTranslator(Dialect dialect, SqlContext sql) {
    this.dialect = dialect;
    this.sql = sql;
    this.postgres = DSL.using(SQLDialect.POSTGRES, new Settings()
        .withLocale(Locale.ROOT)
        .withParseLocale(Locale.ROOT)
        .withRenderLocale(Locale.ROOT)
        .withParseUnknownFunctions(ParseUnknownFunctions.FAIL)
        // the names as written, as the rest of the statement renders them (RenderNameCase.AS_IS)
        .withParseNameCase(ParseNameCase.AS_IS)
        .withRenderFormatted(false));
  }

  /**
   * {@code expr} translated as {@code shape}.
   *
   * @param timestampDigits the fractional-second digits of {@code now()} and {@code
   *     CURRENT_TIMESTAMP} written without any, in MySQL and MariaDB: 6 (PostgreSQL's), or the
   *     column's for a default (MySQL requires the two to match)
   * @param model the schema model before the statement: a cast to one of its enum types keeps the
   *     value as text, which the column of that type checks
   * @param homes the tables whose columns {@code expr}'s names are ({@link ValueKinds.Home}), or
   *     none: a {@code CHECK}'s, a generated column's, an index's table, an {@code UPDATE}'s with
   *     its {@code FROM} tables; taken only for an expression without a subquery (no {@code
   *     SELECT}), whose names may be another table's; a query's are its {@code FROM} tables
   * @param site the statement; errors point at {@code expr}'s position in its source
   * @throws DiagnosticException E0433 when jOOQ cannot parse the text, E0434 when a part of it has
   *     no translation for the dialect
   */
  Translation translate(Expr expr, Shape shape, int timestampDigits, SchemaModel model,
      List<ValueKinds.Home> homes, Site site) throws DiagnosticException {
    return translate(expr, shape, timestampDigits, model, homes, Map.of(), site);
  }

  /**
   * {@link #translate(Expr, Shape, int, SchemaModel, List, Site)} of a value given to columns
   * ({@link #assigned}): {@code targets} are the types of the columns, by the position (from 0)
   * of the {@link Shape#QUERY}'s select list item (an {@code INSERT ... SELECT}) or 0 for a {@link
   * Shape#FIELD} (a value of {@code VALUES}, of {@code SET}). A string literal that PostgreSQL
   * reads as a boolean ({@link BooleanLiterals}: {@code 'true'}, {@code 'off'}, ...) given to a
   * {@code BOOLEAN} column of a query becomes {@code TRUE} or {@code FALSE}, as in {@code VALUES};
   * MySQL and MariaDB refuse the text, SQLite stores it. Only a query with one select list and no
   * {@code *} is rewritten (none of the words {@code UNION}, {@code INTERSECT}, {@code EXCEPT}):
   * another is translated as it is.
   */
  Translation translate(Expr expr, Shape shape, int timestampDigits, SchemaModel model,
      List<ValueKinds.Home> homes, Map<Integer, dev.strata.grammar.ast.DataType> targets,
      Site site) throws DiagnosticException {
    String text = expr.sql().replace("\r\n", "\n").replace('\r', '\n');
    ExpressionScan scan = ExpressionScan.of(text);
    Locator locate = new Locator(expr, text, site);
    Optional<Refusal> refused = TranslationRules.beforeParsing(scan, dialect, model);
    if (refused.isPresent()) {
      throw refusal(refused.get(), scan, locate);
    }
    String parseable;
    try {
      parseable = TranslationRules.withoutUtcZone(text, scan);
    } catch (Refusal refusal) {
      throw refusal(refusal, scan, locate);
    }
    QueryPart parsed = parse(parseable, shape, scan, locate);
    // a query with UNION, INTERSECT or EXCEPT: more than one select list
    boolean compound = scan.word("union").isPresent() || scan.word("intersect").isPresent()
        || scan.word("except").isPresent();
    // the names are the statement's table's columns, or its query's FROM tables' (a subquery's
    // names are its own tables' first: with one, any table's)
    int selects = scan.words("select");
    List<ValueKinds.Home> tables = selects == 0 ? homes
        : selects == 1 && parsed instanceof Select<?> select ? fromTables(select) : List.of();
    ValueKinds kinds = new ValueKinds(model, tables);
    if (shape == Shape.QUERY && !targets.isEmpty() && parsed instanceof Select<?> select
        && !compound) {
      parsed = assignedItems(select, targets, kinds);
    }
    if (shape == Shape.FIELD && targets.containsKey(0)) {
      parsed = assigned((Field<?>) parsed, targets.get(0), kinds);
    }
    if (shape == Shape.VIEW && !dialect.has(Capability.VIEW_STAR_FIXED)
        && parsed instanceof Select<?> select && scan.word("with").isEmpty() && !compound) {
      parsed = ViewStars.expand(select, model);
    }
    Set<QueryPart> written = Collections.newSetFromMap(new IdentityHashMap<>());
    DSL.using(postgres.configuration().derive(new DefaultVisitListenerProvider(new VisitListener() {
      @Override
      public void visitStart(VisitContext context) {
        written.add(context.queryPart());
      }
    }))).render(parsed);
    TranslationRules rules =
        new TranslationRules(dialect, written, timestampDigits, postgres, kinds, compound);
    DSLContext target = sql.dsl(rules);
    String rendered;
    try {
      rendered = target.render(parsed);
    } catch (Refusal refusal) {
      throw refusal(refusal, scan, locate);
    } catch (DataAccessException e) {
      throw locate.at(0, 1).error("E0434", "cannot translate " + shape.what + " for "
          + dialect.id() + ": jOOQ cannot render it (" + e.getMessage() + ")",
          "help: " + TypeDiagnostics.block(dialect));
    }
    return new Translation(strip(rendered, shape), root(parsed, shape, rules));
  }

  /**
   * The tables of a {@code FROM} list ({@code items AS i JOIN ...}: an {@code UPDATE ... FROM}'s, a
   * {@code DELETE ... USING}'s), as {@link #fromTables(Select)} reads them; none when jOOQ's parser
   * cannot read the list (its translation says why).
   */
  List<ValueKinds.Home> fromTables(Expr tables) {
    try {
      return fromTables(postgres.parser().parseSelect(Shape.TABLES.prefix
          + tables.sql().replace("\r\n", "\n").replace('\r', '\n')));
    } catch (ParserException e) {
      return List.of();
    }
  }

  /**
   * The tables of {@code select}'s {@code FROM}, with their aliases: tables named, aliased or
   * joined; empty when another item is there (a function, {@code VALUES}), whose columns are not
   * known, so that the names are looked up in every table.
   */
  private static List<ValueKinds.Home> fromTables(Select<?> select) {
    List<ValueKinds.Home> out = new ArrayList<>();
    for (org.jooq.Table<?> table : select.$from()) {
      if (!fromTable(table, out)) {
        return List.of();
      }
    }
    return out;
  }

  /** Adds {@code table}'s tables to {@code out}; false for an item that is not a table. */
  private static boolean fromTable(org.jooq.Table<?> table, List<ValueKinds.Home> out) {
    if (table instanceof QOM.Join<?> join) {
      return fromTable(join.$table1(), out) && fromTable(join.$table2(), out);
    }
    Optional<String> alias = Optional.empty();
    org.jooq.Table<?> named = table;
    if (table instanceof QOM.TableAlias<?> aliased) {
      alias = Optional.of(SqlContext.folded(aliased.$alias()));
      named = aliased.$table();
    }
    if (!(named instanceof org.jooq.impl.TableImpl<?>)) {
      return false;
    }
    Optional<dev.strata.compiler.schema.ObjectName> name =
        SqlContext.objectName(named.getQualifiedName());
    if (name.isEmpty()) {
      return false;
    }
    out.add(new ValueKinds.Home(name.get(), alias));
    return true;
  }

  /**
   * {@code select} with its items given to the columns of {@code targets}' types (by position)
   * as {@link #assigned} gives them, and {@code TRUE} / {@code FALSE} for a boolean literal given
   * to a {@code BOOLEAN} column.
   */
  private Select<?> assignedItems(Select<?> select,
      Map<Integer, dev.strata.grammar.ast.DataType> targets, ValueKinds kinds) {
    List<? extends SelectFieldOrAsterisk> list = select.$select();
    if (list.stream().anyMatch(i -> i instanceof Asterisk || i instanceof QualifiedAsterisk)) {
      return select;
    }
    List<SelectFieldOrAsterisk> out = new ArrayList<>(list);
    boolean changed = false;
    for (Map.Entry<Integer, dev.strata.grammar.ast.DataType> target : targets.entrySet()) {
      int i = target.getKey();
      if (i >= out.size()) {
        continue;
      }
      SelectFieldOrAsterisk item = out.get(i);
      Field<?> value = item instanceof QOM.FieldAlias<?> alias ? alias.$field() : (Field<?>) item;
      Optional<Boolean> bool = ValueKinds.kind(target.getValue()) == ValueKinds.Kind.BOOLEAN
          ? TranslationRules.literal(value).flatMap(BooleanLiterals::parse) : Optional.empty();
      Field<?> given = bool.isPresent() ? DSL.inline(bool.get())
          : assigned(value, target.getValue(), kinds);
      if (given != value) {
        out.set(i, item instanceof QOM.FieldAlias<?> alias ? given.as(alias.$alias()) : given);
        changed = true;
      }
    }
    return changed ? select.$select(out) : select;
  }

  /**
   * {@code value} given to a column of type {@code column}, converted as PostgreSQL's assignment
   * cast converts it where the dialect would not ({@link Capability#ASSIGNMENT_ROUNDS_NUMBERS}):
   * a number with a fraction ({@link ValueKinds.Kind#NUMERIC}: a numeric or float column, literal
   * or arithmetic) given to a {@code SMALLINT}, {@code INTEGER} or {@code BIGINT} column is cast to
   * it, rounded as PostgreSQL rounds (SQLite's {@code INTEGER} affinity kept 2.5 as a REAL) and
   * refused past its range; to a {@code NUMERIC(p, s)} column, rounded to {@code s} digits and
   * refused past {@code p} (SQLite kept every digit). The cast is translated as any other ({@link
   * CastRules}); a literal that fits is rounded here ({@code 2.5} is {@code 3}, {@code 9.005} in a
   * {@code NUMERIC(10, 2)} {@code 9.01}; {@code 9.00} stays as written); {@code value} itself for
   * another column, value or dialect.
   */
  private Field<?> assigned(
      Field<?> value, dev.strata.grammar.ast.DataType column, ValueKinds kinds) {
    if (dialect.has(Capability.ASSIGNMENT_ROUNDS_NUMBERS) || column.arrayDimensions() > 0
        || kinds.of(value) != ValueKinds.Kind.NUMERIC) {
      return value;
    }
    Optional<org.jooq.DataType<?>> type = roundedType(column);
    if (type.isEmpty()) {
      return value;
    }
    if (value instanceof Param<?> literal && literal.isInline()
        && literal.getValue() instanceof java.math.BigDecimal number) {
      Optional<Field<?>> rounded = roundedLiteral(literal, number, type.get());
      if (rounded.isPresent()) {
        return rounded.get();
      }
    }
    return DSL.cast(value, type.get());
  }

  /**
   * PostgreSQL's type a column of type {@code column} rounds a number to: its integer type (a
   * serial's too), a {@code NUMERIC(p, s)} (with {@code s} 0 when not given); empty for a column
   * that keeps a number's digits or is no number.
   */
  private static Optional<org.jooq.DataType<?>> roundedType(
      dev.strata.grammar.ast.DataType column) {
    return switch (column.kind()) {
      case SMALLINT, SMALLSERIAL -> Optional.of(SQLDataType.SMALLINT);
      case INTEGER, SERIAL -> Optional.of(SQLDataType.INTEGER);
      case BIGINT, BIGSERIAL -> Optional.of(SQLDataType.BIGINT);
      case NUMERIC -> column.size().isEmpty() ? Optional.empty()
          : Optional.of(SQLDataType.NUMERIC(column.size().getAsInt(), column.scale().orElse(0)));
      case REAL, DOUBLE_PRECISION, VARCHAR, CHAR, TEXT, BOOLEAN, DATE, TIME, TIMESTAMP,
          TIMESTAMPTZ, INTERVAL, JSON, JSONB, UUID, BYTEA, TIMETZ, BIT, VARBIT, XML, MONEY, INET,
          CIDR, MACADDR, MACADDR8, TSVECTOR, TSQUERY, OID, REGCLASS, INT4RANGE, INT8RANGE,
          NUMRANGE, TSRANGE, TSTZRANGE, DATERANGE, POINT, LINE, LSEG, BOX, PATH, POLYGON, CIRCLE,
          NAMED -> Optional.empty();
    };
  }

  /**
   * The numeric literal {@code literal} ({@code number}) as PostgreSQL gives it to a column of
   * {@code type}, rounded half away from zero to the type's scale: {@code literal} itself when
   * rounding leaves it as it is, a new literal when it changes it; empty when the rounded value
   * does not fit the type (the cast then fails as PostgreSQL's assignment does).
   */
  private static Optional<Field<?>> roundedLiteral(
      Param<?> literal, java.math.BigDecimal number, org.jooq.DataType<?> type) {
    java.math.BigDecimal rounded = number.setScale(
        type.isInteger() ? 0 : Math.max(0, type.scale()), java.math.RoundingMode.HALF_UP);
    long[] range = CastRules.integerRange(type);
    boolean fits = type.isInteger()
        ? rounded.compareTo(java.math.BigDecimal.valueOf(range[0])) >= 0
            && rounded.compareTo(java.math.BigDecimal.valueOf(range[1])) <= 0
        : rounded.precision() - rounded.scale() <= type.precision() - type.scale();
    if (!fits) {
      return Optional.empty();
    }
    return Optional.of(rounded.compareTo(number) == 0 && number.scale() <= rounded.scale()
        ? literal
        : type.isInteger() ? DSL.inline(rounded.longValueExact())
        : DSL.inline(rounded, SQLDataType.NUMERIC));
  }

  private QueryPart parse(String text, Shape shape, ExpressionScan scan, Locator locate)
      throws DiagnosticException {
    String input = shape.prefix + text;
    try {
      return switch (shape) {
        case FIELD -> postgres.parser().parseField(input);
        case CONDITION -> postgres.parser().parseCondition(input);
        case QUERY, VIEW -> postgres.parser().parseSelect(input);
        case SELECT_ITEMS -> sql.dsl().select(postgres.parser().parseSelect(input).$select());
        case TABLES -> sql.dsl().select(DSL.inline(1)).from(
            postgres.parser().parseSelect(input).$from());
      };
    } catch (ParserException e) {
      int position = Math.max(0, Math.min(e.position() - shape.prefix.length(), text.length()));
      String reason = e.getMessage().replaceFirst("(?s):? \\[\\d+:\\d+\\].*", "");
      Optional<ExpressionScan.Token> function = reason.startsWith("Unknown function")
          ? scan.wordBefore(position) : Optional.empty();
      if (function.isPresent()) {
        ExpressionScan.Token name = function.get();
        throw locate.at(name.start(), name.text().length()).error("E0433",
            "cannot translate " + name.text() + "() for " + dialect.id()
                + ": jOOQ's parser does not know the function",
            "note: strata translates expressions through jOOQ's parser, which knows the functions"
                + " it can translate",
            "help: " + TypeDiagnostics.block(dialect));
      }
      int length = scan.at(position).filter(t -> t.start() == position)
          .map(t -> t.text().length()).orElse(1);
      throw locate.at(position, length).error("E0433",
          "cannot translate " + shape.what + " for " + dialect.id() + ": jOOQ's parser stops here ("
              + reason + ")",
          "note: strata translates expressions through jOOQ's parser, which does not know all of"
              + " PostgreSQL's syntax",
          "help: " + TypeDiagnostics.block(dialect));
    }
  }

  /** The rendering without the words {@link Shape#SELECT_ITEMS} and {@link Shape#TABLES} add. */
  private static String strip(String rendered, Shape shape) {
    if (shape.prefix.isEmpty()) {
      return rendered;
    }
    if (!rendered.regionMatches(true, 0, shape.prefix, 0, shape.prefix.length())) {
      throw new IllegalStateException("jOOQ rendered " + rendered);
    }
    return rendered.substring(shape.prefix.length());
  }

  /** What {@code parsed} is at its top, past the casts the dialect drops. */
  private static Root root(QueryPart parsed, Shape shape, TranslationRules rules) {
    if (shape != Shape.FIELD) {
      return Root.EXPRESSION;
    }
    QueryPart top = parsed;
    while (top instanceof QOM.Cast<?> cast && rules.drops(cast)) {
      top = cast.$field();
    }
    if (top instanceof Param<?> param && param.isInline()) {
      return Root.LITERAL;
    }
    return top instanceof QOM.CurrentTimestamp<?> ? Root.CURRENT_TIMESTAMP : Root.EXPRESSION;
  }

  private DiagnosticException refusal(Refusal refusal, ExpressionScan scan, Locator locate) {
    Optional<ExpressionScan.Token> token = refusal.token(scan);
    int start = token.map(ExpressionScan.Token::start).orElse(0);
    int length = token.map(t -> t.text().length()).orElse(1);
    return locate.at(start, length).error("E0434",
        refusal.getMessage() + " in " + dialect.id(), refusal.notes(dialect));
  }

  /** Positions inside the expression, as spans of its source file. */
  private record Locator(Expr expr, String text, Site site) {
    /** The span of {@code length} chars at {@code offset} of the expression's text. */
    Site at(int offset, int length) {
      String before = text.substring(0, offset);
      int newline = before.lastIndexOf('\n');
      int line = expr.span().line() + (int) before.chars().filter(c -> c == '\n').count();
      int column = newline < 0 ? expr.span().column() + offset : offset - newline;
      return new Site(site.source(), new Span(line, column, Math.max(1, length)));
    }
  }

  /**
   * A part without a translation: what it is, where it is written, why, and what to write
   * instead.
   */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> needles;
    private final int offset;
    private final int length;
    private final String note;
    private final String help;

    /**
     * @param what the part, e.g. {@code CURRENT_USER has no equivalent}; the message adds
     *     {@code in <dialect>}
     * @param needles words or operators that find the part in the text, the first found wins
     * @param note why, or empty
     * @param help what to write instead, or empty for the dialect block alone
     */
    Refusal(String what, List<String> needles, String note, String help) {
      this(what, needles, -1, 0, note, help);
    }

    /** A refusal of the part at {@code offset} ({@code length} chars) of the expression. */
    Refusal(String what, int offset, int length, String note, String help) {
      this(what, List.of(), offset, length, note, help);
    }

    private Refusal(
        String what, List<String> needles, int offset, int length, String note, String help) {
      super(what, null, false, false);
      this.needles = List.copyOf(needles);
      this.offset = offset;
      this.length = length;
      this.note = note;
      this.help = help;
    }

    Optional<ExpressionScan.Token> token(ExpressionScan scan) {
      if (offset >= 0) {
        return scan.at(offset).filter(t -> t.start() == offset)
            .or(() -> Optional.of(new ExpressionScan.Token(" ".repeat(length), offset, false)));
      }
      for (String needle : needles) {
        Optional<ExpressionScan.Token> found = needle.chars().allMatch(
                c -> Character.isLetterOrDigit(c) || c == '_')
            ? scan.word(needle)
            : scan.operator(needle);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }

    String[] notes(Dialect dialect) {
      List<String> notes = new java.util.ArrayList<>();
      if (!note.isEmpty()) {
        notes.add("note: " + note);
      }
      notes.add(help.isEmpty()
          ? "help: " + TypeDiagnostics.block(dialect)
          : "help: " + help + ", or " + TypeDiagnostics.block(dialect));
      return notes.toArray(String[]::new);
    }
  }
}
