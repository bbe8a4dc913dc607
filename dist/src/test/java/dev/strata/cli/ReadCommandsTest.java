package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heads}, {@code branches}, {@code history}, {@code show} and {@code graph} on a small forest
 * written into a temporary directory: three bases ({@code 0001} labelled core, {@code 0006} audit,
 * {@code 0008} reports), a branch point ({@code 0002}), a merge point ({@code 0005}) that is an
 * effective head because {@code 0007} depends on it, and a message that needs escaping in DOT and
 * Mermaid. Exact stdout, stderr and exit codes; {@code DIR} in the expectations stands for the
 * directory.
 */
class ReadCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path versions;

  @BeforeEach
  void writeForest() throws Exception {
    versions = Files.createDirectory(tmp.resolve("versions"));
    write("0001_core", "base", "core tables", "core", null, true, "CREATE TABLE core (id integer);",
        "DROP TABLE core;");
    write("0002_users", "0001_core", "users", null, null, true, "CREATE TABLE users (id integer);",
        "DROP TABLE users;");
    write("0003_email", "0002_users", "add \"email\" <unique> & #tag `x` \\ done", null, null, true,
        "ALTER TABLE users ADD COLUMN email text;", "ALTER TABLE users DROP COLUMN email;");
    write("0004_phone", "0002_users", "add phone", "phone", null, true,
        "ALTER TABLE users ADD COLUMN phone text;", "ALTER TABLE users DROP COLUMN phone;");
    write("0005_contacts_merge", "0003_email, 0004_phone", "merge email and phone", null, null,
        true, "", "");
    write("0006_audit", "base", "audit schema", "audit", null, true,
        "CREATE TABLE audit_log (id integer);", "DROP TABLE audit_log;");
    write("0007_triggers", "0006_audit", "audit users", null, "0005_contacts_merge", true,
        "CREATE TABLE user_audit (id integer);", "DROP TABLE user_audit;");
    write("0008_reports", "base", "reports", "reports", null, false,
        "CREATE TABLE reports (id integer);", null);
  }

  private void write(String id, String revises, String message, String label, String dependsOn,
      boolean downgrade, String up, String down) throws Exception {
    StringBuilder text = new StringBuilder("-- revision: " + id + "\n-- revises: " + revises + "\n");
    if (dependsOn != null) {
      text.append("-- depends-on: ").append(dependsOn).append('\n');
    }
    text.append("-- message: ").append(message).append('\n');
    if (label != null) {
      text.append("-- branch: ").append(label).append('\n');
    }
    text.append("\n-- +upgrade\n").append(up).append('\n');
    if (downgrade) {
      text.append("\n-- +downgrade\n").append(down).append('\n');
    }
    Files.writeString(versions.resolve(id + ".sql"), text.toString());
  }

  /** Runs {@code args --versions DIR}: exit 0, nothing on stderr; stdout with DIR put back. */
  private String ok(String... args) {
    Cli cli = run(args);
    assertEquals("", cli.err());
    assertEquals(0, cli.exitCode());
    return cli.out().replace(versions.toString(), "DIR");
  }

  private Cli run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--versions";
    all[args.length + 1] = versions.toString();
    return Cli.run(all);
  }

  private void fails(int code, String expectedStderr, String... args) {
    Cli cli = run(args);
    assertEquals(expectedStderr, cli.err());
    assertEquals("", cli.out());
    assertEquals(code, cli.exitCode());
  }

  // ---- heads --------------------------------------------------------------------------------

  @Test
  void headsListsEffectiveHeadsAsAlembicDoes() {
    assertEquals("""
        0005_contacts_merge (effective head)
        0007_triggers (head)
        0008_reports (reports) (head)
        """, ok("heads"));
  }

  @Test
  void headsResolvingDependenciesLeavesTheRealHeads() {
    assertEquals("""
        0007_triggers (head)
        0008_reports (reports) (head)
        """, ok("heads", "--resolve-dependencies"));
  }

  @Test
  void headsVerboseIsOneBlockPerHead() {
    assertEquals("""
        Rev: 0007_triggers (head)
        Parent: 0006_audit
        Also depends on: 0005_contacts_merge
        Path: DIR/0007_triggers.sql

            audit users

        Rev: 0008_reports (head)
        Parent: <base>
        Branch names: reports
        Path: DIR/0008_reports.sql

            reports

        """, ok("heads", "--resolve-dependencies", "--verbose"));
  }

  @Test
  void headsJsonMarksTheEffectiveHead() throws Exception {
    JsonNode heads = JSON.readTree(ok("heads", "--format", "json")).get("heads");
    assertEquals(3, heads.size());
    assertEquals("0005_contacts_merge", heads.get(0).get("id").asText());
    assertEquals(List.of(true, true, true), flags(heads, "head"));
    assertEquals(List.of(true, false, false), flags(heads, "effectiveHead"));
    assertEquals(List.of(false, false, true), flags(heads, "base"));
  }

  private static List<Boolean> flags(JsonNode array, String field) {
    List<Boolean> flags = new ArrayList<>();
    array.forEach(node -> flags.add(node.get(field).booleanValue()));
    return flags;
  }

  // ---- branches -----------------------------------------------------------------------------

  @Test
  void branchesListsEachBranchPointWithItsChildren() {
    assertEquals("""
        0002_users (branchpoint)
                   -> 0003_email
                   -> 0004_phone (phone)

        """, ok("branches"));
  }

  @Test
  void branchesVerbose() {
    assertEquals("""
        Rev: 0002_users (branchpoint)
        Parent: 0001_core
        Branches into: 0003_email, 0004_phone
        Path: DIR/0002_users.sql

            users

                   -> 0003_email, add "email" <unique> & #tag `x` \\ done
                   -> 0004_phone (phone), add phone

        """, ok("branches", "--verbose"));
  }

  @Test
  void branchesJsonNamesTheChildren() {
    String json = ok("branches", "--format", "json");
    assertEquals("""
        {
          "branchPoints": [
            {
              "id": "0002_users",
              "parents": [
                "0001_core"
              ],
              "children": [
                "0003_email",
                "0004_phone"
              ],
        """, json.substring(0, json.indexOf("      \"dependsOn\"")));
  }

  // ---- history ------------------------------------------------------------------------------

  @Test
  void historyIsNewestFirstInAlembicsWalkOrder() {
    assertEquals("""
        0006_audit (0005_contacts_merge) -> 0007_triggers (head), audit users
        <base> -> 0006_audit (audit), audit schema
        <base> -> 0008_reports (reports) (head), reports
        0003_email, 0004_phone -> 0005_contacts_merge (effective head) (mergepoint), merge email \
        and phone
        0002_users -> 0003_email, add "email" <unique> & #tag `x` \\ done
        0002_users -> 0004_phone (phone), add phone
        0001_core -> 0002_users (branchpoint), users
        <base> -> 0001_core (core), core tables
        """, ok("history"));
  }

  @Test
  void historyOfARangeIsWhatTheUpgradeRuns() {
    assertEquals("""
        0006_audit (0005_contacts_merge) -> 0007_triggers (head), audit users
        0003_email, 0004_phone -> 0005_contacts_merge (effective head) (mergepoint), merge email \
        and phone
        0002_users -> 0004_phone (phone), add phone
        """, ok("history", "-r", "0003,0006:0007"));
  }

  /** The report: a range the wrong way round said "cannot upgrade" and suggested a downgrade. */
  @Test
  void aHistoryRangeTheWrongWayRoundSaysSoInItsOwnWords() {
    Cli cli = run("history", "-r", "0005:0002");
    assertEquals(1, cli.exitCode());
    assertTrue(cli.err().startsWith("<range>:1:1: error[E0305]: cannot list the history from"
        + " '0005_contacts_merge' to '0002_users': '0005_contacts_merge' is not an ancestor of"
        + " it\n"), cli.err());
    assertTrue(cli.err().contains("= help: '0005_contacts_merge' is already past '0002_users':"
        + " name the older revision first: -r 0002_users:0005_contacts_merge\n"), cli.err());
    assertFalse(cli.err().contains("upgrade") || cli.err().contains("downgrade"), cli.err());
    // graph -r lists the same range: the same words
    Cli graph = run("graph", "-r", "0005:0002");
    assertEquals(1, graph.exitCode());
    assertEquals(cli.err(), graph.err());
  }

  @Test
  void historyVerbose() {
    assertEquals("""
        Rev: 0005_contacts_merge (effective head) (mergepoint)
        Merges: 0003_email, 0004_phone
        Path: DIR/0005_contacts_merge.sql

            merge email and phone

        Rev: 0003_email
        Parent: 0002_users
        Path: DIR/0003_email.sql

            add "email" <unique> & #tag `x` \\ done

        Rev: 0004_phone
        Parent: 0002_users
        Branch names: phone
        Path: DIR/0004_phone.sql

            add phone

        """, ok("history", "-r", "0002:0005", "--verbose"));
  }

  @Test
  void historyJsonCarriesTheRange() {
    String json = ok("history", "-r", "0007:0007", "--format", "json");
    assertEquals("""
        {
          "range": "0007:0007",
          "revisions": []
        }
        """, json);
  }

  @Test
  void historyWithARangeThatGoesSidewaysIsTheRangeDiagnostic() {
    fails(1, """
        <range>:1:1: error[E0305]: cannot list the history from '0003_email' to '0004_phone': \
        '0003_email' is not an ancestor of it
          1 | 0003:0004
            | ^^^^
          = help: -r FROM:TO lists what an upgrade from FROM to TO runs, so FROM must be an \
        ancestor of TO; 'strata history' alone lists every revision
        """, "history", "-r", "0003:0004");
  }

  @Test
  void historyWithAnUnknownRevision() {
    fails(1, """
        <range>:1:6: error[E0302]: unknown revision '0099'
          1 | base:0099
            |      ^^^^
        """, "history", "-r", "base:0099");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    fails(2, """
        strata: error: Invalid value for option '--format': unknown format 'yaml' (known: text, \
        json)
        Try 'strata history --help' for more information.
        """, "history", "--format", "yaml");
  }

  // ---- show ---------------------------------------------------------------------------------

  @Test
  void showTellsEverythingAboutOneRevision() {
    assertEquals("""
        Rev: 0002_users (branchpoint)
        Parent: 0001_core
        Children: 0003_email, 0004_phone
        Path: DIR/0002_users.sql
        SHA-256: %s

            users
        """.formatted(sha256("0002_users")), ok("show", "0002"));
  }

  @Test
  void showJson() {
    assertEquals("""
        {
          "revision": {
            "id": "0007_triggers",
            "parents": [
              "0006_audit"
            ],
            "children": [],
            "dependsOn": [
              "0005_contacts_merge"
            ],
            "branchLabels": [],
            "message": "audit users",
            "path": "DIR/0007_triggers.sql",
            "sha256": "%s",
            "base": false,
            "head": true,
            "effectiveHead": false,
            "branchPoint": false,
            "mergePoint": false
          },
          "sql": null
        }
        """.formatted(sha256("0007_triggers")), ok("show", "0007_triggers", "--format", "json"));
  }

  @Test
  void showSqlIsTheStepAloneFromTheRowsBeforeIt() {
    // 0007 depends on 0005: upgrading to it from base, the rows just before its step are the
    // head of each line, and its step consumes both.
    String upgrade = ok("upgrade", "0005_contacts_merge,0006_audit:0007_triggers");
    String downgrade = ok("downgrade", "0007_triggers:0006_audit");
    assertEquals(ok("show", "0007") + "\nUpgrade SQL (postgresql):\n\n" + upgrade
        + "\nDowngrade SQL (postgresql):\n\n" + downgrade, ok("show", "0007", "--sql"));
  }

  @Test
  void showSqlOfABaseWithoutDowngradeSectionShowsTheDerivedDowngrade() {
    String upgrade = ok("upgrade", "base:0008");
    String downgrade = ok("downgrade", "0008:base");
    assertTrue(downgrade.contains("-- derived by strata: '0008_reports' has no '-- +downgrade'"
        + " section\n"), downgrade);
    assertEquals(ok("show", "0008") + "\nUpgrade SQL (postgresql):\n\n" + upgrade
            + "\nDowngrade SQL (postgresql):\n\n" + downgrade,
        ok("show", "0008", "--sql", "--dialect", "postgresql"));
  }

  @Test
  void showSqlJson() throws Exception {
    JsonNode sql = JSON.readTree(ok("show", "0008", "--sql", "--format", "json")).get("sql");
    assertEquals("postgresql", sql.get("dialect").asText());
    assertEquals(ok("upgrade", "base:0008"), sql.get("upgrade").asText());
    assertEquals(ok("downgrade", "0008:base"), sql.get("downgrade").asText());
  }

  @Test
  void showAnUnknownRevision() {
    fails(1, """
        <range>:1:1: error[E0302]: unknown revision '0042'
          1 | 0042
            | ^^^^
        """, "show", "0042");
  }

  @Test
  void showAnAmbiguousPrefix() {
    fails(1, """
        <range>:1:1: error[E0303]: '000' is ambiguous: 8 revisions start with it: 0001_core, \
        0002_users, 0003_email, 0004_phone, 0005_contacts_merge, 0006_audit, 0007_triggers, \
        0008_reports
          1 | 000
            | ^^^
          = help: type more of the id
        """, "show", "000");
  }

  @Test
  void showNeedsExactlyOneRevision() {
    fails(1, """
        <range>:1:1: error[E0330]: 'heads' names 2 revisions; show takes one
          1 | heads
            | ^^^^^
          = help: name one of 0007_triggers, 0008_reports
        """, "show", "heads");
    fails(1, """
        <range>:1:1: error[E0330]: 'base' names no revision; show takes one
          1 | base
            | ^^^^
          = help: name a revision by its id or a unique prefix of it
        """, "show", "base");
  }

  // ---- graph --------------------------------------------------------------------------------

  @Test
  void graphAsDot() {
    assertEquals("""
        digraph strata {
          rankdir=TB;
          node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", \
        fontsize=10];
          edge [arrowsize=0.7];
          "0001_core" [label="0001_core (core)\\ncore tables", fillcolor="#dbeafe"];
          "0002_users" [label="0002_users\\nusers", shape=hexagon, fillcolor="#fef3c7"];
          "0003_email" [label="0003_email\\nadd \\"email\\" <unique> & #tag `x` \\\\ done"];
          "0004_phone" [label="0004_phone (phone)\\nadd phone"];
          "0005_contacts_merge" [label="0005_contacts_merge\\nmerge email and phone", \
        shape=hexagon, peripheries=2, style="rounded,filled,dashed", fillcolor="#dcfce7"];
          "0006_audit" [label="0006_audit (audit)\\naudit schema", fillcolor="#dbeafe"];
          "0007_triggers" [label="0007_triggers\\naudit users", peripheries=2, \
        fillcolor="#dcfce7"];
          "0008_reports" [label="0008_reports (reports)\\nreports", peripheries=2, \
        fillcolor="#dcfce7"];
          "0001_core" -> "0002_users";
          "0002_users" -> "0003_email";
          "0002_users" -> "0004_phone";
          "0003_email" -> "0005_contacts_merge";
          "0004_phone" -> "0005_contacts_merge";
          "0006_audit" -> "0007_triggers";
          "0005_contacts_merge" -> "0007_triggers" [style=dashed];
        }
        """, ok("graph"));
  }

  @Test
  void graphAsMermaid() {
    assertEquals("""
        flowchart TD
            r1(["0001_core (core)<br>core tables"])
            r2{{"0002_users<br>users"}}
            r3("0003_email<br>add #quot;email#quot; #lt;unique#gt; #amp; #35;tag #96;x#96; \\ done")
            r4("0004_phone (phone)<br>add phone")
            r5{{"0005_contacts_merge<br>merge email and phone"}}
            r6(["0006_audit (audit)<br>audit schema"])
            r7("0007_triggers<br>audit users")
            r8(["0008_reports (reports)<br>reports"])
            r1 --> r2
            r2 --> r3
            r2 --> r4
            r3 --> r5
            r4 --> r5
            r6 --> r7
            r5 -.-> r7
            classDef head fill:#dcfce7,stroke:#15803d,stroke-width:3px
            class r7,r8 head
            classDef effectivehead fill:#dcfce7,stroke:#15803d,stroke-width:3px,stroke-dasharray:5 3
            class r5 effectivehead
            classDef branchpoint fill:#fef3c7,stroke:#b45309
            class r2 branchpoint
            classDef base fill:#dbeafe,stroke:#1d4ed8
            class r1,r6 base
        """, ok("graph", "--format", "mermaid"));
  }

  @Test
  void graphOfARangeKeepsTheNumbersAndDropsEdgesLeavingIt() {
    assertEquals("""
        flowchart TD
            r4("0004_phone (phone)<br>add phone")
            r5{{"0005_contacts_merge<br>merge email and phone"}}
            r7("0007_triggers<br>audit users")
            r4 --> r5
            r5 -.-> r7
            classDef head fill:#dcfce7,stroke:#15803d,stroke-width:3px
            class r7 head
            classDef effectivehead fill:#dcfce7,stroke:#15803d,stroke-width:3px,stroke-dasharray:5 3
            class r5 effectivehead
        """, ok("graph", "--format", "mermaid", "-r", "0003,0006:0007"));
  }

  /**
   * Graphviz accepts the DOT text. Under {@code CI=true} a missing {@code dot} fails the test
   * ({@code .ci/run} installs graphviz); elsewhere it is skipped.
   */
  @Test
  void graphvizAcceptsTheDot() throws Exception {
    Path dot = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "dot")).filter(Files::isExecutable).findFirst().orElse(null);
    if (dot == null && "true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.fail("Graphviz 'dot' is not installed (CI=true: .ci/run installs it)");
    }
    assumeTrue(dot != null, "Graphviz 'dot' is not installed");
    Process process = new ProcessBuilder(dot.toString(), "-Tsvg").redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
      in.write(ok("graph").getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("<title>0005_contacts_merge</title>"), output);
  }

  @Test
  void graphIsTheSameOnEveryRun() {
    assertEquals(ok("graph", "--format", "mermaid"), ok("graph", "--format", "mermaid"));
    assertEquals(ok("graph"), ok("graph"));
  }

  @Test
  void graphWithABadRange() {
    fails(1, """
        <range>:1:4: error[E0301]: a range has one ':' between FROM and TO
          1 | a:b:c
            |    ^
        """, "graph", "-r", "a:b:c");
  }

  @Test
  void graphWithAnUnknownFormat() {
    fails(2, """
        strata: error: Invalid value for option '--format': unknown format 'svg' (known: dot, \
        mermaid)
        Try 'strata graph --help' for more information.
        """, "graph", "--format", "svg");
  }

  private String sha256(String id) {
    try {
      return Sha256.hex(Files.readAllBytes(versions.resolve(id + ".sql")));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
