package dev.strata.grammar;

import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.TodoMark;
import java.util.List;

/**
 * The {@code -- +todo} placeholders of a revision file as errors (E0155): the file parses, but a
 * revision with a placeholder cannot be compiled, so no command applies, bundles or checks it as
 * if the placeholder were not there. The versions loader adds these to the problems of every file
 * that parses.
 */
public final class TodoMarks {
  /** The code of a {@code -- +todo} line. */
  public static final String CODE = "E0155";

  private TodoMarks() {}

  /** One E0155 per {@code -- +todo} line of {@code file}, in file order, caret on the directive. */
  public static List<Diagnostic> problems(RevisionFile file) {
    return file.todos().stream().map(todo -> Diagnostic.error(CODE,
        "placeholder left by 'strata import alembic': " + todo.text(), file.source(), todo.span(),
        "help: write the SQL that does what the original Python did (quoted below the"
            + " directive), then delete the '-- +todo' line")).toList();
  }

  /** Whether {@code file} has a {@code -- +todo} line in its {@code direction} section. */
  public static boolean any(RevisionFile file, Direction direction) {
    return file.todos().stream().map(TodoMark::direction).anyMatch(direction::equals);
  }
}
