package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A guard against the parser becoming slow (full-LL prediction everywhere, a quadratic pass):
 * 10,000 files of the ok corpus, cold, in well under the bound (about 1.5 s on a 2-core machine).
 */
class ParseSpeedTest {
  @Test
  void tenThousandFilesParseQuickly() throws IOException, DiagnosticException {
    List<SourceFile> files;
    try (Stream<Path> paths = Files.list(Path.of("src/test/resources/parse/ok"))) {
      files = paths.sorted().map(path -> {
        try {
          return new SourceFile(path.toString(), Files.readString(path));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
    RevisionFileParser parser = new RevisionFileParser();
    long start = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      parser.parse(files.get(i % files.size()));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 8_000, "10,000 parses took " + millis + " ms");
  }
}
