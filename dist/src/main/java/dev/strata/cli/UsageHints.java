package dev.strata.cli;

import dev.strata.grammar.EditDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code = help:} lines printed under a usage error: what to type instead of an option strata
 * does not have, for the habits Alembic users bring ({@code --sql}, {@code alembic revision},
 * {@code alembic current}) and for {@code --version} on a subcommand (usually a mistyped {@code
 * --versions DIR}); otherwise picocli's closest spellings.
 */
final class UsageHints {
  /** Alembic commands whose strata counterpart has another name. */
  private static final Map<String, String> ALEMBIC_COMMANDS = Map.of(
      "revision", "'strata new -m MESSAGE' writes a new revision file (Alembic's 'revision')",
      "current", "'strata status --db URL' reads a database's current revisions"
          + " (Alembic's 'current')");

  private UsageHints() {}

  /**
   * The hint lines for {@code e}, raised on the command line {@code args}, each {@code help:
   * ...}; none when there is nothing to add. When a subcommand fails, a habit is recognised in
   * every word of {@code args} that it does not define, whatever picocli reported first (a missing
   * parameter hides an unknown option).
   */
  static List<String> of(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    boolean top = command.getParent() == null;
    List<String> hints = new ArrayList<>();
    for (String argument : top ? new String[0] : args) {
      String option = argument.contains("=")
          ? argument.substring(0, argument.indexOf('='))
          : argument;
      if (command.getCommandSpec().findOption(option) != null) {
        continue;
      }
      switch (option) {
        case "--sql" -> hints.add("help: strata always prints SQL (it never connects to a"
            + " database, like Alembic's --sql): leave --sql out");
        case "-V", "--version" -> hints.add("help: --version is an option of strata itself"
            + " (strata --version); the directory of revision files is --versions DIR");
        default -> { }
      }
    }
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
        && hints.isEmpty()) {
      String first = unmatched.getUnmatched().getFirst();
      if (top && ALEMBIC_COMMANDS.containsKey(first)) {
        hints.add("help: " + ALEMBIC_COMMANDS.get(first));
      } else {
        closest(first, unmatched.getSuggestions())
            .ifPresent(word -> hints.add("help: did you mean '" + word + "'?"));
      }
    }
    return hints.stream().distinct().toList();
  }

  /** The one of picocli's {@code suggestions} at most two edits from {@code typed}, if any. */
  private static Optional<String> closest(String typed, List<String> suggestions) {
    String word = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
    return suggestions.stream()
        .filter(s -> EditDistance.between(word, s, 3) <= 2)
        .min(Comparator.comparingInt(s -> EditDistance.between(word, s, 3)));
  }

  /**
   * The error message for {@code e}: {@code unknown command 'NAME'} for a word where strata
   * expects a command, else picocli's own.
   */
  static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched
        && e.getCommandLine().getParent() == null
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().getFirst().startsWith("-")) {
      return "unknown command '" + unmatched.getUnmatched().getFirst() + "'";
    }
    return e.getMessage();
  }
}
