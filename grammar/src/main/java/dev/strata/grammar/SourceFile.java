package dev.strata.grammar;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * The text of one input, as read, with the path it is reported under.
 *
 * <p>{@code path} is what diagnostics print (relative as the user gave it, or a pseudo name such as
 * {@code <range>} for a command-line argument). {@code text} is the exact content, decoded as UTF-8;
 * line breaks may be LF or CRLF.
 */
public record SourceFile(String path, String text) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Decodes a file's bytes as strict UTF-8: a malformed byte is an error, never a replacement
   * character.
   *
   * @param path what diagnostics print
   * @throws DiagnosticException E0207 at the first byte that is not UTF-8: its line (1 + the line
   *     feeds before it) and column (1 + the UTF-16 chars decoded before it on its line, as every
   *     other diagnostic counts), showing that line as far as it decodes
   */
  public static SourceFile decode(String path, byte[] bytes) throws DiagnosticException {
    // The JDK's decoder (one pass, no intermediate buffer) replaces a malformed sequence with
    // U+FFFD: without one in its output the bytes were valid UTF-8, and the text is the same.
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return new SourceFile(path, fast);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more UTF-16 chars than it has bytes, so the output cannot overflow.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    String text = out.flip().toString();
    if (result.isError()) {
      throw notUtf8(path, text, bytes, in.position());
    }
    return new SourceFile(path, text);
  }

  /** E0207 at the malformed byte at {@code offset}, {@code decoded} being the text before it. */
  private static DiagnosticException notUtf8(
      String path, String decoded, byte[] bytes, int offset) {
    int lineStart = decoded.lastIndexOf('\n') + 1;
    int line = (int) decoded.chars().filter(c -> c == '\n').count() + 1;
    Span span = new Span(line, decoded.length() - lineStart + 1, 1);
    String message = String.format(
        "not valid UTF-8: byte 0x%02X (at byte offset %d)", bytes[offset] & 0xff, offset);
    // a UTF-16 file starts with its byte-order mark: FF FE (little-endian) or FE FF
    boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    String from = utf16 ? "UTF-16" : "WINDOWS-1252";
    return new DiagnosticException(Diagnostic.error("E0207", message,
        new SourceFile(path, decoded), span,
        "help: save the file as UTF-8; "
            + (utf16 ? "it was written as UTF-16 (it starts with a UTF-16 byte-order mark)"
                : "if it was written as Windows-1252 or Latin-1")
            + ": iconv -f " + from + " -t UTF-8 '" + path + "' > '" + path + ".utf8' && mv '"
            + path + ".utf8' '" + path + "'"));
  }

  /** The lines of the text without their terminators ({@code \n}, {@code \r\n} or {@code \r}). */
  public List<String> lines() {
    return text.lines().toList();
  }

  /**
   * Line {@code n} (1-based) as diagnostics count lines, without its terminator, or {@code ""}
   * when {@code n} is past the end (a diagnostic at end of file). Lines end at {@code \n} only, as
   * the lexer counts them (a {@code \r} before it is dropped); a lone {@code \r} inside the line
   * is shown as U+240D (␍), one character for one, so that a column still points at its character
   * and the terminal does not jump back to the start of the line.
   */
  public String line(int n) {
    int[] starts = lineStarts(text);
    if (n < 1 || n > starts.length) {
      return "";
    }
    int start = starts[n - 1];
    int end = n < starts.length ? starts[n] - 1 : text.length();
    String line = text.substring(start, end);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    return line.replace('\r', '\u240D');
  }

  /**
   * Where each line of {@code text} starts (after each {@code \n}), computed once per text so that
   * thousands of diagnostics in one large file print in linear time. Weak keys: an entry lives as
   * long as its text.
   */
  private static int[] lineStarts(String text) {
    synchronized (LINE_STARTS) {
      return LINE_STARTS.computeIfAbsent(text, t -> {
        int count = 1;
        for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
          count++;
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
          starts[k++] = i + 1;
        }
        return starts;
      });
    }
  }

  private static final Map<String, int[]> LINE_STARTS = new WeakHashMap<>();

  /** The lowercase hex SHA-256 of the text's UTF-8 bytes, exactly as read (64 characters). */
  public String sha256() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
