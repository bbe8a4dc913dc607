package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.DowngradeMark;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Header;
import dev.strata.grammar.ast.HeaderValue;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.IndexElement.SortOrder;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import dev.strata.grammar.ast.TableConstraint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Exact trees for files of the {@code parse/ok} corpus. Expected spans are computed from the
 * source lines by {@link #at}, independently of the parser.
 */
class RevisionFileParserTest {
  private final RevisionFileParser parser = new RevisionFileParser();
  private SourceFile source;

  @Test
  void headerValuesCarryTheirExactSpans() throws Exception {
    RevisionFile file = parse("design_example");
    assertEquals(new Header(
        new HeaderValue("0003_add_email", at(1, "0003_add_email")),
        List.of(new HeaderValue("0002_create_payments", at(2, "0002_create_payments"))),
        at(2, "0002_create_payments"),
        "add email to users",
        List.of(new HeaderValue("ledger", at(4, "ledger"))),
        List.of(new HeaderValue("0001_x", at(5, "0001_x")))), file.header());
    assertEquals("0003_add_email", file.id());
  }

  @Test
  void aLintAllowLineIsNoHeaderKeyButOtherStrataKeysStillAre() throws Exception {
    String head = "-- revision: 0002_a\n-- revises: 0001_b\n";
    String body = "\n-- +upgrade\nDROP TABLE t;\n";
    RevisionFile file = parser.parse(new SourceFile("a.sql",
        head + "-- strata:allow drop-data emptied in 0001\n--strata:allow\n" + body));
    assertEquals("0002_a", file.id());
    for (String line : List.of("-- strata:allowed x", "-- strata: allow x")) {
      DiagnosticException e = assertThrows(DiagnosticException.class,
          () -> parser.parse(new SourceFile("a.sql", head + line + "\n" + body)));
      assertEquals("unknown header key 'strata'", e.diagnostics().get(0).message(), line);
    }
  }

  @Test
  void mergePointHasSeveralParentsLabelsAndDependencies() throws Exception {
    Header header = parse("merge_point").header();
    assertEquals(List.of(
        new HeaderValue("0009_quoted", at(2, "0009_quoted")),
        new HeaderValue("0006_data", at(2, "0006_data"))), header.revises());
    assertEquals(at(2, "0009_quoted, 0006_data"), header.revisesSpan());
    assertEquals("merge the two branches", header.message());
    assertEquals(List.of(
        new HeaderValue("ledger", at(4, "ledger")),
        new HeaderValue("billing_v2", at(4, "billing_v2"))), header.branchLabels());
    assertEquals(List.of(
        new HeaderValue("0001_types", at(5, "0001_types")),
        new HeaderValue("0002_payments", at(5, "0002_payments"))), header.dependsOn());
  }

  @Test
  void baseMeansNoParentAndKeysAndKeywordsIgnoreCase() throws Exception {
    RevisionFile file = parse("lowercase_keywords");
    assertEquals(List.of(), file.header().revises());
    assertEquals(at(2, "BASE"), file.header().revisesSpan());
    assertEquals("", file.header().message());
    assertEquals(4, file.upgrade().statements().size());
    assertEquals(new Operation.Delete(QualifiedName.of("t"), Optional.of(expr(8, "id = 1"))),
        file.upgrade().statements().get(3).operation());
    assertEquals(Direction.DOWNGRADE, file.downgrade().orElseThrow().direction());
    assertEquals(at(9, "-- +Downgrade"), file.downgrade().orElseThrow().span());
  }

  @Test
  void designExampleSectionsDirectivesAndRawBlock() throws Exception {
    RevisionFile file = parse("design_example");
    List<Statement> upgrade = file.upgrade().statements();
    assertEquals(at(7, "-- +upgrade"), file.upgrade().span());
    assertEquals(4, upgrade.size());
    assertEquals(new Statement(
        new Operation.AlterTable(QualifiedName.of("users"), false, List.of(
            new AlterAction.AddColumn(new ColumnDef(id("email"),
                new DataType(Kind.VARCHAR, OptionalInt.of(255), OptionalInt.empty()),
                List.of(new ColumnConstraint.NotNull(Optional.empty()),
                    new ColumnConstraint.Default(expr(8, "''")))), false))),
        false, at(8, "ALTER"),
        "ALTER TABLE users ADD COLUMN email VARCHAR(255) NOT NULL DEFAULT ''"), upgrade.get(0));
    assertFalse(upgrade.get(1).outsideTransaction());
    assertTrue(upgrade.get(2).noTransaction());
    assertEquals(new Statement(
        new Operation.RawSql("postgresql", source.line(15) + "\n" + source.line(16)),
        false, at(14, "-- +dialect postgresql"), source.line(15) + "\n" + source.line(16)),
        upgrade.get(3));
    assertEquals(List.of(
        new Operation.DropIndex(QualifiedName.of("ix_users_email"), false, false, false),
        new Operation.AlterTable(QualifiedName.of("users"), false,
            List.of(new AlterAction.DropColumn(id("email"), false, false)))),
        file.downgrade().orElseThrow().statements().stream().map(Statement::operation).toList());
  }

  @Test
  void aDowngradeSectionMarkedNoOpOrIrreversibleHasNoStatementAndKeepsItsMark() throws Exception {
    RevisionFile noOp = parse("downgrade_marks");
    Section down = noOp.downgrade().orElseThrow();
    assertEquals(List.of(), down.statements());
    assertEquals(Optional.of(new DowngradeMark(DowngradeMark.Kind.NO_OP, at(10, "-- +no-op"))),
        down.mark());
    assertFalse(down.irreversible());
    assertEquals(Optional.empty(), noOp.upgrade().mark());
    RevisionFile irreversible = parse("irreversible");
    assertEquals(Optional.of(new DowngradeMark(DowngradeMark.Kind.IRREVERSIBLE,
        at(9, "-- +irreversible"))), irreversible.downgrade().orElseThrow().mark());
    assertTrue(irreversible.downgrade().orElseThrow().irreversible());
  }

  @Test
  void everyColumnTypeAndAlias() throws Exception {
    Operation.CreateTable table =
        (Operation.CreateTable) parse("create_table_types").upgrade().statements().get(0).operation();
    assertEquals(new QualifiedName(Optional.of(id("app")), id("all_types")), table.table());
    assertTrue(table.ifNotExists());
    assertEquals(List.of(
        type(Kind.BIGINT), type(Kind.INTEGER), type(Kind.INTEGER), type(Kind.INTEGER),
        type(Kind.SMALLINT), type(Kind.SMALLINT), type(Kind.BIGINT), type(Kind.NUMERIC),
        sized(Kind.NUMERIC, 12), new DataType(Kind.NUMERIC, OptionalInt.of(12), OptionalInt.of(2)),
        type(Kind.REAL), type(Kind.DOUBLE_PRECISION), sized(Kind.VARCHAR, 255),
        sized(Kind.VARCHAR, 40), sized(Kind.CHAR, 3), type(Kind.TEXT), type(Kind.BOOLEAN),
        type(Kind.BOOLEAN), type(Kind.DATE), type(Kind.TIME), type(Kind.TIMESTAMP),
        sized(Kind.TIMESTAMP, 3), type(Kind.TIMESTAMPTZ), type(Kind.TIMESTAMPTZ),
        type(Kind.INTERVAL), type(Kind.JSON), type(Kind.JSONB), type(Kind.UUID), type(Kind.BYTEA),
        sized(Kind.CHAR, 1), type(Kind.VARCHAR)),
        table.columns().stream().map(ColumnDef::type).toList());
    assertEquals(new Operation.DropTable(
        new QualifiedName(Optional.of(id("app")), id("all_types")), true, true),
        parse("create_table_types").downgrade().orElseThrow().statements().get(0).operation());
  }

  @Test
  void columnAndTableConstraints() throws Exception {
    Operation.CreateTable table = (Operation.CreateTable)
        parse("create_table_constraints").upgrade().statements().get(0).operation();
    List<ColumnDef> columns = table.columns();
    assertEquals(new ColumnDef(id("id"), type(Kind.BIGINT), List.of(
        new ColumnConstraint.Identity(true), new ColumnConstraint.PrimaryKey(Optional.empty()))),
        columns.get(0));
    assertEquals(List.of(new ColumnConstraint.Identity(false)), columns.get(1).constraints());
    assertEquals(List.of(new ColumnConstraint.NotNull(Optional.empty()),
        new ColumnConstraint.References(Optional.empty(), QualifiedName.of("users"),
            Optional.of(id("id")), Optional.of(ReferentialAction.CASCADE),
            Optional.of(ReferentialAction.NO_ACTION))), columns.get(2).constraints());
    assertEquals(List.of(new ColumnConstraint.References(Optional.of(id("fk_account")),
        new QualifiedName(Optional.of(id("ledger")), id("accounts")), Optional.empty(),
        Optional.of(ReferentialAction.RESTRICT), Optional.of(ReferentialAction.SET_NULL))),
        columns.get(3).constraints());
    assertEquals(List.of(new ColumnConstraint.NotNull(Optional.empty()),
        new ColumnConstraint.Check(Optional.of(id("amount_positive")), expr(10, "amount > 0"))),
        columns.get(4).constraints());
    assertEquals(List.of(new ColumnConstraint.Null(Optional.empty()),
        new ColumnConstraint.Default(
            new Expr("NULL", shifted(at(12, "DEFAULT NULL"), "DEFAULT ".length(), 4)))),
        columns.get(6).constraints());
    assertEquals(List.of(new ColumnConstraint.Unique(Optional.of(id("uq_reference")))),
        columns.get(7).constraints());
    assertEquals(List.of(new ColumnConstraint.Default(expr(15, "'a, (b)' || 'c'")),
        new ColumnConstraint.NotNull(Optional.empty())), columns.get(9).constraints());
    assertEquals(List.of(
        new TableConstraint.PrimaryKey(Optional.of(id("pk_unused")), List.of(id("id"))),
        new TableConstraint.Unique(Optional.empty(), List.of(id("user_id"), id("reference"))),
        new TableConstraint.Check(Optional.of(id("ck_currency")),
            expr(18, "currency IN ('EUR', 'USD')")),
        new TableConstraint.ForeignKey(Optional.empty(), List.of(id("user_id"), id("account_id")),
            new QualifiedName(Optional.of(id("ledger")), id("user_accounts")),
            List.of(id("user_id"), id("account_id")), Optional.of(ReferentialAction.SET_DEFAULT),
            Optional.empty()),
        new TableConstraint.ForeignKey(Optional.of(id("fk_plain")), List.of(id("legacy_id")),
            QualifiedName.of("legacy"), List.of(), Optional.empty(), Optional.empty())),
        table.constraints());
  }

  @Test
  void everyAlterTableAction() throws Exception {
    RevisionFile file = parse("alter_table_actions");
    Operation.AlterTable alter = (Operation.AlterTable) file.upgrade().statements().get(0).operation();
    assertTrue(alter.ifExists());
    assertEquals(List.of(
        new AlterAction.AddColumn(new ColumnDef(id("nickname"), type(Kind.TEXT), List.of()), true),
        new AlterAction.AddColumn(new ColumnDef(id("age"), type(Kind.INTEGER),
            List.of(new ColumnConstraint.Check(Optional.empty(), expr(7, "age >= 0")))), false),
        new AlterAction.DropColumn(id("legacy"), true, true),
        new AlterAction.DropColumn(id("obsolete"), false, false),
        new AlterAction.RenameColumn(id("fullname"), id("full_name")),
        new AlterAction.AlterColumnType(id("amount"),
            new DataType(Kind.NUMERIC, OptionalInt.of(14), OptionalInt.of(2)),
            Optional.of(expr(11, "amount::numeric(14, 2)"))),
        new AlterAction.AlterColumnType(id("code"), sized(Kind.VARCHAR, 10), Optional.empty()),
        new AlterAction.SetDefault(id("status"), expr(13, "'new'")),
        new AlterAction.DropDefault(id("status")),
        new AlterAction.SetNotNull(id("email")),
        new AlterAction.DropNotNull(id("nickname")),
        new AlterAction.AddConstraint(
            new TableConstraint.Unique(Optional.of(id("uq_email")), List.of(id("email")))),
        new AlterAction.AddConstraint(
            new TableConstraint.Check(Optional.empty(), expr(18, "age < 200"))),
        new AlterAction.DropConstraint(id("ck_old"), true, true),
        new AlterAction.DropConstraint(id("ck_older"), false, false)), alter.actions());
    assertEquals(new Operation.AlterTable(QualifiedName.of("users"), false,
        List.of(new AlterAction.RenameTable(id("members")))),
        file.upgrade().statements().get(1).operation());
  }

  @Test
  void indexesWithExpressionsIncludeAndPredicate() throws Exception {
    RevisionFile file = parse("indexes");
    List<Statement> upgrade = file.upgrade().statements();
    assertEquals(new Operation.CreateIndex(Optional.empty(), QualifiedName.of("users"), false,
        false, false, Optional.empty(),
        List.of(new IndexElement(Optional.of(id("email")), Optional.empty(), SortOrder.DEFAULT)),
        List.of(), Optional.empty()), upgrade.get(0).operation());
    assertEquals(new Operation.CreateIndex(Optional.of(id("ux_users_email")),
        new QualifiedName(Optional.of(id("public")), id("users")), true, false, true,
        Optional.of("btree"),
        List.of(
            new IndexElement(Optional.empty(), Optional.of(expr(6, "lower(email)")), SortOrder.DESC),
            new IndexElement(Optional.empty(), Optional.of(expr(6, "created_at::date")),
                SortOrder.DEFAULT),
            new IndexElement(Optional.of(id("id")), Optional.empty(), SortOrder.ASC)),
        List.of(id("name"), id("age")),
        Optional.of(expr(6, "deleted_at IS NULL AND status <> 'gone'"))),
        upgrade.get(1).operation());
    assertTrue(upgrade.get(2).noTransaction());
    assertTrue(((Operation.CreateIndex) upgrade.get(2).operation()).concurrently());
    Statement drop = file.downgrade().orElseThrow().statements().get(0);
    assertEquals(new Operation.DropIndex(new QualifiedName(Optional.of(id("public")), id("ux_b")),
        true, true, true), drop.operation());
    assertFalse(drop.noTransaction());
    assertTrue(drop.outsideTransaction());
  }

  @Test
  void schemasInsertUpdateDelete() throws Exception {
    List<Operation> ops = parse("schemas_and_data").upgrade().statements().stream()
        .map(Statement::operation).toList();
    QualifiedName currencies = new QualifiedName(Optional.of(id("ledger")), id("currencies"));
    assertEquals(List.of(
        new Operation.CreateSchema(id("ledger"), false),
        new Operation.CreateSchema(id("audit"), true),
        new Operation.Insert(currencies, List.of(id("code"), id("name")),
            new Operation.InsertSource.Values(List.of(
                List.of(expr(8, "'EUR'"), expr(8, "'Euro'")),
                List.of(expr(8, "'USD'"), expr(8, "'US dollar; the green one'")))), false),
        new Operation.Insert(currencies, List.of(),
            new Operation.InsertSource.Values(List.of(List.of(expr(9, "'GBP'"),
                expr(9, "concat('Pound', ' ', 'sterling')")))), false),
        new Operation.Insert(new QualifiedName(Optional.of(id("audit")), id("copies")),
            List.of(id("id"), id("payload")),
            new Operation.InsertSource.Query(expr(10, "SELECT id, to_jsonb(p) FROM payments p"
                + " JOIN users u ON u.id = p.user_id WHERE p.amount > 0")), true),
        new Operation.Insert(QualifiedName.of("flags"), List.of(id("name")),
            new Operation.InsertSource.Values(List.of(List.of(expr(11, "'a'")))), true),
        new Operation.Update(QualifiedName.of("users"), List.of(
            Operation.Assignment.of(id("status"), expr(12, "'active'")),
            Operation.Assignment.of(id("score"), expr(12, "coalesce(score, 0) + 1"))),
            Optional.of(expr(12, "status IS NULL"))),
        new Operation.Update(currencies,
            List.of(Operation.Assignment.of(id("name"), expr(13, "upper(name)"))),
            Optional.empty()),
        new Operation.Delete(QualifiedName.of("sessions"),
            Optional.of(expr(14, "expires_at < now() - INTERVAL '30 days'"))),
        new Operation.Delete(QualifiedName.of("tmp"), Optional.empty())), ops);
  }

  @Test
  void squareBracketsBalanceLikeParenthesesInEveryExpression() throws Exception {
    List<Operation> ops = parse("arrays_and_brackets").upgrade().statements().stream()
        .map(Statement::operation).toList();
    QualifiedName tagged = QualifiedName.of("tagged");
    assertEquals(new Operation.Update(tagged, List.of(
        Operation.Assignment.of(id("tags"), expr(8, "ARRAY['a', 'b']")),
        Operation.Assignment.of(id("scores"), expr(8, "scores[1: 2]"))),
        Optional.of(expr(8, "tags[1] = 'x'"))), ops.get(1));
    assertEquals(new Operation.Insert(tagged, List.of(id("id"), id("tags"), id("scores")),
        new Operation.InsertSource.Values(List.of(
            List.of(expr(9, "1"), expr(9, "ARRAY['a', 'b']"), expr(9, "'{1,2}'")),
            List.of(expr(9, "7"), expr(9, "ARRAY[']', '[']"), expr(9, "ARRAY[3, 4]")))), false),
        ops.get(2));
    assertEquals(List.of(
        new AlterAction.AddColumn(new ColumnDef(id("first_score"), type(Kind.INTEGER), List.of(
            new ColumnConstraint.Default(expr(10, "(ARRAY[1, 2])[1]")),
            new ColumnConstraint.NotNull(Optional.empty()),
            new ColumnConstraint.Check(Optional.empty(),
                expr(10, "first_score = ANY (ARRAY[1, 2])")))), false),
        new AlterAction.SetDefault(id("first_score"), expr(10, "(ARRAY[3, 4])[2]"))),
        ((Operation.AlterTable) ops.get(3)).actions());
    Operation.CreateIndex index = (Operation.CreateIndex) ops.get(4);
    assertEquals(List.of(
        new IndexElement(Optional.empty(), Optional.of(expr(11, "tags[1]")), SortOrder.DEFAULT),
        new IndexElement(Optional.empty(), Optional.of(expr(11, "lower(tags[2])")),
            SortOrder.DEFAULT)), index.elements());
    assertEquals(Optional.of(expr(11, "tags[1: 2] <> ARRAY['a', 'b']")), index.where());
    assertEquals(new Operation.Delete(tagged,
        Optional.of(expr(12, "scores[1] IN (SELECT unnest(ARRAY[1, 2]))"))), ops.get(5));
    assertEquals(new Operation.Insert(tagged, List.of(id("id"), id("tags")),
        new Operation.InsertSource.Query(expr(13, "SELECT 3, ARRAY['c', 'd']")), true), ops.get(6));
  }

  @Test
  void dollarQuotesAndDialectBlocks() throws Exception {
    RevisionFile file = parse("dollar_quotes");
    List<Statement> upgrade = file.upgrade().statements();
    assertEquals(new Operation.RawSql("postgresql", String.join("\n", source.lines().subList(6, 13))),
        upgrade.get(0).operation());
    assertEquals(new Statement(new Operation.RawSql("mysql", source.line(18)), true,
        at(17, "-- +dialect mysql"), source.line(18)), upgrade.get(1));
    assertEquals(new Operation.Insert(QualifiedName.of("docs"), List.of(id("body")),
        new Operation.InsertSource.Values(List.of(List.of(expr(20, "$$it's a; body$$")),
            List.of(expr(20, "$tag$ $$ ; $tag$")))), false), upgrade.get(2).operation());
    assertEquals(new Operation.Update(QualifiedName.of("docs"),
        List.of(Operation.Assignment.of(id("body"), expr(21, "$a$x$b$y$a$"))),
        Optional.of(expr(21, "id = $$1$$"))), upgrade.get(3).operation());
    assertEquals(List.of(
        new Operation.RawSql("sqlite", "DROP TRIGGER IF EXISTS t;"),
        new Operation.RawSql("mariadb", "")),
        file.downgrade().orElseThrow().statements().stream().map(Statement::operation).toList());
  }

  @Test
  void psqlLookalikesStayAndTheOptInIsKept() throws Exception {
    RevisionFile file = parse("psql_lookalikes");
    List<Statement> upgrade = file.upgrade().statements();
    Operation.Update update = (Operation.Update) upgrade.get(1).operation();
    assertEquals(List.of(
        Operation.Assignment.of(id("path"), expr(7, "E'it\\'s \\\\ fine'")),
        Operation.Assignment.of(id("firsts"), expr(7, "tags[1: 2]")),
        Operation.Assignment.of(id("n"), expr(7, "n::int8"))),
        update.assignments());
    assertEquals(new Operation.RawSql("postgresql", source.line(13) + "\n" + source.line(14) + "\n"
        + source.line(15) + "\n" + source.line(16) + "\n" + source.line(17), false),
        upgrade.get(4).operation());
    assertEquals(new Statement(
        new Operation.RawSql("postgresql", "\\set answer 42\nINSERT INTO t (id) VALUES (:answer);",
            true),
        false, at(19, "-- +dialect postgresql psql-meta-commands"),
        "\\set answer 42\nINSERT INTO t (id) VALUES (:answer);"), upgrade.get(5));
    assertEquals(new Operation.RawSql("mysql", source.line(26)),
        file.downgrade().orElseThrow().statements().getFirst().operation());
  }

  @Test
  void quotedIdentifiersAreUnescapedAndKeywordsCanBeNames() throws Exception {
    RevisionFile file = parse("quoted_identifiers");
    Operation.CreateTable table = (Operation.CreateTable) file.upgrade().statements().get(0).operation();
    assertEquals(new QualifiedName(Optional.empty(), new Identifier("Order Items", true)),
        table.table());
    assertEquals(List.of(
        new Identifier("id", true), new Identifier("select", true),
        new Identifier("with \"quotes\" inside", true), new Identifier("Ünïcödé", true),
        id("key"), id("type"), id("data"), id("text"), id("date"), new Identifier("time", true)),
        table.columns().stream().map(ColumnDef::name).toList());
    assertEquals(new Operation.CreateIndex(Optional.of(new Identifier("ix;odd", true)),
        new QualifiedName(Optional.of(new Identifier("My Schema", true)),
            new Identifier("Order Items", true)),
        false, false, false, Optional.empty(),
        List.of(new IndexElement(Optional.of(new Identifier("select", true)), Optional.empty(),
            SortOrder.DEFAULT)), List.of(), Optional.empty()),
        file.upgrade().statements().get(1).operation());
    assertEquals(new Operation.Update(
        new QualifiedName(Optional.empty(), new Identifier("Order Items", true)),
        List.of(Operation.Assignment.of(new Identifier("with \"quotes\" inside", true),
            expr(19, "1"))), Optional.of(expr(19, "\"Ünïcödé\" = 'é'"))),
        file.upgrade().statements().get(3).operation());
  }

  /**
   * {@code values} names a table or a column, as PostgreSQL's grammar takes it (a col_name_keyword),
   * and still starts an INSERT's rows.
   */
  @Test
  void valuesCanNameATableAndAColumn() throws Exception {
    RevisionFile file = parser.parse(new SourceFile("values.sql", """
        -- revision: a
        -- revises: base
        -- +upgrade
        CREATE TABLE values (id BIGINT PRIMARY KEY, values TEXT);
        INSERT INTO values (id, values) VALUES (1, 'x');
        INSERT INTO values VALUES (2, 'y');
        UPDATE values SET values = 'z';
        """));
    List<Statement> upgrade = file.upgrade().statements();
    Operation.CreateTable table = (Operation.CreateTable) upgrade.get(0).operation();
    assertEquals(QualifiedName.of("values"), table.table());
    assertEquals(List.of(id("id"), id("values")),
        table.columns().stream().map(ColumnDef::name).toList());
    assertEquals(List.of(id("id"), id("values")),
        ((Operation.Insert) upgrade.get(1).operation()).columns());
    assertEquals(List.of(), ((Operation.Insert) upgrade.get(2).operation()).columns());
    assertEquals(List.of(id("values")), ((Operation.Update) upgrade.get(3).operation())
        .assignments().get(0).columns());
  }

  @Test
  void commentsAreKeptInsideTextsAndIgnoredOutside() throws Exception {
    RevisionFile file = parse("comments_everywhere");
    assertEquals("0007_comments", file.id());
    assertEquals("no spaces at all", file.header().message());
    List<Statement> upgrade = file.upgrade().statements();
    assertEquals(2, upgrade.size());
    assertEquals(String.join("\n", source.lines().subList(10, 13)) + "\n)", upgrade.get(0).text());
    assertEquals(new Operation.Delete(QualifiedName.of("notes"),
        Optional.of(expr(15, "body = '/* not a comment */'"))), upgrade.get(1).operation());
    assertEquals(at(15, "DELETE"), upgrade.get(1).span());
    Statement drop = file.downgrade().orElseThrow().statements().get(0);
    assertTrue(drop.noTransaction());
    assertEquals("DROP TABLE notes", drop.text());
  }

  @Test
  void directivesInsideStringsCommentsAndNamesAreText() throws Exception {
    RevisionFile file = parse("directives_inside_literals");
    List<Statement> upgrade = file.upgrade().statements();
    assertEquals(3, upgrade.size());
    assertEquals(new Operation.Update(QualifiedName.of("t"),
        List.of(Operation.Assignment.of(id("a"),
            new Expr("'first line\n-- +downgrade\nlast line'", at(5, "'first line")))),
        Optional.of(expr(7, "b = 1"))), upgrade.get(0).operation());
    // a line break inside a quoted name is E0119 (aLineBreakOrControlCharacterInAQuotedName...)
    assertEquals(new Identifier("-- +end", true),
        ((Operation.CreateTable) upgrade.get(2).operation()).table().name());
    assertEquals(1, file.downgrade().orElseThrow().statements().size());
  }

  @Test
  void escapeStringsAndMultiLineStrings() throws Exception {
    List<Statement> upgrade = parse("escape_strings").upgrade().statements();
    assertEquals(new Operation.Insert(QualifiedName.of("t"), List.of(id("a"), id("b")),
        new Operation.InsertSource.Values(List.of(
            List.of(expr(5, "E'it\\'s; fine\\\\'"), expr(5, "'it''s; fine too'")),
            List.of(expr(5, "e'\\n'"), expr(5, "U&'d\\0061t'")))), false),
        upgrade.get(0).operation());
    assertEquals("UPDATE t SET a = 'multi\nline; string' WHERE b <> ''", upgrade.get(1).text());
  }

  @Test
  void crlfInputGivesTheSameTreeAsLf() throws Exception {
    String lf = ParseCorpusTest.read("parse/ok/comments_everywhere.sql");
    RevisionFile a = parser.parse(new SourceFile("a.sql", lf));
    RevisionFile b = parser.parse(new SourceFile("a.sql", lf.replace("\n", "\r\n")));
    assertEquals(a.header(), b.header());
    assertEquals(a.upgrade(), b.upgrade());
    assertEquals(a.downgrade(), b.downgrade());
    assertFalse(b.upgrade().statements().get(0).text().contains("\r"));
  }

  /** A file whose lines end with CR alone reads as one line: named, with the conversion. */
  @Test
  void classicMacLineEndsAreNamedAtTheFirstCarriageReturn() throws Exception {
    String lf = ParseCorpusTest.read("parse/ok/comments_everywhere.sql");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> parser.parse(new SourceFile("mac.sql", lf.replace("\n", "\r"))));
    String text = e.diagnostics().getFirst().format();
    int firstReturn = lf.indexOf('\n') + 1;
    assertTrue(text.startsWith("mac.sql:1:" + firstReturn + ": error[E0123]: a carriage return"
        + " alone ends this header line: the file's lines end with CR (classic Mac OS)"), text);
    assertTrue(text.contains("help: save the file with LF or CRLF line ends: tr '\\r' '\\n'"
        + " < 'mac.sql' > 'mac.sql.lf' && mv 'mac.sql.lf' 'mac.sql'"), text);
  }

  /**
   * A line break inside a quoted name ran as SQL in the comments that name it: {@code strata schema
   * --dialect sqlite} printed {@code --   schema s} and then {@code DROP TABLE x; --} on a line
   * of its own. Refused where it is written, a tab still taken.
   */
  @Test
  void aLineBreakOrControlCharacterInAQuotedNameIsRefusedAtTheCharacter() throws Exception {
    for (String[] c : List.of(new String[] {"\n", "a line break"},
        new String[] {"\r", "a line break"}, new String[] {"\u0007", "the control character"
            + " U+0007"}, new String[] {"\u2028", "the control character U+2028"})) {
      DiagnosticException e = assertThrows(DiagnosticException.class, () -> parser.parse(
          new SourceFile("names.sql", "-- revision: a\n-- revises: base\n-- +upgrade\n"
              + "CREATE SCHEMA \"s" + c[0] + "DROP TABLE x; --\";\n")));
      String text = e.diagnostics().getFirst().format();
      assertTrue(text.startsWith("names.sql:4:17: error[E0119]: quoted name holds " + c[1]
          + ": strata prints names in its scripts' comments and messages, where it would break"
          + " the line\n"), text);
      assertTrue(text.contains("  = help: name it without " + c[1] + "\n"), text);
    }
    RevisionFile tab = parser.parse(new SourceFile("tab.sql",
        "-- revision: a\n-- revises: base\n-- +upgrade\nCREATE SCHEMA \"s\tt\";\n"));
    assertEquals("s\tt", ((Operation.CreateSchema) tab.upgrade().statements().getFirst()
        .operation()).schema().value());
  }

  @Test
  void aByteOrderMarkIsIgnored() throws Exception {
    RevisionFile file = parser.parse(
        new SourceFile("bom.sql", "\uFEFF-- revision: a1\n-- revises: base\n-- +upgrade\n"));
    assertEquals("a1", file.id());
    assertEquals(new Span(1, 15, 2), file.header().revision().span());
  }

  /**
   * The report: a mark before a statement was "not in the language", wrap it in a block. The mark
   * takes no column on a terminal: the carets stand under 'CREATE'.
   */
  @Test
  void anInvisibleCharacterBeforeAStatementIsNamed() {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> parser.parse(
        new SourceFile("bom.sql", "-- revision: a1\n-- revises: base\n-- +upgrade\n"
            + "\uFEFFCREATE TABLE t (id INT);\n")));
    assertEquals("""
        bom.sql:4:1: error[E0111]: the statement starts with the invisible character U+FEFF\
         (ZERO WIDTH NO-BREAK SPACE)
          4 | \uFEFFCREATE TABLE t (id INT);
            | ^^^^^^
          = help: delete it, the character before 'CREATE': editors show nothing there
        """, e.format());
  }

  @Test
  void oneParserParsesManyFilesAndFailuresDoNotLeak() throws Exception {
    SourceFile bad = new SourceFile("bad.sql", "-- revision: a\n-- revises: base\n-- +upgrade\nx;\n");
    assertThrows(DiagnosticException.class, () -> parser.parse(bad));
    assertEquals("0005_indexes", parse("indexes").id());
  }

  private RevisionFile parse(String name) throws IOException, DiagnosticException {
    source = new SourceFile("parse/ok/" + name + ".sql",
        ParseCorpusTest.read("parse/ok/" + name + ".sql"));
    return parser.parse(source);
  }

  /** The span of the first occurrence of {@code text} on line {@code line} of the current file. */
  private Span at(int line, String text) {
    int column = source.line(line).indexOf(text);
    if (column < 0) {
      throw new AssertionError("'" + text + "' is not on line " + line + ": " + source.line(line));
    }
    return new Span(line, column + 1, text.length());
  }

  private static Span shifted(Span span, int by, int length) {
    return new Span(span.line(), span.column() + by, length);
  }

  private Expr expr(int line, String sql) {
    return new Expr(sql, at(line, sql));
  }

  private static Identifier id(String name) {
    return Identifier.of(name);
  }

  private static DataType type(Kind kind) {
    return DataType.of(kind);
  }

  private static DataType sized(Kind kind, int size) {
    return new DataType(kind, OptionalInt.of(size), OptionalInt.empty());
  }
}
