package dev.strata.compiler.schema;

import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.Diagnostic;
import java.util.List;

/**
 * The semantic checks of a revision graph: every revision's upgrade statements replayed against
 * the schema model they run on ({@link Replay}), each problem a {@link Diagnostic} at the name it
 * is about, with a note where the object was created or dropped. The codes are {@link SchemaCode}'s
 * (E0601-E0620, and the warning W0621 where a hand edit blinds the model).
 */
public final class SchemaChecks {
  private SchemaChecks() {}

  /** Every diagnostic of the checks for {@code graph}, errors and warnings, in graph order. */
  public static List<Diagnostic> check(RevisionGraph graph) {
    return Replay.of(graph).diagnostics();
  }
}
