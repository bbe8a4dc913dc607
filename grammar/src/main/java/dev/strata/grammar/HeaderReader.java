package dev.strata.grammar;

import dev.strata.grammar.ast.Header;
import dev.strata.grammar.ast.HeaderValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Reads the header: the {@code -- key: value} comment lines before the first section. Keys are
 * case-insensitive; a line comment that is not of that shape is a plain comment, and so is a lint
 * allow line ({@code -- strata:allow RULE reason}). Ids follow
 * {@link RevisionId}'s rules; this reader reports a broken one at the offending character.
 */
final class HeaderReader {
  static final List<String> KEYS = List.of("revision", "revises", "message", "branch", "depends-on");
  private static final Pattern LINE = Pattern.compile("--[ \\t]*([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:(.*)");
  /**
   * A lint allow line, {@code -- strata:allow RULE reason}: not a header key (its {@code strata:}
   * would read as an unknown key); the compiler's lint reads it from the source text.
   */
  private static final Pattern LINT_ALLOW = Pattern.compile("--[ \\t]*strata:allow(?:[ \\t].*)?");
  /** How other tools write "no parent" ({@code None}, {@code null}): refused with a hint. */
  private static final List<String> ALEMBIC_NO_PARENT = List.of("none", "null");

  private final SourceText source;
  private final Map<String, Span> seen = new HashMap<>();
  private HeaderValue revision;
  private List<HeaderValue> revises;
  private Span revisesSpan;
  private String message = "";
  private List<HeaderValue> branchLabels = List.of();
  private List<HeaderValue> dependsOn = List.of();

  HeaderReader(SourceText source) {
    this.source = source;
  }

  /** A trimmed piece of a header line: its text and its char offsets {@code [start, end)}. */
  private record Piece(String text, int start, int end) {}

  /**
   * Reads one line comment of the header area; one that is not a {@code key: value} line is
   * skipped. A U+0085, U+2028 or U+2029 in any of them is E0123.
   */
  void accept(Token comment) {
    LineSeparators.requireNone(source, comment, "header");
    if (LINT_ALLOW.matcher(comment.getText()).matches()) {
      return;
    }
    Matcher line = LINE.matcher(comment.getText());
    if (!line.matches() || !source.atLineStart(comment)) {
      return;
    }
    int base = comment.getStartIndex();
    Span keySpan = source.spanOf(base + line.start(1), base + line.end(1));
    String key = line.group(1).toLowerCase(Locale.ROOT);
    if (!KEYS.contains(key)) {
      throw unknownKey(line.group(1), keySpan);
    }
    Span first = seen.putIfAbsent(key, keySpan);
    if (first != null) {
      throw ParseCode.DUPLICATE_HEADER_KEY.fail(source.file(), keySpan,
          "duplicate header key '" + key + "'",
          "note: first given at " + new Location(source.file(), first).describe());
    }
    Piece value = trimmed(line.group(2), base + line.start(2));
    switch (key) {
      case "revision" -> revision = revisionId(value);
      case "revises" -> readRevises(value);
      case "message" -> message = value.text();
      case "branch" -> branchLabels = list(value, "branch", "branch label");
      default -> dependsOn = list(value, "depends-on", "revision id");
    }
  }

  /** The header read so far; fails when {@code revision} or {@code revises} is missing. */
  Header finish() {
    for (String required : List.of("revision", "revises")) {
      if (!seen.containsKey(required)) {
        throw ParseCode.MISSING_HEADER_KEY.fail(source.file(), Span.at(1, 1),
            "missing header key '" + required + "'",
            "help: a revision file starts with '-- revision: <id>' and '-- revises: <parent id>'"
                + " (or '-- revises: base' for a first revision)");
      }
    }
    return new Header(revision, revises, revisesSpan, message, branchLabels, dependsOn);
  }

  private ParseFailure unknownKey(String key, Span span) {
    List<String> notes = new ArrayList<>();
    Spelling.closest(key, KEYS).ifPresent(k -> notes.add("help: did you mean '" + k + "'?"));
    notes.add("note: the header keys are " + String.join(", ", KEYS));
    return ParseCode.UNKNOWN_HEADER_KEY.fail(source.file(), span,
        "unknown header key '" + key + "'", notes.toArray(String[]::new));
  }

