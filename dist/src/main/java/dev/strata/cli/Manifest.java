package dev.strata.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.ast.HeaderValue;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * {@code MANIFEST.json}: what a bundle holds and how it was made, written with Jackson in a fixed
 * key order (the order of the code below), two-space indentation, {@code "key": value}, LF line ends and a final LF.
 * The fields are documented in {@code docs/bundle-format.md}.
 */
final class Manifest {
  /** The bundle format this code writes and {@code strata verify} reads. */
  static final int FORMAT_VERSION = 1;

  private Manifest() {}

  /**
   * Writes the manifest of {@code compiled} to {@code out} as it goes (no tree of the whole
   * manifest is built: it grows with the number of revisions); {@code files} are the bundle's
   * files so far (every file but the manifest itself and {@code SHA256SUMS}), each listed with its
   * size and sha256. The bytes are those of {@link JsonText#write} of the same fields.
   *
   * @throws IOException when {@code out} fails
   */
  static void write(BundleCompiler.Compiled compiled,
      SortedMap<String, BundleFiles.Content> files, Writer out) throws IOException {
    ScriptOptions options = compiled.options();
    try (JsonGenerator json = JsonText.generator(out)) {
      json.writeStartObject();
      json.writeStringField("format", "strata-bundle");
      json.writeNumberField("formatVersion", FORMAT_VERSION);
      json.writeStringField("toolVersion", options.toolVersion());
      json.writeStringField("dialect", compiled.dialect().id());
      json.writeObjectFieldStart("versionTable");
      json.writeStringField("name", options.versionTable());
      optional(json, "schema", options.versionTableSchema());
      json.writeEndObject();
      json.writeStringField("transactionMode",
          CompileOptions.TransactionModeConverter.id(options.transactionMode()));
      json.writeBooleanField("guards", options.guards());
      optional(json, "lockTimeout", options.lockTimeout());
      optional(json, "statementTimeout", options.statementTimeout());
      optional(json, "lockWait", options.lockWait());
      strings(json, "from", compiled.upgrade().fromHeads());
      strings(json, "to", compiled.upgrade().toHeads());
      json.writeArrayFieldStart("steps");
      for (BundleCompiler.StepFiles step : compiled.steps()) {
        step(json, step, compiled.dialect(), files);
      }
      json.writeEndArray();
      json.writeFieldName("upgrade");
      script(json, Bundle.UPGRADE, compiled.upgradeScript(), files);
      json.writeFieldName("rollback");
      script(json, Bundle.ROLLBACK, compiled.rollbackScript(), files);
      json.writeArrayFieldStart("files");
      for (Map.Entry<String, BundleFiles.Content> file : files.entrySet()) {
        json.writeStartObject();
        json.writeStringField("path", file.getKey());
        json.writeNumberField("size", file.getValue().size());
        json.writeStringField("sha256", file.getValue().sha256());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
  }

  private static void step(JsonGenerator json, BundleCompiler.StepFiles step, Dialect dialect,
      Map<String, BundleFiles.Content> files) throws IOException {
    json.writeStartObject();
    json.writeNumberField("position", step.position());
    json.writeStringField("revision", step.step().id());
    strings(json, "parents",
        step.step().revision().header().revises().stream().map(HeaderValue::text).toList());
    json.writeStringField("message", step.step().message());
    json.writeStringField("direction", step.step().direction().word());
    json.writeFieldName("source");
    file(json, step.source(), files);
    json.writeFieldName("up");
    file(json, step.up(), files);
    json.writeFieldName("down");
    file(json, step.down(), files);
    json.writeBooleanField("psqlMetaCommands",
        !PsqlMetaCommandBlock.of(step.step().revision(), dialect).isEmpty());
    json.writeEndObject();
  }

  private static void script(JsonGenerator json, String path, BundleScript script,
      Map<String, BundleFiles.Content> files) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", path);
    json.writeStringField("sha256", sha256(path, files));
    json.writeArrayFieldStart("segments");
    for (RenderedScript.Segment segment : script.segments()) {
      json.writeStartObject();
      json.writeNumberField("number", segment.number());
      json.writeBooleanField("transactional", segment.transactional());
      strings(json, "revisions", segment.revisions());
      strings(json, "statements", segment.statements());
      strings(json, "headsAfter", segment.headsAfter());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void file(JsonGenerator json, String path,
      Map<String, BundleFiles.Content> files) throws IOException {
    json.writeStartObject();
    json.writeStringField("path", path);
    json.writeStringField("sha256", sha256(path, files));
    json.writeEndObject();
  }

  private static String sha256(String path, Map<String, BundleFiles.Content> files) {
    BundleFiles.Content content = files.get(path);
    if (content == null) {
      throw new IllegalStateException("the manifest names '" + path + "', which is not written");
    }
    return content.sha256();
  }

  private static void optional(JsonGenerator json, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    } else {
      json.writeNullField(name);
    }
  }

  private static void strings(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /**
   * Reads a manifest for {@code strata verify}, strictly: JSON with no duplicate key and nothing
   * after the object ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}, {@link
   * DeserializationFeature#FAIL_ON_TRAILING_TOKENS}), every key known and of its type (no
   * coercion between strings, numbers and booleans, no float for an integer), then written back
   * byte for byte as {@link #render} writes it (key order, layout, escapes), so that two
   * manifests that read alike are the same bytes.
   *
   * @throws BundleProblem ({@link BundleProblem.Kind#MANIFEST}, at its line and column) when it is
   *     not such a manifest, or is of another {@link #FORMAT_VERSION}
   */
  static ManifestModel read(byte[] bytes) throws BundleProblem {
    String text = new String(bytes, StandardCharsets.UTF_8);
    checkFormat(bytes, text);
    ManifestModel model;
    try {
      model = STRICT.readValue(bytes, ManifestModel.class);
    } catch (JsonProcessingException e) {
      throw ManifestErrors.problem(e, text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("reading bytes in memory does not fail", e);
    }
    String canonical = JsonText.writeValue(model);
    if (!canonical.equals(text)) {
      throw ManifestErrors.notCanonical(text, canonical);
    }
    return model;
  }

  /** {@code format} and {@code formatVersion}, read first, so another version is named as such. */
  private static void checkFormat(byte[] bytes, String text) throws BundleProblem {
    String format = null;
    String version = null;
    try (JsonParser parser = STRICT.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw ManifestErrors.notAManifest();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (key.equals("format") && value == JsonToken.VALUE_STRING) {
          format = parser.getText();
        } else if (key.equals("formatVersion") && value.isScalarValue()) {
          version = value == JsonToken.VALUE_STRING ? '"' + parser.getText() + '"'
              : parser.getText();
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw ManifestErrors.problem(e, text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("reading bytes in memory does not fail", e);
    }
    if (!"strata-bundle".equals(format)) {
      throw ManifestErrors.notAManifest();
    }
    if (!String.valueOf(FORMAT_VERSION).equals(version)) {
      throw new BundleProblem(BundleProblem.Kind.MANIFEST, Bundle.MANIFEST + " has format version "
          + version + ", this strata reads version " + FORMAT_VERSION);
    }
  }

  /** The strict reader of {@link #read}. */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .withCoercionConfigDefaults(config -> {
        for (CoercionInputShape shape : CoercionInputShape.values()) {
          config.setCoercion(shape, CoercionAction.Fail);
        }
        config.setAcceptBlankAsEmpty(false);
      })
      .build();
}
