package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyModule;
import dev.strata.alembic.py.PyStmt;
import java.util.List;

/**
 * Translates the body of an Alembic revision's {@code upgrade()} or {@code downgrade()} into a
 * section body of a strata revision file. Work in progress.
 */
public final class OpTranslator {
  private OpTranslator() {}

  /**
   * Translates {@code function}, a {@code def} of {@code module}, statement by statement.
   *
   * @param module the revision file (for its imports and file name)
   * @param function {@code upgrade} or {@code downgrade}
   * @param typeMap application types mapped to strata types
   * @return the section body, with a placeholder for each statement that is not translated
   */
  public static Translation translate(PyModule module, PyStmt.Def function, TypeMap typeMap) {
    return new Translation(List.of(), 0, List.of());
  }
}
