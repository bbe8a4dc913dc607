package dev.strata.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code revision}, {@code revises} and {@code message} header lines of a revision file in a
 * bundle's {@code sources/}, read while it is hashed, as the revision-file parser reads them: the
 * {@code -- key: value} line comments (key case-insensitive, value trimmed of spaces and tabs)
 * before the first line that is neither blank nor a line comment; {@code revises: base} is no
 * parent. Only the first {@link #MAX_CHARS} characters of that area are read.
 *
 * @param revision the {@code revision} value, if given
 * @param revises the {@code revises} ids, if given
 * @param message the {@code message} value, if given
 * @param cut whether the header area was longer than what was read, or repeated a key
 */
record SourceHeader(
    Optional<String> revision, Optional<List<String>> revises, Optional<String> message,
    boolean cut) {
  /** The most header-area characters read (64 KiB). */
  static final int MAX_CHARS = 64 * 1024;

  private static final Pattern LINE =
      Pattern.compile("--[ \\t]*([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:(.*)");

  /** The characters kept, for the {@link ReadBudget}. */
  long chars() {
    return revision.map(String::length).orElse(0) + message.map(String::length).orElse(0)
        + revises.map(ids -> String.join(",", ids).length()).orElse(0);
  }

  /** Collects the header of one revision file as its bytes stream past. */
  static final class Scanner extends LineScanner {
    private String revision;
    private List<String> revises;
    private String message;
    private boolean cut;
    private long read;

    @Override
    boolean line(String raw) {
      String line = strip(raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw);
      read += raw.length() + 1;
      if (read > MAX_CHARS) {
        cut = true;
        return false;
      }
      if (!line.isEmpty() && !line.startsWith("--")) {
        return false;
      }
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        String value = m.group(2).replaceAll("^[ \\t]+|[ \\t]+$", "");
        switch (m.group(1).toLowerCase(Locale.ROOT)) {
          case "revision" -> revision = first(revision, value);
          case "revises" -> revises = first(revises, value.equalsIgnoreCase("base") ? List.of()
              : Arrays.stream(value.split(",", -1)).map(String::strip).toList());
          case "message" -> message = first(message, value);
          default -> { }
        }
      }
      return true;
    }

    private <T> T first(T earlier, T value) {
      cut |= earlier != null;
      return earlier != null ? earlier : value;
    }

    /** Leading spaces, tabs and a byte-order mark, as the parser skips before a comment. */
    private static String strip(String line) {
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'
          || line.charAt(i) == '\uFEFF')) {
        i++;
      }
      return line.substring(i);
    }

    /** The header read, once the file has been read and this scanner closed. */
    SourceHeader header() {
      return new SourceHeader(Optional.ofNullable(revision), Optional.ofNullable(revises),
          Optional.ofNullable(message), cut);
    }
  }
}
