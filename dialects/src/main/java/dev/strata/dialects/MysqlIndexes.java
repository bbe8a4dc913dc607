package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation.CreateIndex;
import dev.strata.grammar.ast.Operation.DropIndex;
import dev.strata.grammar.ast.Operation.RenameIndex;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.CreateIndexStep;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.impl.DSL;

/**
 * MySQL and MariaDB index statements. Index names are scoped per table there, so {@code DROP
 * INDEX i ON t} and {@code ALTER TABLE t RENAME INDEX i TO j} name the table, found in the schema
 * model; an index written without a name gets the one PostgreSQL gives it ({@code t_a_idx}), which
 * the model holds. {@code CONCURRENTLY} becomes MySQL's online DDL, {@code ALGORITHM = INPLACE
 * LOCK = NONE} ({@link MysqlObjectSql}): the index is built while writes go on, and the statement
 * fails rather than block them when the server cannot.
 */
final class MysqlIndexes {
  private final MysqlRules rules;
  private final SqlContext sql;
  private final Expressions expressions;
  private final MysqlColumns columns;
  private final MysqlTables tables;

  MysqlIndexes(MysqlRules rules, SqlContext sql, Expressions expressions, MysqlColumns columns,
      MysqlTables tables) {
    this.rules = rules;
    this.sql = sql;
    this.expressions = expressions;
    this.columns = columns;
    this.tables = tables;
  }

  private Dialect dialect() {
    return rules.dialect();
  }

  /**
   * {@code CREATE [UNIQUE] INDEX}.
   *
   * @throws DiagnosticException E0441 for a partial index, {@code INCLUDE}, {@code NULLS NOT
   *     DISTINCT}, a method other than btree, storage parameters, an operator class, a collation or
   *     {@code NULLS FIRST/LAST} on a key, an expression key on MariaDB, or a TEXT or BLOB key
   *     column; E0442 for {@code IF NOT EXISTS} on MySQL when the model is blind
   */
  Optional<List<String>> createIndex(CreateIndex index, Site site, SchemaModel before,
      SchemaModel after) throws DiagnosticException {
    if (index.ifNotExists() && index.name().isEmpty()) {
      return Optional.empty(); // the shared path refuses it (E0402)
    }
    return Optional.of(create(index, site, before, after));
  }

  private List<String> create(CreateIndex index, Site site, SchemaModel before, SchemaModel after)
      throws DiagnosticException {
    rules.unqualified(index.table(), site);
    refuseForms(index, site);
    ObjectName tableName = ObjectName.of(index.table());
    Table table = after.table(tableName).orElseThrow(() -> tables.missing(site, "table "
        + tableName.display()));
    ObjectName name = index.name().map(n -> ObjectName.in(tableName, n))
        .or(() -> created(tableName, before, after))
        .orElseThrow(() -> tables.missing(site, "index of table " + tableName.display()));
    boolean exists = before.indexes().containsKey(name);
    if (index.ifNotExists()) {
      MysqlRules.Clause clause = rules.clause(dialect().has(Capability.IF_EXISTS_INDEX), !exists,
          before, "CREATE INDEX IF NOT EXISTS", site);
      if (clause == MysqlRules.Clause.SKIP) {
        return List.of();
      }
    }
    // the key's columns, in key order (an expression key names none)
    List<Column> keyColumns = index.elements().stream()
        .flatMap(e -> e.column().flatMap(c -> table.column(ObjectName.fold(c))).stream())
        .toList();
    for (Column column : keyColumns) {
      if (columns.unkeyable(column, after, site)) {
        throw rules.refuse(site, "E0441", "CREATE INDEX on column "
                + ObjectName.quoted(column.name()),
            "the column's type cannot be a key part without a key length",
            "note: MySQL and MariaDB index TEXT, BLOB and JSON columns only by a prefix",
            "help: give the column a VARCHAR(n) type, or write the statement in a '-- +dialect "
                + dialect().id() + "' block");
      }
    }
    columns.requireKeyFits("CREATE INDEX " + name.display(), keyColumns, index.unique(), false,
        site);
    Name indexName = index.name().map(SqlContext::name)
        .orElseGet(() -> MysqlTables.name(name.name()));
    boolean keep = index.ifNotExists() && dialect().has(Capability.IF_EXISTS_INDEX);
    CreateIndexStep start = index.unique()
        ? keep ? sql.dsl().createUniqueIndexIfNotExists(indexName)
            : sql.dsl().createUniqueIndex(indexName)
        : keep ? sql.dsl().createIndexIfNotExists(indexName) : sql.dsl().createIndex(indexName);
    List<OrderField<?>> keys = new ArrayList<>();
    for (IndexElement element : index.elements()) {
      keys.add(key(element, site));
    }
    String rendered = sql.render(start.on(DSL.table(SqlContext.name(index.table())), keys));
    return List.of(index.concurrently() ? MysqlObjectSql.online(rendered) : rendered);
  }

