package dev.strata.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * One entry of the results cache ({@link ResultCache}) as it is read back: the layout's
 * constants, the {@link Header} (key and directory snapshot) and the stored result ({@link Hit}),
 * checked whole before anything of it is used.
 */
final class ResultEntry {
  static final byte[] MAGIC = "STRATA-RESULT\r\n\u001a\n".getBytes(StandardCharsets.US_ASCII);
  /** The layout of an entry; changed whenever the layout or the key's recipe changes. */
  static final int FORMAT = 1;
  static final int DIGEST = 32;
  /** The two lengths and the CRC-32C that end an entry. */
  static final int TRAILER = 16 + 4;

  private ResultEntry() {}

  /**
   * The start of an entry: the key it was stored under, the directory as it was read then, and
   * the header's length in bytes.
   */
  record Header(byte[] key, DirectorySnapshot snapshot, long length) {
    /** The header of the entry open in {@code channel}; empty when it is not one of ours. */
    static Optional<Header> read(FileChannel channel) {
      try {
        BoundedInputStream counted = BoundedInputStream.builder()
            .setInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16))
            .get();
        DataInputStream in = new DataInputStream(counted);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT) {
          return Optional.empty();
        }
        byte[] key = new byte[DIGEST];
        in.readFully(key);
        DirectorySnapshot snapshot = DirectorySnapshot.decode(in);
        return Optional.of(new Header(key, snapshot, counted.getCount()));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * A stored result: the run's standard output (read from the entry as it is written out) and
   * standard error.
   */
  static final class Hit implements AutoCloseable {
    /**
     * The result stored in the entry open in {@code channel}, whose header ends at {@code
     * headerEnd}: empty when its lengths or its checksum are not right.
     */
    static Optional<Hit> of(FileChannel channel, long headerEnd) {
      try {
        long size = channel.size();
        ByteBuffer trailer = read(channel, size - TRAILER, TRAILER);
        long outLength = trailer.getLong();
        long errLength = trailer.getLong();
        int checksum = trailer.getInt();
        if (outLength < 0 || errLength < 0 || errLength > Integer.MAX_VALUE || outLength > size
            || headerEnd + outLength + errLength + TRAILER != size
            || checksum != checksum(channel, size - 4)) {
          return Optional.empty();
        }
        ByteBuffer err = read(channel, headerEnd + outLength, (int) errLength);
        return Optional.of(new Hit(channel, headerEnd, outLength,
            new String(err.array(), StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    private final FileChannel channel;
    private final long offset;
    private final long length;
    private final String err;

    private Hit(FileChannel channel, long offset, long length, String err) {
      this.channel = channel;
      this.offset = offset;
      this.length = length;
      this.err = err;
    }

    /** Writes the stored standard output to {@code out} (UTF-16 characters, decoded from UTF-8). */
    void writeOut(Writer out) throws IOException {
      channel.position(offset);
      InputStream bytes = BoundedInputStream.builder()
          .setInputStream(Channels.newInputStream(channel))
          .setMaxCount(length)
          .setPropagateClose(false)
          .get();
      new InputStreamReader(bytes, StandardCharsets.UTF_8).transferTo(out);
    }

    /**
     * Prints the stored standard output to {@code out} and flushes it: the stored bytes as they
     * are when {@code out} is {@link Main}'s {@link Utf8Output}, else decoded ({@link #writeOut}).
     */
    void printTo(PrintWriter out) throws IOException {
      if (out instanceof Utf8Output utf8) {
        OutputStream bytes = utf8.bytes();
        copyOut(bytes);
        bytes.flush();
      } else {
        writeOut(out);
        out.flush();
      }
    }

    /** Writes the stored standard output to {@code out} as stored: UTF-8 bytes. */
    void copyOut(OutputStream out) throws IOException {
      long position = offset;
      long end = offset + length;
      while (position < end) {
        long sent = channel.transferTo(position, end - position, Channels.newChannel(out));
        if (sent <= 0) {
          throw new IOException("entry shorter than it says");
        }
        position += sent;
      }
    }

    /** The stored standard error, as printed (lint warnings). */
    String err() {
      return err;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  static ByteBuffer read(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("entry shorter than it says");
      }
    }
    return buffer.flip();
  }

  static int checksum(FileChannel channel, long length) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long position = 0;
    while (position < length) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), length - position));
      int read = channel.read(buffer, position);
      if (read < 0) {
        throw new IOException("entry shorter than it says");
      }
      position += read;
      crc.update(buffer.flip());
    }
    return (int) crc.getValue();
  }

}
