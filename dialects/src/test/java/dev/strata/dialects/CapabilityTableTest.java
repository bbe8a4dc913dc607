package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's dialect table and the capability table of {@code docs/dialects.md} are what {@link
 * CapabilityTable} generates from {@link Capability} and {@link Dialect}; {@code
 * -Dcapabilities.update=true} rewrites them (then read the diff).
 */
class CapabilityTableTest {
  private static final boolean UPDATE = Boolean.getBoolean("capabilities.update");
  private static final Path ROOT = Path.of("..");

  @Test
  void theReadmeTableIsGenerated() throws IOException {
    check(ROOT.resolve("README.md"), false);
  }

  @Test
  void theDialectsDocumentTableIsGenerated() throws IOException {
    check(ROOT.resolve("docs/dialects.md"), true);
  }

  @Test
  void everyCapabilityAndDialectIsInTheTable() {
    String table = CapabilityTable.markdown(true);
    assertEquals(Capability.values().length + 2, table.lines().count());
    for (Capability capability : Capability.values()) {
      assertTrue(table.contains("| `" + capability.name() + "` |"), capability.name());
    }
    assertTrue(table.startsWith("| behaviour | `Capability` | PostgreSQL (`psql`) | MySQL (`mysql`)"
        + " | MariaDB (`mariadb`) | SQLite (`sqlite3`) |\n"), table);
    assertTrue(table.contains("\n| DDL runs inside a transaction and rolls back with it"
        + " | `TRANSACTIONAL_DDL` | yes | no | no | yes |\n"), table);
  }

  @Test
  void onlyTheTextBetweenTheMarkersIsReplaced() {
    String document = "# t\n\n" + CapabilityTable.BEGIN + "\nold\n" + CapabilityTable.END
        + "\n\nafter\n";
    assertEquals("# t\n\n" + CapabilityTable.BEGIN + "\nnew\n" + CapabilityTable.END
        + "\n\nafter\n", CapabilityTable.replaced(document, "new"));
    assertThrows(IllegalArgumentException.class, () -> CapabilityTable.replaced("# t\n", "x"));
  }

  /** The lines between the markers, for a readable difference. */
  private static String table(String document) {
    int begin = document.indexOf(CapabilityTable.BEGIN);
    int end = document.indexOf(CapabilityTable.END);
    return begin < 0 || end < begin ? document : document.substring(begin, end);
  }

  private static void check(Path document, boolean names) throws IOException {
    String text = Files.readString(document, StandardCharsets.UTF_8);
    String expected = CapabilityTable.replaced(text, CapabilityTable.markdown(names));
    if (UPDATE) {
      Files.writeString(document, expected, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(table(expected), table(text), document + " holds another capability table than"
        + " Capability and Dialect give: regenerate it with " + CapabilityTable.REGENERATE);
    assertEquals(expected, text);
  }
}
