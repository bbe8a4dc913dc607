package dev.strata.dialects;

/**
 * What a script does, for its {@link ScriptHeader header} and its start check ({@link
 * ScriptFraming}): a migration runs the steps of a plan; a stamp only sets the version table.
 */
sealed interface ScriptKind {

  /** The script of a plan's steps ({@code upgrade}, {@code downgrade}, a bundle's scripts). */
  record Migration() implements ScriptKind {}

  /**
   * The script of {@code strata stamp}: no revision runs; the version table is created when absent
   * and set to the target rows.
   *
   * @param purge every row is deleted first, so a guarded script takes the lock but does not check
   *     what the table holds; without it, the guard checks that the table holds exactly the plan's
   *     starting rows (none: an empty or absent table)
   */
  record Stamp(boolean purge) implements ScriptKind {}

  /** Whether a guarded script checks the version table's rows before its first change. */
  default boolean checksStart() {
    return switch (this) {
      case Migration migration -> true;
      case Stamp stamp -> !stamp.purge();
    };
  }
}
