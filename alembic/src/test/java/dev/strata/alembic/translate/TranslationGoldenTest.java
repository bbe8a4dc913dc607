package dev.strata.alembic.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden translations: each {@code src/test/resources/translate/NAME.py} is the body of an
 * {@code upgrade()} (see {@link Snippet} for the imports around it) and {@code NAME.sql} the exact
 * section body the translator writes for it. What each statement does to PostgreSQL is proved
 * against Alembic itself by {@link AlembicParityTest}; these pin the text.
 */
class TranslationGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/translate");

  static Stream<String> cases() throws Exception {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".py"))
          .map(name -> name.substring(0, name.length() - 3))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translatesExactly(String name) throws Exception {
    String python = Files.readString(DIR.resolve(name + ".py"), StandardCharsets.UTF_8);
    String expected = Files.readString(DIR.resolve(name + ".sql"), StandardCharsets.UTF_8);
    Translation translation = Snippet.translate(python, TypeMap.EMPTY);
    assertEquals(expected, String.join("\n", translation.lines()) + "\n");
    assertEquals(List.of(), translation.placeholders());
  }
}
