package dev.strata.alembic.translate;

import dev.strata.alembic.py.Position;
import dev.strata.alembic.py.PyExpr;
import dev.strata.alembic.py.PyModule;
import dev.strata.alembic.py.PyStmt;
import dev.strata.alembic.py.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the body of an Alembic revision's {@code upgrade()} or {@code downgrade()} into a
 * section body of a strata revision file, statement by statement: each {@code op.*} call becomes
 * the statements Alembic 1.8 and SQLAlchemy 1.4 would send to PostgreSQL, in the revision-file
 * language; {@code with op.batch_alter_table(...)} blocks become the same {@code ALTER}s on their
 * table (PostgreSQL never needs a table copy); {@code with
 * op.get_context().autocommit_block()} puts {@code -- +no-transaction} before each statement in
 * it. Whatever cannot be translated exactly (Python logic, reads of the database, application
 * types without a {@link TypeMap} entry, unknown operations) becomes a {@link Placeholder}; the
 * rest of the function is still translated.
 */
public final class OpTranslator {
  private final PyModule module;
  private final Names names;
  private final Expressions expressions;
  private final TableOps tableOps;
  private final ConstraintOps constraintOps;
  private final DataOps dataOps;
  /** Local names bound to something that reads the database, with the reason. */
  private final Map<String, String> readers = new HashMap<>();
  private final List<Unit> units = new ArrayList<>();
  private final List<Placeholder> placeholders = new ArrayList<>();
  private int converted;

  private OpTranslator(PyModule module, TypeMap typeMap, Set<String> enumsCreated) {
    this.module = module;
    this.names = new Names(module);
    this.expressions = new Expressions(names);
    Types types = new Types(names, typeMap);
    this.tableOps = new TableOps(names, types, expressions, enumsCreated);
    this.constraintOps = new ConstraintOps(names, expressions);
    this.dataOps = new DataOps(names, expressions, types);
  }

  /**
   * Translates {@code function}, a {@code def} of {@code module}.
   *
   * @param module the revision file (for its imports, module-level constants and file name)
   * @param function {@code upgrade} or {@code downgrade}
   * @param typeMap application types mapped to strata types
   * @return the section body, with a placeholder for each statement that is not translated
   */
  public static Translation translate(PyModule module, PyStmt.Def function, TypeMap typeMap) {
    return translate(module, function, typeMap, new HashSet<>());
  }

