package dev.strata.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promise every fuzz case checks, for each command:
 *
 * <ol>
 *   <li>nothing escapes {@code Main.run} (no exception, no {@code Error});
 *   <li>the exit code is 0 or 1 (never 2: the command lines are well-formed; never 3);
 *   <li>stderr is only diagnostics: each line is a head line {@code PATH:LINE:COL:
 *       error|warning[CODE]: message} or {@code strata: error|warning[CODE]: message}, or one of
 *       the lines that follow a head: the source line ({@code "  N | text"}), the caret line
 *       ({@code "    | ^^^"}) or a note ({@code "  = help: ..."}); empty lines are let pass;
 *   <li>every error head has a position: {@code PATH} is a regular file inside the case's
 *       versions directory, {@code LINE} is at most its line count + 1 (lines end at LF, CRLF or
 *       CR, as {@code String.lines}) and {@code COL} at most that line's length in bytes + 1 (1 on
 *       the line after the last); or {@code PATH} is {@code <range>}, which is legitimate only for
 *       the range diagnostics (E0301-E0312 except E0306, which points into a file) of a command
 *       that has a range, at line 1 and a column inside the range as typed. A head {@code strata:
 *       error[...]} has no position and breaks the rule; warnings need none;
 *   <li>stderr holds at most {@link Outcome#KEPT} bytes (16 MiB: an error storm is a defect, even
 *       when each of its diagnostics is right);
 *   <li>exit 1 comes with at least one error and exit 0 with none; exit 0 of {@code upgrade} or
 *       {@code downgrade} prints a script, of {@code bundle} writes the bundle.
 * </ol>
 */
final class Invariant {
  // DOTALL: a source line may hold U+0085, U+2028 or a lone CR, which '.' does not match
  static final Pattern HEAD = Pattern.compile("(?<path>.+?):(?<line>\\d+):(?<col>\\d+): "
      + "(?<severity>error|warning)\\[(?<code>[EW]\\d{4}|[a-z]+(?:-[a-z]+)*)]: .*", Pattern.DOTALL);
  static final Pattern BARE = Pattern.compile(
      "strata: (?<severity>error|warning)\\[(?<code>[EW]\\d{4})]: .*", Pattern.DOTALL);
  /** The lines after a diagnostic's head: source line, carets, notes and a note's continuation. */
  private static final Pattern FOLLOWING = Pattern.compile(
      "  \\d+ \\| .*|  +\\| [ \\t]*\\^+|  = [a-z]+: .*| {10}.*", Pattern.DOTALL);
  private static final Set<String> RANGE_CODES = Set.of("E0301", "E0302", "E0303", "E0304",
      "E0305", "E0307", "E0308", "E0309", "E0310", "E0311", "E0312");

  private Invariant() {}

  /** The rules {@code outcome} of {@code command} broke, on a chain in {@code versions}. */
  static List<Violation> check(Command command, Outcome outcome, Path versions, Path out) {
    String display = command.display();
    List<Violation> found = new ArrayList<>();
    if (outcome.thrown().isPresent()) {
      Throwable t = outcome.thrown().get();
      found.add(new Violation(display, Violation.Kind.THROWABLE, throwableKey(t),
          t + topFrames(t)));
      return found;
    }
    if (outcome.errTruncated()) {
      found.add(new Violation(display, Violation.Kind.FLOOD, "stderr over 16 MiB",
          outcome.errSize() + " bytes on stderr, starting:\n" + firstLines(outcome.err())));
      return found;
    }
    if (outcome.exit() != 0 && outcome.exit() != 1) {
      found.add(new Violation(display, Violation.Kind.EXIT_CODE,
          "exit " + outcome.exit() + " " + internalError(outcome.err()),
          firstLines(outcome.err())));
    }
    // after an internal error its own report is expected on stderr: do not count it twice
    int errors =
        scan(command, outcome.err(), versions, found.isEmpty() ? found : new ArrayList<>());
    if (outcome.exit() == 1 && errors == 0 && found.isEmpty()) {
      found.add(new Violation(
          display, Violation.Kind.SILENT_FAILURE, "", firstLines(outcome.err())));
    }
    if (outcome.exit() == 0 && errors > 0) {
      found.add(new Violation(
          display, Violation.Kind.ERROR_ON_SUCCESS, "", firstLines(outcome.err())));
    }
    if (outcome.exit() == 0 && !delivered(command, outcome, out)) {
      found.add(new Violation(display, Violation.Kind.NO_OUTPUT, "", "exit 0 but nothing written"));
    }
    return found;
  }

