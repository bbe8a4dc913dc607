package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata bundle} keeps its memory flat in the number of revisions: its files are written
 * into {@link BundleFiles} as they are made (memory, then an unlinked temporary file) and streamed
 * into the archive, never held whole. Run in a new JVM with a {@value #HEAP} heap and the
 * launcher's JIT and GC flags, on a chain of {@value #REVISIONS} revisions that each insert a row
 * with a {@value #PAYLOAD}-character literal: about 20 MB of SQL over a one-table schema (so that
 * {@code CHANGES.md}, whose diff per step grows with the schema, stays fast). What the JVM then
 * needs is what {@code strata upgrade} needs for the same chain (its parsed revisions); when the
 * bundle kept every file in a byte array (the upgrade, one script per revision and direction, the
 * sources, the archive itself) it ran out of memory with 256 MiB.
 */
@Tag("sweep") // a long sweep: run by mvn verify -Psweeps, not the default suite
class BundleMemoryIT {
  private static final String HEAP = "200m";
  private static final int REVISIONS = 5000;
  private static final int PAYLOAD = 4000;

  @TempDir Path tmp;

  @Test
  void aLongChainIsBundledInASmallHeapAndVerifies() throws Exception {
    Path versions = chain(tmp.resolve("versions"), REVISIONS);
    Path temporary = Files.createDirectories(tmp.resolve("tmp"));
    Path out = tmp.resolve("out/long.tar.gz");
    Files.createDirectories(out.getParent());
    Result result = bundle(versions, temporary, out);
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("wrote " + out + " (strata-base-r005000_i-postgresql/, "
        + (3 * REVISIONS + 8) + " files)\n", result.stdout());
    assertEquals(List.of(), list(temporary), "the temporary file is gone");
    assertEquals(List.of(out), list(out.getParent()), "the bundle and nothing else");
    Cli verify = Cli.run("verify", out.toString());
    assertEquals(0, verify.exitCode(), verify.err());
    assertEquals("ok: " + (3 * REVISIONS + 8) + " files verified\n", verify.out());
  }

  @Test
  void aBundleThatFailsAfterItsUpgradeWasWrittenLeavesNothing() throws Exception {
    // the upgrade (over 8 MiB: in the temporary file by then) renders, then the rollback of the
    // last revision does not: its downgrade is for MySQL only (E0406)
    Path versions = chain(tmp.resolve("versions"), REVISIONS / 2);
    String last = String.format("r%06d_i", REVISIONS / 2);
    Files.writeString(versions.resolve("r999999_z.sql"), """
        -- revision: r999999_z
        -- revises: %s
        -- message: mysql-only downgrade

        -- +upgrade
        DELETE FROM t WHERE id = 1;

        -- +downgrade
        -- +dialect mysql
        SELECT 1;
        -- +end
        """.formatted(last));
    Path temporary = Files.createDirectories(tmp.resolve("tmp"));
    Path out = tmp.resolve("out/failed.tar.gz");
    Files.createDirectories(out.getParent());
    Result result = bundle(versions, temporary, out);
    assertEquals(1, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("error[E0406]"), result.stderr());
    assertEquals("", result.stdout());
    assertEquals(List.of(), list(temporary), "the temporary file is gone");
    assertEquals(List.of(), list(out.getParent()), "no bundle, no partial file");
    assertFalse(Files.exists(out));
  }

  @Test
  void aTemporaryDirectoryThatCannotHoldTheFilesIsE0736() throws Exception {
    // 5 MB of upgrade: more than the renderer keeps in memory (4M characters)
    Path versions = chain(tmp.resolve("versions"), REVISIONS / 4);
    Path missing = tmp.resolve("no-such-dir");
    Path out = tmp.resolve("out/b.zip");
    Files.createDirectories(out.getParent());
    Result result = bundle(versions, missing, out);
    assertEquals(1, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("strata: error[E0736]: cannot keep the bundle's files in a"
        + " temporary file in '" + missing + "': no such directory\n  = help: make room in "
        + missing + ", or name another directory with JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR\n"),
        result.stderr());
    assertEquals("", result.stdout());
    assertEquals(List.of(), list(out.getParent()), "no bundle, no partial file");
  }

  @Test
  void anUpgradeWhoseSegmentsCannotBeKeptIsE0736() throws Exception {
    Path versions = chain(tmp.resolve("versions"), REVISIONS / 4);
    Path missing = tmp.resolve("no-such-dir");
    Path out = tmp.resolve("out/upgrade.sql");
    Files.createDirectories(out.getParent());
    Result result = strata(missing, "upgrade", "base:head", "--no-cache", "--versions",
        versions.toString(), "-o", out.toString());
    assertEquals(1, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("strata: error[E0736]: cannot keep the script's segments"
        + " in a temporary file in '" + missing + "': no such directory\n  = help: make room in "
        + missing + ", or name another directory with JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR\n"),
        result.stderr());
    assertFalse(result.stderr().contains("Exception"), result.stderr());
    assertEquals("", result.stdout());
    assertEquals(List.of(), list(out.getParent()), "no script, no partial file");
  }

  /**
   * {@code n} revisions in {@code dir}: {@code r000001_t} creates table {@code t}, each next one
   * inserts row {@code i} with {@value #PAYLOAD} random hex digits on the line after the
   * statement's first (so that the manifest's one-line summary of it stays short), and deletes it
   * going down.
   */
  static Path chain(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("r000001_t.sql"), """
        -- revision: r000001_t
        -- revises: base
        -- message: table

        -- +upgrade
        CREATE TABLE t (id BIGINT PRIMARY KEY, payload TEXT NOT NULL);

        -- +downgrade
        DROP TABLE t;
        """);
    Random random = new Random(42);
    StringBuilder payload = new StringBuilder(PAYLOAD);
    for (int i = 2; i <= n; i++) {
      payload.setLength(0);
      for (int k = 0; k < PAYLOAD; k++) {
        payload.append(Character.forDigit(random.nextInt(16), 16));
      }
      String id = String.format("r%06d_i", i);
      String parent = i == 2 ? "r000001_t" : String.format("r%06d_i", i - 1);
      Files.writeString(dir.resolve(id + ".sql"), """
          -- revision: %s
          -- revises: %s
          -- message: row %d

          -- +upgrade
          INSERT INTO t (id, payload) VALUES (%d, 'row
          %s');

          -- +downgrade
          DELETE FROM t WHERE id = %d;
          """.formatted(id, parent, i, i, payload, i), StandardCharsets.UTF_8);
    }
    return dir;
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  /** {@code strata bundle base:head} in a new JVM with a {@value #HEAP} heap. */
  private Result bundle(Path versions, Path temporary, Path out) throws Exception {
    return strata(temporary, "bundle", "base:head", "--no-cache", "--versions",
        versions.toString(), "-o", out.toString());
  }

  /** {@code strata ARGS} in a JVM of {@value #HEAP} whose temporary directory is {@code temporary}. */
  private Result strata(Path temporary, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Djava.io.tmpdir=" + temporary,
        "-cp", System.getProperty("java.class.path"),
        "dev.strata.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_"));
    Path stdout = tmp.resolve("stdout");
    Path stderr = tmp.resolve("stderr");
    Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("strata " + args[0] + " did not finish in 300 s");
    }
    return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }
}
