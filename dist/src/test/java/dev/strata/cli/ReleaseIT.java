package dev.strata.cli;

import dev.strata.testkit.PostgresServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive {@code dist/target/strata-VERSION-OS-ARCH.tar.gz} (and {@code .zip}) as a
 * user installs it: unpacked into a folder with spaces, called through a chain of links from
 * another folder, on a machine with no Java (a PATH of only the launcher's tools, no JAVA_HOME, no
 * JVM folders). Runs after {@code package} (failsafe).
 */
class ReleaseIT {
  /** The tools the launcher needs besides its Java runtime, and sh to change folder. */
  private static final List<String> TOOLS =
      List.of("sh", "dirname", "readlink", "sed", "head", "cksum", "mkdir");

  @TempDir Path tmp;

  /** Removes the links first, so JUnit's clean-up does not follow them out of tmp. */
  @AfterEach
  void removeLinks() throws Exception {
    try (Stream<Path> paths = Files.walk(tmp)) {
      for (Path path : paths.filter(Files::isSymbolicLink).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void unpackedArchiveRunsTheSampleChainWithoutAnyJavaOnTheMachine() throws Exception {
    Path installed = Files.createDirectories(tmp.resolve("Program Files/my tools"));
    PostgresServer.ProcessResult untar = PostgresServer.run(
        List.of("tar", "xzf", archive("tar.gz").toString(), "-C", installed.toString()), Map.of());
    assertEquals(0, untar.exitCode(), untar.stderr());
    Path launcher = installed.resolve("strata-" + ToolVersion.get() + "/bin/strata");
    assertTrue(Files.isExecutable(launcher), launcher + " is executable");

    // ~/bin/strata -> ../opt link/strata (relative) -> the launcher (absolute)
    Path tools = toolsOnly();
    Path optLink = Files.createSymbolicLink(
        Files.createDirectories(tmp.resolve("opt link")).resolve("strata"), launcher);
    Files.createSymbolicLink(tools.resolve("strata"), Path.of("../opt link/strata"));
    assertTrue(Files.isSymbolicLink(optLink));
    Path home = Files.createDirectories(tmp.resolve("a home"));
    Path elsewhere = Files.createDirectories(tmp.resolve("some project"));

    String expected = Cli.run("upgrade", "base:head",
        "--versions", Cli.sampleVersions().toString()).out();
    // twice: the first run writes the per-user class-data archive, the second uses it
    for (int run = 1; run <= 2; run++) {
      PostgresServer.ProcessResult result = PostgresServer.run(List.of("/usr/bin/env", "-i",
          "PATH=" + tools, "HOME=" + home, "/bin/sh", "-c", "cd \"$0\" && exec strata \"$@\"",
          elsewhere.toString(), "upgrade", "base:head",
          "--versions", Cli.sampleVersions().toString()), Map.of());
      assertEquals(0, result.exitCode(), "run " + run + ": " + result.stderr());
      assertEquals("", result.stderr(), "run " + run + ": no warnings");
      assertEquals(expected, result.stdout(), "run " + run);
    }
    try (DirectoryStream<Path> caches =
        Files.newDirectoryStream(home.resolve(".cache/strata"), "strata-*.jsa")) {
      assertTrue(caches.iterator().hasNext(), "the first run left its class-data archive");
    }
  }

  @Test
  void zipHoldsTheSameFilesAsTheTarGz() throws Exception {
    TreeSet<String> tar = new TreeSet<>();
    try (InputStream in = Files.newInputStream(archive("tar.gz"));
        TarArchiveInputStream entries = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
        if (entry.isDirectory()) {
          continue; // the tar has no entry for some folders, the zip one for each
        }
        tar.add(entry.getName() + (entry.isSymbolicLink() ? " -> " + entry.getLinkName() : ""));
      }
    }
    TreeSet<String> zip = new TreeSet<>();
    try (ZipFile file = ZipFile.builder().setPath(archive("zip")).get()) {
      for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
        if (entry.isDirectory()) {
          continue;
        }
        zip.add(entry.getName()
            + (entry.isUnixSymlink() ? " -> " + file.getUnixSymlink(entry) : ""));
      }
    }
    assertEquals(tar, zip);
    String top = "strata-" + ToolVersion.get() + "/";
    for (String expected : List.of("bin/strata", "lib/strata.jar", "runtime/bin/java",
        "runtime/release", "runtime/lib/server/classes.jsa")) {
      assertTrue(tar.contains(top + expected), top + expected + " in " + tar);
    }
    assertFalse(tar.stream().anyMatch(name -> name.endsWith(".aot")),
        "no AOT cache in the archive: its bytes are not reproducible");
  }

  /** The archive's one file for this version, whatever the OS and architecture. */
  private static Path archive(String extension) throws Exception {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(
        Cli.repoRoot().resolve("dist/target"),
        "strata-" + ToolVersion.get() + "-*." + extension)) {
      files.forEach(found::add);
    }
    assertEquals(1, found.size(), "one ." + extension + " release archive: " + found);
    return found.getFirst();
  }

  /** A folder of links to the launcher's tools, and nothing else: no java. */
  private Path toolsOnly() throws Exception {
    return ToolsOnly.in(tmp.resolve("tools"), TOOLS);
  }
}