  /** Checks every line of stderr; adds violations; returns the number of error heads. */
  private static int scan(Command command, String err, Path versions, List<Violation> found) {
    String display = command.display();
    int errors = 0;
    boolean inDiagnostic = false;
    boolean strayReported = false;
    for (String line : err.split("\n", -1)) {
      Matcher head = HEAD.matcher(line);
      Matcher bare = BARE.matcher(line);
      if (head.matches()) {
        inDiagnostic = true;
        if (head.group("severity").equals("error")) {
          errors++;
          position(command, head, versions).ifPresent(why ->
              found.add(new Violation(display, Violation.Kind.BAD_POSITION, why, line)));
        }
      } else if (bare.matches()) {
        inDiagnostic = true;
        if (bare.group("severity").equals("error")) {
          errors++;
          found.add(new Violation(display, Violation.Kind.NO_POSITION, bare.group("code"), line));
        }
      } else if (!(inDiagnostic && FOLLOWING.matcher(line).matches()) && !line.isEmpty()
          && !strayReported) {
        strayReported = true;
        found.add(new Violation(display, Violation.Kind.STRAY_STDERR, normalized(line), line));
      }
    }
    return errors;
  }

  /** Why the position of an error head is not one, or empty when it is. */
  private static Optional<String> position(Command command, Matcher head, Path versions) {
    String path = head.group("path");
    String code = head.group("code");
    long line = Long.parseLong(head.group("line"));
    long col = Long.parseLong(head.group("col"));
    if (path.equals("<range>")) {
      boolean legitimate = command.range().isPresent() && RANGE_CODES.contains(code)
          && line == 1 && col >= 1 && col <= command.range().get().length() + 1;
      return legitimate ? Optional.empty()
          : Optional.of(code + " at <range>:" + line + ":" + col);
    }
    Path file;
    try {
      file = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return Optional.of(code + " at a path that cannot exist");
    }
    if (!file.startsWith(versions) || !Files.isRegularFile(file)) {
      return Optional.of(code + " at a path that is no file of the versions directory");
    }
    List<String> lines = lines(file);
    boolean inside = line >= 1 && col >= 1 && (line <= lines.size()
        ? col <= lines.get((int) line - 1).length() + 1
        : line == lines.size() + 1 && col == 1);
    return inside ? Optional.empty()
        : Optional.of(code + " at a line or column outside the file");
  }

  /**
   * The lines of {@code file}, one char per byte, split as diagnostics count lines: at {@code \n}
   * only, a {@code \r} before it dropped (a lone {@code \r} stays inside its line).
   */
  private static List<String> lines(Path file) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      List<String> lines = new java.util.ArrayList<>();
      for (String line : text.split("\n", -1)) {
        lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      }
      if (text.endsWith("\n") || text.isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean delivered(Command command, Outcome outcome, Path out) {
    return switch (command.verb()) {
      case "upgrade", "downgrade" -> !outcome.out().isBlank();
      case "bundle" -> command.output().map(name -> Files.exists(out.resolve(name))).orElse(true);
      default -> true;
    };
  }

  /** The exception class of {@code strata: internal error: CLASS: message}, or "". */
  private static String internalError(String err) {
    Matcher m = Pattern.compile("strata: internal error: ([\\w.$]+)").matcher(err);
    return m.find() ? m.group(1) : "";
  }

  /** A stray line with its numbers and paths blurred, so the same cause groups together. */
  private static String normalized(String line) {
    String blurred = line.replaceAll("/\\S*", "PATH").replaceAll("\\d+", "N").strip();
    return blurred.length() <= 100 ? blurred : blurred.substring(0, 100);
  }

  private static String firstLines(String err) {
    String[] lines = err.split("\n", 6);
    return String.join("\n", Arrays.asList(lines).subList(0, Math.min(5, lines.length)));
  }

  /** The throwable's class and the innermost strata frame, where the trace still holds one. */
  private static String throwableKey(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith("dev.strata.")) {
        String simple = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        return t.getClass().getName() + " in " + simple + "." + frame.getMethodName();
      }
    }
    return t.getClass().getName();
  }

  /** The top three frames and the innermost strata frame. */
  private static String topFrames(Throwable t) {
    StringBuilder frames = new StringBuilder();
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < Math.min(3, trace.length); i++) {
      frames.append("\n\tat ").append(trace[i]);
    }
    for (int i = 3; i < trace.length; i++) {
      if (trace[i].getClassName().startsWith("dev.strata.")) {
        frames.append("\n\t...\n\tat ").append(trace[i]);
        break;
      }
    }
    return frames.toString();
  }
}
