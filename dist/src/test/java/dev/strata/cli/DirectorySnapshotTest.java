package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DirectorySnapshot}: a file whose status is the recorded one, and not racy, keeps its
 * recorded digest unread (as git's index); any other file is read.
 */
class DirectorySnapshotTest {
  @TempDir Path dir;

  private static byte[] sha256(String text) {
    return DirectorySnapshot.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code snapshot} with every digest replaced by a made-up one, taken at {@code takenAt}. */
  private static DirectorySnapshot forged(DirectorySnapshot snapshot, long takenAt) {
    byte[] madeUp = new byte[32];
    Arrays.fill(madeUp, (byte) 7);
    return new DirectorySnapshot(snapshot.names(), snapshot.rows().stream()
        .map(r -> new DirectorySnapshot.Row(r.size(), r.modified(), r.changed(), r.device(),
            r.inode(), madeUp))
        .toList(), takenAt);
  }

  @Test
  void readsEveryFileFirstAndListsSubfoldersByName() throws IOException {
    Files.writeString(dir.resolve("b.sql"), "two");
    Files.writeString(dir.resolve("a.sql"), "one");
    Files.createDirectory(dir.resolve("notes"));
    DirectorySnapshot snapshot = DirectorySnapshot.read(dir, Optional.empty()).orElseThrow();
    assertEquals(List.of("a.sql", "b.sql", "notes"), snapshot.names());
    assertArrayEquals(sha256("one"), snapshot.rows().get(0).digest());
    assertEquals(-1, snapshot.rows().get(2).size());
  }

  @Test
  void anUnchangedFileKeepsItsRecordedDigestUnread() throws IOException {
    Files.writeString(dir.resolve("a.sql"), "one");
    DirectorySnapshot first = DirectorySnapshot.read(dir, Optional.empty()).orElseThrow();
    // taken long after the file changed: not racy, so the made-up digest is trusted
    long later = first.rows().getFirst().changed() + 10 * DirectorySnapshot.RACY_NANOS;
    DirectorySnapshot again =
        DirectorySnapshot.read(dir, Optional.of(forged(first, later))).orElseThrow();
    assertArrayEquals(forged(first, later).rows().getFirst().digest(),
        again.rows().getFirst().digest());
  }

  @Test
  void aRacyFileIsReadAgain() throws IOException {
    Files.writeString(dir.resolve("a.sql"), "one");
    DirectorySnapshot first = DirectorySnapshot.read(dir, Optional.empty()).orElseThrow();
    // taken within the racy window of the file's change: its status proves nothing
    long soon = first.rows().getFirst().changed() + DirectorySnapshot.RACY_NANOS / 2;
    DirectorySnapshot again =
        DirectorySnapshot.read(dir, Optional.of(forged(first, soon))).orElseThrow();
    assertArrayEquals(sha256("one"), again.rows().getFirst().digest());
  }

  @Test
  void aRewrittenFileIsReadAgainWhateverItsTimes() throws IOException {
    Path file = dir.resolve("a.sql");
    Files.writeString(file, "one");
    DirectorySnapshot first = DirectorySnapshot.read(dir, Optional.empty()).orElseThrow();
    var time = Files.getLastModifiedTime(file);
    Files.writeString(file, "two");
    Files.setLastModifiedTime(file, time);
    long later = first.rows().getFirst().changed() + 10 * DirectorySnapshot.RACY_NANOS;
    DirectorySnapshot again =
        DirectorySnapshot.read(dir, Optional.of(forged(first, later))).orElseThrow();
    assertArrayEquals(sha256("two"), again.rows().getFirst().digest());
    assertFalse(Arrays.equals(first.digest(), again.digest()));
  }

  @Test
  void encodesAndDecodesExactly() throws IOException {
    Files.writeString(dir.resolve("a.sql"), "one");
    Files.writeString(dir.resolve("é.sql"), "two");
    DirectorySnapshot snapshot = DirectorySnapshot.read(dir, Optional.empty()).orElseThrow();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    snapshot.encode(new DataOutputStream(bytes));
    DirectorySnapshot decoded = DirectorySnapshot.decode(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(snapshot.names(), decoded.names());
    assertEquals(snapshot.takenAt(), decoded.takenAt());
    assertArrayEquals(snapshot.digest(), decoded.digest());
  }

  @Test
  void aRewrittenOrAddedFileIsNoLongerTheSnapshot() throws IOException, InterruptedException {
    Path file = dir.resolve("a.sql");
    Files.writeString(file, "one");
    DirectorySnapshot snapshot = DirectorySnapshot.read(dir, Optional.empty()).orElseThrow();
    org.junit.jupiter.api.Assertions.assertTrue(snapshot.unchangedIn(dir));
    Files.writeString(dir.resolve("b.sql"), "two");
    assertFalse(snapshot.unchangedIn(dir), "an added file");
    Files.delete(dir.resolve("b.sql"));
    org.junit.jupiter.api.Assertions.assertTrue(snapshot.unchangedIn(dir));
    // the same bytes written again: a new change time (once the kernel's coarse clock has ticked)
    sleepPastAClockTick();
    Files.writeString(file, "one");
    assertFalse(snapshot.unchangedIn(dir), "a rewritten file");
  }

  private static void sleepPastAClockTick() throws InterruptedException {
    Thread.sleep(50);
  }
}
