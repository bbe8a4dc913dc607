package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL fragments written in Python: {@code sa.text("...")}, plain strings where Alembic takes SQL
 * ({@code CheckConstraint('a > 0')}, {@code postgresql_where="..."}), server defaults
 * ({@code 'x'}, {@code sa.text("now()")}, {@code sa.func.now()}, {@code sa.true()}). Expressions
 * built with Python operators ({@code sa.column('a') > 5}) are refused.
 */
final class Expressions {
  /**
   * SQLAlchemy's bind parameter syntax in {@code text()} ({@code TextClause._bind_params_regex}):
   * a {@code :name} not after a word character, a colon or a backslash, and not before a colon.
   */
  private static final Pattern BIND = Pattern.compile("(?<![:\\w\\\\]):(\\w+)(?!:)");

  /** ANSI functions that SQLAlchemy writes without parentheses ({@code sa.func.current_timestamp()}). */
  private static final Set<String> NO_PARENS = Set.of("current_date", "current_time",
      "current_timestamp", "current_user", "localtime", "localtimestamp", "session_user", "user");

  private final Names names;

  Expressions(Names names) {
    this.names = names;
  }

  /**
   * SQL given as text: a string or {@code sa.text(string)} / {@code sa.literal_column(string)}, as
   * written ({@code \:} is a colon, as {@code text()} reads it).
   */
  String sqlText(PyExpr expression, String what) {
    PyExpr resolved = Literals.resolve(expression, names);
    if (resolved instanceof PyExpr.Str str) {
      return checkedText(str, what);
    }
    if (resolved instanceof PyExpr.Call call && isSqlalchemy(call, "text", "literal_column")
        && call.args().size() == 1 && call.keywords().isEmpty()
        && Literals.resolve(call.args().get(0), names) instanceof PyExpr.Str str) {
      return checkedText(str, what);
    }
    throw new Refusal(expression, what + " is an SQL expression built in Python: "
        + Literals.oneLine(expression.span().text()));
  }

  private static String checkedText(PyExpr.Str str, String what) {
    Matcher bind = BIND.matcher(str.value());
    if (bind.find()) {
      throw new Refusal(str, what + " has the bind parameter :" + bind.group(1)
          + ", whose value is given at run time");
    }
    return str.value().replace("\\:", ":");
  }

  /**
   * A {@code server_default}: a string is a quoted literal, {@code sa.text()} SQL as written,
   * {@code sa.func.name(args)} a function call, {@code sa.true()}, {@code sa.false()} and
   * {@code sa.null()} the keywords.
   */
  String serverDefault(PyExpr expression) {
    PyExpr resolved = Literals.resolve(expression, names);
    if (resolved instanceof PyExpr.Str str) {
      return Sql.literal(str.value());
    }
    if (resolved instanceof PyExpr.Call call) {
      if (isSqlalchemy(call, "text", "literal_column")) {
        return sqlText(call, "server_default");
      }
      if (call.args().isEmpty() && call.keywords().isEmpty()) {
        if (isSqlalchemy(call, "true")) {
          return "true";
        }
        if (isSqlalchemy(call, "false")) {
          return "false";
        }
        if (isSqlalchemy(call, "null")) {
          return "NULL";
        }
      }
      String function = functionName(call);
      if (function != null) {
        return function(call, function);
      }
    }
    throw new Refusal(expression, "server_default " + Literals.oneLine(expression.span().text())
        + " is not a string, sa.text() or sa.func call");
  }

  /** {@code sa.func.name(...)} written as SQLAlchemy writes it. */
  private String function(PyExpr.Call call, String function) {
    if (!call.keywords().isEmpty()) {
      throw new Refusal(call, "sa.func call with keyword arguments is not translated");
    }
    if (call.args().isEmpty() && NO_PARENS.contains(function.toLowerCase(Locale.ROOT))) {
      return function.toUpperCase(Locale.ROOT);
    }
    List<String> args = new ArrayList<>();
    for (PyExpr arg : call.args()) {
      PyExpr resolved = Literals.resolve(arg, names);
      switch (resolved) {
        case PyExpr.Str str -> args.add(Sql.literal(str.value()));
        case PyExpr.Num num -> args.add(num.text());
        case PyExpr.Bool bool -> args.add(bool.value() ? "true" : "false");
        case PyExpr.Call inner when isSqlalchemy(inner, "text", "literal_column") ->
            args.add(sqlText(inner, "argument of sa.func." + function));
        case PyExpr.Call inner when functionName(inner) != null ->
            args.add(function(inner, functionName(inner)));
        default -> throw new Refusal(arg, "argument " + Literals.oneLine(arg.span().text())
            + " of sa.func." + function + " is not a literal");
      }
    }
    return function + "(" + String.join(", ", args) + ")";
  }

  /** {@code name} of {@code sa.func.name(...)}, or null. */
  String functionName(PyExpr.Call call) {
    if (call.function() instanceof PyExpr.Attribute attribute) {
      String target = names.qualified(attribute.target());
      if (target != null && (target.equals("sqlalchemy.func")
          || target.equals("sqlalchemy.sql.func")
          || target.equals("sqlalchemy.sql.expression.func")
          || target.equals("sqlalchemy.sql.functions.func"))) {
        return attribute.name();
      }
    }
    return null;
  }

  /** Whether {@code call} calls {@code sqlalchemy[.sql[.expression]].NAME} for one of the names. */
  boolean isSqlalchemy(PyExpr.Call call, String... simpleNames) {
    String qualified = names.qualified(call.function());
    if (qualified == null || !qualified.startsWith("sqlalchemy.")) {
      return false;
    }
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    for (String name : simpleNames) {
      if (name.equals(simple)) {
        return true;
      }
    }
    return false;
  }

  /** The last part of the qualified name {@code call} calls under {@code sqlalchemy}, or null. */
  String sqlalchemyName(PyExpr.Call call) {
    String qualified = names.qualified(call.function());
    if (qualified == null || !qualified.startsWith("sqlalchemy.")) {
      return null;
    }
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
