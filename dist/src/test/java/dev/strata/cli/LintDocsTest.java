package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.lint.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The rules part of {@code docs/lint.md} is what {@link LintDocs} generates from {@link Rule}, the
 * corpus and the real output of {@code strata lint}, so the documentation cannot drift from the
 * rules; {@code -Dlint.docs.update=true} rewrites it (then read the diff). README and cli.md link
 * to it.
 */
class LintDocsTest {
  private static final boolean UPDATE = Boolean.getBoolean("lint.docs.update");

  @Test
  void theRulesSectionIsGenerated() throws IOException {
    Path document = Cli.repoRoot().resolve("docs/lint.md");
    String text = Files.readString(document, StandardCharsets.UTF_8);
    String expected = LintDocs.replaced(LintDocs.replaced(text, LintDocs.markdown()),
        LintDocs.LOCKS_BEGIN, LintDocs.LOCKS_END, LintDocs.locksMarkdown());
    if (UPDATE) {
      Files.writeString(document, expected, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(expected, text, "docs/lint.md holds other rules (or another lock report) than Rule and the corpus give:"
        + " regenerate it with -Dlint.docs.update=true and read the diff");
  }

  @Test
  void everyRuleHasItsSection() throws IOException {
    String text = Files.readString(Cli.repoRoot().resolve("docs/lint.md"), StandardCharsets.UTF_8);
    for (Rule rule : Rule.values()) {
      assertTrue(text.contains("\n### `" + rule.id() + "`\n"), rule.id());
    }
  }

  @Test
  void theReadmeAndTheCliReferenceLinkToIt() throws IOException {
    for (String doc : new String[] {"README.md", "docs/cli.md"}) {
      String text = Files.readString(Cli.repoRoot().resolve(doc), StandardCharsets.UTF_8);
      assertTrue(text.contains("lint.md"), doc + " links to docs/lint.md");
    }
  }

  @Test
  void onlyTheTextBetweenTheMarkersIsReplaced() {
    String document = "# t\n\n" + LintDocs.BEGIN + "\nold\n" + LintDocs.END + "\n\nafter\n";
    assertEquals("# t\n\n" + LintDocs.BEGIN + "\n\nnew\n\n" + LintDocs.END + "\n\nafter\n",
        LintDocs.replaced(document, "new\n"));
    assertThrows(IllegalArgumentException.class, () -> LintDocs.replaced("# t\n", "x"));
  }
}
