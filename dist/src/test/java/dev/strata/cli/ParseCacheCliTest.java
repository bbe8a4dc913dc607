package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parse cache through the CLI ({@code --cache-dir}, {@code --no-cache}, {@code
 * STRATA_CACHE_DIR}, {@code cache-dir} in strata.toml, the default folder): whatever the cache
 * holds, a command prints exactly what it prints without one.
 */
class ParseCacheCliTest {
  @TempDir Path temp;

  /** The commands compared: each prints to stdout and stderr from the parsed revisions. */
  static Stream<List<String>> commands() {
    String versions = Cli.sampleVersions().toString();
    return Stream.of(
        List.of("upgrade", "base:head", "--versions", versions),
        List.of("upgrade", "base:head", "--versions", versions, "--dialect", "mysql"),
        List.of("downgrade", "head:base", "--versions", versions),
        List.of("check", "--versions", versions, "--strict"),
        List.of("check", "--versions", versions, "--format", "json"),
        List.of("lint", "--versions", versions, "--format", "json"),
        List.of("lint", "--versions", versions),
        List.of("schema", "head", "--versions", versions, "--format", "json"),
        List.of("show", "heads", "--sql", "--versions", versions));
  }

  private static Cli run(List<String> command, String... more) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(more));
    return Cli.run(new Environment(Map.of(), Cli.repoRoot()), args.toArray(String[]::new));
  }

  /**
   * Drops the results cache's entries, so that the next {@code upgrade} or {@code downgrade}
   * reads the parse cache instead of printing its earlier result.
   */
  private static void forgetResults(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().startsWith("result-")) {
          Files.delete(file);
        }
      }
    }
  }

  private static void assertSame(Cli expected, Cli actual, String what) {
    assertEquals(expected.exitCode(), actual.exitCode(), what + ": exit code");
    assertEquals(expected.out(), actual.out(), what + ": stdout");
    assertEquals(expected.err(), actual.err(), what + ": stderr");
  }

  /**
   * The one parse pack in {@code cache}; {@code upgrade} and {@code downgrade} also leave their
   * results there ({@link ResultCache}), which are not the parse cache's.
   */
  private static Path onlyPack(Path cache) throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      List<Path> all = files.filter(f -> !f.getFileName().toString().startsWith("result-"))
          .toList();
      assertEquals(1, all.size(), all.toString());
      assertTrue(all.getFirst().getFileName().toString().matches("parse-[0-9a-f]{32}\\.bin"),
          all.toString());
      return all.getFirst();
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void outputIsTheSameWithoutCacheColdAndWarm(List<String> command) throws IOException {
    Path cache = temp.resolve("cache");
    Cli none = run(command, "--no-cache");
    assertFalse(Files.exists(cache));
    Cli cold = run(command, "--cache-dir", cache.toString());
    assertSame(none, cold, "cold");
    Path pack = onlyPack(cache);
    byte[] written = Files.readAllBytes(pack);
    // an old time, so that a rewrite would show even within the clock's resolution
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(pack, old);
    forgetResults(cache);
    Cli warm = run(command, "--cache-dir", cache.toString());
    assertSame(none, warm, "warm");
    // every file was served: the pack is left as it was
    assertEquals(old, Files.getLastModifiedTime(pack));
    assertArrayEquals(written, Files.readAllBytes(pack));
  }

  @Test
  void aDamagedPackIsIgnoredAndRewritten() throws IOException {
    List<String> command = commands().findFirst().orElseThrow();
    Path cache = temp.resolve("cache");
    Cli none = run(command, "--no-cache");
    run(command, "--cache-dir", cache.toString());
    Path pack = onlyPack(cache);
    byte[] good = Files.readAllBytes(pack);

    // a flipped byte in every 97th (an entry's content, tree or checksum; the header)
    byte[] flipped = good.clone();
    for (int i = 7; i < flipped.length; i += 97) {
      flipped[i] ^= 0x5a;
    }
    Files.write(pack, flipped);
    forgetResults(cache);
    assertSame(none, run(command, "--cache-dir", cache.toString()), "flipped");
    assertArrayEquals(good, Files.readAllBytes(pack), "rewritten whole");

    // cut in the middle of an entry
    Files.write(pack, java.util.Arrays.copyOf(good, good.length / 2 + 3));
    forgetResults(cache);
    assertSame(none, run(command, "--cache-dir", cache.toString()), "truncated");
    assertArrayEquals(good, Files.readAllBytes(pack), "rewritten whole");

    // not a pack at all
    Files.writeString(pack, "not a strata cache\n");
    forgetResults(cache);
    assertSame(none, run(command, "--cache-dir", cache.toString()), "foreign");
    assertArrayEquals(good, Files.readAllBytes(pack), "rewritten whole");
  }

  @Test
  void aCacheDirThatIsAFileLeavesTheRunUncached() throws IOException {
    List<String> command = commands().findFirst().orElseThrow();
    Path file = Files.writeString(temp.resolve("file"), "x");
    Cli none = run(command, "--no-cache");
    assertSame(none, run(command, "--cache-dir", file.toString()), "unwritable");
    assertEquals("x", Files.readString(file));
  }

  @Test
  void noCacheWritesNothingEvenWithADefaultFolder() throws IOException {
    Path home = Files.createDirectory(temp.resolve("home"));
    Path xdg = temp.resolve("xdg");
    Environment environment = new Environment(
        Map.of("HOME", home.toString(), "XDG_CACHE_HOME", xdg.toString(),
            "STRATA_CACHE_DIR", temp.resolve("env").toString()),
        Cli.repoRoot());
    Cli cli = Cli.run(environment, "upgrade", "base:head", "--versions",
        Cli.sampleVersions().toString(), "--no-cache");
    assertEquals(0, cli.exitCode(), cli.err());
    try (Stream<Path> left = Files.list(temp)) {
      assertEquals(List.of(home), left.toList());
    }
    try (Stream<Path> left = Files.list(home)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void theDefaultFolderIsXdgCacheHomeElseHomeDotCache() throws IOException {
    Path home = Files.createDirectory(temp.resolve("home"));
    String versions = Cli.sampleVersions().toString();
    Cli.run(new Environment(Map.of("HOME", home.toString()), Cli.repoRoot()),
        "check", "--versions", versions);
    onlyPack(home.resolve(".cache").resolve("strata"));

    Path xdg = temp.resolve("xdg");
    Cli.run(new Environment(Map.of("HOME", home.toString(), "XDG_CACHE_HOME", xdg.toString()),
        Cli.repoRoot()), "check", "--versions", versions);
    onlyPack(xdg.resolve("strata"));
  }

  @Test
  void strataCacheDirAndTheConfigurationFileNameTheFolder() throws IOException {
    String versions = Cli.sampleVersions().toString();
    Path fromEnvironment = temp.resolve("from-env");
    Cli.run(new Environment(Map.of("STRATA_CACHE_DIR", fromEnvironment.toString()),
        Cli.repoRoot()), "lint", "--versions", versions);
    onlyPack(fromEnvironment);

    Path project = Files.createDirectory(temp.resolve("project"));
    Files.writeString(project.resolve("strata.toml"), "cache-dir = \"build/strata-cache\"\n");
    Cli cli = Cli.run(new Environment(Map.of(), project), "lint", "--versions", versions);
    assertNotEquals(2, cli.exitCode(), cli.err());
    // a relative path in the file is read against the file's folder
    onlyPack(project.resolve("build").resolve("strata-cache"));
  }

  @Test
  void anEmptyEnvironmentIsUncached() throws IOException {
    Path project = Files.createDirectory(temp.resolve("project"));
    Cli cli = Cli.run(new Environment(Map.of(), project), "check", "--versions",
        Cli.sampleVersions().toString());
    assertEquals(0, cli.exitCode(), cli.err());
    try (Stream<Path> left = Files.list(project)) {
      assertEquals(0, left.count());
    }
  }
}
