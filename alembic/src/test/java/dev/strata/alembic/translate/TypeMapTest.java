package dev.strata.alembic.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.grammar.DiagnosticException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --type-map NAME=TYPE} entries: read, and refused with E0715-E0718. */
class TypeMapTest {
  @Test
  void readsEntriesInOrderAndTrimsThem() throws Exception {
    TypeMap map = TypeMap.parse(List.of("myapp.types.GUID=UUID",
        " sqlalchemy_utils.JSONType = JSONB ", "myapp.types.Money=NUMERIC(12, 2)",
        "myapp.types.GUID=UUID"));
    assertEquals(Map.of("myapp.types.GUID", "UUID", "sqlalchemy_utils.JSONType", "JSONB",
        "myapp.types.Money", "NUMERIC(12, 2)"), map.types());
    assertEquals(List.of("myapp.types.GUID", "sqlalchemy_utils.JSONType", "myapp.types.Money"),
        List.copyOf(map.types().keySet()));
  }

  @Test
  void entryWithoutEquals() {
    assertEquals("""
        --type-map:1:1: error[E0715]: type mapping 'myapp.types.GUID' has no '='
          1 | myapp.types.GUID
            | ^^^^^^^^^^^^^^^^
          = help: write NAME=TYPE, e.g. myapp.types.GUID=UUID
        """, refused("myapp.types.GUID"));
  }

  @Test
  void nameThatIsNotAPythonName() {
    assertEquals("""
        --type-map:1:1: error[E0716]: 'my-app.GUID' is not a Python name
          1 | my-app.GUID=UUID
            | ^^^^^^^^^^^
          = help: name the class with the module it is imported from, e.g. myapp.types.GUID or sqlalchemy_utils.UUIDType
          = note: a revision file's 'from myapp.types import GUID' makes 'GUID' mean myapp.types.GUID
        """, refused("my-app.GUID=UUID"));
  }

  @Test
  void aBareNameIsAClassOfTheRevisionFile() throws Exception {
    assertEquals(Map.of("GUID", "UUID"), TypeMap.parse(List.of("GUID=UUID")).types());
  }

  @Test
  void typeThatStrataDoesNotParse() {
    assertEquals("""
        --type-map:1:18: error[E0717]: 'UUID NOT NULL' is not a column type of strata's language
          1 | myapp.types.GUID=UUID NOT NULL
            |                  ^^^^^^^^^^^^^
          = note: strata's parser says: 'UUID NOT NULL' is not one type
          = help: write the type as in a revision file: UUID, VARCHAR(255), NUMERIC(12, 2), JSONB, TEXT[]
        """, refused("myapp.types.GUID=UUID NOT NULL"));
  }

  @Test
  void sameNameMappedTwice() {
    assertEquals("""
        --type-map:2:1: error[E0718]: 'myapp.types.GUID' is mapped twice: to UUID and to TEXT
          2 | myapp.types.GUID=TEXT
            | ^^^^^^^^^^^^^^^^
          = help: keep one mapping for each type
        """, refused("myapp.types.GUID=UUID", "myapp.types.GUID=TEXT"));
  }

  @Test
  void everyBadEntryIsReported() {
    DiagnosticException refused = assertThrows(DiagnosticException.class,
        () -> TypeMap.parse(List.of("a", "b c=UUID", "c.d=UUID")));
    assertEquals(List.of("E0715", "E0716"),
        refused.diagnostics().stream().map(d -> d.code()).toList());
  }

  private static String refused(String... entries) {
    return assertThrows(DiagnosticException.class, () -> TypeMap.parse(List.of(entries)))
        .format();
  }
}
