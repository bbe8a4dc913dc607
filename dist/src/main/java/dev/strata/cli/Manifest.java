package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
   * Reads a manifest for {@code strata verify}.
   *
   * @throws BundleProblem when it is not JSON, or not of {@link #FORMAT_VERSION}
   */
  static JsonNode read(byte[] bytes) throws BundleProblem {
    JsonNode root;
    try {
      root = JsonText.MAPPER.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new BundleProblem(Bundle.MANIFEST + " is not valid JSON");
    }
    if (root == null || !root.isObject() || !"strata-bundle".equals(root.path("format").asText())) {
      throw new BundleProblem(Bundle.MANIFEST + " is not a strata bundle manifest");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new BundleProblem(Bundle.MANIFEST + " has format version " + root.path("formatVersion")
          + ", this strata reads version " + FORMAT_VERSION);
    }
    return root;
  }
}
