package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.RevisionGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code strata status} reports for several databases ({@code --db} given more than once):
 * each one's {@link DatabaseStatus}, then whether they agree, that is hold the same rows in their
 * version tables (the same heads: "both books must be on the same head"), and when they do not,
 * which revisions each has applied that another lacks.
 *
 * @param databases each database's report, in the order given
 * @param applied per database (same order), every revision it has applied: its rows and their
 *     ancestors through parents and dependencies
 */
record StatusAgreement(List<DatabaseStatus> databases, List<Set<String>> applied) {
  StatusAgreement {
    databases = List.copyOf(databases);
    applied = applied.stream().map(Set::copyOf).toList();
    if (databases.size() != applied.size() || databases.size() < 2) {
      throw new IllegalArgumentException("two or more databases, each with its applied set");
    }
  }

  /** The agreement of {@code databases}, their applied revisions taken from {@code graph}. */
  static StatusAgreement of(List<DatabaseStatus> databases, RevisionGraph graph) {
    List<Set<String>> applied = new ArrayList<>();
    for (DatabaseStatus status : databases) {
      Set<String> revisions = new LinkedHashSet<>();
      for (String row : status.state().rows()) {
        revisions.add(row);
        revisions.addAll(graph.ancestors(row));
      }
      applied.add(revisions);
    }
    return new StatusAgreement(databases, applied);
  }

  /** Whether every database holds the same rows (the same heads, or all at base). */
  boolean agree() {
    List<String> first = databases.getFirst().state().rows();
    return databases.stream().allMatch(d -> d.state().rows().equals(first));
  }

  /** The revisions database {@code i} has applied that at least one other lacks, sorted by id. */
  List<String> ahead(int i) {
    List<String> ahead = new ArrayList<>();
    for (String revision : applied.get(i)) {
      for (int j = 0; j < applied.size(); j++) {
        if (j != i && !applied.get(j).contains(revision)) {
          ahead.add(revision);
          break;
        }
      }
    }
    return ahead.stream().sorted().toList();
  }

  /** Each report, a blank line between them, then the {@code agree:} lines. */
  String text() {
    StringBuilder out = new StringBuilder();
    for (DatabaseStatus status : databases) {
      out.append(status.text()).append('\n');
    }
    if (agree()) {
      List<String> rows = databases.getFirst().state().rows();
      out.append("agree: yes, the ").append(databases.size()).append(" databases are at ")
          .append(rows.isEmpty() ? "base" : String.join(", ", rows)).append('\n');
      return out.toString();
    }
    out.append("agree: no, the ").append(databases.size())
        .append(" databases are at different revisions\n");
    for (int i = 0; i < databases.size(); i++) {
      DatabaseStatus status = databases.get(i);
      List<String> ahead = ahead(i);
      out.append("  ").append(status.database()).append(" is at ")
          .append(status.state().current()).append(ahead.isEmpty()
              ? "; has nothing another database lacks"
              : "; has " + String.join(", ", ahead) + ", which another database lacks")
          .append('\n');
    }
    return out.toString();
  }

  /** {@code {"databases": [...each report...], "agree": bool, "ahead": [...]}}. */
  String json() {
    ObjectNode root = JsonText.MAPPER.createObjectNode();
    ArrayNode reports = root.putArray("databases");
    for (DatabaseStatus status : databases) {
      reports.add(status.jsonNode());
    }
    root.put("agree", agree());
    ArrayNode ahead = root.putArray("ahead");
    for (int i = 0; i < databases.size(); i++) {
      ObjectNode entry = ahead.addObject();
      entry.put("database", databases.get(i).database());
      ahead(i).forEach(entry.putArray("revisions")::add);
    }
    return JsonText.write(root);
  }
}
