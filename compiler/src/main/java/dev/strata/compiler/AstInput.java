package dev.strata.compiler;

import dev.strata.grammar.SourceFile;
import dev.strata.grammar.ast.PackedStatements;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import dev.strata.grammar.ast.Statement;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The reading side of {@link AstCodec}'s encoding, for the generated {@link AstDecoder}: a cursor
 * over a slice of bytes where reading past the end, a bad flag or an out-of-range number is
 * {@link Damaged}, never a crash or an allocation larger than the slice.
 */
final class AstInput {
  /** An entry that does not decode: the cache is damaged or foreign. */
  static final class Damaged extends Exception {
    Damaged(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Decodes {@code length} bytes of {@code data} from {@code offset} (all of them, or it is
   * damaged) into the tree of {@code source}, through the records' canonical constructors.
   *
   * @throws Damaged when the bytes are not one encoded tree, or a constructor refuses them
   */
  static RevisionFile decode(SourceFile source, byte[] data, int offset, int length)
      throws Damaged {
    AstInput in = new AstInput(data, offset, offset + length);
    RevisionFile file;
    try {
      file = AstDecoder.revisionFile(source, in);
    } catch (RuntimeException | StackOverflowError e) {
      // IllegalArgumentException, NullPointerException from a constructor's own checks
      throw new Damaged("entry does not decode: " + e);
    }
    if (!in.atEnd()) {
      throw new Damaged("entry has trailing bytes");
    }
    return file;
  }

  private final byte[] data;
  private int position;
  private final int end;

  AstInput(byte[] data, int position, int end) {
    this.data = data;
    this.position = position;
    this.end = end;
  }

  /**
   * {@code statements}, just read from {@code start} up to here, kept as those bytes: the
   * {@link PackedStatements} a decoded {@link Section} holds.
   */
  List<Statement> pack(int start, List<Statement> statements) {
    return PackedStatements.of(
        Arrays.copyOfRange(data, start, position), statements.size(), AstInput::unpack);
  }

  /**
   * The statements of a {@link PackedStatements}'s bytes, which {@link AstEncoder} wrote.
   *
   * @throws IllegalStateException when they do not decode (they always do: strata wrote them)
   */
  static List<Statement> unpack(byte[] bytes) {
    AstInput in = new AstInput(bytes, 0, bytes.length);
    try {
      List<Statement> statements = AstDecoder.statementList(in);
      if (!in.atEnd()) {
        throw new Damaged("trailing bytes");
      }
      return statements;
    } catch (Damaged | RuntimeException e) {
      throw new IllegalStateException("packed statements do not decode: " + e, e);
    }
  }

  /** Where the next read starts, an offset into the data. */
  int position() {
    return position;
  }

  /** Whether every byte of the slice was read. */
  boolean atEnd() {
    return position == end;
  }

  private byte next() throws Damaged {
    if (position >= end) {
      throw new Damaged("entry ends early");
    }
    return data[position++];
  }

  boolean flag() throws Damaged {
    return switch (next()) {
      case 0 -> false;
      case 1 -> true;
      default -> throw new Damaged("bad flag");
    };
  }

  /** A count or an index: non-negative. */
  int count() throws Damaged {
    long value = varlong();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new Damaged("count out of range");
    }
    return (int) value;
  }

  /** A list's size: no more than the bytes left, each element taking at least one. */
  int size() throws Damaged {
    int size = count();
    if (size > end - position) {
      throw new Damaged("list longer than the entry");
    }
    return size;
  }

  int intValue() throws Damaged {
    long value = longValue();
    if (value != (int) value) {
      throw new Damaged("int out of range");
    }
    return (int) value;
  }

  long longValue() throws Damaged {
    long value = varlong();
    return (value >>> 1) ^ -(value & 1);
  }

  double doubleValue() throws Damaged {
    return Double.longBitsToDouble(varlong());
  }

  private long varlong() throws Damaged {
    long value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      byte b = next();
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new Damaged("variable-length number too long");
  }

  String string() throws Damaged {
    int length = count();
    if (length > end - position) {
      throw new Damaged("string longer than the entry");
    }
    String value = Strings.of(data, position, length);
    position += length;
    return value;
  }

  /**
   * The strings decoded, shared: the same short ASCII name read twice (a column's name, a type,
   * {@code public}) is one {@code String}, so that a schema model of 100,000 tables, replayed from
   * decoded statements, does not hold a copy of {@code id} per table, and decoding allocates less.
   * A direct-mapped table of {@value #SLOTS} slots, each the last string that hashed there:
   * lock-free, its races benign (a {@code String} is immutable and safely published through its
   * final fields; a lost write only costs a miss).
   */
  static final class Strings {
    private static final int SLOTS = 1 << 14;
    private static final int LONGEST = 48;
    private static final String[] TABLE = new String[SLOTS];

    private Strings() {}

    /** The UTF-8 string of {@code length} bytes of {@code data} from {@code offset}. */
    static String of(byte[] data, int offset, int length) {
      if (length > LONGEST) {
        return new String(data, offset, length, StandardCharsets.UTF_8);
      }
      int hash = 0;
      for (int i = offset; i < offset + length; i++) {
        byte b = data[i];
        if (b < 0) { // not ASCII: not shared
          return new String(data, offset, length, StandardCharsets.UTF_8);
        }
        hash = 31 * hash + b;
      }
      int slot = (hash ^ (hash >>> 14)) & (SLOTS - 1);
      String seen = TABLE[slot];
      if (seen != null && sameAscii(seen, data, offset, length)) {
        return seen;
      }
      String value = new String(data, offset, length, StandardCharsets.US_ASCII);
      TABLE[slot] = value;
      return value;
    }

    private static boolean sameAscii(String s, byte[] data, int offset, int length) {
      if (s.length() != length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (s.charAt(i) != data[offset + i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code items} as an unmodifiable list (the elements are never null). */
  @SuppressWarnings("unchecked")
  static <T> List<T> list(Object[] items) {
    return (List<T>) List.of(items);
  }

  static Damaged noCase(int index, String type) {
    return new Damaged("no case " + index + " of " + type);
  }
}
