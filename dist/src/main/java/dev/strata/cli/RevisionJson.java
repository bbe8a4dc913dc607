package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Revisions as the read commands print them with {@code --format json}: one object per revision
 * with the fields of {@code docs/cli.md} ("JSON output"), in a fixed order, pretty-printed with two
 * spaces and LF, ending with a line break. Field names never change meaning; new fields are added at
 * the end.
 */
final class RevisionJson {
  private RevisionJson() {}

  /** A new empty object, the root of a command's output. */
  static ObjectNode object() {
    return JsonText.MAPPER.createObjectNode();
  }

  /**
   * {@code {"id", "parents", "children", "dependsOn", "branchLabels", "message", "path", "sha256",
   * "base", "head", "effectiveHead", "branchPoint", "mergePoint"}}: {@link RevisionFacts}, where
   * {@code head} is true for effective heads too and {@code effectiveHead} only for them.
   */
  static ObjectNode revision(RevisionFacts revision) {
    ObjectNode node = JsonText.MAPPER.createObjectNode();
    node.put("id", revision.id());
    strings(node.putArray("parents"), revision.parents());
    strings(node.putArray("children"), revision.children());
    strings(node.putArray("dependsOn"), revision.dependsOn());
    strings(node.putArray("branchLabels"), revision.branchLabels());
    node.put("message", revision.message());
    node.put("path", revision.path());
    node.put("sha256", revision.sha256());
    node.put("base", revision.base());
    node.put("head", revision.head());
    node.put("effectiveHead", revision.effectiveHead());
    node.put("branchPoint", revision.branchPoint());
    node.put("mergePoint", revision.mergePoint());
    return node;
  }

  /** An array of {@link #revision} objects, in the order given. */
  static void revisions(ArrayNode array, List<RevisionFacts> revisions) {
    revisions.forEach(r -> array.add(revision(r)));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

}
