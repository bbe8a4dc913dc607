package dev.strata.compiler.lint;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.Location;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code -- strata:allow RULE reason} lines of a revision file in its source text (the
 * parser keeps comments out of the syntax tree) and decides what each silences: a line in the
 * header is for the whole revision; a line in the comment block directly above a statement (other
 * comments and directives such as {@code -- +only} may be in the block, a blank line ends it), or
 * inside the statement's text, is for that statement.
 */
final class AllowReader {
  /** A whole-line comment {@code -- strata:allow ...}; group 1 is what follows {@code allow}. */
  static final Pattern ALLOW = Pattern.compile("^[ \\t]*--[ \\t]*strata:allow(?=[ \\t]|$)(.*)$");
  private static final Pattern WORDS = Pattern.compile("[ \\t]*(\\S+)?[ \\t]*(.*?)[ \\t]*$");
  private static final Pattern COMMENT = Pattern.compile("^[ \\t]*--.*$");
  private static final Pattern SECTION_MARK =
      Pattern.compile("^[ \\t]*--[ \\t]*\\+(upgrade|downgrade)\\b.*$");

  private AllowReader() {}

  /**
   * The allow lines of {@code revision}, in file order; a malformed one adds its diagnostic to
   * {@code problems} (E0685: no reason, E0686: unknown rule) and is left out.
   */
  static List<Allow> read(RevisionFile revision, List<Diagnostic> problems) {
    SourceFile source = revision.source();
    if (!source.text().contains("strata:allow")) {
      return List.of(); // most revisions have none: skip splitting and matching every line
    }
    // lines as the grammar counts them: CRLF, a lone CR and LF each end one
    String[] lines = source.text().split("\r\n|\r|\n", -1);
    List<int[]> statements = statementLines(revision);
    Set<Integer> marks = new TreeSet<>();
    revision.sections().forEach(s -> marks.add(s.span().line()));
    int headerEnd = revision.upgrade().span().line();
    List<Allow> allows = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      Matcher allow = ALLOW.matcher(strip(lines[i]));
      if (!allow.matches()) {
        continue;
      }
      Matcher words = WORDS.matcher(allow.group(1));
      if (!words.matches()) {
        continue;
      }
      if (words.group(1) == null) {
        int end = strip(lines[i]).length() + 1;
        problems.add(Diagnostic.error("E0685", "'-- strata:allow' names no rule and no reason",
            source, Span.at(number, end),
            "help: write the rule id and why it does not apply here: -- strata:allow drop-data"
                + " the table is empty since 0007"));
        continue;
      }
      String id = words.group(1);
      int ruleColumn = allow.start(1) + words.start(1) + 1;
      Span ruleSpan = new Span(number, ruleColumn, id.length());
      Optional<Rule> rule = Rule.byId(id);
      if (rule.isEmpty()) {
        List<String> notes = new ArrayList<>();
        Rule.closest(id).ifPresent(r -> notes.add("help: did you mean '" + r.id() + "'?"));
        notes.add("note: docs/lint.md lists every rule id");
        problems.add(Diagnostic.error("E0686", "unknown lint rule '" + id + "'", source,
            ruleSpan, notes.toArray(String[]::new)));
        continue;
      }
      String reason = words.group(2);
      if (reason.isEmpty()) {
        problems.add(Diagnostic.error("E0685",
            "'-- strata:allow " + id + "' gives no reason", source,
            Span.at(number, ruleColumn + id.length()),
            "help: write why the rule does not apply here, after the rule id: -- strata:allow "
                + id + " <reason>",
            "note: the reason is shown in every report that lists the silenced finding"));
        continue;
      }
      Allow.Scope scope = number < headerEnd
          ? new Allow.WholeRevision()
          : statementOf(number, lines, statements, marks);
      allows.add(new Allow(rule.get(), reason, new Location(source, ruleSpan), revision, scope));
    }
    return allows;
  }

  /** The line without the {@code \r} of a CRLF ending. */
  private static String strip(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * Each statement's first and last line (1-based), and 1 for a downgrade statement (else 0), in
   * file order.
   */
  static List<int[]> statementLines(RevisionFile revision) {
    List<int[]> result = new ArrayList<>();
    for (Section section : revision.sections()) {
      int downgrade = section.direction() == Direction.DOWNGRADE ? 1 : 0;
      for (Statement statement : section.statements()) {
        int first = statement.span().line();
        int last = first + (int) statement.text().chars().filter(c -> c == '\n').count();
        result.add(new int[] {first, last, downgrade});
      }
    }
    return result;
  }

  /** The statement an allow on line {@code number} is for: inside it, or above it. */
  private static Allow.Scope statementOf(
      int number, String[] lines, List<int[]> statements, Set<Integer> marks) {
    for (int[] s : statements) {
      if (s[0] <= number && number <= s[1]) {
        return new Allow.OneStatement(s[0], s[1], s[2] == 1);
      }
    }
    for (int next = number + 1; next <= lines.length; next++) {
      for (int[] s : statements) {
        if (s[0] == next) {
          return new Allow.OneStatement(s[0], s[1], s[2] == 1);
        }
      }
      String line = strip(lines[next - 1]);
      if (marks.contains(next) || SECTION_MARK.matcher(line).matches()
          || !COMMENT.matcher(line).matches()) {
        break;
      }
    }
    return new Allow.Detached();
  }
}
