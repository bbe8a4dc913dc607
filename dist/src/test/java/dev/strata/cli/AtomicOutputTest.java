package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporaries of {@code -o} and {@code bundle} are named {@code .NAME.strata-tmp-<pid>-<hex>}; one
 * left by a process killed with {@code SIGKILL} is removed by the next write of the same path, while
 * those of running processes stay.
 */
class AtomicOutputTest {
  @TempDir Path dir;

  /** The original report: a {@code kill -9} left a 14.5 MB {@code .out.sql.<hex>.tmp} for good. */
  @Test
  void aTemporaryLeftByAKilledProcessIsRemovedByTheNextWriteOfThePath() throws Exception {
    Path out = dir.resolve("out.sql");
    long killed = killMidWrite(out);
    List<String> left = names(dir);
    assertEquals(1, left.size(), left.toString());
    assertTrue(left.getFirst().matches("\\.out\\.sql\\.strata-tmp-" + killed + "-[0-9a-f]{16}"),
        left.toString());
    Path running = dir.resolve(".out.sql.strata-tmp-" + ProcessHandle.current().pid()
        + "-0123456789abcdef");
    Files.writeString(running, "another write of out.sql, still running");
    Path other = dir.resolve(".other.sql.strata-tmp-" + killed + "-0123456789abcdef");
    Files.writeString(other, "another path's");

    Cli cli = Cli.run("upgrade", "0015:0016", "--versions", Cli.sampleVersions().toString(),
        "-o", out.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals(List.of(other.getFileName().toString(), running.getFileName().toString(),
        "out.sql"), names(dir));
  }

  @Test
  void aBundleRemovesTheStaleTemporariesOfItsPath() throws Exception {
    Path archive = dir.resolve("r.tar.gz");
    long killed = killMidWrite(dir.resolve("elsewhere.sql"));
    Path stale = dir.resolve(".r.tar.gz.strata-tmp-" + killed + "-00000000000000ff");
    Files.writeString(stale, "half an archive");
    Path aside = Files.createDirectories(dir.resolve(".r.tar.gz.strata-old-" + killed
        + "-0000000000000aaa/inside"));
    Cli cli = Cli.run("bundle", "0015:0016", "--versions", Cli.sampleVersions().toString(),
        "-o", archive.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(Files.notExists(stale) && Files.notExists(aside.getParent()), names(dir).toString());
    assertTrue(Files.isRegularFile(archive));
  }

  /** Starts a JVM writing {@code target}, kills it with SIGKILL mid-write; its pid. */
  private static long killMidWrite(Path target) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        KilledWriter.class.getName(), target.toString()).redirectErrorStream(true).start();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("writing", lines.readLine());
      writer.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer was not killed");
    }
    return writer.pid();
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
