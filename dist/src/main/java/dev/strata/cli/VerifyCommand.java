package dev.strata.cli;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code strata verify PATH}: checks a bundle (folder, .tar.gz or .zip) without extracting it.
 * Sound: {@code ok: N files verified}, exit 0. Otherwise diagnostic E0510 naming the first problem,
 * or E0511 when PATH cannot be read at all; exit 1.
 */
@Command(
    name = "verify",
    description = {
      "Check a bundle (folder, .tar.gz or .zip) without extracting it.",
      "Every checksum in SHA256SUMS and MANIFEST.json, no file missing or",
      "extra, no absolute path, '..' or link. Exit 0 when sound, else 1 with",
      "the first problem."
    })
final class VerifyCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "The bundle to check.")
  Path path;

  @Override
  public Integer call() throws DiagnosticException {
    List<BundleReader.RawEntry> entries;
    try {
      entries = BundleReader.read(path);
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.error("E0511",
          "cannot read '" + path + "': " + OutputFile.reason(e)));
    }
    int files;
    try {
      files = BundleVerifier.verify(entries);
    } catch (BundleProblem problem) {
      throw new DiagnosticException(Diagnostic.error("E0510", path + ": " + problem.getMessage(),
          "help: the bundle was changed or damaged after it was made; do not apply it"));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("ok: " + files + " files verified");
    out.flush();
    return Main.OK;
  }
}
