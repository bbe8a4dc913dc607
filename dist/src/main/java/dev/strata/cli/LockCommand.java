package dev.strata.cli;

import dev.strata.compiler.LockFile;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.RevisionFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata lock}: writes {@code strata.sum} for the revision files as they are now, which
 * accepts every edit, insertion and removal since the last lock (format: {@code
 * docs/lock-file.md}). The files must parse and form a graph (else their diagnostics, exit 1, and
 * nothing is written). Prints one line per added, changed or removed file, then what it wrote; an
 * unchanged lock is not written again.
 */
@Command(
    name = "lock",
    description = {
      "Write versions/strata.sum, which locks the revision files.",
      "It holds a chained sha256 of every revision file; upgrade, downgrade,",
      "bundle and check then refuse a locked revision that was edited,",
      "renamed, removed or had a file inserted before it. Running lock",
      "again accepts the files as they are now and prints what changed."
    })
final class LockCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ReadOptions source;

  @Override
  public Integer call() throws DiagnosticException {
    List<RevisionFile> files = VersionsLoader.load(source.versions, source.cache(spec));
    RevisionGraph.build(files);
    List<SourceFile> sources = files.stream().map(RevisionFile::source).toList();
    LockFile fresh = LockFile.of(source.versions, sources);
    PrintWriter out = spec.commandLine().getOut();
    Optional<LockFile> old;
    try {
      old = LockFile.read(source.versions);
    } catch (DiagnosticException corrupted) {
      old = Optional.empty();
      out.println("replacing the unreadable " + fresh.source().path()
          + ": every file counts as added");
    }
    List<LockFile.Change> changes = old.isPresent()
        ? old.get().changes(sources)
        : fresh.names().stream()
            .map(name -> new LockFile.Change(LockFile.Change.Kind.ADDED, name)).toList();
    if (old.isPresent() && changes.isEmpty()) {
      out.println(fresh.source().path() + " is up to date (" + files(sources.size()) + ")");
      out.flush();
      return Main.OK;
    }
    write(fresh);
    for (LockFile.Change change : changes) {
      out.println(String.format("%-8s%s", change.kind().name().toLowerCase(Locale.ROOT),
          change.name()));
    }
    out.println("wrote " + fresh.source().path() + " (" + files(sources.size()) + ": "
        + count(changes, LockFile.Change.Kind.ADDED) + " added, "
        + count(changes, LockFile.Change.Kind.CHANGED) + " changed, "
        + count(changes, LockFile.Change.Kind.REMOVED) + " removed)");
    out.flush();
    return Main.OK;
  }

  private static void write(LockFile lock) throws DiagnosticException {
    Path target = Path.of(lock.source().path());
    try {
      OutputFile.write(target, lock.source().text());
    } catch (IOException e) {
      throw OutputFile.cannotWrite(target, e,
          "strata lock writes strata.sum into the versions directory, which must be writable");
    }
  }

  private static String files(int n) {
    return n + " revision file" + (n == 1 ? "" : "s");
  }

  private static long count(List<LockFile.Change> changes, LockFile.Change.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }
}
