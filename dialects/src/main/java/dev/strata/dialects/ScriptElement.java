package dev.strata.dialects;

import java.util.List;

/**
 * One piece of a script body before transactions and segments are placed (see {@link
 * TransactionFramer}).
 */
sealed interface ScriptElement {

  /** A comment line (a step banner, a skipped block), without line break. */
  record Comment(String text) implements ScriptElement {}

  /**
   * One SQL statement, without its {@code ;}.
   *
   * @param outsideTransaction it must run outside any transaction block
   * @param summary what a person reads in a segment list: the first line of the statement as the
   *     revision wrote it (for a version-table change wrapped in a row-count check, the change
   *     itself, not the wrapper)
   */
  record Sql(String text, boolean outsideTransaction, String summary) implements ScriptElement {
    /** A statement summarised by its own first line. */
    Sql(String text, boolean outsideTransaction) {
      this(text, outsideTransaction, firstLine(text));
    }

    static String firstLine(String text) {
      String trimmed = text.strip();
      int end = trimmed.indexOf('\n');
      return end < 0 ? trimmed : trimmed.substring(0, end).stripTrailing();
    }
  }

  /**
   * A point where the open transaction must commit before the statements that follow: placed
   * before the first statement after an {@code ALTER TYPE ... ADD VALUE} (or a run of them), since
   * PostgreSQL refuses to use a value added in a transaction that has not committed ("unsafe use
   * of new value"). Without transactions (or with none open) it does nothing.
   */
  record Commit() implements ScriptElement {}

  /** The start of one revision's statements: those that follow belong to {@code revision}. */
  record StepStart(String revision) implements ScriptElement {}

  /**
   * The end of one revision's statements and version-table changes.
   *
   * @param headsAfter the version-table rows once the step has run, sorted
   */
  record StepEnd(List<String> headsAfter) implements ScriptElement {
    public StepEnd {
      headsAfter = List.copyOf(headsAfter);
    }
  }

  /**
   * A session setting a revision makes for its own statements (see {@link TransactionFramer}):
   * {@code apply} is written before the revision's next statement and again at the start of every
   * later segment that holds statements of the revision, and {@code restore} at the end of each
   * such segment and at the revision's {@link SettingsEnd}. A setting whose {@code apply} is its
   * {@code restore} (a {@code RESET} in the revision) ends an earlier one.
   *
   * @param name the setting, e.g. {@code lock_timeout}
   * @param apply the statement that makes it, without {@code ;}
   * @param restore the statement that gives back the script's value, without {@code ;}
   */
  record Setting(String name, String apply, String restore) implements ScriptElement {
    /** Whether this setting goes back to the script's value (a {@code RESET}). */
    boolean resets() {
      return apply.equals(restore);
    }
  }

  /** The end of a revision's statements: its settings end here, before its version-table change. */
  record SettingsEnd() implements ScriptElement {}
}
