package dev.strata.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.ast.HeaderValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
   * The manifest of {@code compiled}; {@code files} are the bundle's files so far (every file but
   * the manifest itself and {@code SHA256SUMS}), each listed with its size and sha256.
   */
  static byte[] render(BundleCompiler.Compiled compiled, SortedMap<String, byte[]> files) {
    ScriptOptions options = compiled.options();
    ObjectNode root = JsonText.MAPPER.createObjectNode();
    root.put("format", "strata-bundle");
    root.put("formatVersion", FORMAT_VERSION);
    root.put("toolVersion", options.toolVersion());
    root.put("dialect", compiled.dialect().id());
    ObjectNode table = root.putObject("versionTable");
    table.put("name", options.versionTable());
    table.put("schema", options.versionTableSchema().orElse(null));
    root.put("transactionMode", CompileOptions.TransactionModeConverter.id(options.transactionMode()));
    root.put("guards", options.guards());
    root.put("lockTimeout", options.lockTimeout().orElse(null));
    root.put("statementTimeout", options.statementTimeout().orElse(null));
    root.put("lockWait", options.lockWait().orElse(null));
    strings(root.putArray("from"), compiled.upgrade().fromHeads());
    strings(root.putArray("to"), compiled.upgrade().toHeads());
    ArrayNode steps = root.putArray("steps");
    for (BundleCompiler.StepFiles step : compiled.steps()) {
      steps.add(step(step, compiled.dialect(), files));
    }
    root.set("upgrade", script(Bundle.UPGRADE, compiled.upgradeScript(), files));
    root.set("rollback", script(Bundle.ROLLBACK, compiled.rollbackScript(), files));
    ArrayNode list = root.putArray("files");
    files.forEach((path, bytes) -> {
      ObjectNode file = list.addObject();
      file.put("path", path);
      file.put("size", bytes.length);
      file.put("sha256", Sha256.hex(bytes));
    });
    return write(root);
  }

  private static ObjectNode step(
      BundleCompiler.StepFiles step, Dialect dialect, Map<String, byte[]> files) {
    ObjectNode node = JsonText.MAPPER.createObjectNode();
    node.put("position", step.position());
    node.put("revision", step.step().id());
    strings(node.putArray("parents"),
        step.step().revision().header().revises().stream().map(HeaderValue::text).toList());
    node.put("message", step.step().message());
    node.put("direction", step.step().direction().word());
    node.set("source", file(step.source(), files));
    node.set("up", file(step.up(), files));
    node.set("down", file(step.down(), files));
    node.put("psqlMetaCommands",
        !PsqlMetaCommandBlock.of(step.step().revision(), dialect).isEmpty());
    return node;
  }

  private static ObjectNode script(String path, RenderedScript script, Map<String, byte[]> files) {
    ObjectNode node = file(path, files);
    ArrayNode segments = node.putArray("segments");
    for (RenderedScript.Segment segment : script.segments()) {
      ObjectNode s = segments.addObject();
      s.put("number", segment.number());
      s.put("transactional", segment.transactional());
      strings(s.putArray("revisions"), segment.revisions());
      strings(s.putArray("statements"), segment.statements());
      strings(s.putArray("headsAfter"), segment.headsAfter());
    }
    return node;
  }

  private static ObjectNode file(String path, Map<String, byte[]> files) {
    ObjectNode node = JsonText.MAPPER.createObjectNode();
    node.put("path", path);
    node.put("sha256", Sha256.hex(files.get(path)));
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static byte[] write(JsonNode root) {
    return JsonText.write(root).getBytes(StandardCharsets.UTF_8);
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
