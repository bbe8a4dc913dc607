package dev.strata.cli.fuzz;

import java.util.List;
import java.util.random.RandomGenerator;

/** Mutations below the language: bits, truncation, NUL, invalid UTF-8, odd line separators. */
final class RawMutations {
  /** Invalid UTF-8: stray bytes, truncated sequences, an overlong form, a surrogate, > U+10FFFF. */
  private static final List<byte[]> INVALID_UTF8 = List.of(
      new byte[] {(byte) 0xFF},
      new byte[] {(byte) 0x80},
      new byte[] {(byte) 0xC3},
      new byte[] {(byte) 0xE2, (byte) 0x82},
      new byte[] {(byte) 0xC0, (byte) 0xAF},
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

  /** Characters some readers take for line breaks, and other invisible ones. */
  private static final List<Integer> ODD_CHARACTERS =
      List.of(0x85, 0x2028, 0x2029, 0x0B, 0x0C, 0x0D, 0xA0, 0xFEFF, 0x200B, 0x1C, 0x1E);

  private RawMutations() {}

  /** Flips one random bit in each of 1 to 4 random bytes. */
  static Edit flip(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    if (bytes.length == 0) {
      return new Edit(bytes, "nothing to flip in an empty file");
    }
    byte[] out = bytes.clone();
    StringBuilder what = new StringBuilder("flipped bits at");
    int count = 1 + rnd.nextInt(4);
    for (int i = 0; i < count; i++) {
      int at = rnd.nextInt(out.length);
      int bit = rnd.nextInt(8);
      out[at] ^= (byte) (1 << bit);
      what.append(" line ").append(Bytes.lineOf(bytes, at)).append(" (byte ").append(at)
          .append(" bit ").append(bit).append(')');
    }
    return new Edit(out, what.toString());
  }

  /** Cuts the file at a random byte (possibly inside a UTF-8 sequence), a line end, or to zero. */
  static Edit truncate(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    int at = switch (rnd.nextInt(4)) {
      case 0 -> 0;
      case 1 -> Math.max(0, bytes.length - 1 - rnd.nextInt(Math.max(1, bytes.length / 4)));
      default -> rnd.nextInt(bytes.length + 1);
    };
    return new Edit(Bytes.slice(bytes, 0, at),
        "truncated to " + at + " bytes (line " + Bytes.lineOf(bytes, at) + ")");
  }

  /** Inserts or overwrites a NUL byte, in the header or anywhere. */
  static Edit nul(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(bytes.length, 80) + 1)
        : rnd.nextInt(bytes.length + 1);
    if (rnd.nextBoolean() && at < bytes.length) {
      byte[] out = bytes.clone();
      out[at] = 0;
      return new Edit(out, "overwrote byte " + at + " (line " + Bytes.lineOf(bytes, at)
          + ") with NUL");
    }
    return Edit.insertAt(bytes, at, new byte[] {0}, "NUL");
  }

  /** Inserts an invalid UTF-8 sequence anywhere (also inside an existing character). */
  static Edit invalidUtf8(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    byte[] sequence = Bytes.pick(rnd, INVALID_UTF8);
    int at = rnd.nextInt(bytes.length + 1);
    return Edit.insertAt(bytes, at, sequence,
        "invalid UTF-8 " + java.util.HexFormat.ofDelimiter(" ").formatHex(sequence));
  }

  /**
   * Inserts U+0085, U+2028, U+2029 or another odd character: in a header line, at the end of a
   * directive line, or in a statement.
   */
  static Edit oddCharacter(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    int c = Bytes.pick(rnd, ODD_CHARACTERS);
    List<byte[]> lines = Bytes.lines(bytes);
    List<Integer> comments = Bytes.linesWhere(lines, l -> l.startsWith("-- "));
    int at;
    if (rnd.nextInt(3) < 2 && !comments.isEmpty()) {
      int index = Bytes.pick(rnd, comments);
      byte[] line = lines.get(index);
      int body = line[line.length - 1] == '\n' ? line.length - 1 : line.length;
      int within = rnd.nextBoolean() ? body : 3 + rnd.nextInt(Math.max(1, body - 2));
      at = Bytes.offsetOfLine(lines, index) + Math.min(within, body);
    } else {
      at = Bytes.statementOffset(bytes, rnd);
    }
    return Edit.insertAt(bytes, at, Bytes.utf8(Character.toString(c)),
        String.format("U+%04X", c));
  }
}
