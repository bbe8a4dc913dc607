package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionFileParser;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.PackedStatements;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCacheTest {
  @TempDir Path tmp;

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** Every {@code *.sql} file of the repository (corpora, goldens, samples), outside builds. */
  private static List<Path> repositorySqlFiles() throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      return all.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p))
          .filter(p -> {
            String relative = ROOT.relativize(p).toString();
            return !relative.contains("/target/") && !relative.startsWith(".")
                && !relative.startsWith("bench/out");
          })
          .sorted().toList();
    }
  }

  /** Equal as records, and equal in every position too ({@code Identifier} ignores its span). */
  private static void assertSameTree(RevisionFile expected, RevisionFile actual) {
    assertEquals(expected, actual);
    assertEquals(expected.toString(), actual.toString());
    assertTrue(expected.source() == actual.source() || expected.source().equals(actual.source()));
  }

  @Test
  void everyRevisionFileOfTheRepositoryDecodesAndPacksToTheTreeItWasEncodedFrom() throws Exception {
    RevisionFileParser parser = new RevisionFileParser();
    int parsed = 0;
    for (Path path : repositorySqlFiles()) {
      SourceFile source;
      RevisionFile file;
      try {
        source = SourceFile.decode(path.toString(), Files.readAllBytes(path));
        file = parser.parse(source);
      } catch (DiagnosticException notARevision) {
        continue;
      }
      byte[] encoded = AstCodec.encode(file);
      assertArrayEquals(encoded, AstOutput.encode(file),
          path + ": the generated encoder writes what the reflective codec writes");
      RevisionFile decoded = AstInput.decode(source, encoded, 0, encoded.length);
      assertSameTree(file, decoded);
      assertEquals(file.source(), decoded.source(), path.toString());
      // what the loader keeps: the same tree, its statements encoded, written back as they are
      RevisionFile packed = AstOutput.packed(file);
      assertSameTree(file, packed);
      assertArrayEquals(encoded, AstOutput.encode(packed), path + ": packed, encoded again");
      for (RevisionFile kept : List.of(packed, decoded)) {
        for (Section section : kept.sections()) {
          assertTrue(section.statements() instanceof PackedStatements, path.toString());
        }
      }
      parsed++;
    }
    assertTrue(parsed > 350, "the corpora hold hundreds of revision files, got " + parsed);
  }

  @Test
  void everyVersionsDirectoryOfTheRepositoryLoadsTheSameColdAndWarm() throws Exception {
    List<Path> dirs = repositorySqlFiles().stream().map(Path::getParent).distinct().toList();
    ParseCache cache = ParseCache.in(tmp.resolve("cache"), "test");
    int served = 0;
    for (Path dir : dirs) {
      VersionsLoader.Contents cold = VersionsLoader.read(dir);
      VersionsLoader.Counted first = VersionsLoader.readCounting(dir, cache);
      VersionsLoader.Counted second = VersionsLoader.readCounting(dir, cache);
      assertSame(cold, first.contents());
      assertSame(cold, second.contents());
      assertEquals(0, second.stats().misses() - (cold.sources().size() - cold.files().size()),
          "only files that do not parse are parsed again: " + dir);
      assertFalse(second.stats().written(), dir.toString());
      served += second.stats().hits();
    }
    assertTrue(served > 350, "served " + served);
  }

  private static void assertSame(VersionsLoader.Contents expected, VersionsLoader.Contents actual) {
    assertEquals(expected.sources(), actual.sources());
    assertEquals(expected.files().size(), actual.files().size());
    for (int i = 0; i < expected.files().size(); i++) {
      assertSameTree(expected.files().get(i), actual.files().get(i));
    }
    assertEquals(formatted(expected.diagnostics()), formatted(actual.diagnostics()));
    assertEquals(expected.others(), actual.others());
  }

  private static List<String> formatted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).toList();
  }

  private Path smallChain() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("versions"));
    Files.writeString(dir.resolve("0001_a.sql"), """
        -- revision: a
        -- revises: base
        -- message: first

        -- +upgrade
        CREATE TABLE t (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n NUMERIC(20, 4));
        CREATE INDEX t_n ON t (n);

        -- +downgrade
        DROP TABLE t;
        """);
    Files.writeString(dir.resolve("0002_b.sql"), """
        -- revision: b
        -- revises: a

        -- +upgrade
        ALTER TABLE t ADD COLUMN "Name" VARCHAR(100) NOT NULL DEFAULT 'x';

        -- +downgrade
        -- +todo alembic/versions/b.py:3:1: a loop
        """);
    Files.writeString(dir.resolve("0003_c.sql"), "-- revision: c\r\n-- revises: b\r\n\r\n"
        + "-- +upgrade\r\nCREATE TABLE u (id INT);\r\n\r\n-- +downgrade\r\nDROP TABLE u;\r\n");
    Files.writeString(dir.resolve("0004_broken.sql"), """
        -- revision: d
        -- revises: c

        -- +upgrade
        CREATE TABLE (;
        """);
    return dir;
  }

  @Test
  void aWarmCacheGivesTheTreesAndTheDiagnosticsOfParsing() throws Exception {
    Path dir = smallChain();
    ParseCache cache = ParseCache.in(tmp.resolve("cache"), "test");
    VersionsLoader.Contents cold = VersionsLoader.read(dir);
    assertEquals(2, cold.diagnostics().size(), "a +todo mark and a parse error");

    VersionsLoader.Counted first = VersionsLoader.readCounting(dir, cache);
    assertEquals(new ParseCache.Stats(0, 4, true), first.stats());
    VersionsLoader.Counted second = VersionsLoader.readCounting(dir, cache);
    assertEquals(new ParseCache.Stats(3, 1, false), second.stats(), "the broken file is parsed");
    assertSame(cold, first.contents());
    assertSame(cold, second.contents());
    DiagnosticException coldError =
        assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir));
    DiagnosticException warmError =
        assertThrows(DiagnosticException.class, () -> VersionsLoader.load(dir, cache));
    assertEquals(coldError.format(), warmError.format());
  }

  @Test
  void aChangedFileIsParsedAgainAndTheOthersComeFromTheCache() throws Exception {
    Path dir = smallChain();
    ParseCache cache = ParseCache.in(tmp.resolve("cache"), "test");
    VersionsLoader.readCounting(dir, cache);
    Files.writeString(dir.resolve("0001_a.sql"),
        Files.readString(dir.resolve("0001_a.sql")).replace("first", "changed"));
    Files.delete(dir.resolve("0004_broken.sql"));
    VersionsLoader.Counted changed = VersionsLoader.readCounting(dir, cache);
    assertEquals(new ParseCache.Stats(2, 1, true), changed.stats());
    assertEquals("changed", changed.contents().files().getFirst().header().message());
    assertSame(VersionsLoader.read(dir), changed.contents());
    assertEquals(new ParseCache.Stats(3, 0, false), VersionsLoader.readCounting(dir, cache).stats());
  }

  @Test
  void aDamagedForeignOrOtherVersionPackIsIgnoredAndRewritten() throws Exception {
    Path dir = smallChain();
    Files.delete(dir.resolve("0004_broken.sql"));
    ParseCache cache = ParseCache.in(tmp.resolve("cache"), "test");
    VersionsLoader.Contents cold = VersionsLoader.read(dir);
    VersionsLoader.readCounting(dir, cache);
    Path pack = cache.pack(dir).orElseThrow();
    byte[] good = Files.readAllBytes(pack);

    List<byte[]> damaged = new ArrayList<>();
    for (int i = 0; i < good.length; i += 3) {
      byte[] flipped = good.clone();
      flipped[i] ^= (byte) (1 << (i % 8));
      damaged.add(flipped);
    }
    for (int length = 0; length < good.length; length += 5) {
      damaged.add(Arrays.copyOf(good, length));
    }
    damaged.add(new byte[0]);
    damaged.add("not a pack at all\n".repeat(100).getBytes());
    for (byte[] bad : damaged) {
      Files.write(pack, bad);
      VersionsLoader.Counted read = VersionsLoader.readCounting(dir, cache);
      assertSame(cold, read.contents());
      assertTrue(read.stats().hits() + read.stats().misses() == 3, read.stats().toString());
      if (read.stats().misses() > 0) {
        assertTrue(read.stats().written(), "a damaged pack is rewritten");
        assertEquals(new ParseCache.Stats(3, 0, false),
            VersionsLoader.readCounting(dir, cache).stats());
      }
    }

    Files.write(pack, good);
    ParseCache otherVersion = ParseCache.in(tmp.resolve("cache"), "test2");
    VersionsLoader.Counted read = VersionsLoader.readCounting(dir, otherVersion);
    assertEquals(new ParseCache.Stats(0, 3, true), read.stats());
    assertSame(cold, read.contents());
  }

  @Test
  void aSessionReadsThePackItOpenedEvenWhenAnotherRunReplacesIt() throws Exception {
    Path dir = smallChain();
    Files.delete(dir.resolve("0004_broken.sql"));
    ParseCache cache = ParseCache.in(tmp.resolve("cache"), "test");
    VersionsLoader.readCounting(dir, cache);
    Path pack = cache.pack(dir).orElseThrow();
    Path file = dir.resolve("0001_a.sql");
    byte[] bytes = Files.readAllBytes(file);
    SourceFile source = SourceFile.decode(file.toString(), bytes);
    RevisionFile parsed = new RevisionFileParser().parse(source);

    ParseCache.Session session = cache.open(dir);
    // another run renames its pack over this one, as write() does: entries are read lazily,
    // from the file this session opened
    Path other = Files.write(pack.resolveSibling("other.tmp"), "not a pack\n".getBytes());
    Files.move(other, pack, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Optional<RevisionFile> served = session.lookup("0001_a.sql", bytes, source);
    assertTrue(served.isPresent(), "the entry of the pack the session opened");
    assertSameTree(parsed, served.get());
    session.abandon();
    assertArrayEquals("not a pack\n".getBytes(), Files.readAllBytes(pack), "abandon writes nothing");
  }

  @Test
  void parsedEntriesAreSpooledAsFilesAreStoredAndDroppedWhenLoadingFails() throws Exception {
    Path dir = smallChain();
    Files.delete(dir.resolve("0004_broken.sql"));
    ParseCache cache = ParseCache.in(tmp.resolve("cache"), "test");
    Path file = dir.resolve("0001_a.sql");
    byte[] bytes = Files.readAllBytes(file);
    RevisionFile parsed = AstOutput.packed(
        new RevisionFileParser().parse(SourceFile.decode(file.toString(), bytes)));

    ParseCache.Session failing = cache.open(dir);
    failing.store("0001_a.sql", bytes, parsed);
    assertEquals(1, temporaryFiles(), "the entry was spooled as it was stored");
    failing.abandon();
    assertEquals(0, temporaryFiles(), "a session that ends without close leaves no spool and no pack");
    assertFalse(Files.exists(cache.pack(dir).orElseThrow()));

    VersionsLoader.Counted cold = VersionsLoader.readCounting(dir, cache);
    assertEquals(new ParseCache.Stats(0, 3, true), cold.stats());
    assertEquals(0, temporaryFiles());
    byte[] written = Files.readAllBytes(cache.pack(dir).orElseThrow());
    Files.delete(cache.pack(dir).orElseThrow());
    VersionsLoader.readCounting(dir, cache);
    assertArrayEquals(written, Files.readAllBytes(cache.pack(dir).orElseThrow()),
        "the same files make the same pack, whatever order they were parsed in");
    assertEquals(new ParseCache.Stats(3, 0, false), VersionsLoader.readCounting(dir, cache).stats());
  }

  private long temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  @Test
  void aCacheThatCannotBeWrittenLeavesTheRunUncached() throws Exception {
    Path dir = smallChain();
    Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
    ParseCache cache = ParseCache.in(notADirectory.resolve("cache"), "test");
    VersionsLoader.Counted read = VersionsLoader.readCounting(dir, cache);
    assertEquals(new ParseCache.Stats(0, 4, false), read.stats());
    assertSame(VersionsLoader.read(dir), read.contents());
  }

  @Test
  void noCacheReadsNoPack() throws Exception {
    Path dir = smallChain();
    assertEquals(Optional.empty(), ParseCache.none().pack(dir));
    assertEquals(new ParseCache.Stats(0, 4, false),
        VersionsLoader.readCounting(dir, ParseCache.none()).stats());
  }

  @Test
  void theDefaultFolderFollowsTheXdgBaseDirectorySpecification() {
    assertEquals(Optional.of(Path.of("/c/strata")),
        ParseCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h")));
    assertEquals(Optional.of(Path.of("/h/.cache/strata")),
        ParseCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h")));
    assertEquals(Optional.empty(), ParseCache.defaultDirectory(Map.of()));
  }
}
