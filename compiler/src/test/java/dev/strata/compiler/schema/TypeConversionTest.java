package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * {@link TypeConversion} against PostgreSQL itself: for every pair of the types below, a column of
 * the first changed to the second without {@code USING} succeeds exactly where the answer is
 * {@link TypeConversion.Answer#AUTOMATIC}, and fails exactly where it is {@link
 * TypeConversion.Answer#NEEDS_USING}.
 */
class TypeConversionTest {
  private static final DataType MOOD = DataType.named(QualifiedName.of("mood"), List.of());

  /** PostgreSQL's spelling of each type, and strata's. */
  private static Map<String, DataType> types() {
    Map<String, DataType> types = new LinkedHashMap<>();
    for (Kind kind : List.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT, Kind.REAL,
        Kind.DOUBLE_PRECISION, Kind.TEXT, Kind.BOOLEAN, Kind.DATE, Kind.TIME, Kind.TIMESTAMP,
        Kind.TIMESTAMPTZ, Kind.INTERVAL, Kind.JSON, Kind.JSONB, Kind.UUID, Kind.BYTEA,
        Kind.TIMETZ, Kind.VARBIT, Kind.XML, Kind.MONEY, Kind.INET)) {
      types.put(SchemaText.type(DataType.of(kind)), DataType.of(kind));
    }
    types.put("NUMERIC(10, 2)", new DataType(Kind.NUMERIC, OptionalInt.of(10), OptionalInt.of(2)));
    types.put("VARCHAR(10)", new DataType(Kind.VARCHAR, OptionalInt.of(10), OptionalInt.empty()));
    types.put("CHAR(5)", new DataType(Kind.CHAR, OptionalInt.of(5), OptionalInt.empty()));
    types.put("BIT(3)", new DataType(Kind.BIT, OptionalInt.of(3), OptionalInt.empty()));
    types.put("INTEGER[]", DataType.of(Kind.INTEGER).withArrayDimensions(1));
    types.put("TEXT[]", DataType.of(Kind.TEXT).withArrayDimensions(1));
    types.put("mood", MOOD);
    return types;
  }

  @Test
  void answersAsPostgresqlDoes() {
    Map<String, DataType> types = types();
    List<String> wrong = new ArrayList<>();
    int asked = 0;
    try (TestDatabase database = TestDatabase.create("postgresql", "typeconv")) {
      database.execute("CREATE TYPE mood AS ENUM ('a', 'b')");
      int table = 0;
      for (Map.Entry<String, DataType> from : types.entrySet()) {
        for (Map.Entry<String, DataType> to : types.entrySet()) {
          TypeConversion.Answer answer =
              TypeConversion.of(from.getValue(), to.getValue(), type -> type.equals(MOOD));
          if (answer == TypeConversion.Answer.UNKNOWN) {
            continue;
          }
          asked++;
          String name = "t" + table++;
          database.execute("CREATE TABLE " + name + " (c " + from.getKey() + ")");
          boolean converted;
          try {
            database.execute("ALTER TABLE " + name + " ALTER COLUMN c TYPE " + to.getKey());
            converted = true;
          } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("cannot be cast automatically"), e.getMessage());
            converted = false;
          }
          if (converted != (answer == TypeConversion.Answer.AUTOMATIC)) {
            wrong.add(from.getKey() + " -> " + to.getKey() + ": strata says " + answer
                + ", PostgreSQL " + (converted ? "converts" : "refuses"));
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
    // the money and inet pairs are PostgreSQL's own types, which strata does not answer for
    assertTrue(asked > 600, "asked " + asked);
  }
}
