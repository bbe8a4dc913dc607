package dev.strata.dialects;

import static dev.strata.dialects.Ast.*;
import static dev.strata.grammar.ast.DataType.Kind.*;

import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.IndexElement.SortOrder;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Operation.InsertSource;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.Statement;
import dev.strata.grammar.ast.TableConstraint;
import java.util.List;
import java.util.Optional;

/**
 * The golden cases, one per construct family, built from AST records (the parser is another
 * stage). Plans that start from base are self-contained and run against a real PostgreSQL.
 */
final class GoldenCases {
  static final ScriptOptions OPTIONS = ScriptOptions.defaults("0.1.0");

  private GoldenCases() {}

  static List<GoldenCase> all() {
    return List.of(
        createTableCase(),
        alterTableCase(),
        indexesCase(),
        dropIndexCase(),
        schemaCase(),
        insertCase(),
        updateDeleteCase(),
        rawBlockCase(),
        noTransactionCase(),
        noTransactionCase().withOptions(OPTIONS.withTransactionMode(TransactionMode.REVISION))
            .renamed("transaction_per_revision"),
        noTransactionCase().withOptions(OPTIONS.withTransactionMode(TransactionMode.NONE))
            .renamed("transaction_none"),
        versionTableMergeCase(),
        versionTableUnmergeCase(),
        versionTableCustomCase(),
        versionTableQuotedCase(),
        quoteEscapingCase(),
        emptyPlanCase());
  }

  private static final List<String> BASE = List.of();

  private static ColumnConstraint references(
      String table, String column, Optional<ReferentialAction> onDelete, Optional<ReferentialAction> onUpdate) {
    return new ColumnConstraint.References(Optional.empty(), table(table), Optional.of(id(column)), onDelete, onUpdate);
  }

  private static GoldenCase createTableCase() {
    Statement owners =
        stmt(
            createTable(
                "owners",
                column("id", type(BIGINT), new ColumnConstraint.Identity(false), primaryKey()),
                column("code", type(VARCHAR, 10), notNull(), new ColumnConstraint.Unique(Optional.empty()))));
    Statement accounts =
        stmt(
            new Operation.CreateTable(
                table("public", "accounts"),
                true,
                List.of(
                    column("id", type(BIGINT), new ColumnConstraint.Identity(true)),
                    column("owner_id", type(BIGINT),
                        references("owners", "id", Optional.of(ReferentialAction.CASCADE), Optional.empty())),
                    column("owner_code", type(VARCHAR, 10),
                        new ColumnConstraint.References(Optional.of(id("fk_owner_code")), table("owners"),
                            Optional.of(id("code")), Optional.of(ReferentialAction.SET_NULL),
                            Optional.of(ReferentialAction.CASCADE))),
                    column("s", type(SMALLINT), new ColumnConstraint.Null(Optional.empty())),
                    column("i", type(INTEGER), notNull(), defaultTo("0")),
                    column("n", type(NUMERIC)),
                    column("n10", type(NUMERIC, 10)),
                    column("amount", type(NUMERIC, 12, 2),
                        new ColumnConstraint.Check(Optional.of(id("ck_amount")), expr("amount >= 0"))),
                    column("r", type(REAL)),
                    column("d", type(DOUBLE_PRECISION)),
                    column("v", type(VARCHAR)),
                    column("v40", type(VARCHAR, 40), new ColumnConstraint.Unique(Optional.empty())),
                    column("c", type(CHAR)),
                    column("c3", type(CHAR, 3), new ColumnConstraint.Check(Optional.empty(), expr("c3 <> ''"))),
                    column("t", type(TEXT), defaultTo("''")),
                    column("b", type(BOOLEAN), notNull(), defaultTo("false")),
                    column("day", type(DATE), defaultTo("CURRENT_DATE")),
                    column("at", type(TIME)),
                    column("at3", type(TIME, 3)),
                    column("ts", type(TIMESTAMP)),
                    column("ts0", type(TIMESTAMP, 0)),
                    column("tz", type(TIMESTAMPTZ), notNull(), defaultTo("now()")),
                    column("tz6", type(TIMESTAMPTZ, 6)),
                    column("iv", type(INTERVAL)),
                    column("j", type(JSON)),
                    column("jb", type(JSONB), notNull(), defaultTo("'{}'::jsonb")),
                    column("u", type(UUID)),
                    column("bytes", type(BYTEA)),
                    new dev.strata.grammar.ast.ColumnDef(quoted("Display Name"), type(TEXT), List.of())),
                List.of(
                    new TableConstraint.PrimaryKey(Optional.of(id("accounts_pk")), ids("id")),
                    new TableConstraint.Unique(Optional.empty(), List.of(id("owner_id"), quoted("Display Name"))),
                    new TableConstraint.Check(Optional.empty(), expr("jb ? 'k' OR jb = '{}'::jsonb")),
                    new TableConstraint.ForeignKey(Optional.of(id("fk_owner")), ids("owner_id"), table("owners"),
                        ids("id"), Optional.of(ReferentialAction.NO_ACTION), Optional.of(ReferentialAction.RESTRICT)))));
    Statement notes =
        stmt(createTable("notes", column("body", type(TEXT), defaultTo("'line one\nline two'"))));
    Statement marker = stmt(new Operation.CreateTable(table("marker"), false, List.of(), List.of()));
    return GoldenCase.of(
        "create_table",
        upgrade(BASE, List.of("0003_notes"),
            up("0001_owners", BASE, "create owners", List.of(owners), insert("0001_owners")),
            up("0002_accounts", List.of("0001_owners"), "every column type", List.of(accounts),
                update("0001_owners", "0002_accounts")),
            up("0003_notes", List.of("0002_accounts"), "multi-line default, no columns",
                List.of(notes, marker), update("0002_accounts", "0003_notes"))));
  }

