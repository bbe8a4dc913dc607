package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code op.create_table}, {@code op.add_column}, {@code op.alter_column} and the other
 * operations on tables and columns, written as Alembic 1.8 and SQLAlchemy 1.4 write them for
 * PostgreSQL (statement order included: the enum types before the table, its indexes and comments
 * after it).
 */
final class TableOps {
  private final Names names;
  private final Types types;
  private final Expressions expressions;
  private final Columns columns;
  private final Set<String> enumsCreated;

  /**
   * @param enumsCreated the enum types already created by {@code op.create_table} in this run
   *     ({@code schema.name} or {@code name}); Alembic creates each once per migration context
   */
  TableOps(Names names, Types types, Expressions expressions, Set<String> enumsCreated) {
    this.names = names;
    this.types = types;
    this.expressions = expressions;
    this.columns = new Columns(names, types, expressions);
    this.enumsCreated = enumsCreated;
  }

  Columns columns() {
    return columns;
  }

  /** {@code op.create_table(name, *columns_and_constraints, schema=, comment=)}. */
  void createTable(Args args, List<Unit.Sql> out) {
    TableRef table = new TableRef(args.string("schema"), args.requiredString("table_name"));
    String comment = args.string("comment");
    args.ignore("info", "keep_existing", "extend_existing");
    List<ColumnSpec> cols = new ArrayList<>();
    List<PyExpr> constraints = new ArrayList<>();
    List<PyExpr.Call> indexes = new ArrayList<>();
    for (PyExpr item : args.rest()) {
      if (columns.isColumn(item)) {
        cols.add(columns.parse(item));
      } else if (item instanceof PyExpr.Call call
          && expressions.isSqlalchemy(call, "Index")) {
        indexes.add(call);
      } else if (item instanceof PyExpr.Call call && expressions.isSqlalchemy(call,
          "PrimaryKeyConstraint", "UniqueConstraint", "ForeignKeyConstraint", "CheckConstraint")) {
        constraints.add(call);
      } else {
        throw new Refusal(item, "argument " + Literals.oneLine(item.span().text())
            + " of op.create_table is not a column, constraint or index");
      }
    }
    args.finish();
    ConstraintOps constraintOps = new ConstraintOps(names, expressions);
    // the primary key: PrimaryKeyConstraint, else the primary_key=True columns
    PyExpr.Call primaryKey = null;
    for (PyExpr constraint : constraints) {
      if (expressions.isSqlalchemy((PyExpr.Call) constraint, "PrimaryKeyConstraint")) {
        primaryKey = (PyExpr.Call) constraint;
      }
    }
    List<ColumnSpec> pkColumns = new ArrayList<>();
    String pkName = null;
    if (primaryKey != null) {
      Args pk = new Args(primaryKey, "sa.PrimaryKeyConstraint", names, "*columns");
      pkName = pk.objectName("name");
      pk.ignore("info", "_implicit_generated");
      for (PyExpr name : pk.rest()) {
        String columnName = Literals.stringOrNone(name, names, "column of sa.PrimaryKeyConstraint");
        ColumnSpec column = find(cols, columnName, name);
        column.primaryKey = true;
        pkColumns.add(column);
      }
      pk.finish();
    } else {
      for (ColumnSpec column : cols) {
        if (column.primaryKey) {
          pkColumns.add(column);
        }
      }
    }
    ColumnSpec serial = autoincrementColumn(pkColumns);
    // enum types, once each, in column order
    for (ColumnSpec column : cols) {
      SqlType.EnumType enumType = column.type.enumType();
      if (enumType != null && enumType.create()
          && enumsCreated.add(Sql.typeName(enumType.schema(), enumType.name()))) {
        out.add(new Unit.Sql(List.of(enumType.createStatement()), false));
      }
    }
    List<String> elements = new ArrayList<>();
    for (ColumnSpec column : cols) {
      elements.add(columns.definition(column, column == serial));
    }
    if (!pkColumns.isEmpty()) {
      List<ColumnSpec> order = new ArrayList<>(pkColumns);
      if (primaryKey == null && serial != null && order.size() > 1) {
        order.remove(serial);
        order.add(0, serial);
      }
      elements.add((pkName == null ? "" : "CONSTRAINT " + Sql.ident(pkName) + " ")
          + "PRIMARY KEY (" + Sql.idents(order.stream().map(c -> c.name).toList()) + ")");
    }
    for (PyExpr constraint : constraints) {
      if (constraint != primaryKey) {
        elements.add(constraintOps.tableConstraint((PyExpr.Call) constraint, cols));
      }
    }
    for (ColumnSpec column : cols) {
      if (column.unique && !column.index) {
        elements.add("UNIQUE (" + Sql.ident(column.name) + ")");
      }
      for (ColumnSpec.ForeignKeySpec fk : column.foreignKeys) {
        elements.add(constraintOps.foreignKey(fk.name(), List.of(column.name), fk.schema(),
            fk.table(), List.of(fk.column()), fk.match(), fk.ondelete(), fk.onupdate(),
            fk.deferrable(), fk.initially()));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("CREATE TABLE " + table.sql() + " (");
    for (int i = 0; i < elements.size(); i++) {
      lines.add("    " + elements.get(i) + (i + 1 < elements.size() ? "," : ""));
    }
    lines.add(");");
    out.add(new Unit.Sql(lines, false));
    for (ColumnSpec column : cols) {
      if (column.index) {
        out.add(new Unit.Sql(List.of(constraintOps.createIndex(Sql.conventionName("ix_"
            + table.label() + "_" + column.name), table, List.of(Sql.ident(column.name)), column.unique, false, false,
            null, null, List.of()) + ";"), false));
      }
    }
    for (PyExpr.Call index : indexes) {
      out.add(new Unit.Sql(List.of(constraintOps.tableIndex(index, table) + ";"), false));
    }
    if (comment != null && !comment.isEmpty()) {
      out.add(new Unit.Sql(List.of("COMMENT ON TABLE " + table.sql() + " IS "
          + Sql.literal(comment) + ";"), false));
    }
    for (ColumnSpec column : cols) {
      if (column.comment != null && !column.comment.isEmpty()) {
        out.add(commentOnColumn(table, column.name, column.comment));
      }
    }
  }

  private static ColumnSpec find(List<ColumnSpec> cols, String name, PyExpr at) {
    for (ColumnSpec column : cols) {
      if (column.name.equals(name)) {
        return column;
      }
    }
    throw new Refusal(at, "no column '" + name + "' in the table");
  }

  /**
   * SQLAlchemy 1.4's {@code PrimaryKeyConstraint._autoincrement_column}: the column that becomes
   * {@code SERIAL}, or null.
   */
  private static ColumnSpec autoincrementColumn(List<ColumnSpec> pkColumns) {
    if (pkColumns.size() == 1) {
      ColumnSpec column = pkColumns.get(0);
      if (column.autoincrement.equals("true")) {
        return validAutoincrement(column, true) ? column : null;
      }
      if ((column.autoincrement.equals("auto") || column.autoincrement.equals("ignore_fk"))
          && validAutoincrement(column, false)) {
        return column;
      }
      return null;
    }
    ColumnSpec found = null;
    for (ColumnSpec column : pkColumns) {
      if (column.autoincrement.equals("true")) {
        if (found != null) {
          throw new Refusal(column.source, "two columns marked autoincrement=True");
        }
        validAutoincrement(column, true);
        found = column;
      }
    }
    return found;
  }

  private static boolean validAutoincrement(ColumnSpec column, boolean explicit) {
    if (!column.type.affinity().numeric()) {
      if (explicit) {
        throw new Refusal(column.source, "autoincrement=True on a column that is not an integer");
      }
      return false;
    }
    if (explicit) {
      return true;
    }
    return !column.pythonDefault && column.serverDefault == null
        && (column.foreignKeys.isEmpty() || column.autoincrement.equals("ignore_fk"));
  }

  /**
   * {@code op.add_column(table, sa.Column(...), schema=)}: {@code ADD COLUMN}, then, as Alembic
   * does, the column's unique and foreign-key constraints, its index and its comment.
   */
  void addColumn(Args args, TableRef table, List<Unit.Sql> out) {
    ColumnSpec column = columns.parse(args.required("column"));
    args.ignore("insert_before", "insert_after");
    args.finish();
    if (column.identity != null && column.identity.contains("(")) {
      // strata renders such a column as pg_dump does, which would not number existing rows
      throw new Refusal(args.call(), "op.add_column of an identity column with sequence options"
          + " (strata refuses it: E0413)");
    }
    ColumnSpec serial = column.primaryKey
        ? autoincrementColumn(List.of(column)) : null;
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " ADD COLUMN "
        + columns.definition(column, serial == column) + ";"), false));
    ConstraintOps constraintOps = new ConstraintOps(names, expressions);
    if (column.unique && !column.index) {
      out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " ADD UNIQUE ("
          + Sql.ident(column.name) + ");"), false));
    }
    for (ColumnSpec.ForeignKeySpec fk : column.foreignKeys) {
      out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " ADD "
          + constraintOps.foreignKey(fk.name(), List.of(column.name), fk.schema(), fk.table(),
              List.of(fk.column()), fk.match(), fk.ondelete(), fk.onupdate(), fk.deferrable(),
              fk.initially()) + ";"), false));
    }
    if (column.index) {
      out.add(new Unit.Sql(List.of(constraintOps.createIndex(Sql.conventionName("ix_"
          + table.label() + "_" + column.name), table, List.of(Sql.ident(column.name)), column.unique, false, false,
          null, null, List.of()) + ";"), false));
    }
    if (column.comment != null && !column.comment.isEmpty()) {
      out.add(commentOnColumn(table, column.name, column.comment));
    }
  }

  private static Unit.Sql commentOnColumn(TableRef table, String column, String comment) {
    return new Unit.Sql(List.of("COMMENT ON COLUMN " + table.sql() + "." + Sql.ident(column)
        + " IS " + (comment == null ? "NULL" : Sql.literal(comment)) + ";"), false);
  }

  /** {@code op.drop_table(name, schema=)}: {@code DROP TABLE}; enum types stay, as in Alembic. */
  void dropTable(Args args, List<Unit.Sql> out) {
    TableRef table = new TableRef(args.string("schema"), args.requiredString("table_name"));
    args.ignore("info");
    args.finish();
    out.add(new Unit.Sql(List.of("DROP TABLE " + table.sql() + ";"), false));
  }

  /** {@code op.drop_column(table, column, schema=)}. */
  void dropColumn(Args args, TableRef table, List<Unit.Sql> out) {
    String column = args.requiredString("column_name");
    ignoreOtherDialects(args);
    args.finish();
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " DROP COLUMN "
        + Sql.ident(column) + ";"), false));
  }

  /** {@code op.rename_table(old, new, schema=)}. */
  void renameTable(Args args, List<Unit.Sql> out) {
    TableRef table = new TableRef(args.string("schema"), args.requiredString("old_table_name"));
    String newName = args.requiredString("new_table_name");
    args.finish();
    out.add(new Unit.Sql(List.of("ALTER TABLE " + table.sql() + " RENAME TO "
        + Sql.ident(newName) + ";"), false));
  }

  /**
   * {@code op.alter_column}: in Alembic's order for PostgreSQL, the type (with
   * {@code postgresql_using}), nullability, default, comment, and the new name last. The
   * {@code existing_*} arguments only matter to MySQL and are dropped; {@code server_default=False}
   * (Alembic's "unchanged") writes nothing, {@code None} drops the default.
   */
  void alterColumn(Args args, TableRef table, List<Unit.Sql> out) {
    String column = args.requiredString("column_name");
    String prefix = "ALTER TABLE " + table.sql() + " ";
    String col = Sql.ident(column);
    PyExpr type = args.take("type_");
    PyExpr using = args.take("postgresql_using");
    PyExpr nullable = args.take("nullable");
    PyExpr serverDefault = args.take("server_default");
    PyExpr comment = args.take("comment");
    String newName = args.string("new_column_name");
    args.ignore("existing_type", "existing_server_default", "existing_nullable",
        "existing_comment", "existing_autoincrement", "autoincrement", "insert_before",
        "insert_after");
    ignoreOtherDialects(args);
    args.finish();
    if (using != null && type == null) {
      throw new Refusal(using, "postgresql_using without type_ (Alembic refuses it)");
    }
    if (type != null && !(type instanceof PyExpr.NoneLiteral)) {
      SqlType sqlType = types.translate(type);
      String usingSql = using == null || using instanceof PyExpr.NoneLiteral ? ""
          : " USING " + expressions.sqlText(using, "postgresql_using");
      out.add(new Unit.Sql(List.of(prefix + "ALTER COLUMN " + col + " TYPE " + sqlType.sql()
          + usingSql + ";"), false));
    }
    if (nullable != null && !(nullable instanceof PyExpr.NoneLiteral)) {
      if (!(nullable instanceof PyExpr.Bool bool)) {
        throw new Refusal(nullable, "nullable= of op.alter_column is not True or False");
      }
      out.add(new Unit.Sql(List.of(prefix + "ALTER COLUMN " + col
          + (bool.value() ? " DROP NOT NULL;" : " SET NOT NULL;")), false));
    }
    if (serverDefault != null && !(serverDefault instanceof PyExpr.Bool bool && !bool.value())) {
      out.add(new Unit.Sql(List.of(prefix + "ALTER COLUMN " + col
          + (serverDefault instanceof PyExpr.NoneLiteral ? " DROP DEFAULT;"
              : " SET DEFAULT " + expressions.serverDefault(serverDefault) + ";")), false));
    }
    if (comment != null && !(comment instanceof PyExpr.Bool bool && !bool.value())) {
      out.add(commentOnColumn(table, column,
          Literals.stringOrNone(comment, names, "comment= of op.alter_column")));
    }
    if (newName != null) {
      out.add(new Unit.Sql(List.of(prefix + "RENAME COLUMN " + col + " TO "
          + Sql.ident(newName) + ";"), false));
    }
  }

  /** {@code op.create_table_comment} / {@code op.drop_table_comment}. */
  void tableComment(Args args, TableRef table, boolean drop, List<Unit.Sql> out) {
    String comment = drop ? null : args.string("comment");
    args.ignore("existing_comment");
    args.finish();
    out.add(new Unit.Sql(List.of("COMMENT ON TABLE " + table.sql() + " IS "
        + (comment == null ? "NULL" : Sql.literal(comment)) + ";"), false));
  }

  /** Drops the keyword arguments of other dialects ({@code mysql_*}, {@code mssql_*}, ...). */
  static void ignoreOtherDialects(Args args) {
    for (String prefix : List.of("mysql_", "mariadb_", "mssql_", "oracle_", "sqlite_")) {
      for (String name : new LinkedHashSet<>(args.names())) {
        if (name.startsWith(prefix)) {
          args.take(name);
        }
      }
    }
  }
}