  /**
   * As {@link #translate(PyModule, PyStmt.Def, TypeMap)}, sharing the set of enum types created
   * so far: Alembic creates the enum type of an {@code sa.Enum} column in {@code op.create_table}
   * once per migration context, so a caller that translates the functions in the order one
   * Alembic run executes them passes the same set to each call.
   *
   * @param enumsCreated enum types ({@code name} or {@code schema.name}, as written in SQL)
   *     already created; the types this function creates are added to it
   */
  public static Translation translate(PyModule module, PyStmt.Def function, TypeMap typeMap,
      Set<String> enumsCreated) {
    OpTranslator translator = new OpTranslator(module, typeMap, enumsCreated);
    translator.block(function.body(), null, false, translator.units);
    return new Translation(translator.lines(), translator.converted, translator.placeholders);
  }

  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    Unit previous = null;
    for (Unit unit : units) {
      List<String> unitLines = unit.lines();
      if (previous != null && (unitLines.size() > 1 || previous.lines().size() > 1)) {
        lines.add("");
      }
      lines.addAll(unitLines);
      previous = unit;
    }
    return lines;
  }

  /** The table of a {@code with op.batch_alter_table(...) as NAME:} block. */
  private record Batch(String name, TableRef table) {}

  private void block(List<PyStmt> body, Batch batch, boolean noTransaction, List<Unit> out) {
    List<Unit> deferred = new ArrayList<>();
    for (PyStmt statement : body) {
      statement(statement, batch, noTransaction, out, deferred);
    }
    out.addAll(deferred);
  }

  private void statement(PyStmt statement, Batch batch, boolean noTransaction, List<Unit> out,
      List<Unit> deferred) {
    switch (statement) {
      case PyStmt.Pass pass -> { }
      case PyStmt.ExprStmt expression when expression.value() instanceof PyExpr.Str -> { }
      case PyStmt.ExprStmt expression when expression.value() instanceof PyExpr.Call call -> {
        boolean batchCall = batch != null && call.function() instanceof PyExpr.Attribute attribute
            && attribute.target() instanceof PyExpr.Name target
            && target.id().equals(batch.name()) && !attribute.name().equals("execute");
        List<Unit> into = batchCall ? deferred : out;
        try {
          String reader = reads(call);
          if (reader != null) {
            throw new Refusal(call, reader);
          }
          List<Unit.Sql> produced = new ArrayList<>();
          operation(call, batch, produced);
          for (Unit.Sql unit : produced) {
            into.add(noTransaction ? unit.outsideTransaction() : unit);
          }
          converted++;
        } catch (Refusal refusal) {
          into.add(placeholder(statement.span(), refusal.at(), refusal.reason()));
        } catch (RuntimeException bug) {
          // a construct the translator mishandles is still never guessed at
          into.add(placeholder(statement.span(), statement.span().start(),
              "not translated (the translator failed: " + bug + ")"));
        }
      }
      case PyStmt.ExprStmt expression -> out.add(placeholder(statement.span(),
          statement.span().start(), "Python logic (expression "
              + Literals.oneLine(expression.span().text()) + ")"));
      case PyStmt.Assign assign -> assign(assign, batch, noTransaction, out);
      case PyStmt.With with -> with(with, batch, noTransaction, out);
      case PyStmt.Import importing -> out.add(placeholder(statement.span(),
          statement.span().start(), "Python logic (import inside the function)"));
      case PyStmt.Def def -> out.add(placeholder(statement.span(), statement.span().start(),
          "Python logic (nested function)"));
      case PyStmt.Other other -> out.add(placeholder(statement.span(), statement.span().start(),
          "Python logic (" + describe(other.keyword()) + ")"));
    }
  }

  private static String describe(String keyword) {
    return switch (keyword) {
      case "for", "async" -> keyword + " loop";
      case "while" -> "while loop";
      case "def" -> "nested function";
      case "expression" -> "statement";
      case "@" -> "decorated definition";
      default -> keyword + " statement";
    };
  }

  private void assign(PyStmt.Assign assign, Batch batch, boolean noTransaction, List<Unit> out) {
    String reader = reads(assign.value());
    if (assign.targets().size() == 1 && assign.targets().get(0) instanceof PyExpr.Name target) {
      if (reader != null) {
        readers.put(target.id(), reader);
        out.add(placeholder(assign.span(), assign.value().span().start(), reader));
        return;
      }
      if (assign.value() instanceof PyExpr.Call call && expressions.sqlalchemyName(call) != null
          && expressions.functionName(call) == null) {
        // an SQLAlchemy construct (a table for bulk_insert, a type used by columns below)
        names.assignLocal(target.id(), call);
        return;
      }
      if (assign.value() instanceof PyExpr.Call call
          && "alembic.op.create_table".equals(names.qualified(call.function()))) {
        // t = op.create_table(...): the table is created and t names it for bulk_insert
        statement(new PyStmt.ExprStmt(call, assign.span()), batch, noTransaction, out, out);
        names.assignLocal(target.id(), call);
        return;
      }
    }
    out.add(placeholder(assign.span(), assign.span().start(), reader != null ? reader
        : "Python logic (assignment to " + Literals.oneLine(assign.targets().get(0).span().text())
            + ")"));
  }

  private void with(PyStmt.With with, Batch batch, boolean noTransaction, List<Unit> out) {
    if (with.items().size() == 1 && with.items().get(0).context() instanceof PyExpr.Call call) {
      String callee = names.qualified(call.function());
      if ("alembic.op.batch_alter_table".equals(callee) && with.items().get(0).asName() != null
          && batch == null) {
        try {
          Args args = new Args(call, "op.batch_alter_table", names, "table_name", "schema",
              "recreate", "partial_reordering", "copy_from", "table_args", "table_kwargs",
              "reflect_args", "reflect_kwargs", "naming_convention");
          TableRef table = new TableRef(args.string("schema"), args.requiredString("table_name"));
          String recreate = args.string("recreate");
          if ("always".equals(recreate)) {
            throw new Refusal(call, "op.batch_alter_table with recreate='always' copies the table"
                + " into a new one (not translated)");
          }
          args.ignore("partial_reordering", "table_args", "table_kwargs", "reflect_args",
              "reflect_kwargs");
          PyExpr convention = args.take("naming_convention");
          if (convention != null) {
            throw new Refusal(convention, "op.batch_alter_table with a naming_convention is not"
                + " translated");
          }
          PyExpr copyFrom = args.take("copy_from");
          if (copyFrom != null && !(copyFrom instanceof PyExpr.NoneLiteral)) {
            throw new Refusal(copyFrom, "op.batch_alter_table with copy_from is not translated");
          }
          args.finish();
          block(with.body(), new Batch(with.items().get(0).asName(), table), noTransaction, out);
        } catch (Refusal refusal) {
          out.add(placeholder(with.span(), refusal.at(), refusal.reason()));
        }
        return;
      }
      if (call.args().isEmpty() && call.keywords().isEmpty()
          && call.function() instanceof PyExpr.Attribute attribute
          && attribute.name().equals("autocommit_block")
          && attribute.target() instanceof PyExpr.Call context
          && context.args().isEmpty() && context.keywords().isEmpty()
          && "alembic.op.get_context".equals(names.qualified(context.function()))) {
        block(with.body(), batch, true, out);
        return;
      }
    }
    String reader = null;
    for (PyStmt.WithItem item : with.items()) {
      reader = reader != null ? reader : reads(item.context());
    }
    out.add(placeholder(with.span(), with.span().start(), reader != null ? reader
        : "Python logic (with statement)"));
  }

  /**
   * Why {@code expression} reads the database, or null: it calls {@code op.get_bind()},
   * {@code sa.inspect}, an ORM session, or a method of a name bound to one of them.
   */
  private String reads(PyExpr expression) {
    return switch (expression) {
      case PyExpr.Call call -> {
        String callee = names.qualified(call.function());
        if (callee != null) {
          if (callee.equals("alembic.op.get_bind")) {
            yield "op.get_bind() reads the database";
          }
          if (callee.equals("sqlalchemy.inspect") || callee.startsWith("sqlalchemy.orm.")
              || callee.equals("sqlalchemy.engine.reflection.Inspector.from_engine")) {
            yield Literals.oneLine(call.function().span().text()) + " reads the database";
          }
        }
        String inner = reads(call.function());
        for (PyExpr arg : call.args()) {
          inner = inner != null ? inner : reads(arg);
        }
        for (PyExpr.Keyword keyword : call.keywords()) {
          inner = inner != null ? inner : reads(keyword.value());
        }
        yield inner;
      }
      case PyExpr.Attribute attribute -> reads(attribute.target());
      case PyExpr.Name name -> readers.get(name.id());
      case PyExpr.Tuple tuple -> first(tuple.items());
      case PyExpr.ListExpr list -> first(list.items());
      case PyExpr.Dict dict -> first(dict.entries().stream().map(PyExpr.Entry::value).toList());
      case PyExpr.Str str -> null;
      case PyExpr.Num num -> null;
      case PyExpr.Bool bool -> null;
      case PyExpr.NoneLiteral none -> null;
      case PyExpr.Other other -> null;
    };
  }

  private String first(List<PyExpr> items) {
    for (PyExpr item : items) {
      String reader = reads(item);
      if (reader != null) {
        return reader;
      }
    }
    return null;
  }

  /** Translates one {@code op.X(...)} or {@code batch_op.X(...)} call into {@code out}. */
  private void operation(PyExpr.Call call, Batch batch, List<Unit.Sql> out) {
    String operation;
    String what;
    if (batch != null && call.function() instanceof PyExpr.Attribute attribute
        && attribute.target() instanceof PyExpr.Name target && target.id().equals(batch.name())) {
      operation = attribute.name();
      what = batch.name() + "." + operation;
      batchOperation(call, operation, what, batch.table(), out);
    } else {
      String callee = names.qualified(call.function());
      if (callee == null || !callee.startsWith("alembic.op.")) {
        throw new Refusal(call, "Python logic (call to "
            + Literals.oneLine(call.function().span().text()) + ")");
      }
      operation = callee.substring("alembic.op.".length());
      what = "op." + operation;
      opOperation(call, operation, what, out);
    }
    for (Unit.Sql unit : out) {
      String text = String.join("\n", unit.body());
      if (unit.body().get(0).startsWith("-- +dialect")) {
        continue;
      }
      StrataSql.Parsed parsed = StrataSql.parse(text);
      if (parsed.statements() == null || parsed.statements().size() != 1) {
        throw new Refusal(call, "strata's parser refuses the translation of " + what + ": "
            + (parsed.problem() != null ? parsed.problem() : "not one statement"));
      }
    }
  }

  private void opOperation(PyExpr.Call call, String operation, String what, List<Unit.Sql> out) {
    switch (operation) {
      case "create_table" -> tableOps.createTable(
          new Args(call, what, names, "table_name", "*columns"), out);
      case "drop_table" -> tableOps.dropTable(
          new Args(call, what, names, "table_name", "schema"), out);
      case "add_column" -> {
        Args args = new Args(call, what, names, "table_name", "column", "schema");
        tableOps.addColumn(args, table(args, "table_name"), out);
      }
      case "drop_column" -> {
        Args args = new Args(call, what, names, "table_name", "column_name", "schema");
        tableOps.dropColumn(args, table(args, "table_name"), out);
      }
      case "alter_column" -> {
        Args args = new Args(call, what, names, "table_name", "column_name", "nullable",
            "comment", "server_default", "new_column_name", "type_", "existing_type",
            "existing_server_default", "existing_nullable", "existing_comment", "schema");
        tableOps.alterColumn(args, table(args, "table_name"), out);
      }
      case "rename_table" -> tableOps.renameTable(
          new Args(call, what, names, "old_table_name", "new_table_name", "schema"), out);
      case "create_table_comment", "drop_table_comment" -> {
        Args args = operation.startsWith("create")
            ? new Args(call, what, names, "table_name", "comment", "existing_comment", "schema")
            : new Args(call, what, names, "table_name", "existing_comment", "schema");
        tableOps.tableComment(args, table(args, "table_name"), operation.startsWith("drop"), out);
      }
      case "create_index" -> {
        Args args = new Args(call, what, names, "index_name", "table_name", "columns", "schema",
            "unique");
        constraintOps.createIndex(args, table(args, "table_name"), out);
      }
      case "drop_index" -> {
        Args args = new Args(call, what, names, "index_name", "table_name", "schema");
        args.ignore("table_name");
        constraintOps.dropIndex(args, args.string("schema"), out);
      }
      case "create_foreign_key" -> {
        Args args = new Args(call, what, names, "constraint_name", "source_table",
            "referent_table", "local_cols", "remote_cols", "onupdate", "ondelete", "deferrable",
            "initially", "match", "source_schema", "referent_schema");
        TableRef source = new TableRef(args.string("source_schema"),
            args.requiredString("source_table"));
        constraintOps.createForeignKey(args, source, out);
      }
      case "create_unique_constraint" -> {
        Args args = new Args(call, what, names, "constraint_name", "table_name", "columns",
            "schema");
        constraintOps.createUnique(args, table(args, "table_name"), out);
      }
      case "create_primary_key" -> {
        Args args = new Args(call, what, names, "constraint_name", "table_name", "columns",
            "schema");
        constraintOps.createPrimaryKey(args, table(args, "table_name"), out);
      }
      case "create_check_constraint" -> {
        Args args = new Args(call, what, names, "constraint_name", "table_name", "condition",
            "schema");
        constraintOps.createCheck(args, table(args, "table_name"), out);
      }
      case "drop_constraint" -> {
        Args args = new Args(call, what, names, "constraint_name", "table_name", "type_",
            "schema");
        constraintOps.dropConstraint(args, table(args, "table_name"), out);
      }
      case "create_exclude_constraint" -> {
        Args args = new Args(call, what, names, "constraint_name", "table_name", "*elements");
        constraintOps.createExclude(args, table(args, "table_name"), out);
      }
      case "execute" -> dataOps.execute(
          new Args(call, what, names, "sqltext", "execution_options"), out);
      case "bulk_insert" -> dataOps.bulkInsert(
          new Args(call, what, names, "table", "rows", "multiinsert"), out);
      case "get_bind" -> throw new Refusal(call, "op.get_bind() reads the database");
      default -> throw new Refusal(call, "unknown operation " + what);
    }
  }

  private void batchOperation(PyExpr.Call call, String operation, String what, TableRef table,
      List<Unit.Sql> out) {
    switch (operation) {
      case "add_column" -> tableOps.addColumn(
          new Args(call, what, names, "column", "insert_before", "insert_after"), table, out);
      case "drop_column" -> tableOps.dropColumn(
          new Args(call, what, names, "column_name"), table, out);
      case "alter_column" -> tableOps.alterColumn(new Args(call, what, names, "column_name",
          "nullable", "comment", "server_default", "new_column_name", "type_", "existing_type",
          "existing_server_default", "existing_nullable", "existing_comment", "insert_before",
          "insert_after"), table, out);
      case "create_index" -> constraintOps.createIndex(
          new Args(call, what, names, "index_name", "columns"), table, out);
      case "drop_index" -> constraintOps.dropIndex(
          new Args(call, what, names, "index_name"), table.schema(), out);
      case "create_foreign_key" -> constraintOps.createForeignKey(new Args(call, what, names,
          "constraint_name", "referent_table", "local_cols", "remote_cols", "referent_schema",
          "onupdate", "ondelete", "deferrable", "initially", "match"), table, out);
      case "create_unique_constraint" -> constraintOps.createUnique(
          new Args(call, what, names, "constraint_name", "columns"), table, out);
      case "create_primary_key" -> constraintOps.createPrimaryKey(
          new Args(call, what, names, "constraint_name", "columns"), table, out);
      case "create_check_constraint" -> constraintOps.createCheck(
          new Args(call, what, names, "constraint_name", "condition"), table, out);
      case "drop_constraint" -> constraintOps.dropConstraint(
          new Args(call, what, names, "constraint_name", "type_"), table, out);
      case "create_exclude_constraint" -> constraintOps.createExclude(
          new Args(call, what, names, "constraint_name", "*elements"), table, out);
      case "create_table_comment" -> tableOps.tableComment(
          new Args(call, what, names, "comment", "existing_comment"), table, false, out);
      case "drop_table_comment" -> tableOps.tableComment(
          new Args(call, what, names, "existing_comment"), table, true, out);
      // Alembic runs batch_op.execute at once, before the queued batch operations
      case "execute" -> dataOps.execute(
          new Args(call, what, names, "sqltext", "execution_options"), out);
      default -> throw new Refusal(call, "unknown operation " + what);
    }
  }

  private static TableRef table(Args args, String parameter) {
    String schema = args.string("schema");
    return new TableRef(schema, args.requiredString(parameter));
  }

  /** A placeholder for the statement at {@code span}, pointing at {@code at}. */
  private Unit.Todo placeholder(SourceSpan span, Position at, String reason) {
    Placeholder placeholder = new Placeholder(module.file(), at,
        reason.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip());
    placeholders.add(placeholder);
    return new Unit.Todo(placeholder, python(span));
  }

  /** The statement's source lines, indented as in the file, common indentation removed. */
  static List<String> python(SourceSpan span) {
    String[] lines = span.text().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    lines[0] = " ".repeat(span.start().column() - 1) + lines[0];
    int common = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
          indent++;
        }
        common = Math.min(common, indent);
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(Math.min(common, line.length())));
    }
    return out;
  }
}