  private static GoldenCase alterTableCase() {
    Statement create =
        stmt(createTable("accounts",
            column("id", type(BIGINT), primaryKey()),
            column("name", type(TEXT)),
            column("email", type(VARCHAR, 100), notNull()),
            column("status", type(TEXT)),
            column("balance", type(INTEGER))));
    Statement owners = stmt(createTable("owners", column("id", type(BIGINT), primaryKey())));
    Statement alter =
        stmt(alter("accounts",
            new AlterAction.AddColumn(column("owner_id", type(BIGINT),
                references("owners", "id", Optional.empty(), Optional.of(ReferentialAction.SET_DEFAULT))), false),
            new AlterAction.AddColumn(column("note", type(TEXT)), true),
            new AlterAction.AddColumn(column("seq", type(BIGINT), new ColumnConstraint.Identity(true)), false),
            new AlterAction.AddColumn(column("created_at", type(TIMESTAMPTZ), notNull(), defaultTo("now()")), false),
            new AlterAction.DropColumn(id("status"), true, true),
            new AlterAction.DropColumn(id("legacy"), true, false),
            new AlterAction.RenameColumn(id("name"), id("full_name")),
            new AlterAction.AlterColumnType(id("email"), type(VARCHAR, 200), Optional.empty()),
            new AlterAction.AlterColumnType(id("balance"), type(NUMERIC, 12, 2),
                Optional.of(expr("balance::numeric / 100"))),
            new AlterAction.SetDefault(id("full_name"), expr("''")),
            new AlterAction.SetNotNull(id("full_name")),
            new AlterAction.DropNotNull(id("email")),
            new AlterAction.DropDefault(id("full_name")),
            new AlterAction.AddConstraint(new TableConstraint.Check(Optional.of(id("ck_balance")), expr("balance >= 0"))),
            new AlterAction.AddConstraint(new TableConstraint.Unique(Optional.of(id("uq_email")), ids("email"))),
            new AlterAction.AddConstraint(new TableConstraint.ForeignKey(Optional.empty(), ids("owner_id"),
                table("owners"), List.of(), Optional.empty(), Optional.empty())),
            new AlterAction.DropConstraint(id("uq_email"), false, false),
            new AlterAction.DropConstraint(id("no_such_constraint"), true, true)));
    Statement rename =
        stmt(new Operation.AlterTable(table("accounts"), true,
            List.of(new AlterAction.RenameTable(id("customer_accounts")))));
    Statement missing =
        stmt(new Operation.AlterTable(table("no_such_table"), true,
            List.of(new AlterAction.AddColumn(column("x", type(BIGINT), new ColumnConstraint.Identity(true)), false))));
    return GoldenCase.of(
        "alter_table",
        upgrade(BASE, List.of("0002_alter"),
            up("0001_tables", BASE, "tables", List.of(create, owners), insert("0001_tables")),
            up("0002_alter", List.of("0001_tables"), "every ALTER TABLE action",
                List.of(alter, rename, missing), update("0001_tables", "0002_alter"))));
  }

