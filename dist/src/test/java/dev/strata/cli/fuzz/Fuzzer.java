package dev.strata.cli.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs fuzz cases: writes each damaged chain into {@code <root>/case-N/versions}, runs its
 * commands in-process ({@code bundle} writes into {@code <root>/case-N/out}), checks the {@link
 * Invariant}, then deletes the folder, or keeps it with a {@code REPORT.txt} when a rule broke, so
 * that the case can be rerun by hand.
 */
final class Fuzzer {
  private final Chain sample;
  private final Path root;

  /**
   * @param sample the undamaged chain
   * @param root where cases are written; created if missing
   */
  Fuzzer(Chain sample, Path root) {
    this.sample = Objects.requireNonNull(sample, "sample");
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The result of one case.
   *
   * @param fuzzCase the case
   * @param violations the broken rules, empty when it passed
   * @param nanos wall-clock time of each command, by verb
   * @param kept the folder that reproduces it, when it failed
   */
  record Result(
      FuzzCase fuzzCase, List<Violation> violations, Map<String, Long> nanos, Path kept) {
    Result {
      violations = List.copyOf(violations);
      nanos = Map.copyOf(nanos);
    }

    /** Wall-clock time of all its commands. */
    long totalNanos() {
      return nanos.values().stream().mapToLong(Long::longValue).sum();
    }

    boolean passed() {
      return violations.isEmpty();
    }
  }

  /** Generates and runs case {@code number} of {@code seed}. */
  Result run(long seed, int number) throws IOException {
    FuzzCase fuzzCase = FuzzCase.generate(seed, number, sample);
    Path dir = root.resolve("case-" + number);
    deleteTree(dir);
    Path versions = dir.resolve("versions");
    Path out = dir.resolve("out");
    Files.createDirectories(versions);
    Files.createDirectories(out);
    fuzzCase.chain().write(versions);
    List<Violation> violations = new ArrayList<>();
    List<String> log = new ArrayList<>();
    Map<String, Long> nanos = new LinkedHashMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (Command command : fuzzCase.commands()) {
      long start = System.nanoTime();
      Outcome outcome = Outcome.run(command.args(versions, out));
      nanos.merge(command.verb(), System.nanoTime() - start, Long::sum);
      outcomes.add(outcome);
      violations.addAll(Invariant.check(command, outcome, versions, out));
    }
    violations.addAll(CaseInvariant.check(fuzzCase, outcomes, versions));
    if (!violations.isEmpty()) {
      for (int i = 0; i < outcomes.size(); i++) {
        log.add(transcript(fuzzCase.commands().get(i), outcomes.get(i)));
      }
    }
    if (violations.isEmpty()) {
      deleteTree(dir);
      return new Result(fuzzCase, violations, nanos, null);
    }
    deleteTree(out);
    Files.writeString(dir.resolve("REPORT.txt"), report(fuzzCase, violations, log));
    return new Result(fuzzCase, violations, nanos, dir);
  }

  private static String report(FuzzCase c, List<Violation> violations, List<String> log) {
    StringBuilder text = new StringBuilder();
    text.append("strata fuzz case ").append(c.number()).append(" of seed ").append(c.seed())
        .append("\nrerun it: bench/fuzz.sh --case ").append(c.number()).append(' ')
        .append(c.seed()).append("\nor by hand in this folder (the damaged chain is versions/):\n");
    c.commands().forEach(cmd -> text.append("  ").append(cmd.display()).append('\n'));
    text.append("\nmutations:\n");
    c.mutations().forEach(m -> text.append("  ").append(m).append('\n'));
    text.append("\nviolations:\n");
    violations.forEach(v -> text.append("  ").append(v.kind()).append(' ').append(v.command())
        .append("\n    ").append(v.detail().replace("\n", "\n    ")).append('\n'));
    text.append("\noutput:\n");
    log.forEach(text::append);
    return text.toString();
  }

  private static String transcript(Command command, Outcome outcome) {
    String err = outcome.err();
    if (outcome.errSize() > 20_000) {
      err = err.substring(0, Math.min(err.length(), 20_000)) + "\n[... " + outcome.errSize()
          + " bytes in all]";
    }
    return "$ " + command.display() + "\n[exit " + outcome.exit() + "]\n"
        + outcome.thrown().map(t -> "[threw " + t + "]\n").orElse("") + err + "\n";
  }

  /** Deletes {@code dir} and everything under it, if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
