package dev.strata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.dialects.Dialect;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Location;
import dev.strata.grammar.Severity;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata check}: every problem of a versions directory at once (see {@link
 * VersionsChecker}). Text: the diagnostics on stderr, then {@code check: N revisions, E errors, W
 * warnings} on stdout. JSON: one object on stdout, nothing on stderr. Exit 1 when there are errors,
 * or warnings under {@code --strict}; else 0. A check that passed is printed again from the
 * results cache ({@link ResultCache}) while its inputs stay the same.
 */
@Command(
    name = "check",
    description = {
      "Report every problem of the versions directory at once.",
      "Errors: every parse and graph error, everything compiling every",
      "revision up and down for the dialect reports, and revisions edited,",
      "renamed, inserted or removed since 'strata lock'. Warnings: several",
      "heads, a revision numbered below its parent, a file not named after",
      "its revision, no lock file, revisions not locked yet, files that are",
      "not revisions. Then, when there is no error, what 'strata lint'",
      "finds over every revision, each finding an error or a warning as",
      "its rule says.",
      "Exit 1 on errors (and on warnings with --strict), else 0."
    })
final class CheckCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ReadOptions source;

  @Option(
      names = "--dialect",
      paramLabel = "NAME",
      defaultValue = "postgresql",
      converter = CompileOptions.DialectConverter.class,
      description = "Compile every revision, both ways, for this dialect: "
          + CompileOptions.DIALECTS + " (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Option(names = "--strict", description = "Exit 1 on warnings too.")
  boolean strict;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = ReportFormat.Converter.class,
      description = "text (diagnostics on stderr, a summary on stdout) or json (default:"
          + " ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    return ResultCache.serve(ResultCache.forCommand(spec, source), spec.commandLine().getErr(),
        stored -> stored.printTo(out),
        (teeOut, err) -> report(new PrintWriter(teeOut.apply(out)), err));
  }

  /**
   * Checks the versions directory and prints the report to {@code out} and {@code err}, both
   * flushed; returns the exit code. A run that exits 0 is stored in the results cache ({@link
   * ResultCache}), which prints the same again while the inputs stay the same.
   */
  private int report(PrintWriter out, PrintWriter err) throws DiagnosticException {
    VersionsChecker.Report report = VersionsChecker.check(source.versions, source.cache(spec),
        dialect, Optional.of(LintSettings.forCommand(spec)));
    switch (format) {
      case TEXT -> {
        err.print(DiagnosticException.format(report.diagnostics()));
        err.flush();
        out.println(summary(report));
      }
      case JSON -> out.print(json(report));
    }
    out.flush();
    long errors = report.count(Severity.ERROR);
    long warnings = report.count(Severity.WARNING);
    return errors > 0 || (strict && warnings > 0) ? Main.DIAGNOSTICS : Main.OK;
  }

  /** {@code check: 22 revisions, 0 errors, 1 warning}. */
  static String summary(VersionsChecker.Report report) {
    return "check: " + plural(report.revisions(), "revision") + ", "
        + plural(report.count(Severity.ERROR), "error") + ", "
        + plural(report.count(Severity.WARNING), "warning");
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * The report as JSON, keys in this order: {@code revisions}, {@code errors}, {@code warnings},
   * {@code diagnostics} (each {@code severity}, {@code code}, {@code message}, {@code path},
   * {@code line}, {@code column}, {@code notes}; the position fields are null for a diagnostic
   * without a file position). Two-space indentation, LF line ends, a final LF.
   */
  static String json(VersionsChecker.Report report) {
    ObjectNode root = JsonText.MAPPER.createObjectNode();
    root.put("revisions", report.revisions());
    root.put("errors", report.count(Severity.ERROR));
    root.put("warnings", report.count(Severity.WARNING));
    ArrayNode list = root.putArray("diagnostics");
    for (Diagnostic d : report.diagnostics()) {
      put(list.addObject(), d);
    }
    return JsonText.write(root);
  }

  /**
   * {@code d} as the JSON reports list a diagnostic: {@code severity}, {@code code}, {@code
   * message}, {@code path}, {@code line}, {@code column} (null without a file position), {@code
   * notes}.
   */
  static void put(ObjectNode node, Diagnostic d) {
    node.put("severity", d.severity().label());
    node.put("code", d.code());
    node.put("message", d.message());
    Location at = d.location().orElse(null);
    node.put("path", at == null ? null : at.source().path());
    node.put("line", at == null ? null : at.span().line());
    node.put("column", at == null ? null : at.span().column());
    ArrayNode notes = node.putArray("notes");
    d.notes().forEach(notes::add);
  }
}