  private HeaderValue revisionId(Piece value) {
    requireValue(value, "revision");
    HeaderValue id = id(value, "revision id");
    if (RevisionId.isReserved(value.text())) {
      throw reserved(value, "cannot be a revision id");
    }
    return id;
  }

  private void readRevises(Piece value) {
    requireValue(value, "revises");
    revisesSpan = source.spanOf(value.start(), value.end());
    if (ALEMBIC_NO_PARENT.contains(value.text().toLowerCase(Locale.ROOT))) {
      // Alembic's first revision says down_revision = None; its habit carries over.
      throw ParseCode.RESERVED_ID.fail(source.file(), revisesSpan,
          "'" + value.text() + "' is not a revision id",
          "help: write '-- revises: base' for a first revision (Alembic's down_revision = None)");
    }
    if (value.text().equalsIgnoreCase("base")) {
      revises = List.of();
    } else {
      revises = list(value, "revises", "revision id");
    }
  }

  /** Comma-separated ids or labels, each checked; {@code base}, {@code head}, {@code heads} refused. */
  private List<HeaderValue> list(Piece value, String key, String what) {
    List<HeaderValue> items = new ArrayList<>();
    if (value.text().isEmpty()) {
      return items;
    }
    int from = value.start();
    for (String part : value.text().split(",", -1)) {
      Piece item = trimmed(part, from);
      if (item.text().isEmpty()) {
        throw ParseCode.MALFORMED_ID.fail(source.file(), source.at(item.start()),
            "empty " + what + " in '" + key + "'");
      }
      items.add(id(item, what));
      if (RevisionId.isReserved(item.text())) {
        throw reserved(item, reservedUse(key, item.text()));
      }
      from += part.length() + 1;
    }
    return items;
  }

  private static String reservedUse(String key, String text) {
    return switch (key) {
      case "revises" -> text.equalsIgnoreCase("base")
          ? "cannot be combined with other parents" : "cannot be a parent revision";
      case "branch" -> "cannot be a branch label";
      default -> "cannot be a dependency";
    };
  }

  private void requireValue(Piece value, String key) {
    if (value.text().isEmpty()) {
      throw ParseCode.MALFORMED_ID.fail(source.file(), source.at(value.start()),
          "header key '" + key + "' has no value");
    }
  }

  /** Checks the characters and, for revision ids, the length. */
  private HeaderValue id(Piece piece, String what) {
    String text = piece.text();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!RevisionId.isIdChar(c)) {
        throw ParseCode.MALFORMED_ID.fail(source.file(), source.at(piece.start() + i),
            "malformed " + what + " '" + text + "': '" + c + "' is not allowed",
            "help: ids and labels use letters, digits and '_' only");
      }
    }
    Span span = source.spanOf(piece.start(), piece.end());
    if (what.equals("revision id") && text.length() > RevisionId.MAX_LENGTH) {
      throw ParseCode.MALFORMED_ID.fail(source.file(), span,
          "revision id '" + text + "' is " + text.length() + " characters long, more than "
              + RevisionId.MAX_LENGTH,
          "note: ids are stored in Alembic's version_num VARCHAR(32)");
    }
    return new HeaderValue(text, span);
  }

  private ParseFailure reserved(Piece piece, String why) {
    return ParseCode.RESERVED_ID.fail(source.file(), source.spanOf(piece.start(), piece.end()),
        "'" + piece.text() + "' is reserved and " + why,
        "note: 'base', 'head' and 'heads' name places in the revision graph;"
            + " a first revision says '-- revises: base'");
  }

  private static Piece trimmed(String raw, int offset) {
    int start = 0;
    int end = raw.length();
    while (start < end && isBlank(raw.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(raw.charAt(end - 1))) {
      end--;
    }
    return new Piece(raw.substring(start, end), offset + start, offset + end);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
