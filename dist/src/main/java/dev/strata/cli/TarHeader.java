package dev.strata.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * One POSIX ustar header block, parsed strictly (the fields as in POSIX.1-2001 {@code pax}, "ustar
 * Interchange Format"): the checksum must hold ({@link TarUtils#verifyCheckSum}, which accepts the
 * signed and unsigned sums, as GNU tar does), the magic must be {@code ustar\0} with version {@code
 * 00} (GNU tar reads another magic as an old v7 header and ignores the {@code prefix} field, which
 * names another file), and the numeric fields octal digits only, as {@code strata bundle} writes
 * them. Anything else is a {@link BundleProblem.Kind#ARCHIVE} problem: GNU tar skips such a header
 * (and the file it starts) or reads it otherwise.
 *
 * @param name {@code prefix/name}, decoded as UTF-8
 * @param type the type flag
 * @param size the size field, in bytes
 */
record TarHeader(String name, Type type, long size) {
  /** The largest pax header read: far more than the one {@code path} record strata writes. */
  static final int MAX_PAX = 64 * 1024;

  /** The POSIX magic {@code ustar\0} and version {@code 00}, at byte 257 of a header. */
  private static final byte[] MAGIC = ("ustar\0" + "00").getBytes(StandardCharsets.US_ASCII);

  /** The type flags: the ones strata writes, and those a sink must see to refuse them. */
  enum Type {
    FILE('0', BundleReader.Kind.FILE),
    DIRECTORY('5', BundleReader.Kind.DIRECTORY),
    PAX('x', BundleReader.Kind.OTHER),
    HARDLINK('1', BundleReader.Kind.HARDLINK),
    SYMLINK('2', BundleReader.Kind.SYMLINK),
    CHARACTER_DEVICE('3', BundleReader.Kind.OTHER),
    BLOCK_DEVICE('4', BundleReader.Kind.OTHER),
    FIFO('6', BundleReader.Kind.OTHER);

    private final char flag;
    private final BundleReader.Kind kind;

    Type(char flag, BundleReader.Kind kind) {
      this.flag = flag;
      this.kind = kind;
    }
  }

  /** What the entry is, for the sink. */
  BundleReader.Kind kind() {
    return type.kind;
  }

  /**
   * Parses {@code block}, found at byte {@code at} of the tar stream.
   *
   * @throws BundleProblem when any field is not as strata writes it
   */
  static TarHeader parse(byte[] block, long at) throws BundleProblem {
    if (!checksumHolds(block)) {
      throw archive("the tar header at byte " + at + " has a bad checksum; tar skips it and the"
          + " entry it starts");
    }
    String name = name(block, at);
    // built only for a message: a bomb of tiny entries must not pay for it on every header
    Supplier<String> where = () -> "the tar header of " + BundleProblem.quoted(name) + " at byte "
        + at;
    if (!Arrays.equals(block, 257, 265, MAGIC, 0, MAGIC.length)) {
      throw archive(where.get() + " has no POSIX 'ustar' magic and version '00'");
    }
    long mode = octal(block, 100, 8, where, "mode");
    long uid = octal(block, 108, 8, where, "uid");
    long gid = octal(block, 116, 8, where, "gid");
    long size = octal(block, 124, 12, where, "size");
    octal(block, 136, 12, where, "mtime");
    Type type = type(block[156], where);
    checkMode(mode, type, where);
    if (type == Type.FILE || type == Type.DIRECTORY) {
      checkPermissions(mode & 0777, type, where);
      checkOwner(uid, gid, field(block, 265, 32), field(block, 297, 32), where);
    }
    if (type != Type.FILE && type != Type.PAX && size != 0) {
      throw archive(where.get() + " gives a size of " + size + " bytes to an entry that has no"
          + " content");
    }
    if (type == Type.PAX && size > MAX_PAX) {
      throw archive(where.get() + " is a pax header of " + size + " bytes; strata writes only a"
          + " path");
    }
    return new TarHeader(name, type, size);
  }

  private static boolean checksumHolds(byte[] block) {
    try {
      return TarUtils.verifyCheckSum(block);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code prefix/name} (POSIX: the prefix, when not empty, then a slash, then the name). */
  private static String name(byte[] block, long at) throws BundleProblem {
    String name = utf8(field(block, 0, 100), () -> "the tar header at byte " + at + " has a name");
    String prefix =
        utf8(field(block, 345, 155), () -> "the tar header at byte " + at + " has a prefix");
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** A text field up to its first NUL, as tar reads it. */
  private static byte[] field(byte[] block, int offset, int length) {
    int end = offset;
    while (end < offset + length && block[end] != 0) {
      end++;
    }
    return Arrays.copyOfRange(block, offset, end);
  }

  /**
   * A numeric field: optional leading spaces, octal digits, then only NULs and spaces, as strata
   * (and GNU tar) write it. GNU tar refuses a header whose field is not a number.
   */
  private static long octal(
      byte[] block, int offset, int length, Supplier<String> where, String field)
      throws BundleProblem {
    int i = offset;
    int end = offset + length;
    while (i < end && block[i] == ' ') {
      i++;
    }
    long value = 0;
    int digits = 0;
    for (; i < end && block[i] >= '0' && block[i] <= '7'; i++, digits++) {
      value = value * 8 + (block[i] - '0');
    }
    for (; i < end; i++) {
      if (block[i] != 0 && block[i] != ' ') {
        digits = 0;
        break;
      }
    }
    if (digits == 0 || digits > 11) {
      throw archive(where.get() + " has a bad " + field + " field (not octal digits)");
    }
    return value;
  }

  private static Type type(byte flag, Supplier<String> where) throws BundleProblem {
    for (Type type : Type.values()) {
      if (type.flag == flag) {
        return type;
      }
    }
    throw archive(where.get() + " has type flag " + BundleProblem.quoted(String.valueOf((char) (flag
        & 0xff))) + ", which strata does not write (GNU tar extracts an unknown type as a file)");
  }

  /**
   * Permission bits only, or with the file-type bits of its type (as Commons Compress writes,
   * a regular file's for a pax header):
   * no set-user-id, set-group-id or sticky bit, which {@code tar -p} would restore.
   */
  private static void checkMode(long mode, Type type, Supplier<String> where)
      throws BundleProblem {
    long kind = mode & ~07777L;
    boolean kindOk = switch (type) {
      case FILE, PAX -> kind == 0 || kind == 0100000;
      case DIRECTORY -> kind == 0 || kind == 040000;
      // refused by the sink as links or devices, whatever their mode says
      case HARDLINK, SYMLINK, CHARACTER_DEVICE, BLOCK_DEVICE, FIFO -> true;
    };
    if ((mode & 07000) != 0 || !kindOk) {
      throw archive(where.get() + " has mode " + Long.toOctalString(mode) + "; a bundle entry has"
          + " permission bits only");
    }
  }

  /**
   * The permission bits strata writes, 0644 for a file and 0755 for a folder: {@code tar -p}, and
   * {@code tar} run as root, gives the extracted files the archive's bits, so a file made writable
   * by everyone could be changed between {@code verify} and the run that applies it.
   */
  private static void checkPermissions(long permissions, Type type, Supplier<String> where)
      throws BundleProblem {
    long expected = type == Type.DIRECTORY ? BundleWriter.DIR_MODE : BundleWriter.FILE_MODE;
    if (permissions != expected) {
      throw archive(where.get() + " has permissions " + Long.toOctalString(permissions)
          + "; strata writes " + Long.toOctalString(expected) + " for a "
          + (type == Type.DIRECTORY ? "folder" : "file") + ", and tar run as root keeps them");
    }
  }

  /**
   * The owner strata writes, 0:0 with empty user and group names: {@code tar} run as root gives
   * the extracted files the archive's owner (by name first), who could then change them.
   */
  private static void checkOwner(long uid, long gid, byte[] user, byte[] group,
      Supplier<String> where) throws BundleProblem {
    if (uid != 0 || gid != 0 || user.length != 0 || group.length != 0) {
      throw archive(where.get() + " has owner " + uid + ":" + gid + " ("
          + BundleProblem.quoted(new String(user, StandardCharsets.ISO_8859_1)) + ", "
          + BundleProblem.quoted(new String(group, StandardCharsets.ISO_8859_1)) + "); strata"
          + " writes 0:0 with no names, and tar run as root gives the files that owner");
    }
  }

  /**
   * The path a pax extended header sets: its records ({@code "<length> <key>=<value>\n"}, the
   * length counting the whole record) must be exactly one, {@code path}, as strata writes.
   */
  static String paxPath(byte[] content, long at) throws BundleProblem {
    String where = "the pax header at byte " + at;
    int space = indexOf(content, (byte) ' ');
    int length;
    try {
      length = space > 0 && space <= 6 ? Integer.parseInt(utf8(Arrays.copyOf(content, space),
          () -> where + " has a length")) : -1;
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length != content.length || content[content.length - 1] != '\n') {
      throw archive(where + " is not one '<length> path=<name>' record");
    }
    String record = utf8(Arrays.copyOfRange(content, space + 1, content.length - 1),
        () -> where + " has a record");
    if (!record.startsWith("path=")) {
      throw archive(where + " sets " + BundleProblem.quoted(record.split("=", 2)[0])
          + "; strata writes pax headers that set only 'path'");
    }
    return record.substring("path=".length());
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** {@code bytes} as strict UTF-8. */
  private static String utf8(byte[] bytes, Supplier<String> what) throws BundleProblem {
    boolean ascii = true;
    for (byte b : bytes) {
      ascii &= b >= 0;
    }
    if (ascii) {
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BundleProblem(BundleProblem.Kind.ENTRY, what.get() + " that is not UTF-8");
    }
  }

  private static BundleProblem archive(String message) {
    return new BundleProblem(BundleProblem.Kind.ARCHIVE, message);
  }
}
