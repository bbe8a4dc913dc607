package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.strata.compiler.lint.Rule;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --format sarif}: valid against the official SARIF 2.1.0 JSON schema (OASIS, draft-04;
 * {@code src/test/resources/sarif/SOURCE.md} says where it comes from), and exactly the log
 * documented.
 */
class LintSarifTest {
  private static Schema schema() throws Exception {
    try (InputStream in = LintSarifTest.class.getResourceAsStream(
        "/sarif/sarif-schema-2.1.0.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }

  private static String sarif(List<dev.strata.compiler.lint.Finding> findings) throws Exception {
    StringWriter out = new StringWriter();
    LintSarif.write(findings, LintFindings.ROOT, out);
    return out.toString();
  }

  @Test
  void theLogIsValidSarif() throws Exception {
    Schema schema = schema();
    for (String log : List.of(sarif(LintFindings.sample()), sarif(List.of()))) {
      List<Error> errors = schema.validate(JsonText.MAPPER.readTree(log));
      assertEquals(List.of(), errors.stream().map(Error::toString).toList(), log);
    }
  }

  /** The report: a revision that does not parse left the SARIF file empty. */
  @Test
  void whatStoppedLintIsAResultAndAFailedInvocation() throws Exception {
    dev.strata.grammar.SourceFile source = new dev.strata.grammar.SourceFile(
        LintFindings.ROOT.resolve("versions/0002_bad.sql").toString(), "-- +upgrade\nCREAT x;\n");
    dev.strata.grammar.Diagnostic error = dev.strata.grammar.Diagnostic.error("E0111",
        "statement starting with 'CREAT' is not in the language", source,
        new dev.strata.grammar.Span(2, 1, 5), "help: check the spelling");
    StringWriter out = new StringWriter();
    LintSarif.write(List.of(), List.of(error), LintFindings.ROOT, out);
    JsonNode log = JsonText.MAPPER.readTree(out.toString());
    assertEquals(List.of(), schema().validate(log).stream().map(Error::toString).toList());
    JsonNode run = log.get("runs").get(0);
    assertEquals(false, run.get("invocations").get(0).get("executionSuccessful").asBoolean());
    JsonNode result = run.get("results").get(0);
    assertEquals("E0111", result.get("ruleId").asText());
    assertEquals("error", result.get("level").asText());
    assertEquals("statement starting with 'CREAT' is not in the language\nhelp: check the"
        + " spelling", result.get("message").get("text").asText());
    JsonNode location = result.get("locations").get(0).get("physicalLocation");
    assertEquals("versions/0002_bad.sql", location.get("artifactLocation").get("uri").asText());
    assertEquals(2, location.get("region").get("startLine").asInt());
    assertEquals(6, location.get("region").get("endColumn").asInt());
  }

  @Test
  void theSchemaCatchesABrokenLog() throws Exception {
    // the validation is real: a result without its message, a bad level, are refused
    ObjectNode log = (ObjectNode) JsonText.MAPPER.readTree(sarif(LintFindings.sample()));
    ObjectNode result = (ObjectNode) log.get("runs").get(0).get("results").get(0);
    result.remove("message");
    result.put("level", "fatal");
    assertEquals(2, schema().validate(log).size(), schema().validate(log).toString());
  }

  @Test
  void everyRuleIsDescribedInDeclarationOrder() throws Exception {
    JsonNode rules = JsonText.MAPPER.readTree(sarif(List.of()))
        .get("runs").get(0).get("tool").get("driver").get("rules");
    assertEquals(Rule.values().length, rules.size());
    for (Rule rule : Rule.values()) {
      JsonNode node = rules.get(rule.ordinal());
      assertEquals(rule.id(), node.get("id").asText());
      assertEquals(rule.reason(), node.get("shortDescription").get("text").asText());
      assertEquals(rule.defaultSeverity().label(),
          node.get("defaultConfiguration").get("level").asText());
    }
    assertEquals("""
        {
          "id": "create-index-not-concurrently",
          "shortDescription": {
            "text": "CREATE INDEX without CONCURRENTLY blocks writes to the table while the index is built"
          },
          "help": {
            "text": "Safe alternative: CREATE INDEX CONCURRENTLY (strata runs it outside the transaction)"
          },
          "defaultConfiguration": {
            "level": "warning"
          },
          "properties": {
            "dialects": [
              "postgresql"
            ]
          }
        }
        """, JsonText.write(rules.get(Rule.CREATE_INDEX_NOT_CONCURRENTLY.ordinal())));
    assertEquals("No safe alternative: review the statement, then silence the finding with --"
        + " strata:allow drop-data <reason>",
        rules.get(Rule.DROP_DATA.ordinal()).get("help").get("text").asText());
  }

  @Test
  void theResultsExactly() throws Exception {
    ObjectNode log = (ObjectNode) JsonText.MAPPER.readTree(sarif(LintFindings.sample()));
    ObjectNode driver = (ObjectNode) log.get("runs").get(0).get("tool").get("driver");
    ArrayNode rules = (ArrayNode) driver.remove("rules");
    assertEquals(Rule.values().length, rules.size());
    String version = ToolVersion.get();
    assertEquals("""
        {
          "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
          "version": "2.1.0",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "strata",
                  "version": "VERSION",
                  "semanticVersion": "VERSION"
                }
              },
              "results": [
                {
                  "ruleId": "create-index-not-concurrently",
                  "ruleIndex": 0,
                  "level": "warning",
                  "message": {
                    "text": "CREATE INDEX users_email on existing table users blocks its writes while it is built\\nSafe alternative: CREATE INDEX CONCURRENTLY users_email ON users (email);"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "versions/0002_indexes.sql",
                          "uriBaseId": "SRCROOT"
                        },
                        "region": {
                          "startLine": 5,
                          "startColumn": 14,
                          "endLine": 5,
                          "endColumn": 25
                        }
                      }
                    }
                  ],
                  "properties": {
                    "revision": "0002_indexes",
                    "dialect": "postgresql",
                    "locks": [
                      {
                        "table": "users",
                        "level": "SHARE",
                        "rewrite": false,
                        "scan": true
                      }
                    ]
                  }
                },
                {
                  "ruleId": "drop-data",
                  "ruleIndex": RULE_DROP,
                  "level": "error",
                  "message": {
                    "text": "dropping column users.bio loses its data"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "versions/0003%20drop.sql",
                          "uriBaseId": "SRCROOT"
                        },
                        "region": {
                          "startLine": 5,
                          "startColumn": 31,
                          "endLine": 5,
                          "endColumn": 34
                        }
                      }
                    }
                  ],
                  "suppressions": [
                    {
                      "kind": "inSource",
                      "justification": "bio moved to profiles in 0002"
                    }
                  ],
                  "properties": {
                    "revision": "0003_drop",
                    "dialect": "postgresql",
                    "locks": [
                      {
                        "table": "app.users",
                        "level": "ACCESS EXCLUSIVE",
                        "rewrite": false,
                        "scan": false
                      }
                    ]
                  }
                },
                {
                  "ruleId": "unused-allow",
                  "ruleIndex": RULE_UNUSED,
                  "level": "warning",
                  "message": {
                    "text": "'-- strata:allow rename' silences nothing: no statement of this revision breaks the rule"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "versions/0003%20drop.sql",
                          "uriBaseId": "SRCROOT"
                        },
                        "region": {
                          "startLine": 3,
                          "startColumn": 17,
                          "endLine": 3,
                          "endColumn": 23
                        }
                      }
                    }
                  ],
                  "properties": {
                    "revision": "0003_drop",
                    "dialect": "postgresql",
                    "locks": []
                  }
                }
              ],
              "invocations": [
                {
                  "executionSuccessful": true
                }
              ],
              "columnKind": "utf16CodeUnits"
            }
          ]
        }
        """.replace("VERSION", version)
        .replace("RULE_DROP", Integer.toString(Rule.DROP_DATA.ordinal()))
        .replace("RULE_UNUSED", Integer.toString(Rule.UNUSED_ALLOW.ordinal())),
        JsonText.write(log));
  }
}
