package dev.strata.dialects;

import dev.strata.grammar.ast.Operation.AddEnumValue;
import dev.strata.grammar.ast.Operation.CreateEnumType;
import dev.strata.grammar.ast.Operation.DropType;
import dev.strata.grammar.ast.Operation.RenameEnumValue;
import dev.strata.grammar.ast.Operation.RenameType;
import org.jooq.DropTypeStep;
import org.jooq.Name;

/**
 * Enum types: {@code CREATE TYPE ... AS ENUM}, {@code ALTER TYPE ... ADD VALUE}, {@code RENAME
 * VALUE}, {@code RENAME TO} and {@code DROP TYPE}, built with jOOQ except the forms it lacks
 * ({@link EnumTypeSql}).
 */
final class TypeStatements {
  private final SqlContext sql;

  TypeStatements(SqlContext sql) {
    this.sql = sql;
  }

  String createEnumType(CreateEnumType create) {
    Name type = SqlContext.name(create.type());
    if (create.values().isEmpty()) {
      return EnumTypeSql.createEmpty(sql, type);
    }
    return sql.render(sql.dsl().createType(type).asEnum(create.values().toArray(String[]::new)));
  }

  String addEnumValue(AddEnumValue add) {
    Name type = SqlContext.name(add.type());
    if (add.ifNotExists() || add.position().isPresent()) {
      return EnumTypeSql.addValue(sql, type, add.value(), add.ifNotExists(), add.position());
    }
    return sql.render(sql.dsl().alterType(type).addValue(add.value()));
  }

  String renameEnumValue(RenameEnumValue rename) {
    return sql.render(
        sql.dsl().alterType(SqlContext.name(rename.type())).renameValue(rename.from())
            .to(rename.to()));
  }

  String renameType(RenameType rename) {
    return sql.render(
        sql.dsl().alterType(SqlContext.name(rename.type()))
            .renameTo(SqlContext.name(rename.newName())));
  }

  String dropType(DropType drop) {
    Name[] types = drop.types().stream().map(SqlContext::name).toArray(Name[]::new);
    DropTypeStep step =
        drop.ifExists() ? sql.dsl().dropTypeIfExists(types) : sql.dsl().dropType(types);
    return sql.render(drop.cascade() ? step.cascade() : step);
  }
}
