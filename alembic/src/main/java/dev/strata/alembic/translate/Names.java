package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import dev.strata.alembic.py.PyModule;
import dev.strata.alembic.py.PyStmt;
import java.util.HashMap;
import java.util.Map;

/**
 * What the names of a revision file stand for, from its imports: {@code sa} for
 * {@code sqlalchemy}, {@code op} for {@code alembic.op}, {@code JSONB} for
 * {@code sqlalchemy.dialects.postgresql.JSONB}, {@code GUID} for {@code myapp.types.GUID}. Also
 * the module-level assignments of plain values (tables for {@code bulk_insert}, SQL strings for
 * {@code op.execute}).
 */
final class Names {
  private final Map<String, String> imported = new HashMap<>();
  private final Map<String, PyExpr> moduleValues = new HashMap<>();
  private final Map<String, PyExpr> localValues = new HashMap<>();

  Names(PyModule module) {
    Map<String, Integer> assignments = new HashMap<>();
    for (PyStmt statement : module.body()) {
      switch (statement) {
        case PyStmt.Import importing -> bind(importing);
        case PyStmt.Assign assign -> {
          for (PyExpr target : assign.targets()) {
            if (target instanceof PyExpr.Name name) {
              assignments.merge(name.id(), 1, Integer::sum);
              moduleValues.put(name.id(), assign.value());
            }
          }
        }
        case PyStmt.ExprStmt expression -> { }
        case PyStmt.Def def -> { }
        case PyStmt.With with -> { }
        case PyStmt.Pass pass -> { }
        case PyStmt.Other other -> { }
      }
    }
    // a name assigned twice at module level has no single value
    assignments.forEach((name, count) -> {
      if (count > 1) {
        moduleValues.remove(name);
      }
    });
    imported.putIfAbsent("op", "alembic.op");
    imported.putIfAbsent("sa", "sqlalchemy");
  }

  /**
   * Binds the names of one import, in the parser's shapes: {@code import a.b} is
   * {@code Import("a.b", [])} and binds {@code a}; {@code import a.b as c} is
   * {@code Import("a.b", [Alias("a.b", "c")])}; {@code from a import b as c} binds {@code c} to
   * {@code a.b}; {@code from a import *} binds nothing.
   */
  private void bind(PyStmt.Import importing) {
    String module = importing.module();
    if (importing.names().isEmpty()) {
      int dot = module.indexOf('.');
      String top = dot < 0 ? module : module.substring(0, dot);
      imported.put(top, top);
      return;
    }
    if (importing.names().size() == 1 && importing.names().get(0).name().equals(module)
        && importing.names().get(0).asName() != null) {
      imported.put(importing.names().get(0).asName(), module);
      return;
    }
    for (PyStmt.Alias alias : importing.names()) {
      if (!alias.name().equals("*")) {
        // from . import x is module "." (relative imports keep their dots: ..models.GUID)
        imported.put(alias.asName() != null ? alias.asName() : alias.name(),
            (module.endsWith(".") ? module : module + ".") + alias.name());
      }
    }
  }

  /**
   * The dotted name an expression stands for ({@code sa.dialects.postgresql.JSONB} resolves to
   * {@code sqlalchemy.dialects.postgresql.JSONB}), or null when it is not a name or an attribute
   * chain over one. A name the file does not import resolves to itself.
   */
  String qualified(PyExpr expression) {
    return switch (expression) {
      case PyExpr.Name name -> imported.getOrDefault(name.id(), name.id());
      case PyExpr.Attribute attribute -> {
        String target = qualified(attribute.target());
        yield target == null ? null : target + "." + attribute.name();
      }
      case PyExpr.Call call -> null;
      case PyExpr.Str str -> null;
      case PyExpr.Num num -> null;
      case PyExpr.Bool bool -> null;
      case PyExpr.NoneLiteral none -> null;
      case PyExpr.Tuple tuple -> null;
      case PyExpr.ListExpr list -> null;
      case PyExpr.Dict dict -> null;
      case PyExpr.Other other -> null;
    };
  }

  /**
   * The value a name stands for: what the function assigned to it so far (an SQLAlchemy
   * construct, see {@link #assignLocal}), else what the module assigned to it once, or null.
   */
  PyExpr moduleValue(String name) {
    PyExpr local = localValues.get(name);
    return local != null ? local : moduleValues.get(name);
  }

  /** Records {@code name = value} in the translated function, shadowing the module's name. */
  void assignLocal(String name, PyExpr value) {
    localValues.put(name, value);
  }

  /** Whether {@code name} is bound by an import of the file (or is {@code op} or {@code sa}). */
  boolean isImported(String name) {
    return imported.containsKey(name);
  }
}
