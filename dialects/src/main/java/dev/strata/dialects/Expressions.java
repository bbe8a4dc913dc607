package dev.strata.dialects;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.dialects.ExpressionTranslator.Shape;
import dev.strata.dialects.ExpressionTranslator.Translation;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Turns the revision language's expressions ({@link Expr}: defaults, checks, {@code WHERE},
 * {@code USING}, values, queries) into SQL text and jOOQ parts for one dialect.
 *
 * <p>For a dialect that {@link Capability#EXPRESSIONS_AS_WRITTEN accepts them as written}
 * (PostgreSQL) the text is embedded verbatim with {@link DSL#raw(String)}: unlike the plain-SQL
 * templates {@code DSL.field(String)} and {@code DSL.condition(String)}, raw SQL is not scanned for
 * bind markers ({@code ?}, {@code :name}) or template placeholders ({@code {0}}), so
 * {@code data ? 'key'} and {@code '{}'::jsonb} come out unchanged. Line breaks are normalised to
 * LF.
 *
 * <p>For the others the text is translated through jOOQ's parser ({@link ExpressionTranslator}),
 * and embedded as raw SQL too: {@code now()} is {@code current_timestamp(6)} in MySQL, {@code
 * a || b} is {@code concat(a, b)}, {@code '{}'::jsonb} is {@code '{}'} in MariaDB and SQLite, and
 * so on (docs/dialects.md, "Expressions"). Every method takes the statement's {@link Site}: an
 * expression that cannot be translated is an error pointing into it (E0433, E0434), never an
 * exception and never a wrong expression. For PostgreSQL nothing throws.
 */
final class Expressions {
  private final Dialect dialect;
  private final ExpressionTranslator translator;
  private final SchemaModel model;
  /** The tables whose columns the expressions' names are ({@link ValueKinds.Home}). */
  private final List<ValueKinds.Home> homes;

  Expressions(Dialect dialect, SqlContext sql) {
    this(dialect, new ExpressionTranslator(dialect, sql), SchemaModel.empty(), List.of());
  }

  private Expressions(Dialect dialect, ExpressionTranslator translator, SchemaModel model,
      List<ValueKinds.Home> homes) {
    this.dialect = dialect;
    this.translator = translator;
    this.model = model;
    this.homes = homes;
  }

  /**
   * These expressions for a statement whose schema model before it is {@code model}: a cast to one
   * of its enum types ({@code 'happy'::mood}, {@code status::text::mood}) keeps the value as text,
   * which a MySQL {@code ENUM} column or SQLite's {@code CHECK} checks on write; without a model
   * such a cast is refused (E0434).
   */
  Expressions with(SchemaModel model) {
    return new Expressions(dialect, translator, model, homes);
  }

  /**
   * These expressions for a statement of the table {@code table} (a {@code CHECK}, a generated
   * column, a default, an index, an {@code UPDATE}, a {@code DELETE}, an upsert): a column name
   * without a subquery around it is {@code table}'s column where it has one ({@link ValueKinds}),
   * so that {@code qty / 2} divides as integers in a table whose {@code qty} is an integer while
   * another table's {@code qty} is a numeric. {@code table} is read from the model {@link #with}
   * gives, which must hold it (the model after a {@code CREATE TABLE}).
   */
  Expressions in(ObjectName table) {
    return in(table, Optional.empty());
  }

  /**
   * These expressions {@link #in} the table of {@code operation} when it is a {@code CREATE
   * TABLE}, an {@code ALTER TABLE} or a {@code CREATE INDEX}, whose expressions name that table's
   * columns alone; these expressions for another ({@code UPDATE}, {@code DELETE} and upserts name
   * their table where they are rendered).
   */
  Expressions inTableOf(dev.strata.grammar.ast.Operation operation) {
    if (operation instanceof dev.strata.grammar.ast.Operation.CreateTable create) {
      return in(ObjectName.of(create.table()));
    }
    if (operation instanceof dev.strata.grammar.ast.Operation.AlterTable alter) {
      return in(ObjectName.of(alter.table()));
    }
    if (operation instanceof dev.strata.grammar.ast.Operation.CreateIndex index) {
      return in(ObjectName.of(index.table()));
    }
    return this;
  }

  /** {@link #in(ObjectName)}, the table named {@code alias} in the statement when present. */
  Expressions in(ObjectName table, Optional<Identifier> alias) {
    return in(table, alias, Optional.empty());
  }

  /**
   * {@link #in(ObjectName, Optional)}, with the tables of the statement's {@code from} list (an
   * {@code UPDATE ... FROM items AS i}'s, a {@code DELETE ... USING}'s), whose columns a name not
   * of {@code table}'s, or qualified by their names or aliases ({@code i.qty}), is.
   */
  Expressions in(ObjectName table, Optional<Identifier> alias, Optional<Expr> from) {
    List<ValueKinds.Home> homes = new java.util.ArrayList<>();
    homes.add(new ValueKinds.Home(table, alias.map(ObjectName::fold)));
    if (from.isPresent() && !dialect.has(Capability.EXPRESSIONS_AS_WRITTEN)) {
      homes.addAll(translator.fromTables(from.get()));
    }
    return new Expressions(dialect, translator, model, List.copyOf(homes));
  }

  /**
   * A value ({@code lower(email)}, {@code amount * 2}, a generated column's expression, an index
   * key, an {@code UPDATE}'s value) as SQL text for this dialect.
   *
   * @throws DiagnosticException E0433/E0434 when it cannot be translated
   */
  String text(Expr expr, Site site) throws DiagnosticException {
    return translated(expr, Shape.FIELD, site);
  }

  /** {@link #text} as an untyped field. */
  Field<Object> field(Expr expr, Site site) throws DiagnosticException {
    return DSL.field(DSL.raw(text(expr, site)));
  }

  /** {@link #text} as a field of {@code type} (no cast is rendered). */
  <T> Field<T> field(Expr expr, DataType<T> type, Site site) throws DiagnosticException {
    return DSL.field(DSL.raw(text(expr, site)), type);
  }

  /**
   * A condition ({@code CHECK}, {@code WHERE}, an index predicate) as SQL text for this dialect.
   *
   * @throws DiagnosticException E0433/E0434 when it cannot be translated
   */
  String conditionText(Expr expr, Site site) throws DiagnosticException {
    return translated(expr, Shape.CONDITION, site);
  }

  /**
   * {@link #conditionText} as a jOOQ condition, rendered without the extra parentheses that
   * {@code DSL.condition(SQL)} adds ({@code CHECK (amount > 0)}, not {@code CHECK ((amount > 0))}).
   */
  Condition condition(Expr expr, Site site) throws DiagnosticException {
    return DSL.condition(DSL.field(DSL.raw(conditionText(expr, site)), SQLDataType.BOOLEAN));
  }

  /**
   * A query ({@code SELECT ...}: a view's, {@code CREATE TABLE ... AS}'s, {@code INSERT ...
   * SELECT}'s, a {@code WITH} query's) as SQL text for this dialect.
   *
   * @throws DiagnosticException E0433/E0434 when it cannot be translated
   */
  String query(Expr expr, Site site) throws DiagnosticException {
    return translated(expr, Shape.QUERY, site);
  }

  /**
   * A view's query as SQL text: {@link #query}, with {@code *} written out as the columns of the
   * model's tables where the dialect would expand it at every query ({@link ViewStars}).
   *
   * @throws DiagnosticException E0433/E0434 when it cannot be translated
   */
  String viewQuery(Expr expr, Site site) throws DiagnosticException {
    return translated(expr, Shape.VIEW, site);
  }

  /**
   * The query of an {@code INSERT INTO table (columns) SELECT ...} as SQL text: {@link #query},
   * each item given to its column as {@link #assigned} gives a value ({@link
   * ExpressionTranslator#translate(Expr, Shape, int, SchemaModel, List, java.util.Map, Site)}):
   * a string literal PostgreSQL reads as a boolean at the place of a {@code BOOLEAN} column as
   * {@code TRUE} or {@code FALSE}, a number with a fraction rounded to an integer or {@code
   * NUMERIC(p, s)} column where the dialect would not.
   *
   * @param columns the insert's column list as written; empty for the table's columns in order
   * @throws DiagnosticException E0433/E0434 when it cannot be translated
   */
  String insertQuery(Expr expr, ObjectName table, List<Identifier> columns, Site site)
      throws DiagnosticException {
    if (dialect.has(Capability.EXPRESSIONS_AS_WRITTEN)) {
      return asWritten(expr);
    }
    java.util.Map<Integer, dev.strata.grammar.ast.DataType> targets = new java.util.HashMap<>();
    int count = columns.isEmpty()
        ? model.table(table).map(t -> t.columns().size()).orElse(0) : columns.size();
    for (int i = 0; i < count; i++) {
      int position = i;
      target(table, columns.isEmpty() ? Optional.empty() : Optional.of(columns.get(i)), i)
          .ifPresent(column -> targets.put(position, column.type()));
    }
    return translator.translate(expr, Shape.QUERY, 6, model, List.of(), targets, site).sql();
  }

  /**
   * The items of a {@code RETURNING} list ({@code id, amount * 2 AS doubled}) as SQL text.
   *
   * @throws DiagnosticException E0433/E0434 when they cannot be translated
   */
  String items(Expr expr, Site site) throws DiagnosticException {
    return translated(expr, Shape.SELECT_ITEMS, site);
  }

  /**
   * The tables of an {@code UPDATE ... FROM} or {@code DELETE ... USING} ({@code plans p JOIN
   * tiers t ON ...}) as SQL text.
   *
   * @throws DiagnosticException E0433/E0434 when they cannot be translated
   */
  String tables(Expr expr, Site site) throws DiagnosticException {
    return translated(expr, Shape.TABLES, site);
  }

  /**
   * {@code value} as given to the column {@code column} of {@code table}: a string literal that
   * PostgreSQL reads as a boolean ({@link BooleanLiterals}) given to a {@code BOOLEAN} column of
   * the model becomes {@code TRUE} or {@code FALSE}, which every dialect reads; anything else, and
   * every value for PostgreSQL, is {@code value} itself.
   *
   * @param column the column's name as written, or empty for the {@code position}-th column
   *     (from 0) of an {@code INSERT} without a column list
   */
  Expr forColumn(ObjectName table, Optional<Identifier> column, int position, Expr value) {
    if (dialect.has(Capability.EXPRESSIONS_AS_WRITTEN)) {
      return value;
    }
    return booleanColumn(table, column, position) ? BooleanLiterals.asKeyword(value) : value;
  }

  /**
   * {@code value} given to the column {@code column} of {@code table} ({@code VALUES}, {@code
   * SET}) as a field: {@link #forColumn}, then, where the dialect keeps a number with a fraction
   * in an integer or {@code NUMERIC(p, s)} column as it is, cast to the column's type as
   * PostgreSQL's assignment converts it ({@link Capability#ASSIGNMENT_ROUNDS_NUMBERS}).
   *
   * @param column as in {@link #forColumn}
   * @throws DiagnosticException E0433/E0434 when it cannot be translated
   */
  Field<Object> assigned(ObjectName table, Optional<Identifier> column, int position, Expr value,
      Site site) throws DiagnosticException {
    java.util.Map<Integer, dev.strata.grammar.ast.DataType> targets =
        target(table, column, position).map(c -> java.util.Map.of(0, c.type()))
            .orElse(java.util.Map.of());
    return DSL.field(DSL.raw(
        translated(forColumn(table, column, position, value), Shape.FIELD, targets, site)));
  }

  /**
   * A generated column's expression as SQL text for this dialect ({@link #text}), its value given
   * to the column of type {@code declared} as {@link #assigned} gives one ({@code GENERATED ALWAYS
   * AS (a * 1.5)} of an {@code INTEGER} column is rounded in PostgreSQL; SQLite kept the REAL).
   *
   * @throws DiagnosticException E0433/E0434 when it cannot be translated
   */
  String generated(Expr expr, dev.strata.grammar.ast.DataType declared, Site site)
      throws DiagnosticException {
    return translated(expr, Shape.FIELD, java.util.Map.of(0, declared), site);
  }

  /**
   * Whether the column {@code column} of {@code table} (or, when empty, its {@code position}-th
   * column, from 0) is a {@code BOOLEAN} column of the model.
   */
  private boolean booleanColumn(ObjectName table, Optional<Identifier> column, int position) {
    Optional<dev.strata.compiler.schema.Column> target = target(table, column, position);
    return target.isPresent() && ValueKinds.kind(target.get().type()) == ValueKinds.Kind.BOOLEAN;
  }

  /**
   * The column {@code column} of {@code table} in the model (or, when empty, its {@code
   * position}-th column, from 0), or empty.
   */
  private Optional<dev.strata.compiler.schema.Column> target(
      ObjectName table, Optional<Identifier> column, int position) {
    return model.table(table).flatMap(t ->
        column.isPresent()
            ? t.column(ObjectName.fold(column.get()))
            : position < t.columns().size() ? Optional.of(t.columns().get(position))
                : Optional.empty());
  }

  /**
   * A column's {@code DEFAULT} for this dialect: the text after {@code DEFAULT}, with the
   * parentheses the dialect needs ({@link ColumnDefault}). In MySQL and MariaDB {@code now()} and
   * {@code CURRENT_TIMESTAMP} on a {@code datetime(p)} column are {@code current_timestamp(p)}, as
   * MySQL requires the digits of the two to match.
   *
   * A number with a fraction is given to the column as {@link #assigned} gives a value ({@code
   * DEFAULT 2.5} of an {@code INTEGER} column is 3 in PostgreSQL; SQLite kept 2.5).
   *
   * @param column the column's type in this dialect ({@link DataTypes#of(
   *     dev.strata.grammar.ast.DataType, Dialect, SqlContext,
   *     dev.strata.compiler.schema.SchemaModel, Site)})
   * @param declared the column's type as declared
   * @throws DiagnosticException E0433/E0434 when the default cannot be translated
   */
  ColumnDefault columnDefault(Expr value, DataType<?> column,
      dev.strata.grammar.ast.DataType declared, Site site) throws DiagnosticException {
    if (dialect.has(Capability.EXPRESSIONS_AS_WRITTEN)) {
      String written = asWritten(value);
      return new ColumnDefault(written, written, ColumnDefault.Kind.EXPRESSION);
    }
    if (column.isBoolean()) {
      value = BooleanLiterals.asKeyword(value);
    }
    boolean timestamp = column.isTimestamp() || column.isTimestampWithTimeZone();
    int digits = timestamp && column.precisionDefined() ? column.precision() : 6;
    Translation translation = translator.translate(
        value, Shape.FIELD, digits, model, homes, java.util.Map.of(0, declared), site);
    String bare = translation.sql();
    ColumnDefault.Kind kind = switch (translation.root()) {
      case LITERAL -> ColumnDefault.Kind.LITERAL;
      case CURRENT_TIMESTAMP -> timestamp
          ? ColumnDefault.Kind.CURRENT_TIMESTAMP
          : ColumnDefault.Kind.EXPRESSION;
      case EXPRESSION -> ColumnDefault.Kind.EXPRESSION;
    };
    boolean parenthesised = switch (kind) {
      case LITERAL -> lobLiteralNeedsParentheses(column);
      case CURRENT_TIMESTAMP -> false;
      case EXPRESSION -> true;
    };
    return new ColumnDefault(parenthesised ? "(" + bare + ")" : bare, bare, kind);
  }

  /**
   * Whether the expression spans several lines, or may once translated: an escape string with a
   * backslash ({@code E'l1\nl2'}, {@code U&'\000A'}) may become a literal holding a line break
   * in another dialect. jOOQ's formatted rendering indents every line of a statement, inside a
   * literal too, so such a statement is rendered on one line ({@link SqlContext#renderFormatted}).
   */
  static boolean multiline(Expr expr) {
    String sql = expr.sql();
    return sql.indexOf('\n') >= 0 || sql.indexOf('\r') >= 0
        || sql.indexOf('\\') >= 0 && ESCAPE_STRING.matcher(sql).find();
  }

  /** The start of an escape string or a Unicode-escape string ({@code E'}, {@code U&'}). */
  private static final java.util.regex.Pattern ESCAPE_STRING =
      java.util.regex.Pattern.compile("(?i)(?<![a-z0-9_$])(e|u&)'");

  /**
   * MySQL refuses a literal default on a BLOB, TEXT or JSON column ("can't have a default value")
   * unless it is written as an expression, in parentheses (8.0.13+); MariaDB takes both.
   */
  private boolean lobLiteralNeedsParentheses(DataType<?> column) {
    return switch (dialect) {
      case POSTGRESQL, SQLITE -> false;
      case MYSQL, MARIADB -> column.isLob() || column.isJSON();
    };
  }

  private String translated(Expr expr, Shape shape, Site site) throws DiagnosticException {
    return translated(expr, shape, java.util.Map.of(), site);
  }

  /**
   * {@code expr} as written for PostgreSQL, else translated as {@code shape}, given to columns of
   * the {@code targets}' types ({@link ExpressionTranslator#translate(Expr, Shape, int,
   * SchemaModel, List, java.util.Map, Site)}).
   */
  private String translated(Expr expr, Shape shape,
      java.util.Map<Integer, dev.strata.grammar.ast.DataType> targets, Site site)
      throws DiagnosticException {
    return dialect.has(Capability.EXPRESSIONS_AS_WRITTEN)
        ? asWritten(expr)
        : translator.translate(expr, shape, 6, model, homes, targets, site).sql();
  }

  private static String asWritten(Expr expr) {
    return expr.sql().replace("\r\n", "\n").replace('\r', '\n');
  }
}
