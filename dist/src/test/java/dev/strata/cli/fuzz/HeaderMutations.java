package dev.strata.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Mutations of the header ({@code -- key: value} lines) and of the section directives. */
final class HeaderMutations {
  private static final List<String> KEYS = List.of(
      "revison", "Revision", "REVISION", "revision", "revises", "branch", "branches", "depends-on",
      "depends_on", "message", "down_revision", "frob", "");
  private static final List<String> SPACING = List.of(
      "--revision:", "--  revision:", "-- revision :", "-- revision:\t", "--\trevision:",
      " -- revision:", "-- revision:  ");
  private static final List<String> DIRECTIVES = List.of(
      "-- +upgrade", "-- +downgrade", "-- +end", "-- +dialect mysql", "-- +dialect sqlite",
      "-- +dialect postgres", "-- +dialect", "-- +dialect postgresql", "-- +no-transaction",
      "-- +frobnicate", "-- +Upgrade", "--+upgrade", "-- + upgrade", "-- +irreversible",
      "-- +upgrade extra");

  private HeaderMutations() {}

  /** Damages one header line: its key, colon, value or spacing, or where it stands. */
  static Edit header(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    List<byte[]> lines = new ArrayList<>(Bytes.lines(bytes));
    List<Integer> header = Bytes.headerLines(lines);
    if (header.isEmpty()) {
      return new Edit(Bytes.insert(bytes, 0, Bytes.utf8("-- revision: 0001\n")),
          "added a header line to a file without one");
    }
    int index = Bytes.pick(rnd, header);
    String line = ascii(lines.get(index));
    int colon = line.indexOf(':');
    String key = colon < 0 ? "" : line.substring(0, colon);
    String rest = colon < 0 ? line : line.substring(colon + 1);
    byte[] changed = switch (rnd.nextInt(7)) {
      case 0 -> iso("-- " + Bytes.pick(rnd, KEYS) + ":" + rest);
      case 1 -> iso(line.replaceFirst(":", ""));
      case 2 -> iso(key + ":" + (line.endsWith("\n") ? "\n" : ""));
      case 3 -> Bytes.join(List.of(iso(key + ": "), Bytes.utf8(value(key, ids, rnd) + "\n")));
      case 4 -> iso(line.replaceFirst("^--\\s*[\\w-]+\\s*:", Bytes.pick(rnd, SPACING)));
      case 5 -> iso(line + line);
      default -> new byte[0];
    };
    lines.set(index, changed);
    String what = "header line " + (index + 1) + " `" + line.strip() + "` -> `"
        + abbreviate(new String(changed, StandardCharsets.UTF_8).strip()) + "`";
    if (changed.length == 0) {
      lines.add(Math.min(lines.size(), header.getLast() + 3), iso(line));
      what = "moved header line " + (index + 1) + " `" + line.strip() + "` into the body";
    }
    return new Edit(Bytes.join(lines), what);
  }

  /** Damages the sections: a directive deleted, doubled, added where it does not belong. */
  static Edit section(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    List<byte[]> lines = new ArrayList<>(Bytes.lines(bytes));
    List<Integer> directives = Bytes.linesWhere(lines, l -> l.startsWith("-- +"));
    if (!directives.isEmpty() && rnd.nextInt(3) == 0) {
      int index = Bytes.pick(rnd, directives);
      String line = ascii(lines.get(index));
      if (rnd.nextBoolean()) {
        lines.remove(index);
        return new Edit(Bytes.join(lines),
            "deleted `" + line.strip() + "` (line " + (index + 1) + ")");
      }
      lines.add(index, lines.get(index));
      return new Edit(Bytes.join(lines),
          "doubled `" + line.strip() + "` (line " + (index + 1) + ")");
    }
    String directive = Bytes.pick(rnd, DIRECTIVES);
    int index = rnd.nextInt(lines.size() + 1);
    if (index > 0 && !ascii(lines.get(index - 1)).endsWith("\n")) {
      lines.add(index++, new byte[] {'\n'});
    }
    lines.add(index, Bytes.utf8(directive + "\n"));
    return new Edit(Bytes.join(lines), "inserted `" + directive + "` as line " + (index + 1));
  }

  /** A value that a header key should not accept, or that breaks the graph. */
  private static String value(String key, List<String> ids, RandomGenerator rnd) {
    String other = ids.isEmpty() ? "0001_x" : Bytes.pick(rnd, ids);
    String last = ids.isEmpty() ? "0001_x" : ids.getLast();
    List<String> values = switch (key.replaceFirst("^--\\s*", "")) {
      case "revision" -> List.of(other, "x".repeat(40), "base", "head", "heads", "0001-x",
          "\u00fc_x", "a b", "0013", "");
      case "revises" -> List.of("0099_missing", other, last, "base", "None", other + ",," + last,
          other + ",", ", ", other + ", base", String.join(", ", ids));
      case "depends-on" ->
          List.of(last, "0099_missing", other, "base", "head", other + ", " + other);
      case "branch" -> List.of(other, "lrs", "dividends", "lrs@x", "head", "a b", "lrs, lrs", "");
      default -> List.of(other, "x".repeat(300), "\u00e9t\u00e9 \u2603", "");
    };
    return Bytes.pick(rnd, values);
  }

  private static String ascii(byte[] line) {
    return new String(line, StandardCharsets.ISO_8859_1);
  }

  private static byte[] iso(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