  private static IndexElement exprKey(String sql, SortOrder order) {
    return new IndexElement(Optional.empty(), Optional.of(expr(sql)), order);
  }

  private static IndexElement sortedKey(String column, SortOrder order) {
    return new IndexElement(Optional.of(id(column)), Optional.empty(), order);
  }

  private static GoldenCase indexesCase() {
    Statement users =
        stmt(createTable("users",
            column("id", type(BIGINT), primaryKey()),
            column("email", type(TEXT), notNull()),
            column("tenant", type(INTEGER)),
            column("data", type(JSONB)),
            column("deleted_at", type(TIMESTAMPTZ))));
    Statement plain = stmt(index("ix_users_email", "users", "email"));
    Statement partialUnique =
        stmt(new Operation.CreateIndex(Optional.of(id("uq_users_tenant_email")), table("users"), true, false, true,
            Optional.empty(), List.of(key("tenant"), exprKey("lower(email)", SortOrder.DESC)), ids("id"),
            Optional.of(expr("deleted_at IS NULL"))));
    Statement unnamed =
        stmt(new Operation.CreateIndex(Optional.empty(), table("users"), false, false, false, Optional.empty(),
            List.of(sortedKey("tenant", SortOrder.ASC)), List.of(), Optional.empty()));
    Statement gin =
        stmt(new Operation.CreateIndex(Optional.of(id("ix_users_data")), table("users"), false, false, false,
            Optional.of("gin"), List.of(key("data")), List.of(), Optional.empty()));
    Statement jsonKey =
        stmt(new Operation.CreateIndex(Optional.of(id("ix_users_k")), table("users"), false, false, false,
            Optional.empty(), List.of(exprKey("data ->> 'k'", SortOrder.DEFAULT)), List.of(),
            Optional.of(expr("data ? 'k'"))));
    Statement concurrent =
        stmt(new Operation.CreateIndex(Optional.of(id("ix_users_deleted")), table("users"), false, true, false,
            Optional.empty(), List.of(sortedKey("deleted_at", SortOrder.DESC)), List.of(), Optional.empty()));
    Statement concurrentUnique =
        stmt(new Operation.CreateIndex(Optional.of(id("uq_users_id")), table("users"), true, true, true,
            Optional.of("btree"), List.of(key("id")), ids("email"), Optional.of(expr("id > 0"))));
    return GoldenCase.of(
        "indexes",
        upgrade(BASE, List.of("0002_indexes"),
            up("0001_users", BASE, "users", List.of(users), insert("0001_users")),
            up("0002_indexes", List.of("0001_users"), "index users",
                List.of(plain, partialUnique, unnamed, gin, jsonKey, concurrent, concurrentUnique),
                update("0001_users", "0002_indexes"))));
  }

