package dev.strata.compiler;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.Header;
import dev.strata.grammar.ast.HeaderValue;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Test fixture: a revision file built without the parser. Its source text is a plausible header
 * ({@code -- revision: id} and so on) and every span points at the real text, so diagnostics can be
 * checked exactly.
 */
final class Rev {
  private final String id;
  private String path;
  private List<String> revises = List.of();
  private List<String> dependsOn = List.of();
  private List<String> branches = List.of();
  private boolean downgrade = true;

  private Rev(String id) {
    this.id = id;
    this.path = "versions/" + id + ".sql";
  }

  static Rev rev(String id) {
    return new Rev(id);
  }

  Rev revises(String... parents) {
    revises = List.of(parents);
    return this;
  }

  Rev dependsOn(String... dependencies) {
    dependsOn = List.of(dependencies);
    return this;
  }

  Rev branch(String... labels) {
    branches = List.of(labels);
    return this;
  }

  Rev noDowngrade() {
    downgrade = false;
    return this;
  }

  Rev path(String path) {
    this.path = path;
    return this;
  }

  RevisionFile build() {
    StringBuilder text = new StringBuilder();
    int line = 0;
    HeaderValue revision = line(text, ++line, "-- revision: ", List.of(id)).get(0);
    Span revisesSpan;
    List<HeaderValue> parents;
    if (revises.isEmpty()) {
      line(text, ++line, "-- revises: ", List.of("base"));
      revisesSpan = new Span(line, 13, 4);
      parents = List.of();
    } else {
      parents = line(text, ++line, "-- revises: ", revises);
      revisesSpan = new Span(line, 13, String.join(", ", revises).length());
    }
    line(text, ++line, "-- message: ", List.of("revision " + id));
    List<HeaderValue> labels =
        branches.isEmpty() ? List.of() : line(text, ++line, "-- branch: ", branches);
    List<HeaderValue> dependencies =
        dependsOn.isEmpty() ? List.of() : line(text, ++line, "-- depends-on: ", dependsOn);
    text.append("\n-- +upgrade\n");
    line += 2;
    Section upgrade = new Section(Direction.UPGRADE, List.of(), new Span(line, 1, 11));
    Optional<Section> down = Optional.empty();
    if (downgrade) {
      text.append("\n-- +downgrade\n");
      line += 2;
      down = Optional.of(new Section(Direction.DOWNGRADE, List.of(), new Span(line, 1, 13)));
    }
    Header header =
        new Header(revision, parents, revisesSpan, "revision " + id, labels, dependencies);
    return new RevisionFile(new SourceFile(path, text.toString()), header, upgrade, down);
  }

  /** Appends {@code key values} as one line and returns the values with their spans. */
  private static List<HeaderValue> line(
      StringBuilder text, int line, String key, List<String> values) {
    List<HeaderValue> result = new ArrayList<>();
    int column = key.length() + 1;
    for (String value : values) {
      result.add(new HeaderValue(value, new Span(line, column, value.length())));
      column += value.length() + 2;
    }
    text.append(key).append(String.join(", ", values)).append('\n');
    return result;
  }

  static List<RevisionFile> files(Rev... revisions) {
    return Arrays.stream(revisions).map(Rev::build).toList();
  }

  static RevisionGraph graph(Rev... revisions) throws DiagnosticException {
    return RevisionGraph.build(files(revisions));
  }
}
