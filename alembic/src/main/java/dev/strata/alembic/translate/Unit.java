package dev.strata.alembic.translate;

import java.util.List;

/** One piece of a translated section body, before it is written out as lines. */
sealed interface Unit {
  /** The lines of the piece as written into the revision file. */
  List<String> lines();

  /**
   * A statement of strata's language, ending with {@code ;} (possibly over several lines), or a
   * {@code -- +dialect postgresql} block.
   *
   * @param noTransaction whether {@code -- +no-transaction} goes before it
   */
  record Sql(List<String> body, boolean noTransaction) implements Unit {
    public Sql {
      body = List.copyOf(body);
    }

    @Override
    public List<String> lines() {
      if (!noTransaction) {
        return body;
      }
      List<String> lines = new java.util.ArrayList<>();
      lines.add("-- +no-transaction");
      lines.addAll(body);
      return lines;
    }

    /** The same piece, run outside a transaction. */
    Sql outsideTransaction() {
      return new Sql(body, true);
    }
  }

  /** A placeholder: its {@code -- +todo} line and the Python it stands for, commented out. */
  record Todo(Placeholder placeholder, List<String> python) implements Unit {
    public Todo {
      python = List.copyOf(python);
    }

    @Override
    public List<String> lines() {
      List<String> lines = new java.util.ArrayList<>();
      lines.add(placeholder.directiveLine());
      for (String line : python) {
        lines.add(("--   " + line).stripTrailing());
      }
      return lines;
    }
  }
}