  /** The index {@code statement} made on {@code table}: in the model after it, not before. */
  private static Optional<ObjectName> created(ObjectName table, SchemaModel before,
      SchemaModel after) {
    return after.indexesOn(table).stream()
        .filter(i -> !before.indexes().containsKey(i.name()))
        .map(Index::name)
        .findFirst();
  }

  private OrderField<?> key(IndexElement element, Site site) throws DiagnosticException {
    // a functional key part is written in its own parentheses (MySQL 8.0.13+)
    Field<Object> key = element.column().isPresent()
        ? DSL.field(SqlContext.name(element.column().get()))
        : DSL.field(DSL.raw("(" + expressions.text(element.expression().get(), site) + ")"));
    return switch (element.order()) {
      case DEFAULT -> key;
      case ASC -> key.asc();
      case DESC -> key.desc();
    };
  }

  /**
   * Whether {@code where} only says that some of the index's key columns are not null ({@code a IS
   * NOT NULL [AND b IS NOT NULL ...]}): such a partial index is written as a full one, which means
   * the same here. A unique index of MySQL and MariaDB already lets through every row with a NULL
   * key column, as the partial one leaves those rows out; a plain index answers the same queries,
   * with the NULL rows in it besides.
   */
  static boolean keysNotNull(dev.strata.grammar.ast.Expr where, List<IndexElement> keys) {
    String text = where.sql().strip();
    while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1,
        text.length() - 1))) {
      text = text.substring(1, text.length() - 1).strip();
    }
    List<String> columns = keys.stream()
        .flatMap(k -> k.column().map(ObjectName::fold).stream()).toList();
    for (String part : text.split("(?i)\\s+AND\\s+")) {
      java.util.regex.Matcher m = NOT_NULL.matcher(part.strip());
      if (!m.matches()) {
        return false;
      }
      String column = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
          : m.group(2).toLowerCase(Locale.ROOT);
      if (!columns.contains(column)) {
        return false;
      }
    }
    return true;
  }

  private static final java.util.regex.Pattern NOT_NULL = java.util.regex.Pattern.compile(
      "\\(?\\s*(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*))"
          + "\\s+(?i:IS\\s+NOT\\s+NULL)\\s*\\)?");

  private static boolean balanced(String text) {
    int depth = 0;
    for (char c : text.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  private void refuseForms(CreateIndex index, Site site) throws DiagnosticException {
    String form = null;
    if (index.where().isPresent() && !keysNotNull(index.where().get(), index.elements())) {
      form = "a WHERE clause (a partial index)";
    } else if (!index.include().isEmpty()) {
      form = "INCLUDE";
    } else if (index.nullsNotDistinct()) {
      form = "NULLS NOT DISTINCT";
    } else if (index.method().filter(m -> !m.toLowerCase(Locale.ROOT).equals("btree"))
        .isPresent()) {
      form = "USING " + index.method().get();
    } else if (!index.options().isEmpty()) {
      form = "WITH (storage parameters)";
    }
    for (IndexElement element : index.elements()) {
      if (form != null) {
        break;
      }
      if (element.opclass().isPresent()) {
        form = "an operator class (" + element.opclass().get().name().value() + ")";
      } else if (element.collation().isPresent()) {
        form = "COLLATE on a key";
      } else if (element.nulls() != IndexElement.NullsOrder.DEFAULT) {
        form = "NULLS " + element.nulls().name();
      } else if (element.expression().isPresent()
          && !dialect().has(Capability.EXPRESSION_INDEX)) {
        form = "an expression key";
      }
    }
    if (form != null) {
      throw rules.refuse(site, "E0441", "CREATE INDEX with " + form,
          dialect().id() + " has no such index form",
          "help: write the index in a '-- +dialect " + dialect().id() + "' block"
              + (form.startsWith("an expression")
                  ? " (MariaDB indexes an expression through a generated column)"
                  : form.startsWith("a WHERE") ? " without the WHERE clause, if a full index will"
                      + " do" : ""));
    }
  }

  /**
   * {@code DROP INDEX i ON t}, one statement per index, the table found in the model.
   *
   * @throws DiagnosticException E0443 for an index the model does not have (unless {@code IF
   *     EXISTS}), E0444 for {@code CASCADE} when a foreign key may use the index
   */
  List<String> dropIndex(DropIndex drop, Site site, SchemaModel before) throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (QualifiedName written : drop.indexes()) {
      rules.unqualified(written, site);
      Optional<Index> index = Optional.ofNullable(before.indexes().get(ObjectName.of(written)));
      if (drop.ifExists()) {
        MysqlRules.Clause clause = rules.decide(dialect().has(Capability.IF_EXISTS_INDEX),
            index.isPresent(), before, "DROP INDEX IF EXISTS", site);
        if (clause == MysqlRules.Clause.SKIP) {
          continue;
        }
      }
      if (index.isEmpty()) {
        throw tables.missing(site, "index " + ObjectName.of(written).display()
            + " to find the table it belongs to");
      }
      if (drop.cascade() && usedByForeignKey(index.get(), before)) {
        throw tables.cascade(site, "DROP INDEX ... CASCADE", "what uses the index "
            + index.get().name().display() + " (a foreign key may)");
      }
      Name name = SqlContext.name(written.name());
      Name table = MysqlTables.name(index.get().table().name());
      List<dev.strata.compiler.schema.Constraint.ForeignKey> served = before
          .table(index.get().table()).map(t -> MysqlTables.servedOnlyBy(t, before,
              index.get().name().name(), index.get().keys().stream()
                  .map(k -> k.column().map(ObjectName::fold).orElse("")).toList(),
              java.util.Set.of()))
          .orElse(List.of());
      if (!served.isEmpty()) {
        out.add(MysqlAlterSql.replaceIndex(sql, table, served, name, drop.concurrently()));
        continue;
      }
      if (drop.concurrently()) {
        out.add(MysqlObjectSql.dropIndexOnline(sql, table, name));
        continue;
      }
      out.add(sql.render(drop.ifExists() && dialect().has(Capability.IF_EXISTS_INDEX)
          ? sql.dsl().dropIndexIfExists(name).on(table)
          : sql.dsl().dropIndex(name).on(table)));
    }
    return out;
  }

  /** Whether a foreign key of the index's table, or one referencing it, uses its columns. */
  private static boolean usedByForeignKey(Index index, SchemaModel model) {
    List<String> keys = index.keys().stream()
        .flatMap(k -> k.column().map(ObjectName::fold).stream()).toList();
    // only the index's table and the tables referencing it can hold such a key
    return model.blind() || java.util.stream.Stream.concat(model.table(index.table()).stream(),
            model.referencing(index.table()).stream())
        .flatMap(t -> t.constraints().stream().map(c -> new Object[] {t, c}))
        .anyMatch(pair -> pair[1] instanceof Constraint.ForeignKey fk
            && (((Table) pair[0]).name().equals(index.table()) && keys.containsAll(fk.columns())
                || fk.references().equals(index.table())
                    && keys.containsAll(fk.referencedColumns())));
  }

  /**
   * {@code ALTER TABLE t RENAME INDEX i TO j}, the table found in the model; nothing for a primary
   * key's index, which is always {@code PRIMARY} here.
   *
   * @throws DiagnosticException E0443 for an index the model does not have
   */
  List<String> renameIndex(RenameIndex rename, Site site, SchemaModel before)
      throws DiagnosticException {
    rules.unqualified(rename.index(), site);
    ObjectName name = ObjectName.of(rename.index());
    Optional<ObjectName> table = Optional.ofNullable(before.indexes().get(name)).map(Index::table)
        .or(() -> before.constraintIndex(name).map(Table::name));
    if (rename.ifExists()) {
      MysqlRules.Clause clause = rules.decide(false, table.isPresent(), before,
          "ALTER INDEX IF EXISTS", site);
      if (clause == MysqlRules.Clause.SKIP) {
        return List.of();
      }
    }
    if (table.isEmpty()) {
      throw tables.missing(site, "index " + name.display() + " to find the table it belongs to");
    }
    boolean primaryKey = before.table(table.get()).flatMap(Table::primaryKey)
        .filter(k -> k.name().equals(name.name())).isPresent();
    if (primaryKey) {
      return List.of();
    }
    return List.of(sql.render(sql.dsl().alterTable(MysqlTables.name(table.get().name()))
        .renameIndex(SqlContext.name(rename.index().name()))
        .to(SqlContext.name(rename.newName()))));
  }
}
