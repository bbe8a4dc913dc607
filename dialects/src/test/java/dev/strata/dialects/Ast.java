package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Step;
import dev.strata.compiler.VersionTableOp;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Header;
import dev.strata.grammar.ast.HeaderValue;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Short builders for AST records and plans, for tests (the parser is another stage). */
final class Ast {
  static final Span AT = Span.at(1, 1);

  private Ast() {}

  static Identifier id(String value) {
    return Identifier.of(value);
  }

  static Identifier quoted(String value) {
    return new Identifier(value, true);
  }

  static List<Identifier> ids(String... values) {
    return Arrays.stream(values).map(Identifier::of).toList();
  }

  static QualifiedName table(String name) {
    return QualifiedName.of(name);
  }

  static QualifiedName table(String schema, String name) {
    return new QualifiedName(Optional.of(id(schema)), id(name));
  }

  static Expr expr(String sql) {
    return new Expr(sql, AT);
  }

  static DataType type(DataType.Kind kind) {
    return DataType.of(kind);
  }

  static DataType type(DataType.Kind kind, int size) {
    return new DataType(kind, OptionalInt.of(size), OptionalInt.empty());
  }

  static DataType type(DataType.Kind kind, int size, int scale) {
    return new DataType(kind, OptionalInt.of(size), OptionalInt.of(scale));
  }

  static ColumnDef column(String name, DataType type, ColumnConstraint... constraints) {
    return new ColumnDef(id(name), type, List.of(constraints));
  }

  static ColumnConstraint notNull() {
    return new ColumnConstraint.NotNull(Optional.empty());
  }

  static ColumnConstraint defaultTo(String sql) {
    return new ColumnConstraint.Default(expr(sql));
  }

  static ColumnConstraint primaryKey() {
    return new ColumnConstraint.PrimaryKey(Optional.empty());
  }

  static Operation.CreateTable createTable(String name, ColumnDef... columns) {
    return new Operation.CreateTable(table(name), false, List.of(columns), List.of());
  }

  static Operation.AlterTable alter(String table, AlterAction... actions) {
    return new Operation.AlterTable(table(table), false, List.of(actions));
  }

  static IndexElement key(String column) {
    return new IndexElement(Optional.of(id(column)), Optional.empty(), IndexElement.SortOrder.DEFAULT);
  }

  static Operation.CreateIndex index(String name, String table, String... columns) {
    return new Operation.CreateIndex(
        Optional.of(id(name)),
        table(table),
        false,
        false,
        false,
        Optional.empty(),
        Arrays.stream(columns).map(Ast::key).toList(),
        List.of(),
        Optional.empty());
  }

  static Statement stmt(Operation operation) {
    return new Statement(operation, false, AT, "");
  }

  static Statement noTransaction(Operation operation) {
    return new Statement(operation, true, AT, "");
  }

  /** A revision file whose text (and so checksum) is a function of its header. */
  static RevisionFile revision(String id, List<String> revises, String message) {
    String text =
        "-- revision: " + id + "\n-- revises: "
            + (revises.isEmpty() ? "base" : String.join(", ", revises))
            + "\n-- message: " + message + "\n\n-- +upgrade\n";
    SourceFile source = new SourceFile("versions/" + id + ".sql", text);
    Header header =
        new Header(
            new HeaderValue(id, AT),
            revises.stream().map(r -> new HeaderValue(r, AT)).toList(),
            AT,
            message,
            List.of(),
            List.of());
    return new RevisionFile(source, header, new Section(Direction.UPGRADE, List.of(), AT), Optional.empty());
  }

  /** An upgrade step of {@code id} (parents {@code revises}) running {@code body}. */
  static Step up(
      String id, List<String> revises, String message, List<Statement> body, VersionTableOp... ops) {
    return new Step(
        revision(id, revises, message),
        Direction.UPGRADE,
        new Section(Direction.UPGRADE, body, AT),
        revises,
        List.of(id),
        List.of(ops));
  }

  /** A downgrade step of {@code id} back to {@code revises}. */
  static Step down(
      String id, List<String> revises, String message, List<Statement> body, VersionTableOp... ops) {
    return new Step(
        revision(id, revises, message),
        Direction.DOWNGRADE,
        new Section(Direction.DOWNGRADE, body, AT),
        List.of(id),
        revises,
        List.of(ops));
  }

  static VersionTableOp.InsertHead insert(String revision) {
    return new VersionTableOp.InsertHead(revision);
  }

  static VersionTableOp.UpdateHead update(String from, String to) {
    return new VersionTableOp.UpdateHead(from, to);
  }

  static VersionTableOp.DeleteHead delete(String revision) {
    return new VersionTableOp.DeleteHead(revision);
  }

  static Plan upgrade(List<String> from, List<String> to, Step... steps) {
    return new Plan(Direction.UPGRADE, from, to, List.of(steps));
  }

  static Plan downgrade(List<String> from, List<String> to, Step... steps) {
    return new Plan(Direction.DOWNGRADE, from, to, List.of(steps));
  }
}
