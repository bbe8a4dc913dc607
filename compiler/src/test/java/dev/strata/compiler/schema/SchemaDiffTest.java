package dev.strata.compiler.schema;

import static dev.strata.compiler.schema.Models.column;
import static dev.strata.compiler.schema.Models.expr;
import static dev.strata.compiler.schema.Models.name;
import static dev.strata.compiler.schema.Models.numeric;
import static dev.strata.compiler.schema.Models.origin;
import static dev.strata.compiler.schema.Models.table;
import static dev.strata.compiler.schema.Models.type;
import static dev.strata.compiler.schema.Models.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.DataType.Kind;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.RoutineKind;
import dev.strata.grammar.ast.RoutineParameter;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.TriggerEvent;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SchemaDiff} on hand-built models: what it finds, in which order, how it says it. */
class SchemaDiffTest {

  private static final Column ID = column("id", type(Kind.BIGINT), true);
  private static final Column AMOUNT = column("amount", numeric(10, 2), true);
  private static final Constraint PK =
      new Constraint.PrimaryKey("payments_pkey", List.of("id"), ConstraintTiming.NONE, origin());
  private static final Table PAYMENTS = table("payments", List.of(ID, AMOUNT), List.of(PK));

  @Test
  void twoEqualModelsDifferInNothing() {
    SchemaModel model = new Models.Builder().table(PAYMENTS).build();
    assertEquals(List.of(), SchemaDiff.between(model, model));
    assertEquals(List.of(), SchemaDiff.between(SchemaModel.empty(), SchemaModel.empty()));
  }

  @Test
  void theSameDefinitionWrittenElsewhereIsNoChange() {
    Column at = column("at", type(Kind.TIMESTAMPTZ), true);
    Column defaulted = new Column("at", at.type(), true, Optional.of(expr("now()")),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at.origin());
    Column again = new Column("at", at.type(), true, Optional.of(expr("now()")),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at.origin());
    SchemaModel before = new Models.Builder().table(table("t", List.of(defaulted), List.of()))
        .build();
    SchemaModel after = new Models.Builder().table(table("t", List.of(again), List.of())).build();
    assertEquals(List.of(), SchemaDiff.between(before, after), "positions are not compared");
  }

  @Test
  void anAddedColumnAndIndexReadAsTheIssueSaysThem() {
    Column utr = column("settlement_utr", varchar(64), false);
    Index index = index("ix_payments_settled_on", "payments", "settled_on");
    Column settledOn = column("settled_on", type(Kind.DATE), false);
    Table wider = table("payments", List.of(ID, AMOUNT, utr, settledOn), List.of(PK));
    SchemaModel before = new Models.Builder().table(PAYMENTS).build();
    SchemaModel after = new Models.Builder().table(wider).index(index).build();
    assertEquals(List.of(
            "table `payments`: added column `settled_on DATE NULL`",
            "table `payments`: added column `settlement_utr VARCHAR(64) NULL`",
            "index `ix_payments_settled_on` created on `payments` `(settled_on)`"),
        descriptions(before, after));
    List<Change> changes = SchemaDiff.between(before, after);
    assertEquals("column.added", changes.get(1).kind());
    assertEquals("payments.settlement_utr", changes.get(1).object());
    assertEquals(Optional.empty(), changes.get(1).before());
    assertEquals(Optional.of("settlement_utr VARCHAR(64) NULL"), changes.get(1).after());
    assertEquals("index.created", changes.get(2).kind());
    assertEquals(Optional.of("ON payments (settled_on)"), changes.get(2).after());
  }

  @Test
  void eachColumnAttributeIsItsOwnChangeBeforeAndAfter() {
    Column before = new Column("amount", numeric(10, 2), false, Optional.of(expr("0")),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("in rupees"), origin());
    Column after = new Column("amount", numeric(12, 2), true, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(QualifiedName.of("C")), Optional.of("in paise"),
        before.origin());
    List<Change> changes = SchemaDiff.between(
        new Models.Builder().table(table("payments", List.of(before), List.of())).build(),
        new Models.Builder().table(table("payments", List.of(after), List.of())).build());
    assertEquals(List.of(
            "table `payments`: column `amount` type changed from `NUMERIC(10, 2)` to"
                + " `NUMERIC(12, 2)`",
            "table `payments`: column `amount` nullability changed from `NULL` to `NOT NULL`",
            "table `payments`: column `amount` default removed (was `0`)",
            "table `payments`: column `amount` collation set to `c`",
            "table `payments`: column `amount` comment changed from `'in rupees'` to"
                + " `'in paise'`"),
        changes.stream().map(Change::description).toList());
    assertEquals(List.of("type", "nullability", "default", "collation", "comment"),
        changes.stream().map(c -> c.attribute().orElseThrow()).toList());
    assertEquals(Optional.of("0"), changes.get(2).before());
    assertEquals(Optional.empty(), changes.get(2).after());
  }

