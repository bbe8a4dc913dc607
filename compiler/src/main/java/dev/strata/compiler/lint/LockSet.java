package dev.strata.compiler.lint;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The locks of one statement being collected: one {@link TableLock} per table, in the order the
 * tables were first named, each the strongest mode asked for it, rewrite and scan ORed (a
 * statement holds one lock per table: the strongest it took).
 */
final class LockSet {
  private final Map<ObjectName, TableLock> locks = new LinkedHashMap<>();
  private final Map<ObjectName, Span> spans = new LinkedHashMap<>();

  /** The object {@code name} names; remembers where the statement first wrote it. */
  ObjectName name(QualifiedName name) {
    ObjectName object = ObjectName.of(name);
    name.name().span().ifPresent(span -> spans.putIfAbsent(object, span));
    return object;
  }

  /** Adds {@code level} on the table {@code table} names, no rewrite nor scan. */
  LockSet add(QualifiedName table, LockLevel level) {
    return add(name(table), level);
  }

  /** Adds {@code level} on the table {@code table} names, with a rewrite and/or a scan. */
  LockSet add(QualifiedName table, LockLevel level, boolean rewrite, boolean scan) {
    return add(name(table), level, rewrite, scan);
  }

  /** Remembers {@code writtenAs}'s place as {@code table}'s (an index's name for its table). */
  void place(ObjectName table, QualifiedName writtenAs) {
    writtenAs.name().span().ifPresent(span -> spans.putIfAbsent(table, span));
  }

  /** Where the statement names {@code table}, when it does. */
  Optional<Span> span(ObjectName table) {
    return Optional.ofNullable(spans.get(table));
  }

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
