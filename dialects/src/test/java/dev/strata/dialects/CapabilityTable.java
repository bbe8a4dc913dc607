package dev.strata.dialects;

import java.util.ArrayList;
import java.util.List;

/**
 * The dialect table of {@code README.md} and the capability table of {@code docs/dialects.md},
 * generated from {@link Capability#values()} and {@link Dialect#has}: one row per capability, one
 * column per dialect, {@code yes} or {@code no}. Each document holds its table between {@link
 * #BEGIN} and {@link #END}, and {@link CapabilityTableTest} fails when it differs from what this
 * class generates ({@code -Dcapabilities.update=true} rewrites it).
 */
final class CapabilityTable {
  /** The command that regenerates the tables, as the marker and the test's message print it. */
  static final String REGENERATE = "mvn -o -q test -pl dialects -am -Dtest=CapabilityTableTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcapabilities.update=true";

  /** The line before a table. */
  static final String BEGIN = "<!-- capability table: generated from Capability and Dialect;"
      + " regenerate with " + REGENERATE + " -->";

  /** The line after a table. */
  static final String END = "<!-- end of the generated capability table -->";

  private CapabilityTable() {}

  /**
   * The table as Markdown lines (no final line break): a header naming each dialect and its
   * client, then per capability its summary, with its constant's name when {@code names}, and
   * {@code yes}/{@code no} per dialect.
   */
  static String markdown(boolean names) {
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder("| behaviour |");
    StringBuilder rule = new StringBuilder("|---|");
    if (names) {
      header.append(" `Capability` |");
      rule.append("---|");
    }
    for (Dialect dialect : Dialect.values()) {
      header.append(' ').append(name(dialect)).append(" (`").append(dialect.client()).append("`) |");
      rule.append("---|");
    }
    lines.add(header.toString());
    lines.add(rule.toString());
    for (Capability capability : Capability.values()) {
      StringBuilder row = new StringBuilder("| ").append(cell(capability.summary())).append(" |");
      if (names) {
        row.append(" `").append(capability.name()).append("` |");
      }
      for (Dialect dialect : Dialect.values()) {
        row.append(dialect.has(capability) ? " yes |" : " no |");
      }
      lines.add(row.toString());
    }
    return String.join("\n", lines);
  }

  /**
   * {@code document} with the text between its {@link #BEGIN} and {@link #END} lines replaced by
   * {@code table}.
   *
   * @throws IllegalArgumentException when the document lacks either line, or has them out of order
   */
  static String replaced(String document, String table) {
    int begin = document.indexOf(BEGIN + "\n");
    int end = document.indexOf("\n" + END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("no '" + BEGIN + "' line followed by a '" + END
          + "' line");
    }
    return document.substring(0, begin + BEGIN.length() + 1) + table
        + document.substring(end);
  }

  /** The dialect's name as people write it. */
  static String name(Dialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> "PostgreSQL";
      case MYSQL -> "MySQL";
      case MARIADB -> "MariaDB";
      case SQLITE -> "SQLite";
    };
  }

  /** A summary as a table cell: a {@code |} would end the cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
