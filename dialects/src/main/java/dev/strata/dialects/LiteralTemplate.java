package dev.strata.dialects;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/**
 * A statement of fixed shape whose only varying parts are string literals (the version-table
 * changes, the same for every revision but for the revision ids), rendered by jOOQ once and then
 * filled in per use: jOOQ stays the source of the shape, and the per-use work is string
 * concatenation instead of a jOOQ render (about 25 µs each, 10,000 times on a 10,000-revision
 * chain).
 *
 * <p>The shape is rendered with a distinct sentinel string inlined in each slot; the text is cut
 * around the sentinels' quoted literals. {@link #fill} puts in each value quoted as jOOQ quotes an
 * inlined string for the context's settings ({@link #literal}): enclosed in {@code '}, each {@code
 * '} doubled, and each {@code \} doubled where the dialect's settings turn backslash escaping on
 * ({@link Capability#BACKSLASH_ESCAPES}); no other character is changed (NUL, line breaks, non-ASCII
 * pass through), as jOOQ 3.20 does. Should the shape not show each sentinel's literal exactly once,
 * or a probe value with quotes and backslashes not come out as jOOQ renders it, the template falls
 * back to rendering through jOOQ on every use, so its output is jOOQ's in every case.
 *
 * <p>Instances are immutable and thread-safe.
 */
final class LiteralTemplate {
  private static final String SENTINEL = "strata\u0001slot\u0001";
  private static final String PROBE = "p'r\\o''b\\\\e'";

  private final SqlContext sql;
  private final Function<List<Param<String>>, QueryPart> shape;
  private final int slots;
  // text between the slots, slots + 1 fragments; null when every use goes through jOOQ
  private final String[] fragments;

  private LiteralTemplate(SqlContext sql, int slots,
      Function<List<Param<String>>, QueryPart> shape) {
    this.sql = sql;
    this.slots = slots;
    this.shape = shape;
    this.fragments = cut();
  }

  /**
   * The template of the statement that {@code shape} builds from {@code slots} inlined string
   * values, rendered on one line ({@link SqlContext#render}).
   */
  static LiteralTemplate of(SqlContext sql, int slots,
      Function<List<Param<String>>, QueryPart> shape) {
    if (slots < 1) {
      throw new IllegalArgumentException("a template has at least one slot: " + slots);
    }
    return new LiteralTemplate(Objects.requireNonNull(sql, "sql"), slots,
        Objects.requireNonNull(shape, "shape"));
  }

  /**
   * The statement with {@code values} in its slots, in order: byte for byte what jOOQ renders for
   * the shape built with those values inlined.
   *
   * @throws IllegalArgumentException when the number of values is not the number of slots
   */
  String fill(String... values) {
    if (values.length != slots) {
      throw new IllegalArgumentException(slots + " values expected, got " + values.length);
    }
    if (fragments == null) {
      return jooq(List.of(values));
    }
    StringBuilder out = new StringBuilder(64 + 16 * slots);
    out.append(fragments[0]);
    for (int i = 0; i < slots; i++) {
      appendLiteral(out, values[i]);
      out.append(fragments[i + 1]);
    }
    return out.toString();
  }

  /** Whether uses are filled in without jOOQ (false: the shape could not be cut safely). */
  boolean filled() {
    return fragments != null;
  }

  /** {@code value} as jOOQ inlines a string under this template's settings. */
  String literal(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    appendLiteral(out, value);
    return out.toString();
  }

  private void appendLiteral(StringBuilder out, String value) {
    boolean backslashes = sql.dialect().has(Capability.BACKSLASH_ESCAPES);
    out.append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'' || c == '\\' && backslashes) {
        out.append(c);
      }
      out.append(c);
    }
    out.append('\'');
  }

  private String jooq(List<String> values) {
    return sql.render(shape.apply(values.stream().map(DSL::inline).toList()));
  }

  /** The fragments around the slots, or null when the shape cannot be cut safely. */
  private String[] cut() {
    List<String> sentinels = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      sentinels.add(SENTINEL + i + "\u0001");
    }
    String text = jooq(sentinels);
    String[] out = new String[slots + 1];
    int from = 0;
    for (int i = 0; i < slots; i++) {
      String quoted = "'" + sentinels.get(i) + "'";
      int at = text.indexOf(quoted, from);
      if (at < 0 || text.indexOf(quoted, at + quoted.length()) >= 0
          || text.indexOf(quoted) != at) {
        return null;
      }
      out[i] = text.substring(from, at);
      from = at + quoted.length();
    }
    out[slots] = text.substring(from);
    for (String fragment : out) {
      if (fragment.contains(SENTINEL)) {
        return null;
      }
    }
    List<String> probes = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      probes.add(PROBE + i);
    }
    StringBuilder filled = new StringBuilder(out[0]);
    for (int i = 0; i < slots; i++) {
      appendLiteral(filled, probes.get(i));
      filled.append(out[i + 1]);
    }
    return filled.toString().equals(jooq(probes)) ? out : null;
  }
}
