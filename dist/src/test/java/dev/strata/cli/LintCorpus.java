package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.compiler.lint.Rule;
import dev.strata.grammar.DialectId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The corpus of dangerous revisions, {@code dist/src/test/resources/lint/corpus/<rule-id>/}: for
 * every {@link Rule}, {@code versions/} (a chain whose last revision triggers the rule), {@code
 * expected.txt} (what {@code strata lint} prints for it, run from the rule's directory), and
 * variants that must not trigger it: {@code safe/} (the rule's safe alternative), {@code
 * same-revision-table/} and {@code same-revision-column/} (the exemptions: the table or column was
 * created by the same revision) and any other directory (e.g. {@code binary-compatible/}).
 */
final class LintCorpus {
  /** The dangerous chain of a rule's directory. */
  static final String DANGEROUS = "versions";

  /** What {@code strata lint} prints for the dangerous chain. */
  static final String EXPECTED = "expected.txt";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LintCorpus() {}

  /** The corpus root. */
  static Path root() {
    return Cli.repoRoot().resolve("dist/src/test/resources/lint/corpus");
  }

  /** The directory of {@code rule}'s corpus. */
  static Path of(Rule rule) {
    return root().resolve(rule.id());
  }

  /**
   * The dialect a rule's corpus is linted for: PostgreSQL where the rule speaks about it, else
   * MySQL, else SQLite.
   */
  static DialectId dialect(Rule rule) {
    for (DialectId d : List.of(DialectId.POSTGRESQL, DialectId.MYSQL, DialectId.SQLITE)) {
      if (rule.dialects().contains(d)) {
        return d;
      }
    }
    return rule.dialects().iterator().next();
  }

  /** The command line a user types in the rule's directory, as the docs show it. */
  static String commandLine(Rule rule, String chain) {
    DialectId d = dialect(rule);
    return "strata lint" + (chain.equals(DANGEROUS) ? "" : " --versions " + chain)
        + (d == DialectId.POSTGRESQL ? "" : " --dialect " + d.id());
  }

  /** The variants of a rule's corpus that must not trigger it, sorted by name. */
  static List<String> variants(Rule rule) {
    try (Stream<Path> list = Files.list(of(rule))) {
      return list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(DANGEROUS)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last revision file of a chain (file-name order, as strata reads them). */
  static Path lastRevision(Rule rule, String chain) {
    try (Stream<Path> list = Files.list(of(rule).resolve(chain))) {
      return list.filter(p -> p.toString().endsWith(".sql")).sorted().reduce((a, b) -> b)
          .orElseThrow(() -> new IllegalStateException("no revision in " + of(rule) + "/" + chain));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What {@code strata lint} prints (standard error, then standard output) for one chain of the
   * rule's corpus, run in the rule's directory: file names are relative to it.
   */
  static Result text(Rule rule, String chain, String... options) {
    Cli cli = run(rule, chain, "text", options);
    String prefix = of(rule).toAbsolutePath() + "/";
    return new Result(cli.exitCode(), (cli.err() + cli.out()).replace(prefix, ""));
  }

  /** The findings {@code strata lint --format json} reports for one chain. */
  static List<JsonNode> findings(Rule rule, String chain) {
    Cli cli = run(rule, chain, "json");
    try {
      JsonNode document = JSON.readTree(cli.out());
      List<JsonNode> findings = new ArrayList<>();
      document.path("findings").forEach(findings::add);
      if (!document.has("findings")) {
        throw new AssertionError("strata lint --format json printed no findings list for "
            + rule.id() + "/" + chain + ":\n" + cli.out() + cli.err());
      }
      return findings;
    } catch (IOException e) {
      throw new AssertionError("strata lint --format json printed no JSON for " + rule.id() + "/"
          + chain + ":\n" + cli.out() + cli.err(), e);
    }
  }

  /** The findings of {@code rule} itself among {@code findings}. */
  static List<JsonNode> of(Rule rule, List<JsonNode> findings) {
    return findings.stream().filter(f -> f.path("rule").asText().equals(rule.id())).toList();
  }

  private static Cli run(Rule rule, String chain, String format, String... options) {
    Path dir = of(rule).toAbsolutePath();
    List<String> args = new ArrayList<>(List.of("lint", "--versions",
        dir.resolve(chain).toString(), "--dialect", dialect(rule).id(), "--format", format));
    args.addAll(List.of(options));
    return Cli.run(new Environment(Map.of(), dir), args.toArray(String[]::new));
  }

  /** A run's exit code and its text. */
  record Result(int exitCode, String text) {}
}
