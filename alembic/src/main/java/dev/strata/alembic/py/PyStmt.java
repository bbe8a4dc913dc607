package dev.strata.alembic.py;

import java.util.List;

/**
 * A Python statement of an Alembic revision file. The module level has imports, assignments
 * ({@code revision = "..."}, {@code down_revision = ...}) and the two functions; function bodies
 * have expression statements ({@code op.add_column(...)}), {@code with} blocks
 * ({@code op.batch_alter_table}, {@code op.get_context().autocommit_block()}) and {@code pass}.
 * Every other statement ({@code if}, {@code for}, {@code try}, {@code return}, nested
 * {@code def}, ...) is {@link Other}: Python logic that the import never guesses at.
 */
public sealed interface PyStmt {
  /** Where the statement is, with its full source text (all its lines for a compound one). */
  SourceSpan span();

  /** {@code import a.b [as c]} or {@code from a import b [as c], ...}: kept for name resolution. */
  record Import(String module, List<Alias> names, SourceSpan span) implements PyStmt {
    /** Copies the list; {@code names} is empty for {@code import module}. */
    public Import {
      names = List.copyOf(names);
    }
  }

  /** One imported name and the local name it is bound to ({@code asName} null when the same). */
  record Alias(String name, String asName) {}

  /**
   * {@code targets = value} (chained targets in order), or an annotated assignment
   * {@code name: type = value} with its annotation dropped.
   */
  record Assign(List<PyExpr> targets, PyExpr value, SourceSpan span) implements PyStmt {
    /** Copies the list. */
    public Assign {
      targets = List.copyOf(targets);
    }
  }

  /** An expression on its own line: a call, or the module docstring. */
  record ExprStmt(PyExpr value, SourceSpan span) implements PyStmt {}

  /** {@code def name(...) [-> type]:} and its body. */
  record Def(String name, List<PyStmt> body, SourceSpan span) implements PyStmt {
    /** Copies the list. */
    public Def {
      body = List.copyOf(body);
    }
  }

  /** {@code with item [as name], ...:} and its body. */
  record With(List<WithItem> items, List<PyStmt> body, SourceSpan span) implements PyStmt {
    /** Copies the lists. */
    public With {
      items = List.copyOf(items);
      body = List.copyOf(body);
    }
  }

  /** One context manager of a {@link With}; {@code asName} null when there is no {@code as}. */
  record WithItem(PyExpr context, String asName) {}

  /** {@code pass}. */
  record Pass(SourceSpan span) implements PyStmt {}

  /**
   * Any other statement, kept as source text.
   *
   * @param keyword the statement's first keyword ({@code if}, {@code for}, {@code return},
   *     {@code try}, {@code def} for a nested function, ...) or {@code "expression"} for an
   *     assignment-like statement outside the subset ({@code x += 1}, {@code a[0] = b})
   */
  record Other(String keyword, SourceSpan span) implements PyStmt {}
}
