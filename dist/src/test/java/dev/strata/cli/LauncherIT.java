package dev.strata.cli;

import dev.strata.testkit.PostgresServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled distribution, as a user runs it: {@code dist/target/strata/bin/strata} in a new
 * process. Runs after {@code package} (failsafe), so the launcher and {@code lib/} exist.
 */
class LauncherIT {
  private static final Path LAUNCHER =
      Cli.repoRoot().resolve("dist/target/strata/bin/strata");
  /** The tools the launcher needs besides a JVM. */
  private static final List<String> TOOLS = List.of("dirname", "readlink", "sed", "head", "cksum", "mkdir");

  @TempDir Path tmp;

  /** Removes the links first, so JUnit's clean-up does not warn about their outside targets. */
  @AfterEach
  void removeLinks() throws Exception {
    try (Stream<Path> paths = Files.walk(tmp)) {
      for (Path path : paths.filter(Files::isSymbolicLink).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void launcherIsExecutableAndPrintsTheVersion() {
    assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is executable");
    PostgresServer.ProcessResult result =
        PostgresServer.run(List.of(LAUNCHER.toString(), "--version"), Map.of());
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("strata " + ToolVersion.get() + "\n", result.stdout());
  }

  @Test
  void launcherRendersTheSampleChainLikeTheInProcessCli() {
    PostgresServer.ProcessResult result = PostgresServer.run(
        List.of(LAUNCHER.toString(), "upgrade", "base:head",
            "--versions", Cli.sampleVersions().toString()),
        Map.of());
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr(), "no jOOQ logo or tips, no warnings");
    Cli inProcess = Cli.run("upgrade", "base:head", "--versions", Cli.sampleVersions().toString());
    assertEquals(inProcess.out(), result.stdout());
  }

  /**
   * A Turkish or Azeri locale upper-cases {@code if} to {@code İF}: the scripts of every dialect
   * are the same bytes as in the root locale (the process sets it, the renderer asks jOOQ for it).
   */
  @Test
  void theScriptsDoNotDependOnTheLocale() {
    for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
      PostgresServer.ProcessResult result = PostgresServer.run(
          List.of(LAUNCHER.toString(), "upgrade", "base:head", "--no-cache", "--dialect", dialect,
              "--versions", Cli.sampleVersions().toString()),
          Map.of("JAVA_TOOL_OPTIONS", "-Duser.language=tr -Duser.country=TR", "LANG", "tr_TR.UTF-8"));
      assertEquals(0, result.exitCode(), result.stderr());
      Cli inProcess = Cli.run("upgrade", "base:head", "--no-cache", "--dialect", dialect,
          "--versions", Cli.sampleVersions().toString());
      assertEquals(inProcess.out(), result.stdout(), dialect);
    }
  }

  /** Issue 7: called through a symlink, the launcher looked for lib/ beside the link. */
  @Test
  void launcherWorksThroughSymlinks() throws Exception {
    Path absolute = Files.createSymbolicLink(
        Files.createDirectories(tmp.resolve("usr/local/bin")).resolve("strata"), LAUNCHER);
    // a relative link to the link, from another folder: each link resolves against its own folder
    Path relative = Files.createSymbolicLink(
        Files.createDirectories(tmp.resolve("home/bin")).resolve("strata"),
        Path.of("../../usr/local/bin/strata"));
    for (Path link : List.of(absolute, relative)) {
      PostgresServer.ProcessResult result = PostgresServer.run(
          List.of(link.toString(), "upgrade", "base:0002",
              "--versions", Cli.sampleVersions().toString()),
          Map.of());
      assertEquals(0, result.exitCode(), link + ": " + result.stderr());
      assertTrue(result.stdout().startsWith("\\set ON_ERROR_STOP on\n"), result.stdout());
    }
  }

  /** Issue 7: a JAVA_HOME with a space was split into words and rejected, exit 3. */
  @Test
  void launcherUsesAJavaHomeWithASpace() throws Exception {
    Path javaHome = Files.createSymbolicLink(
        Files.createDirectories(tmp.resolve("Program Files")).resolve("Temurin JDK"),
        Path.of(System.getProperty("java.home")));
    PostgresServer.ProcessResult result = launchWithout(
        List.of("JAVA_HOME=" + javaHome), "--version");
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("strata " + ToolVersion.get() + "\n", result.stdout());
  }

  /** A JDK folder with a space, found through STRATA_JVM_DIRS (colon-separated). */
  @Test
  void launcherFindsAJdkUnderAJvmFolderWithASpace() throws Exception {
    Path jvms = Files.createDirectories(tmp.resolve("my jvms"));
    Files.createSymbolicLink(jvms.resolve("jdk 21"), Path.of(System.getProperty("java.home")));
    PostgresServer.ProcessResult result = PostgresServer.run(
        List.of("/usr/bin/env", "-i", "PATH=" + toolsOnly(), "STRATA_JVM_DIRS=/nonexistent:" + jvms,
            LAUNCHER.toString(), "--version"),
        Map.of());
    assertEquals(0, result.exitCode(), result.stderr());
  }

  /** No Java at all: a clear message naming what was looked at and what to do, exit 2. */
  @Test
  void launcherSaysWhatToInstallWhenThereIsNoJava() throws Exception {
    PostgresServer.ProcessResult result = launchWithout(List.of(), "--version");
    assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
    assertEquals("", result.stdout());
    assertEquals("strata: error: no Java 21 or later found\n"
            + "  looked at: " + LAUNCHER.getParent().getParent().toRealPath() + "/runtime (none),"
            + " $JAVA_HOME (not set), java on $PATH, */bin/java under /nonexistent\n"
            + "  = help: use the release archive strata-<version>-<os>-<arch>.tar.gz, which"
            + " brings its\n"
            + "    own Java, or install a Java runtime 21 or later (e.g. apt-get install\n"
            + "    openjdk-21-jre-headless, or Temurin from https://adoptium.net) and set"
            + " JAVA_HOME\n",
        result.stderr());
  }

  /**
   * Only old Javas: a JAVA_HOME whose release file says 17 is named; neither it nor the java on
   * PATH (outside a JDK folder) is started to ask its version (their bin/java exit 99).
   */
  @Test
  void launcherNamesTheJavaItFoundTooOld() throws Exception {
    Path bin = toolsOnly();
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho started >&2\nexit 99\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path old = Files.createDirectories(tmp.resolve("old jdk/bin"));
    Files.copy(java, old.resolve("java"));
    Files.writeString(old.getParent().resolve("release"),
        "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.2\"\n");
    PostgresServer.ProcessResult result =
        launchWithout(List.of("JAVA_HOME=" + old.getParent()), "--version");
    assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
    assertTrue(result.stderr().startsWith("strata: error: no Java 21 or later found\n"
        + "  looked at: " + LAUNCHER.getParent().getParent().toRealPath() + "/runtime (none),"
        + " $JAVA_HOME (" + old.getParent() + "), java on $PATH,"
        + " */bin/java under /nonexistent\n"
        + "  too old: " + old.getParent() + " (Java 17.0.2)\n"), result.stderr());
  }

  /**
   * The AOT cache in lib/ is used only with the JDK it was trained for, and a damaged one is
   * ignored without a word: the output is the same, stderr stays empty.
   */
  @Test
  void aDamagedStartUpCacheIsIgnoredSilently() throws Exception {
    Path copy = tmp.resolve("strata copy");
    PostgresServer.ProcessResult cp = PostgresServer.run(
        List.of("cp", "-R", LAUNCHER.getParent().getParent().toString(), copy.toString()),
        Map.of());
    assertEquals(0, cp.exitCode(), cp.stderr());
    Path aot = copy.resolve("lib/strata.aot");
    assertTrue(Files.exists(aot), "mvn package trained " + aot);
    byte[] bytes = Files.readAllBytes(aot);
    for (int i = 0; i < bytes.length; i += 4096) {
      bytes[i] ^= 0x5a;
    }
    Files.write(aot, bytes);
    String expected = Cli.run("upgrade", "base:head",
        "--versions", Cli.sampleVersions().toString()).out();
    PostgresServer.ProcessResult result = PostgresServer.run(
        List.of(copy.resolve("bin/strata").toString(), "upgrade", "base:head",
            "--versions", Cli.sampleVersions().toString()),
        Map.of("HOME", tmp.resolve("home").toString()));
    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("", result.stderr());
    assertEquals(expected, result.stdout());
  }

  /**
   * Runs the launcher with a clean environment: {@code settings}, a PATH of only the tools it
   * needs (see {@link #toolsOnly}), and no JVM folders.
   */
  private PostgresServer.ProcessResult launchWithout(List<String> settings, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/bin/env", "-i", "PATH=" + toolsOnly(),
        "STRATA_JVM_DIRS=/nonexistent"));
    command.addAll(settings);
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    return PostgresServer.run(command, Map.of());
  }

  /** A folder of links to the launcher's tools, and nothing else: no java. */
  private Path toolsOnly() throws Exception {
    return ToolsOnly.in(tmp.resolve("tools"), TOOLS);
  }
}
