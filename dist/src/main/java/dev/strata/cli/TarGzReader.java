package dev.strata.cli;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a {@code .tar.gz} block by block, as GNU tar does, and refuses what tar could read
 * otherwise than this reader: it decompresses every gzip member (a second member is more tar for
 * {@code tar xzf}), and it accepts only what {@code strata bundle} writes, so that each header
 * means one thing to every reader. A header must have a valid checksum, the POSIX {@code ustar}
 * magic and version {@code 00}, numeric fields in octal, no set-id or sticky mode bit, and a type
 * that is a file, a folder, a pax header that sets only {@code path} (or a link or device, passed
 * on for the sink to refuse). Padding is zeros; the archive ends with two zero blocks followed by
 * at most one record ({@value #RECORD} bytes) of zeros and nothing else, and the gzip stream ends
 * there. Header fields are parsed by {@link TarHeader}.
 */
final class TarGzReader {
  /** The tar block size. */
  static final int BLOCK = 512;
  /** GNU tar's default record size: the zero padding allowed after the end-of-archive blocks. */
  static final int RECORD = 10240;

  private final InputStream in;
  private final ReadBudget budget;
  private long offset;

  private TarGzReader(InputStream in, ReadBudget budget) {
    this.in = in;
    this.budget = budget;
  }

  /** Reads the {@code .tar.gz} at {@code path} into {@code sink}. */
  static void read(Path path, ReadBudget budget, BundleReader.Sink sink)
      throws IOException, BundleProblem {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(path));
        InputStream gzip = gunzip(file)) {
      new TarGzReader(budget.counting(gzip), budget).entries(sink);
    }
  }

  /** Every gzip member, one after the other, as {@code gzip -d} gives them to tar. */
  private static InputStream gunzip(InputStream file) throws BundleProblem {
    try {
      return new GzipProblems(
          GzipCompressorInputStream.builder().setInputStream(file).setDecompressConcatenated(true)
              .get());
    } catch (IOException e) {
      throw gzipProblem(e);
    }
  }

  private void entries(BundleReader.Sink sink) throws IOException, BundleProblem {
    String paxPath = null;
    for (byte[] block = block(); ; block = block()) {
      if (block == null) {
        throw archive("the tar archive ends without its two end-of-archive blocks (it is"
            + " truncated)");
      }
      if (isZero(block)) {
        if (paxPath != null) {
          throw archive("the tar archive ends right after a pax header, with no entry for it");
        }
        end();
        return;
      }
      TarHeader header = TarHeader.parse(block, offset - BLOCK);
      budget.declare(header.name(), header.size());
      if (header.type() == TarHeader.Type.PAX) {
        if (paxPath != null) {
          throw archive("two pax headers in a row at byte " + (offset - BLOCK));
        }
        long at = offset - BLOCK;
        paxPath = TarHeader.paxPath(content(header.size()), at);
        continue;
      }
      String name = paxPath != null ? paxPath : header.name();
      paxPath = null;
      data(new BundleReader.RawEntry(name, header.kind(), header.size()), sink);
    }
  }

  /** Gives the entry's data to the sink, reads what it left, and checks the padding. */
  private void data(BundleReader.RawEntry entry, BundleReader.Sink sink)
      throws IOException, BundleProblem {
    Bounded content = new Bounded(in, entry.size());
    sink.accept(entry, content);
    content.drain();
    offset += entry.size();
    int padding = (int) ((BLOCK - entry.size() % BLOCK) % BLOCK);
    byte[] pad = readFully(padding);
    if (pad == null) {
      throw archive("the tar archive is truncated inside entry "
          + BundleProblem.quoted(entry.name()));
    }
    if (!isZero(pad)) {
      throw archive("the padding after entry " + BundleProblem.quoted(entry.name())
          + " is not zeros");
    }
  }

  /** The {@code size} bytes of a pax header's content ({@link TarHeader} capped its size). */
  private byte[] content(long size) throws IOException, BundleProblem {
    byte[] bytes = readFully((int) size);
    byte[] pad = readFully((int) ((BLOCK - size % BLOCK) % BLOCK));
    if (bytes == null || pad == null) {
      throw archive("the tar archive is truncated inside a pax header");
    }
    return bytes;
  }

  /**
   * After the first zero block: a second one, then at most a record of zeros, then the end of the
   * gzip stream. GNU tar stops at the first zero blocks, so anything after them would be a second
   * archive that no one checked.
   */
  private void end() throws IOException, BundleProblem {
    byte[] second = block();
    if (second == null) {
      throw archive("the tar archive ends after one end-of-archive block (it is truncated)");
    }
    if (!isZero(second)) {
      throw archive("a lone zero block at byte " + (offset - 2 * BLOCK) + " is followed by more"
          + " tar data, which tar does not extract");
    }
    long end = offset;
    byte[] rest = new byte[BLOCK];
    for (int n = in.read(rest); n >= 0; n = in.read(rest)) {
      offset += n;
      if (!isZero(Arrays.copyOf(rest, n)) || offset - end > RECORD) {
        throw archive("data after the end of the tar archive (byte " + end + "), which tar does"
            + " not extract");
      }
    }
  }

  /** The next block, or null at the end of the stream; a partial block is a truncation. */
  private byte[] block() throws IOException, BundleProblem {
    return readFully(BLOCK);
  }

  /** Exactly {@code n} bytes, or null when the stream ends first. */
  private byte[] readFully(int n) throws IOException, BundleProblem {
    byte[] bytes = in.readNBytes(n);
    offset += bytes.length;
    if (bytes.length == 0 && n > 0) {
      return null;
    }
    if (bytes.length < n) {
      throw archive("the tar archive is truncated at byte " + offset);
    }
    return bytes;
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static BundleProblem archive(String message) {
    return new BundleProblem(BundleProblem.Kind.ARCHIVE, message);
  }

  /** An entry's content: exactly {@code size} bytes of the tar stream. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long size) {
      this.in = in;
      this.left = size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = in.read(buffer, off, (int) Math.min(len, left));
      if (n < 0) {
        throw archive("the tar archive is truncated inside an entry").carried();
      }
      left -= n;
      return n;
    }

    /** Reads what the sink left: at most the entry's size, through one small buffer. */
    void drain() throws IOException {
      byte[] sink = new byte[(int) Math.min(left, 8192)];
      while (left > 0) {
        read(sink, 0, sink.length);
      }
    }
  }

  /** What a failure of the gzip layer means. */
  private static BundleProblem gzipProblem(IOException e) {
    String reason = String.valueOf(e.getMessage());
    return archive(e instanceof EOFException ? "the gzip stream is truncated"
        : reason.startsWith("Unexpected data after a valid .gz stream")
            ? "data after the end of the gzip stream, which gzip ignores with a warning"
        : reason.startsWith("Input is not in the .gz format") ? "it is not a gzip file"
        : "the gzip stream is damaged (" + reason.replaceAll("\\.$", "") + ")");
  }

  /** The decompressed stream, its failures turned into {@link BundleProblem.Kind#ARCHIVE}. */
  private static final class GzipProblems extends FilterInputStream {
    GzipProblems(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (BundleProblem.Carried e) {
        throw e;
      } catch (IOException e) {
        throw gzipProblem(e).carried();
      }
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      try {
        return super.read(buffer, off, len);
      } catch (BundleProblem.Carried e) {
        throw e;
      } catch (IOException e) {
        throw gzipProblem(e).carried();
      }
    }
  }
}
