package dev.strata.alembic.translate;

/**
 * The table an operation works on: {@code name} in {@code schema} (null for the search path).
 */
record TableRef(String schema, String name) {
  /** The name as SQL, schema-qualified when there is a schema. */
  String sql() {
    return Sql.qualified(schema, name);
  }

  /**
   * SQLAlchemy's {@code %(column_0_label)s} prefix for the default index naming convention
   * {@code ix_%(column_0_label)s}: {@code schema_table} or {@code table}.
   */
  String label() {
    return schema == null ? name : schema + "_" + name;
  }
}
