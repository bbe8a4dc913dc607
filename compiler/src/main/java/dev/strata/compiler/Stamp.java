package dev.strata.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A stamp: the version table set from the rows {@code fromRows} to the rows {@code toRows} without
 * running any revision, as Alembic's offline {@code alembic stamp FROM:TO --sql} does (its {@code
 * StampStep} through {@code HeadMaintainer}: an {@code UPDATE} for a row that moves, an {@code
 * INSERT} for one that appears, a {@code DELETE} for one that goes), or, with {@code purge}, as
 * Alembic's online {@code stamp --purge}: every row deleted first, then one {@code INSERT} per
 * target row. A guarded script refuses to run unless the table holds exactly {@code fromRows}
 * (none: an empty or absent table); a purging one accepts whatever it holds.
 *
 * @param fromRows the rows the table must hold before the stamp, sorted and distinct (empty: none,
 *     {@code base}); always empty with {@code purge}
 * @param toRows the rows it holds after, sorted and distinct (empty: {@code base}, no row)
 * @param purge whether every row is deleted first, whatever the table holds
 * @throws IllegalArgumentException for rows that are not sorted and distinct, a blank row, or
 *     starting rows with {@code purge}
 */
public record Stamp(List<String> fromRows, List<String> toRows, boolean purge) {

  public Stamp {
    fromRows = sortedDistinct(fromRows, "fromRows");
    toRows = sortedDistinct(toRows, "toRows");
    if (purge && !fromRows.isEmpty()) {
      throw new IllegalArgumentException("a purging stamp starts from any rows, not " + fromRows);
    }
  }

  /**
   * The version-table changes after the purge (when {@link #purge()}), in order: with {@code
   * purge}, one {@link VersionTableOp.InsertHead} per target row; else, pairing the rows that go
   * with the rows that come in sorted order, an {@link VersionTableOp.UpdateHead} per pair, then a
   * {@link VersionTableOp.DeleteHead} for each row that goes unpaired and an {@link
   * VersionTableOp.InsertHead} for each row that comes unpaired. Rows in both states are left alone.
   * Replayed from {@link #fromRows()} they give {@link #toRows()}.
   */
  public List<VersionTableOp> ops() {
    List<VersionTableOp> ops = new ArrayList<>();
    if (purge) {
      toRows.forEach(row -> ops.add(new VersionTableOp.InsertHead(row)));
      return List.copyOf(ops);
    }
    List<String> going = fromRows.stream().filter(r -> !toRows.contains(r)).toList();
    List<String> coming = toRows.stream().filter(r -> !fromRows.contains(r)).toList();
    int pairs = Math.min(going.size(), coming.size());
    for (int i = 0; i < pairs; i++) {
      ops.add(new VersionTableOp.UpdateHead(going.get(i), coming.get(i)));
    }
    going.subList(pairs, going.size()).forEach(r -> ops.add(new VersionTableOp.DeleteHead(r)));
    coming.subList(pairs, coming.size()).forEach(r -> ops.add(new VersionTableOp.InsertHead(r)));
    return List.copyOf(ops);
  }

  private static List<String> sortedDistinct(List<String> rows, String what) {
    Objects.requireNonNull(rows, what);
    List<String> sorted = List.copyOf(new TreeSet<>(rows));
    if (!sorted.equals(rows) || rows.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(what + " must be sorted, distinct and not blank: " + rows);
    }
    return sorted;
  }
}
