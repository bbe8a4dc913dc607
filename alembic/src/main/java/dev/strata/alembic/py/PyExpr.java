package dev.strata.alembic.py;

import java.util.List;

/**
 * A Python expression of the subset Alembic revision files use: names, attribute access, calls with
 * positional and keyword arguments, literals, tuples, lists and dicts. Anything else (operators,
 * subscripts, comprehensions, lambdas, f-strings, ...) is kept as {@link Other}, with its text, so
 * that the translator can refuse it precisely instead of guessing.
 */
public sealed interface PyExpr {
  /** Where the expression is in the file, with its source text. */
  SourceSpan span();

  /** A bare name: {@code op}, {@code sa}, {@code revision}. */
  record Name(String id, SourceSpan span) implements PyExpr {}

  /** {@code target.name}: {@code op.create_table}, {@code sa.String}, {@code postgresql.JSONB}. */
  record Attribute(PyExpr target, String name, SourceSpan span) implements PyExpr {}

  /**
   * A call: {@code function(args..., name=value...)}.
   *
   * @param args the positional arguments, in order ({@code *args} is an {@link Other})
   * @param keywords the keyword arguments, in order ({@code **kwargs} has a null name)
   */
  record Call(PyExpr function, List<PyExpr> args, List<Keyword> keywords, SourceSpan span)
      implements PyExpr {
    /** Copies the lists. */
    public Call {
      args = List.copyOf(args);
      keywords = List.copyOf(keywords);
    }
  }

  /** One keyword argument; {@code name} is null for {@code **value}. */
  record Keyword(String name, PyExpr value, SourceSpan span) {}

  /**
   * A string literal, adjacent literals concatenated, escapes decoded (raw strings kept raw); bytes
   * and f-strings are {@link Other}.
   */
  record Str(String value, SourceSpan span) implements PyExpr {}

  /** An integer or float literal, as written ({@code 10}, {@code 3.5}, {@code -1}). */
  record Num(String text, SourceSpan span) implements PyExpr {}

  /** {@code True} or {@code False}. */
  record Bool(boolean value, SourceSpan span) implements PyExpr {}

  /** {@code None}. */
  record NoneLiteral(SourceSpan span) implements PyExpr {}

  /** {@code (a, b)}, or {@code a, b} where a tuple is written without parentheses. */
  record Tuple(List<PyExpr> items, SourceSpan span) implements PyExpr {
    /** Copies the list. */
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** {@code [a, b]}. */
  record ListExpr(List<PyExpr> items, SourceSpan span) implements PyExpr {
    /** Copies the list. */
    public ListExpr {
      items = List.copyOf(items);
    }
  }

  /** {@code {k: v, ...}}; a {@code **mapping} entry has a null key. */
  record Dict(List<Entry> entries, SourceSpan span) implements PyExpr {
    /** Copies the list. */
    public Dict {
      entries = List.copyOf(entries);
    }
  }

  /** One {@code key: value} of a {@link Dict}. */
  record Entry(PyExpr key, PyExpr value) {}

  /** Any other expression, kept as source text: the translator refuses it with its position. */
  record Other(SourceSpan span) implements PyExpr {}
}
