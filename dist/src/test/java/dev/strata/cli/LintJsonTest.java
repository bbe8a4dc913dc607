package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --format json}: the documented shape, exactly. */
class LintJsonTest {
  @Test
  void everyFieldOfEveryFinding() throws Exception {
    StringWriter out = new StringWriter();
    LintJson.write(LintFindings.sample(), LintFindings.ROOT, out);
    assertEquals("""
        {
          "format": "strata-lint",
          "version": 1,
          "findings": [
            {
              "rule": "create-index-not-concurrently",
              "severity": "warning",
              "revision": "0002_indexes",
              "dialect": "postgresql",
              "file": "versions/0002_indexes.sql",
              "line": 5,
              "column": 14,
              "endLine": 5,
              "endColumn": 25,
              "message": "CREATE INDEX users_email on existing table users blocks its writes while it is built",
              "locks": [
                {
                  "table": "users",
                  "level": "SHARE",
                  "rewrite": false,
                  "scan": true
                }
              ],
              "alternative": "CREATE INDEX CONCURRENTLY users_email ON users (email);",
              "allowed": null
            },
            {
              "rule": "drop-data",
              "severity": "error",
              "revision": "0003_drop",
              "dialect": "postgresql",
              "file": "versions/0003 drop.sql",
              "line": 5,
              "column": 31,
              "endLine": 5,
              "endColumn": 34,
              "message": "dropping column users.bio loses its data",
              "locks": [
                {
                  "table": "app.users",
                  "level": "ACCESS EXCLUSIVE",
                  "rewrite": false,
                  "scan": false
                }
              ],
              "alternative": null,
              "allowed": "bio moved to profiles in 0002"
            },
            {
              "rule": "unused-allow",
              "severity": "warning",
              "revision": "0003_drop",
              "dialect": "postgresql",
              "file": "versions/0003 drop.sql",
              "line": 3,
              "column": 17,
              "endLine": 3,
              "endColumn": 23,
              "message": "'-- strata:allow rename' silences nothing: no statement of this revision breaks the rule",
              "locks": [],
              "alternative": null,
              "allowed": null
            }
          ],
          "summary": {
            "errors": 0,
            "warnings": 2,
            "allowed": 1
          },
          "diagnostics": []
        }
        """, out.toString());
  }

  @Test
  void noFindings() throws Exception {
    StringWriter out = new StringWriter();
    LintJson.write(List.of(), LintFindings.ROOT, out);
    assertEquals("""
        {
          "format": "strata-lint",
          "version": 1,
          "findings": [],
          "summary": {
            "errors": 0,
            "warnings": 0,
            "allowed": 0
          },
          "diagnostics": []
        }
        """, out.toString());
  }
}
