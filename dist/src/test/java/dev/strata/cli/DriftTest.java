package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Origin;
import dev.strata.compiler.schema.Routine;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RoutineKind;
import dev.strata.grammar.ast.Operation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The normal forms {@link Drift} compares the revisions' and the catalog's spellings by. */
class DriftTest {

  @Test
  void expressionsAsWrittenMatchPostgresqlsSpelling() {
    same("amount > 0", "(amount > (0)::numeric)");
    same("'PENDING'", "'PENDING'::character varying");
    same("now()", "now()");
    same("-1", "'-1'::integer");
    same("nextval('statement_number_seq')", "nextval('statement_number_seq'::regclass)");
    same("kyc_status IN ('PENDING', 'VERIFIED')",
        "((kyc_status)::text = ANY ((ARRAY['PENDING'::character varying,"
            + " 'VERIFIED'::character varying])::text[]))");
    same("status NOT IN ('A', 'B')",
        "(status <> ALL (ARRAY['A'::cash_request_status, 'B'::cash_request_status]))");
    same("pan IS NULL OR pan SIMILAR TO '[A-Z]{5}'",
        "((pan IS NULL) OR ((pan)::text ~ similar_to_escape('[A-Z]{5}'::text)))");
    same("name LIKE 'a%'", "((name)::text ~~ 'a%'::text)");
    same("a != b", "(a <> b)");
    same("x::timestamp(3) with time zone", "x");
    same("\"Order\" > 1", "(\"Order\" > 1)");
    assertNotEquals(Drift.normal("amount > 0"), Drift.normal("(amount >= (0)::numeric)"));
    assertNotEquals(Drift.normal("'Pending'"), Drift.normal("'PENDING'::text"));
    assertNotEquals(Drift.normal("\"Order\""), Drift.normal("\"order\""));
  }

  private static void same(String written, String catalog) {
    assertEquals(Drift.normal(written), Drift.normal(catalog), written + " / " + catalog);
  }

  @Test
  void typesAsWrittenMatchTheCatalogsTypes() {
    OptionalInt none = OptionalInt.empty();
    assertEquals(Drift.canonical(CatalogReader.type("pg_catalog", "int4", -1)),
        Drift.canonical(DataType.of(DataType.Kind.SERIAL)));
    assertEquals(Drift.canonical(CatalogReader.type("pg_catalog", "bpchar", 5)),
        Drift.canonical(DataType.of(DataType.Kind.CHAR)));
    assertEquals(Drift.canonical(CatalogReader.type("pg_catalog", "numeric", (20 << 16 | 4) + 4)),
        Drift.canonical(new DataType(DataType.Kind.NUMERIC, OptionalInt.of(20), OptionalInt.of(4))));
    assertEquals(Drift.canonical(CatalogReader.type("pg_catalog", "varchar", 68)),
        Drift.canonical(new DataType(DataType.Kind.VARCHAR, OptionalInt.of(64), none)));
    assertEquals(Drift.canonical(CatalogReader.type("pg_catalog", "timestamptz", 3)),
        Drift.canonical(new DataType(DataType.Kind.TIMESTAMPTZ, OptionalInt.of(3), none)));
    assertEquals(Drift.canonical(CatalogReader.type("pg_catalog", "timestamptz", -1)),
        Drift.canonical(DataType.of(DataType.Kind.TIMESTAMPTZ)));
    assertEquals(Drift.canonical(CatalogReader.type("public", "mood", -1)),
        Drift.canonical(DataType.named(QualifiedName.of("Mood"), List.of())));
    assertEquals(Drift.canonical(CatalogReader.type("audit", "op", -1).withArrayDimensions(1)),
        Drift.canonical(DataType.named(new QualifiedName(Optional.of(Identifier.of("audit")),
            Identifier.of("op")), List.of()).withArrayDimensions(1)));
    assertNotEquals(Drift.canonical(CatalogReader.type("pg_catalog", "varchar", 68)),
        Drift.canonical(new DataType(DataType.Kind.VARCHAR, OptionalInt.of(65), none)));
  }

  @Test
  void routineSignaturesMatchByPostgresqlsTypeNames() {
    assertEquals(Drift.canonicalSignature(routine("int", "varchar(10)", "timestamptz")),
        Drift.canonicalSignature(
            routine("integer", "character varying", "timestamp with time zone")));
  }

  private static Routine routine(String... types) {
    ObjectName name = new ObjectName("public", "f");
    return new Routine(name, RoutineKind.FUNCTION, List.of(types),
        new Operation.PostgresOnly.CreateRoutine(RoutineKind.FUNCTION, false, QualifiedName.of("f"),
            List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
        "", new Origin("r", "r.sql", Span.at(1, 1)));
  }
}
