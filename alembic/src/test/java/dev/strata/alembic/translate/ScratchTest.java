package dev.strata.alembic.translate;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void show() throws Exception {
    String body = Files.readString(Path.of("/tmp/h6/snippet.py"));
    Translation t = Snippet.translate(body, TypeMap.EMPTY);
    System.out.println("=====\n" + String.join("\n", t.lines()) + "\n===== converted "
        + t.convertedOperations());
    t.placeholders().forEach(p -> System.out.println(p.reportLine()));
  }
}
