package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The results cache ({@link ResultCache}) through the CLI: a repeated {@code upgrade}, {@code
 * downgrade} or {@code check} prints exactly what a run without any cache prints, served from the cache's entry;
 * any change of an input (a revision's bytes, a new file, an option, the configuration file) is a
 * miss; a damaged entry is a miss and is rewritten; a failed run stores nothing.
 */
class ResultCacheTest {
  @TempDir Path temp;
  private Path versions;
  private Path cache;

  /** A chain whose upgrade warns (an index made without CONCURRENTLY on an existing table). */
  @BeforeEach
  void chain() throws IOException {
    versions = Files.createDirectories(temp.resolve("project").resolve("versions"));
    cache = temp.resolve("cache");
    Files.writeString(versions.resolve("0001_accounts.sql"), """
        -- revision: 0001_accounts
        -- revises: base
        -- +upgrade
        CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(100) NOT NULL);
        -- +downgrade
        DROP TABLE accounts;
        """);
    Files.writeString(versions.resolve("0002_owner_index.sql"), """
        -- revision: 0002_owner_index
        -- revises: 0001_accounts
        -- +upgrade
        CREATE INDEX ix_accounts_owner ON accounts (owner);
        -- +downgrade
        DROP INDEX ix_accounts_owner;
        """);
  }

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("upgrade", "base:head"),
        List.of("upgrade", "base:head", "--dialect", "mysql"),
        List.of("upgrade", "base:head", "--dialect", "sqlite", "--transaction", "revision"),
        List.of("downgrade", "head:base"),
        List.of("check"),
        List.of("check", "--format", "json", "--dialect", "mariadb"));
  }

  private Cli run(List<String> command, String... more) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--versions", versions.toString()));
    args.addAll(List.of(more));
    return Cli.run(new Environment(Map.of(), versions.getParent()), args.toArray(String[]::new));
  }

  private Cli cached(List<String> command, String... more) {
    List<String> args = new ArrayList<>(List.of(more));
    args.addAll(List.of("--cache-dir", cache.toString()));
    return run(command, args.toArray(String[]::new));
  }

  private static void assertSame(Cli expected, Cli actual, String what) {
    assertEquals(expected.exitCode(), actual.exitCode(), what + ": exit code; " + actual.err());
    assertEquals(expected.out(), actual.out(), what + ": stdout");
    assertEquals(expected.err(), actual.err(), what + ": stderr");
  }

  private List<Path> entries() throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.getFileName().toString().startsWith("result-")).sorted().toList();
    }
  }

  private Path onlyEntry() throws IOException {
    List<Path> entries = entries();
    assertEquals(1, entries.size(), entries.toString());
    assertTrue(entries.getFirst().getFileName().toString().matches("result-[0-9a-f]{32}\\.bin"));
    return entries.getFirst();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aRepeatedRunPrintsWhatARunWithoutCachePrints(List<String> command) throws IOException {
    Cli none = run(command, "--no-cache");
    assertEquals(0, none.exitCode(), none.err());
    Cli cold = cached(command);
    assertSame(none, cold, "cold");
    Path entry = onlyEntry();
    byte[] stored = Files.readAllBytes(entry);
    Cli warm = cached(command);
    assertSame(none, warm, "warm");
    // a hit reads the entry and leaves it as it was
    assertArrayEquals(stored, Files.readAllBytes(entry));
  }

  @Test
  void anUpgradeWarningIsPrintedAgainFromTheCache() {
    Cli cold = cached(List.of("upgrade", "base:head"));
    assertTrue(cold.err().contains("create-index-not-concurrently"), cold.err());
    assertSame(cold, cached(List.of("upgrade", "base:head")), "warm");
  }

  @Test
  void theOutputFileIsWrittenFromTheCacheToo() throws IOException {
    Path first = temp.resolve("first.sql");
    Path second = temp.resolve("second.sql");
    Cli cold = cached(List.of("upgrade", "base:head"), "-o", first.toString());
    assertEquals(0, cold.exitCode(), cold.err());
    // the output file is an option like any other: its own slot
    Cli again = cached(List.of("upgrade", "base:head"), "-o", first.toString());
    assertSame(cold, again, "warm");
    Cli other = cached(List.of("upgrade", "base:head"), "-o", second.toString());
    assertSame(cold, other, "other file");
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    assertEquals(run(List.of("upgrade", "base:head"), "--no-cache").out(),
        Files.readString(first, StandardCharsets.UTF_8));
  }

  @Test
  void theWarmRunIsServedFromTheEntry() throws IOException {
    List<String> command = List.of("upgrade", "base:head");
    Cli cold = cached(command);
    Path entry = onlyEntry();
    // the same bytes with "accounts" spelled differently in the stored script, and the checksum
    // mended: only a run that prints the entry can print that
    byte[] bytes = Files.readAllBytes(entry);
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = latin.indexOf("CREATE TABLE accounts");
    assertTrue(at > 0, "the script is stored as written");
    byte[] forged = latin.replace("CREATE TABLE accounts", "CREATE TABLE acc0unts")
        .getBytes(StandardCharsets.ISO_8859_1);
    mendChecksum(forged);
    Files.write(entry, forged);
    Cli warm = cached(command);
    assertEquals(0, warm.exitCode(), warm.err());
    assertEquals(cold.out().replace("CREATE TABLE accounts", "CREATE TABLE acc0unts"), warm.out());
  }

  /** The entry's trailing CRC-32C of every byte before it, made right for {@code bytes}. */
  private static void mendChecksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
  }

  @Test
  void aDamagedEntryIsAMissAndIsRewritten() throws IOException {
    List<String> command = List.of("upgrade", "base:head");
    Cli none = run(command, "--no-cache");
    cached(command);
    Path entry = onlyEntry();
    byte[] good = Files.readAllBytes(entry);

    List<byte[]> damaged = new ArrayList<>();
    for (int position : new int[] {0, 20, 40, good.length / 2, good.length - 30, good.length - 2}) {
      byte[] flipped = good.clone();
      flipped[position] ^= 0x5a;
      damaged.add(flipped);
    }
    damaged.add(Arrays.copyOf(good, good.length / 2));
    damaged.add(Arrays.copyOf(good, good.length + 7));
    damaged.add("not a strata cache\n".getBytes(StandardCharsets.US_ASCII));
    damaged.add(new byte[0]);
    for (byte[] bad : damaged) {
      Files.write(entry, bad);
      assertSame(none, cached(command), "damaged entry of " + bad.length + " bytes");
      byte[] rewritten = Files.readAllBytes(entry);
      assertFalse(Arrays.equals(bad, rewritten), "rewritten: " + damaged.indexOf(bad));
      assertEquals(good.length, rewritten.length, "rewritten whole");
    }
  }

  @Test
  void aChangedRevisionIsAMissEvenWithItsSizeAndTimeKept() throws IOException {
    List<String> command = List.of("upgrade", "base:head");
    cached(command);
    Path revision = versions.resolve("0002_owner_index.sql");
    FileTime time = Files.getLastModifiedTime(revision);
    String text = Files.readString(revision);
    // same length, same modification time: only the bytes (and the change time) differ
    Files.writeString(revision, text.replace("ix_accounts_owner", "ix_accounts_ownr2"));
    Files.setLastModifiedTime(revision, time);
    Cli none = run(command, "--no-cache");
    assertTrue(none.out().contains("ix_accounts_ownr2"), none.out());
    assertSame(none, cached(command), "after the edit");
  }

  @Test
  void aNewFileAndAChangedOptionAreMisses() throws IOException {
    List<String> command = List.of("upgrade", "base:head");
    cached(command);
    Files.writeString(versions.resolve("0003_owner_length.sql"), """
        -- revision: 0003_owner_length
        -- revises: 0002_owner_index
        -- +upgrade
        ALTER TABLE accounts ADD CONSTRAINT ck_owner CHECK (length(owner) > 0);
        -- +downgrade
        ALTER TABLE accounts DROP CONSTRAINT ck_owner;
        """);
    assertSame(run(command, "--no-cache"), cached(command), "a new revision");
    assertEquals(1, entries().size(), "a changed directory replaces its slot's entry");

    assertSame(run(command, "--no-cache", "--lock-timeout", "5s"),
        cached(command, "--lock-timeout", "5s"), "another option");
    assertSame(run(command, "--no-cache", "--version-table", "schema_history"),
        cached(command, "--version-table", "schema_history"), "another version table");
    assertEquals(3, entries().size(), "each command line has its own slot");
  }

  @Test
  void theConfigurationFileIsPartOfTheKey() throws IOException {
    List<String> command = List.of("upgrade", "base:head");
    Path config = versions.getParent().resolve("strata.toml");
    Cli warned = cached(command);
    assertTrue(warned.err().contains("create-index-not-concurrently"), warned.err());
    Files.writeString(config, """
        [lint.rules]
        create-index-not-concurrently = "off"
        """);
    Cli quiet = cached(command);
    assertSame(run(command, "--no-cache"), quiet, "lint rule turned off");
    assertFalse(quiet.err().contains("create-index-not-concurrently"), quiet.err());
  }

  @Test
  void aFailedRunStoresNothing() throws IOException {
    Files.writeString(versions.resolve("0003_broken.sql"), """
        -- revision: 0003_broken
        -- revises: 0002_owner_index
        -- +upgrade
        ALTER TABLE no_such_table ADD COLUMN x INT;
        -- +downgrade
        ALTER TABLE no_such_table DROP COLUMN x;
        """);
    Cli failed = cached(List.of("upgrade", "base:head"));
    assertNotEquals(0, failed.exitCode());
    assertEquals(List.of(), entries());
    Cli failedCheck = cached(List.of("check"));
    assertEquals(1, failedCheck.exitCode(), failedCheck.err());
    assertEquals(List.of(), entries());
    try (Stream<Path> left = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
      assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void noCacheReadsAndWritesNoEntry() throws IOException {
    List<String> command = List.of("upgrade", "base:head");
    cached(command);
    Path entry = onlyEntry();
    byte[] bytes = Files.readAllBytes(entry);
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    byte[] forged = latin.replace("CREATE TABLE accounts", "CREATE TABLE acc0unts")
        .getBytes(StandardCharsets.ISO_8859_1);
    mendChecksum(forged);
    Files.write(entry, forged);
    Cli none = run(command, "--no-cache", "--cache-dir", cache.toString());
    assertTrue(none.out().contains("CREATE TABLE accounts"), none.out());
    assertArrayEquals(forged, Files.readAllBytes(entry));
  }

  @Test
  void theFolderKeepsTheMostRecentlyUsedEntries() throws IOException {
    List<String> command = List.of("upgrade", "base:head");
    List<Path> byAge = new ArrayList<>();
    for (int i = 1; i <= ResultCache.KEPT; i++) {
      List<Path> before = entries();
      cached(command, "--lock-timeout", i + "s");
      List<Path> after = new ArrayList<>(entries());
      after.removeAll(before);
      assertEquals(1, after.size(), "one new entry per command line");
      byAge.add(after.getFirst());
    }
    // the first entry is the oldest, but a hit makes it the most recently used
    for (int i = 0; i < byAge.size(); i++) {
      Files.setLastModifiedTime(byAge.get(i), FileTime.fromMillis(1_000_000_000_000L + i * 1000L));
    }
    cached(command, "--lock-timeout", "1s");
    cached(command, "--lock-timeout", "999s");
    List<Path> left = entries();
    assertEquals(ResultCache.KEPT, left.size());
    assertTrue(left.contains(byAge.get(0)), "used last, kept");
    assertFalse(left.contains(byAge.get(1)), "used least recently, dropped");
  }
}
