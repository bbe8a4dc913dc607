package dev.strata.cli;

import static dev.strata.cli.Archives.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata verify} reads {@code MANIFEST.json} strictly (E0534, at its line and column) and
 * checks that it describes the scripts it lists (E0535). Every manifest here is a consistent lie:
 * {@code SHA256SUMS} and the manifest's own checksums are made to match it.
 */
class VerifyManifestTest {
  static final String BAD = "  = help: MANIFEST.json was changed or damaged after the bundle was"
      + " made; do not apply it\n";
  static final String LIES = "  = help: MANIFEST.json does not describe the scripts it lists: it"
      + " was changed after the bundle was made; do not apply it\n";
  private static final String UP1 = "revisions/0001_0018_create_dividend_events.up.sql";

  @TempDir static Path shared;
  @TempDir Path tmp;
  static List<Archives.Entry> sound;

  @BeforeAll
  static void soundBundle() throws Exception {
    Path out = shared.resolve("sound.tar.gz");
    assertEquals(0, BundleTest.bundle("0012:head", out).exitCode());
    sound = Archives.readTarGz(out);
  }

  @Test
  void aDuplicateKey() throws Exception {
    assertBad(text -> text.replace("  \"guards\": true,\n", "  \"guards\": true,\n  \"guards\":"
        + " false,\n"), 12, 3, "duplicate key 'guards'");
  }

  @Test
  void dataAfterTheObject() throws Exception {
    assertBad(text -> text + "{}\n", 875, 1, "data after the manifest's closing brace");
  }

  @Test
  void wrongJsonTypes() throws Exception {
    assertBad(text -> text.replace("\"guards\": true", "\"guards\": \"true\""), 11, 13,
        "'guards' is not true or false");
    assertBad(text -> text.replace("\"position\": 1,", "\"position\": 1.0,"), 23, 19,
        "'steps[0].position' is not an integer");
    assertBad(text -> text.replaceFirst("\"size\": ([0-9]+),", "\"size\": \"$1\","), 600, 15,
        "'files[0].size' is not an integer");
    assertBad(text -> text.replace("\"from\": [\n    \"0012_journal_lines_account_idx\"\n  ]",
        "\"from\": \"0012_journal_lines_account_idx\""), 15, 11, "'from' is not an array");
  }

  @Test
  void anUnknownKey() throws Exception {
    assertBad(text -> text.replace("  \"guards\": true,\n", "  \"guards\": true,\n  \"signed\":"
        + " true,\n"), 12, 3, "unknown key 'signed'");
    assertBad(text -> text.replace("\"position\": 1,", "\"position\": 1, \"signed\": true,"), 23,
        22, "unknown key 'signed' in steps[0]");
  }

  @Test
  void aMissingOrMalformedValue() throws Exception {
    assertBad(text -> text.replace("  \"toolVersion\": \"0.1.0\",\n", ""), 1, 1,
        "'toolVersion' is missing or null");
    assertBad(text -> text.replace("  \"statementTimeout\": null,\n", ""), 13, 4,
        "not laid out as strata writes it: here strata writes '  \"statementTimeout\": null,'");
    assertBad(text -> text.replaceFirst("\"sha256\": \"[0-9a-f]{64}\"", "\"sha256\": \"beef\""), 32,
        19, "in steps[0].source: 'sha256' is not 64 lowercase hex digits");
  }

  @Test
  void anotherLayoutOfTheSameValues() throws Exception {
    assertBad(text -> text.replace("  \"guards\": true,", "  \"guards\" : true,"), 11, 11,
        "not laid out as strata writes it: here strata writes '  \"guards\": true,'");
    assertBad(text -> text.replace("strata-bundle", "strata\\u002dbundle"), 2, 20,
        "not laid out as strata writes it: here strata writes '  \"format\": \"strata-bundle\",'");
  }

  @Test
  void notJsonOrAnotherFormat() throws Exception {
    assertBad(text -> text.substring(0, 100), 5, 22, "not valid JSON (Unexpected end-of-input in"
        + " VALUE_STRING)");
    assertLie(m -> m.put("formatVersion", 2), "E0534",
        "MANIFEST.json has format version 2, this strata reads version 1", BAD);
    assertLie(m -> m.put("format", "other"), "E0534",
        "MANIFEST.json is not a strata bundle manifest", BAD);
  }

  /** The report: upgrade.path pointing at rollback.sql was accepted. */
  @Test
  void theUpgradeScriptPointingAtTheRollback() throws Exception {
    assertLie(m -> {
      ObjectNode upgrade = (ObjectNode) m.get("upgrade");
      upgrade.put("path", "rollback.sql");
      upgrade.put("sha256", m.get("rollback").get("sha256").asText());
    }, "MANIFEST.json's upgrade.path is 'rollback.sql'; in a bundle it is always 'upgrade.sql'");
  }

