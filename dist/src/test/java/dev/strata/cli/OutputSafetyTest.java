package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E0505 and E0506, from an exploratory QA pass: {@code bundle -o '' --force} (or {@code -o .})
 * deleted the working directory's contents, {@code -o versions --force} the revisions, and a
 * failed write to standard output exited 0. Every case here is one that, were the check gone,
 * would fail without harm (no {@code --force} where the working directory is named).
 */
class OutputSafetyTest {
  private static final String HELP_BUNDLE =
      "  = help: name a new path outside the versions directory, e.g. -o release.tar.gz\n";

  @TempDir Path tmp;
  private Path versions;

  @BeforeEach
  void copyTheSampleChain() throws IOException {
    versions = Files.createDirectories(tmp.resolve("project/versions"));
    try (var files = Files.list(Cli.sampleVersions())) {
      for (Path file : files.toList()) {
        Files.copy(file, versions.resolve(file.getFileName()));
      }
    }
  }

  @Test
  void theVersionsDirectoryAndWhatHoldsItAreNeverReplaced() throws IOException {
    Path project = versions.getParent();
    assertEquals(new Cli(1, "", "strata: error[E0505]: -o '" + versions + "' is the versions"
            + " directory: strata never writes there, even with --force\n" + HELP_BUNDLE),
        bundle(versions.toString(), "--force"));
    assertEquals(new Cli(1, "", "strata: error[E0505]: -o '" + project + "' holds the versions"
            + " directory '" + versions + "': strata never writes there, even with --force\n"
            + HELP_BUNDLE),
        bundle(project.toString(), "--force"));
    assertEquals(29, countFiles(versions), "the revisions and strata.sum are all there");
  }

  @Test
  void aScriptIsNeverWrittenIntoTheVersionsDirectory() throws IOException {
    Path revision = versions.resolve("0001_create_customers.sql");
    String before = Files.readString(revision);
    Cli cli = Cli.run("upgrade", "0001", "--versions", versions.toString(), "-o",
        revision.toString());
    assertEquals(new Cli(1, "", "strata: error[E0505]: -o '" + revision + "' is inside the"
        + " versions directory '" + versions + "', whose .sql files strata reads as revisions:"
        + " strata never writes there, even with --force\n"
        + "  = help: name a new path outside the versions directory, e.g. -o upgrade.sql\n"), cli);
    assertEquals(before, Files.readString(revision));
  }

  @Test
  void theWorkingDirectoryIsNeverReplaced() throws IOException {
    assertEquals(new Cli(1, "", "strata: error[E0505]: -o '.' is the working directory: strata"
        + " never writes there, even with --force\n" + HELP_BUNDLE), bundle("."));
    assertEquals(new Cli(1, "", "strata: error[E0505]: -o '..' holds the working directory:"
        + " strata never writes there, even with --force\n" + HELP_BUNDLE), bundle(".."));
    // the last line, below every command: without force, so that a regression cannot delete
    FileSystemException refused = assertThrows(FileSystemException.class,
        () -> AtomicOutput.write(Path.of("."), false, temp -> Files.createDirectory(temp)));
    assertEquals("it is the working directory or a folder that holds it", refused.getReason());
  }

  @Test
  void anEmptyPathIsAUsageError() {
    Cli cli = bundle("", "--force");
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().startsWith("strata: error: Invalid value for option '--output': an empty"
        + " path names nothing (write . for the current directory)\n"), cli.err());
    Cli versionsEmpty = Cli.run("heads", "--versions", "");
    assertEquals(2, versionsEmpty.exitCode());
    assertTrue(versionsEmpty.err().startsWith("strata: error: Invalid value for option"
        + " '--versions': an empty path names nothing"), versionsEmpty.err());
  }

  /** A full disk or a closed pipe behind standard output: E0506, exit 1, not 0. */
  @Test
  void standardOutputThatCannotBeWrittenIsAnError() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream out = new PrintStream(full, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(new String[] {"upgrade", "head", "--no-cache", "--versions",
          versions.toString()}, out, e, new Environment(Map.of(), Path.of("")));
    }
    assertEquals(1, code);
    assertEquals("strata: error[E0506]: cannot write standard output: the disk is full or its"
        + " reader stopped reading, so what was written is incomplete\n"
        + "  = help: write to a file with -o FILE, which is replaced only once complete\n",
        err.toString(StandardCharsets.UTF_8));
  }

  private Cli bundle(String output, String... more) {
    List<String> args = new ArrayList<>(List.of("bundle", "base:head", "--versions",
        versions.toString(), "-o", output));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static long countFiles(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }
}
