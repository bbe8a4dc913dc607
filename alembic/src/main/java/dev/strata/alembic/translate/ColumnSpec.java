package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code sa.Column(...)} as SQLAlchemy 1.4 sees it: what its DDL is made of. Built by
 * {@link Columns#parse}; mutable only while a table is assembled ({@link #primaryKey} and
 * {@link #nullable} change when a {@code PrimaryKeyConstraint} names the column).
 */
final class ColumnSpec {
  final PyExpr source;
  final String name;
  final SqlType type;
  /** The {@code nullable=} given, or null when not given. */
  Boolean nullable;
  boolean primaryKey;
  /** {@code "auto"}, {@code "ignore_fk"}, {@code "true"} or {@code "false"}. */
  String autoincrement = "auto";
  /** Whether a Python-side {@code default=} is set (it keeps SQLAlchemy from autoincrementing). */
  boolean pythonDefault;
  /** The {@code DEFAULT} SQL, or null. */
  String serverDefault;
  boolean unique;
  boolean index;
  String comment;
  /** {@code GENERATED ... AS IDENTITY ...}, or null. */
  String identity;
  /** {@code GENERATED ALWAYS AS (...) STORED}, or null. */
  String computed;
  /** {@code sa.ForeignKey(...)}s of the column, in order. */
  final List<ForeignKeySpec> foreignKeys = new ArrayList<>();
  /** Column-level {@code CHECK} constraints, rendered ({@code CONSTRAINT n CHECK (e)}). */
  final List<String> checks = new ArrayList<>();

  ColumnSpec(PyExpr source, String name, SqlType type) {
    this.source = source;
    this.name = name;
    this.type = type;
  }

  /** SQLAlchemy's {@code Column.nullable}: as given, else {@code not primary_key}. */
  boolean isNullable() {
    return nullable != null ? nullable : !primaryKey;
  }

  /**
   * A {@code sa.ForeignKey('table.column')} of a column (or one column pair of a
   * {@code ForeignKeyConstraint}).
   */
  record ForeignKeySpec(String name, String schema, String table, String column, String ondelete,
      String onupdate, String deferrable, String initially, String match) {}
}