  /** The report: swapped from and to were accepted. */
  @Test
  void fromAndToSwapped() throws Exception {
    assertLie(m -> {
      var from = m.get("from");
      m.set("from", m.get("to"));
      m.set("to", from);
    }, "the top folder is '" + ROOT + "', but MANIFEST.json's from, to and dialect make it"
        + " 'strata-0028_dividend_events_paid_on-0012_journal_lines_account_idx-postgresql/'");
  }

  /**
   * The report: a wrong transaction mode was accepted. On a range without an {@code ALTER TYPE ...
   * ADD VALUE}, whose revision scripts are one segment each, the segments contradict the lie.
   */
  @Test
  void aWrongTransactionMode() throws Exception {
    Path out = tmp.resolve("to-0022.tar.gz");
    assertEquals(0, BundleTest.bundle("0012:0022", out).exitCode());
    List<Archives.Entry> to0022 = Archives.readTarGz(out);
    VerifyTest.assertProblem(Archives.withManifest(to0022, m -> m.put("transactionMode",
        "revision")), "E0535", "MANIFEST.json says transactionMode 'revision', but segment 1 of"
        + " upgrade.sql is a transaction of 10 revisions", LIES, tmp);
    VerifyTest.assertProblem(Archives.withManifest(to0022, m -> m.put("transactionMode", "none")),
        "E0535", "MANIFEST.json says transactionMode 'none', but segment 1 of upgrade.sql is a"
        + " transaction", LIES, tmp);
    VerifyTest.assertProblem(Archives.withManifest(to0022, m -> {
      m.put("transactionMode", "none");
      for (String script : List.of("upgrade", "rollback")) {
        ((ObjectNode) m.get(script).get("segments").get(0)).put("transactional", false);
      }
    }), "E0535", "MANIFEST.json's upgrade says its first segment is not a transaction, but the"
        + " script opens one", LIES, tmp);
    // revision 0024's own script commits after its ALTER TYPE ... ADD VALUE, so it records its
    // progress, and its run id, made for bundle mode, is what the lie contradicts first
    assertLie(m -> m.put("transactionMode", "revision"), "revisions/0012_0024_cash_request_on_hold"
        + ".up.sql's '-- run: 3c143414c8bb6cb3147aa6c92f57c916107560acd2dd729b4fb6fcedda904e64 (2"
        + " segments, progress in strata_progress)' is not the run of a revision-mode script with"
        + " the version table and segments MANIFEST.json gives");
  }

  @Test
  void aWrongTransactionModeThatTheRunIdGivesAway() throws Exception {
    Path out = tmp.resolve("revision.tar.gz");
    assertEquals(0, BundleTest.bundle("0015:0017", out, "--transaction", "revision").exitCode());
    List<Archives.Entry> entries = Archives.withManifest(Archives.readTarGz(out),
        m -> m.put("transactionMode", "bundle"));
    VerifyTest.assertProblem(entries, "E0535", "upgrade.sql's '-- run: "
        + "c01440fc6dc41aeb925b46e1b8621fa16a3c15ed755ba424f3dbe5d7916bcb69 (2 segments, progress"
        + " in strata_progress)' is not the run of a bundle-mode script with the version table and"
        + " segments MANIFEST.json gives", LIES, tmp);
    List<Archives.Entry> merged = Archives.withManifest(Archives.readTarGz(out),
        m -> ((ArrayNode) m.get("upgrade").get("segments")).remove(1));
    VerifyTest.assertProblem(merged, "E0535", "upgrade.sql records its progress ('-- run:'), but"
        + " MANIFEST.json lists 1 segment for it", LIES, tmp);
  }

  /** The report: a wrong guards flag was accepted. */
  @Test
  void aWrongGuardsFlag() throws Exception {
    assertLie(m -> m.put("guards", false), UP1 + " checks the version table before its first"
        + " change, but MANIFEST.json says guards: false");
  }

  /** The report: a truncated steps list was accepted. */
  @Test
  void aTruncatedStepsList() throws Exception {
    String last = "revisions/0016_0028_dividend_events_paid_on";
    assertLie(m -> ((ArrayNode) m.get("steps")).remove(15), "'" + last + ".down.sql' belongs to no"
        + " step of MANIFEST.json and is not a file every bundle has");
    List<Archives.Entry> entries = sound;
    for (String path : List.of(last + ".up.sql", last + ".down.sql",
        "sources/0028_dividend_events_paid_on.sql")) {
      entries = Archives.remove(entries, path);
    }
    List<Archives.Entry> truncated = Archives.withManifest(entries, m -> {
      ((ArrayNode) m.get("steps")).remove(15);
      ArrayNode files = (ArrayNode) m.get("files");
      for (int i = files.size() - 1; i >= 0; i--) {
        String path = files.get(i).get("path").asText();
        if (path.startsWith(last) || path.equals("sources/0028_dividend_events_paid_on.sql")) {
          files.remove(i);
        }
      }
    });
    VerifyTest.assertProblem(truncated, "E0535", "the steps of MANIFEST.json end at"
        + " [0027_dividend_events_updated_at], but its 'to' is [0028_dividend_events_paid_on]", LIES,
        tmp);
  }

