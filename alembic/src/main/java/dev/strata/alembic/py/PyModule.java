package dev.strata.alembic.py;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed Python source file.
 *
 * @param file the file as given, for diagnostics and placeholders
 * @param docstring the module docstring (the first statement, when it is a string), else null
 * @param body the module-level statements in order, the docstring included
 */
public record PyModule(Path file, String docstring, List<PyStmt> body) {
  /** Copies the list. */
  public PyModule {
    body = List.copyOf(body);
  }
}
