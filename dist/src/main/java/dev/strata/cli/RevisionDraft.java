package dev.strata.cli;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A revision file that {@code strata new} or {@code strata merge} is about to write: a header, an
 * empty {@code -- +upgrade} section and a {@code -- +downgrade} section that asks its author to
 * decide (see {@link #text}). It checks itself against the rules
 * of the revision-file language ({@code docs/language.md}), so its {@link #text} always parses.
 *
 * @param id the revision id: {@code [A-Za-z0-9_]{1,32}}, not {@code base}, {@code head} or {@code
 *     heads} in any case
 * @param revises the parent ids; empty for a new base ({@code revises: base})
 * @param message one line, not blank, written trimmed
 * @param branch an optional branch label: {@code [A-Za-z0-9_]+}, not a reserved word
 */
record RevisionDraft(String id, List<String> revises, String message, Optional<String> branch) {
  /** Ids and labels that name targets, never revisions (the language's reserved words). */
  static final List<String> RESERVED = List.of("base", "head", "heads");

  RevisionDraft {
    Objects.requireNonNull(id, "id");
    revises = List.copyOf(revises);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(branch, "branch");
    idProblem(id).ifPresent(problem -> fail(problem));
    revises.forEach(parent -> idProblem(parent).ifPresent(problem -> fail(problem)));
    messageProblem(message).ifPresent(problem -> fail(problem));
    branch.flatMap(RevisionDraft::labelProblem).ifPresent(problem -> fail(problem));
    message = message.strip();
  }

  /**
   * What the downgrade section of a new revision says until its author fills it: with statements
   * in the upgrade, the section is still empty, which {@code strata check} and every compiling
   * command report (E0214) until the author writes the downgrade or one of the two directives.
   */
  static final String DOWNGRADE_PROMPT =
      "-- Write the statements that undo the upgrade. When there is nothing to undo, put\n"
          + "-- a line '-- +no-op' here instead; when it cannot be undone, '-- +irreversible'.\n";

  /**
   * The file's text: header lines, a blank line, the empty {@code -- +upgrade} section and the
   * {@code -- +downgrade} section with {@link #DOWNGRADE_PROMPT} (for a merge revision, several
   * parents, both sections empty: a merge usually has nothing to do); LF line endings.
   */
  String text() {
    StringBuilder text = new StringBuilder();
    text.append("-- revision: ").append(id).append('\n');
    text.append("-- revises: ")
        .append(revises.isEmpty() ? "base" : String.join(", ", revises))
        .append('\n');
    text.append("-- message: ").append(message).append('\n');
    branch.ifPresent(label -> text.append("-- branch: ").append(label).append('\n'));
    text.append('\n');
    text.append("-- +upgrade\n");
    text.append('\n');
    text.append("-- +downgrade\n");
    if (revises.size() < 2) {
      text.append(DOWNGRADE_PROMPT);
    }
    return text.toString();
  }

  /** The file name: {@code <id>.sql}. */
  String fileName() {
    return id + ".sql";
  }

  /** Why {@code id} cannot be a revision id, or empty when it can. */
  static Optional<String> idProblem(String id) {
    if (!id.matches("[A-Za-z0-9_]{1,32}")) {
      return Optional.of("'" + id + "' is not a revision id: 1 to 32 letters, digits or '_'");
    }
    if (RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
      return Optional.of("'" + id + "' is reserved and cannot be a revision id");
    }
    return Optional.empty();
  }

  /** Why {@code label} cannot be a branch label, or empty when it can. */
  static Optional<String> labelProblem(String label) {
    if (!label.matches("[A-Za-z0-9_]+")) {
      return Optional.of("'" + label + "' is not a branch label: letters, digits or '_'");
    }
    if (RESERVED.contains(label.toLowerCase(Locale.ROOT))) {
      return Optional.of("'" + label + "' is reserved and cannot be a branch label");
    }
    return Optional.empty();
  }

  /** Why {@code message} cannot be a {@code message:} line, or empty when it can. */
  static Optional<String> messageProblem(String message) {
    if (message.isBlank()) {
      return Optional.of("the message is empty");
    }
    if (message.contains("\n") || message.contains("\r")) {
      return Optional.of("the message must be one line");
    }
    return Optional.empty();
  }

  private static void fail(String problem) {
    throw new IllegalArgumentException(problem);
  }
}
