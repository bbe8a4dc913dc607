package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.ModelOperations;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Asterisk;
import org.jooq.Name;
import org.jooq.QualifiedAsterisk;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.TableImpl;

/**
 * A view's {@code *} and {@code t.*} written out as the columns the schema model says its tables
 * have, where the dialect expands them at every query ({@link Capability#VIEW_STAR_FIXED}
 * missing: SQLite keeps the view's text, so a column added to the table later shows in the view).
 * PostgreSQL expands them once, when the view is made (the manual, CREATE VIEW: "the new columns
 * will not be part of the view"), so a view keeps its columns whatever the table gains.
 *
 * <p>Each column is written {@code t.c AS c}: the alias keeps the view's column name when SQLite's
 * {@code RENAME COLUMN} rewrites {@code t.c}, as PostgreSQL's view keeps it; a column the query
 * names without an alias gets one too ({@link #named}). Written out only for
 * a query whose {@code FROM} holds tables of the model, aliased or not, joined with {@code ON} or
 * crossed; a {@code USING} or {@code NATURAL} join (which merges columns), a subquery, a view, a
 * function or a table the model does not know leave the query as it is.
 */
final class ViewStars {
  private ViewStars() {}

  /** A relation of the {@code FROM}: the name that qualifies its columns, and the columns. */
  private record Relation(Name qualifier, List<String> columns) {}

  /**
   * {@code select} with its stars written out and its columns named (the class comment), or
   * {@code select} itself.
   */
  static Select<?> expand(Select<?> select, SchemaModel model) {
    select = named(select);
    List<? extends SelectFieldOrAsterisk> items = select.$select();
    if (items.stream().noneMatch(i -> i instanceof Asterisk || i instanceof QualifiedAsterisk)) {
      return select;
    }
    List<Relation> relations = new ArrayList<>();
    for (Table<?> table : select.$from()) {
      if (!collect(table, model, relations)) {
        return select;
      }
    }
    List<SelectFieldOrAsterisk> out = new ArrayList<>();
    for (SelectFieldOrAsterisk item : items) {
      if (item instanceof Asterisk star) {
        if (!star.$except().isEmpty()) {
          return select;
        }
        relations.forEach(r -> out.addAll(columns(r)));
      } else if (item instanceof QualifiedAsterisk star) {
        if (!star.$except().isEmpty()) {
          return select;
        }
        String qualifier = SqlContext.folded(star.$table().getUnqualifiedName());
        Optional<Relation> found = relations.stream()
            .filter(r -> SqlContext.folded(r.qualifier()).equals(qualifier)).findFirst();
        if (found.isEmpty()) {
          return select;
        }
        out.addAll(columns(found.get()));
      } else {
        out.add(item);
      }
    }
    return select.$select(out);
  }

  /**
   * {@code select} with each column it selects without an alias written {@code c AS c}: SQLite's
   * {@code RENAME COLUMN} of {@code c} rewrites it in the view's text, which would rename the
   * view's column too ({@code v.c} becoming {@code v.c2}); PostgreSQL's view keeps the name it was
   * made with, and so does the alias. {@code select} itself when it has no such column.
   */
  private static Select<?> named(Select<?> select) {
    List<? extends SelectFieldOrAsterisk> items = select.$select();
    if (items.stream().noneMatch(i -> i instanceof TableField<?, ?>)) {
      return select;
    }
    List<SelectFieldOrAsterisk> out = new ArrayList<>();
    for (SelectFieldOrAsterisk item : items) {
      out.add(item instanceof TableField<?, ?> column
          ? column.as(column.getUnqualifiedName()) : item);
    }
    return select.$select(out);
  }

  /** Adds the relations of {@code table} in order; false when one is not a table of the model. */
  private static boolean collect(Table<?> table, SchemaModel model, List<Relation> out) {
    if (table instanceof QOM.NaturalJoin<?> || table instanceof QOM.NaturalLeftJoin<?>
        || table instanceof QOM.NaturalRightJoin<?> || table instanceof QOM.NaturalFullJoin<?>) {
      return false;
    }
    if (table instanceof QOM.QualifiedJoin<?, ?> join && !join.$using().isEmpty()) {
      return false;
    }
    if (table instanceof QOM.JoinTable<?, ?> join) {
      return collect(join.$table1(), model, out) && collect(join.$table2(), model, out);
    }
    if (table instanceof QOM.TableAlias<?> alias) {
      // a derived column list (FROM t AS x (a, b)) renames the columns: left as written
      return alias.$table() instanceof TableImpl<?> plain && alias.fields().length == 0
          && add(plain, alias.$alias(), model, out);
    }
    return table instanceof TableImpl<?> plain && add(plain, plain.getUnqualifiedName(), model,
        out);
  }

  private static boolean add(Table<?> table, Name qualifier, SchemaModel model,
      List<Relation> out) {
    Optional<ObjectName> name = SqlContext.objectName(table.getQualifiedName());
    Optional<dev.strata.compiler.schema.Table> found = name.flatMap(model::table);
    if (found.isEmpty() || model.views().containsKey(name.get())) {
      return false;
    }
    out.add(new Relation(qualifier, found.get().columns().stream().map(Column::name).toList()));
    return true;
  }

  private static List<SelectFieldOrAsterisk> columns(Relation relation) {
    return relation.columns().stream().<SelectFieldOrAsterisk>map(c -> {
      Name column = SqlContext.name(ModelOperations.identifier(c)); // quoted where it needs it
      return DSL.field(DSL.name(relation.qualifier(), column)).as(column);
    }).toList();
  }
}