  private static GoldenCase dropIndexCase() {
    Statement schema = stmt(new Operation.CreateSchema(id("app"), false));
    Statement appItems =
        stmt(new Operation.CreateTable(table("app", "items"), false,
            List.of(column("id", type(INTEGER)), column("sku", type(TEXT))), List.of()));
    Statement items = stmt(createTable("items", column("id", type(INTEGER)), column("a", type(INTEGER))));
    Statement appIndex =
        stmt(new Operation.CreateIndex(Optional.of(id("ix_items_sku")), table("app", "items"), false, false,
            false, Optional.empty(), List.of(key("sku")), List.of(), Optional.empty()));
    List<Statement> setup =
        List.of(schema, appItems, items, appIndex, stmt(index("ix_items_id", "items", "id")),
            stmt(index("ix_items_a", "items", "a")), stmt(index("ix_items_a_id", "items", "a", "id")));
    List<Statement> drops =
        List.of(
            stmt(new Operation.DropIndex(table("ix_items_id"), false, false, false)),
            stmt(new Operation.DropIndex(table("ix_missing"), false, true, true)),
            stmt(new Operation.DropIndex(table("app", "ix_items_sku"), false, false, false)),
            stmt(new Operation.DropIndex(table("ix_items_a"), true, false, false)),
            stmt(new Operation.DropIndex(table("ix_items_a_id"), true, true, false)));
    return GoldenCase.of(
        "drop_index",
        upgrade(BASE, List.of("0002_drop"),
            up("0001_items", BASE, "", setup, insert("0001_items")),
            up("0002_drop", List.of("0001_items"), "drop indexes", drops, update("0001_items", "0002_drop"))));
  }

  private static GoldenCase schemaCase() {
    List<Statement> create =
        List.of(
            stmt(new Operation.CreateSchema(id("billing"), false)),
            stmt(new Operation.CreateSchema(id("billing"), true)),
            stmt(new Operation.CreateSchema(quoted("Audit"), false)),
            stmt(new Operation.CreateTable(new dev.strata.grammar.ast.QualifiedName(Optional.of(quoted("Audit")), id("log")),
                false, List.of(column("line", type(TEXT))), List.of())),
            stmt(new Operation.DropSchema(id("scratch"), true, true)));
    List<Statement> drop =
        List.of(
            stmt(new Operation.DropSchema(quoted("Audit"), false, true)),
            stmt(new Operation.DropSchema(id("billing"), false, false)));
    return GoldenCase.of(
        "schema",
        upgrade(BASE, List.of("0002_drop"),
            up("0001_schemas", BASE, "schemas", create, insert("0001_schemas")),
            up("0002_drop", List.of("0001_schemas"), "drop schemas", drop, update("0001_schemas", "0002_drop"))));
  }

  private static Operation.InsertSource.Values rows(String[]... rows) {
    return new InsertSource.Values(
        java.util.Arrays.stream(rows).map(r -> java.util.Arrays.stream(r).map(Ast::expr).toList()).toList());
  }

  private static GoldenCase insertCase() {
    Statement currencies =
        stmt(createTable("currencies",
            column("code", type(CHAR, 3), primaryKey()),
            column("name", type(TEXT), notNull()),
            column("meta", type(JSONB), defaultTo("'{}'::jsonb"))));
    List<Statement> body =
        List.of(
            currencies,
            stmt(new Operation.Insert(table("currencies"), ids("code", "name"),
                rows(new String[] {"'EUR'", "'Euro'"}, new String[] {"'USD'", "'US dollar?'"}), false)),
            stmt(new Operation.Insert(table("currencies"), List.of(),
                rows(new String[] {"'JPY'", "'Yen'", "'{\"minor\": 0}'::jsonb"}), false)),
            stmt(new Operation.Insert(table("currencies"), ids("code", "name", "meta"),
                new InsertSource.Query(expr("SELECT 'XTS', 'test {0} ?', '{}'::jsonb WHERE '{\"a\": 1}'::jsonb ? 'a'")),
                true)),
            stmt(new Operation.Insert(table("currencies"), ids("code", "name"),
                rows(new String[] {"'EUR'", "'again'"}), true)),
            stmt(new Operation.Insert(table("currencies"), List.of(),
                new InsertSource.Query(expr("SELECT 'GBP', 'Pound', NULL")), false)));
    return GoldenCase.of(
        "insert",
        upgrade(BASE, List.of("0001_currencies"),
            up("0001_currencies", BASE, "currencies", body, insert("0001_currencies"))));
  }

