package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintSeverity;
import dev.strata.compiler.lint.TableLock;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.Span;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code strata lint --format json}: the findings as one JSON document, in {@link JsonText}'s
 * layout. The shape is stable (fields are only ever added):
 *
 * <pre>
 * {
 *   "format": "strata-lint",
 *   "version": 1,
 *   "findings": [
 *     {
 *       "rule": "create-index-not-concurrently",
 *       "severity": "warning",             // "error" or "warning" (never "off")
 *       "revision": "0002_indexes",
 *       "dialect": "postgresql",
 *       "file": "versions/0002_indexes.sql",
 *       "line": 7, "column": 14,            // 1-based; columns count UTF-16 chars, a tab is one
 *       "endLine": 7, "endColumn": 24,      // the char after the name (exclusive), as SARIF counts
 *       "message": "...",
 *       "locks": [ { "table": "users", "level": "SHARE", "rewrite": false, "scan": true } ],
 *       "alternative": "CREATE INDEX CONCURRENTLY ...",   // or null
 *       "allowed": null                     // or the reason of the allow that silenced it
 *     }
 *   ],
 *   "summary": { "errors": 0, "warnings": 1, "allowed": 0 },
 *   "diagnostics": [                      // what stopped lint before it could run (a revision
 *     {                                   // that does not parse, a bad range): then no findings
 *       "severity": "error", "code": "E0111", "message": "...",
 *       "path": "versions/0002_indexes.sql", "line": 7, "column": 1,   // or null
 *       "notes": ["help: ..."]
 *     }
 *   ]
 * }
 * </pre>
 *
 * <p>{@code table} is the name as a person reads it ({@code users} in {@code public}, else {@code
 * schema.name}); {@code level} is PostgreSQL's lock mode as SQL names it. The summary counts the
 * findings that are not allowed, by severity, and the allowed ones apart.
 */
final class LintJson {
  /** The value of {@code "version"}; raised only if a field changes meaning or is removed. */
  static final int VERSION = 1;

  private LintJson() {}

  /**
   * Writes {@code findings}, in the order given, to {@code out} (not closed).
   *
   * @param root the directory an absolute file path is made relative to (the project directory);
   *     a relative path is written as the finding's source names it, with {@code /} separators
   * @throws IOException when {@code out} fails
   */
  static void write(List<Finding> findings, Path root, Writer out) throws IOException {
    write(findings, List.of(), root, out);
  }

  /**
   * Writes {@code findings} and the {@code diagnostics} that stopped lint (each as {@code strata
   * check --format json} lists it), to {@code out} (not closed).
   *
   * @throws IOException when {@code out} fails
   */
  static void write(List<Finding> findings, List<Diagnostic> diagnostics, Path root, Writer out)
      throws IOException {
    ObjectNode document = JsonText.MAPPER.createObjectNode();
    document.put("format", "strata-lint");
    document.put("version", VERSION);
    ArrayNode list = document.putArray("findings");
    int errors = 0;
    int warnings = 0;
    int allowed = 0;
    for (Finding finding : findings) {
      list.add(finding(finding, root));
      if (finding.allowed().isPresent()) {
        allowed++;
      } else if (finding.severity() == LintSeverity.ERROR) {
        errors++;
      } else {
        warnings++;
      }
    }
    ObjectNode summary = document.putObject("summary");
    summary.put("errors", errors);
    summary.put("warnings", warnings);
    summary.put("allowed", allowed);
    ArrayNode problems = document.putArray("diagnostics");
    diagnostics.forEach(d -> CheckCommand.put(problems.addObject(), d));
    out.write(JsonText.write(document));
    out.flush();
  }

  /**
   * One object per lock, {@code {table, level, rewrite, scan}}: the shape both the JSON report and
   * the SARIF result properties give a finding's locks.
   */
  static void putLocks(ArrayNode array, List<TableLock> locks) {
    for (TableLock lock : locks) {
      ObjectNode l = array.addObject();
      l.put("table", lock.table().display());
      l.put("level", lock.level().sql());
      l.put("rewrite", lock.rewrite());
      l.put("scan", lock.scan());
    }
  }

  private static ObjectNode finding(Finding finding, Path root) {
    ObjectNode node = JsonText.MAPPER.createObjectNode();
    Span span = finding.location().span();
    node.put("rule", finding.rule().id());
    node.put("severity", finding.severity().label());
    node.put("revision", finding.revision());
    node.put("dialect", finding.dialect().id());
    node.put("file", relativePath(finding.location().source().path(), root));
    node.put("line", span.line());
    node.put("column", span.column());
    node.put("endLine", span.line());
    node.put("endColumn", span.column() + span.length());
    node.put("message", finding.message());
    putLocks(node.putArray("locks"), finding.locks());
    node.put("alternative", finding.alternative().orElse(null));
    node.put("allowed", finding.allowed().orElse(null));
    return node;
  }

  /**
   * {@code path} (as a finding's source names it) relative to {@code root} when it is absolute and
   * under it, with {@code /} separators and no leading {@code ./}; else as given.
   */
  static String relativePath(String path, Path root) {
    Path p = Path.of(path).normalize();
    Path base = root.toAbsolutePath().normalize();
    if (p.isAbsolute() && p.startsWith(base)) {
      p = base.relativize(p);
    }
    return p.toString().replace(java.io.File.separatorChar, '/');
  }
}
