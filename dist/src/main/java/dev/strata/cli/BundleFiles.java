package dev.strata.cli;

import dev.strata.dialects.UnlinkedFile;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a bundle while it is made and until it is written: each file's bytes, written once
 * ({@link #create}, {@link #text}) and read back as often as needed ({@link #copy}), with its size
 * and SHA-256 computed as it is written (what {@code MANIFEST.json} and {@code SHA256SUMS} list).
 *
 * <p>The bytes of all files are kept one after the other in memory up to {@value #MEMORY_BYTES}
 * bytes, then in one temporary file that is unlinked as soon as it is opened (so that nothing is
 * left behind, even by a process killed outright) and is gone once {@link #close() closed}: a
 * bundle's memory stays flat in the number of revisions, as {@code upgrade}'s does ({@link
 * dev.strata.dialects.PreparedScript}). What stays in memory per file is its path, its offset,
 * its size and its checksum.
 *
 * <p>Not thread-safe; one file is written at a time.
 */
final class BundleFiles implements Closeable {
  /** The bytes kept in memory before every file moves to a temporary file. */
  static final int MEMORY_BYTES = 1 << 23;

  private static final int BUFFER = 1 << 16;

  /**
   * Where a file's bytes are and what they are.
   *
   * @param offset of its first byte among the bytes of all files
   * @param size in bytes, 0 or more
   * @param sha256 64 lowercase hex digits
   */
  record Content(long offset, long size, String sha256) {
    Content {
      if (offset < 0 || size < 0 || !sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("bad content: " + offset + ", " + size + ", " + sha256);
      }
    }
  }

  /**
   * A temporary file failed while the bundle was made (it cannot be made, written or read: a full
   * or missing temporary directory): the one that holds the files, or the one a long script's
   * segments wait in ({@link dev.strata.dialects.PreparedScript}). Not the fault of the revision
   * files nor of the output path.
   */
  static final class TemporaryFileException extends IOException {
    private final transient IOException failure;

    TemporaryFileException(IOException failure) {
      super(failure.getMessage(), failure);
      this.failure = failure;
    }

    /** The failure itself ({@link OutputFile#reason} words it). */
    IOException failure() {
      return failure;
    }
  }

  private final int memoryBytes;
  private final SortedMap<String, Content> contents = new TreeMap<>();
  private byte[] memory = new byte[1 << 12];
  private long length;
  private FileChannel file;
  private byte[] fileBuffer;
  private int buffered;
  private Entry open;
  private boolean closed;

  /** Files kept in memory up to {@link #MEMORY_BYTES}. */
  BundleFiles() {
    this(MEMORY_BYTES);
  }

  /** As {@link #BundleFiles()}, moving to a temporary file beyond {@code memoryBytes} bytes. */
  BundleFiles(int memoryBytes) {
    if (memoryBytes < 0) {
      throw new IllegalArgumentException("memoryBytes < 0: " + memoryBytes);
    }
    this.memoryBytes = memoryBytes;
  }

  /**
   * A new file at {@code path}: its bytes are what is written to the stream, its content is
   * recorded when the stream is closed.
   *
   * @throws IllegalArgumentException when {@code path} is not a plain relative path ({@link
   *     Bundle#isRelativePath}) or is taken
   * @throws IllegalStateException when another file is being written, or when closed
   */
  OutputStream create(String path) {
    requireOpen();
    if (open != null) {
      throw new IllegalStateException("'" + open.path + "' is being written");
    }
    if (!Bundle.isRelativePath(path)) {
      throw new IllegalArgumentException("bad bundle path: '" + path + "'");
    }
    if (contents.containsKey(path)) {
      throw new IllegalArgumentException("'" + path + "' is written already");
    }
    open = new Entry(path, length);
    return open;
  }

  /** {@link #create} for text: what is written is encoded as UTF-8. */
  Writer text(String path) {
    return new BufferedWriter(new OutputStreamWriter(create(path), StandardCharsets.UTF_8), BUFFER);
  }

  /** Writes the file {@code path} with {@code text} as UTF-8 ({@link #text}). */
  void put(String path, String text) throws IOException {
    try (Writer out = text(path)) {
      out.write(text);
    }
  }

  /** Every file written so far, by path. */
  SortedMap<String, Content> contents() {
    return Collections.unmodifiableSortedMap(contents);
  }

  /**
   * The content of the file {@code path}.
   *
   * @throws IllegalArgumentException when there is no such file
   */
  Content content(String path) {
    Content content = contents.get(path);
    if (content == null) {
      throw new IllegalArgumentException("no file '" + path + "'");
    }
    return content;
  }

  /**
   * Writes the bytes of the file {@code path} to {@code out}, without flushing or closing it.
   *
   * @throws IllegalArgumentException when there is no such file
   * @throws IOException when {@code out} or the temporary file fails
   */
  void copy(String path, OutputStream out) throws IOException {
    requireOpen();
    Content content = content(path);
    if (file == null) {
      out.write(memory, (int) content.offset(), (int) content.size());
      return;
    }
    flushFile();
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, content.size())));
    long position = content.offset();
    long end = position + content.size();
    while (position < end) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
      int n;
      try {
        n = file.read(buffer, position);
        if (n < 0) {
          throw new IOException("the bundle's temporary file ended early");
        }
      } catch (IOException e) {
        throw new TemporaryFileException(e);
      }
      out.write(buffer.array(), 0, n);
      position += n;
    }
  }

  /** Whether the files' bytes have moved to a temporary file (for tests). */
  boolean inFile() {
    return file != null;
  }

  /** Releases the memory and the temporary file; idempotent. */
  @Override
  public void close() {
    closed = true;
    memory = null;
    fileBuffer = null;
    UnlinkedFile.release(file);
    file = null;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the bundle's files are closed");
    }
  }

  private void append(byte[] bytes, int offset, int count) throws IOException {
    if (file == null && length + count > memoryBytes) {
      moveToFile();
    }
    if (file == null) {
      if (length + count > memory.length) {
        memory = Arrays.copyOf(memory, (int) Math.min(memoryBytes,
            Math.max(length + count, 2L * memory.length)));
      }
      System.arraycopy(bytes, offset, memory, (int) length, count);
    } else if (count >= fileBuffer.length) {
      flushFile();
      writeFully(ByteBuffer.wrap(bytes, offset, count));
    } else {
      if (buffered + count > fileBuffer.length) {
        flushFile();
      }
      System.arraycopy(bytes, offset, fileBuffer, buffered, count);
      buffered += count;
    }
    length += count;
  }

  private void moveToFile() throws IOException {
    try {
      file = UnlinkedFile.open("strata-bundle-", ".spill");
    } catch (IOException e) {
      throw new TemporaryFileException(e);
    }
    fileBuffer = new byte[BUFFER];
    writeFully(ByteBuffer.wrap(memory, 0, (int) length));
    memory = null;
  }

  private void flushFile() throws IOException {
    if (buffered > 0) {
      writeFully(ByteBuffer.wrap(fileBuffer, 0, buffered));
      buffered = 0;
    }
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    try {
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
    } catch (IOException e) {
      throw new TemporaryFileException(e);
    }
  }

  /** The stream of the file being written. */
  private final class Entry extends OutputStream {
    private final String path;
    private final long offset;
    private final MessageDigest digest;
    private boolean done;

    Entry(String path, long offset) {
      this.path = path;
      this.offset = offset;
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every Java platform", e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int from, int count) throws IOException {
      Objects.checkFromIndexSize(from, count, bytes.length);
      if (done) {
        throw new IOException("'" + path + "' is written already");
      }
      requireOpen();
      append(bytes, from, count);
      digest.update(bytes, from, count);
    }

    @Override
    public void close() {
      if (done) {
        return;
      }
      done = true;
      if (!closed) {
        contents.put(path, new Content(offset, length - offset,
            HexFormat.of().formatHex(digest.digest())));
        open = null;
      }
    }
  }
}
