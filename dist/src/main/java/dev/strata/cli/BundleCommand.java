package dev.strata.cli;

import dev.strata.dialects.ScriptOptions;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata bundle FROM:TO -o PATH}: the release artefact a DBA applies and an auditor
 * verifies (format: {@code docs/bundle-format.md}). An existing PATH is diagnostic E0502 unless
 * {@code --force}; an unwritable one E0501; a bad {@code SOURCE_DATE_EPOCH} E0503; a temporary
 * directory that cannot hold the bundle's files while it is made ({@link BundleFiles}) E0736.
 */
@Command(
    name = "bundle",
    description = {
      "Write the release bundle that upgrades a database from FROM to TO.",
      "It holds upgrade.sql, its inverse rollback.sql, one script per revision",
      "and direction, the revision files, MANIFEST.json, SHA256SUMS and",
      "APPLY.md, under one top folder.",
      "PATH ending in .tar.gz (or .tgz) or .zip makes an archive, another",
      "archive suffix (.tar, .tar.bz2, .7z, ...) is refused, any other name",
      "makes a folder.",
      "Archives are byte-for-byte reproducible; their entry time is",
      "SOURCE_DATE_EPOCH when set, else 2000-01-01T00:00:00Z."
    })
final class BundleCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Mixin CompileOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FROM:TO",
      description = "Revisions: base, head, heads, an id or a unique id prefix;"
          + " just TO with --from-db.")
  String range;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PATH",
      required = true,
      converter = OutputConverter.class,
      description = "Write the bundle to PATH (atomically): an archive when PATH ends in"
          + " .tar.gz, .tgz or .zip, else a folder.")
  Path output;

  @Option(names = "--force", description = "Replace PATH if it exists (a folder as a whole).")
  boolean force;

  @Mixin FromDatabase fromDb;

  @Override
  public Integer call() throws Exception {
    OutputFile.requireOutsideSources(output, options.source.versions, "release.tar.gz");
    if (!force && Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
      throw exists();
    }
    ScriptOptions scriptOptions = options.scriptOptions(ToolVersion.get());
    Instant mtime = mtime();
    BundleCompiler compiler =
        new BundleCompiler(options.dialect, scriptOptions, LintSettings.forCommand(spec));
    // the files wait in memory or an unlinked temporary file, released in every case
    try (Bundle bundle = compile(compiler)) {
      LintRun.warn(spec.commandLine().getErr(), compiler.lint());
      try {
        new BundleWriter(mtime).write(bundle, output, force);
      } catch (FileAlreadyExistsException e) {
        throw exists();
      } catch (BundleFiles.TemporaryFileException e) {
        throw temporaryFile(e);
      } catch (IOException e) {
        throw OutputFile.cannotWrite(output, e,
            "-o names a new file or folder in an existing, writable directory");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("wrote " + output + " (" + bundle.root() + "/, "
          + bundle.files().contents().size() + " files)");
      out.flush();
    }
    return Main.OK;
  }

  private Bundle compile(BundleCompiler compiler) throws DiagnosticException {
    try {
      return compiler.compile(options.source.versions, options.source.cache(spec),
          graph -> fromDb.range(range, graph, options));
    } catch (BundleFiles.TemporaryFileException e) {
      throw temporaryFile(e);
    } catch (IOException e) {
      throw new DiagnosticException(Diagnostic.error("E0207",
          "cannot read a revision file again for sources/: " + OutputFile.reason(e)));
    }
  }

  /** E0736: a temporary file that holds the bundle's files (or a script's segments) failed. */
  private static DiagnosticException temporaryFile(BundleFiles.TemporaryFileException e) {
    return OutputFile.temporaryFile("the bundle's files", e.failure());
  }


  private static Instant mtime() throws DiagnosticException {
    try {
      return BundleWriter.mtime(System.getenv("SOURCE_DATE_EPOCH"));
    } catch (IllegalArgumentException e) {
      throw new DiagnosticException(Diagnostic.error("E0503", e.getMessage(),
          "help: unset it, or set it to the time of the last commit: git log -1 --format=%ct"));
    }
  }

  /**
   * {@code -o PATH}: a name ending in an archive suffix (any case) that strata does not write
   * ({@code .tar}, {@code .tar.bz2}, {@code .7z}, {@code .ZIP}, ...) is a usage error, not a
   * folder of that name.
   */
  static final class OutputConverter implements ITypeConverter<Path> {
    private static final Pattern ARCHIVE = Pattern.compile(
        ".*\\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|lz|lzma|zst|z|zip|7z|rar|jar)",
        Pattern.CASE_INSENSITIVE);

    @Override
    public Path convert(String value) {
      Path path = new PathConverter().convert(value);
      // a Path drops the trailing '/' that asked for a folder: 'r.tar.gz/' would be an archive
      if (value.endsWith("/") && BundleWriter.Format.of(path) != BundleWriter.Format.DIRECTORY) {
        throw new TypeConversionException("'" + value + "' ends in '/', a folder, but names an"
            + " archive: leave out the '/' for an archive, or choose a folder name without"
            + " .tar.gz, .tgz or .zip");
      }
      if (ARCHIVE.matcher(String.valueOf(path.getFileName())).matches()
          && BundleWriter.Format.of(path) == BundleWriter.Format.DIRECTORY) {
        throw new TypeConversionException("'" + value + "' names an archive that strata does"
            + " not write: it writes .tar.gz (or .tgz) and .zip archives, and a folder for any"
            + " other name");
      }
      return path;
    }
  }

  private DiagnosticException exists() {
    return new DiagnosticException(Diagnostic.error(
        "E0502", "'" + output + "' already exists",
        "help: add --force to replace it, or choose another -o PATH"));
  }
}
