package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bad input never escapes as anything but a {@link DiagnosticException}: every prefix of every ok
 * file, and every ok file with one character removed, either parses or fails with a diagnostic
 * whose position lies inside the file (or just after its end).
 */
@Tag("sweep") // a long sweep: run by mvn verify -Psweeps, not the default suite
class ParseRobustnessTest {
  private final RevisionFileParser parser = new RevisionFileParser();

  @Test
  void everyPrefixAndEveryOneCharDeletionGivesATreeOrADiagnostic() throws IOException {
    for (Path path : okFiles()) {
      String text = Files.readString(path);
      for (int i = 0; i < text.length(); i++) {
        check(path + " cut at " + i, text.substring(0, i));
        check(path + " without char " + i, text.substring(0, i) + text.substring(i + 1));
      }
    }
  }

  private void check(String what, String text) {
    SourceFile source = new SourceFile("x.sql", text);
    try {
      parser.parse(source);
    } catch (DiagnosticException e) {
      Span span = e.diagnostics().get(0).location().orElseThrow().span();
      int lines = text.split("\n", -1).length;
      assertFalse(span.line() > lines, what + ": diagnostic past the end\n" + e.format());
    } catch (RuntimeException e) {
      fail(what + ": " + e, e);
    }
  }

  private static List<Path> okFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/parse/ok"))) {
      return files.sorted().toList();
    }
  }
}
