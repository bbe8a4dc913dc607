package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed range argument: {@code FROM:TO}, or just {@code TO} for an upgrade (from base). Each
 * side is a comma-separated list of targets (see {@link Target} and {@link TargetSyntax}); {@code
 * base} and {@code BRANCH@base} stand alone.
 *
 * @param source the range as typed, reported as {@code <range>}
 * @param from the starting targets; empty when the range has no {@code FROM:}
 * @param to the destination targets, never empty
 */
record RangeSpec(SourceFile source, Optional<List<Target.At>> from, List<Target.At> to) {

  RangeSpec {
    from = from.map(List::copyOf);
    to = List.copyOf(to);
  }

  /**
   * Parses {@code range} for a plan in {@code direction}.
   *
   * @throws DiagnosticException E0301 when the range or one of its targets is malformed, or a
   *     downgrade has no start
   */
  static RangeSpec parse(Direction direction, String range) throws DiagnosticException {
    SourceFile source = new SourceFile("<range>", range);
    List<Diagnostic> problems = new ArrayList<>();
    int colon = range.indexOf(':');
    if (colon >= 0 && range.indexOf(':', colon + 1) >= 0) {
      int second = range.indexOf(':', colon + 1);
      throw new DiagnosticException(
          malformed(source, second, 1, "a range has one ':' between FROM and TO"));
    }
    if (colon < 0 && direction == Direction.DOWNGRADE) {
      throw new DiagnosticException(
          Diagnostic.error(
              "E0301",
              "a downgrade needs a range FROM:TO",
              source,
              new Span(1, 1, Math.max(1, range.length())),
              "help: strata never reads the database, so it must be told where the downgrade"
                  + " starts, e.g. 'head:"
                  + range
                  + "'"));
    }
    Optional<List<Target.At>> from =
        colon < 0 ? Optional.empty() : Optional.of(side(source, 0, colon, problems));
    List<Target.At> to = side(source, colon + 1, range.length(), problems);
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new RangeSpec(source, from, to);
  }

  private static List<Target.At> side(
      SourceFile source, int start, int end, List<Diagnostic> problems) {
    List<Target.At> targets = new ArrayList<>();
    String text = source.text();
    int at = start;
    while (true) {
      int comma = text.indexOf(',', at);
      int stop = comma < 0 || comma > end ? end : comma;
      element(source, at, stop, problems).ifPresent(targets::add);
      if (stop == end) {
        break;
      }
      at = stop + 1;
    }
    if (targets.size() > 1) {
      for (Target.At target : targets) {
        if (target.target() instanceof Target.Base) {
          Span span = target.span();
          int offset = span.column() - 1;
          String typed = source.text().substring(offset, offset + span.length());
          problems.add(
              malformed(
                  source,
                  span.column() - 1,
                  span.length(),
                  "'" + typed + "' cannot be combined with other revisions"));
        }
      }
    }
    return targets;
  }

  private static Optional<Target.At> element(
      SourceFile source, int start, int stop, List<Diagnostic> problems) {
    if (start == stop) {
      problems.add(malformed(source, start, 1, "missing revision in range"));
      return Optional.empty();
    }
    return switch (TargetSyntax.parse(source, start, stop)) {
      case TargetSyntax.Parsed.Ok ok -> Optional.of(ok.target());
      case TargetSyntax.Parsed.Bad bad -> {
        problems.add(bad.problem());
        yield Optional.empty();
      }
    };
  }

  private static Diagnostic malformed(SourceFile source, int offset, int length, String message) {
    return Diagnostic.error("E0301", message, source, new Span(1, offset + 1, length));
  }
}
