package dev.strata.cli.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules over a whole case, beyond each command's {@link Invariant}; {@code check} is the first
 * command of every case, and reports every problem at once, so:
 *
 * <ul>
 *   <li>{@link Violation.Kind#MISSED_ERROR}: {@code check} reports an error in each revision file
 *       that is not valid UTF-8; in each whose header (the {@code -- key:} lines before the first
 *       {@code -- +} line) holds U+0085, U+2028 or U+2029; and in each with a line that starts
 *       with a backslash (a psql meta-command) after the first section line and outside {@code --
 *       +dialect} blocks: those are errors whatever else the file says (issue 7). (A backslash line
 *       could be legitimate inside a multi-line string literal or block comment; the sample chain
 *       has none in its neutral sections, and a mutation that opens one is an error of its own.)
 *   <li>{@link Violation.Kind#CHECK_MISSED}: when {@code check} exits 0, no other command of the
 *       case reports an error in a file: only range errors ({@code <range>}) may remain, since the
 *       range is not part of what {@code check} sees.
 * </ul>
 */
final class CaseInvariant {
  private static final Set<String> HEADER_KEYS =
      Set.of("revision", "revises", "message", "branch", "depends-on");
  private static final List<String> HEADER_BREAKS = List.of("\u0085", "\u2028", "\u2029");

  private CaseInvariant() {}

  /** The rules the outcomes of {@code c}'s commands broke together. */
  static List<Violation> check(FuzzCase c, List<Outcome> outcomes, Path versions) {
    List<Violation> found = new ArrayList<>();
    Command check = c.commands().getFirst();
    Outcome checked = outcomes.getFirst();
    if (!check.verb().equals("check") || checked.thrown().isPresent()) {
      return found;
    }
    List<String> reported = errorPaths(checked.err());
    for (String name : c.chain().revisionNames()) {
      String file = versions.resolve(name).toString();
      mustReject(c.chain().get(name)).ifPresent(why -> {
        if (!reported.contains(file)) {
          found.add(new Violation(check.display(), Violation.Kind.MISSED_ERROR, why,
              "no error in " + name + ", which " + why));
        }
      });
    }
    if (checked.exit() == 0) {
      for (int i = 1; i < outcomes.size(); i++) {
        for (String line : outcomes.get(i).err().split("\n")) {
          Matcher head = Invariant.HEAD.matcher(line);
          if (head.matches() && head.group("severity").equals("error")
              && !head.group("path").equals("<range>")) {
            found.add(new Violation(c.commands().get(i).display(), Violation.Kind.CHECK_MISSED,
                head.group("code"), line));
          }
        }
      }
    }
    return found;
  }

  private static final Pattern DOLLAR_TAG =
      Pattern.compile("\\$(?:[A-Za-z_][A-Za-z_0-9]*)?\\$");

  /** Why a file with these bytes must get an error whatever else it holds, if it must. */
  static Optional<String> mustReject(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Optional.of("is not valid UTF-8");
    }
    boolean body = false;
    boolean raw = false;
    // inside a dollar-quoted body (a function's), psql runs no meta-command: only a line outside
    // one counts (a rough tracker: an odd number of $tag$ delimiters on a line opens or closes one)
    boolean dollar = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("-- +upgrade") || line.startsWith("-- +downgrade")) {
        body = true;
      } else if (line.startsWith("-- +dialect")) {
        raw = true;
      } else if (line.startsWith("-- +end")) {
        raw = false;
      }
      if (!body && headerBreak(line)) {
        return Optional.of("has U+0085, U+2028 or U+2029 in a header line");
      }
      if (body && !raw && !dollar && line.stripLeading().startsWith("\\")) {
        return Optional.of("has a psql meta-command line in a neutral section");
      }
      if (body && !raw && DOLLAR_TAG.matcher(line).results().count() % 2 == 1) {
        dollar = !dollar;
      }
    }
    return Optional.empty();
  }

  /** A {@code -- key:} line with a character some readers take for a line break. */
  private static boolean headerBreak(String line) {
    String key = line.startsWith("-- ") && line.indexOf(':') > 0
        ? line.substring(3, line.indexOf(':')).strip() : "";
    return HEADER_KEYS.contains(key) && HEADER_BREAKS.stream().anyMatch(line::contains);
  }

  /** The paths of the error heads of {@code err}, as printed. */
  private static List<String> errorPaths(String err) {
    List<String> paths = new ArrayList<>();
    for (String line : err.split("\n")) {
      Matcher head = Invariant.HEAD.matcher(line);
      if (head.matches() && head.group("severity").equals("error")) {
        paths.add(head.group("path"));
      }
    }
    return paths;
  }
}