  private static GoldenCase updateDeleteCase() {
    List<Statement> setup =
        List.of(
            stmt(createTable("accounts",
                column("id", type(INTEGER), primaryKey()),
                column("status", type(TEXT)),
                column("n", type(INTEGER), notNull(), defaultTo("0")),
                column("meta", type(JSONB), notNull(), defaultTo("'{}'::jsonb")))),
            stmt(new Operation.Insert(table("accounts"), ids("id", "meta"),
                rows(new String[] {"1", "'{\"closed\": true}'"}, new String[] {"2", "'{}'"}), false)));
    List<Statement> changes =
        List.of(
            stmt(new Operation.Update(table("accounts"),
                List.of(new Operation.Assignment(id("status"), expr("'closed'")),
                    new Operation.Assignment(id("meta"), expr("meta || '{\"why\": \"?\"}'::jsonb"))),
                Optional.of(expr("meta ? 'closed'")))),
            stmt(new Operation.Update(table("accounts"),
                List.of(new Operation.Assignment(id("n"), expr("n + 1"))), Optional.empty())),
            stmt(new Operation.Delete(table("accounts"), Optional.of(expr("status = 'closed'")))),
            stmt(new Operation.Delete(table("accounts"), Optional.empty())));
    return GoldenCase.of(
        "update_delete",
        upgrade(BASE, List.of("0002_changes"),
            up("0001_accounts", BASE, "accounts", setup, insert("0001_accounts")),
            up("0002_changes", List.of("0001_accounts"), "data changes", changes,
                update("0001_accounts", "0002_changes"))));
  }

  private static GoldenCase rawBlockCase() {
    String function =
        "\nCREATE FUNCTION touch() RETURNS trigger AS $$\n"
            + "BEGIN\n"
            + "  NEW.updated_at := now(); -- a ; inside\n"
            + "  RETURN NEW;\n"
            + "END;\n"
            + "$$ LANGUAGE plpgsql;\n\n"
            + "CREATE TRIGGER things_touch BEFORE UPDATE ON things\n"
            + "  FOR EACH ROW EXECUTE FUNCTION touch();\n";
    List<Statement> body =
        List.of(
            stmt(createTable("things", column("id", type(INTEGER)), column("updated_at", type(TIMESTAMPTZ)))),
            stmt(new Operation.RawSql("postgresql", function)),
            stmt(new Operation.RawSql("mysql", "CREATE TRIGGER things_touch BEFORE UPDATE ON things FOR EACH ROW SET NEW.updated_at = NOW();")),
            stmt(new Operation.RawSql("sqlite", "SELECT 1;")),
            noTransaction(new Operation.RawSql("postgresql", "VACUUM ANALYZE things")));
    return GoldenCase.of(
        "raw_block",
        upgrade(BASE, List.of("0001_things"), up("0001_things", BASE, "things", body, insert("0001_things"))));
  }

  private static Statement concurrentIndex(String name, String table, String column) {
    return stmt(new Operation.CreateIndex(Optional.of(id(name)), table(table), false, true, false,
        Optional.empty(), List.of(key(column)), List.of(), Optional.empty()));
  }

  private static GoldenCase noTransactionCase() {
    return GoldenCase.of(
        "no_transaction",
        upgrade(BASE, List.of("0003_last"),
            up("0001_t", BASE, "t", List.of(stmt(createTable("t", column("id", type(INTEGER)), column("v", type(TEXT))))),
                insert("0001_t")),
            up("0002_mid", List.of("0001_t"), "starts outside a transaction",
                List.of(
                    concurrentIndex("ix_t_id", "t", "id"),
                    noTransaction(new Operation.Update(table("t"),
                        List.of(new Operation.Assignment(id("v"), expr("'x'"))), Optional.empty())),
                    stmt(alter("t", new AlterAction.AddColumn(column("w", type(TEXT)), false))),
                    noTransaction(new Operation.RawSql("postgresql", "VACUUM t"))),
                update("0001_t", "0002_mid")),
            up("0003_last", List.of("0002_mid"), "ends outside a transaction",
                List.of(stmt(alter("t", new AlterAction.AddColumn(column("z", type(TEXT)), false))),
                    concurrentIndex("ix_t_w", "t", "w"),
                    concurrentIndex("ix_t_z", "t", "z")),
                update("0002_mid", "0003_last"))));
  }

