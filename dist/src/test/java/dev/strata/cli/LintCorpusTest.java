package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.compiler.lint.LintSeverity;
import dev.strata.compiler.lint.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code strata lint} on the corpus of dangerous revisions ({@link LintCorpus}): every rule's
 * dangerous chain prints exactly its {@code expected.txt} and reports the rule, and none of its
 * variants (the safe alternative, the same-revision exemptions) reports it. {@code
 * -Dlint.corpus.update=true} rewrites the {@code expected.txt} files (then read the diff).
 */
class LintCorpusTest {
  private static final boolean UPDATE = Boolean.getBoolean("lint.corpus.update");

  @Test
  void everyRuleHasACorpusAndEveryCorpusARule() throws IOException {
    for (Rule rule : Rule.values()) {
      Path dir = LintCorpus.of(rule);
      assertTrue(Files.isDirectory(dir.resolve(LintCorpus.DANGEROUS)),
          "rule " + rule.id() + " has no corpus: write " + dir + "/versions/ (a chain whose last"
              + " revision triggers it), safe/ and " + LintCorpus.EXPECTED);
      assertTrue(Files.isRegularFile(dir.resolve(LintCorpus.EXPECTED)),
          dir + " has no " + LintCorpus.EXPECTED + ": run with -Dlint.corpus.update=true");
      if (rule.alternative().isPresent()) {
        assertTrue(LintCorpus.variants(rule).contains("safe"),
            rule.id() + " has a safe alternative, so its corpus needs safe/: " + dir);
      }
    }
    try (Stream<Path> list = Files.list(LintCorpus.root())) {
      List<String> strays = list.map(p -> p.getFileName().toString())
          .filter(n -> Rule.byId(n).isEmpty()).toList();
      assertEquals(List.of(), strays, "corpus directories without a rule");
    }
  }

  @ParameterizedTest
  @EnumSource(Rule.class)
  void theDangerousChainPrintsExactlyItsExpectedOutput(Rule rule) throws IOException {
    LintCorpus.Result result = LintCorpus.text(rule, LintCorpus.DANGEROUS);
    Path expected = LintCorpus.of(rule).resolve(LintCorpus.EXPECTED);
    if (UPDATE) {
      Files.writeString(expected, result.text(), StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), result.text(),
        rule.id() + ": regenerate with -Dlint.corpus.update=true and read the diff");
    List<JsonNode> own = LintCorpus.of(rule, LintCorpus.findings(rule, LintCorpus.DANGEROUS));
    assertFalse(own.isEmpty(), rule.id() + "/versions does not trigger " + rule.id() + ":\n"
        + result.text());
    Path last = LintCorpus.lastRevision(rule, LintCorpus.DANGEROUS);
    for (JsonNode finding : own) {
      assertTrue(finding.path("file").asText().endsWith("/versions/" + last.getFileName()),
          rule.id() + ": the finding is in the last revision of the chain, not in "
              + finding.path("file").asText());
      assertTrue(finding.path("line").asInt() > 0 && finding.path("column").asInt() > 0);
    }
    boolean error = own.stream().anyMatch(f -> f.path("severity").asText().equals("error"));
    assertEquals(error, rule.defaultSeverity() == LintSeverity.ERROR, rule.id());
    assertEquals(error ? 1 : 0, result.exitCode(), rule.id() + ": errors exit 1, warnings 0");
  }

  @ParameterizedTest
  @EnumSource(Rule.class)
  void noVariantTriggersTheRule(Rule rule) {
    for (String variant : LintCorpus.variants(rule)) {
      List<JsonNode> own = LintCorpus.of(rule, LintCorpus.findings(rule, variant));
      assertEquals(List.of(), own, rule.id() + "/" + variant + " must not trigger " + rule.id());
    }
  }

  @Test
  void theExemptionsAreCovered() {
    long tables = Arrays.stream(Rule.values())
        .filter(r -> LintCorpus.variants(r).contains("same-revision-table")).count();
    long columns = Arrays.stream(Rule.values())
        .filter(r -> LintCorpus.variants(r).contains("same-revision-column")).count();
    assertTrue(tables >= 8, "same-revision-table corpora: " + tables);
    assertTrue(columns >= 3, "same-revision-column corpora: " + columns);
  }
}
