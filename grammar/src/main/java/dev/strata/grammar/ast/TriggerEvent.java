package dev.strata.grammar.ast;

import java.util.List;

/**
 * One event of {@code CREATE TRIGGER}: {@code INSERT}, {@code UPDATE [OF columns]}, {@code DELETE}
 * or {@code TRUNCATE}; {@code columns} is empty except for {@code UPDATE OF}.
 */
public record TriggerEvent(Kind kind, List<Identifier> columns) {
  public TriggerEvent {
    columns = List.copyOf(columns);
    if (kind != Kind.UPDATE && !columns.isEmpty()) {
      throw new IllegalArgumentException("only UPDATE names columns: " + kind);
    }
  }

  /** The statement that fires the trigger. */
  public enum Kind {
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE
  }
}
