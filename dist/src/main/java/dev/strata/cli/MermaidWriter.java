package dev.strata.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link GraphDrawing} as a Mermaid flowchart (GitHub renders it in a {@code ```mermaid}
 * block): {@code flowchart TD}, bases at the top. Node ids are {@code r} and the revision's
 * position in the directory ({@code r1}, {@code r2}, ...), so no revision id can clash with
 * Mermaid's keywords ({@code end}) or edge syntax ({@code o}, {@code x}); the label shows the id,
 * branch labels and message. {@code revises} edges are solid arrows, {@code depends-on} edges dotted
 * ({@code -.->}). Merge and branch points are hexagons, other bases stadiums, and each role has a class
 * ({@code head}, {@code effectivehead}, {@code mergepoint}, {@code branchpoint}, {@code base}) with
 * the fills {@link DotWriter} uses.
 */
final class MermaidWriter {
  private MermaidWriter() {}

  /** The whole flowchart, ending with a line break. */
  static String write(GraphDrawing drawing) {
    StringBuilder text = new StringBuilder("flowchart TD\n");
    Map<GraphDrawing.Role, List<String>> byRole = new EnumMap<>(GraphDrawing.Role.class);
    for (RevisionFacts revision : drawing.nodes()) {
      GraphDrawing.Role role = GraphDrawing.Role.of(revision);
      String node = node(drawing, revision.id());
      byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(node);
      text.append("    ").append(node)
          .append(shaped(GraphDrawing.Shape.of(revision), label(revision))).append('\n');
    }
    for (GraphDrawing.Edge edge : drawing.parentEdges()) {
      text.append("    ").append(node(drawing, edge.from())).append(" --> ")
          .append(node(drawing, edge.to())).append('\n');
    }
    for (GraphDrawing.Edge edge : drawing.dependsOnEdges()) {
      text.append("    ").append(node(drawing, edge.from())).append(" -.-> ")
          .append(node(drawing, edge.to())).append('\n');
    }
    for (Map.Entry<GraphDrawing.Role, List<String>> entry : byRole.entrySet()) {
      classDef(entry.getKey()).ifPresent(def -> text.append("    classDef ").append(def)
          .append("\n    class ").append(String.join(",", entry.getValue())).append(' ')
          .append(def, 0, def.indexOf(' ')).append('\n'));
    }
    return text.toString();
  }

  private static String node(GraphDrawing drawing, String id) {
    return "r" + drawing.numbers().get(id);
  }

  private static String label(RevisionFacts revision) {
    String title = escaped(GraphDrawing.title(revision));
    return revision.message().isEmpty() ? title : title + "<br>" + escaped(revision.message());
  }

  private static String shaped(GraphDrawing.Shape shape, String label) {
    String quoted = "\"" + label + "\"";
    return switch (shape) {
      case HEXAGON -> "{{" + quoted + "}}";
      case BASE -> "([" + quoted + "])";
      case BOX -> "(" + quoted + ")";
    };
  }

  private static Optional<String> classDef(GraphDrawing.Role role) {
    return Optional.ofNullable(
        switch (role) {
          case HEAD -> "head fill:#dcfce7,stroke:#15803d,stroke-width:3px";
          case EFFECTIVE_HEAD ->
              "effectivehead fill:#dcfce7,stroke:#15803d,stroke-width:3px,stroke-dasharray:5 3";
          case MERGE_POINT -> "mergepoint fill:#ede9fe,stroke:#6d28d9";
          case BRANCH_POINT -> "branchpoint fill:#fef3c7,stroke:#b45309";
          case BASE -> "base fill:#dbeafe,stroke:#1d4ed8";
          case PLAIN -> null;
        });
  }

  /**
   * {@code text} safe inside a Mermaid quoted label: Mermaid's entity codes for {@code #} (first,
   * since codes start with it), {@code "}, {@code &}, {@code <}, {@code >} (labels are HTML) and
   * {@code `} (which would start a Markdown string).
   */
  static String escaped(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '#' -> escaped.append("#35;");
        case '"' -> escaped.append("#quot;");
        case '&' -> escaped.append("#amp;");
        case '<' -> escaped.append("#lt;");
        case '>' -> escaped.append("#gt;");
        case '`' -> escaped.append("#96;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
