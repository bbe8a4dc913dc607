package dev.strata.compiler.lint;

import static dev.strata.compiler.lint.LintFixture.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.DialectId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoDowngradeRuleTest {
  @TempDir Path tmp;
  private int dirs;

  private static final String BASE = file("0001_base", "base", """
      CREATE TABLE accounts (id BIGINT PRIMARY KEY, code TEXT);
      """, "-- +downgrade\nDROP TABLE accounts;\n");

  private List<Finding> lint(DialectId dialect, String revision) throws Exception {
    return NoDowngradeRule.INSTANCE.check(
        LintFixture.revision(tmp.resolve("v" + dirs++), dialect, BASE, revision));
  }

  @Test
  void aDataStatementWithoutADowngradeSection() throws Exception {
    List<Finding> found = lint(DialectId.POSTGRESQL, file("0002_seed", "0001_base", """
        ALTER TABLE accounts ADD COLUMN note TEXT;
        INSERT INTO accounts (id, code) VALUES (1, 'cash');
        """, ""));
    assertEquals(List.of("6:1+6 no-downgrade: cannot derive the downgrade of '0002_seed': INSERT"
        + " changes data, which the model does not hold; the revision has no '-- +downgrade'"
        + " section"), found.stream().map(LintFixture::line).toList());
    assertEquals(Optional.of("write its '-- +downgrade' section, or mark it '-- +irreversible'"
        + " (a '-- +downgrade' line, then '-- +irreversible')"), found.getFirst().alternative());
    assertEquals("0002_seed", found.getFirst().revision());
  }

  @Test
  void everyDialectIsTold() throws Exception {
    for (DialectId dialect : DialectId.values()) {
      assertEquals(1, lint(dialect, file("0002_seed", "0001_base",
          "DELETE FROM accounts WHERE code = 'x';", "")).size(), dialect.id());
    }
  }

  @Test
  void derivableWrittenOrIrreversibleRevisionsAreFine() throws Exception {
    // derivable: strata writes the downgrade itself
    assertEquals(List.of(), lint(DialectId.POSTGRESQL, file("0002_b", "0001_base",
        "ALTER TABLE accounts ADD COLUMN note TEXT;\nCREATE INDEX ix ON accounts (code);", "")));
    // written
    assertEquals(List.of(), lint(DialectId.POSTGRESQL, file("0002_b", "0001_base",
        "INSERT INTO accounts (id, code) VALUES (1, 'cash');",
        "\n-- +downgrade\nDELETE FROM accounts WHERE id = 1;\n")));
    // marked irreversible, or no-op
    assertEquals(List.of(), lint(DialectId.POSTGRESQL, file("0002_b", "0001_base",
        "UPDATE accounts SET code = upper(code);", "\n-- +downgrade\n-- +irreversible\n")));
    assertEquals(List.of(), lint(DialectId.POSTGRESQL, file("0002_b", "0001_base",
        "UPDATE accounts SET code = upper(code);", "\n-- +downgrade\n-- +no-op\n")));
  }
}
