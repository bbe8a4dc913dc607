package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The parser corpora: every {@code parse/ok/*.sql} parses into exactly the tree of its {@code
 * .tree} file ({@link AstDump}), and its CRLF version gives the same tree; every {@code parse/errors/<name>.sql} fails with exactly {@code <name>.stderr}, with LF
 * and with CRLF line ends. Run with
 * {@code -Dgolden.update=true} to rewrite the {@code .tree} and {@code .stderr} files (then read
 * the diff).
 */
class ParseCorpusTest {
  private static final Path ROOT = Path.of("src/test/resources");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private final RevisionFileParser parser = new RevisionFileParser();

  @TestFactory
  Stream<DynamicTest> okFilesParse() throws IOException {
    return names("parse/ok", ".sql").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      String path = "parse/ok/" + name + ".sql";
      String text = read(path);
      assertTrue(!text.contains("\r"), path + " must be stored with LF line ends");
      RevisionFile lf = parse(path, text);
      RevisionFile crlf = parse(path, text.replace("\n", "\r\n"));
      assertEquals(lf.header(), crlf.header(), "CRLF header");
      assertEquals(lf.upgrade(), crlf.upgrade(), "CRLF upgrade");
      assertEquals(lf.downgrade(), crlf.downgrade(), "CRLF downgrade");
      String tree = AstDump.of(List.of(lf.header(), lf.upgrade(), lf.downgrade()));
      Path expected = ROOT.resolve("parse/ok/" + name + ".tree");
      if (UPDATE) {
        Files.writeString(expected, tree, StandardCharsets.UTF_8);
      }
      assertTrue(Files.exists(expected), "no " + expected + " (run with -Dgolden.update=true)");
      assertEquals(Files.readString(expected, StandardCharsets.UTF_8), tree, path + " tree");
    }));
  }

  @TestFactory
  Stream<DynamicTest> errorFilesFailWithTheirDiagnostic() throws IOException {
    return names("parse/errors", ".sql").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      String path = "parse/errors/" + name + ".sql";
      SourceFile source = new SourceFile(path, read(path));
      DiagnosticException error =
          assertThrows(DiagnosticException.class, () -> parser.parse(source), path);
      Path expected = ROOT.resolve("parse/errors/" + name + ".stderr");
      if (UPDATE) {
        Files.writeString(expected, error.format(), StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(expected, StandardCharsets.UTF_8), error.format(), path);
      SourceFile crlf = new SourceFile(path, source.text().replace("\n", "\r\n"));
      DiagnosticException crlfError =
          assertThrows(DiagnosticException.class, () -> parser.parse(crlf), path + " (CRLF)");
      assertEquals(error.format(), crlfError.format(), path + " with CRLF line ends");
    }));
  }

  @TestFactory
  Stream<DynamicTest> noOrphans() throws IOException {
    Set<String> sql = names("parse/errors", ".sql");
    Set<String> stderr = names("parse/errors", ".stderr");
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("every error case has a .stderr", () -> {
      if (!UPDATE && !stderr.containsAll(sql)) {
        Set<String> missing = new TreeSet<>(sql);
        missing.removeAll(stderr);
        fail("no .stderr for " + missing);
      }
    }));
    tests.add(DynamicTest.dynamicTest("every .stderr has its .sql", () -> {
      Set<String> orphans = new TreeSet<>(stderr);
      orphans.removeAll(sql);
      assertEquals(Set.of(), orphans, "orphan .stderr files");
    }));
    tests.add(DynamicTest.dynamicTest("every .tree has its .sql", () -> {
      Set<String> orphans = new TreeSet<>(names("parse/ok", ".tree"));
      orphans.removeAll(names("parse/ok", ".sql"));
      assertEquals(Set.of(), orphans, "orphan .tree files");
    }));
    tests.add(DynamicTest.dynamicTest("the corpora are not empty", () -> {
      assertTrue(names("parse/ok", ".sql").size() >= 10);
      assertTrue(sql.size() >= 15);
    }));
    return tests.stream();
  }

  private RevisionFile parse(String path, String text) {
    try {
      return parser.parse(new SourceFile(path, text));
    } catch (DiagnosticException e) {
      return fail(path + " should parse:\n" + e.format());
    }
  }

  static String read(String path) throws IOException {
    return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
  }

  private static Set<String> names(String dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .map(n -> n.substring(0, n.length() - suffix.length()))
          .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
    }
  }
}
