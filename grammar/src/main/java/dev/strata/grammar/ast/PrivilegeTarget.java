package dev.strata.grammar.ast;

import java.util.List;

/**
 * What {@code GRANT ... ON} and {@code REVOKE ... ON} name.
 *
 * @param kind the kind of object, upper-cased, as PostgreSQL's {@code privilege_target} spells it:
 *     {@code TABLE} (also when not written), {@code SEQUENCE}, {@code FUNCTION}, {@code SCHEMA},
 *     {@code ALL TABLES IN SCHEMA}, ...
 * @param objects each object as written ({@code public.users}, {@code touch(integer)})
 */
public record PrivilegeTarget(String kind, List<String> objects) {
  public PrivilegeTarget {
    objects = List.copyOf(objects);
    if (objects.isEmpty()) {
      throw new IllegalArgumentException("a privilege target names at least one object");
    }
  }
}
