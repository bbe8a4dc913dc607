package dev.strata.cli.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long fuzz run for people, started by {@code bench/fuzz.sh}:
 *
 * <pre>
 * FuzzMain --versions DIR --out DIR N [SEED]       cases 1..N (SEED: a random one when omitted)
 * FuzzMain --versions DIR --out DIR --case K SEED  case K alone
 * FuzzMain --versions DIR --list N SEED             what cases 1..N do, without running them
 * </pre>
 *
 * <p>Cases are written under {@code OUT/seed-SEED/} (emptied first); each failing case stays there
 * with its {@code REPORT.txt}. Prints every violation, a count per symptom, and the summary line
 * {@code N cases, V violations} (V: cases that broke a rule). Exit 0 without violations, 1 with
 * some, 2 for a wrong command line.
 */
public final class FuzzMain {
  private FuzzMain() {}

  /** Runs the fuzzer and exits with its status. */
  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    Arguments a;
    try {
      a = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("fuzz: error: " + e.getMessage());
      err.println("usage: FuzzMain --versions DIR --out DIR N [SEED]"
          + " | --versions DIR --out DIR --case K SEED | --versions DIR --list N SEED");
      return 2;
    }
    if (a.list()) {
      Chain sample = Chain.read(a.versions());
      for (int n = 1; n <= a.cases(); n++) {
        FuzzCase c = FuzzCase.generate(a.seed(), n, sample);
        out.println(n + ": " + String.join("; ", c.mutations()) + " | "
            + String.join(" | ", c.commands().stream().map(Command::display).toList()));
      }
      return 0;
    }
    Path root = a.out().resolve("seed-" + a.seed());
    if (a.only() == 0) {
      Fuzzer.deleteTree(root);
    }
    Fuzzer fuzzer = new Fuzzer(Chain.read(a.versions()), root);
    int first = a.only() == 0 ? 1 : a.only();
    int last = a.only() == 0 ? a.cases() : a.only();
    out.println("fuzz: seed " + a.seed() + ", cases " + first + ".." + last
        + ", sample chain " + a.versions());
    Summary summary = new Summary();
    long start = System.nanoTime();
    for (int n = first; n <= last; n++) {
      Fuzzer.Result result = fuzzer.run(a.seed(), n);
      summary.add(result, out);
      if ((n - first + 1) % 250 == 0 && n != last) {
        err.printf("fuzz: %d/%d cases, %d violations, %.0f s%n", n - first + 1, last - first + 1,
            summary.violations, (System.nanoTime() - start) / 1e9);
      }
    }
    summary.print(out, last - first + 1, (System.nanoTime() - start) / 1e9);
    return summary.violations == 0 ? 0 : 1;
  }

  /** The parsed command line; {@code only} is 0 for a run of cases 1..{@code cases}. */
  private record Arguments(Path versions, Path out, int cases, int only, long seed, boolean list) {
    static Arguments parse(String[] args) {
      Path versions = Path.of("versions");
      Path out = Path.of("bench/out/fuzz");
      int only = 0;
      boolean list = false;
      List<String> positional = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--versions" -> versions = Path.of(value(args, ++i));
          case "--out" -> out = Path.of(value(args, ++i));
          case "--case" -> only = positive(value(args, ++i), "K");
          case "--list" -> list = true;
          default -> positional.add(args[i]);
        }
      }
      if (only > 0 && positional.size() != 1) {
        throw new IllegalArgumentException("--case K needs the SEED of the run it comes from");
      }
      if (only == 0 && (positional.isEmpty() || positional.size() > 2)) {
        throw new IllegalArgumentException("give the number of cases N, and optionally a SEED");
      }
      int cases = only > 0 ? 1 : positive(positional.get(0), "N");
      String seed =
          only > 0 ? positional.get(0) : positional.size() == 2 ? positional.get(1) : null;
      return new Arguments(versions, out, cases, only,
          seed == null ? System.currentTimeMillis() : number(seed, "SEED"), list);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }

    private static int positive(String text, String name) {
      long n = number(text, name);
      if (n < 1 || n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " must be a positive number: " + text);
      }
      return (int) n;
    }

    private static long number(String text, String name) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number: " + text);
      }
    }
  }

  /** Counts and groups the results as they come. */
  private static final class Summary {
    private final Map<String, List<Integer>> bySignature = new LinkedHashMap<>();
    private final Map<String, Long> nanosByVerb = new LinkedHashMap<>();
    private final List<Fuzzer.Result> slowest = new ArrayList<>();
    private int violations;

    void add(Fuzzer.Result result, PrintStream out) {
      result.nanos().forEach((verb, nanos) -> nanosByVerb.merge(verb, nanos, Long::sum));
      slowest.add(result);
      slowest.sort(Comparator.comparingLong(Fuzzer.Result::totalNanos).reversed());
      if (slowest.size() > 5) {
        slowest.removeLast();
      }
      if (result.passed()) {
        return;
      }
      violations++;
      FuzzCase c = result.fuzzCase();
      for (Violation v : result.violations()) {
        out.println("violation: seed " + c.seed() + " case " + c.number() + ": " + v.kind()
            + ": " + v.command() + ": " + v.detail().lines().findFirst().orElse(""));
        List<Integer> cases = bySignature.computeIfAbsent(v.signature(), k -> new ArrayList<>());
        if (cases.isEmpty() || cases.getLast() != c.number()) {
          cases.add(c.number());
        }
      }
      out.println("  mutations: " + String.join("; ", c.mutations()));
      out.println("  kept in " + result.kept() + " (rerun: bench/fuzz.sh --case " + c.number()
          + " " + c.seed() + ")");
    }

    void print(PrintStream out, int cases, double seconds) {
      if (!bySignature.isEmpty()) {
        out.println("by symptom (cases, symptom, first cases):");
        bySignature.forEach((signature, numbers) -> out.printf("  %5d  %s  (case %s)%n",
            numbers.size(), signature, numbers.subList(0, Math.min(5, numbers.size()))));
      }
      StringBuilder verbs = new StringBuilder();
      nanosByVerb.forEach(
          (verb, nanos) -> verbs.append(String.format(" %s %.1f s,", verb, nanos / 1e9)));
      out.printf("time:%s total %.0f s%n", verbs.substring(0, verbs.length() - 1), seconds);
      out.println("slowest cases:");
      for (Fuzzer.Result r : slowest) {
        out.printf("  %5d  %.1f s  %s%n", r.fuzzCase().number(), r.totalNanos() / 1e9,
            String.join("; ", r.fuzzCase().mutations()));
      }
      out.println(cases + " cases, " + violations + " violations");
    }
  }
}
