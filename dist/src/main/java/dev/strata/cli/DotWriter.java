package dev.strata.cli;

import java.util.List;

/**
 * Writes a {@link GraphDrawing} as a Graphviz DOT digraph (render with {@code dot -Tsvg}): bases at
 * the top, one box per revision labelled with its id, branch labels and message, {@code revises}
 * edges solid and {@code depends-on} edges dashed. Heads have a double border (dashed for an
 * effective head) and a green fill; merge and branch points are hexagons, filled purple and amber
 * unless they are heads; bases are blue. Strings are quoted, with {@code \} and {@code "} escaped.
 */
final class DotWriter {
  private DotWriter() {}

  /** The whole DOT text, ending with a line break. */
  static String write(GraphDrawing drawing) {
    StringBuilder dot = new StringBuilder();
    dot.append("digraph strata {\n");
    dot.append("  rankdir=TB;\n");
    dot.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\","
        + " fontname=\"Helvetica\", fontsize=10];\n");
    dot.append("  edge [arrowsize=0.7];\n");
    for (RevisionFacts revision : drawing.nodes()) {
      dot.append("  ").append(quoted(revision.id())).append(" [label=")
          .append(quoted(label(revision))).append(attributes(revision)).append("];\n");
    }
    edges(dot, drawing.parentEdges(), "");
    edges(dot, drawing.dependsOnEdges(), " [style=dashed]");
    dot.append("}\n");
    return dot.toString();
  }

  private static void edges(StringBuilder dot, List<GraphDrawing.Edge> edges, String attributes) {
    for (GraphDrawing.Edge edge : edges) {
      dot.append("  ").append(quoted(edge.from())).append(" -> ").append(quoted(edge.to()))
          .append(attributes).append(";\n");
    }
  }

  private static String label(RevisionFacts revision) {
    String title = GraphDrawing.title(revision);
    return revision.message().isEmpty() ? title : title + "\n" + revision.message();
  }

  private static String attributes(RevisionFacts revision) {
    String shape = GraphDrawing.Shape.of(revision) == GraphDrawing.Shape.HEXAGON
        ? ", shape=hexagon"
        : "";
    return shape + fill(GraphDrawing.Role.of(revision));
  }

  private static String fill(GraphDrawing.Role role) {
    return switch (role) {
      case HEAD -> ", peripheries=2, fillcolor=\"#dcfce7\"";
      case EFFECTIVE_HEAD ->
          ", peripheries=2, style=\"rounded,filled,dashed\", fillcolor=\"#dcfce7\"";
      case MERGE_POINT -> ", fillcolor=\"#ede9fe\"";
      case BRANCH_POINT -> ", fillcolor=\"#fef3c7\"";
      case BASE -> ", fillcolor=\"#dbeafe\"";
      case PLAIN -> "";
    };
  }

  /**
   * {@code text} as a DOT quoted string: {@code \} and {@code "} escaped, a line break as DOT's
   * {@code \n} (a centred line).
   */
  static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '"' -> quoted.append("\\\"");
        case '\n' -> quoted.append("\\n");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
