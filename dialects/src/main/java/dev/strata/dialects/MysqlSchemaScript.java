package dev.strata.dialects;

import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ModelOperations;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Sequence;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SchemaScript} for MySQL and MariaDB: the DDL that creates a {@link SchemaModel} on an
 * empty database, for the {@code mysql}/{@code mariadb} client. The client's directives ({@link
 * Dialect#clientDirectives()}), the header as comments, and the statements, each followed by
 * {@code ;} and a blank line; no transaction (DDL commits as it runs).
 *
 * <p>Order: sequences (MariaDB), tables with their columns, primary keys, unique constraints and
 * checks (column comments inline), foreign keys ({@code ALTER TABLE ... ADD CONSTRAINT}, after
 * every table), indexes, views in order of creation, table comments. Enum types have no statement
 * of their own: each column of the type spells its values. Every statement is rendered by the
 * renderers of {@code strata upgrade} ({@link MysqlTables}, {@link MysqlIndexes}, {@link
 * StatementRenderer}), so a schema and an upgrade to the same revision make the same tables.
 *
 * <p>What the dialect cannot hold is refused, as an upgrade through it would be: schemas and
 * extensions, sequences on MySQL, materialized views, routines and triggers (PostgreSQL's own
 * code), and comments on anything but tables and columns (E0440, E0448).
 */
final class MysqlSchemaScript {
  private static final SourceFile SOURCE = new SourceFile("<schema>", "");
  private static final Span START = new Span(1, 1, 1);
  private static final Site SITE = new Site(SOURCE, START);

  private final Dialect dialect;
  private final SqlContext sql;
  private final StatementRenderer statements;

  MysqlSchemaScript(Dialect dialect, SqlContext sql, StatementRenderer statements) {
    this.dialect = dialect;
    this.sql = sql;
    this.statements = statements;
  }

  /** The table renderer for {@code model}'s statements. */
  private MysqlTables tables(SchemaModel model, ObjectName table) {
    Expressions expressions = new Expressions(dialect, sql).with(model).in(table);
    return new MysqlTables(new MysqlRules(dialect), sql, expressions,
        new MysqlColumns(dialect, sql, expressions));
  }

  /**
   * The whole script: directives, header comments, the model's warnings ({@link
   * SchemaScript#modelWarnings}), statements.
   */
  String render(SchemaModel model, List<String> header, String warnings)
      throws DiagnosticException {
    StringBuilder out = new StringBuilder();
    dialect.clientDirectives().forEach(line -> out.append(line).append('\n'));
    header.forEach(line -> out.append(line.isEmpty() ? "--" : "-- " + line).append('\n'));
    out.append(warnings);
    for (String statement : statements(model)) {
      out.append('\n').append(statement).append(";\n");
    }
    return out.toString();
  }

  /** The statements, each without its {@code ;}, in the order of the class documentation. */
  List<String> statements(SchemaModel model) throws DiagnosticException {
    List<Diagnostic> refused = new ArrayList<>();
    model.schemas().keySet().forEach(schema -> refused.add(refusal("E0440", "the schema "
        + schema, dialect.id() + " has no schemas inside a database")));
    model.extensions().keySet().forEach(extension -> refused.add(refusal("E0440",
        "the extension " + extension, "extensions are PostgreSQL's")));
    model.routines().values().forEach(routine -> refused.add(refusal("E0440", "the routine "
        + routine.name().display(), "its code is PostgreSQL's")));
    model.triggers().values().forEach(trigger -> refused.add(refusal("E0440", "the trigger "
        + trigger.key(), "its code is PostgreSQL's")));
    model.views().values().stream().filter(View::materialized).forEach(view -> refused.add(
        refusal("E0440", "the materialized view " + view.name().display(),
            dialect.id() + " has no materialized views")));
    model.indexes().values().stream().filter(i -> i.comment().isPresent()).forEach(index ->
        refused.add(commentRefusal("index " + index.name().display())));
    model.views().values().stream().filter(v -> v.comment().isPresent()).forEach(view ->
        refused.add(commentRefusal("view " + view.name().display())));
    model.types().values().stream().filter(t -> t.comment().isPresent()).forEach(type ->
        refused.add(commentRefusal("type " + type.name().display())));
    model.sequences().values().stream().filter(s -> s.comment().isPresent()).forEach(sequence ->
        refused.add(commentRefusal("sequence " + sequence.name().display())));
    if (!refused.isEmpty()) {
      throw new DiagnosticException(refused);
    }
    List<String> out = new ArrayList<>();
    for (Sequence sequence : model.sequences().values()) {
      out.addAll(render(ModelOperations.sequence(sequence), model));
    }
    for (Table table : model.tables().values()) {
      out.addAll(render(ModelOperations.table(table), model));
    }
    for (Table table : model.tables().values()) {
      for (Constraint constraint : table.constraints()) {
        if (constraint instanceof Constraint.ForeignKey || constraint instanceof Constraint.Check
            && ((Constraint.Check) constraint).notValid()) {
          out.add(laterConstraint(table, constraint, model));
        }
      }
    }
    for (Index index : model.indexes().values()) {
      out.addAll(render(ModelOperations.index(index), model));
    }
    for (View view : model.views().values()) {
      out.addAll(render(ModelOperations.view(view), model));
    }
    for (Table table : model.tables().values()) {
      if (table.comment().isPresent()) {
        out.addAll(render(ModelOperations.comment(Operation.CommentKind.TABLE, table.name(),
            table.comment().get()), model));
      }
    }
    return out;
  }

  /** {@code ALTER TABLE t ADD CONSTRAINT ...} for a foreign key, named as the model names it. */
  private String laterConstraint(Table table, Constraint constraint, SchemaModel model)
      throws DiagnosticException {
    Operation.AlterTable alter = ModelOperations.laterConstraints(table).stream()
        .filter(a -> a.actions().getFirst() instanceof dev.strata.grammar.ast.AlterAction
            .AddConstraint add && add.constraint().name().map(n -> n.value()
                .equals(constraint.name())).orElse(false))
        .findFirst().orElseThrow();
    var add = (dev.strata.grammar.ast.AlterAction.AddConstraint) alter.actions().getFirst();
    List<Constraint> fresh = new ArrayList<>(List.of(constraint));
    return sql.render(sql.dsl().alterTable(MysqlTables.name(table.name().name()))
        .add(tables(model, table.name()).constraint(add.constraint(), table, fresh, model, SITE)));
  }

  private List<String> render(Operation operation, SchemaModel model) throws DiagnosticException {
    return statements.render(new Statement(operation, false, START, ""), SOURCE, model, model);
  }

  private Diagnostic refusal(String code, String what, String why) {
    return Diagnostic.error(code, "cannot write the schema for " + dialect.id() + ": " + what
            + " cannot be rendered (" + why + ")",
        "help: compare with a database brought to this revision by 'strata upgrade' with"
            + " '-- +dialect " + dialect.id() + "' blocks instead");
  }

  private Diagnostic commentRefusal(String what) {
    return refusal("E0448", "the comment on the " + what, dialect.id() + " keeps comments on"
        + " tables and columns only");
  }
}
