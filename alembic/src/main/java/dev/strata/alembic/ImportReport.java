package dev.strata.alembic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code strata import alembic} wrote, as it reports it:
 *
 * <pre>
 * alembic/versions/1a2b_add_users.py: converted 4 operations
 * alembic/versions/3c4d_backfill.py: converted 1 operation, 1 needs a hand
 * alembic/versions/3c4d_backfill.py:21:5: needs a hand: op.get_bind() reads the database
 * imported 2 revisions: 1 fully converted, 1 needs a hand (1 placeholder)
 * </pre>
 *
 * @param output the directory the files were written to
 * @param revisions the files, in the Alembic files' name order
 */
public record ImportReport(Path output, List<ImportedRevision> revisions) {
  /** Copies the list. */
  public ImportReport {
    revisions = List.copyOf(revisions);
  }

  /** The number of {@code -- +todo} placeholders left in all files. */
  public int placeholders() {
    return revisions.stream().mapToInt(r -> r.placeholders().size()).sum();
  }

  /** Whether every revision was converted whole (no placeholder left). */
  public boolean complete() {
    return placeholders() == 0;
  }

  /** Every line of the report: each file's lines, then the total. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    revisions.forEach(r -> lines.addAll(r.reportLines()));
    long needHand = revisions.stream().filter(r -> !r.placeholders().isEmpty()).count();
    long full = revisions.size() - needHand;
    lines.add("imported " + count(revisions.size(), "revision", "revisions") + ": " + full
        + " fully converted, " + needHand + (needHand == 1 ? " needs a hand" : " need a hand")
        + " (" + count(placeholders(), "placeholder", "placeholders") + ")");
    return lines;
  }

  /** {@code 1 operation}, {@code 2 operations}. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
