package dev.strata.dialects;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.VisitListener;
import org.jooq.conf.BackslashEscaping;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderFormatting;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultVisitListenerProvider;

/**
 * The jOOQ contexts of one dialect and the fixed {@link Settings} every statement is rendered with:
 * literals inlined, upper-case keywords, names quoted when the source quoted them or the target
 * reserves them ({@link ReservedWords}), and
 * either one line ({@link #render}) or jOOQ's multi-line layout with four-space indents
 * ({@link #renderFormatted}). Rendering is a pure function of the query, so output is stable.
 */
final class SqlContext {
  private final Dialect dialect;
  private final DSLContext compact;
  private final DSLContext formatted;
  /** The quoting of the names the dialect reserves ({@link ReservedWords#quoting}), if any. */
  private final List<VisitListener> quoting;

  private SqlContext(Dialect dialect, List<VisitListener> quoting) {
    this.dialect = dialect;
    this.quoting = quoting;
    this.compact = DSL.using(configuration(dialect, false, quoting));
    this.formatted = DSL.using(configuration(dialect, true, quoting));
  }

  static SqlContext forDialect(Dialect dialect) {
    return new SqlContext(dialect, dialect == Dialect.POSTGRESQL
        ? List.of() : List.of(ReservedWords.quoting(dialect)));
  }

  /** A configuration of {@code dialect} with the fixed settings and {@code listeners}. */
  private static Configuration configuration(Dialect dialect, boolean formatted,
      List<VisitListener> listeners) {
    Configuration configuration = new DefaultConfiguration()
        .set(dialect.sqlDialect()).set(settings(dialect, formatted));
    return listeners.isEmpty() ? configuration : configuration.set(
        DefaultVisitListenerProvider.providers(listeners.toArray(VisitListener[]::new)));
  }

  /**
   * The one-line context ({@link #dsl}) with {@code listener} visiting each part before the
   * quoting of reserved names does: its configuration derived, the settings shared.
   */
  DSLContext dsl(VisitListener listener) {
    List<VisitListener> all = new ArrayList<>(quoting.size() + 1);
    all.add(listener);
    all.addAll(quoting);
    return DSL.using(compact.configuration().derive(
        DefaultVisitListenerProvider.providers(all.toArray(VisitListener[]::new))));
  }

  /** The dialect statements are rendered for. */
  Dialect dialect() {
    return dialect;
  }

  private static Settings settings(Dialect dialect, boolean formatted) {
    return new Settings()
        // keywords are upper-cased in the root locale, never the user's (Turkish makes "if" "İF")
        .withLocale(Locale.ROOT)
        .withRenderLocale(Locale.ROOT)
        .withParamType(ParamType.INLINED)
        .withStatementType(StatementType.STATIC_STATEMENT)
        .withRenderKeywordCase(RenderKeywordCase.UPPER)
        .withRenderNameCase(RenderNameCase.AS_IS)
        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
        .withBackslashEscaping(backslashEscaping(dialect))
        // jOOQ would wrap a statement with string_agg() (MySQL's GROUP_CONCAT) in SET statements
        // that save and raise group_concat_max_len, inside the text strata prefixes with INSERT
        // INTO ...: broken SQL. The scripts raise it once instead (Dialect.clientDirectives)
        .withRenderGroupConcatMaxLenSessionVariable(false)
        .withRenderFormatted(formatted)
        .withRenderFormatting(new RenderFormatting().withNewline("\n").withIndentation("    "))
        .withExecuteLogging(false)
        .withDiagnosticsLogging(false);
  }

  /** A backslash in a string literal is doubled where it is an escape ({@link Capability#BACKSLASH_ESCAPES}). */
  private static BackslashEscaping backslashEscaping(Dialect dialect) {
    return dialect.has(Capability.BACKSLASH_ESCAPES) ? BackslashEscaping.ON : BackslashEscaping.OFF;
  }

  /** The context that builds queries (its settings are the one-line ones). */
  DSLContext dsl() {
    return compact;
  }

  /** {@code part} as SQL on one line (line breaks inside verbatim expressions are kept). */
  String render(QueryPart part) {
    return compact.render(part);
  }

  /**
   * {@code part} in jOOQ's multi-line layout. Only for parts whose verbatim expressions have no line
   * break: jOOQ re-indents the text after a line break, which would change a string literal.
   */
  String renderFormatted(QueryPart part) {
    return formatted.render(part);
  }

  /** The type as this dialect spells it in DDL, e.g. {@code timestamp(3) with time zone}. */
  String typeName(DataType<?> type) {
    // DataType#getCastTypeName keeps length/precision/scale; rendering the DataType as a QueryPart
    // prints placeholders such as "timestamp(p) with time zone" in jOOQ 3.20.
    return type.getCastTypeName(compact.configuration());
  }

  /** The identifier as written: quoted when it was quoted. */
  static Name name(Identifier identifier) {
    return identifier.quoted()
        ? DSL.quotedName(identifier.value())
        : DSL.unquotedName(identifier.value());
  }

  /** {@code [schema.]name}. */
  static Name name(QualifiedName name) {
    Name last = name(name.name());
    return name.schema().map(schema -> DSL.name(name(schema), last)).orElse(last);
  }

  static Name[] names(List<Identifier> identifiers) {
    return identifiers.stream().map(SqlContext::name).toArray(Name[]::new);
  }

  /** The last part of a jOOQ name as PostgreSQL folds it: as written when quoted, else lower. */
  static String folded(Name name) {
    return name.quoted() == Name.Quoted.QUOTED
        ? name.last()
        : name.last().toLowerCase(Locale.ROOT);
  }

  /**
   * The schema model's name for a jOOQ name of one or two parts, as jOOQ's parser reads a table or
   * a type ({@code t} in {@code public}, {@code s.t}), folded; empty for more parts or none.
   */
  static Optional<ObjectName> objectName(Name qualified) {
    Name[] parts = qualified.parts();
    if (parts.length == 0 || parts.length > 2) {
      return Optional.empty();
    }
    return Optional.of(new ObjectName(
        parts.length == 2 ? folded(parts[0]) : ObjectName.DEFAULT_SCHEMA,
        folded(parts[parts.length - 1])));
  }
}
