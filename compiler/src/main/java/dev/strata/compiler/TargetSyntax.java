package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one element of a range into a {@link Target}: {@code [BRANCH@]BODY}, where {@code BODY}
 * is {@code base}, {@code head}, {@code heads}, a word (id, prefix or label), or {@code
 * [ANCHOR](+|-)N} with {@code ANCHOR} one of {@code base}, {@code head} or a word. This is the
 * grammar of Alembic's {@code _relative_destination} ({@code (?:(.+?)@)?(\w+)?((?:\+|-)\d+)}),
 * made strict: a word is {@code [A-Za-z0-9_]+}, {@code N} is at least 1.
 */
final class TargetSyntax {
  private static final Pattern RELATIVE = Pattern.compile("([A-Za-z0-9_]*)([+-])([0-9]+)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");

  private TargetSyntax() {}

  /** The target typed at {@code [start, stop)} of the range, or the E0301 that says why not. */
  static Parsed parse(SourceFile source, int start, int stop) {
    String word = source.text().substring(start, stop);
    int at = word.indexOf('@');
    Optional<String> branch = Optional.empty();
    String body = word;
    if (at >= 0) {
      branch = Optional.of(word.substring(0, at));
      body = word.substring(at + 1);
      if (branch.get().isEmpty() || !WORD.matcher(branch.get()).matches()) {
        return bad(source, start, word, "'" + word + "' names no branch before '@'");
      }
    }
    Optional<Target> target = body(branch, body);
    return target
        .<Parsed>map(t -> new Parsed.Ok(new Target.At(t, new Span(1, start + 1, word.length()))))
        .orElseGet(() -> bad(source, start, word, "'" + word + "' is not a target"));
  }

  /** A parsed element: the target, or why it is not one. */
  sealed interface Parsed {
    record Ok(Target.At target) implements Parsed {}

    record Bad(Diagnostic problem) implements Parsed {}
  }

  private static Optional<Target> body(Optional<String> branch, String body) {
    switch (body) {
      case "base" -> {
        return Optional.of(new Target.Base(branch));
      }
      case "head" -> {
        return Optional.of(new Target.Head(branch));
      }
      case "heads" -> {
        return Optional.of(new Target.Heads(branch));
      }
      default -> {}
    }
    if (WORD.matcher(body).matches()) {
      return Optional.of(new Target.Revision(branch, body));
    }
    Matcher relative = RELATIVE.matcher(body);
    if (!relative.matches() || relative.group(1).equals("heads")) {
      return Optional.empty();
    }
    int steps;
    try {
      steps = Integer.parseInt(relative.group(3));
    } catch (NumberFormatException tooBig) {
      return Optional.empty();
    }
    if (steps == 0) {
      return Optional.empty();
    }
    String anchorText = relative.group(1);
    Target anchor =
        switch (anchorText) {
          case "" -> new Target.Current(branch);
          case "base" -> new Target.Base(branch);
          case "head" -> new Target.Head(branch);
          default -> new Target.Revision(branch, anchorText);
        };
    return Optional.of(new Target.Relative(anchor, relative.group(2).equals("+") ? steps : -steps));
  }

  private static Parsed bad(SourceFile source, int start, String word, String message) {
    return new Parsed.Bad(
        Diagnostic.error(
            "E0301",
            message,
            source,
            new Span(1, start + 1, Math.max(1, word.length())),
            "help: a target is base, head, heads, an id, a unique id prefix or a branch label,"
                + " optionally with BRANCH@ before it (cart@head, cart@base) and a step +N or -N"
                + " after it (head-1, 0004+2, cart@head-1, +2)"));
  }
}
