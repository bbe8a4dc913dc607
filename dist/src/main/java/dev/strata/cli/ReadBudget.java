package dev.strata.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What {@code strata verify} is willing to read and keep, so that any input, however hostile (a
 * zip or gzip bomb, millions of entries), is refused quickly in bounded memory: at most {@link
 * #MAX_UNPACKED} bytes unpacked (for a {@code .tar.gz} every byte of the tar stream counts, headers
 * and padding included), and at most {@link #MAX_RETAINED} bytes of names, checksums and script
 * headers kept (each entry counts {@link #ENTRY_COST} bytes plus two per character it keeps).
 * Exceeding either is a {@link BundleProblem.Kind#TOO_LARGE} problem.
 */
final class ReadBudget {
  /** The most a bundle may hold, unpacked: hundreds of times a large release (128 MiB). */
  static final long MAX_UNPACKED = 1L << 27;
  /** The most memory of names, checksums and script headers verify keeps (32 MiB). */
  static final long MAX_RETAINED = 32L << 20;
  /** What keeping one entry costs, besides its characters: its checksum, size and objects. */
  static final long ENTRY_COST = 512;

  private final long unpackedLimit;
  private final long retainedLimit;
  private long unpacked;
  private long retained;

  /** A budget of {@link #MAX_UNPACKED} bytes read and {@link #MAX_RETAINED} kept. */
  ReadBudget() {
    this(MAX_UNPACKED, MAX_RETAINED);
  }

  /** A budget of {@code unpackedLimit} bytes read and {@code retainedLimit} kept (tests). */
  ReadBudget(long unpackedLimit, long retainedLimit) {
    this.unpackedLimit = unpackedLimit;
    this.retainedLimit = retainedLimit;
  }

  /** The bytes that may still be read. */
  long remaining() {
    return unpackedLimit - unpacked;
  }

  /** Counts {@code n} bytes read; refuses once the total passes the limit. */
  void read(long n) throws BundleProblem {
    unpacked += n;
    if (unpacked > unpackedLimit) {
      throw tooMuch();
    }
  }

  /**
   * Refuses, before reading it, an entry that declares more bytes than are left: a bomb is
   * refused at its header, not after inflating it.
   */
  void declare(String name, long size) throws BundleProblem {
    if (size > remaining()) {
      throw new BundleProblem(BundleProblem.Kind.TOO_LARGE, "entry " + BundleProblem.quoted(name)
          + " is " + size + " bytes unpacked, more than the " + remaining() + " left of the "
          + unpackedLimit + " bytes a bundle may hold");
    }
  }

  /** Counts one kept entry of {@code chars} characters. */
  void keepEntry(long chars) throws BundleProblem {
    keep(ENTRY_COST + 2 * chars);
  }

  /** Counts {@code bytes} more bytes kept in memory. */
  void keep(long bytes) throws BundleProblem {
    retained += bytes;
    if (retained > retainedLimit) {
      throw new BundleProblem(BundleProblem.Kind.TOO_LARGE, "holds more entries, names and script"
          + " headers than the " + retainedLimit + " bytes verify keeps in memory, which no strata"
          + " bundle does");
    }
  }

  private BundleProblem tooMuch() {
    return new BundleProblem(BundleProblem.Kind.TOO_LARGE, "holds more than " + unpackedLimit
        + " bytes unpacked, which no strata bundle does");
  }

  /**
   * {@code in}, counting every byte read against this budget; passing the limit fails the read
   * with the problem {@link BundleProblem#carried() carried}.
   */
  InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        byte[] sink = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
          int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
          if (r < 0) {
            break;
          }
          skipped += r;
        }
        return skipped;
      }

      private void count(long n) throws IOException {
        try {
          ReadBudget.this.read(n);
        } catch (BundleProblem problem) {
          throw problem.carried();
        }
      }
    };
  }
}
