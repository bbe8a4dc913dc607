package dev.strata.dialects;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ModelOperations;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * SQLite's table rebuild, the "12-step" procedure of its manual for the schema changes its {@code
 * ALTER TABLE} lacks (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
 * Schema Changes"), built from the schema model before and after the change: strata has every
 * definition, so nothing is read from the live table (Alembic's batch mode needs it, {@code
 * copy_from} offline) and nothing is lost (Alembic's loses unnamed {@code CHECK}s and breaks on
 * views, alembic#1207). The statements, in one {@code SAVEPOINT} so that the rebuild is whole or
 * absent even outside a transaction:
 *
 * <ol>
 *   <li>{@code SAVEPOINT strata_rebuild}, on a line after the {@link #MARKER} comment that tells
 *       {@link SqliteFraming} to run the segment with {@code PRAGMA foreign_keys = OFF} (steps 1,
 *       2, 11, 12 of the manual are the framing's);
 *   <li>a check that stops the script when foreign keys are on (dropping the table would then
 *       delete or refuse the rows that reference it), or when the table has a column, an index or
 *       a trigger the model does not know (one made by a {@code -- +dialect sqlite} block), which
 *       the rebuild would lose (step 3: the model holds what the manual saves);
 *   <li>{@code CREATE TABLE strata_new_<t>} with the table's definition after the change, every
 *       constraint included, unnamed checks too (step 4);
 *   <li>{@code INSERT INTO strata_new_<t> (...) SELECT ... FROM t}, each column from the column
 *       it was, converted by a type change's {@code USING}, a new one left to its default, a
 *       generated one to its expression (step 5); then the table's {@code AUTOINCREMENT}
 *       high-water mark, so that no number is given twice;
 *   <li>{@code DROP TABLE t}, then {@code ALTER TABLE strata_new_<t> RENAME TO t} under {@code
 *       PRAGMA legacy_alter_table = ON} (steps 6, 7);
 *   <li>the table's indexes, from the model after the change (step 8);
 *   <li>{@code PRAGMA foreign_key_check} of the whole database as a check that stops the script
 *       when it finds a row (step 10);
 *   <li>{@code RELEASE strata_rebuild}.
 * </ol>
 *
 * <p>The views and triggers that name {@code t} are left in place (step 9): SQLite resolves their
 * names when they run, so once the new table is named {@code t} they read and write it. The rename
 * runs with {@code legacy_alter_table} on so that it neither rewrites nor checks them; without it,
 * SQLite 3.26 and later refuse the rename while a view or trigger names the dropped table ("error
 * in view v: no such table: main.t", the failure of Alembic's batch mode in alembic#1207). strata
 * does not recreate the views from the schema model instead: a column renamed in place (SQLite's
 * own {@code RENAME COLUMN}, which {@link SqliteAlter} runs before a rebuild) is renamed in the
 * views by SQLite but not in the model's text of them. A view the change removes in the model (a
 * {@code CASCADE}) is dropped before the table.
 *
 * <p>SQLite drops a table's triggers with it: a trigger of the rebuilt table (always made by a
 * {@code -- +dialect sqlite} block, since the language's triggers are PostgreSQL's) stops the
 * script at step 2 rather than vanish.
 */
final class SqliteRebuild {
  /** The first words of the comment line that starts a rebuild's first statement. */
  static final String MARKER = "-- strata: rebuild of table ";

  /**
   * The comment lines a rebuild adds when the model has {@link SchemaModel#handEdits() hand
   * edits}: it is built from the model, which may miss what those blocks made.
   */
  static final String HAND_EDITS = "-- strata: the schema model has hand edits ('-- +dialect'"
      + " blocks without '-- +model'): the check below\n"
      + "-- stops the script if the table has a column, index or trigger the model does not"
      + " know\n";

  private final SqlContext sql;
  private final Expressions expressions;
  private final SqliteStatements statements;

  SqliteRebuild(SqlContext sql, Expressions expressions, SqliteStatements statements) {
    this.sql = sql;
    this.expressions = expressions;
    this.statements = statements;
  }

  /** Whether {@code block} (a statement of a segment) starts a table rebuild. */
  static boolean marks(String block) {
    return block.startsWith(MARKER);
  }

  /**
   * The statements that rebuild {@code from} into {@code to} (in {@code after}), each without
   * {@code ;}.
   *
   * @param from the table as it is when the rebuild starts: {@code before}'s table {@code was},
   *     with the columns and the name the statement renamed in place already

   * @param copies for each column of {@code to} that takes its values from the old table, in the
   *     order of {@code to}'s columns, the value computed from a row of {@code from}; the other
   *     columns get their defaults
   * @throws DiagnosticException E0450 when SQLite cannot keep {@code to}'s definition or one of its
   *     indexes or views
   */
  List<String> rebuild(Table from, ObjectName was, Table to, Map<String, Field<?>> copies,
      SchemaModel before, SchemaModel after, Site site) throws DiagnosticException {
    Name old = name(from.name());
    Name target = name(to.name());
    String freshName = freshName(to.name().name(), before, after);
    Name fresh = name(freshName);
    List<String> out = new ArrayList<>();
    out.add(MARKER + to.name().display() + " (SQLite's 12-step procedure, see docs/dialects.md)\n"
        + (before.blind() ? HAND_EDITS : "") + "SAVEPOINT strata_rebuild");
    out.addAll(precheck(from, was, before));
    for (View view : References.readers(was, before).reversed()) {
      if (!after.views().containsKey(view.name())) {
        out.add(sql.render(sql.dsl().dropView(name(view.name())))); // gone with the change
      }
    }
    out.add(new SqliteTableSql(sql, expressions.in(to.name()), after).createTable(
        SqliteTables.fromModel(to, new QualifiedName(java.util.Optional.empty(),
            ModelOperations.identifier(freshName)), site), site));
    List<Field<?>> targets = new ArrayList<>();
    List<SelectField<?>> values = new ArrayList<>();
    for (Column column : to.columns()) {
      Field<?> value = copies.get(column.name());
      if (value != null && column.generated().isEmpty()) {
        targets.add(field(name(column.name())));
        values.add(value);
      }
    }
    if (!targets.isEmpty()) {
      out.add(sql.render(sql.dsl().insertInto(DSL.table(fresh), targets)
          .select(select(values).from(DSL.table(old)))));
    }
    if (numbered(from) && numbered(to)) {
      out.addAll(keepNumbering(from.name(), fresh));
    }
    out.add(sql.render(sql.dsl().dropTable(old)));
    out.add("PRAGMA legacy_alter_table = ON");
    out.add(sql.render(sql.dsl().alterTable(fresh).renameTo(target)));
    out.add("PRAGMA legacy_alter_table = OFF");
    for (Index index : after.indexesOn(to.name())) {
      out.addAll(statements.shared(statements.index(ModelOperations.index(index), site), site,
          after));
    }
    out.addAll(SqliteGuard.foreignKeys(sql, "strata: the rebuild of table "
        + to.name().display() + " breaks a foreign key (see the rows printed above)"));
    out.add("RELEASE strata_rebuild");
    return out;
  }

  /**
   * The check before the table is dropped: foreign keys off, no trigger on the table (strata cannot
   * make a SQLite trigger again: the language's triggers are PostgreSQL's), and no column or index
   * of the table that the model does not know; a query prints what would be lost first.
   */
  private List<String> precheck(Table from, ObjectName was, SchemaModel before) {
    String table = from.name().name();
    List<String> columns = from.columns().stream().map(Column::name).toList();
    List<String> indexes = new ArrayList<>();
    for (Index index : before.indexesOn(was)) {
      indexes.add(index.name().name());
    }
    Field<String> nameField = field(DSL.unquotedName("name"), SQLDataType.CLOB);
    Field<String> typeField = field(DSL.unquotedName("type"), SQLDataType.CLOB);
    var unknownColumns = select(inline("column").as("kind"), nameField.as("name"))
        .from(DSL.table("pragma_table_xinfo({0})", inline(table)))
        .where(nameField.collate("NOCASE").notIn(columns.stream().map(DSL::inline).toList()));
    Condition ownObjects = field(DSL.unquotedName("tbl_name"), SQLDataType.CLOB)
        .collate("NOCASE").eq(inline(table))
        .and(typeField.in(inline("index"), inline("trigger")))
        .and(field(DSL.unquotedName("sql")).isNotNull())
        .and(typeField.eq(inline("trigger"))
            .or(nameField.collate("NOCASE").notIn(indexes.stream().map(DSL::inline).toList())));
    var unknownObjects = select(typeField.as("kind"), nameField.as("name"))
        .from(DSL.table(DSL.unquotedName("sqlite_master")))
        .where(ownObjects);
    var unknown = unknownColumns.unionAll(unknownObjects);
    Field<String> kind = field(DSL.unquotedName("kind"), SQLDataType.CLOB);
    String shown = from.name().display();
    String print = sql.render(
        select(inline("strata: ").concat(kind).concat(inline(" "))
            .concat(nameField).concat(inline(" of table " + shown + " would be lost by its"
                + " rebuild")))
            .from(unknown.asTable("strata_unknown")));
    Field<Integer> foreignKeys = field(select(field(DSL.unquotedName("foreign_keys"),
        SQLDataType.INTEGER)).from(DSL.table(DSL.unquotedName("pragma_foreign_keys"))));
    Field<String> problem = DSL.when(foreignKeys.ne(inline(0)), inline("foreign keys"))
        .when(DSL.exists(select(DSL.one()).from(unknown.asTable("strata_unknown"))),
            inline("unknown"))
        .otherwise(inline(""));
    SqliteCheck<String> check = new SqliteCheck<>(sql, SQLDataType.CLOB, value -> List.of(
        new SqliteCheck.Rule("strata: the rebuild of table " + shown + " must run with PRAGMA"
            + " foreign_keys = OFF (run the whole script, not a part of it)",
            value.ne(inline("foreign keys"))),
        new SqliteCheck.Rule("strata: the rebuild of table " + shown + " would lose what is"
            + " printed above (a trigger, or a column or index the schema model does not know):"
            + " drop it before this change and make it again after, in '-- +dialect sqlite'"
            + " blocks", value.ne(inline("unknown")))));
    return List.of(print, check.define(), check.run(problem));
  }

  /**
   * The statements that give the new table the old one's {@code AUTOINCREMENT} high-water mark
   * (SQLite's {@code sqlite_sequence}), so that a number the old table used is never given again.
   */
  private List<String> keepNumbering(ObjectName from, Name fresh) {
    var sequence = DSL.table(DSL.unquotedName("sqlite_sequence"));
    Field<String> name = field(DSL.unquotedName("name"), SQLDataType.CLOB);
    Field<Long> seq = field(DSL.unquotedName("seq"), SQLDataType.BIGINT);
    return List.of(
        sql.render(sql.dsl().deleteFrom(sequence).where(name.eq(inline(fresh.last())))),
        sql.render(sql.dsl().insertInto(sequence, name, seq)
            .select(select(inline(fresh.last()), seq).from(sequence)
                .where(name.eq(inline(from.name()))))));
  }

  /** {@code DELETE FROM sqlite_sequence WHERE name = 't'}: numbering starts again at 1. */
  static String restartNumbering(SqlContext sql, Name table) {
    Field<String> name = field(DSL.unquotedName("name"), SQLDataType.CLOB);
    return sql.render(sql.dsl().deleteFrom(DSL.table(DSL.unquotedName("sqlite_sequence")))
        .where(name.eq(inline(table.last()))));
  }

  /** Whether SQLite numbers the table's rows ({@code INTEGER PRIMARY KEY AUTOINCREMENT}). */
  static boolean numbered(Table table) {
    return table.columns().stream().anyMatch(
        c -> c.identity().isPresent() || c.type().kind().autoIncrement());
  }

  /** {@code strata_new_<name>}, with a number after it when that name is taken. */
  private static String freshName(String name, SchemaModel before, SchemaModel after) {
    String base = "strata_new_" + name;
    String candidate = base;
    for (int i = 2; taken(candidate, before) || taken(candidate, after); i++) {
      candidate = base + "_" + i;
    }
    return candidate;
  }

  private static boolean taken(String name, SchemaModel model) {
    ObjectName object = new ObjectName(ObjectName.DEFAULT_SCHEMA, name);
    return model.relationExists(object);
  }

  /** A model name as jOOQ renders it: unquoted when it reads back the same, else quoted. */
  private static Name name(ObjectName name) {
    return SqlContext.name(ModelOperations.identifier(name.name()));
  }

  private static Name name(String column) {
    return SqlContext.name(ModelOperations.identifier(column));
  }

  /** The column as a field of a row of the table being rebuilt. */
  static Field<Object> column(String name) {
    return field(name(name));
  }
}
