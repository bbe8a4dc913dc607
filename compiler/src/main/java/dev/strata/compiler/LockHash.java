package dev.strata.compiler;

import dev.strata.grammar.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The hashes of {@code strata.sum} ({@code docs/lock-file.md}): the SHA-256 of a revision file's
 * normalised text, the chain links, and their {@code h1:} base64 spelling.
 */
final class LockHash {
  /** {@code h_0}, the hash before the first file: 32 zero bytes. */
  static final byte[] START = new byte[32];

  private LockHash() {}

  /**
   * The text a revision file is hashed as: CRLF and lone CR become LF, and the spaces and tabs
   * at the end of every line (and at the end of the text) are removed.
   */
  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int blanks = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        blanks++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        out.append('\n');
      } else {
        out.append(text, i - blanks, i).append(c);
      }
      blanks = 0;
    }
    return out.toString();
  }

  /** The SHA-256 of each file's normalised text; in parallel, as files are independent. */
  static List<byte[]> contents(List<SourceFile> files) {
    return files.parallelStream()
        .map(f -> sha256(normalize(f.text()).getBytes(StandardCharsets.UTF_8)))
        .toList();
  }

  /** One chain link: SHA-256 of the previous hash, the file name, a 0 byte, the content hash. */
  static byte[] link(byte[] previous, String name, byte[] content) {
    MessageDigest digest = digest();
    digest.update(previous);
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(content);
    return digest.digest();
  }

  static byte[] sha256(byte[] bytes) {
    return digest().digest(bytes);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  static String encode(byte[] hash) {
    return "h1:" + Base64.getEncoder().encodeToString(hash);
  }

  static byte[] decode(String hash) {
    return Base64.getDecoder().decode(hash.substring(3));
  }

  /** The first line of {@code strata.sum} for the text of the lines below it (each with LF). */
  static String total(String lines) {
    return encode(sha256(lines.getBytes(StandardCharsets.UTF_8)));
  }
}
