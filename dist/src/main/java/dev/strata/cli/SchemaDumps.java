package dev.strata.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * How the Alembic import proof compares two {@code pg_dump --schema-only} outputs: what differs
 * between two dumps of equal schemas is left out, nothing else, and nothing is reordered (pg_dump
 * already orders objects by type and name).
 */
final class SchemaDumps {
  private SchemaDumps() {}

  /**
   * The lines of {@code dump} that describe the schema: without comment lines ({@code --}, which
   * carry the dump's and the server's versions), {@code SET} lines and {@code SELECT
   * pg_catalog.set_config(...)} (the session settings pg_dump starts with), pg_dump's
   * backslash-restrict and backslash-unrestrict lines (a random key per dump, since 15.14), trailing blanks,
   * and runs of blank lines (one kept); no blank line at either end.
   */
  static List<String> normalise(String dump) {
    List<String> lines = new ArrayList<>();
    for (String line : dump.lines().toList()) {
      String kept = line.stripTrailing();
      if (kept.startsWith("--") || kept.startsWith("SET ")
          || kept.startsWith("SELECT pg_catalog.set_config(")
          || kept.startsWith("\\restrict") || kept.startsWith("\\unrestrict")) {
        continue;
      }
      if (kept.isEmpty() && (lines.isEmpty() || lines.get(lines.size() - 1).isEmpty())) {
        continue;
      }
      lines.add(kept);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
