package dev.strata.grammar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The revision-file writer: a revision file that {@code strata new} or {@code strata merge} is
 * about to write, a header, an empty {@code -- +upgrade} section and a {@code -- +downgrade}
 * section that asks its author to decide (see {@link #text}). It lives beside the reader ({@link
 * RevisionFileParser}, {@code HeaderReader}) and checks itself against the same rules of the
 * revision-file language ({@code docs/language.md}), so its {@link #text} always parses.
 *
 * @param id the revision id ({@link RevisionId}'s rules)
 * @param revises the parent ids; empty for a new base ({@code revises: base})
 * @param message one line, not blank, written trimmed
 * @param branch an optional branch label: {@code [A-Za-z0-9_]+}, not a reserved word
 */
public record RevisionDraft(
    RevisionId id, List<RevisionId> revises, String message, Optional<String> branch) {

  /**
   * Checks the draft.
   *
   * @throws IllegalArgumentException with the text of {@link #messageProblem} or {@link
   *     #labelProblem}
   */
  public RevisionDraft {
    Objects.requireNonNull(id, "id");
    revises = List.copyOf(revises);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(branch, "branch");
    messageProblem(message).ifPresent(problem -> fail(problem));
    branch.flatMap(RevisionDraft::labelProblem).ifPresent(problem -> fail(problem));
    message = message.strip();
  }

  /**
   * The draft of revision {@code id} revising {@code revises}, from text already checked.
   *
   * @throws IllegalArgumentException when an id is not a {@link RevisionId}, or as the constructor
   */
  public static RevisionDraft of(
      String id, List<String> revises, String message, Optional<String> branch) {
    return new RevisionDraft(
        new RevisionId(id), revises.stream().map(RevisionId::new).toList(), message, branch);
  }

  /**
   * What the downgrade section of a new revision says until its author fills it: with statements
   * in the upgrade, the section is still empty, which {@code strata check} and every compiling
   * command report (E0214) until the author writes the downgrade or one of the two directives.
   */
  public static final String DOWNGRADE_PROMPT =
      "-- Write the statements that undo the upgrade. When there is nothing to undo, put\n"
          + "-- a line '-- +no-op' here instead; when it cannot be undone, '-- +irreversible'.\n";

  /**
   * The file's text: header lines, a blank line, the empty {@code -- +upgrade} section and the
   * {@code -- +downgrade} section with {@link #DOWNGRADE_PROMPT} (for a merge revision, several
   * parents, both sections empty: a merge usually has nothing to do); LF line endings.
   */
  public String text() {
    StringBuilder text = new StringBuilder();
    text.append("-- revision: ").append(id.value()).append('\n');
    text.append("-- revises: ")
        .append(revises.isEmpty()
            ? "base"
            : String.join(", ", revises.stream().map(RevisionId::value).toList()))
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
  public String fileName() {
    return id.value() + ".sql";
  }

  /** Why {@code label} cannot be a branch label, or empty when it can. */
  public static Optional<String> labelProblem(String label) {
    if (!RevisionId.isWord(label)) {
      return Optional.of("'" + label + "' is not a branch label: letters, digits or '_'");
    }
    if (RevisionId.isReserved(label)) {
      return Optional.of("'" + label + "' is reserved and cannot be a branch label");
    }
    return Optional.empty();
  }

  /** Why {@code message} cannot be a {@code message:} line, or empty when it can. */
  public static Optional<String> messageProblem(String message) {
    if (message.isBlank()) {
      return Optional.of("the message is empty");
    }
    if (message.contains("\n") || message.contains("\r")) {
      return Optional.of("the message must be one line");
    }
    // an editor may break the line there, and a header line must not hold one (E0123)
    int separator = LineSeparators.find(message);
    if (separator >= 0) {
      return Optional.of("the message must be one line: it holds "
          + LineSeparators.name(message.charAt(separator)));
    }
    return Optional.empty();
  }

  private static void fail(String problem) {
    throw new IllegalArgumentException(problem);
  }
}
