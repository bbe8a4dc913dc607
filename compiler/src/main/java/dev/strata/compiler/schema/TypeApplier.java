package dev.strata.compiler.schema;

import static dev.strata.compiler.schema.ApplyContext.span;
import static dev.strata.compiler.schema.ApplyContext.withColumns;

import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The type statements of an {@link Applier}: enum types and their values ({@code ADD VALUE ...
 * BEFORE/AFTER}, {@code RENAME VALUE}), composite types and domains (kept by name only), renames
 * that carry the columns of that type, and drops that refuse columns of it without {@code
 * CASCADE}.
 */
final class TypeApplier {
  private final ApplyContext ctx;
  private final ModelState state;

  TypeApplier(ApplyContext ctx) {
    this.ctx = ctx;
    this.state = ctx.state;
  }

  void createEnum(Operation.CreateEnumType create) {
    ObjectName name = ObjectName.of(create.type());
    if (!ctx.requireSchema(create.type())) {
      return;
    }
    if (state.types.containsKey(name) || state.otherTypes.containsKey(name)) {
      ctx.duplicate(SchemaCode.DUPLICATE_OBJECT, "type " + name, create.type().name().span(),
          Optional.ofNullable(state.types.get(name)).map(EnumType::origin)
              .or(() -> Optional.ofNullable(state.otherTypes.get(name))));
      return;
    }
    List<String> values = List.copyOf(new LinkedHashSet<>(create.values()));
    state.types.put(name, new EnumType(name, values, Optional.empty(),
        ctx.created(Keys.type(name), create.type().name().span())));
  }

  void createOtherType(QualifiedName written) {
    ObjectName name = ObjectName.of(written);
    if (!ctx.requireSchema(written)) {
      return;
    }
    if (state.types.containsKey(name) || state.otherTypes.containsKey(name)) {
      ctx.duplicate(SchemaCode.DUPLICATE_OBJECT, "type " + name, written.name().span(),
          Optional.ofNullable(state.types.get(name)).map(EnumType::origin)
              .or(() -> Optional.ofNullable(state.otherTypes.get(name))));
      return;
    }
    state.otherTypes.put(name, ctx.created(Keys.type(name), written.name().span()));
  }

  Optional<EnumType> requireEnum(QualifiedName written, boolean ifExists) {
    ObjectName name = ObjectName.of(written);
    EnumType type = state.types.get(name);
    if (type == null && !ifExists && !state.otherTypes.containsKey(name)) {
      if (!ctx.blindWarning(SchemaCode.MISSING_TYPE, "type " + name, Keys.type(name),
          span(written))) {
        ctx.error(SchemaCode.MISSING_TYPE, "type " + name + " does not exist", span(written),
            ctx.goneNote(Keys.type(name)));
      }
    }
    return Optional.ofNullable(type);
  }

  void addEnumValue(Operation.AddEnumValue add) {
    Optional<EnumType> found = requireEnum(add.type(), false);
    if (found.isEmpty()) {
      return;
    }
    EnumType type = found.get();
    Optional<Span> at = ctx.literal(add.value()).or(() -> span(add.type()));
    if (type.values().contains(add.value())) {
      if (!add.ifNotExists()) {
        ctx.error(SchemaCode.DUPLICATE_ENUM_VALUE, "enum label '" + add.value()
                + "' already exists in type " + type.name(), at,
            "note: type " + type.name() + " is created at " + type.origin().describe()
                + valueNote(type.name(), add.value()),
            "help: write ADD VALUE IF NOT EXISTS to skip a value that may be there");
      }
      return;
    }
    List<String> values = new ArrayList<>(type.values());
    int position = values.size();
    if (add.position().isPresent()) {
      String neighbor = add.position().get().neighbor();
      int i = values.indexOf(neighbor);
      if (i < 0) {
        ctx.error(SchemaCode.MISSING_ENUM_VALUE, "'" + neighbor + "' is not an existing enum label"
                + " of type " + type.name(), ctx.literal(neighbor).or(() -> at),
            "note: type " + type.name() + " is created at " + type.origin().describe()
                + " with labels " + String.join(", ", type.values()));
        return;
      }
      position = add.position().get().before() ? i : i + 1;
    }
    values.add(position, add.value());
    ctx.touch(Keys.part(Keys.type(type.name()), "value " + add.value()), at);
    state.types.put(type.name(), new EnumType(type.name(), values, type.comment(),
        type.origin()));
  }

  void renameEnumValue(Operation.RenameEnumValue rename) {
    Optional<EnumType> found = requireEnum(rename.type(), false);
    if (found.isEmpty()) {
      return;
    }
    EnumType type = found.get();
    if (!type.values().contains(rename.from())) {
      ctx.error(SchemaCode.MISSING_ENUM_VALUE, "'" + rename.from() + "' is not an existing enum"
              + " label of type " + type.name(),
          ctx.literal(rename.from()).or(() -> span(rename.type())),
          "note: type " + type.name() + " is created at " + type.origin().describe()
              + " with labels " + String.join(", ", type.values()));
      return;
    }
    if (type.values().contains(rename.to())) {
      ctx.error(SchemaCode.DUPLICATE_ENUM_VALUE, "enum label '" + rename.to()
              + "' already exists in type " + type.name(),
          ctx.literalAfter(rename.to(), rename.from()).or(() -> span(rename.type())),
          "note: type " + type.name() + " is created at " + type.origin().describe());
      return;
    }
    ctx.touch(Keys.part(Keys.type(type.name()), "value " + rename.from()), span(rename.type()));
    state.types.put(type.name(), new EnumType(type.name(), type.values().stream()
        .map(v -> v.equals(rename.from()) ? rename.to() : v).toList(), type.comment(),
        type.origin()));
    renameDefaults(type.name(), rename.from(), rename.to());
  }

