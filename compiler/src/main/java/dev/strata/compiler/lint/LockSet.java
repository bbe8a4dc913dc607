package dev.strata.compiler.lint;

import dev.strata.compiler.schema.ObjectName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The locks of one statement being collected: one {@link TableLock} per table, in the order the
 * tables were first named, each the strongest mode asked for it, rewrite and scan ORed (a
 * statement holds one lock per table: the strongest it took).
 */
final class LockSet {
  private final Map<ObjectName, TableLock> locks = new LinkedHashMap<>();

  /** Adds {@code level} on {@code table}, no rewrite nor scan. */
  LockSet add(ObjectName table, LockLevel level) {
    return add(table, level, false, false);
  }

  /** Adds {@code level} on {@code table}, with a rewrite and/or a scan. */
  LockSet add(ObjectName table, LockLevel level, boolean rewrite, boolean scan) {
    locks.merge(table, new TableLock(table, level, rewrite, scan),
        (old, added) -> new TableLock(table,
            old.level().atLeast(added.level()) ? old.level() : added.level(),
            old.rewrite() || added.rewrite(), old.scan() || added.scan()));
    return this;
  }

  /** The locks, in order. */
  List<TableLock> toList() {
    return List.copyOf(new ArrayList<>(locks.values()));
  }
}
