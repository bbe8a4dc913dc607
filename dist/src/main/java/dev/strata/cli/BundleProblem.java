package dev.strata.cli;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The first thing {@code strata verify} found wrong with a bundle, in the words it prints (e.g.
 * {@code checksum mismatch for 'upgrade.sql': ...}), and what kind of wrong it is, which gives the
 * diagnostic code and its help. The messages are listed in {@code docs/bundle-format.md}.
 */
final class BundleProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of problem, with its diagnostic code and the advice printed with it. */
  enum Kind {
    /** A file's bytes differ from its checksum, or a file is missing or unlisted. */
    DAMAGED("E0510", "the bundle was changed or damaged after it was made; do not apply it"),
    /** The path holds no MANIFEST.json at all: it is not a bundle. */
    NOT_A_BUNDLE("E0527", "strata verify takes what strata bundle wrote: a .tar.gz, a .zip, the"
        + " folder 'strata bundle -o DIR' wrote, or the strata-.../ folder inside it"),
    /** The archive itself is malformed, so tar or unzip could read it otherwise than verify. */
    ARCHIVE("E0528", "tar or unzip would read this archive differently, or not at all; do not"
        + " extract or apply it, and get the bundle again from where it was released"),
    /** An entry that extracting would write outside the folder, twice, or as a link or device. */
    ENTRY("E0529", "extracting it could write other files than the ones verified, or outside the"
        + " bundle's folder; do not extract or apply it"),
    /** More bytes, entries or text than any strata bundle holds (a decompression bomb). */
    TOO_LARGE("E0533", "no strata bundle is that large; it may be a decompression bomb: do not"
        + " extract it"),
    /** MANIFEST.json is not a manifest strata writes: bad JSON, duplicate key, wrong type. */
    MANIFEST("E0534", "MANIFEST.json was changed or damaged after the bundle was made; do not"
        + " apply it"),
    /** MANIFEST.json describes other scripts or steps than the bundle holds. */
    DISAGREES("E0535", "MANIFEST.json does not describe the scripts it lists: it was changed after"
        + " the bundle was made; do not apply it");

    private final String code;
    private final String help;

    Kind(String code, String help) {
      this.code = code;
      this.help = help;
    }

    /** The diagnostic code, e.g. {@code E0528}. */
    String code() {
      return code;
    }

    /** The advice, without the {@code help: } prefix. */
    String help() {
      return help;
    }
  }

  /**
   * Where in one of the bundle's files the problem is.
   *
   * @param file the path relative to the top folder, e.g. {@code MANIFEST.json}
   * @param line 1-based
   * @param column 1-based, in characters
   * @param text that line, its control characters replaced by U+FFFD (one for one)
   */
  record Position(String file, int line, int column, String text) {}

  private final Kind kind;
  private final transient Position position;

  BundleProblem(Kind kind, String message) {
    this(kind, message, null);
  }

  BundleProblem(Kind kind, String message, Position position) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.position = position;
  }

  /** Where the problem is, when it is at a place in a file. */
  Optional<Position> position() {
    return Optional.ofNullable(position);
  }

  /**
   * {@code name} in single quotes, as messages print names read from a bundle: control
   * characters, backslashes, quotes and other invisible or line-breaking characters escaped (a
   * backslash, {@code x} and two hex digits below U+0080, else {@code u} and four hex digits), so
   * that a hostile name cannot write to the terminal or hide what it is.
   */
  static String quoted(String name) {
    StringBuilder out = new StringBuilder(name.length() + 2).append('\'');
    name.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f || c == '\\' || c == '\'') {
        out.append(String.format("\\x%02x", c));
      } else if (Character.isISOControl(c) || !Character.isDefined(c) || Character.getType(c)
          == Character.FORMAT || Character.getType(c) == Character.SURROGATE
          || Character.isWhitespace(c) && c != ' ' || c == 0xfffd) {
        out.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('\'').toString();
  }

  /** What kind of problem this is. */
  Kind kind() {
    return kind;
  }

  /** This problem as an {@link IOException}, to be thrown through a stream's {@code read}. */
  Carried carried() {
    return new Carried(this);
  }

  /** A problem thrown through a stream; {@link BundleReader#read} unwraps it. */
  static final class Carried extends IOException {
    private static final long serialVersionUID = 1L;

    private Carried(BundleProblem problem) {
      super(problem.getMessage(), problem);
    }

    /** The problem carried. */
    BundleProblem problem() {
      return (BundleProblem) getCause();
    }
  }
}
