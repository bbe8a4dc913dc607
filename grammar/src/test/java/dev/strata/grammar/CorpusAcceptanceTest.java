package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.CorpusCounter.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The acceptance rate of strata's language on its corpus of real-world PostgreSQL migrations,
 * {@code src/test/resources/corpus/postgresql/<project>/*.sql} (sources in {@code SOURCES.md} there;
 * method in docs/language.md, "Coverage of real migrations"). Every statement of every file is
 * wrapped alone as a revision and parsed ({@link CorpusCounter}); the test prints the figure, the
 * rejections grouped by construct and the rate of each project, and fails when the rate is below
 * {@link #REQUIRED_RATE} or when the parser threw on a statement instead of reporting it.
 *
 * <p>Run alone with {@code mvn -o -q test -pl grammar -am -Dtest=CorpusAcceptanceTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CorpusAcceptanceTest {
  /** The share of corpus statements that must parse into typed operations (issue 8: 98%). */
  static final double REQUIRED_RATE = 0.98;

  /** How many rejection groups the report lists. */
  private static final int TOP_GROUPS = 30;

  private static final Path CORPUS = Path.of("src/test/resources/corpus/postgresql");

  @Test
  void corpusAcceptanceRateIsAtLeastTheRequiredRate() throws IOException {
    List<Verdict> verdicts = measureCorpus();
    String report = report(verdicts);
    System.out.print(report);

    assertTrue(verdicts.size() >= 400, "the corpus holds only " + verdicts.size() + " statements");
    List<Verdict> bugs = verdicts.stream()
        .filter(v -> v.rejection().orElse("").startsWith(CorpusCounter.INTERNAL_ERROR))
        .toList();
    assertEquals(List.of(), bugs.stream()
        .map(v -> v.project() + "/" + v.file() + ":" + v.line() + ": " + v.diagnostic().get())
        .toList(), "the parser threw instead of reporting a diagnostic");
    double rate = rate(verdicts);
    assertTrue(rate >= REQUIRED_RATE, String.format(Locale.ROOT,
        "corpus acceptance %.1f%% is below the required %.1f%%%n%s",
        100 * rate, 100 * REQUIRED_RATE, report));
  }

  /** The verdicts on every statement of every corpus file, projects and files in name order. */
  static List<Verdict> measureCorpus() throws IOException {
    List<Verdict> verdicts = new ArrayList<>();
    for (Path project : list(CORPUS, Files::isDirectory)) {
      for (Path file : list(project, p -> p.getFileName().toString().endsWith(".sql"))) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        verdicts.addAll(CorpusCounter.measure(
            project.getFileName().toString(), file.getFileName().toString(), text));
      }
    }
    return verdicts;
  }

  private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep)
      throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(keep).sorted().toList();
    }
  }

  static double rate(List<Verdict> verdicts) {
    return verdicts.isEmpty() ? 0 : (double) accepted(verdicts) / verdicts.size();
  }

  private static long accepted(List<Verdict> verdicts) {
    return verdicts.stream().filter(Verdict::accepted).count();
  }

  /** The printed report: totals, the top rejection groups by count, and each project's rate. */
  static String report(List<Verdict> verdicts) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "corpus acceptance: %d statements, %d accepted, %.1f%% (required %.1f%%)%n",
        verdicts.size(), accepted(verdicts), 100 * rate(verdicts), 100 * REQUIRED_RATE));

    Map<String, List<Verdict>> groups = verdicts.stream()
        .filter(v -> !v.accepted())
        .collect(Collectors.groupingBy(v -> v.rejection().get()));
    List<Map.Entry<String, List<Verdict>>> ranked = groups.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<Verdict>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .toList();
    out.append(String.format(Locale.ROOT, "rejected, by construct (top %d of %d groups):%n",
        Math.min(TOP_GROUPS, ranked.size()), ranked.size()));
    for (Map.Entry<String, List<Verdict>> group : ranked.subList(0, Math.min(TOP_GROUPS,
        ranked.size()))) {
      long projects = group.getValue().stream().map(Verdict::project).distinct().count();
      Verdict example = group.getValue().getFirst();
      out.append(String.format(Locale.ROOT, "%6d  %-70s  (%d projects; e.g. %s/%s:%d)%n",
          group.getValue().size(), group.getKey(), projects, example.project(), example.file(),
          example.line()));
    }

    out.append("by project:\n");
    Map<String, List<Verdict>> byProject = verdicts.stream()
        .collect(Collectors.groupingBy(Verdict::project, TreeMap::new, Collectors.toList()));
    byProject.forEach((project, list) -> out.append(String.format(Locale.ROOT,
        "  %-22s %5d / %5d  %5.1f%%%n", project, accepted(list), list.size(),
        100 * rate(list))));
    return out.toString();
  }
}
