package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link ObjectName#quoted}: PostgreSQL's rule for names that need no quotes. */
class ObjectNameTest {
  /** The rule as PostgreSQL's documentation states it for names strata writes unquoted. */
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  @Test
  void namesAreQuotedWhenPostgresNeedsIt() {
    assertEquals("users", ObjectName.quoted("users"));
    assertEquals("_t1$x", ObjectName.quoted("_t1$x"));
    assertEquals("\"Users\"", ObjectName.quoted("Users"));
    assertEquals("\"1st\"", ObjectName.quoted("1st"));
    assertEquals("\"$a\"", ObjectName.quoted("$a"));
    assertEquals("\"a-b\"", ObjectName.quoted("a-b"));
    assertEquals("\"été\"", ObjectName.quoted("été"));
    assertEquals("\"\"", ObjectName.quoted(""));
    assertEquals("\"say \"\"hi\"\"\"", ObjectName.quoted("say \"hi\""));
  }

  @Test
  void aPublicNameIsReadBackFromItsDisplay() {
    assertEquals(java.util.Optional.of(new ObjectName("public", "users")),
        ObjectName.ofPublicDisplay("users"));
    assertEquals(java.util.Optional.of(new ObjectName("public", "Pets \"Log\"")),
        ObjectName.ofPublicDisplay("\"Pets \"\"Log\"\"\""));
    // another schema's name, an unquoted capital, a quoted plain name: no public name displays so
    assertEquals(java.util.Optional.empty(), ObjectName.ofPublicDisplay("audit.users"));
    assertEquals(java.util.Optional.empty(), ObjectName.ofPublicDisplay("Users"));
    assertEquals(java.util.Optional.empty(), ObjectName.ofPublicDisplay("\"users\""));
    assertEquals(java.util.Optional.empty(), ObjectName.ofPublicDisplay("\"\""));
    Random random = new Random(7);
    String alphabet = "az_09$AZ-\" .é";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder name = new StringBuilder("x");
      int length = random.nextInt(5);
      for (int i = 0; i < length; i++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      ObjectName named = new ObjectName("public", name.toString());
      assertEquals(java.util.Optional.of(named), ObjectName.ofPublicDisplay(named.display()),
          named.display());
    }
  }

  @Test
  void theRuleIsTheRegularExpressionsOnRandomNames() {
    Random random = new Random(13);
    String alphabet = "az_09$AZ-\" .é";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(5);
      for (int i = 0; i < length; i++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = name.toString();
      String expected = PLAIN.matcher(s).matches() ? s : '"' + s.replace("\"", "\"\"") + '"';
      assertEquals(expected, ObjectName.quoted(s), s);
    }
  }
}
