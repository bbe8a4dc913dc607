package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testkit.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every range that {@code strata upgrade} accepts bundles, and round-trips with the real {@code
 * psql}: on the sample chain (28 revisions, the branch point 0012, the merge 0020, branch labels)
 * every FROM:TO of base and single revisions, and on a small chain with a {@code depends-on} every
 * range between states of up to two rows ({@link RoundTrip#states}). Ranges from one FROM state run
 * one after another on its database; two FROM states at a time. {@link BundleRoundTripTest} runs a
 * representative few, starts and ends at two heads among them, in the unit suite.
 */
@Tag("sweep") // a long sweep: run by mvn verify -Psweeps, not the default suite
class EveryRangeRoundTripIT {
  private static final int THREADS = 2;

  @TempDir Path work;

  @Test
  void everyRangeOfTheSampleChain() throws Exception {
    // FROM base or a revision, TO a revision at or above it (or base:base): 425 ranges; with the
    // ten two-row states too, about twice as many, which takes twice as long
    roundTripAll(Cli.sampleVersions(), 1, 425);
  }

  @Test
  void everyRangeOfAChainWithADependsOn() throws Exception {
    roundTripAll(BundleRoundTripTest.dependsOnChain(work.resolve("depends-on")), 2, 31);
  }

  private void roundTripAll(Path versions, int maxRows, int atLeast) throws Exception {
    long start = System.nanoTime();
    List<String> ranges = RoundTrip.ranges(versions, maxRows);
    assertTrue(ranges.size() >= atLeast, ranges.size() + " ranges: " + ranges);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    try (RoundTrip trip = new RoundTrip(PostgresServer.require(), versions, work)) {
      Map<List<String>, List<String>> byStart = new LinkedHashMap<>();
      for (String range : ranges) {
        byStart.computeIfAbsent(trip.plan(range).fromHeads(), k -> new ArrayList<>()).add(range);
      }
      List<List<String>> groups = new ArrayList<>(byStart.values());
      groups.sort(Comparator.comparingInt(g -> -g.size()));
      try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
        List<Future<?>> done = new ArrayList<>();
        for (List<String> group : groups) {
          done.add(pool.submit(() -> group.forEach(range -> check(trip, range, failures))));
        }
        for (Future<?> future : done) {
          future.get();
        }
      }
    }
    System.out.printf("EveryRangeRoundTripIT: %d ranges of %s bundled and round-tripped in %d s%n",
        ranges.size(), versions, (System.nanoTime() - start) / 1_000_000_000L);
    assertEquals(List.of(), failures, failures.size() + " of " + ranges.size() + " ranges failed");
  }

  private static void check(RoundTrip trip, String range, List<String> failures) {
    try {
      trip.check(range);
    } catch (Throwable e) {
      String message = String.valueOf(e.getMessage());
      failures.add(range + ": " + message.substring(0, Math.min(message.length(), 2000)));
    }
  }
}
