package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.grammar.DialectId;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample chain {@code versions/} lints clean for every dialect with {@code --strict}: each
 * finding is silenced by a {@code -- strata:allow} with its reason (shown in the JSON report), and
 * no allow is stale.
 */
class SampleChainLintTest {
  @ParameterizedTest
  @EnumSource(DialectId.class)
  void theSampleChainLintsCleanWithExplainedAllows(DialectId dialect) throws Exception {
    String versions = Cli.sampleVersions().toString();
    Cli text = Cli.run(new Environment(Map.of(), Cli.repoRoot()), "lint", "--strict",
        "--dialect", dialect.id(), "--versions", versions);
    assertEquals(0, text.exitCode(), text.err() + text.out());
    // nothing counts: stderr lists only the silenced findings, each with the reason it is allowed
    assertFalse(text.err().isEmpty(), "the report shows the allowed findings on " + dialect.id());
    for (String line : text.err().split("\n")) {
      assertTrue(line.matches(".*/versions/\\d{4}_\\w+\\.sql:\\d+:\\d+: allowed\\[[a-z-]+\\]: .{40,}"),
          "no finding counts on " + dialect.id() + ": " + line);
    }
    assertTrue(text.out().matches("lint: 28 revisions, 0 errors, 0 warnings \\(\\d+ allowed\\)\\n"),
        text.out());

    Cli json = Cli.run(new Environment(Map.of(), Cli.repoRoot()), "lint", "--dialect",
        dialect.id(), "--versions", versions, "--format", "json");
    JsonNode findings = new ObjectMapper().readTree(json.out()).path("findings");
    assertFalse(findings.isEmpty(), "the sample chain has findings to explain on " + dialect.id());
    for (JsonNode finding : findings) {
      String reason = finding.path("allowed").asText("");
      assertTrue(reason.length() >= 40, "an allow a DBA can check, not '" + reason + "': "
          + finding);
    }
  }
}
