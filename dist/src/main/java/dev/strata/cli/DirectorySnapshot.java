package dev.strata.cli;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The contents of a versions directory as the results cache ({@link ResultCache}) keys them: each
 * entry's name, and for a regular file the SHA-256 of its exact bytes, with the file's status
 * (size, modification and change times in nanoseconds, device and inode) that lets a later run
 * skip reading a file that has not changed, as git's index does.
 *
 * <p>A file is re-read whenever its status differs from the one recorded, and also when it is
 * <em>racy</em>, as git calls it: changed (its change time) less than {@link #RACY_NANOS} before the
 * earlier snapshot was taken, so that a write in the same clock tick as that snapshot cannot pass
 * for unchanged. The change time cannot be set by a user (every write and every {@code touch}
 * moves it), so a file with the recorded status and no racy change time has the recorded bytes.
 *
 * @param names the directory's entries, sorted
 * @param rows each entry's status and digest, in {@link #names}' order
 * @param takenAt when the statuses were read (nanoseconds since the epoch)
 */
record DirectorySnapshot(List<String> names, List<Row> rows, long takenAt) {
  /** How close to a snapshot a change must be for the file to be read again: two seconds. */
  static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);
  /** The file type bits of a mode, and the type of a regular file (POSIX {@code <sys/stat.h>}). */
  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;

  /** Checks the components. */
  DirectorySnapshot {
    names = List.copyOf(names);
    rows = List.copyOf(rows);
    if (names.size() != rows.size()) {
      throw new IllegalArgumentException("one row per name");
    }
  }

  /**
   * One entry's status and digest.
   *
   * @param size the size in bytes; -1 for a folder or other non-regular entry
   * @param modified the modification time, nanoseconds since the epoch
   * @param changed the status change time, nanoseconds since the epoch
   * @param device the device id
   * @param inode the inode number
   * @param digest the SHA-256 of the bytes; of nothing for a non-regular entry (32 bytes)
   */
  record Row(long size, long modified, long changed, long device, long inode, byte[] digest) {
    /** Checks the digest's length. */
    Row {
      if (digest.length != 32) {
        throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
      }
      digest = digest.clone();
    }

    boolean sameStatus(Row other) {
      return size == other.size && modified == other.modified && changed == other.changed
          && device == other.device && inode == other.inode;
    }
  }

  /**
   * Reads {@code directory}, taking each file's digest from {@code earlier} when its status is
   * the recorded one and not racy, and reading it otherwise (on both cores); empty when the
   * directory or one of its files cannot be read (the run that follows reports why).
   */
  static Optional<DirectorySnapshot> read(Path directory, Optional<DirectorySnapshot> earlier) {
    long takenAt = now();
    String[] names;
    try (Stream<Path> entries = Files.list(directory)) {
      names = entries.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    Map<String, Row> known = new HashMap<>();
    earlier.ifPresent(snapshot -> {
      for (int i = 0; i < snapshot.names.size(); i++) {
        Row row = snapshot.rows.get(i);
        if (row.changed < snapshot.takenAt - RACY_NANOS) {
          known.put(snapshot.names.get(i), row);
        }
      }
    });
    Row[] rows = new Row[names.length];
    boolean[] unreadable = {false};
    IntStream.range(0, names.length).parallel().forEach(i -> {
      try {
        rows[i] = row(directory.resolve(names[i]), known.get(names[i]));
      } catch (IOException | RuntimeException e) {
        unreadable[0] = true;
      }
    });
    return unreadable[0] ? Optional.empty()
        : Optional.of(new DirectorySnapshot(Arrays.asList(names), Arrays.asList(rows), takenAt));
  }

  /**
   * Whether {@code directory} still has exactly this snapshot's entries with their statuses (one
   * stat each, nothing read): what a run checks before it stores a result made from files it read
   * after the snapshot, so that a file rewritten meanwhile (a new change time) is never stored
   * under the old bytes' key.
   */
  boolean unchangedIn(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      if (!entries.map(p -> p.getFileName().toString()).sorted().toList().equals(names)) {
        return false;
      }
      for (int i = 0; i < names.size(); i++) {
        if (!status(directory.resolve(names.get(i))).sameStatus(rows.get(i))) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The file's status, with an empty digest; one stat(2), the type from the mode's bits. */
  private static Row status(Path file) throws IOException {
    Map<String, Object> status =
        Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino,mode");
    boolean regular = ((Integer) status.get("mode") & S_IFMT) == S_IFREG;
    long size = regular ? (Long) status.get("size") : -1;
    long modified = ((FileTime) status.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
    long changed = ((FileTime) status.get("ctime")).to(TimeUnit.NANOSECONDS);
    long device = (Long) status.get("dev");
    long inode = (Long) status.get("ino");
    return new Row(size, modified, changed, device, inode, new byte[32]);
  }

  private static Row row(Path file, Row known) throws IOException {
    Row stat = status(file);
    if (known != null && known.sameStatus(stat)) {
      return known;
    }
    MessageDigest digest = sha256();
    if (stat.size() >= 0) {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length != stat.size()) {
        throw new IOException(file + " changed while it was read");
      }
      digest.update(bytes);
    }
    return new Row(stat.size(), stat.modified(), stat.changed(), stat.device(), stat.inode(),
        digest.digest());
  }

  /** The SHA-256 of the names, the kinds and the files' digests (not their statuses). */
  byte[] digest() {
    MessageDigest digest = sha256();
    for (int i = 0; i < names.size(); i++) {
      byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
      Row row = rows.get(i);
      digest.update(ByteBuffer.allocate(12).putInt(name.length).putLong(row.size < 0 ? -1 : 0)
          .array());
      digest.update(name);
      digest.update(row.digest);
    }
    return digest.digest();
  }

  /** Writes the snapshot for {@link #decode}. */
  void encode(DataOutput out) throws IOException {
    out.writeLong(takenAt);
    out.writeInt(names.size());
    for (int i = 0; i < names.size(); i++) {
      Row row = rows.get(i);
      out.writeUTF(names.get(i));
      out.writeLong(row.size);
      out.writeLong(row.modified);
      out.writeLong(row.changed);
      out.writeLong(row.device);
      out.writeLong(row.inode);
      out.write(row.digest);
    }
  }

  /**
   * Reads what {@link #encode} wrote.
   *
   * @throws IOException when the bytes end early or do not make a snapshot
   */
  static DirectorySnapshot decode(DataInput in) throws IOException {
    long takenAt = in.readLong();
    int count = in.readInt();
    if (count < 0 || count > 10_000_000) {
      throw new IOException("not a snapshot");
    }
    String[] names = new String[count];
    Row[] rows = new Row[count];
    for (int i = 0; i < count; i++) {
      names[i] = in.readUTF();
      long size = in.readLong();
      long modified = in.readLong();
      long changed = in.readLong();
      long device = in.readLong();
      long inode = in.readLong();
      byte[] digest = new byte[32];
      in.readFully(digest);
      rows[i] = new Row(size, modified, changed, device, inode, digest);
    }
    return new DirectorySnapshot(Arrays.asList(names), Arrays.asList(rows), takenAt);
  }

  private static long now() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
