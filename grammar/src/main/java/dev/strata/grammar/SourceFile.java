package dev.strata.grammar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

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

  /** The lines of the text without their terminators ({@code \n}, {@code \r\n} or {@code \r}). */
  public List<String> lines() {
    return text.lines().toList();
  }

  /**
   * Line {@code n} (1-based) without its terminator, or {@code ""} when {@code n} is past the end
   * (a diagnostic at end of file).
   */
  public String line(int n) {
    List<String> all = lines();
    return n >= 1 && n <= all.size() ? all.get(n - 1) : "";
  }

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
