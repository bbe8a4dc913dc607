package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import dev.strata.grammar.ast.Direction;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus under {@code src/test/resources/golden/}: every directory is one case, either
 * file-driven ({@code versions/*.sql} beside {@code postgresql.sql} and, when every revision can be
 * downgraded, {@code postgresql.down.sql}; see {@link FileCase}) or Java-defined ({@link
 * GoldenCases}, {@code postgresql.sql} only). Rendered output must equal the files byte for byte.
 * Run with {@code -Dgolden.update=true} to write missing or changed files (each is named on
 * stderr; then read the diff); a directory or file that belongs to no case fails either way.
 */
class GoldenTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  /** The dialects every file-driven case is rendered for, each into its own golden files. */
  static final List<Dialect> DIALECTS =
      List.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB, Dialect.SQLITE);
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** The case whose revision files are committed with CRLF line ends (see .gitattributes). */
  static final String CRLF_CASE = "crlf";

  /** The case whose files, with LF line ends, are the CRLF case's. */
  static final String CRLF_TWIN = "dialect_comments";

  private static final String GITATTRIBUTES = ".gitattributes";

  /** Every directory of the corpus that has {@code versions/}, by name. */
  static List<FileCase> fileCases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve(FileCase.VERSIONS)))
          .map(d -> new FileCase(d.getFileName().toString(), d))
          .sorted((a, b) -> a.name().compareTo(b.name()))
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicNode> goldenCorpus() throws Exception {
    List<FileCase> files = fileCases();
    List<GoldenCase> java = GoldenCases.all();
    Stream<DynamicNode> cases =
        Stream.concat(
            files.stream().map(GoldenTest::fileCaseTests),
            java.stream().map(GoldenTest::javaCaseTests));
    DynamicNode orphans =
        dynamicTest(
            "every directory and file belongs to a case",
            () -> assertEquals(List.of(), orphans(java), "orphans in " + GOLDEN));
    return Stream.concat(cases, Stream.of(orphans));
  }

  private static DynamicNode fileCaseTests(FileCase c) {
    Stream<DynamicNode> common = Stream.of(
        dynamicTest(
            "renders twice the same bytes", () -> assertEquals(c.render(), c.render())),
        dynamicTest("CRLF input renders like LF", () -> crlfRendersLikeLf(c)));
    Stream<DynamicNode> perDialect = DIALECTS.stream().flatMap(dialect -> Stream.of(
        dynamicTest(FileCase.fileName(dialect, Direction.UPGRADE, false),
            () -> compareOutcome(c, dialect, Direction.UPGRADE)),
        dynamicTest(FileCase.fileName(dialect, Direction.DOWNGRADE, false),
            () -> compareOutcome(c, dialect, Direction.DOWNGRADE))));
    return dynamicContainer(c.name(), Stream.concat(perDialect, common));
  }

  /**
   * The case's script for {@code dialect} in {@code direction} equals its golden file ({@code
   * .sql}), or the diagnostics that stop it equal its {@code .err} file; the other file of the pair
   * must not exist. A downgrade of a case with a revision without a downgrade section has neither.
   */
  private static void compareOutcome(FileCase c, Dialect dialect, Direction direction)
      throws Exception {
    FileCase.Outcomes outcomes = c.render(dialect);
    Optional<FileCase.Outcome> outcome = direction == Direction.UPGRADE
        ? Optional.of(outcomes.upgrade()) : outcomes.downgrade();
    Path sqlFile = c.golden(dialect, direction, false);
    Path errFile = c.golden(dialect, direction, true);
    if (outcome.isEmpty()) {
      for (Path file : List.of(sqlFile, errFile)) {
        assertFalse(Files.exists(file), file + " exists, but a revision of " + c.versions()
            + " has no '-- +downgrade' section: delete the file or add the section");
      }
      return;
    }
    Path expected = outcome.get().failed() ? errFile : sqlFile;
    Path other = outcome.get().failed() ? sqlFile : errFile;
    if (UPDATE && Files.exists(other)) {
      Files.delete(other);
      System.err.println("golden: deleted " + other + " (review the diff)");
    }
    assertFalse(Files.exists(other), other + " exists, but the case renders "
        + (outcome.get().failed() ? "diagnostics (" + expected + ")" : "a script"));
    compare(expected, outcome.get().text());
  }

  private static DynamicNode javaCaseTests(GoldenCase c) {
    Renderer renderer = Renderer.forDialect(Dialect.POSTGRESQL);
    return dynamicContainer(
        c.name(),
        Stream.of(
            dynamicTest(
                FileCase.UPGRADE_FILE,
                () -> compare(c.golden(), renderer.render(c.plan(), c.options()))),
            dynamicTest(
                "renders twice the same bytes",
                () ->
                    assertEquals(
                        renderer.render(c.plan(), c.options()),
                        renderer.render(c.plan(), c.options())))));
  }

  /** Compares with the golden file, or (with -Dgolden.update=true) writes it when it differs. */
  private static void compare(Path file, String rendered) throws IOException {
    assertTrue(rendered.endsWith("\n") && !rendered.endsWith("\n\n"), "must end with one \\n");
    assertTrue(rendered.indexOf('\r') < 0, "LF line endings only");
    boolean exists = Files.exists(file);
    if (file.getFileName().toString().endsWith(".err")) {
      // diagnostics name their file by path: the same on every machine, since tests run in the module
      assertTrue(rendered.contains("error["), "an .err golden holds diagnostics");
    }
    if (UPDATE) {
      if (!exists || !Files.readString(file, StandardCharsets.UTF_8).equals(rendered)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, rendered, StandardCharsets.UTF_8);
        System.err.println("golden: wrote " + file + " (review the diff)");
      }
      return;
    }
    if (!exists) {
      fail("missing golden file " + file + "; run with -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), rendered, file.toString());
  }

  /**
   * The case's revision files with LF and with CRLF line ends render the same scripts, except for
   * the checksum of the source bytes in the header.
   */
  private static void crlfRendersLikeLf(FileCase c) throws Exception {
    Path temp = Files.createTempDirectory("strata-golden-" + c.name());
    try {
      Path lf = copyWithLineEnds(c.versions(), temp.resolve("lf"), "\n");
      Path crlf = copyWithLineEnds(c.versions(), temp.resolve("crlf"), "\r\n");
      FileCase.Scripts lfScripts = FileCase.render(lf);
      FileCase.Scripts crlfScripts = FileCase.render(crlf);
      assertEquals(
          withoutSourcesChecksum(lfScripts.upgrade()),
          withoutSourcesChecksum(crlfScripts.upgrade()));
      assertEquals(
          lfScripts.downgrade().map(GoldenTest::withoutSourcesChecksum),
          crlfScripts.downgrade().map(GoldenTest::withoutSourcesChecksum));
    } finally {
      try (Stream<Path> paths = Files.walk(temp)) {
        for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static Path copyWithLineEnds(Path from, Path to, String lineEnd) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        Files.writeString(to.resolve(file.getFileName()), text.replace("\n", lineEnd));
      }
    }
    return to;
  }

  /**
   * The script with the header's {@code -- sources: sha256:<hex>} checksum masked, and the run id
   * derived from it (header line {@code -- run: <hex>}) masked wherever it occurs.
   */
  static String withoutSourcesChecksum(String script) {
    String masked =
        script.replaceFirst("(?m)^(-- sources: sha256:)[0-9a-f]{64}( over )", "$1<checksum>$2");
    java.util.regex.Matcher run =
        java.util.regex.Pattern.compile("(?m)^-- run: ([0-9a-f]{64}) ").matcher(masked);
    return run.find() ? masked.replace(run.group(1), "<run id>") : masked;
  }

  @Test
  void theCrlfCaseIsItsLfTwinWithCrlfLineEnds() throws IOException {
    FileCase crlf = new FileCase(CRLF_CASE, GOLDEN.resolve(CRLF_CASE));
    FileCase twin = new FileCase(CRLF_TWIN, GOLDEN.resolve(CRLF_TWIN));
    List<String> names = fileNames(twin.versions());
    assertEquals(names, fileNames(crlf.versions()), "the same revision files");
    for (String name : names) {
      String text = Files.readString(crlf.versions().resolve(name), StandardCharsets.UTF_8);
      assertTrue(text.contains("\r\n"), name + " has CRLF line ends");
      assertFalse(
          text.replace("\r\n", "").contains("\n"),
          name + ": every line must end with CRLF (is golden/.gitattributes' -text rule in place?)");
      assertEquals(
          Files.readString(twin.versions().resolve(name), StandardCharsets.UTF_8),
          text.replace("\r\n", "\n"),
          name + " must be its twin's file with CRLF line ends");
    }
    for (String golden : List.of(FileCase.UPGRADE_FILE, FileCase.DOWNGRADE_FILE)) {
      assertEquals(
          withoutSourcesChecksum(Files.readString(twin.dir().resolve(golden))),
          withoutSourcesChecksum(Files.readString(crlf.dir().resolve(golden))),
          golden + " of " + CRLF_CASE + " and " + CRLF_TWIN);
    }
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every entry of the corpus that belongs to no case, with the reason, in name order. */
  private static List<String> orphans(List<GoldenCase> java) throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> javaNames = new HashSet<>();
    for (GoldenCase c : java) {
      if (!javaNames.add(c.name())) {
        problems.add(c.name() + ": two Java cases have this name");
      }
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(GOLDEN)) {
      entries = list.sorted().toList();
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      boolean fileDriven = Files.isDirectory(entry.resolve(FileCase.VERSIONS));
      boolean javaDefined = javaNames.contains(name);
      if (name.equals(GITATTRIBUTES) && Files.isRegularFile(entry)) {
        continue;
      } else if (!Files.isDirectory(entry)) {
        problems.add(name + ": a file outside any case directory");
      } else if (fileDriven && javaDefined) {
        problems.add(name + ": both a file-driven case (versions/) and a Java case");
      } else if (!fileDriven && !javaDefined) {
        problems.add(name + ": neither versions/ nor a Java case in GoldenCases");
      } else {
        problems.addAll(strayEntries(entry, fileDriven));
      }
    }
    return problems;
  }

  private static List<String> strayEntries(Path caseDir, boolean fileDriven) throws IOException {
    Set<String> allowed = new HashSet<>(
        fileDriven
            ? Set.of(FileCase.VERSIONS, FileCase.UPGRADE_FILE, FileCase.DOWNGRADE_FILE, FileCase.NOT_DIRECT)
            : Set.of(FileCase.UPGRADE_FILE));
    if (fileDriven) {
      for (Dialect dialect : DIALECTS) {
        for (Direction direction : Direction.values()) {
          allowed.add(FileCase.fileName(dialect, direction, false));
          allowed.add(FileCase.fileName(dialect, direction, true));
        }
      }
    }
    List<String> problems = new ArrayList<>();
    String caseName = caseDir.getFileName().toString();
    for (String name : fileNames(caseDir)) {
      if (!allowed.contains(name)) {
        String kind = fileDriven ? "file-driven" : "Java";
        problems.add(caseName + "/" + name + ": not part of a " + kind + " case");
      }
    }
    if (fileDriven) {
      Path versions = caseDir.resolve(FileCase.VERSIONS);
      for (String name : fileNames(versions)) {
        if (!name.endsWith(".sql") || !Files.isRegularFile(versions.resolve(name))) {
          problems.add(
              caseName + "/versions/" + name + ": not a revision file (*.sql), the loader skips it");
        }
      }
    }
    return problems;
  }
}
