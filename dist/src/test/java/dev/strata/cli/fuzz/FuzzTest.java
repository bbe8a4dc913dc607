package dev.strata.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz run in the default suite: {@value #CASES} cases of seed {@value #SEED} (override
 * with {@code -Dfuzz.seed=S -Dfuzz.cases=N}) must keep the {@link Invariant}. A failing case is
 * kept in {@code dist/target/fuzz/seed-S/case-N} with its {@code REPORT.txt}; {@code bench/fuzz.sh
 * --case N S} reruns it. The long run for people is {@code bench/fuzz.sh N}, see {@code
 * docs/fuzzing.md}. The cases are made from the files of {@code versions/}: when the sample chain
 * changes, so do they, and {@link #KNOWN} must be checked again.
 */
class FuzzTest {
  static final long SEED = 20261122L;
  static final int CASES = 300;

  /**
   * A defect that breaks the invariant today in some cases of the default run.
   *
   * @param defect what is wrong, and where it is reported
   * @param symptom which violations it explains
   * @param cases the cases of seed {@value #SEED} it breaks, all of them
   */
  private record Known(String defect, Predicate<Violation> symptom, Set<Integer> cases) {}

  /**
   * The known defects: none today. A defect found later and not fixed at once is listed here with
   * its cases; delete the entry when its fix is merged: the test fails on a case that no entry
   * explains, and on a listed case that no longer shows its symptom, so this list stays true.
   */
  private static final List<Known> KNOWN = List.of();

  @Test
  void seededCasesKeepTheInvariant() throws Exception {
    long seed = Long.getLong("fuzz.seed", SEED);
    int cases = Integer.getInteger("fuzz.cases", CASES);
    List<Known> known = seed == SEED ? KNOWN : List.of();
    Path root = Path.of("target", "fuzz", "seed-" + seed);
    Fuzzer.deleteTree(root);
    Fuzzer fuzzer = new Fuzzer(Chain.read(sampleVersions()), root);
    Map<Integer, Fuzzer.Result> failed = new TreeMap<>();
    for (int n = 1; n <= cases; n++) {
      Fuzzer.Result result = fuzzer.run(seed, n);
      if (!result.passed()) {
        failed.put(n, result);
      }
    }
    List<String> problems = new ArrayList<>();
    failed.forEach((n, result) -> {
      List<Known> listed = known.stream().filter(k -> k.cases().contains(n)).toList();
      boolean explained = result.violations().stream()
          .allMatch(v -> listed.stream().anyMatch(k -> k.symptom().test(v)));
      if (!explained) {
        problems.add(describe(seed, result));
      }
    });
    for (Known k : known) {
      for (int n : new TreeSet<>(k.cases())) {
        Fuzzer.Result result = failed.get(n);
        if (n <= cases && (result == null || result.violations().stream().noneMatch(k.symptom()))) {
          problems.add("case " + n + " no longer shows \"" + k.defect()
              + "\": delete it from FuzzTest.KNOWN");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static String describe(long seed, Fuzzer.Result result) {
    FuzzCase c = result.fuzzCase();
    StringBuilder text = new StringBuilder("case " + c.number() + " of seed " + seed + ":");
    result.violations().forEach(v -> text.append("\n  ").append(v.signature()).append(": ")
        .append(v.command()));
    text.append("\n  mutations: ").append(String.join("; ", c.mutations()));
    text.append("\n  kept in ").append(result.kept()).append(", rerun: bench/fuzz.sh --case ")
        .append(c.number()).append(' ').append(seed);
    return text.toString();
  }

  /** The sample chain {@code versions/} at the repository root (set by the parent pom). */
  private static Path sampleVersions() {
    String root = System.getProperty("strata.repo.root");
    return (root != null ? Path.of(root) : Path.of("..")).resolve("versions");
  }
}
