package dev.strata.compiler.schema;

import dev.strata.grammar.Span;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Hand-built model parts for the tests: each made at its own line of a revision. */
final class Models {
  private static int line = 1;

  private Models() {}

  static Origin origin() {
    return new Origin("0001", "versions/0001.sql", new Span(line++, 1, 1));
  }

  static Expr expr(String sql) {
    return new Expr(sql, new Span(line++, 3, sql.length()));
  }

  static DataType type(DataType.Kind kind) {
    return DataType.of(kind);
  }

  static DataType varchar(int n) {
    return new DataType(DataType.Kind.VARCHAR, OptionalInt.of(n), OptionalInt.empty());
  }

  static DataType numeric(int p, int s) {
    return new DataType(DataType.Kind.NUMERIC, OptionalInt.of(p), OptionalInt.of(s));
  }

  static Column column(String name, DataType type, boolean notNull) {
    return new Column(name, type, notNull, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), origin());
  }

  static Table table(String name, List<Column> columns, List<Constraint> constraints) {
    return new Table(new ObjectName("public", name), columns, constraints, false,
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), origin());
  }

  static ObjectName name(String name) {
    return new ObjectName("public", name);
  }

  /** A model of these parts, everything else empty. */
  static final class Builder {
    final Map<String, Origin> schemas = new LinkedHashMap<>();
    final Map<ObjectName, EnumType> types = new LinkedHashMap<>();
    final Map<ObjectName, Sequence> sequences = new LinkedHashMap<>();
    final Map<ObjectName, Table> tables = new LinkedHashMap<>();
    final Map<ObjectName, Index> indexes = new LinkedHashMap<>();
    final Map<ObjectName, View> views = new LinkedHashMap<>();
    final Map<String, Routine> routines = new LinkedHashMap<>();
    final Map<String, Trigger> triggers = new LinkedHashMap<>();
    final Map<String, Extension> extensions = new LinkedHashMap<>();

    Builder table(Table table) {
      tables.put(table.name(), table);
      return this;
    }

    Builder index(Index index) {
      indexes.put(index.name(), index);
      return this;
    }

    Builder type(EnumType type) {
      types.put(type.name(), type);
      return this;
    }

    Builder sequence(Sequence sequence) {
      sequences.put(sequence.name(), sequence);
      return this;
    }

    Builder view(View view) {
      views.put(view.name(), view);
      return this;
    }

    Builder routine(Routine routine) {
      routines.put(routine.signature(), routine);
      return this;
    }

    Builder trigger(Trigger trigger) {
      triggers.put(trigger.key(), trigger);
      return this;
    }

    Builder extension(Extension extension) {
      extensions.put(extension.name(), extension);
      return this;
    }

    Builder schema(String name) {
      schemas.put(name, origin());
      return this;
    }

    SchemaModel build() {
      return new SchemaModel(schemas, types, sequences, tables, indexes, views, routines,
          triggers, extensions, List.of());
    }
  }
}
