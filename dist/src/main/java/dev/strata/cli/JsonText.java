package dev.strata.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The one way strata writes JSON (MANIFEST.json and every {@code --format json}): Jackson trees
 * printed with two-space indents, {@code "key": value}, {@code []}/{@code {}} for empty containers,
 * LF line ends on every platform, and a final LF. Field order is the order the tree was built in.
 */
final class JsonText {
  /** For building trees ({@code createObjectNode}) and reading JSON. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final ObjectWriter WRITER = MAPPER.writer(printer());

  private JsonText() {}

  /** {@code root} as text, ending with {@code \n}. */
  static String write(JsonNode root) {
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * A generator writing to {@code out} in the same layout as {@link #write}, for JSON too large to
   * build as a tree (a bundle's manifest); closing it flushes and leaves {@code out} open. The
   * caller writes the final {@code \n}.
   *
   * @throws IOException never for a writer that does not fail; as Jackson declares it
   */
  static JsonGenerator generator(Writer out) throws IOException {
    return WRITER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /**
   * {@code value} (a record, say) serialized by {@link #MAPPER} in the same layout, ending with
   * {@code \n}: a value read from JSON that this writes back identically was in strata's form.
   */
  static String writeValue(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records of strings, numbers and lists serialize", e);
    }
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter lf = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(lf).withArrayIndenter(lf);
  }
}