  @Test
  void aStepThatItsSourceOrScriptsContradict() throws Exception {
    assertLie(m -> ((ObjectNode) m.get("steps").get(0)).put("message", "nothing to see"),
        "sources/0018_create_dividend_events.sql's header (revision 0018_create_dividend_events,"
            + " revises 0012_journal_lines_account_idx, message 'create the dividend sub-ledger')"
            + " is not step 1 of MANIFEST.json (0018_create_dividend_events, revises"
            + " 0012_journal_lines_account_idx, message 'nothing to see')");
    assertLie(m -> ((ArrayNode) m.get("steps").get(0).get("parents")).set(0, "0011"),
        "sources/0018_create_dividend_events.sql's header (revision 0018_create_dividend_events,"
            + " revises 0012_journal_lines_account_idx, message 'create the dividend sub-ledger')"
            + " is not step 1 of MANIFEST.json (0018_create_dividend_events, revises 0011, message"
            + " 'create the dividend sub-ledger')");
  }

  @Test
  void optionsThatTheScriptsContradict() throws Exception {
    assertLie(m -> m.put("lockTimeout", "5s"), UP1 + " sets [] before its first segment, but"
        + " MANIFEST.json's lockTimeout and statementTimeout make it [SET lock_timeout = '5s';]");
    assertLie(m -> ((ObjectNode) m.get("versionTable")).put("name", "other_version"), UP1
        + "'s header line 6 is '-- version table: alembic_version', but MANIFEST.json makes it"
        + " '-- version table: other_version'");
    assertLie(m -> m.put("toolVersion", "9.9.9"), UP1 + "'s header line 3 is '-- strata 0.1.0:"
        + " upgrade 0012_journal_lines_account_idx -> 0018_create_dividend_events (postgresql)',"
        + " but MANIFEST.json makes it '-- strata 9.9.9: upgrade 0012_journal_lines_account_idx ->"
        + " 0018_create_dividend_events (postgresql)'");
    assertLie(m -> m.put("dialect", "oracle"), "E0535",
        "MANIFEST.json names dialect 'oracle'; this strata knows postgresql, mysql, mariadb,"
            + " sqlite", LIES);
    assertLie(m -> m.put("dialect", "sqlite"), "E0535", "the top folder is"
        + " 'strata-0012_journal_lines_account_idx-0028_dividend_events_paid_on-postgresql/', but"
        + " MANIFEST.json's from, to and dialect make it"
        + " 'strata-0012_journal_lines_account_idx-0028_dividend_events_paid_on-sqlite/'", LIES);
    assertLie(m -> m.put("dialect", "mysql"), "E0535", "MANIFEST.json names transaction mode"
        + " 'bundle' for mysql, whose DDL commits as it runs: strata writes its scripts with none",
        LIES);
  }

  /** A script without {@code \encoding UTF8} would be lexed in psql's client encoding. */
  @Test
  void aScriptWithoutTheEncodingPin() throws Exception {
    byte[] script = new String(Archives.content(sound, UP1), StandardCharsets.UTF_8)
        .replaceFirst("\\\\encoding UTF8\n", "").getBytes(StandardCharsets.UTF_8);
    String before = Sha256.hex(Archives.content(sound, UP1));
    List<Archives.Entry> entries = Archives.withManifest(Archives.replace(sound, UP1, script),
        m -> repoint(m, before, script));
    VerifyTest.assertProblem(entries, "E0535", UP1 + "'s header line 2 is '-- strata 0.1.0:"
        + " upgrade 0012_journal_lines_account_idx -> 0018_create_dividend_events (postgresql)',"
        + " but MANIFEST.json makes it '\\x5cencoding UTF8'", LIES, tmp);
  }

  /** Every object of {@code node} whose sha256 is {@code before} made to describe {@code bytes}. */
  private static void repoint(JsonNode node, String before, byte[] bytes) {
    if (node instanceof ObjectNode object && object.path("sha256").asText().equals(before)) {
      object.put("sha256", Sha256.hex(bytes));
      if (object.has("size")) {
        object.put("size", bytes.length);
      }
    }
    node.forEach(child -> repoint(child, before, bytes));
  }