  /**
   * A column default that is the renamed label ({@code 'sad'}, {@code 'sad'::mood}) names the new
   * one: PostgreSQL keeps such a default as the enum value itself, so it follows the rename
   * ({@code pg_get_expr} then shows {@code 'blue'::mood}). Other defaults are kept as written.
   */
  private void renameDefaults(ObjectName type, String from, String to) {
    java.util.regex.Pattern label = java.util.regex.Pattern.compile(
        "\\s*'" + java.util.regex.Pattern.quote(from.replace("'", "''")) + "'(\\s*::.*)?\\s*",
        java.util.regex.Pattern.DOTALL);
    for (Table table : state.usersOf(type)) {
      boolean changed = false;
      List<Column> columns = new ArrayList<>();
      for (Column column : table.columns()) {
        java.util.regex.Matcher m = column.defaultValue()
            .map(d -> label.matcher(d.sql())).orElse(null);
        boolean ofType = column.type().named()
            .filter(n -> ObjectName.of(n.name()).equals(type)).isPresent();
        if (ofType && m != null && m.matches()) {
          String cast = m.group(1) == null ? "" : m.group(1);
          dev.strata.grammar.ast.Expr old = column.defaultValue().get();
          columns.add(new Column(column.name(), column.type(), column.notNull(),
              Optional.of(new dev.strata.grammar.ast.Expr(
                  "'" + to.replace("'", "''") + "'" + cast, old.span())),
              column.identity(), column.generated(), column.collation(), column.comment(),
              column.origin()));
          changed = true;
        } else {
          columns.add(column);
        }
      }
      if (changed) {
        state.putTable(ApplyContext.withColumns(table, columns));
      }
    }
  }

  private String valueNote(ObjectName type, String value) {
    Origin added = state.touched.get(Keys.part(Keys.type(type), "value " + value));
    return added == null ? "" : "; the label is added at " + added.describe();
  }

  void renameType(Operation.RenameType rename) {
    ObjectName name = ObjectName.of(rename.type());
    ObjectName to = ObjectName.in(name, rename.newName());
    Optional<EnumType> found = requireEnum(rename.type(), false);
    if (found.isEmpty()) {
      if (state.otherTypes.containsKey(name)) {
        state.otherTypes.put(to, state.otherTypes.remove(name));
      }
      return;
    }
    if (state.types.containsKey(to) || state.otherTypes.containsKey(to)) {
      ctx.duplicate(SchemaCode.DUPLICATE_OBJECT, "type " + to, rename.newName().span(),
          Optional.ofNullable(state.types.get(to)).map(EnumType::origin)
              .or(() -> Optional.ofNullable(state.otherTypes.get(to))));
      return;
    }
    EnumType type = found.get();
    state.types.rename(name, to, new EnumType(to, type.values(), type.comment(), type.origin()));
    for (Table table : state.usersOf(name)) {
      if (table.columns().stream().anyMatch(c -> usesType(c.type(), name))) {
        state.putTable(withColumns(table, table.columns().stream().map(c -> usesType(c.type(),
            name) ? new Column(c.name(), renamedType(c.type(), to, rename.newName()),
            c.notNull(), c.defaultValue(), c.identity(), c.generated(), c.collation(),
            c.comment(), c.origin()) : c).toList()));
      }
    }
    ctx.renamed(Keys.type(name), rename.type().name().span());
    ctx.touch(Keys.type(to), rename.newName().span());
  }

  private static boolean usesType(DataType type, ObjectName name) {
    return type.named().map(n -> ObjectName.of(n.name()).equals(name)).orElse(false);
  }

  private static DataType renamedType(DataType type, ObjectName to, Identifier newName) {
    DataType.Named named = type.named().orElseThrow();
    QualifiedName written = new QualifiedName(named.name().schema(), newName);
    return new DataType(type.kind(), type.size(), type.scale(),
        Optional.of(new DataType.Named(written, named.modifiers())), type.arrayDimensions());
  }

  void dropType(QualifiedName written, boolean ifExists, boolean cascade) {
    ObjectName name = ObjectName.of(written);
    if (state.otherTypes.remove(name) != null) {
      ctx.dropped(Keys.type(name), written.name().span());
      return;
    }
    Optional<EnumType> found = requireEnum(written, ifExists);
    if (found.isEmpty()) {
      return;
    }
    for (Table table : state.usersOf(name)) {
      for (Column column : table.columns()) {
        if (usesType(column.type(), name)) {
          if (!cascade) {
            ctx.error(SchemaCode.DEPENDENT_TYPE, "cannot drop type " + name
                    + " because other objects depend on it", span(written),
                "note: column " + column.name() + " of table " + table.name() + " uses it,"
                    + " created at " + column.origin().describe(),
                "help: change or drop the column first, or write DROP TYPE ... CASCADE");
            return;
          }
        }
      }
    }
    if (cascade) {
      for (Table table : state.usersOf(name)) {
        if (table.columns().stream().anyMatch(c -> usesType(c.type(), name))) {
          state.putTable(withColumns(table, table.columns().stream()
              .filter(c -> !usesType(c.type(), name)).toList()));
        }
      }
    }
    state.types.remove(name);
    ctx.dropped(Keys.type(name), written.name().span());
  }
}
