package dev.strata.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Jackson says about a {@code MANIFEST.json} it refuses into a {@link
 * BundleProblem.Kind#MANIFEST} problem at the line and column it names, in strata's words: the
 * key path ({@code steps[2].up.sha256}) and what is wrong with it. A positioned message names
 * no file: the position does.
 */
final class ManifestErrors {
  /** The longest line printed under a diagnostic; a manifest line is far shorter. */
  private static final int MAX_SHOWN = 1000;
  /** A record's own complaint names its key first: {@code 'sha256' is not ...}. */
  private static final Pattern NAMED = Pattern.compile("'([A-Za-z0-9.]+)' ");

  private ManifestErrors() {}

  /** {@code MANIFEST.json is not a strata bundle manifest}. */
  static BundleProblem notAManifest() {
    return new BundleProblem(BundleProblem.Kind.MANIFEST,
        Bundle.MANIFEST + " is not a strata bundle manifest");
  }

  /** The problem Jackson found in {@code text}, at its position. */
  static BundleProblem problem(JsonProcessingException e, String text) {
    String key = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
    boolean trailing = String.valueOf(e.getOriginalMessage()).startsWith("Trailing token");
    String what = switch (e) {
      case UnrecognizedPropertyException u -> "unknown key '" + u.getPropertyName() + "'"
          + (key.contains(".") || key.contains("[") ? " in " + parent(key) : "");
      case ValueInstantiationException v -> (key.isEmpty() ? "" : "in " + key + ": ")
          + (v.getCause() != null ? v.getCause().getMessage() : v.getOriginalMessage());
      case MismatchedInputException m when trailing -> "data after the manifest's closing brace";
      case MismatchedInputException m -> (key.isEmpty() ? "the manifest" : "'" + key + "'")
          + " is not " + expected(m.getTargetType());
      case DatabindException d -> (key.isEmpty() ? "" : "'" + key + "': ") + firstLine(d);
      default -> e.getOriginalMessage().startsWith("Duplicate field")
          ? "duplicate key " + e.getOriginalMessage().substring("Duplicate field ".length())
          : "not valid JSON (" + firstLine(e) + ")";
    };
    JsonLocation at = e.getLocation();
    if (e instanceof JsonMappingException mapping && !trailing) {
      String pointer = pointer(mapping.getPath());
      Optional<JsonLocation> found = Optional.empty();
      Matcher named = NAMED.matcher(e instanceof ValueInstantiationException && e.getCause() != null
          ? String.valueOf(e.getCause().getMessage()) : "");
      if (named.lookingAt()) {
        found = locate(text, pointer + "/" + named.group(1).replace('.', '/'), true);
      }
      at = found.or(() -> locate(text, pointer, !(e instanceof UnrecognizedPropertyException)))
          .orElse(at);
    } else {
      at = duplicateKey(e);
    }
    return at(what, text, at == null ? 1 : at.getLineNr(),
        at == null ? 1 : at.getColumnNr());
  }

  /**
   * A manifest that reads as a valid one but is not the bytes strata writes for it (another key
   * order, spacing, escapes or number form), at the first character that differs.
   */
  static BundleProblem notCanonical(String text, String canonical) {
    int i = 0;
    while (i < text.length() && i < canonical.length() && text.charAt(i) == canonical.charAt(i)) {
      i++;
    }
    int line = 1;
    int lineStart = 0;
    for (int j = 0; j < i; j++) {
      if (text.charAt(j) == '\n') {
        line++;
        lineStart = j + 1;
      }
    }
    // the two agree up to i, so the line starts at lineStart in both
    int end = canonical.indexOf('\n', lineStart);
    String expected = canonical.substring(lineStart, end < 0 ? canonical.length() : end);
    return at("not laid out as strata writes it: here strata writes "
        + BundleProblem.quoted(expected.length() > 100 ? expected.substring(0, 100) + "..."
            : expected), text, line, i - lineStart + 1);
  }

  private static BundleProblem at(String message, String text, int line, int column) {
    return new BundleProblem(BundleProblem.Kind.MANIFEST, message, new BundleProblem.Position(
        Bundle.MANIFEST, Math.max(1, line), Math.max(1, column), shown(text, line)));
  }

  /** Line {@code n} of {@code text}, cut to {@link #MAX_SHOWN}, control characters replaced. */
  private static String shown(String text, int n) {
    int start = 0;
    for (int line = 1; line < n && start >= 0; line++) {
      start = text.indexOf('\n', start);
      start = start < 0 ? -1 : start + 1;
    }
    if (start < 0 || start > text.length()) {
      return "";
    }
    int end = text.indexOf('\n', start);
    String line = text.substring(start, end < 0 ? text.length() : end);
    line = line.substring(0, Math.min(line.length(), MAX_SHOWN));
    StringBuilder out = new StringBuilder(line.length());
    line.chars().forEach(c -> out.append(Character.isISOControl(c) && c != '\t' ? '\uFFFD'
        : (char) c));
    return out.toString();
  }

  /**
   * Where the value at {@code path} starts in {@code text} (or its key, when {@code value} is
   * false), found by walking the tokens: Jackson reports a record's errors at the end of the
   * object, after the creator has seen all its keys.
   */
  private static Optional<JsonLocation> locate(String text, String wanted, boolean value) {
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        String at = parser.getParsingContext().pathAsPointer().toString();
        boolean isKey = token == JsonToken.FIELD_NAME;
        if (at.equals(wanted) && (value ? !isKey : isKey)) {
          return Optional.of(parser.currentTokenLocation());
        }
      }
    } catch (java.io.IOException e) {
      // the manifest did parse, up to the error at least: report where Jackson said
    }
    return Optional.empty();
  }

  /** Jackson reports a duplicate key after it; the key's opening quote is where it starts. */
  private static JsonLocation duplicateKey(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String message = String.valueOf(e.getOriginalMessage());
    if (at == null || !message.startsWith("Duplicate field '")) {
      return at;
    }
    int keyLength = message.length() - "Duplicate field ''".length();
    return new JsonLocation(at.contentReference(), at.getCharOffset(), at.getLineNr(),
        Math.max(1, at.getColumnNr() - keyLength - 2));
  }

  /** The JSON pointer of a key path, such as {@code /steps/2/up/sha256}. */
  private static String pointer(List<JsonMappingException.Reference> references) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      pointer.append('/').append(reference.getFieldName() != null ? reference.getFieldName()
          : String.valueOf(reference.getIndex()));
    }
    return pointer.toString();
  }

  /** A key path such as {@code steps[2].up.sha256}. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String parent(String key) {
    int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
    return key.substring(0, cut);
  }

  /** What a value of {@code type} is, in JSON's terms. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "of the right JSON type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return List.class.isAssignableFrom(type) ? "an array" : "an object";
  }

  private static String firstLine(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
