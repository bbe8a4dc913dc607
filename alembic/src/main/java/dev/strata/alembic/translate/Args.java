package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one Python call bound to the parameter names of the function it calls, as
 * Python binds them, so that {@code op.create_index('ix', 't', ['a'])} and
 * {@code op.create_index(index_name='ix', table_name='t', columns=['a'])} read alike. Each read
 * marks its argument used; {@link #finish()} refuses the call when an argument was left unread (an
 * option the translator does not know is never dropped silently).
 */
final class Args {
  private final PyExpr.Call call;
  private final String what;
  private final Names names;
  private final Map<String, PyExpr> values = new LinkedHashMap<>();
  private final List<PyExpr> rest = new ArrayList<>();

  /**
   * Binds {@code call}'s arguments to {@code params}; a last parameter written {@code *name}
   * collects the remaining positional arguments ({@link #rest()}).
   *
   * @param what the callee as the reasons name it ({@code op.create_index})
   */
  Args(PyExpr.Call call, String what, Names names, String... params) {
    this.call = call;
    this.what = what;
    this.names = names;
    int fixed = params.length;
    boolean varargs = fixed > 0 && params[fixed - 1].startsWith("*");
    if (varargs) {
      fixed--;
    }
    List<PyExpr> args = call.args();
    for (int i = 0; i < args.size(); i++) {
      PyExpr arg = args.get(i);
      if (arg instanceof PyExpr.Other other && other.span().text().startsWith("*")) {
        throw new Refusal(arg, "Python logic (" + other.span().text() + " in a call of " + what
            + ")");
      }
      if (i < fixed) {
        values.put(params[i], arg);
      } else if (varargs) {
        rest.add(arg);
      } else {
        throw new Refusal(arg, "too many arguments for " + what);
      }
    }
    for (PyExpr.Keyword keyword : call.keywords()) {
      if (keyword.name() == null) {
        throw new Refusal(keyword.value(), "Python logic (**" + keyword.value().span().text()
            + " in a call of " + what + ")");
      }
      if (values.containsKey(keyword.name())) {
        throw new Refusal(keyword.value(), "argument " + keyword.name() + " of " + what
            + " given twice");
      }
      values.put(keyword.name(), keyword.value());
    }
  }

  /** The callee as reasons name it ({@code op.create_index}). */
  String what() {
    return what;
  }

  /** The call itself. */
  PyExpr.Call call() {
    return call;
  }

  /** The positional arguments after the named ones (for a {@code *name} parameter). */
  List<PyExpr> rest() {
    return rest;
  }

  /** The names of the arguments not read yet, in call order. */
  java.util.Set<String> names() {
    return values.keySet();
  }

  /** Reads an argument: null when not given. */
  PyExpr take(String name) {
    return values.remove(name);
  }

  /** Reads a required argument. */
  PyExpr required(String name) {
    PyExpr value = values.remove(name);
    if (value == null) {
      throw new Refusal(call, what + " without its argument " + name);
    }
    return value;
  }

  /** Reads a string argument: null when not given or {@code None}. */
  String string(String name) {
    PyExpr value = take(name);
    return value == null ? null : Literals.stringOrNone(value, names, "argument " + name + " of " + what);
  }

  /** Reads a required string argument. */
  String requiredString(String name) {
    String value = Literals.stringOrNone(required(name), names, "argument " + name + " of " + what);
    if (value == null) {
      throw new Refusal(call, what + " with " + name + "=None");
    }
    return value;
  }

  /**
   * Reads the name of an index or constraint: null when not given or {@code None}. A name longer
   * than 63 characters that is not an {@code op.f()} name is refused, as SQLAlchemy refuses it
   * ({@code IdentifierError}); an {@code op.f()} name is already cut to 63.
   */
  String objectName(String name) {
    PyExpr value = values.get(name);
    String string = string(name);
    if (string != null && string.codePointCount(0, string.length()) > 63) {
      throw new Refusal(value, "name '" + string + "' is longer than 63 characters (SQLAlchemy"
          + " refuses it)");
    }
    return string;
  }

  /** Reads a boolean argument; {@code absent} when not given or {@code None}. */
  boolean bool(String name, boolean absent) {
    PyExpr value = take(name);
    if (value == null || value instanceof PyExpr.NoneLiteral) {
      return absent;
    }
    if (value instanceof PyExpr.Bool bool) {
      return bool.value();
    }
    throw new Refusal(value, "argument " + name + " of " + what + " is not True or False");
  }

  /** Reads a list or tuple of strings (a lone string is a list of one, as Alembic accepts). */
  List<String> strings(String name) {
    PyExpr value = take(name);
    if (value == null) {
      return List.of();
    }
    return Literals.strings(value, names, "argument " + name + " of " + what);
  }

  /** Reads and drops arguments that change nothing in PostgreSQL's SQL (e.g. {@code existing_type}). */
  void ignore(String... ignored) {
    for (String name : ignored) {
      values.remove(name);
    }
  }

  /** Refuses the call when an argument was not read. */
  void finish() {
    if (!values.isEmpty()) {
      Map.Entry<String, PyExpr> first = values.entrySet().iterator().next();
      throw new Refusal(first.getValue(), "argument " + first.getKey() + "= of " + what
          + " is not translated");
    }
  }
}
