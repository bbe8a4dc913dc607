package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaModel;
import dev.strata.dialects.ExpressionTranslator.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;

/**
 * Where jOOQ 3.20's translation of a parsed PostgreSQL expression is wrong or missing for MySQL,
 * MariaDB or SQLite: a visit listener that, while the expression is rendered for the target,
 * replaces such a part of the parsed expression (and only of it: {@code written} holds its parts)
 * with a correct one, or refuses it ({@link Refusal}, E0434); and the calls refused before jOOQ
 * parses, whose translation cannot be told from a correct one once parsed. Each rule says what
 * jOOQ does; docs/dialects.md ("Expressions") lists them.
 */
final class TranslationRules implements VisitListener {
  private static final Pattern DIGITS = Pattern.compile("\\((\\d+)\\)\\s*$");

  /** The zones whose {@code AT TIME ZONE} leaves a UTC timestamp as it is. */
  private static final Set<String> UTC = Set.of("utc", "etc/utc", "gmt", "etc/gmt", "z",
      "+00:00", "+00", "00:00");

  private final Dialect dialect;
  private final Set<QueryPart> written;
  private final int timestampDigits;
  private final DSLContext postgres;
  /** Whether the expression is a query with UNION, INTERSECT or EXCEPT. */
  private final boolean compound;
  private final ValueKinds kinds;
  private final CastRules casts;
  private final EnumOrderRules enumOrder;
  private final TemporalArithmetic temporal;
  /** The jOOQ date arithmetic parts being rendered inside their {@code date()} (SQLite). */
  private final Set<QueryPart> wrapping =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /**
   * @param written the parts of the parsed expression, by identity
   * @param timestampDigits the fractional-second digits of a current timestamp without any, in
   *     MySQL and MariaDB
   * @param postgres a PostgreSQL context, to read a parsed current timestamp's own digits
   * @param kinds the kinds of the expression's values, by the schema model (whose enum types a
   *     cast may name) and the statement's table
   * @param compound whether the expression is a query with {@code UNION}, {@code INTERSECT} or
   *     {@code EXCEPT} (whose {@code ORDER BY} SQLite takes only as result columns)
   */
  TranslationRules(Dialect dialect, Set<QueryPart> written, int timestampDigits,
      DSLContext postgres, ValueKinds kinds, boolean compound) {
    this.dialect = dialect;
    this.written = written;
    this.timestampDigits = timestampDigits;
    this.postgres = postgres;
    this.kinds = kinds;
    this.compound = compound;
    this.casts = new CastRules(dialect, this::drops);
    this.enumOrder = new EnumOrderRules(dialect, postgres, this::enumType);
    this.temporal = new TemporalArithmetic(dialect);
  }

