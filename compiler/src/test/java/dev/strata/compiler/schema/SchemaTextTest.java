package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.SequenceOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@link SchemaText}: the neutral SQL-ish text of types, columns and options. */
class SchemaTextTest {

  @Test
  void typesAsTheStandardSpellsThem() {
    assertEquals("VARCHAR(64)", SchemaText.type(sized(Kind.VARCHAR, 64)));
    assertEquals("NUMERIC(12, 2)", SchemaText.type(Models.numeric(12, 2)));
    assertEquals("NUMERIC", SchemaText.type(DataType.of(Kind.NUMERIC)));
    assertEquals("DOUBLE PRECISION", SchemaText.type(DataType.of(Kind.DOUBLE_PRECISION)));
    assertEquals("TIMESTAMP(3) WITH TIME ZONE", SchemaText.type(sized(Kind.TIMESTAMPTZ, 3)));
    assertEquals("TIMESTAMP WITH TIME ZONE", SchemaText.type(DataType.of(Kind.TIMESTAMPTZ)));
    assertEquals("TIME WITH TIME ZONE", SchemaText.type(DataType.of(Kind.TIMETZ)));
    assertEquals("TIMESTAMP(6)", SchemaText.type(sized(Kind.TIMESTAMP, 6)));
    assertEquals("BIT VARYING(8)", SchemaText.type(sized(Kind.VARBIT, 8)));
    assertEquals("BIGSERIAL", SchemaText.type(DataType.of(Kind.BIGSERIAL)));
    assertEquals("TEXT[][]", SchemaText.type(DataType.of(Kind.TEXT).withArrayDimensions(2)));
    assertEquals("NUMERIC(10, 2)[]", SchemaText.type(Models.numeric(10, 2)
        .withArrayDimensions(1)));
    assertEquals("INT4RANGE", SchemaText.type(DataType.of(Kind.INT4RANGE)));
  }

  @Test
  void namedTypesFoldedAndQuotedAsPostgresWould() {
    assertEquals("mood", SchemaText.type(DataType.named(QualifiedName.of("Mood"), List.of())));
    assertEquals("billing.\"Mood\"[]", SchemaText.type(DataType.named(new QualifiedName(
        Optional.of(Identifier.of("billing")), new Identifier("Mood", true)), List.of())
        .withArrayDimensions(1)));
    assertEquals("vector(1536)", SchemaText.type(DataType.named(QualifiedName.of("vector"),
        List.of(Models.expr("1536")))));
  }

  @Test
  void columnsAlwaysSayTheirNullability() {
    assertEquals("settlement_utr VARCHAR(64) NULL",
        SchemaText.column(Models.column("settlement_utr", sized(Kind.VARCHAR, 64), false)));
    Column full = new Column("Amount", Models.numeric(12, 2), true,
        Optional.of(Models.expr("0")), Optional.empty(), Optional.empty(),
        Optional.of(QualifiedName.of("C")), Optional.of("ignored here"), Models.origin());
    assertEquals("\"Amount\" NUMERIC(12, 2) COLLATE c DEFAULT 0 NOT NULL",
        SchemaText.column(full));
  }

  @Test
  void sequenceOptions() {
    assertEquals("AS BIGINT INCREMENT BY -1 NO MINVALUE MAXVALUE 9 START WITH 9 RESTART CACHE 1"
            + " NO CYCLE OWNED BY NONE",
        SchemaText.sequenceOptions(List.of(new SequenceOption.As(DataType.of(Kind.BIGINT)),
            new SequenceOption.IncrementBy(-1), new SequenceOption.MinValue(Optional.empty()),
            new SequenceOption.MaxValue(Optional.of(9L)), new SequenceOption.StartWith(9),
            new SequenceOption.Restart(Optional.empty()), new SequenceOption.Cache(1),
            new SequenceOption.Cycle(false),
            new SequenceOption.OwnedBy(Optional.empty(), Optional.empty()))));
  }

  @Test
  void literals() {
    assertEquals("'it''s'", SchemaText.literal("it's"));
  }

  private static DataType sized(Kind kind, int size) {
    return new DataType(kind, OptionalInt.of(size), OptionalInt.empty());
  }
}
