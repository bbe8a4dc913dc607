package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyModule;
import dev.strata.alembic.py.PyStmt;
import dev.strata.alembic.py.PythonSource;
import java.nio.file.Path;

/**
 * A revision file made of the usual imports and an {@code upgrade()} whose body is a snippet of
 * Python, translated as the importer translates it.
 */
final class Snippet {
  /** The file name placeholders report. */
  static final Path FILE = Path.of("versions/abc123_snippet.py");

  /** The lines before the body: 6 lines, so the body starts on line 7. */
  static final String HEADER = """
      from alembic import op
      import sqlalchemy as sa
      from sqlalchemy.dialects import postgresql
      from myapp.types import GUID

      def upgrade():
      """;

  private Snippet() {}

  /** The whole file for a body (each line of {@code body} indented by 4 spaces). */
  static String file(String body) {
    StringBuilder text = new StringBuilder(HEADER);
    for (String line : body.strip().split("\n", -1)) {
      text.append(line.isEmpty() ? "" : "    " + line).append('\n');
    }
    return text.toString();
  }

  /** The translation of {@code body} with {@code typeMap}. */
  static Translation translate(String body, TypeMap typeMap) throws Exception {
    PyModule module = PythonSource.parse(FILE, file(body));
    for (PyStmt statement : module.body()) {
      if (statement instanceof PyStmt.Def def && def.name().equals("upgrade")) {
        return OpTranslator.translate(module, def, typeMap);
      }
    }
    throw new AssertionError("no upgrade()");
  }

  /** The translated lines of {@code body}, joined with line feeds. */
  static String text(String body) throws Exception {
    return String.join("\n", translate(body, TypeMap.EMPTY).lines());
  }
}
