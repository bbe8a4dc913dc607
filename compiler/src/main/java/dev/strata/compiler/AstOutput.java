package dev.strata.compiler;

import dev.strata.grammar.ast.PackedStatements;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The writing side of {@link AstCodec}'s encoding, for the generated {@link AstEncoder} and for
 * {@link AstCodec} itself: a growing byte buffer that writes flags (one byte, 0 or 1), unsigned
 * variable-length numbers (7 bits a byte, low first), zig-zag signed ones and UTF-8 strings
 * (length first), as {@link AstInput} reads them.
 */
final class AstOutput {
  /**
   * The encoding of {@code file} without its {@link RevisionFile#source()}, written by the
   * generated {@link AstEncoder}: the bytes {@link AstCodec} writes, without its reflection.
   */
  static byte[] encode(RevisionFile file) {
    AstOutput out = new AstOutput(1024);
    try {
      AstEncoder.revisionFile(file, out);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot encode " + file.source().path() + " for the cache", e);
    }
    return out.bytes();
  }

  /**
   * {@code file} with each section's statements kept encoded ({@link PackedStatements}, read back
   * by {@link AstInput#unpack}): equal to {@code file}, and several times smaller in memory.
   * What {@link VersionsLoader} keeps of a file it parsed; {@link #encode} then writes the packed
   * bytes as they are.
   */
  static RevisionFile packed(RevisionFile file) {
    return new RevisionFile(file.source(), file.header(), packed(file.upgrade()),
        file.downgrade().map(AstOutput::packed), file.todos());
  }

  private static Section packed(Section section) {
    if (section.statements() instanceof PackedStatements) {
      return section;
    }
    AstOutput out = new AstOutput(256 + 512 * section.statements().size());
    AstEncoder.statementList(section.statements(), out);
    return new Section(section.direction(),
        PackedStatements.of(out.bytes(), section.statements().size(), AstInput::unpack),
        section.span(), section.mark());
  }

  private byte[] buffer;
  private int size;

  AstOutput(int capacity) {
    buffer = new byte[capacity];
  }

  private void room(int n) {
    if (size + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
    }
  }

  /** One byte: 1 for true, 0 for false. */
  void flag(boolean value) {
    room(1);
    buffer[size++] = (byte) (value ? 1 : 0);
  }

  /** {@code value}'s 32 bits as an unsigned variable-length number. */
  void varint(int value) {
    varlong(value & 0xffffffffL);
  }

  /** {@code value} as an unsigned variable-length number. */
  void varlong(long value) {
    room(10);
    while ((value & ~0x7fL) != 0) {
      buffer[size++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    buffer[size++] = (byte) value;
  }

  /** A signed number, zig-zag encoded. */
  void signed(long value) {
    varlong((value << 1) ^ (value >> 63));
  }

  /** A {@code double} by its raw bits. */
  void doubleValue(double value) {
    varlong(Double.doubleToRawLongBits(value));
  }

  /** {@code value}'s UTF-8 bytes, their number first. */
  void string(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    varint(bytes.length);
    room(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  /** The remaining bytes of {@code bytes}, as they are. */
  void raw(ByteBuffer bytes) {
    int n = bytes.remaining();
    room(n);
    bytes.get(buffer, size, n);
    size += n;
  }

  /** What was written. */
  byte[] bytes() {
    return Arrays.copyOf(buffer, size);
  }
}
