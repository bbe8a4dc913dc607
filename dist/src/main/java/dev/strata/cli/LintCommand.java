package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Range;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LintConfig;
import dev.strata.compiler.lint.LintSeverity;
import dev.strata.compiler.lint.LintText;
import dev.strata.compiler.lint.Linter;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.TransactionMode;
import dev.strata.dialects.lint.LockReport;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata lint [RANGE]}: the dangerous statements of the revisions {@code upgrade RANGE}
 * would run (every revision by default), each rule checked against the schema model at its
 * statement (see {@code docs/lint.md}). Text: the findings on stderr as diagnostics ({@code
 * path:line:col: warning[rule-id]: message}, the source line, a caret under the name, {@code =
 * lock:} and {@code = help:} lines), then {@code lint: N revisions, E errors, W warnings} on stdout.
 * JSON and SARIF: one document on stdout. Exit 1 when a finding that is not silenced is an error,
 * or a warning under {@code --strict}; else 0.
 */
@Command(
    name = "lint",
    description = {
      "Report the statements that would hurt a live database: locks,",
      "scans and rewrites of tables that existed before the revision, lost",
      "data, renames the running application still uses; in the revisions",
      "'upgrade [FROM:]TO' would run (default: every revision).",
      "Each finding names its rule, the lock it takes and the safe alternative.",
      "Silence one with '-- strata:allow RULE reason' (see docs/lint.md).",
      "Exit 1 on errors (and on warnings with --strict), else 0."
    })
final class LintCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ReadOptions source;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "[FROM:]TO",
      defaultValue = Linter.ALL,
      description = "The revisions to lint, as 'upgrade' takes them (default: ${DEFAULT-VALUE}).")
  String range;

  @Option(
      names = "--dialect",
      paramLabel = "NAME",
      defaultValue = "postgresql",
      converter = CompileOptions.DialectConverter.class,
      description = "Lint the script of this dialect: " + CompileOptions.DIALECTS
          + " (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Option(
      names = "--transaction",
      paramLabel = "MODE",
      converter = CompileOptions.TransactionModeConverter.class,
      description = "The transactions the script will use, as 'upgrade --transaction' (default:"
          + " bundle where DDL is transactional, else none).")
  Optional<TransactionMode> transaction;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      converter = CompileOptions.LockTimeoutConverter.class,
      description = "The lock timeout the script will set, as 'upgrade --lock-timeout'.")
  Optional<String> lockTimeout;

  @Option(names = "--strict", description = "Exit 1 on warnings too.")
  boolean strict;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Format.Converter.class,
      description = "text (findings on stderr, a summary on stdout), json or sarif (SARIF 2.1.0,"
          + " for code-review annotations) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--locks",
      description = "Also list, per revision, the locks each statement takes on which tables.")
  boolean locks;

  /** {@code --format}: how the findings are written. */
  enum Format {
    TEXT,
    JSON,
    SARIF;

    /** {@code --format text|json|sarif}: lowercase, else a usage error naming the three. */
    static final class Converter implements ITypeConverter<Format> {
      @Override
      public Format convert(String value) {
        return Arrays.stream(values())
            .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(value))
            .findFirst()
            .orElseThrow(() -> new TypeConversionException(
                "unknown format '" + value + "' (known: text, json, sarif)"));
      }
    }
  }

  @Override
  public Integer call() throws DiagnosticException, IOException {
    if (locks && format != Format.TEXT) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--locks prints a text report: use it with --format text (the default)");
    }
    TransactionMode mode = transaction.orElse(DialectOptions.defaultMode(dialect));
    PrintWriter out = spec.commandLine().getOut();
    Path root = Path.of("").toAbsolutePath();
    Compilation compilation;
    Plan plan;
    List<Finding> findings;
    try {
      compilation = Compilation.unlocked(source.versions, source.cache(spec));
      LintConfig config = LintSettings.forCommand(spec);
      // the plan's schema checks and lint: one replay for both when lint's model is PostgreSQL's
      PlanTasks.Linted linted = PlanTasks.linting(compilation,
          Range.parse(Direction.UPGRADE, range), dialect.dialectId(),
          (planned, walk) -> LintRun.findings(planned, walk, dialect, mode, lockTimeout, config));
      plan = linted.checking().checked();
      findings = linted.lint().join();
    } catch (DiagnosticException e) {
      // a report for a machine is one document whatever happens: a CI step that uploads it must
      // find the revision that does not parse in it, not an empty file
      switch (format) {
        case TEXT -> throw e;
        case JSON -> LintJson.write(List.of(), e.diagnostics(), root, out);
        case SARIF -> LintSarif.write(List.of(), e.diagnostics(), root, out);
      }
      out.flush();
      return Main.DIAGNOSTICS;
    }
    switch (format) {
      case TEXT -> {
        PrintWriter err = spec.commandLine().getErr();
        err.print(LintText.format(findings));
        err.flush();
        if (locks) {
          String report = LockReport.of(compilation.graph(), plan, dialect.dialectId(),
              LintRun.options(dialect, mode, lockTimeout)).text();
          out.print(report.endsWith("\n") ? report : report + "\n");
          out.println();
        }
        out.println(LintText.summary(plan.steps().size(), findings));
      }
      case JSON -> LintJson.write(findings, root, out);
      case SARIF -> LintSarif.write(findings, root, out);
    }
    out.flush();
    long errors = LintText.count(findings, LintSeverity.ERROR);
    long warnings = LintText.count(findings, LintSeverity.WARNING);
    return errors > 0 || (strict && warnings > 0) ? Main.DIAGNOSTICS : Main.OK;
  }
}
