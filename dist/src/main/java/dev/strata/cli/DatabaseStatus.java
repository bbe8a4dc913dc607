package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.Step;
import dev.strata.compiler.schema.Change;
import java.util.List;
import java.util.Optional;

/**
 * What {@code strata status --db} reports: the database (URL with the password masked), its
 * version table, its current heads, the upgrade steps still to run to reach {@code target} and the
 * command that renders them ({@code docs/cli.md} documents both output formats).
 *
 * @param database the URL, password masked
 * @param state the version table as read
 * @param target {@code head}, or {@code heads} when the revision files have several heads
 * @param pending the upgrade steps from the current heads to the target, in run order
 * @param command the {@code strata upgrade} command that renders them; empty when none are left
 * @param drift how the database's schema differs from the model of its current revisions ({@link
 *     Drift}), model before, database after; empty when they agree
 * @param handEdits the hand edits ({@code -- +postgresql} blocks) on the way to the current
 *     revisions, as {@code path:line:column}: the model cannot know what they did, so drift may
 *     be theirs
 */
record DatabaseStatus(
    String database,
    DatabaseState state,
    String target,
    List<Step> pending,
    Optional<String> command,
    List<Change> drift,
    List<String> handEdits) {
  DatabaseStatus {
    pending = List.copyOf(pending);
    drift = List.copyOf(drift);
    handEdits = List.copyOf(handEdits);
  }

  /** The text report: one {@code key: value} line each, pending revisions indented below. */
  String text() {
    StringBuilder out = new StringBuilder();
    line(out, "database", database);
    line(out, "version table", state.displayName() + (state.tableExists() ? "" : " (does not exist)"));
    line(out, "current", state.rows().isEmpty() ? "base" : String.join(", ", state.rows()));
    line(out, "to reach " + target, pending.isEmpty()
        ? "nothing to apply, the database is up to date"
        : pending.size() + (pending.size() == 1 ? " revision" : " revisions"));
    int width = pending.stream().mapToInt(step -> step.id().length()).max().orElse(0);
    for (Step step : pending) {
      out.append("  ").append(step.id());
      if (!step.message().isEmpty()) {
        out.append(" ".repeat(width - step.id().length() + 2)).append(step.message());
      }
      out.append('\n');
    }
    command.ifPresent(c -> line(out, "run", c));
    line(out, "drift", drift.isEmpty()
        ? "none, the schema is the one its revisions make"
        : drift.size() + (drift.size() == 1 ? " difference" : " differences")
            + " from the schema its revisions make");
    drift.forEach(change -> out.append("  ").append(change.description()).append('\n'));
    if (!handEdits.isEmpty()) {
      line(out, "hand edits", handEdits.size() + " on the way, the model cannot follow them: "
          + String.join(", ", handEdits));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append(key).append(": ").append(value).append('\n');
  }

  /** The JSON report: fixed key order, two-space indentation, a final LF. */
  String json() {
    return JsonText.write(jsonNode());
  }

  /** The JSON report as a tree ({@link StatusAgreement} puts several in one document). */
  ObjectNode jsonNode() {
    ObjectNode root = JsonText.MAPPER.createObjectNode();
    root.put("database", database);
    ObjectNode table = root.putObject("versionTable");
    table.put("name", state.table());
    table.put("schema", state.schema().orElse(null));
    table.put("exists", state.tableExists());
    state.rows().forEach(root.putArray("current")::add);
    root.put("target", target);
    ArrayNode revisions = root.putArray("pending");
    for (Step step : pending) {
      ObjectNode revision = revisions.addObject();
      revision.put("revision", step.id());
      revision.put("message", step.message());
    }
    root.put("command", command.orElse(null));
    DiffCommand.changes(root.putArray("drift"), drift);
    handEdits.forEach(root.putArray("handEdits")::add);
    return root;
  }
}
