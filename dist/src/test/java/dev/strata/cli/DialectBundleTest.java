package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.testkit.PostgresServer;
import dev.strata.testkit.PostgresServer.ProcessResult;
import dev.strata.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bundle of each dialect other than PostgreSQL ({@code BundleIT} covers psql): {@code strata
 * bundle --dialect D} then {@code strata verify} passes, and tampering is detected as for
 * PostgreSQL; and the bundle is applied as a DBA would, with the commands of its {@code APPLY.md}
 * run by {@code sh} in a shell whose PATH holds the dialect's client and no {@code java}: checked,
 * applied, confirmed, rolled back, applied again; and a run that fails halfway is finished with
 * the command {@code APPLY.md} gives for the failed segment. MySQL runs against the MariaDB server
 * when no MySQL server is found ({@code MariaDbServer.requireMysql}).
 */
class DialectBundleTest {
  private static final Path VERSIONS =
      Cli.repoRoot().resolve("dist/src/test/resources/dialect-chain");
  private static final String HEAD = "0004_seed";

  /** The row each dialect's own block of {@code 0004_seed} inserts, as the database holds it. */
  private static final Map<String, String> SEEDS = Map.of(
      "mysql", "mysql: C:\\temp",
      "mariadb", "mariadb: C:\\temp",
      "sqlite", "sqlite: a line of the string\n.shell is data here");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "mariadb", "mysql"})
  void aBundleVerifiesAndTamperingIsDetected(String dialect) throws Exception {
    Path bundle = bundle(dialect, "base:head");
    Cli ok = Cli.run("verify", bundle.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertEquals("ok: 20 files verified\n", ok.out());
    Path root = root(bundle);

    Path script = root.resolve("upgrade.sql");
    String text = Files.readString(script);
    Files.writeString(script, text.replace("-- Running upgrade", "-- Running  upgrade"));
    assertProblem(bundle, "E0510", "checksum mismatch for 'upgrade.sql': SHA256SUMS says");
    Files.writeString(script, text);

    Path manifest = root.resolve(Bundle.MANIFEST);
    String original = Files.readString(manifest);
    ObjectNode json = (ObjectNode) JsonText.MAPPER.readTree(original);
    json.put("transactionMode", dialect.equals("sqlite") ? "none" : "bundle");
    rewriteManifest(root, JsonText.write(json));
    assertProblem(bundle, "E0535", dialect.equals("sqlite")
        ? "MANIFEST.json says transactionMode 'none', but segment 1 of upgrade.sql is a"
            + " transaction"
        : "MANIFEST.json names transaction mode 'bundle' for " + dialect + ", whose DDL commits"
            + " as it runs: strata writes its scripts with none");
    rewriteManifest(root, original);
    assertEquals(0, Cli.run("verify", bundle.toString()).exitCode());

    // a psql progress line in the header, checksums made to match
    String sources = text.lines().filter(l -> l.startsWith("-- sources: ")).findFirst()
        .orElseThrow();
    Files.writeString(script, text.replace(sources + "\n", sources + "\n-- run: 0123456789ab"
        + " (4 segments, progress in strata_progress)\n"));
    resum(root, "upgrade.sql");
    assertProblem(bundle, "E0535", "upgrade.sql records its progress ('-- run:'), but"
        + " MANIFEST.json says dialect " + dialect + ", whose scripts mark their segments"
        + " instead");

    // a script without its client's first directive, checksums made to match
    String directive = text.lines().findFirst().orElseThrow();
    Files.writeString(script, text.substring(directive.length() + 1));
    resum(root, "upgrade.sql");
    assertProblem(bundle, "E0535", "upgrade.sql's header line 1 is");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "mariadb", "mysql"})
  void applyMdSaysWhatAFailureInEachSegmentLeaves(String dialect) throws Exception {
    String apply = Files.readString(root(bundle(dialect, "0001:head")).resolve("APPLY.md"))
        .replaceAll("\\s+", " ");
    switch (dialect) {
      case "sqlite" -> {
        assertTrue(apply.contains("- Segment 1, one transaction: 3 revisions (0002_accounts,"
            + " 0003_email, 0004_seed); the version table then holds `0004_seed`. If it fails:"
            + " the segment is undone as a whole; the database is as before it (version table:"
            + " `0001_customers`). Fix the cause and run the script again."), apply);
        assertTrue(apply.contains("None: every statement of both scripts runs inside a"
            + " transaction"), apply);
      }
      default -> {
        String name = dialect.equals("mysql") ? "MySQL" : "MariaDB";
        assertTrue(apply.contains("- Segment 2, outside any transaction: 1 revision (0003_email);"
            + " the version table then holds `0003_email`. If it fails: the statements of the"
            + " segment that ran before the failing one stay applied (" + name + " commits each"
            + " DDL statement as it runs" + (dialect.equals("mariadb") ? ", even one that fails"
            : "") + "); the version table still holds `0002_accounts`. Undo them by hand (the"
            + " client's error names the line of the failing statement), fix the cause, then run"
            + " the rest of the script, from this segment: ```sh sed -n"
            + " '1,/^-- strata: guard$/p;/^-- strata: segment 2 of 3:/,$p' upgrade.sql | "
            + dialect), apply);
        assertTrue(apply.contains("All of them: " + name + " commits each DDL statement as it"
            + " runs"), apply);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "mariadb", "mysql"})
  void everyCommandThatRendersTakesTheDialect(String dialect) throws Exception {
    String directives = String.join("\n",
        dev.strata.dialects.Dialect.byId(dialect).orElseThrow().clientDirectives());
    String versions = VERSIONS.toString();
    for (List<String> args : List.of(
        List.of("upgrade", "base:head"), List.of("downgrade", "head:base"),
        List.of("upgrade", "0001:head", "--transaction", "none"), List.of("schema", "head"))) {
      List<String> all = new ArrayList<>(args);
      all.addAll(List.of("--versions", versions, "--dialect", dialect));
      Cli cli = Cli.run(all.toArray(String[]::new));
      assertEquals(0, cli.exitCode(), all + ": " + cli.err());
      assertTrue(cli.out().startsWith(directives + "\n-- "), all + ": " + cli.out());
      assertTrue(cli.out().contains("(" + dialect + ")") || args.getFirst().equals("schema"),
          cli.out());
    }
    Cli show = Cli.run("show", "0002", "--sql", "--versions", versions, "--dialect", dialect);
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("Upgrade SQL (" + dialect + "):\n\n" + directives + "\n"),
        show.out());
    assertTrue(show.out().contains("Downgrade SQL (" + dialect + "):\n\n" + directives + "\n"),
        show.out());
    Cli check = Cli.run("check", "--versions", versions, "--dialect", dialect);
    assertEquals(0, check.exitCode(), check.err());
    // W0204 (no lock file), prefer-bigint-keys on the three INTEGER keys, and on mysql and
    // mariadb mysql-alter-without-algorithm on 0003's ADD COLUMN
    assertEquals("check: 4 revisions, 0 errors, " + (dialect.equals("sqlite") ? 4 : 5)
        + " warnings\n", check.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "mariadb", "mysql"})
  void appliesRollsBackAndAppliesAgainWithItsClientAndNoJava(String dialect) throws Exception {
    try (TestDatabase db = TestDatabase.create(dialect, "bundleh_apply")) {
      Dba dba = dba(db, bundle(dialect, "base:head"));
      assertEquals(List.of("sha256sum -c SHA256SUMS", client(dialect, "upgrade.sql"),
          dba.blocks().get(2), client(dialect, "rollback.sql")), dba.blocks().subList(0, 4));
      ProcessResult check = dba.sh(dba.blocks().get(0));
      assertEquals(0, check.exitCode(), check.stderr());
      assertEquals(19, check.stdout().lines().filter(l -> l.endsWith(": OK")).count());
      dba.run(1);
      assertEquals(HEAD + "\n", dba.run(2));
      assertEquals(List.of("1|Ada", "2|" + SEEDS.get(dialect)),
          db.query("SELECT id, name FROM customers ORDER BY id"));
      String applied = db.schema(java.util.Set.of("alembic_version"));
      dba.run(3);
      assertEquals("", dba.run(2));
      assertEquals("", db.schema(java.util.Set.of("alembic_version")), "only the version table");
      dba.run(1);
      assertEquals(HEAD + "\n", dba.run(2));
      assertEquals(applied, db.schema(java.util.Set.of("alembic_version")));
      assertFalse(applied.contains("dba_marker"), "~/.my.cnf was not read");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "mariadb", "mysql"})
  void aRunThatFailsHalfwayIsFinishedWithTheCommandOfApplyMd(String dialect) throws Exception {
    try (TestDatabase db = TestDatabase.create(dialect, "bundleh_resume")) {
      List<String> options = dialect.equals("sqlite")
          ? List.of("--transaction", "revision") : List.of();
      Dba dba = dba(db, bundle(dialect, "base:head", options));
      // segment 2 creates accounts: make it fail there, after segment 1 committed
      db.execute("CREATE TABLE accounts (x INTEGER)");
      ProcessResult failed = dba.sh(dba.blocks().get(1));
      assertNotEquals(0, failed.exitCode(), failed.stdout());
      assertEquals("0001_customers\n", dba.run(2), "segment 1 committed, segment 2 did not");
      ProcessResult again = dba.sh(dba.blocks().get(1));
      assertNotEquals(0, again.exitCode(), "the guard stops a second run of the whole script");
      assertTrue((again.stdout() + again.stderr()).contains("segment"), again.stderr());
      db.execute("DROP TABLE accounts");
      assertEquals(10, dba.blocks().size(), "the rest of each script from its segments 2 to 4: "
          + dba.blocks());
      String resume = dba.blocks().get(4);
      assertTrue(resume.contains("upgrade.sql") && resume.contains("segment 2")
          || resume.startsWith("tail -n +"), resume);
      ProcessResult rest = dba.sh(resume);
      assertEquals(0, rest.exitCode(), resume + ": " + rest.stdout() + rest.stderr());
      assertEquals(HEAD + "\n", dba.run(2));
    }
  }

  /** {@code strata bundle RANGE --dialect D} of the test chain into a folder; must succeed. */
  private Path bundle(String dialect, String range, List<String> options) {
    Path out = tmp.resolve("bundle-" + dialect);
    List<String> args = new ArrayList<>(List.of("bundle", range, "--versions",
        VERSIONS.toString(), "--dialect", dialect, "-o", out.toString()));
    args.addAll(options);
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(0, cli.exitCode(), cli.err());
    return out;
  }

  private Path bundle(String dialect, String range) {
    return bundle(dialect, range, List.of());
  }

  private static Path root(Path bundle) throws Exception {
    try (Stream<Path> entries = Files.list(bundle)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("strata-")).findFirst()
          .orElseThrow();
    }
  }

  /** The apply command APPLY.md gives for {@code script}. */
  private static String client(String dialect, String script) {
    return switch (dialect) {
      case "sqlite" -> "sqlite3 -bail -safe \"$DATABASE_FILE\" < " + script;
      default -> dialect + " --defaults-file=\"$DATABASE_CNF\""
          + " --default-character-set=utf8mb4 --batch --binary-mode < " + script;
    };
  }

  private static void assertProblem(Path bundle, String code, String message) {
    Cli cli = Cli.run("verify", bundle.toString());
    assertEquals(1, cli.exitCode(), cli.out());
    assertTrue(cli.err().startsWith("strata: error[" + code + "]: " + bundle + ": " + message),
        cli.err());
  }

  /** Writes the manifest and makes SHA256SUMS agree with it. */
  private static void rewriteManifest(Path root, String text) throws Exception {
    Files.writeString(root.resolve(Bundle.MANIFEST), text);
    resum(root, Bundle.MANIFEST);
  }

  /** {@code path}'s checksum in SHA256SUMS and, for a script, in MANIFEST.json made its own. */
  private static void resum(Path root, String path) throws Exception {
    String sha = Sha256.hex(Files.readAllBytes(root.resolve(path)));
    if (!path.equals(Bundle.MANIFEST)) {
      ObjectNode json = (ObjectNode) JsonText.MAPPER.readTree(
          Files.readString(root.resolve(Bundle.MANIFEST)));
      long size = Files.size(root.resolve(path));
      json.findParents("path").forEach(node -> {
        if (node.path("path").asText().equals(path)) {
          ((ObjectNode) node).put("sha256", sha);
          if (node.has("size")) {
            ((ObjectNode) node).put("size", size);
          }
        }
      });
      Files.writeString(root.resolve(Bundle.MANIFEST), JsonText.write(json));
      resum(root, Bundle.MANIFEST);
    }
    Path sums = root.resolve(Bundle.SUMS);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(sums)) {
      lines.add(line.endsWith("  " + path) ? sha + "  " + path : line);
    }
    Files.writeString(sums, String.join("\n", lines) + "\n");
  }

  /** The DBA's shell in the bundle's folder, with {@code APPLY.md}'s sh blocks. */
  private Dba dba(TestDatabase db, Path bundle) throws Exception {
    Path root = root(bundle);
    Map<String, String> env = new HashMap<>();
    env.put("PATH", javaLessBin(db.dialect()).toString());
    if (db.dialect().equals("sqlite")) {
      env.put("DATABASE_FILE", db.name());
    } else {
      env.put("DATABASE_CNF", optionFile(db).toString());
      // the DBA's own ~/.my.cnf says go on after errors and run a statement of its own: the
      // command of APPLY.md must read neither (--defaults-file, not --defaults-extra-file)
      Path home = Files.createDirectories(tmp.resolve("home-" + db.dialect()));
      Files.writeString(home.resolve(".my.cnf"),
          "[mysql]\nforce\ninit-command=CREATE TABLE dba_marker (x INT)\n");
      env.put("HOME", home.toString());
    }
    List<String> blocks = shellBlocks(Files.readString(root.resolve("APPLY.md")));
    Dba dba = new Dba(root, env, blocks);
    ProcessResult java = dba.sh("command -v java");
    assertNotEquals(0, java.exitCode(), "no java on the DBA's PATH: " + java.stdout());
    return dba;
  }

  /** The client's option file for {@code db}, from the command line the testkit runs it with. */
  private Path optionFile(TestDatabase db) throws Exception {
    StringBuilder cnf = new StringBuilder("[client]\n");
    for (String argument : db.clientCommand()) {
      Matcher option = Pattern.compile("--(host|port|user|database)=(.*)").matcher(argument);
      if (option.matches()) {
        cnf.append(option.group(1)).append('=').append(option.group(2)).append('\n');
      }
    }
    cnf.append("password=").append(db.clientEnvironment().getOrDefault("MYSQL_PWD", ""))
        .append('\n');
    Path file = tmp.resolve("client.cnf");
    Files.writeString(file, cnf.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** A folder of links to the tools a DBA needs for {@code dialect}, and nothing else. */
  private Path javaLessBin(String dialect) throws Exception {
    List<String> tools = new ArrayList<>(List.of("sh", "sha256sum", "sed", "tail", "cat"));
    tools.add(dialect.equals("sqlite") ? "sqlite3" : dialect);
    return ToolsOnly.in(tmp.resolve("bin"), tools);
  }

  /** The fenced {@code sh} blocks of APPLY.md, in order, their lines unindented. */
  static List<String> shellBlocks(String markdown) {
    Matcher block = Pattern.compile("( *)```sh\n(.*?)\\1```", Pattern.DOTALL).matcher(markdown);
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(2).replaceAll("(?m)^" + block.group(1), "").strip());
    }
    return blocks;
  }

  /** The DBA's shell: commands run by /bin/sh in {@code dir}, with {@code env}. */
  private record Dba(Path dir, Map<String, String> env, List<String> blocks) {
    ProcessResult sh(String script) {
      return PostgresServer.run(List.of("/bin/sh", "-c", "cd '" + dir + "' && " + script), env);
    }

    /** Runs block {@code i}, which must succeed; returns its output. */
    String run(int i) {
      ProcessResult result = sh(blocks.get(i));
      assertEquals(0, result.exitCode(), blocks.get(i) + ": " + result.stdout() + result.stderr());
      return result.stdout();
    }
  }
}
