package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.Extension;
import dev.strata.compiler.schema.HandEdit;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ModelOperations;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Routine;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Sequence;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.Trigger;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.CommentKind;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@link SchemaModel} as the complete DDL that creates it on an empty database ({@code strata
 * schema REV}): a psql script that stops at the first error and runs in one transaction.
 *
 * <p>Order: schemas, extensions, enum types, sequences, tables (columns, primary keys, unique,
 * valid checks, exclusions), foreign keys and {@code NOT VALID} checks ({@code ALTER TABLE ... ADD
 * CONSTRAINT}, after every table so that the order of tables does not matter), indexes of tables,
 * sequence ownership ({@code OWNED BY}, once its table exists), views and materialized views in
 * order of creation, indexes of materialized views, routines, triggers, and every comment. Within each kind the model's order (the order
 * of creation) is kept. Each object is turned back into the operation that creates it and rendered
 * by the same renderers as a revision's statements, so it comes out as {@code strata upgrade}
 * would write it. Routines and triggers are printed as their revision wrote them ({@link
 * Routine#sql()}, {@link Trigger#sql()}); materialized views and extensions, which jOOQ 3.20 has no
 * statement for, are written here.
 *
 * <p>A model with {@link SchemaModel#handEdits() hand edits} gets a comment at the top naming each
 * {@code -- +dialect} block the model could not follow: the schema they made may differ; one with
 * a view whose query names what was renamed since, a comment naming the renames ({@link
 * #modelWarnings}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SchemaScript {
  private static final SourceFile SOURCE = new SourceFile("<schema>", "");
  private static final Span START = new Span(1, 1, 1);

  private final Dialect dialect;
  private final SqlContext sql;
  private final StatementRenderer statements;
  private final MysqlSchemaScript mysql;

  private SchemaScript(Dialect dialect) {
    this.dialect = dialect;
    this.sql = SqlContext.forDialect(dialect);
    this.statements = new StatementRenderer(dialect, sql);
    this.mysql = new MysqlSchemaScript(dialect, sql, statements);
  }

  /** The snapshot writer for {@code dialect}; SQLite's is {@link SqliteSchema}. */
  public static SchemaScript forDialect(Dialect dialect) {
    return new SchemaScript(Objects.requireNonNull(dialect, "dialect"));
  }

  /**
   * The script that creates {@code model} on an empty database: {@code \set ON_ERROR_STOP on},
   * the {@code header} lines as {@code --} comments, the hand-edit warning when there are hand
   * edits, {@code BEGIN;}, every statement followed by {@code ;} and a blank line, {@code
   * COMMIT;}. LF line ends, one final LF; the same model gives the same bytes.
   *
   * For MySQL and MariaDB, the client's directives in place of {@code \set ON_ERROR_STOP on} and
   * no transaction ({@link MysqlSchemaScript}).
   *
   * @throws DiagnosticException E0420 for a partition, whose bound the model does not keep; for
   *     MySQL and MariaDB, E0440-E0449 for what the dialect cannot hold
   */
  public String render(SchemaModel model, List<String> header) throws DiagnosticException {
    return switch (dialect) {
      case MYSQL, MARIADB -> mysql.render(model, header, modelWarnings(model));
      case SQLITE -> new SqliteSchema(dialect, sql, statements).render(model, header);
      case POSTGRESQL -> psqlScript(model, header);
    };
  }

  private String psqlScript(SchemaModel model, List<String> header) throws DiagnosticException {
    StringBuilder out = new StringBuilder("\\set ON_ERROR_STOP on\n");
    header.forEach(line -> out.append(line.isEmpty() ? "--" : "-- " + line).append('\n'));
    out.append(modelWarnings(model));
    out.append("\nBEGIN;\n\n");
    for (String statement : statements(model)) {
      out.append(statement).append(";\n\n");
    }
    out.append("COMMIT;\n");
    return out.toString();
  }

  /**
   * The statements of {@link #render}, each without its {@code ;}, in the order described above.
   *
   * @throws DiagnosticException as {@link #render}
   */
  public List<String> statements(SchemaModel model) throws DiagnosticException {
    return switch (dialect) {
      case MYSQL, MARIADB -> mysql.statements(model);
      case SQLITE -> new SqliteSchema(dialect, sql, statements).statements(model);
      case POSTGRESQL -> psqlStatements(model);
    };
  }

  private List<String> psqlStatements(SchemaModel model) throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (String schema : model.schemas().keySet()) {
      out.addAll(render(ModelOperations.schema(schema)));
    }
    for (Extension extension : model.extensions().values()) {
      out.add(extension(extension));
    }
    for (EnumType type : model.types().values()) {
      out.addAll(render(ModelOperations.type(type)));
    }
    for (Sequence sequence : model.sequences().values()) {
      out.addAll(render(ModelOperations.sequence(sequence)));
    }
    for (Table table : model.tables().values()) {
      if (table.partitionOf().isPresent()) {
        throw partition(table);
      }
      out.addAll(render(ModelOperations.table(table)));
    }
    for (Table table : model.tables().values()) {
      for (Operation.AlterTable alter : ModelOperations.laterConstraints(table)) {
        out.addAll(render(alter));
      }
    }
    // an index of a materialized view comes after the view, the others after their tables
    List<Index> onViews = new ArrayList<>();
    for (Index index : model.indexes().values()) {
      if (model.views().containsKey(index.table())) {
        onViews.add(index);
      } else {
        out.addAll(render(ModelOperations.index(index)));
      }
    }
    for (Sequence sequence : model.sequences().values()) {
      for (Operation.AlterSequence owned : ModelOperations.ownership(sequence).stream().toList()) {
        out.addAll(render(owned));
      }
    }
    for (View view : model.views().values()) {
      out.add(view.materialized() ? materializedView(view)
          : single(render(ModelOperations.view(view))));
    }
    for (Index index : onViews) {
      out.addAll(render(ModelOperations.index(index)));
    }
    for (Routine routine : model.routines().values()) {
      out.add(asWritten(routine.sql()));
    }
    for (Trigger trigger : model.triggers().values()) {
      out.add(asWritten(trigger.sql()));
    }
    out.addAll(comments(model));
    return out;
  }

  /** A type as this dialect spells it in DDL ({@code VARCHAR(64)}, {@code public.mood}). */
  public String type(DataType type) {
    return DataTypes.name(type, sql);
  }

  /** One sequence option as PostgreSQL writes it ({@code START WITH 1000}). */
  public String sequenceOption(SequenceOption option) {
    return SequenceOptionSql.option(sql, option);
  }

  /** One index key as {@code CREATE INDEX} writes it ({@code lower(email) DESC NULLS LAST}). */
  public String indexKey(IndexElement key) {
    // PostgreSQL's expressions are kept as written, so no site is ever reported
    Site nowhere = new Site(new SourceFile("<schema>", ""), Span.at(1, 1));
    try {
      return new IndexKeySql(sql, new Expressions(Dialect.POSTGRESQL, sql)).key(key, nowhere);
    } catch (DiagnosticException e) {
      throw new IllegalStateException("PostgreSQL's index key failed: " + e.format(), e);
    }
  }

  private List<String> comments(SchemaModel model) throws DiagnosticException {
    List<Operation.CommentOn> comments = new ArrayList<>();
    model.types().values().forEach(type -> type.comment().ifPresent(
        text -> comments.add(ModelOperations.comment(CommentKind.TYPE, type.name(), text))));
    model.sequences().values().forEach(sequence -> sequence.comment().ifPresent(text ->
        comments.add(ModelOperations.comment(CommentKind.SEQUENCE, sequence.name(), text))));
    for (Table table : model.tables().values()) {
      table.comment().ifPresent(
          text -> comments.add(ModelOperations.comment(CommentKind.TABLE, table.name(), text)));
      for (Column column : table.columns()) {
        column.comment().ifPresent(text ->
            comments.add(ModelOperations.columnComment(table.name(), column.name(), text)));
      }
    }
    model.indexes().values().forEach(index -> index.comment().ifPresent(
        text -> comments.add(ModelOperations.comment(CommentKind.INDEX, index.name(), text))));
    model.views().values().forEach(view -> view.comment().ifPresent(text -> comments.add(
        ModelOperations.comment(
            view.materialized() ? CommentKind.MATERIALIZED_VIEW : CommentKind.VIEW,
            view.name(), text))));
    List<String> out = new ArrayList<>();
    for (Operation.CommentOn comment : comments) {
      out.addAll(render(comment));
    }
    return out;
  }

  private List<String> render(Operation operation) throws DiagnosticException {
    return statements.render(new Statement(operation, false, START, ""), SOURCE, SchemaModel.empty());
  }

  private static String single(List<String> statements) {
    if (statements.size() != 1) {
      throw new IllegalStateException("expected one statement, got " + statements);
    }
    return statements.getFirst();
  }

  /**
   * {@code CREATE EXTENSION IF NOT EXISTS name [SCHEMA s]}, by hand: jOOQ 3.20 has no extension
   * statements. {@code IF NOT EXISTS} because a template database may already hold it.
   */
  private String extension(Extension extension) {
    return "CREATE EXTENSION IF NOT EXISTS "
        + sql.render(SqlContext.name(ModelOperations.identifier(extension.name())))
        + extension.schema()
            .map(s -> " SCHEMA " + sql.render(SqlContext.name(ModelOperations.identifier(s))))
            .orElse("");
  }

  /**
   * {@code CREATE MATERIALIZED VIEW v [(columns)] [WITH (options)] AS query}, by hand: jOOQ 3.20
   * has no materialized views. The query is as written.
   */
  private String materializedView(View view) {
    var definition = view.definition();
    StringBuilder out = new StringBuilder("CREATE MATERIALIZED VIEW ")
        .append(sql.render(SqlContext.name(ModelOperations.name(view.name()))));
    if (!definition.columns().isEmpty()) {
      out.append(definition.columns().stream()
          .map(c -> sql.render(SqlContext.name(c)))
          .collect(Collectors.joining(", ", " (", ")")));
    }
    if (!definition.options().isEmpty()) {
      out.append(definition.options().stream()
          .map(o -> o.name() + o.value().map(v -> " = " + v).orElse(""))
          .collect(Collectors.joining(", ", " WITH (", ")")));
    }
    return out.append(" AS ").append(definition.query().sql()).toString();
  }

  /** A statement's text as written, LF line ends, as {@link StatementRenderer} prints one. */
  private static String asWritten(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  /**
   * The warnings at the top of a schema script about what of {@code model} it cannot write as the
   * database has it, as {@code --} lines, or nothing: each {@code -- +dialect} block the model
   * could not follow ({@link SchemaModel#handEdits()}: what they changed is missing), and each
   * view whose query as written names what was renamed since ({@link View#renamedSince()}: its
   * {@code CREATE VIEW} fails, and the script stops there). The same for every dialect.
   */
  static String modelWarnings(SchemaModel model) {
    StringBuilder out = new StringBuilder();
    List<HandEdit> handEdits = model.handEdits();
    if (!handEdits.isEmpty()) {
      out.append("--\n-- WARNING: the schema model could not follow ")
          .append(handEdits.size() == 1 ? "this hand-written block" : "these hand-written blocks")
          .append(";\n-- what they changed is not in this script:\n");
      for (HandEdit edit : handEdits) {
        out.append("--   ").append(edit.origin().describe()).append(": -- +dialect ")
            .append(edit.dialect()).append(" (revision ").append(edit.origin().revision())
            .append(")\n");
      }
    }
    for (View view : model.views().values()) {
      if (!view.current()) {
        out.append("--\n-- WARNING: the query of ")
            .append(view.materialized() ? "materialized view " : "view ")
            .append(view.name().display()).append(", as ").append(view.origin().describe())
            .append(" wrote it, names what was renamed since;\n-- PostgreSQL's view followed,"
                + " this script's CREATE VIEW fails there:\n");
        view.renamedSince().forEach(r -> out.append("--   ").append(r.describe()).append('\n'));
        out.append("-- (redefine the view after the rename, in a revision of its own)\n");
      }
    }
    return out.toString();
  }

  private static DiagnosticException partition(Table table) {
    return new DiagnosticException(Diagnostic.error("E0420",
        "cannot write the schema of partition " + table.name().display()
            + ": the schema model does not keep a partition's bound",
        "note: " + table.name().display() + " was created at " + table.origin().describe(),
        "help: compare with a database brought to this revision by 'strata upgrade' instead"));
  }
}
