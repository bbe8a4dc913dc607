package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silencing and the machine-readable outputs through {@code strata lint} itself: allows in the
 * header and above statements, a stale allow, {@code [lint]} of {@code strata.toml}, an allow
 * without a reason, and SARIF of a real run validated against the SARIF 2.1.0 schema.
 */
class LintSilencingCliTest {
  @TempDir Path dir;

  private static final String INIT = """
      -- revision: 0001_init
      -- revises: base

      -- +upgrade
      CREATE TABLE users (
        id BIGINT PRIMARY KEY,
        email TEXT NOT NULL,
        bio TEXT
      );
      CREATE TABLE legacy (id BIGINT PRIMARY KEY);

      -- +downgrade
      DROP TABLE legacy;
      DROP TABLE users;
      """;

  private static final String CLEANUP = """
      -- revision: 0002_cleanup
      -- revises: 0001_init
      -- strata:allow drop-data bio and legacy were copied to profiles in 0001
      -- strata:allow statements-after-access-exclusive both tables are small: the locks last milliseconds

      -- +upgrade
      SET lock_timeout = '5s';
      -- strata:allow create-index-not-concurrently users holds 40 rows: a lookup table
      CREATE INDEX users_email ON users (email);
      ALTER TABLE users DROP COLUMN bio;
      DROP TABLE legacy;
      -- strata:allow rename the application reads users through a view
      CREATE INDEX users_bio ON users (email);

      -- +downgrade
      -- +irreversible
      """;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve("versions"));
    Files.writeString(dir.resolve("versions/0001_init.sql"), INIT);
    Files.writeString(dir.resolve("versions/0002_cleanup.sql"), CLEANUP);
  }

  private Cli lint(String... args) {
    // the in-process CLI reads paths against the JVM's directory: name the versions absolutely
    String[] all = new String[args.length + 3];
    all[0] = "lint";
    all[1] = "--versions";
    all[2] = dir.resolve("versions").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(new Environment(Map.of(), dir), all);
  }

  @Test
  void allowsSilenceAndAStaleOneIsReported() throws IOException {
    Cli cli = lint("--format", "json");
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode findings = JsonText.MAPPER.readTree(cli.out()).get("findings");
    StringBuilder shown = new StringBuilder();
    for (JsonNode f : findings) {
      shown.append(f.get("line").asInt()).append(':').append(f.get("column").asInt()).append(' ')
          .append(f.get("rule").asText()).append(' ').append(f.get("allowed").asText())
          .append('\n');
    }
    assertEquals("""
        9:14 create-index-not-concurrently users holds 40 rows: a lookup table
        10:31 drop-data bio and legacy were copied to profiles in 0001
        11:1 statements-after-access-exclusive both tables are small: the locks last milliseconds
        11:12 drop-data bio and legacy were copied to profiles in 0001
        12:17 unused-allow null
        13:14 create-index-not-concurrently null
        """, shown.toString());
    assertEquals("{\"errors\":0,\"warnings\":2,\"allowed\":4}",
        JsonText.MAPPER.readTree(cli.out()).get("summary").toString());
  }

  @Test
  void theProjectConfigurationTurnsRulesOffAndUpIntoErrors() throws IOException {
    Files.writeString(dir.resolve("strata.toml"), """
        [lint]
        rules = { "unused-allow" = "off", "create-index-not-concurrently" = "error" }
        """);
    Cli cli = lint("--format", "json");
    assertEquals(1, cli.exitCode(), cli.err());
    JsonNode findings = JsonText.MAPPER.readTree(cli.out()).get("findings");
    assertEquals(5, findings.size(), cli.out());
    for (JsonNode f : findings) {
      assertTrue(!f.get("rule").asText().equals("unused-allow"), cli.out());
    }
    assertEquals("error", findings.get(4).get("severity").asText());
    assertEquals("{\"errors\":1,\"warnings\":0,\"allowed\":4}",
        JsonText.MAPPER.readTree(cli.out()).get("summary").toString());
  }

  @Test
  void anAllowWithoutAReasonStopsLint() throws IOException {
    Files.writeString(dir.resolve("versions/0002_cleanup.sql"),
        CLEANUP.replace("-- strata:allow rename the application reads users through a view",
            "-- strata:allow rename"));
    Cli cli = lint();
    assertEquals(1, cli.exitCode());
    assertEquals("", cli.out());
    assertTrue(cli.err().startsWith(dir.resolve("versions") + "/" + """
        0002_cleanup.sql:12:23: error[E0685]: '-- strata:allow rename' gives no reason
          12 | -- strata:allow rename
             |                       ^
        """), cli.err());
  }

  @Test
  void theSarifOfARealRunIsValid() throws Exception {
    Cli cli = lint("--format", "sarif");
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode log = JsonText.MAPPER.readTree(cli.out());
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(in).validate(log);
      assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    }
    JsonNode results = log.get("runs").get(0).get("results");
    assertEquals(6, results.size());
    assertTrue(results.get(0).get("locations").get(0).get("physicalLocation")
        .get("artifactLocation").get("uri").asText().endsWith("versions/0002_cleanup.sql"));
    assertEquals("{\"kind\":\"inSource\",\"justification\":\"users holds 40 rows: a lookup"
        + " table\"}", results.get(0).get("suppressions").get(0).toString());
    assertTrue(results.get(5).get("suppressions") == null);
  }
}
