package dev.strata.dialects;

import dev.strata.compiler.VersionTableOp;
import java.util.List;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The version table's SQL, built with jOOQ, as Alembic defines it ({@code DefaultImpl
 * .version_table_impl}): one {@code version_num VARCHAR(32) NOT NULL} column with primary key
 * {@code <table>_pkc}, one row per current head; {@code COLLATE utf8mb4_bin} where the default
 * collation is case-insensitive (MySQL, MariaDB). Revision ids are always inlined as escaped string
 * literals, never pasted. Unlike Alembic, no {@code RETURNING} is added to the {@code INSERT}.
 */
final class VersionTable {
  private static final String COLUMN = "version_num";

  /**
   * The collation of the version table's column where text compares case-insensitively by default
   * ({@link Capability#CASE_INSENSITIVE_TEXT}): UTF-8 compared byte by byte.
   */
  static final String BINARY_COLLATION = "utf8mb4_bin";

  private final SqlContext sql;
  private final Table<?> table;
  private final Name tableName;
  private final Name constraintName;
  private final Field<String> column;
  private final Field<String> qualifiedColumn;
  // the ops' statements, built by jOOQ once and filled in per revision
  private final LiteralTemplate insert;
  private final LiteralTemplate update;
  private final LiteralTemplate delete;
  /**
   * {@link #create()}, rendered when first asked: SQLite's framing compares every block of a
   * script with it, and a render per block cost a second at 10,000 revisions.
   */
  private String create;

  VersionTable(SqlContext sql, ScriptOptions options) {
    this.sql = sql;
    Name name = plainName(options.versionTable());
    this.tableName =
        options.versionTableSchema().map(schema -> DSL.name(plainName(schema), name)).orElse(name);
    this.table = DSL.table(tableName);
    this.constraintName = plainName(options.versionTable() + "_pkc");
    this.column = DSL.field(DSL.unquotedName(COLUMN), SQLDataType.VARCHAR(32));
    this.qualifiedColumn = DSL.field(tableName.append(COLUMN), SQLDataType.VARCHAR(32));
    this.insert = LiteralTemplate.of(sql, 1,
        v -> sql.dsl().insertInto(table, column).values(v.get(0)));
    this.update = LiteralTemplate.of(sql, 2,
        v -> sql.dsl().update(table).set(column, v.get(0)).where(qualifiedColumn.eq(v.get(1))));
    this.delete = LiteralTemplate.of(sql, 1,
        v -> sql.dsl().deleteFrom(table).where(qualifiedColumn.eq(v.get(0))));
  }

  /**
   * A configured name: unquoted when it is a plain lowercase identifier, so that it reads as users
   * write it, quoted otherwise (upper case, spaces, ...), so that it means exactly what was given.
   */
  static Name plainName(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? DSL.unquotedName(name) : DSL.quotedName(name);
  }

  /** The table's (possibly qualified) name. */
  Name name() {
    return tableName;
  }

  /** The table's name as rendered, e.g. {@code alembic_version} or {@code meta."Versions"}. */
  String displayName() {
    return sql.render(tableName);
  }

  /**
   * {@code CREATE TABLE IF NOT EXISTS}: unlike Alembic's plain {@code CREATE}, a script from base
   * can then be run on a database where an earlier attempt (or Alembic) created the empty table.
   */
  String create() {
    String made = create;
    if (made == null) {
      made = renderCreate();
      create = made; // a String: a race renders it twice, never half
    }
    return made;
  }

  private String renderCreate() {
    org.jooq.DataType<String> type = SQLDataType.VARCHAR(32).notNull();
    if (sql.dialect().has(Capability.CASE_INSENSITIVE_TEXT)) {
      // revision ids are case-sensitive: under the default collation '0001_A' = '0001_a'
      type = type.collation(DSL.collation(DSL.unquotedName(BINARY_COLLATION)));
    }
    return sql.renderFormatted(
        sql.dsl()
            .createTableIfNotExists(table)
            .column(column.getUnqualifiedName(), type)
            .constraint(DSL.constraint(constraintName).primaryKey(column)));
  }

  /**
   * {@code DELETE FROM <table>}: every row, as Alembic's {@code stamp --purge} empties the table
   * ({@code HeadMaintainer} with {@code purge=True}); without its terminating {@code ;}.
   */
  String deleteAll() {
    return sql.render(sql.dsl().deleteFrom(table));
  }

  /**
   * The op as one statement, without its terminating {@code ;}: jOOQ's rendering of the {@code
   * INSERT}, {@code UPDATE} or {@code DELETE} with the revision ids inlined, made from a {@link
   * LiteralTemplate} built once per script.
   */
  String render(VersionTableOp op) {
    return switch (op) {
      case VersionTableOp.InsertHead i -> insert.fill(i.revision());
      case VersionTableOp.UpdateHead u -> update.fill(u.to(), u.from());
      case VersionTableOp.DeleteHead d -> delete.fill(d.revision());
    };
  }

  /** The templates of {@link #render}, for tests: insert, update, delete. */
  List<LiteralTemplate> templates() {
    return List.of(insert, update, delete);
  }
}
