package dev.strata.compiler.schema;

import dev.strata.grammar.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether two parts of two models say the same thing, wherever they were written: records are
 * compared component by component, ignoring every {@link Span} and {@link Origin} (the same
 * {@code CHECK (amount > 0)} written in two revisions is one check). Expressions compare by their
 * text as written.
 */
final class Same {
  private Same() {}

  /** {@code a} and {@code b} equal once positions and origins are left out. */
  static boolean as(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Span || a instanceof Origin) {
      return true;
    }
    if (a instanceof Optional<?> x) {
      Optional<?> y = (Optional<?>) b;
      return x.isPresent() == y.isPresent() && (x.isEmpty() || as(x.get(), y.get()));
    }
    if (a instanceof List<?> x) {
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = y.iterator();
      return x.stream().allMatch(e -> as(e, i.next()));
    }
    if (a instanceof Map<?, ?> x) {
      Map<?, ?> y = (Map<?, ?>) b;
      return x.keySet().equals(y.keySet())
          && x.entrySet().stream().allMatch(e -> as(e.getValue(), y.get(e.getKey())));
    }
    if (a.getClass().isRecord()) {
      for (RecordComponent component : a.getClass().getRecordComponents()) {
        if (!as(get(component, a), get(component, b))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  private static Object get(RecordComponent component, Object record) {
    try {
      var accessor = component.getAccessor();
      accessor.trySetAccessible();
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("a record's accessor answers: " + component, e);
    }
  }
}
