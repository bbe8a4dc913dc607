package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import java.util.ArrayList;
import java.util.List;

/** Python literals read as the values Alembic would see, refusing anything computed. */
final class Literals {
  private Literals() {}

  /** A module-level constant stands for its value; anything else is itself. */
  static PyExpr resolve(PyExpr value, Names names) {
    if (value instanceof PyExpr.Name name && !names.isImported(name.id())) {
      PyExpr constant = names.moduleValue(name.id());
      if (constant instanceof PyExpr.Str || constant instanceof PyExpr.Num
          || constant instanceof PyExpr.Bool || constant instanceof PyExpr.Tuple
          || constant instanceof PyExpr.ListExpr || constant instanceof PyExpr.Dict
          || constant instanceof PyExpr.Call) {
        return constant;
      }
    }
    return value;
  }

  /**
   * A string, or null for {@code None}; {@code op.f('name')} and {@code batch_op.f('name')} are the
   * name as given (Alembic marks it as final, so no naming convention changes it), cut as
   * SQLAlchemy cuts such names past 63 characters ({@link Sql#conventionName}).
   */
  static String stringOrNone(PyExpr value, Names names, String what) {
    PyExpr resolved = resolve(value, names);
    return switch (resolved) {
      case PyExpr.Str str -> str.value();
      case PyExpr.NoneLiteral none -> null;
      case PyExpr.Call call when isConv(call) -> {
        String name = stringOrNone(call.args().get(0), names, what);
        yield name == null ? null : Sql.conventionName(name);
      }
      default -> throw new Refusal(value, what + " is not a string literal: "
          + oneLine(value.span().text()));
    };
  }

  /** {@code op.f('x')} / {@code batch_op.f('x')} / {@code sa.sql.elements.conv('x')}. */
  static boolean isConv(PyExpr.Call call) {
    return call.args().size() == 1 && call.keywords().isEmpty()
        && call.function() instanceof PyExpr.Attribute attribute
        && (attribute.name().equals("f") || attribute.name().equals("conv"));
  }

  /** A list or tuple of strings; a lone string is a list of one. */
  static List<String> strings(PyExpr value, Names names, String what) {
    PyExpr resolved = resolve(value, names);
    List<PyExpr> items = switch (resolved) {
      case PyExpr.ListExpr list -> list.items();
      case PyExpr.Tuple tuple -> tuple.items();
      case PyExpr.Str str -> List.of(str);
      default -> throw new Refusal(value, what + " is not a list of names: "
          + oneLine(value.span().text()));
    };
    List<String> strings = new ArrayList<>();
    for (PyExpr item : items) {
      String string = stringOrNone(item, names, what);
      if (string == null) {
        throw new Refusal(item, what + " holds None");
      }
      strings.add(string);
    }
    return strings;
  }

  /** The items of a list or tuple. */
  static List<PyExpr> items(PyExpr value, Names names, String what) {
    return switch (resolve(value, names)) {
      case PyExpr.ListExpr list -> list.items();
      case PyExpr.Tuple tuple -> tuple.items();
      default -> throw new Refusal(value, what + " is not a list: " + oneLine(value.span().text()));
    };
  }

  /** An integer literal. */
  static long integer(PyExpr value, Names names, String what) {
    if (resolve(value, names) instanceof PyExpr.Num num) {
      try {
        return Long.parseLong(num.text().replace("_", ""));
      } catch (NumberFormatException notInteger) {
        // refused below
      }
    }
    throw new Refusal(value, what + " is not an integer literal: " + oneLine(value.span().text()));
  }

  /** Source text on one line, shortened to 60 characters, for a reason. */
  static String oneLine(String text) {
    String flat = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }
}