  /**
   * {@code j -> 'key'} and {@code j ->> 'key'} with a literal key that is not a plain name: jOOQ
   * writes the JSON path {@code '$.' || 'key'}, which reads {@code 'a.b'} as the path a, b (and a
   * key with a space or a bracket as broken syntax); PostgreSQL reads one member named
   * {@code a.b}. The key is written quoted, {@code $."a.b"}, which MySQL, MariaDB and SQLite
   * read as one member. A plain name, or a key that is not a literal, is left to jOOQ.
   */
  private static Optional<QueryPart> quotedMember(QueryPart part) {
    Field<String> attribute = switch (part) {
      case QOM.JSONBGetAttributeAsText get -> get.$attribute();
      case QOM.JSONBGetAttribute get -> get.$attribute();
      case QOM.JSONGetAttributeAsText get -> get.$attribute();
      case QOM.JSONGetAttribute get -> get.$attribute();
      default -> null;
    };
    Optional<String> key = attribute == null ? Optional.empty() : literal(attribute);
    if (key.isEmpty() || PLAIN_MEMBER.matcher(key.get()).matches()) {
      return Optional.empty();
    }
    Field<String> quoted = DSL.inline(
        "\"" + key.get().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    return Optional.of(switch (part) {
      case QOM.JSONBGetAttributeAsText get -> DSL.jsonbGetAttributeAsText(get.$field(), quoted);
      case QOM.JSONBGetAttribute get -> DSL.jsonbGetAttribute(get.$field(), quoted);
      case QOM.JSONGetAttributeAsText get -> DSL.jsonGetAttributeAsText(get.$field(), quoted);
      case QOM.JSONGetAttribute get -> DSL.jsonGetAttribute(get.$field(), quoted);
      default -> throw new IllegalStateException("not a JSON member: " + part);
    });
  }

  /**
   * SQLite: {@code j ->> 'key'} as PostgreSQL's text. jOOQ writes {@code json_extract(j, path)},
   * SQLite's SQL value of the member: 1 and 0 for {@code true} and {@code false}, a number for a
   * number, so that {@code j ->> 'active' = 'true'} and {@code j ->> 'n' = '5'} are false there.
   * {@link TranslatedSql#sqliteJsonText} writes {@code 'true'}, {@code 'false'} and the number's
   * text. The path is the member's, quoted when the key is not a plain name ({@link
   * #quotedMember}).
   */
  private static Optional<QueryPart> sqliteJsonText(QueryPart part) {
    Field<?> json;
    Field<String> attribute;
    if (part instanceof QOM.JSONBGetAttributeAsText get) {
      json = get.$field();
      attribute = get.$attribute();
    } else if (part instanceof QOM.JSONGetAttributeAsText get) {
      json = get.$field();
      attribute = get.$attribute();
    } else {
      return Optional.empty();
    }
    Optional<String> key = literal(attribute);
    Field<String> path = key.isEmpty()
        ? TranslatedSql.sqliteMemberPath(attribute)
        : DSL.inline(PLAIN_MEMBER.matcher(key.get()).matches()
            ? "$." + key.get()
            : "$.\"" + key.get().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    return Optional.of(TranslatedSql.sqliteJsonText(json, path));
  }

  /** A JSON member name a path may hold unquoted. */
  private static final Pattern PLAIN_MEMBER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * A PostgreSQL function that jOOQ 3.20 parses but writes for {@code dialects} as a call the
   * target does not have, or as one that computes something else ({@code why} says which; {@code
   * {dialect}} in it is the target's name).
   */
  private record Untranslated(String name, Set<Dialect> dialects, String why, String help) {}

  private static final Set<Dialect> OTHERS =
      java.util.EnumSet.of(Dialect.MYSQL, Dialect.MARIADB, Dialect.SQLITE);
  private static final Set<Dialect> SQLITE_ONLY = java.util.EnumSet.of(Dialect.SQLITE);

  /** The functions refused by name: docs/dialects.md ("Expressions") lists them. */
  private static final List<Untranslated> UNTRANSLATED = List.of(
      new Untranslated("div", OTHERS, "jOOQ 3.20 reads div(a, b) as a / b, which keeps the"
          + " fraction in {dialect}", "write a / b of two integer columns or literals, which"
          + " strata translates as integer division"),
      new Untranslated("regexp_replace", OTHERS, "PostgreSQL's regexp_replace() replaces the"
          + " first match unless given the flag 'g'; {dialect}'s replaces every match, or has no"
          + " regexp_replace()", ""),
      new Untranslated("jsonb_set", OTHERS, "jOOQ 3.20 writes json_set() with PostgreSQL's path"
          + " array ('{a,b}'), which is no JSON path in {dialect}, and the new value as text",
          "set the member in the application, or keep this data migration for PostgreSQL"),
      new Untranslated("stddev", OTHERS, "jOOQ 3.20 writes the population's standard deviation;"
          + " PostgreSQL's stddev() is the sample's", "write stddev_samp()"),
      new Untranslated("variance", OTHERS, "jOOQ 3.20 writes the population's variance;"
          + " PostgreSQL's variance() is the sample's", "write var_samp()"),
      new Untranslated("translate", OTHERS, "{dialect} has no translate()",
          "write nested replace() calls"),
      new Untranslated("to_timestamp", OTHERS, "{dialect} has no to_timestamp()", ""),
      new Untranslated("to_date", OTHERS, "{dialect} has no to_date()",
          "write CAST('2024-05-01' AS DATE) for a value in ISO form"),
      new Untranslated("string_to_array", OTHERS, "{dialect} has no arrays", ""),
      new Untranslated("array_agg", OTHERS, "{dialect} has no arrays", ""),
      new Untranslated("xmlagg", OTHERS, "{dialect} has no XML type", ""),
      new Untranslated("mode", OTHERS, "{dialect} has no ordered-set aggregates", ""),
      new Untranslated("percentile_cont", OTHERS, "{dialect} has no ordered-set aggregates", ""),
      new Untranslated("percentile_disc", OTHERS, "{dialect} has no ordered-set aggregates", ""),
      new Untranslated("md5", SQLITE_ONLY, "sqlite has no md5()", ""),
      new Untranslated("reverse", SQLITE_ONLY, "sqlite has no reverse()", ""),
      new Untranslated("split_part", SQLITE_ONLY, "sqlite has no split_part()", ""),
      new Untranslated("ascii", SQLITE_ONLY, "sqlite has no ascii()",
          "write unicode(), which is the same for ASCII text"),
      new Untranslated("stddev_samp", SQLITE_ONLY, "sqlite has no stddev_samp()", ""),
      new Untranslated("stddev_pop", SQLITE_ONLY, "sqlite has no stddev_pop()", ""),
      new Untranslated("var_samp", SQLITE_ONLY, "sqlite has no var_samp()", ""),
      new Untranslated("bit_and", SQLITE_ONLY, "sqlite has no bit_and()", ""),
      new Untranslated("bit_or", SQLITE_ONLY, "sqlite has no bit_or()", ""));

  /** The comparison operators a quantified subquery ({@code = ANY (...)}) follows. */
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");

  /**
   * Syntax jOOQ 3.20 writes for a target that reads it otherwise or not at all: {@code DISTINCT
   * ON} (jOOQ's {@code row_number()} emulation orders by columns its subquery does not select),
   * {@code IS [NOT] UNKNOWN} (written as a column named unknown), in SQLite a comparison with
   * {@code ANY}, {@code SOME} or {@code ALL} of a subquery (SQLite has none), in MariaDB {@code
   * lag()} and {@code lead()} with a default (MariaDB's take two arguments).
   */
  private static Optional<Refusal> unsupportedSyntax(ExpressionScan scan, Dialect dialect) {
    List<ExpressionScan.Token> tokens = scan.tokens();
    for (int k = 0; k + 1 < tokens.size(); k++) {
      ExpressionScan.Token t = tokens.get(k);
      String next = tokens.get(k + 1).folded();
      if (t.word() && t.folded().equals("distinct") && next.equals("on")) {
        return Optional.of(new Refusal("DISTINCT ON has no translation", t.start(),
            t.text().length(), "jOOQ 3.20 writes a row_number() query that " + dialect.id()
                + " refuses when the ORDER BY names a column the query does not select",
            "pick the rows with a subquery: WHERE id IN (SELECT ... GROUP BY ...)"));
      }
      if (t.word() && t.folded().equals("is") && (next.equals("unknown")
          || next.equals("not") && k + 2 < tokens.size()
              && tokens.get(k + 2).folded().equals("unknown"))) {
        return Optional.of(new Refusal("IS UNKNOWN has no translation", t.start(),
            t.text().length(), "jOOQ 3.20 reads UNKNOWN as a column name",
            "write IS NULL (of a boolean, UNKNOWN is NULL)"));
      }
      boolean quantified = t.word() && (t.folded().equals("any") || t.folded().equals("some")
          || t.folded().equals("all")) && next.equals("(") && k > 0
          && COMPARISONS.contains(tokens.get(k - 1).text());
      if (dialect == Dialect.SQLITE && quantified) {
        return Optional.of(new Refusal(t.text().toUpperCase(Locale.ROOT)
            + " of a subquery has no translation", t.start(), t.text().length(),
            "sqlite has no quantified comparisons", "write IN (...), or EXISTS (...) with the"
                + " comparison in its WHERE"));
      }
    }
    if (dialect == Dialect.MARIADB) {
      for (String function : List.of("lag", "lead")) {
        Optional<ExpressionScan.Token> call = callWithArguments(scan, function, 3);
        if (call.isPresent()) {
          return Optional.of(new Refusal(function + "() with a default has no translation",
              call.get().start(), call.get().text().length(),
              "mariadb's " + function + "() takes no third argument",
              "write coalesce(" + function + "(x, 1) OVER (...), default), when x is never"
                  + " NULL"));
        }
      }
    }
    return Optional.empty();
  }

  /** The first call of {@code name} with at least {@code count} arguments, or empty. */
  private static Optional<ExpressionScan.Token> callWithArguments(
      ExpressionScan scan, String name, int count) {
    return firstCall(scan, name, call -> call.arguments() >= count);
  }

  /** What a call's parentheses hold: its top-level arguments, and whether one has ORDER BY. */
  private record CallShape(int arguments, boolean orderBy) {}

  /**
   * The first call of {@code name} (a word before {@code (}, not after a dot) whose shape {@code
   * wanted} accepts, or empty.
   */
  private static Optional<ExpressionScan.Token> firstCall(ExpressionScan scan, String name,
      java.util.function.Predicate<CallShape> wanted) {
    List<ExpressionScan.Token> tokens = scan.tokens();
    for (int k = 0; k + 1 < tokens.size(); k++) {
      ExpressionScan.Token t = tokens.get(k);
      if (!t.word() || !t.folded().equals(name) || !tokens.get(k + 1).text().equals("(")
          || k > 0 && tokens.get(k - 1).text().equals(".")) {
        continue;
      }
      int depth = 0;
      int arguments = 1;
      boolean orderBy = false;
      for (int j = k + 1; j < tokens.size(); j++) {
        String text = tokens.get(j).text();
        if (text.equals("(") || text.equals("[")) {
          depth++;
        } else if (text.equals(")") || text.equals("]")) {
          if (--depth == 0) {
            break;
          }
        } else if (text.equals(",") && depth == 1) {
          arguments++;
        } else if (depth == 1 && tokens.get(j).folded().equals("order") && j + 1 < tokens.size()
            && tokens.get(j + 1).folded().equals("by")) {
          orderBy = true;
        }
      }
      if (wanted.test(new CallShape(arguments, orderBy))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The first call of {@code name} with {@code ORDER BY} among its arguments, or empty. */
  private static Optional<ExpressionScan.Token> orderedCall(ExpressionScan scan, String name) {
    return firstCall(scan, name, CallShape::orderBy);
  }

  /** The first call of {@code name} with one argument (no comma at its top level), or empty. */
  private static Optional<ExpressionScan.Token> oneArgumentCall(ExpressionScan scan, String name) {
    return firstCall(scan, name, call -> call.arguments() == 1);
  }

  /**
   * {@code text} with every {@code AT TIME ZONE 'UTC'} blanked out (the same length of spaces, so
   * that positions after it stay right), or a refusal for another zone. jOOQ 3.20 cannot parse
   * {@code AT TIME ZONE} (jOOQ #7238); strata keeps {@code TIMESTAMP WITH TIME ZONE} values in UTC
   * in the other dialects (docs/dialects.md), where converting one to or from UTC leaves it as it
   * is.
   */
  static String withoutUtcZone(String text, ExpressionScan scan) {
    List<ExpressionScan.Token> tokens = scan.tokens();
    StringBuilder out = new StringBuilder(text);
    for (int k = 0; k + 2 < tokens.size(); k++) {
      if (tokens.get(k).folded().equals("at") && tokens.get(k + 1).folded().equals("time")
          && tokens.get(k + 2).folded().equals("zone")) {
        int quote = tokens.get(k + 2).end();
        while (quote < text.length() && Character.isWhitespace(text.charAt(quote))) {
          quote++;
        }
        int close = quote < text.length() && text.charAt(quote) == '\''
            ? text.indexOf('\'', quote + 1) : -1;
        String zone = close < 0 ? "" : text.substring(quote + 1, close);
        if (close < 0 || !UTC.contains(zone.toLowerCase(Locale.ROOT))) {
          throw new Refusal("AT TIME ZONE has no translation", tokens.get(k).start(),
              tokens.get(k).text().length(),
              "strata keeps TIMESTAMP WITH TIME ZONE values in UTC outside PostgreSQL, where only"
                  + " AT TIME ZONE 'UTC' (the value itself) has one",
              "convert the time zone in the application");
        }
        for (int i = tokens.get(k).start(); i <= close; i++) {
          out.setCharAt(i, out.charAt(i) == '\n' ? '\n' : ' ');
        }
      }
    }
    return out.toString();
  }

  /**
   * A call refused before parsing (on the text, outside literals and quoted names), or empty.
   * {@code ||} of JSON values (a cast to {@code json}/{@code jsonb}, or a JSON column of the model)
   * is PostgreSQL's merge, which jOOQ renders as a concatenation of texts. PostgreSQL's {@code
   * concat()} skips NULL arguments, but jOOQ parses it and {@code ||} alike and
   * translates both to MySQL's {@code concat()} / SQLite's {@code ||}, which give NULL; {@code
   * date_trunc()} and {@code trunc()} come out as {@code trunc(x, null)}, {@code to_char()} without
   * its format; {@code nextval()} and its kin name sequences only PostgreSQL and MariaDB have; the
   * niladic {@code USER}, {@code SESSION_USER}, {@code CURRENT_ROLE}, {@code CURRENT_CATALOG},
   * {@code LOCALTIME} and {@code LOCALTIMESTAMP} are parsed as column names; {@code SIMILAR TO} is
   * written as it is, which no target knows.
   */
  static Optional<Refusal> beforeParsing(ExpressionScan scan, Dialect dialect, SchemaModel model) {
    if (scan.call("concat").isPresent()) {
      return Optional.of(new Refusal("concat() has no faithful translation", List.of("concat"),
          "PostgreSQL's concat() skips NULL arguments; jOOQ translates it as a concatenation that"
              + " is NULL when an argument is",
          "write coalesce(a, '') || coalesce(b, '')"));
    }
    Optional<ExpressionScan.Token> pipes = scan.operator("||");
    if (pipes.isPresent() && (scan.word("jsonb").isPresent() || scan.word("json").isPresent()
        || namesJsonColumn(scan, model))) {
      ExpressionScan.Token at = pipes.get();
      return Optional.of(new Refusal("|| of JSON values has no translation", at.start(),
          at.text().length(),
          "PostgreSQL's jsonb || merges two documents; jOOQ translates it as a concatenation of"
              + " their texts, which is no JSON",
          "MySQL and MariaDB have JSON_MERGE_PATCH() and SQLite json_patch(), which merge by"
              + " other rules for nulls and arrays"));
    }
    Optional<ExpressionScan.Token> log = oneArgumentCall(scan, "log");
    if (log.isPresent()) {
      return Optional.of(new Refusal("log() with one argument has no faithful translation",
          log.get().start(), log.get().text().length(),
          "PostgreSQL's log(x) is the base-10 logarithm; jOOQ 3.20 reads it as ln(x), the natural"
              + " one", "write log10(x), which PostgreSQL has too"));
    }
    for (Untranslated function : UNTRANSLATED) {
      if (function.dialects().contains(dialect) && scan.call(function.name()).isPresent()) {
        return Optional.of(new Refusal(function.name() + "() has no "
            + (function.why().startsWith("jOOQ") ? "faithful translation" : "equivalent"),
            List.of(function.name()), function.why().replace("{dialect}", dialect.id()),
            function.help()));
      }
    }
    Optional<Refusal> syntax = unsupportedSyntax(scan, dialect);
    if (syntax.isPresent()) {
      return syntax;
    }
    if (dialect == Dialect.SQLITE) {
      Optional<ExpressionScan.Token> ordered = orderedCall(scan, "string_agg");
      if (ordered.isPresent()) {
        return Optional.of(new Refusal("string_agg() with ORDER BY has no translation",
            ordered.get().start(), ordered.get().text().length(),
            "an aggregate's ORDER BY needs SQLite 3.44, and strata writes for 3.37; jOOQ 3.20"
                + " writes group_concat(x ORDER BY ..., separator), which no SQLite reads",
            "aggregate without ORDER BY, or keep this data migration for PostgreSQL"));
      }
    }
    for (String function : List.of("date_trunc", "trunc", "to_char")) {
      if (scan.call(function).isPresent()) {
        return Optional.of(new Refusal(function + "() has no translation", List.of(function),
            function.equals("to_char")
                ? "jOOQ 3.20 translates to_char() without its format"
                : "jOOQ 3.20 translates " + function + "() as trunc(x, null)",
            ""));
      }
    }
    if (!dialect.has(Capability.SEQUENCES)) {
      for (String function : List.of("nextval", "currval", "setval", "lastval")) {
        if (scan.call(function).isPresent()) {
          return Optional.of(new Refusal(function + "() has no equivalent", List.of(function),
              dialect.id() + " has no sequences", ""));
        }
      }
    }
    for (String word : List.of("user", "session_user", "current_role", "current_catalog",
        "localtime", "localtimestamp")) {
      if (scan.word(word).isPresent()) {
        return Optional.of(new Refusal(word.toUpperCase(Locale.ROOT) + " has no translation",
            List.of(word), "",
            word.startsWith("local") ? "use now() or CURRENT_TIMESTAMP" : ""));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the translation keeps a cast's operand alone: a cast to JSON where the dialect has none
   * ({@link Capability#JSON_CASTS}), a cast to an enum type of the model.
   */
  boolean drops(QOM.Cast<?> cast) {
    DataType<?> type = cast.getDataType();
    return type.isJSON() && !dialect.has(Capability.JSON_CASTS)
        || type.isOther() && enumType(type);
  }

  @Override
  public void visitStart(VisitContext context) {
    QueryPart part = context.queryPart();
    if (written.contains(part)) {
      QueryPart replacement = replacement(part);
      if (replacement != part) {
        context.queryPart(replacement);
      }
    }
  }

  private QueryPart replacement(QueryPart part) {
    if (part instanceof Param<?> param && !param.isInline()) {
      throw new Refusal("a bind marker has no value", List.of("?", "$", ":"), "",
          "write the value");
    }
    if (part instanceof QOM.Array<?>) {
      throw new Refusal("an array value has no equivalent", List.of("array", "["),
          dialect.id() + " has no arrays", "");
    }
    if (part instanceof QOM.Contains<?>) {
      throw new Refusal("the operator @> has no equivalent", List.of("@>"),
          "jOOQ 3.20 translates it as LIKE '%...%', a text search", "");
    }
    if (part instanceof QOM.Collated) {
      throw new Refusal("COLLATE has no translation", List.of("collate"),
          "PostgreSQL's collations are not " + dialect.id() + "'s", "");
    }
    if (part instanceof QOM.Cast<?> cast) {
      return casts.translate(cast, kinds);
    }
    if (part instanceof SortField<?> sort) {
      if (dialect != Dialect.SQLITE && nonNegative(sort.$field())) {
        // jOOQ writes the NULLS LAST of ORDER BY 2 as nvl2(2, 0, 1), 2: a constant
        throw new Refusal("ORDER BY a position has no translation", List.of("order"),
            "jOOQ writes PostgreSQL's NULLS LAST for " + dialect.id() + " around the number,"
                + " not around the column it stands for", "name the column or its alias");
      }
      // SQLite holds an enum's labels as text: sorted by their position in the type instead
      Optional<Field<Integer>> position = Optional.empty();
      if (dialect == Dialect.SQLITE) {
        enumOrder.refuseUncertain(List.of(sort.$field()), "ORDER BY", kinds);
        position = kinds.enumType(sort.$field())
            .flatMap(type -> enumOrder.position(sort.$field(), type, kinds));
      }
      if (position.isPresent() && compound) {
        throw new Refusal("ORDER BY of an enum after UNION, INTERSECT or EXCEPT has no"
            + " translation", List.of("order"), "PostgreSQL orders the values by the type's"
            + " labels; SQLite orders such a query only by its result columns, as text",
            "order the query from a subquery: SELECT * FROM (... UNION ...) AS q ORDER BY ...");
      }
      if (sort.$nullOrdering() == null || position.isPresent()) {
        // PostgreSQL sorts NULL as the largest value: last ascending, first descending; MySQL,
        // MariaDB and SQLite sort it as the smallest. Said explicitly, jOOQ writes it for each
        Field<?> key = position.isPresent() ? position.get() : sort.$field();
        boolean descending = sort.$sortOrder() == SortOrder.DESC;
        boolean nullsFirst = sort.$nullOrdering() == null
            ? descending : sort.$nullOrdering() == QOM.NullOrdering.NULLS_FIRST;
        SortField<?> ordered = descending ? key.desc() : key.asc();
        return nullsFirst ? ordered.nullsFirst() : ordered.nullsLast();
      }
    }
    if (part instanceof QOM.Concat concat) {
      Optional<QueryPart> texts = concatenation(concat);
      if (texts.isPresent()) {
        return texts.get();
      }
    }
    Optional<QueryPart> ordered = enumOrder.translate(part, kinds);
    if (ordered.isPresent()) {
      return ordered.get();
    }
    if (dialect == Dialect.SQLITE) {
      Optional<QueryPart> text = sqliteJsonText(part);
      if (text.isPresent()) {
        return text.get();
      }
    }
    Optional<QueryPart> member = quotedMember(part);
    if (member.isPresent()) {
      return member.get();
    }
    if (part instanceof QOM.Eq<?> eq) {
      Optional<QueryPart> comparison = booleanComparison(eq.$arg1(), eq.$arg2(), false);
      if (comparison.isPresent()) {
        return comparison.get();
      }
    }
    if (part instanceof QOM.Ne<?> ne) {
      Optional<QueryPart> comparison = booleanComparison(ne.$arg1(), ne.$arg2(), true);
      if (comparison.isPresent()) {
        return comparison.get();
      }
    }
    if (part instanceof QOM.ToHex hex) {
      // PostgreSQL's to_hex() writes lower-case digits; MySQL's hex() and SQLite's printf('%X')
      // upper-case ones
      return wrapping.add(part) ? DSL.lower((Field<String>) hex) : unwrap(part);
    }
    if (part instanceof QOM.Greatest<?> greatest) {
      return nullSkipping(greatest.$arg1(), true).orElse(part);
    }
    if (part instanceof QOM.Least<?> least) {
      return nullSkipping(least.$arg1(), false).orElse(part);
    }
    if (part instanceof QOM.Substring substring
        && literal(substring.$startingPosition()).isPresent()) {
      throw new Refusal("substring() with a pattern has no translation", List.of("substring"),
          "PostgreSQL's substring(s FROM 'pattern') extracts a regular expression's match; jOOQ"
              + " 3.20 reads the pattern as a position", "");
    }
    if (part instanceof QOM.Substring substring
        && substring.$startingPosition() instanceof Param<?> start && start.isInline()
        && start.getValue() instanceof Number n && n.longValue() < 1) {
      throw new Refusal("substring() from a position below 1 has no translation",
          List.of("substring", "substr"), "PostgreSQL counts such a start before the string"
              + " (substring('abc', 0, 2) is 'a'); " + dialect.id() + " counts it from the end or"
              + " gives ''", "start at 1 and shorten the length");
    }
    if (part instanceof QOM.Extract extract && extract.$datePart() == org.jooq.DatePart.SECOND) {
      Optional<QueryPart> seconds = seconds(extract);
      if (seconds.isPresent()) {
        return seconds.get();
      }
    }
    if (part instanceof QOM.Extract extract && UNTRANSLATED_FIELDS.contains(extract.$datePart())) {
      throw new Refusal("extract(" + extract.$datePart().name().toLowerCase(Locale.ROOT)
          + " ...) has no translation", List.of("extract", "date_part"),
          "PostgreSQL's ISO week and its seconds with their fraction have no counterpart in "
              + dialect.id(), "");
    }
    if (part instanceof QOM.Left left && !nonNegative(left.$length())) {
      throw negativeLength("left");
    }
    if (part instanceof QOM.Right right && !nonNegative(right.$length())) {
      throw negativeLength("right");
    }
    if (part instanceof QOM.SimilarTo similar) {
      return similarTo(similar.$value(), similar.$pattern(), similar.$escape(), false);
    }
    if (part instanceof QOM.NotSimilarTo similar) {
      return similarTo(similar.$value(), similar.$pattern(), similar.$escape(), true);
    }
    return switch (dialect) {
      case POSTGRESQL -> throw new IllegalStateException("PostgreSQL's expressions are as written");
      case MYSQL, MARIADB -> mysql(part);
      case SQLITE -> sqlite(part);
    };
  }

  /**
   * PostgreSQL's {@code greatest()} and {@code least()} skip NULL arguments; MySQL's, MariaDB's
   * and SQLite's ({@code max()}, {@code min()}) are NULL when one is. Each argument that may be
   * NULL becomes {@code coalesce(it, the others...)}: a NULL one stands in for another argument's
   * value, which changes neither result, and all are NULL only when every argument is. Empty when
   * no argument may be NULL (all are literals), or there is one.
   */
  private static Optional<QueryPart> nullSkipping(List<? extends Field<?>> args, boolean greatest) {
    if (args.size() < 2 || args.stream().allMatch(TranslationRules::notNull)) {
      return Optional.empty();
    }
    List<Field<?>> filled = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Field<?> arg = args.get(i);
      if (notNull(arg)) {
        filled.add(arg);
        continue;
      }
      List<Field<?>> others = new java.util.ArrayList<>(args);
      others.remove(i);
      filled.add(DSL.coalesce(arg, others.toArray(Field<?>[]::new)));
    }
    Field<?>[] rest = filled.subList(1, filled.size()).toArray(Field<?>[]::new);
    return Optional.of(greatest
        ? DSL.greatest(filled.get(0), rest)
        : DSL.least(filled.get(0), rest));
  }

  /**
   * {@code column = 'true'} (or {@code <>}) of a boolean column ({@link ValueKinds}) and a string
   * literal PostgreSQL reads as a boolean ({@link BooleanLiterals}), with {@code TRUE} or {@code
   * FALSE} for the literal: MySQL and MariaDB compare the text as the number 0, SQLite as a text
   * that equals no 0 or 1. Empty for any other comparison.
   */
  @SuppressWarnings("unchecked")
  private Optional<QueryPart> booleanComparison(Field<?> left, Field<?> right, boolean not) {
    Field<?> column = literal(right).isPresent() ? left : right;
    Optional<String> text = literal(right).or(() -> literal(left));
    if (text.isEmpty() || kinds.of(column) != ValueKinds.Kind.BOOLEAN) {
      return Optional.empty();
    }
    Optional<Boolean> value = BooleanLiterals.parse(text.get());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Field<Object> target = (Field<Object>) column;
    Field<Object> keyword = (Field<Object>) (Field<?>) DSL.inline(value.get());
    return Optional.of(not ? target.ne(keyword) : target.eq(keyword));
  }

  /**
   * {@code a || b} where an operand is a value whose text the dialect writes otherwise than
   * PostgreSQL ({@link CastRules#text}: a boolean, and in MySQL and MariaDB a timestamp or a time):
   * PostgreSQL concatenates the value's text ({@code 'true'}, {@code '10:00:00'}), jOOQ casts it
   * to {@code char}, which gives {@code 1} or {@code '10:00:00.000000'}. That operand becomes
   * PostgreSQL's text of it. Empty when no operand needs it.
   */
  private Optional<QueryPart> concatenation(QOM.Concat concat) {
    List<Field<?>> operands = new java.util.ArrayList<>();
    boolean changed = false;
    for (Field<?> operand : concatenated(concat, new java.util.ArrayList<>())) {
      Optional<Field<String>> text = casts.text(operand, kinds);
      changed |= text.isPresent();
      operands.add(text.isPresent() ? text.get() : operand);
    }
    return changed ? Optional.of(DSL.concat(operands.toArray(Field<?>[]::new))) : Optional.empty();
  }

  /**
   * The operands of {@code concat} and of the parsed concatenations among them ({@code a || b ||
   * c} parses as {@code (a || b) || c}), in order, added to {@code into}: jOOQ renders the inner
   * ones' operands without visiting the inner concatenation (which is not among the parts {@code
   * written} holds, as its operands are).
   */
  private List<Field<?>> concatenated(QOM.Concat concat, List<Field<?>> into) {
    for (Field<?> operand : concat.$arg1()) {
      if (operand instanceof QOM.Concat inner) {
        concatenated(inner, into);
      } else {
        into.add(operand);
      }
    }
    return into;
  }

  /** Whether {@code field} is a literal other than NULL. */
  private static boolean notNull(Field<?> field) {
    return field instanceof Param<?> param && param.isInline() && param.getValue() != null;
  }

  /** Whether {@code field} is a number literal other than 0 (a divisor that needs no guard). */
  private static boolean nonZero(Field<?> field) {
    if (!(field instanceof Param<?> param && param.isInline()
        && param.getValue() instanceof Number n)) {
      return false;
    }
    return n instanceof java.math.BigDecimal d ? d.signum() != 0
        : n instanceof java.math.BigInteger i ? i.signum() != 0 : n.doubleValue() != 0;
  }

  /** Whether {@code field} is an integer literal of at least 0. */
  private static boolean nonNegative(Field<?> field) {
    return field instanceof Param<?> param && param.isInline()
        && param.getValue() instanceof Number n && !(n instanceof java.math.BigDecimal)
        && !(n instanceof Double) && !(n instanceof Float) && n.longValue() >= 0;
  }

  private Refusal negativeLength(String function) {
    return new Refusal(function + "() with a length that may be negative has no translation",
        List.of(function), "PostgreSQL's " + function + "(s, -n) keeps all but n characters; "
            + dialect.id() + "'s gives ''", "write the length as a literal of 0 or more");
  }

  /**
   * {@code extract(second FROM x)} (and {@code date_part('second', x)}): PostgreSQL's seconds
   * with their fraction, a numeric of 6 decimals ({@code 5.123456}). MySQL's and MariaDB's
   * {@code extract(SECOND ...)} is the whole seconds: their microseconds are added, as a {@code
   * DECIMAL(8, 6)}. SQLite's date functions keep milliseconds at most ({@code strftime('%f')}),
   * and jOOQ writes whole seconds: refused. Empty for PostgreSQL, and inside the replacement.
   */
  @SuppressWarnings("unchecked")
  private Optional<QueryPart> seconds(QOM.Extract extract) {
    return switch (dialect) {
      case POSTGRESQL -> Optional.empty();
      case MYSQL, MARIADB -> {
        if (!wrapping.add(extract)) {
          yield Optional.of(unwrap(extract));
        }
        Field<java.math.BigDecimal> whole = (Field<java.math.BigDecimal>) (Field<?>) extract;
        Field<java.math.BigDecimal> micro = (Field<java.math.BigDecimal>) (Field<?>)
            DSL.extract(extract.$field(), org.jooq.DatePart.MICROSECOND);
        yield Optional.of(DSL.cast(whole.plus(micro.div(DSL.inline(1_000_000))),
            SQLDataType.DECIMAL(8, 6)));
      }
      case SQLITE -> throw new Refusal("extract(second ...) has no translation",
          List.of("extract", "date_part"), "PostgreSQL's seconds keep their fraction"
              + " (5.123456); SQLite's date functions keep milliseconds at most, and the"
              + " translation gives whole seconds", "");
    };
  }

  /** The fields of {@code extract()} refused outside PostgreSQL. */
  private static final Set<org.jooq.DatePart> UNTRANSLATED_FIELDS = java.util.EnumSet.of(
      org.jooq.DatePart.WEEK, org.jooq.DatePart.MILLISECOND, org.jooq.DatePart.MICROSECOND,
      org.jooq.DatePart.NANOSECOND);

  /**
   * MySQL and MariaDB: {@code now()} keeps PostgreSQL's microseconds (jOOQ writes {@code
   * current_timestamp()}, whole seconds); {@code x ~ 'p'} stays case-sensitive (jOOQ writes {@code
   * REGEXP}, which follows a case-insensitive collation), when the pattern is a literal; {@code
   * ~x}, {@code x << n} and {@code x >> n} are signed, as PostgreSQL's.
   */
  private QueryPart mysql(QueryPart part) {
    if (part instanceof QOM.Div<?> div && kinds.of(div) == ValueKinds.Kind.INTEGER) {
      return TranslatedSql.integerDivision(div.$arg1(), div.$arg2());
    }
    // the bit operators work on unsigned 64 bits there, on the signed integer in PostgreSQL
    if (part instanceof QOM.BitNot<?> not) {
      return TranslatedSql.mysqlBitNot(not.$arg1());
    }
    if (part instanceof QOM.Shl<?> shift) {
      return TranslatedSql.mysqlShiftLeft(shift.$value(), shift.$count());
    }
    if (part instanceof QOM.Shr<?> shift) {
      return TranslatedSql.mysqlShiftRight(shift.$value(), shift.$count());
    }
    if (JOOQ_DATE_ARITHMETIC.equals(part.getClass().getName())) {
      Optional<QueryPart> signed = TemporalArithmetic.signedInterval(part);
      if (signed.isPresent()) {
        return signed.get();
      }
    }
    Field<String> characters = part instanceof QOM.Trim trim ? trim.$characters()
        : part instanceof QOM.Ltrim trim ? trim.$characters()
        : part instanceof QOM.Rtrim trim ? trim.$characters() : null;
    if (characters != null && literal(characters).filter(c -> c.length() == 1).isEmpty()) {
      throw new Refusal("trimming several characters has no translation",
          List.of("trim", "ltrim", "rtrim", "btrim"), "PostgreSQL removes any of the characters;"
              + " " + dialect.id() + "'s TRIM removes the whole text as a repeated prefix or"
              + " suffix", "trim one character at a time: trim(BOTH 'x' FROM trim(BOTH 'y' FROM"
              + " s)) for characters that do not alternate");
    }
    Optional<QueryPart> arithmetic = temporal.translate(part, kinds);
    if (arithmetic.isPresent()) {
      return arithmetic.get();
    }
    if (part instanceof QOM.CurrentTimestamp<?>) {
      return DSL.currentTimestamp(ownDigits(part).orElse(timestampDigits));
    }
    if (part instanceof QOM.RegexpLike like && literal(like.$pattern()).isPresent()) {
      return like.$search().likeRegex(DSL.inline("(?s-i)" + literal(like.$pattern()).get()));
    }
    return part;
  }

  /**
   * {@code SIMILAR TO} with a literal pattern ({@link SimilarToPattern}): {@code REGEXP} in MySQL
   * and MariaDB, {@code GLOB} in SQLite; jOOQ writes {@code SIMILAR TO} as it is.
   */
  private QueryPart similarTo(
      Field<?> value, Field<String> pattern, Character escape, boolean negated) {
    char escapeChar = escape == null ? '\\' : escape;
    Optional<String> written = literal(pattern);
    Refusal refused = new Refusal("this SIMILAR TO has no translation", List.of("similar"),
        written.isEmpty()
            ? "strata translates a SIMILAR TO whose pattern is a literal"
            : "SQLite's GLOB has no alternatives, groups or repetitions other than {n}",
        "");
    return switch (dialect) {
      case POSTGRESQL -> throw new IllegalStateException("PostgreSQL's expressions are as written");
      case MYSQL, MARIADB -> {
        String regex = written.flatMap(p -> SimilarToPattern.regex(p, escapeChar))
            .orElseThrow(() -> refused);
        yield negated
            ? value.notLikeRegex(DSL.inline(regex))
            : value.likeRegex(DSL.inline(regex));
      }
      case SQLITE -> {
        String glob = written.flatMap(p -> SimilarToPattern.glob(p, escapeChar))
            .orElseThrow(() -> refused);
        yield negated
            ? DSL.not(TranslatedSql.sqliteGlob(value, glob))
            : TranslatedSql.sqliteGlob(value, glob);
      }
    };
  }

  /**
   * Whether a {@code LIKE} pattern written without {@code ESCAPE} may hold PostgreSQL's default
   * escape character, the backslash: a literal with one, or anything but a literal (a column, a
   * concatenation), whose value is not known here. A literal without one renders as written.
   */
  private static boolean escapes(Field<String> pattern) {
    return literal(pattern).map(p -> p.indexOf('\\') >= 0).orElse(true);
  }

  /** The text of a string literal, or empty for anything else. */
  static Optional<String> literal(Field<?> field) {
    return field instanceof Param<?> param && param.isInline() && param.getValue() instanceof String
        ? Optional.of((String) param.getValue())
        : Optional.empty();
  }

  /**
   * SQLite: no users or schemas (jOOQ writes {@code ''}); {@code random()} is a 64-bit integer
   * there; jOOQ's {@code gen_random_uuid()} is refused in a {@code DEFAULT} ({@link
   * TranslatedSql}).
   */
  private QueryPart sqlite(QueryPart part) {
    // PostgreSQL's LIKE escapes with a backslash unless told otherwise; SQLite's has no escape
    // character without ESCAPE, so 'a\_b' would match a backslash and any character there. Made
    // anew: jOOQ 3.20's QOM.Like.$escape(Character) returns a copy without the escape
    if (part instanceof QOM.Like like && like.$escape() == null && escapes(like.$pattern())) {
      return like.$value().like(like.$pattern(), '\\');
    }
    if (part instanceof QOM.NotLike like && like.$escape() == null && escapes(like.$pattern())) {
      return like.$value().notLike(like.$pattern(), '\\');
    }
    if (part instanceof QOM.LikeIgnoreCase like && like.$escape() == null
        && escapes(like.$pattern())) {
      return like.$value().likeIgnoreCase(like.$pattern(), '\\');
    }
    if (part instanceof QOM.NotLikeIgnoreCase like && like.$escape() == null
        && escapes(like.$pattern())) {
      return like.$value().notLikeIgnoreCase(like.$pattern(), '\\');
    }
    if (part instanceof QOM.CurrentUser) {
      throw new Refusal("CURRENT_USER has no equivalent", List.of("current_user"),
          "sqlite has no users; jOOQ 3.20 writes ''", "");
    }
    if (part instanceof QOM.CurrentSchema || part instanceof QOM.CurrentCatalog) {
      throw new Refusal("CURRENT_SCHEMA has no equivalent", List.of("current_schema"),
          "sqlite has no schemas; jOOQ 3.20 writes ''", "");
    }
    if (part instanceof QOM.Uuid) {
      return TranslatedSql.sqliteUuid();
    }
    if (part instanceof QOM.Rand) {
      return TranslatedSql.sqliteRandom();
    }
    if (part instanceof QOM.OctetLength length) {
      return TranslatedSql.sqliteOctetLength(length.$string());
    }
    // SQLite's x / 0 and x % 0 are NULL, PostgreSQL's stop the statement: guarded once, and the
    // division itself, inside the guard, translated as any other
    Field<?> divisor = part instanceof QOM.Div<?> div ? div.$arg2()
        : part instanceof QOM.Mod<?> mod ? mod.$arg2() : null;
    if (divisor != null && !nonZero(divisor)) {
      if (wrapping.add(part)) {
        return TranslatedSql.sqliteNonZeroDivisor(divisor, (Field<?>) part);
      }
      wrapping.remove(part);
    }
    if (part instanceof QOM.Div<?> div && kinds.of(div) == ValueKinds.Kind.NUMERIC) {
      return TranslatedSql.sqliteRealDivision(div.$arg1(), div.$arg2());
    }
    if (part instanceof QOM.Mod<?> mod && kinds.of(mod) == ValueKinds.Kind.NUMERIC) {
      return TranslatedSql.sqliteRealModulo(mod.$arg1(), mod.$arg2());
    }
    // SQLite's round() of a float rounds half away from zero; PostgreSQL's half to even (rint)
    if (part instanceof QOM.Round<?> round && round.$decimals() == null
        && kinds.floating(round.$value())) {
      return TranslatedSql.sqliteRint(round.$value());
    }
    // SQLite's round(x, -2) rounds to a whole number; PostgreSQL's to hundreds
    if (part instanceof QOM.Round<?> round && round.$decimals() != null
        && !nonNegative(round.$decimals())) {
      return TranslatedSql.sqliteRound(round.$value(), round.$decimals());
    }
    Optional<QueryPart> arithmetic = temporal.translate(part, kinds);
    if (arithmetic.isPresent()) {
      return arithmetic.get();
    }
    if (JOOQ_DATE_ARITHMETIC.equals(part.getClass().getName())
        && ((Field<?>) part).getDataType().isDate()) {
      // jOOQ's own date arithmetic (CURRENT_DATE - 3), as a date: wrapped once, and the part
      // itself, rendered inside the wrapper, is left as it is
      return wrapping.add(part) ? TranslatedSql.sqliteDate((Field<?>) part) : unwrap(part);
    }
    if (JOOQ_DATE_ARITHMETIC.equals(part.getClass().getName())
        && ((Field<?>) part).getDataType().isTimestamp()) {
      // jOOQ's own timestamp arithmetic (now() + INTERVAL '1 day'): its text without .000; with
      // months, a month's end kept in its month
      Optional<QueryPart> months = wrapping.contains(part) ? Optional.empty()
          : TemporalArithmetic.sqliteMonths(part);
      if (months.isPresent()) {
        return months.get();
      }
      return wrapping.add(part) ? TranslatedSql.sqliteTimestamp((Field<?>) part) : unwrap(part);
    }
    // jOOQ's lpad()/rpad() never shorten a longer text, as PostgreSQL's do ('abcdef' to 3: 'abc')
    if (part instanceof QOM.Lpad pad) {
      return wrapping.add(part) ? DSL.substring((Field<String>) pad, DSL.inline(1), pad.$length())
          : unwrap(part);
    }
    if (part instanceof QOM.Rpad pad) {
      return wrapping.add(part) ? DSL.substring((Field<String>) pad, DSL.inline(1), pad.$length())
          : unwrap(part);
    }
    return part;
  }

  /**
   * The class of jOOQ 3.20's date and time arithmetic on a typed date ({@code CURRENT_DATE + 1}).
   */
  private static final String JOOQ_DATE_ARITHMETIC = "org.jooq.impl.Expression";

  private QueryPart unwrap(QueryPart part) {
    wrapping.remove(part);
    return part;
  }

  /**
   * Whether a word of the expression names a {@code JSON} or {@code JSONB} column of a table of
   * the model (any table: the expression's own is not known here, so a name shared with a text
   * column elsewhere is refused too, which is safe where rendering it would not be).
   */
  private static boolean namesJsonColumn(ExpressionScan scan, SchemaModel model) {
    // each word's column kinds: a map access on a replay's model (SchemaModel#columnKinds)
    return scan.tokens().stream().filter(ExpressionScan.Token::word)
        .map(ExpressionScan.Token::folded).distinct()
        .anyMatch(word -> model.columnKinds(word).stream().anyMatch(column -> !column.array()
            && (column.kind() == dev.strata.grammar.ast.DataType.Kind.JSON
                || column.kind() == dev.strata.grammar.ast.DataType.Kind.JSONB)));
  }

  /** Whether a cast's type names an enum type of the model. */
  private boolean enumType(DataType<?> type) {
    return SqlContext.objectName(type.getQualifiedName())
        .filter(kinds.model().types()::containsKey).isPresent();
  }

  /** The digits written in {@code current_timestamp(3)}, read from its PostgreSQL rendering. */
  private Optional<Integer> ownDigits(QueryPart part) {
    Matcher digits = DIGITS.matcher(postgres.render(part));
    return digits.find() ? Optional.of(Integer.parseInt(digits.group(1))) : Optional.empty();
  }
}
