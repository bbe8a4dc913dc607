package dev.strata.dialects;

import java.util.Optional;

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

  /**
   * What a refused script of this kind suggests, where the client can show a hint (psql's {@code
   * HINT}): for a stamp, naming what the table holds as FROM, or purging; nothing for a migration,
   * whose message names both states already.
   */
  default Optional<String> refusalHint() {
    return switch (this) {
      case Migration migration -> Optional.empty();
      case Stamp stamp -> Optional.of("if the schema is at the target revision, stamp from the"
          + " rows the table holds (strata stamp FROM:REV) or replace them (strata stamp --purge"
          + " REV)");
    };
  }

  /** Whether a guarded script checks the version table's rows before its first change. */
  default boolean checksStart() {
    return switch (this) {
      case Migration migration -> true;
      case Stamp stamp -> !stamp.purge();
    };
  }
}
