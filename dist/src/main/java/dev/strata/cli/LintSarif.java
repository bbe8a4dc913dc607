package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintSeverity;
import dev.strata.compiler.lint.Rule;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.Severity;
import dev.strata.grammar.Span;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code strata lint --format sarif}: the findings as a SARIF 2.1.0 log (OASIS Static Analysis
 * Results Interchange Format), the format GitHub code scanning and GitLab read to annotate a pull
 * request. One run; {@code tool.driver} lists every {@link Rule} in declaration order (a result's
 * {@code ruleIndex} is its rule's {@link Rule#ordinal()}) with its reason as {@code
 * shortDescription}, its safe alternative as {@code help} and its default severity as {@code
 * defaultConfiguration.level}. Each finding is a result: {@code level} {@code error} or {@code
 * warning}, the message (and the statement's safe alternative on a second line), one location
 * ({@code uri} relative to {@code SRCROOT}, the project directory; the region of the name the
 * caret marks, columns in UTF-16 code units as strata counts them), and in {@code properties} the
 * revision, the dialect and the PostgreSQL locks. A finding silenced by {@code -- strata:allow}
 * carries a {@code suppressions} entry of kind {@code inSource} with the allow's reason as
 * justification, so that code scanning shows it as dismissed.
 */
final class LintSarif {
  /** The OASIS schema of the version written. */
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private LintSarif() {}

  /**
   * Writes the SARIF log of {@code findings}, results in the order given, to {@code out} (not
   * closed).
   *
   * @param root the directory an absolute file path is made relative to (see {@link
   *     LintJson#relativePath})
   * @throws IOException when {@code out} fails
   */
  static void write(List<Finding> findings, Path root, Writer out) throws IOException {
    write(findings, List.of(), root, out);
  }

  /**
   * As {@link #write(List, Path, Writer)}, with the {@code diagnostics} that stopped lint before
   * it could run (a revision that does not parse): each a result whose {@code ruleId} is its code
   * (no {@code ruleIndex}: it is no lint rule), and the run's invocation not successful when one
   * is an error, so that code scanning shows the failure instead of a clean run.
   *
   * @throws IOException when {@code out} fails
   */
  static void write(List<Finding> findings, List<Diagnostic> diagnostics, Path root, Writer out)
      throws IOException {
    ObjectNode log = JsonText.MAPPER.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "strata");
    driver.put("version", ToolVersion.get());
    driver.put("semanticVersion", ToolVersion.get());
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : Rule.values()) {
      rules.add(rule(rule));
    }
    ArrayNode results = run.putArray("results");
    for (Finding finding : findings) {
      results.add(result(finding, root));
    }
    for (Diagnostic diagnostic : diagnostics) {
      results.add(result(diagnostic, root));
    }
    run.putArray("invocations").addObject().put("executionSuccessful",
        diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR));
    run.put("columnKind", "utf16CodeUnits");
    out.write(JsonText.write(log));
    out.flush();
  }

  private static ObjectNode rule(Rule rule) {
    ObjectNode node = JsonText.MAPPER.createObjectNode();
    node.put("id", rule.id());
    node.putObject("shortDescription").put("text", rule.reason());
    node.putObject("help").put("text", rule.alternative()
        .map(a -> "Safe alternative: " + a)
        .orElse("No safe alternative: review the statement, then silence the finding with"
            + " -- strata:allow " + rule.id() + " <reason>"));
    node.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
    ArrayNode dialects = node.putObject("properties").putArray("dialects");
    for (DialectId dialect : DialectId.values()) {
      if (rule.dialects().contains(dialect)) {
        dialects.add(dialect.id());
      }
    }
    return node;
  }

  private static ObjectNode result(Finding finding, Path root) {
    ObjectNode node = JsonText.MAPPER.createObjectNode();
    node.put("ruleId", finding.rule().id());
    node.put("ruleIndex", finding.rule().ordinal());
    node.put("level", level(finding.severity()));
    node.putObject("message").put("text", finding.message()
        + finding.alternative().map(a -> "\nSafe alternative: " + a).orElse(""));
    Span span = finding.location().span();
    putLocation(node, finding.location().source().path(), span, span.length(), root);
    if (finding.allowed().isPresent()) {
      ObjectNode suppression = node.putArray("suppressions").addObject();
      suppression.put("kind", "inSource");
      suppression.put("justification", finding.allowed().get());
    }
    ObjectNode properties = node.putObject("properties");
    properties.put("revision", finding.revision());
    properties.put("dialect", finding.dialect().id());
    LintJson.putLocks(properties.putArray("locks"), finding.locks());
    return node;
  }

  private static ObjectNode result(Diagnostic diagnostic, Path root) {
    ObjectNode node = JsonText.MAPPER.createObjectNode();
    node.put("ruleId", diagnostic.code());
    node.put("level", switch (diagnostic.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
    });
    node.putObject("message").put("text", String.join("\n", java.util.stream.Stream.concat(
        java.util.stream.Stream.of(diagnostic.message()), diagnostic.notes().stream()).toList()));
    diagnostic.location().ifPresent(at -> putLocation(node, at.source().path(), at.span(),
        Math.max(1, at.span().length()), root));
    return node;
  }

  /**
   * A result's one location: {@code path} relative to {@code SRCROOT}, the region from {@code
   * span}'s start over {@code length} chars of its line (the end column exclusive).
   */
  private static void putLocation(ObjectNode node, String path, Span span, int length,
      Path root) {
    ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri(LintJson.relativePath(path, root)));
    artifact.put("uriBaseId", "SRCROOT");
    ObjectNode region = physical.putObject("region");
    region.put("startLine", span.line());
    region.put("startColumn", span.column());
    region.put("endLine", span.line());
    region.put("endColumn", span.column() + length);
  }

  /** SARIF's word for a severity. */
  private static String level(LintSeverity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case OFF -> "none";
    };
  }

  /** A relative path as a URI reference: {@code /} kept, spaces and the like percent-encoded. */
  private static String uri(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }
}
