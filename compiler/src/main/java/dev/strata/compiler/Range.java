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
 * The planner's input: the targets on each side of a range, typed. A range the user types ({@code
 * FROM:TO}, or just {@code TO} for an upgrade from base) is parsed once, at the command line, by
 * {@link #parse}; each side is a comma-separated list of targets (see {@link Target} and {@link
 * TargetSyntax}), and {@code base} and {@code BRANCH@base} stand alone. A range strata makes
 * itself (the rows of a version table, the parents of a revision) is built from {@link Target}s
 * with {@link #of} or {@link #startingAt}: it carries no text, so that no diagnostic ever shows a
 * range the user did not type.
 *
 * @param source the text the user typed, reported as {@code <range>} (empty when nothing of the
 *     range was typed); every typed target's span points into it
 * @param from the starting targets; empty when the range has no {@code FROM:} (base)
 * @param to the destination targets
 */
public record Range(SourceFile source, Optional<List<Target.At>> from, List<Target.At> to) {

  /** The name typed ranges are reported under. */
  static final String SOURCE_NAME = "<range>";

  public Range {
    from = from.map(List::copyOf);
    to = List.copyOf(to);
  }

  /** The range from {@code from} to {@code to}, made by strata: no text, no positions. */
  public static Range of(List<? extends Target> from, List<? extends Target> to) {
    return new Range(new SourceFile(SOURCE_NAME, ""), Optional.of(untyped(from)), untyped(to));
  }

  /**
   * This range (typed with no {@code FROM:}) starting at {@code from} instead: {@code --from-db},
   * where FROM is what a database's version table holds. Positions keep pointing into what the
   * user typed, the TO side.
   *
   * @throws IllegalArgumentException when this range has a FROM side already
   */
  public Range startingAt(List<? extends Target> from) {
    if (this.from.isPresent()) {
      throw new IllegalArgumentException("the range has a FROM side already");
    }
    return new Range(source, Optional.of(untyped(from)), to);
  }

  /**
   * The targets of one side typed alone ({@code strata show REV}, {@code new --revises REV}):
   * the same syntax as the TO side of {@link #parse}, with no {@code FROM:}.
   *
   * @throws DiagnosticException E0301 when {@code targets} is a range or malformed
   */
  public static Range targets(String targets) throws DiagnosticException {
    Range range = parse(Direction.UPGRADE, targets);
    if (range.from().isPresent()) {
      throw new DiagnosticException(Diagnostic.error("E0301",
          "expected revisions, not a range FROM:TO", range.source(),
          new Span(1, 1, Math.max(1, targets.length()))));
    }
    return range;
  }

  private static List<Target.At> untyped(List<? extends Target> targets) {
    return targets.stream().map(Target.At::untyped).toList();
  }

  /**
   * Parses {@code range}, as the user typed it, for a plan in {@code direction}.
   *
   * @throws DiagnosticException E0301 when the range or one of its targets is malformed, or a
   *     downgrade has no start
   */
  public static Range parse(Direction direction, String range) throws DiagnosticException {
    SourceFile source = new SourceFile(SOURCE_NAME, range);
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
              "help: strata reads no database unless given --from-db URL, so it must be told"
                  + " where the downgrade starts, e.g. 'head:"
                  + (range.equals("head") || range.equals("heads") ? "head-1' (one revision"
                      + " back)" : range + "'")));
    }
    Optional<List<Target.At>> from =
        colon < 0 ? Optional.empty() : Optional.of(side(source, 0, colon, problems));
    List<Target.At> to = side(source, colon + 1, range.length(), problems);
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new Range(source, from, to);
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
          Span span = target.span().orElseThrow();
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
