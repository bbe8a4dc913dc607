package dev.strata.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads a {@code .zip} and refuses any layout that another reader could take otherwise (the
 * structures of PKWARE's APPNOTE.TXT, section 4.3): the end-of-central-directory record ends the
 * file (no comment, no trailing data, no zip64); the first local header is at byte 0 (no data
 * before it, which {@code unzip} skips with a warning); every entry's local header follows the
 * previous entry with no gap, in central-directory order, and agrees with its central-directory
 * record (name bytes, flags, method, CRC and sizes, or a data descriptor that holds them); no
 * extra fields (an Info-ZIP Unicode path field would rename the entry for some readers), no
 * encryption, stored or deflated only; and each entry's data has exactly the size and CRC-32 the
 * central directory gives ({@code unzip -t} checks both). The central directory is read with
 * Commons Compress's {@link ZipFile}, the records it does not expose here.
 */
final class ZipReader {
  private static final int LOCAL = 0x04034b50;
  private static final int DESCRIPTOR = 0x08074b50;
  private static final int END = 0x06054b50;
  private static final int END_SIZE = 22;
  /** Flag bits strata's zips may carry: deflate options (1, 2), data descriptor (3), UTF-8 (11). */
  private static final int ALLOWED_FLAGS = 0b1000_0000_1110;

  private final FileChannel channel;
  private final ReadBudget budget;

  private ZipReader(FileChannel channel, ReadBudget budget) {
    this.channel = channel;
    this.budget = budget;
  }

  /** Reads the {@code .zip} at {@code path} into {@code sink}. */
  static void read(Path path, ReadBudget budget, BundleReader.Sink sink)
      throws IOException, BundleProblem {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      ZipReader reader = new ZipReader(channel, budget);
      End end = reader.end();
      budget.keep(end.directorySize());
      try (ZipFile zip = open(path)) {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        if (entries.size() != end.entries()) {
          throw archive("the central directory holds " + entries.size() + " entries, its end"
              + " record says " + end.entries());
        }
        long next = 0;
        for (ZipArchiveEntry entry : entries) {
          next = reader.entry(zip, entry, next, sink);
        }
        if (next != end.directoryOffset()) {
          throw archive((end.directoryOffset() - next) + " bytes between the last entry and the"
              + " central directory, which no entry accounts for");
        }
      }
    }
  }

  /** The zip's central directory, read by Commons Compress (Unicode extra fields not used). */
  private static ZipFile open(Path path) throws BundleProblem {
    try {
      return ZipFile.builder().setPath(path).setUseUnicodeExtraFields(false).get();
    } catch (IOException e) {
      throw archive("the zip's central directory is damaged (" + e.getMessage() + ")");
    }
  }

  /** The end-of-central-directory record, read from the last 22 bytes of the file. */
  private record End(int entries, long directorySize, long directoryOffset) {}

  private End end() throws IOException, BundleProblem {
    long size = channel.size();
    ByteBuffer start = at(0, Math.min(size, 4));
    if (size < END_SIZE || start.remaining() < 4 || start.getInt(0) != LOCAL && start.getInt(0)
        != END) {
      if (size >= END_SIZE && at(size - END_SIZE, 4).getInt(0) == END) {
        throw archive("the zip has data before its first entry, which unzip skips with a warning");
      }
      throw archive("it is not a zip file, or one with data before its first entry");
    }
    ByteBuffer end = at(size - END_SIZE, END_SIZE);
    if (end.getInt(0) != END) {
      throw archive("the zip does not end with its end-of-central-directory record: a zip"
          + " comment or data after it, which strata never writes");
    }
    int entries = Short.toUnsignedInt(end.getShort(10));
    long directorySize = Integer.toUnsignedLong(end.getInt(12));
    long directoryOffset = Integer.toUnsignedLong(end.getInt(16));
    if (end.getShort(4) != 0 || end.getShort(6) != 0
        || Short.toUnsignedInt(end.getShort(8)) != entries) {
      throw archive("the zip claims to span several disks");
    }
    if (entries == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) {
      throw archive("the zip uses zip64 records, which strata never writes");
    }
    if (directoryOffset + directorySize != size - END_SIZE) {
      throw archive("the central directory (bytes " + directoryOffset + " to "
          + (directoryOffset + directorySize) + ") is not right before its end record (byte "
          + (size - END_SIZE) + ")");
    }
    return new End(entries, directorySize, directoryOffset);
  }

  /**
   * Checks one entry found at {@code offset} against its central-directory record and gives it
   * to the sink; returns where the next one must start.
   */
  private long entry(ZipFile zip, ZipArchiveEntry entry, long offset, BundleReader.Sink sink)
      throws IOException, BundleProblem {
    String name = name(entry);
    String where = "entry " + BundleProblem.quoted(name);
    if (entry.getLocalHeaderOffset() != offset) {
      throw archive(offset == 0
          ? "the zip has " + entry.getLocalHeaderOffset() + " bytes before its first entry, which"
              + " unzip skips with a warning"
          : where + " starts at byte " + entry.getLocalHeaderOffset() + ", not right after the"
              + " previous entry (byte " + offset + ")");
    }
    ByteBuffer local = at(offset, 30);
    if (local.remaining() < 30 || local.getInt(0) != LOCAL) {
      throw archive(where + " has no local header at byte " + offset);
    }
    int flags = Short.toUnsignedInt(local.getShort(6));
    int nameLength = Short.toUnsignedInt(local.getShort(26));
    int extraLength = Short.toUnsignedInt(local.getShort(28));
    byte[] localName = bytes(at(offset + 30, nameLength));
    checkRecord(entry, where, flags, Short.toUnsignedInt(local.getShort(8)), localName,
        extraLength);
    long data = offset + 30 + nameLength;
    long end = data + entry.getCompressedSize();
    boolean descriptor = (flags & 0b1000) != 0;
    checkSizes(entry, where, local.getInt(14), local.getInt(18), local.getInt(22), descriptor);
    if (descriptor) {
      ByteBuffer d = at(end, 16);
      if (d.remaining() < 16 || d.getInt(0) != DESCRIPTOR) {
        throw archive(where + " has no data descriptor after its data");
      }
      checkSizes(entry, where + " (data descriptor)", d.getInt(4), d.getInt(8), d.getInt(12),
          false);
      end += 16;
    }
    content(zip, entry, name, sink);
    return end;
  }

  /** The local header's flags, method, name and extra fields against the central directory's. */
  private static void checkRecord(ZipArchiveEntry entry, String where, int flags, int method,
      byte[] localName, int extraLength) throws BundleProblem {
    if (flags != entry.getRawFlag() || method != entry.getMethod()
        || !Arrays.equals(localName, entry.getRawName())) {
      throw archive(where + ": its local header and its central-directory record disagree on"
          + (!Arrays.equals(localName, entry.getRawName()) ? " the name (local: "
              + BundleProblem.quoted(new String(localName, StandardCharsets.UTF_8)) + ")"
              : flags != entry.getRawFlag() ? " the flags" : " the compression method"));
    }
    if ((flags & ~ALLOWED_FLAGS) != 0) {
      throw archive(where + " has flags " + Integer.toHexString(flags) + " (encryption or"
          + " other features strata never writes)");
    }
    if (method != ZipArchiveEntry.STORED && method != ZipArchiveEntry.DEFLATED) {
      throw archive(where + " uses compression method " + method + "; strata stores or deflates");
    }
    if (extraLength != 0 || entry.getCentralDirectoryExtra().length != 0
        || entry.getComment() != null && !entry.getComment().isEmpty()) {
      throw archive(where + " has extra fields or a comment, which strata never writes (an"
          + " Info-ZIP Unicode path field renames the entry for some readers)");
    }
  }

  /** CRC and sizes of a local header or data descriptor against the central directory's. */
  private static void checkSizes(ZipArchiveEntry entry, String where, int crc, int compressed,
      int size, boolean mayBeZero) throws BundleProblem {
    if (mayBeZero && crc == 0 && compressed == 0 && size == 0) {
      return;
    }
    if (Integer.toUnsignedLong(crc) != entry.getCrc()) {
      throw archive(where + " has CRC-32 " + hex(crc) + " but the central directory says "
          + hex((int) entry.getCrc()) + "; unzip -t fails on it");
    }
    if (Integer.toUnsignedLong(compressed) != entry.getCompressedSize()
        || Integer.toUnsignedLong(size) != entry.getSize()) {
      throw archive(where + ": its sizes differ from the central directory's");
    }
  }

  /** The entry's kind, checked; its data given to the sink, then its size and CRC checked. */
  private void content(ZipFile zip, ZipArchiveEntry entry, String name, BundleReader.Sink sink)
      throws IOException, BundleProblem {
    BundleReader.Kind kind = kind(entry, name);
    String where = "entry " + BundleProblem.quoted(name);
    if (entry.getMethod() == ZipArchiveEntry.STORED && entry.getCompressedSize() != entry.getSize()
        || kind == BundleReader.Kind.DIRECTORY && entry.getSize() != 0) {
      throw archive(where + " has inconsistent sizes");
    }
    budget.declare(name, entry.getSize());
    CRC32 crc = new CRC32();
    try (Checked in = new Checked(budget.counting(zip.getInputStream(entry)), entry.getSize(), crc,
        where)) {
      sink.accept(new BundleReader.RawEntry(name, kind, entry.getSize()), in);
      BundleReader.drain(in);
      if (in.read < entry.getSize()) {
        throw archive(where + " holds " + in.read + " bytes, not the " + entry.getSize()
            + " its central directory says");
      }
    }
    if (crc.getValue() != entry.getCrc()) {
      throw archive(where + " has CRC-32 " + hex((int) crc.getValue()) + " but its central"
          + " directory says " + hex((int) entry.getCrc()) + "; unzip -t fails on it");
    }
  }

  /**
   * A folder by its name's trailing {@code /}, as unzip decides; a symbolic link, or a Unix
   * file type that contradicts the name (a device, a folder without the slash), by its mode.
   */
  private static BundleReader.Kind kind(ZipArchiveEntry entry, String name) throws BundleProblem {
    boolean folder = name.endsWith("/");
    if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
      int mode = entry.getUnixMode();
      int type = mode & 0170000;
      if ((mode & 07000) != 0) {
        throw archive("entry " + BundleProblem.quoted(name) + " has mode "
            + Integer.toOctalString(mode) + "; a bundle entry has permission bits only");
      }
      if (type == 0120000) {
        return BundleReader.Kind.SYMLINK;
      }
      if (type == 0100000 && folder) {
        return BundleReader.Kind.FILE; // refused as a file whose name ends in '/' (unzip: a folder)
      }
      if (type == 040000 && !folder) {
        throw archive("entry " + BundleProblem.quoted(name) + " has a folder's mode but no '/'"
            + " at the end of its name; unzip decides by the name and extracts a file");
      }
      if (type != 0 && type != (folder ? 040000 : 0100000)) {
        return BundleReader.Kind.OTHER;
      }
      // unzip gives the extracted files these bits: one writable by everyone could be changed
      // between verify and the run that applies it
      int expected = folder ? BundleWriter.DIR_MODE : BundleWriter.FILE_MODE;
      if ((mode & 0777) != expected) {
        throw archive("entry " + BundleProblem.quoted(name) + " has permissions "
            + Integer.toOctalString(mode & 0777) + "; strata writes "
            + Integer.toOctalString(expected) + " for a " + (folder ? "folder" : "file")
            + ", and unzip keeps them");
      }
    }
    return folder ? BundleReader.Kind.DIRECTORY : BundleReader.Kind.FILE;
  }

  /** The central directory's name: strict UTF-8, marked as such when not ASCII (else CP437). */
  private static String name(ZipArchiveEntry entry) throws BundleProblem {
    byte[] raw = entry.getRawName();
    boolean ascii = true;
    for (byte b : raw) {
      ascii &= b >= 0;
    }
    if (!ascii && !entry.getGeneralPurposeBit().usesUTF8ForNames()) {
      throw new BundleProblem(BundleProblem.Kind.ENTRY, "entry " + BundleProblem.quoted(
          new String(raw, StandardCharsets.ISO_8859_1)) + " has a non-ASCII name not marked as"
          + " UTF-8, which unzip reads as CP437");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw new BundleProblem(BundleProblem.Kind.ENTRY, "entry " + BundleProblem.quoted(
          new String(raw, StandardCharsets.ISO_8859_1)) + " has a name that is not UTF-8");
    }
  }

  /** Up to {@code length} bytes at {@code position}, little-endian. */
  private ByteBuffer at(long position, long length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
      // read until full or the end of the file
    }
    return buffer.flip();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static String hex(int crc) {
    return String.format("%08x", crc);
  }

  private static BundleProblem archive(String message) {
    return new BundleProblem(BundleProblem.Kind.ARCHIVE, message);
  }

  /**
   * An entry's inflated data: at most its declared size (one byte more is a problem, so a deflate
   * bomb is never inflated further), its CRC-32 computed on the way, and the inflater's failures
   * turned into {@link BundleProblem.Kind#ARCHIVE} problems.
   */
  private static final class Checked extends FilterInputStream {
    private final long size;
    private final CRC32 crc;
    private final String where;
    private long read;

    Checked(InputStream in, long size, CRC32 crc, String where) {
      super(in);
      this.size = size;
      this.crc = crc;
      this.where = where;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(buffer, off, (int) Math.min(len, size - read + 1));
      } catch (BundleProblem.Carried e) {
        throw e;
      } catch (IOException e) {
        throw archive(where + " has damaged compressed data (" + e.getMessage() + ")").carried();
      }
      if (n > 0) {
        read += n;
        if (read > size) {
          throw archive(where + " holds more than the " + size + " bytes its central directory"
              + " says").carried();
        }
        crc.update(buffer, off, n);
      }
      return n;
    }
  }
}