  @Test
  void segmentsThatTheScriptContradicts() throws Exception {
    assertLie(m -> ((ArrayNode) m.get("upgrade").get("segments").get(1).get("headsAfter"))
        .set(0, "0021_create_audit_schema"), "MANIFEST.json's upgrade ends its last segment at"
        + " [0021_create_audit_schema], but the script ends at [0028_dividend_events_paid_on]");
    String rest = " 0022_transaction_value_date, 0021_create_audit_schema, 0020_merge_lrs_dividends,"
        + " 0017_lrs_actual_tcs, 0016_lrs_credited_signal, 0015_lrs_payment_settlement,"
        + " 0014_lrs_references, 0013_create_lrs_remittances, 0019_dividend_instrument_symbol,"
        + " 0018_create_dividend_events]";
    assertLie(m -> ((ArrayNode) m.get("rollback").get("segments").get(0).get("revisions"))
        .remove(0), "MANIFEST.json's rollback lists segments of the revisions"
        + " [0027_dividend_events_updated_at, 0026_account_balances_view, 0025_statement_numbers,"
        + " 0024_cash_request_on_hold, 0023_cash_request_status_enum," + rest + ", but the script's"
        + " steps are [0028_dividend_events_paid_on, 0027_dividend_events_updated_at,"
        + " 0026_account_balances_view, 0025_statement_numbers, 0024_cash_request_on_hold,"
        + " 0023_cash_request_status_enum," + rest);
  }

  @Test
  void aListedChangesFileIsAcceptedAnUnknownFileIsNot() throws Exception {
    assertTrue(Archives.content(sound, Bundle.CHANGES).length > 0, "a bundle carries CHANGES.md");
    byte[] notes = "# Notes\n".getBytes(StandardCharsets.UTF_8);
    // a file of no known name, listed everywhere with its checksum, is still refused
    VerifyTest.assertProblem(Archives.withManifest(Archives.replace(sound, "NOTES.md", notes),
        listed("NOTES.md", notes)), "E0535", "'NOTES.md' belongs to no step of MANIFEST.json"
        + " and is not a file every bundle has", LIES, tmp);
    // a changed CHANGES.md fails its checksum like any listed file
    Path changed = Files.createTempFile(tmp, "changed", ".tar.gz");
    Files.write(changed, Archives.gzip(Archives.tar(Archives.replace(sound, Bundle.CHANGES,
        "# Changed\n".getBytes(StandardCharsets.UTF_8)))));
    Cli damaged = Cli.run("verify", changed.toString());
    assertEquals(1, damaged.exitCode());
    assertTrue(damaged.err().startsWith("strata: error[E0510]: " + changed
        + ": checksum mismatch for 'CHANGES.md': SHA256SUMS says "), damaged.err());
  }

  /** An edit adding {@code path} to the manifest's files, in path order. */
  private static Consumer<ObjectNode> listed(String path, byte[] content) {
    return manifest -> {
      ArrayNode files = (ArrayNode) manifest.get("files");
      int at = 0;
      while (at < files.size() && files.get(at).get("path").asText().compareTo(path) < 0) {
        at++;
      }
      ObjectNode file = JsonText.MAPPER.createObjectNode();
      file.put("path", path);
      file.put("size", content.length);
      file.put("sha256", Sha256.hex(content));
      files.insert(at, file);
    };
  }

  private void assertLie(Consumer<ObjectNode> edit, String problem) throws Exception {
    assertLie(edit, "E0535", problem, LIES);
  }

  private void assertLie(Consumer<ObjectNode> edit, String code, String problem, String help)
      throws Exception {
    VerifyTest.assertProblem(Archives.withManifest(sound, edit), code, problem, help, tmp);
  }

  /** A manifest edited as text is refused at {@code line}:{@code column} with {@code message}. */
  private void assertBad(UnaryOperator<String> edit, int line, int column, String message)
      throws Exception {
    String text = edit.apply(new String(Archives.content(sound, Bundle.MANIFEST),
        StandardCharsets.UTF_8));
    Path archive = Files.createTempFile(tmp, "bad", ".tar.gz");
    Files.write(archive, Archives.gzip(Archives.tar(Archives.resummed(Archives.replace(sound,
        Bundle.MANIFEST, text.getBytes(StandardCharsets.UTF_8))))));
    Cli cli = Cli.run("verify", archive.toString());
    String shown = line <= text.lines().count() ? text.lines().toList().get(line - 1) : "";
    String gutter = " ".repeat(String.valueOf(line).length());
    assertEquals(archive + "!" + ROOT + "MANIFEST.json:" + line + ":" + column + ": error[E0534]: "
        + message + "\n  " + line + " | " + shown + "\n  " + gutter + " | "
        + " ".repeat(Math.min(column - 1, shown.length())) + "^\n" + BAD, cli.err());
    assertEquals(1, cli.exitCode());
  }
}