  private static GoldenCase versionTableMergeCase() {
    return GoldenCase.of(
        "version_table_merge",
        upgrade(BASE, List.of("0004_merge"),
            up("0001_account", BASE, "create account",
                List.of(stmt(createTable("account", column("id", type(INTEGER), primaryKey()), column("name", type(TEXT))))),
                insert("0001_account")),
            up("0003_cart", List.of("0001_account"), "create cart",
                List.of(stmt(createTable("cart", column("id", type(INTEGER), primaryKey())))),
                update("0001_account", "0003_cart")),
            up("0002_last_tx", List.of("0001_account"), "add last_tx",
                List.of(stmt(alter("account", new AlterAction.AddColumn(column("last_tx", type(TIMESTAMP)), false)))),
                insert("0002_last_tx")),
            up("0004_merge", List.of("0002_last_tx", "0003_cart"), "merge",
                List.of(stmt(new Operation.Update(table("account"),
                    List.of(new Operation.Assignment(id("name"), expr("'x'"))), Optional.of(expr("name IS NULL"))))),
                delete("0002_last_tx"), update("0003_cart", "0004_merge"))));
  }

  private static GoldenCase versionTableUnmergeCase() {
    return GoldenCase.of(
        "version_table_unmerge",
        downgrade(List.of("0004_merge"), BASE,
            down("0004_merge", List.of("0002_last_tx", "0003_cart"), "merge", List.of(),
                insert("0003_cart"), update("0004_merge", "0002_last_tx")),
            down("0002_last_tx", List.of("0001_account"), "add last_tx",
                List.of(stmt(alter("account", new AlterAction.DropColumn(id("last_tx"), false, false)))),
                delete("0002_last_tx")),
            down("0003_cart", List.of("0001_account"), "create cart",
                List.of(stmt(new Operation.DropTable(table("cart"), false, false))),
                update("0003_cart", "0001_account")),
            down("0001_account", BASE, "create account",
                List.of(stmt(new Operation.DropTable(table("account"), true, true))),
                delete("0001_account"))))
        .after("version_table_merge");
  }

  private static GoldenCase versionTableCustomCase() {
    return GoldenCase.of(
            "version_table_custom",
            upgrade(BASE, List.of("0002_next"),
                up("0001_init", BASE, "init", List.of(), insert("0001_init")),
                up("0002_next", List.of("0001_init"), "next", List.of(), update("0001_init", "0002_next"))))
        .withOptions(new ScriptOptions("strata_version", Optional.of("public"), "0.1.0"));
  }

  private static GoldenCase versionTableQuotedCase() {
    return GoldenCase.of(
            "version_table_quoted",
            upgrade(BASE, List.of("0001_init"), up("0001_init", BASE, "init", List.of(), insert("0001_init"))))
        .withOptions(new ScriptOptions("Schema Versions", Optional.of("Ops"), "0.1.0"))
        .withPrelude("CREATE SCHEMA \"Ops\"");
  }

  private static GoldenCase quoteEscapingCase() {
    return GoldenCase.of(
        "quote_escaping",
        upgrade(BASE, List.of("x'y"),
            up("o'brien", BASE, "ids are literals", List.of(), insert("o'brien")),
            up("x'y", List.of("o'brien"), "", List.of(), update("o'brien", "x'y"))));
  }

  private static GoldenCase emptyPlanCase() {
    return GoldenCase.of("empty_plan", upgrade(List.of("0002_b", "0003_c"), List.of("0002_b", "0003_c")));
  }
}
