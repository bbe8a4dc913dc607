package dev.strata.cli;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code strata verify PATH}: checks a bundle (folder, .tar.gz or .zip) without extracting it, in
 * bounded memory. Sound: {@code ok: N files verified}, exit 0. Otherwise one diagnostic naming the
 * first problem, exit 1: its code says what kind ({@link BundleProblem.Kind}: E0510 changed or
 * damaged, E0527 not a bundle, E0528 malformed archive, E0529 unsafe entry, E0533 too large, E0534
 * bad manifest, at its line and column, E0535 manifest disagrees with the scripts), or E0511 when
 * PATH cannot be read at all.
 */
@Command(
    name = "verify",
    description = {
      "Check a bundle (folder, .tar.gz or .zip) without extracting it.",
      "Every checksum in SHA256SUMS and MANIFEST.json, no file missing or",
      "extra, no absolute path, '..' or link, an archive that tar and unzip",
      "read as verify does, a manifest that describes the scripts. Exit 0",
      "when sound, else 1 with the first problem."
    })
final class VerifyCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "The bundle to check.")
  Path path;

  @Override
  public Integer call() throws DiagnosticException {
    int files;
    try {
      files = BundleVerifier.verify(path, new ReadBudget());
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.error("E0511",
          "cannot read '" + path + "': " + OutputFile.reason(e)));
    } catch (BundleProblem problem) {
      throw new DiagnosticException(diagnostic(problem));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("ok: " + files + " files verified");
    out.flush();
    return Main.OK;
  }

  /** The problem as printed: at its place in a bundle file when it has one. */
  private Diagnostic diagnostic(BundleProblem problem) {
    String code = problem.kind().code();
    String help = "help: " + problem.kind().help();
    if (problem.position().isEmpty()) {
      return Diagnostic.error(code, path + ": " + problem.getMessage(), help);
    }
    BundleProblem.Position at = problem.position().get();
    SourceFile file = new SourceFile(location(at.file()), "\n".repeat(at.line() - 1) + at.text());
    return Diagnostic.error(code, problem.getMessage(), file, Span.at(at.line(), at.column()),
        help);
  }

  /**
   * How a file of the bundle is named in a diagnostic: its path on disk in a folder bundle, else
   * {@code ARCHIVE!ENTRY} ({@code entry} is {@code <top folder>/<path>}).
   */
  private String location(String entry) {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return path + "!" + entry;
    }
    String inTop = entry.substring(entry.indexOf('/') + 1);
    return Files.exists(path.resolve(Bundle.MANIFEST), LinkOption.NOFOLLOW_LINKS)
        ? path.resolve(inTop).toString() : path.resolve(entry).toString();
  }
}