  @Test
  void identityAndGeneratedColumns() {
    Column plain = column("n", type(Kind.BIGINT), true);
    Column identity = new Column("n", type(Kind.BIGINT), true, Optional.empty(),
        Optional.of(new dev.strata.grammar.ast.ColumnConstraint.Identity(true,
            List.of(new SequenceOption.StartWith(100)))),
        Optional.empty(), Optional.empty(), Optional.empty(), plain.origin());
    Column generated = new Column("n", type(Kind.BIGINT), true, Optional.empty(),
        Optional.empty(), Optional.of(expr("a + b")), Optional.empty(), Optional.empty(),
        plain.origin());
    assertEquals(List.of("table `t`: column `n` identity set to"
            + " `GENERATED ALWAYS AS IDENTITY (START WITH 100)`"),
        descriptions(model(table("t", List.of(plain), List.of())),
            model(table("t", List.of(identity), List.of()))));
    assertEquals(List.of(
            "table `t`: column `n` identity removed (was"
                + " `GENERATED ALWAYS AS IDENTITY (START WITH 100)`)",
            "table `t`: column `n` generated expression set to `a + b`"),
        descriptions(model(table("t", List.of(identity), List.of())),
            model(table("t", List.of(generated), List.of()))));
  }

  @Test
  void aTableWithTheSameOriginUnderAnotherNameIsRenamed() {
    Table renamed = new Table(name("payouts"), PAYMENTS.columns(), PAYMENTS.constraints(), false,
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), PAYMENTS.origin());
    Constraint fk = new Constraint.ForeignKey("refunds_payment_id_fkey", List.of("payment_id"),
        name("payments"), List.of("id"), Optional.empty(), Optional.of(ReferentialAction.CASCADE),
        Optional.empty(), ConstraintTiming.NONE, false, origin());
    Constraint fkAfter = new Constraint.ForeignKey("refunds_payment_id_fkey", List.of("payment_id"),
        name("payouts"), List.of("id"), Optional.empty(), Optional.of(ReferentialAction.CASCADE),
        Optional.empty(), ConstraintTiming.NONE, false, fk.origin());
    Column paymentId = column("payment_id", type(Kind.BIGINT), true);
    Table refunds = table("refunds", List.of(paymentId), List.of(fk));
    Table refundsAfter = new Table(name("refunds"), List.of(paymentId), List.of(fkAfter), false,
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), refunds.origin());
    Index index = index("payments_amount_idx", "payments", "amount");
    Index moved = new Index(index.name(), name("payouts"), false, Optional.empty(), index.keys(),
        List.of(), false, List.of(), Optional.empty(), Optional.empty(), index.origin());
    assertEquals(List.of("table `payments` renamed to `payouts`"),
        descriptions(new Models.Builder().table(PAYMENTS).table(refunds).index(index).build(),
            new Models.Builder().table(renamed).table(refundsAfter).index(moved).build()),
        "the foreign key and the index follow the table: no change of their own");
  }

  @Test
  void anotherTableOfTheSameShapeIsDroppedAndCreated() {
    Table other = table("payouts", PAYMENTS.columns(), PAYMENTS.constraints());
    assertEquals(List.of(
            "table `payments` dropped",
            "table `payouts` created `(id BIGINT NOT NULL, amount NUMERIC(10, 2) NOT NULL,"
                + " CONSTRAINT payments_pkey PRIMARY KEY (id))`"),
        descriptions(model(PAYMENTS), model(other)));
  }

  @Test
  void aColumnWithTheSameOriginUnderAnotherNameIsRenamed() {
    // by name: the rename is listed under the old name, `amount`, before `memo`
    Column renamed = new Column("total", AMOUNT.type(), true, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), AMOUNT.origin());
    Column dropped = column("memo", type(Kind.TEXT), false);
    assertEquals(List.of(
            "table `payments`: renamed column `amount` to `total`",
            "table `payments`: dropped column `memo TEXT NULL`"),
        descriptions(model(table("payments", List.of(ID, AMOUNT, dropped), List.of(PK))),
            model(table("payments", List.of(ID, renamed), List.of(PK)))));
  }

  @Test
  void constraintsAddedDroppedAndChanged() {
    Constraint check = new Constraint.Check("payments_amount_check", expr("amount > 0"), true,
        origin());
    Constraint validated = new Constraint.Check("payments_amount_check", expr("amount > 0"),
        false, origin());
    Constraint unique = new Constraint.Unique("payments_amount_key", List.of("amount"), true,
        ConstraintTiming.NONE, origin());
    assertEquals(List.of(
            "table `payments`: constraint `payments_amount_check` changed from"
                + " `CHECK (amount > 0) NOT VALID` to `CHECK (amount > 0)`",
            "table `payments`: added constraint `payments_amount_key UNIQUE NULLS NOT DISTINCT"
                + " (amount)`",
            "table `payments`: dropped constraint `payments_pkey PRIMARY KEY (id)`"),
        descriptions(model(table("payments", List.of(ID, AMOUNT), List.of(PK, check))),
            model(table("payments", List.of(ID, AMOUNT), List.of(validated, unique)))));
  }

  @Test
  void enumValuesAddedRenamedAndTypesCreated() {
    EnumType mood = new EnumType(name("mood"), List.of("sad", "ok"), Optional.empty(), origin());
    EnumType moodAfter = new EnumType(name("mood"), List.of("blue", "ok", "happy"),
        Optional.empty(), mood.origin());
    EnumType status = new EnumType(new ObjectName("billing", "status"), List.of("it's"),
        Optional.of("states"), origin());
    assertEquals(List.of(
            "type `billing.status` created as `ENUM ('it''s')`",
            "type `mood`: renamed value `'sad'` to `'blue'`",
            "type `mood`: added value `'happy'` after `'ok'`"),
        descriptions(new Models.Builder().type(mood).build(),
            new Models.Builder().type(moodAfter).type(status).build()));
    EnumType first = new EnumType(name("mood"), List.of("none", "sad", "ok"), Optional.empty(),
        mood.origin());
    assertEquals(List.of("type `mood`: added value `'none'` as its first value"),
        descriptions(new Models.Builder().type(mood).build(),
            new Models.Builder().type(first).build()));
  }

  @Test
  void sequencesByOption() {
    Sequence before = new Sequence(name("invoice_no"),
        List.of(new SequenceOption.IncrementBy(1), new SequenceOption.Cache(20)),
        Optional.empty(), Optional.empty(), origin());
    Sequence after = new Sequence(name("invoice_no"),
        List.of(new SequenceOption.IncrementBy(5), new SequenceOption.StartWith(1000)),
        Optional.of(new ColumnRef(name("invoices"), "no")), Optional.of("numbers"),
        before.origin());
    assertEquals(List.of(
            "sequence `invoice_no`: INCREMENT changed from `INCREMENT BY 1` to `INCREMENT BY 5`",
            "sequence `invoice_no`: START set to `START WITH 1000`",
            "sequence `invoice_no`: CACHE removed (was `CACHE 20`)",
            "sequence `invoice_no`: OWNED BY set to `invoices.no`",
            "sequence `invoice_no`: comment set to `'numbers'`"),
        descriptions(new Models.Builder().sequence(before).build(),
            new Models.Builder().sequence(after).build()));
    assertEquals(List.of("sequence `invoice_no` created `INCREMENT BY 1 CACHE 20`"),
        descriptions(SchemaModel.empty(), new Models.Builder().sequence(before).build()));
  }

  @Test
  void aChangedIndexIsDroppedAndCreated() {
    Index index = index("ix", "payments", "amount");
    Index unique = new Index(index.name(), index.table(), true, Optional.of("btree"),
        index.keys(), List.of(), false, List.of(), Optional.of(expr("amount > 0")),
        Optional.empty(), origin());
    List<Change> changes = SchemaDiff.between(
        new Models.Builder().table(PAYMENTS).index(index).build(),
        new Models.Builder().table(PAYMENTS).index(unique).build());
    assertEquals(List.of("index `ix` dropped",
            "unique index `ix` created on `payments` `(amount)`"),
        changes.stream().map(Change::description).toList());
    assertEquals(Optional.of("UNIQUE ON payments USING btree (amount) WHERE amount > 0"),
        changes.get(1).after());
  }

  @Test
  void viewsRoutinesTriggersExtensionsSchemas() {
    View view = new View(name("v"), false, definition("SELECT 1"), Optional.empty(), origin());
    View changed = new View(name("v"), false, definition("SELECT 2"), Optional.empty(), origin());
    Routine f = routine("CREATE", "$$ SELECT 1 $$");
    Routine replaced = routine("CREATE OR REPLACE", "$$ SELECT 2 $$");
    Routine same = routine("CREATE OR REPLACE", "$$ SELECT 1 $$");
    Trigger trigger = trigger("touch", "payments");
    Extension crypto = new Extension("pgcrypto", Optional.empty(), origin());
    SchemaModel before = new Models.Builder().view(view).routine(f).table(PAYMENTS)
        .trigger(trigger).schema("old").build();
    SchemaModel after = new Models.Builder().view(changed).routine(replaced).table(PAYMENTS)
        .extension(crypto).schema("billing").build();
    assertEquals(List.of(
            "schema `billing` created",
            "schema `old` dropped",
            "extension `pgcrypto` created",
            "view `v` changed",
            "function `touch_at()` replaced",
            "trigger `touch` on `payments` dropped"),
        descriptions(before, after));
    assertEquals(List.of(),
        descriptions(new Models.Builder().routine(f).build(),
            new Models.Builder().routine(same).build()),
        "CREATE OR REPLACE of the same body changes nothing");
  }

  @Test
  void theOrderIsByKindThenName() {
    Table a = table("a", List.of(column("x", type(Kind.INTEGER), false)), List.of());
    Table b = table("b", List.of(column("x", type(Kind.INTEGER), false)), List.of());
    Index ia = index("a_x_idx", "a", "x");
    EnumType t = new EnumType(name("t"), List.of("v"), Optional.empty(), origin());
    List<Change> changes = SchemaDiff.between(SchemaModel.empty(),
        new Models.Builder().table(b).index(ia).table(a).type(t).schema("s").build());
    assertEquals(List.of("schema.created", "type.created", "table.created", "table.created",
        "index.created"), changes.stream().map(Change::kind).toList());
    assertEquals(List.of("s", "t", "a", "b", "a_x_idx"),
        changes.stream().map(Change::object).toList());
    assertEquals(changes, SchemaDiff.between(SchemaModel.empty(),
        new Models.Builder().schema("s").type(t).table(a).table(b).index(ia).build()),
        "the order of creation does not matter");
  }

  private static Index index(String name, String table, String column) {
    return new Index(name(name), name(table), false, Optional.empty(),
        List.of(new IndexElement(Optional.of(Identifier.of(column)), Optional.empty(),
            IndexElement.SortOrder.DEFAULT)),
        List.of(), false, List.of(), Optional.empty(), Optional.empty(), origin());
  }

  private static ViewDefinition definition(String query) {
    return new ViewDefinition(List.of(), List.of(), expr(query), List.of());
  }

  private static Routine routine(String create, String body) {
    var definition = new Operation.PostgresOnly.CreateRoutine(RoutineKind.FUNCTION,
        create.contains("REPLACE"), QualifiedName.of("touch_at"),
        List.<RoutineParameter>of(), Optional.of("trigger"), Optional.of("plpgsql"),
        Optional.of(body), List.of());
    return new Routine(name("touch_at"), RoutineKind.FUNCTION, List.of(), definition,
        create + " touch_at() RETURNS trigger LANGUAGE plpgsql AS $$" + body + "$$", origin());
  }

  private static Trigger trigger(String name, String table) {
    var definition = new Operation.PostgresOnly.CreateTrigger(Identifier.of(name), false, false,
        Operation.PostgresOnly.TriggerTiming.BEFORE,
        List.of(new TriggerEvent(TriggerEvent.Kind.UPDATE, List.of())), QualifiedName.of(table),
        Optional.empty(), List.of(), true, Optional.empty(), QualifiedName.of("touch_at"),
        Optional.empty());
    return new Trigger(name, name(table), definition, "CREATE TRIGGER " + name + " BEFORE UPDATE ON "
        + table + " FOR EACH ROW EXECUTE FUNCTION touch_at()", origin());
  }

  private static SchemaModel model(Table table) {
    return new Models.Builder().table(table).build();
  }

  private static List<String> descriptions(SchemaModel before, SchemaModel after) {
    return SchemaDiff.between(before, after).stream().map(Change::description).toList();
  }
}
