package dev.strata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the {@code segments} the manifest gives for {@code upgrade.sql} or {@code rollback.sql}
 * against the transaction mode and the script, as {@code TransactionFramer} cuts them: numbered
 * from 1; in {@code none} mode none is a transaction; in {@code revision} mode a transaction holds
 * one revision at most; in {@code bundle} mode two transactions follow each other only after an
 * {@code ALTER TYPE ... ADD VALUE}, which the script commits before the value can be used
 * (otherwise only a statement that must run outside one splits the script); their revisions, in
 * order, are the
 * script's steps; the last ends at the script's end rows; and the script opens the first one as
 * described (its {@code -- segment 1 of N} line when it records progress, else {@code BEGIN;}
 * exactly when it is a transaction).
 */
final class SegmentCheck {
  /**
   * The summary of an {@code ALTER TYPE ... ADD VALUE}, after which the script commits: a summary
   * is the statement's first line only, so {@code ADD VALUE} may be on a later one.
   */
  private static final Pattern ADDS_ENUM_VALUE =
      Pattern.compile("^ALTER\\s+TYPE\\b", Pattern.CASE_INSENSITIVE);

  private final String mode;
  private final String path;

  SegmentCheck(String mode, String path) {
    this.mode = mode;
    this.path = path;
  }

  /**
   * Checks {@code segments} of the script whose {@code steps} end at {@code to}.
   *
   * @param facts what the script's preamble showed
   */
  void check(List<ManifestModel.Segment> segments, List<ManifestModel.Step> steps,
      List<String> to, ScriptFacts facts) throws BundleProblem {
    if (segments.isEmpty()) {
      throw disagrees("lists no segment");
    }
    ManifestModel.Segment previous = null;
    for (ManifestModel.Segment segment : segments) {
      shape(segment, previous, segments.indexOf(segment) + 1);
      previous = segment;
    }
    List<String> order = new ArrayList<>();
    for (ManifestModel.Segment segment : segments) {
      for (String revision : segment.revisions()) {
        if (order.isEmpty() || !order.getLast().equals(revision)) {
          order.add(revision);
        }
      }
    }
    List<String> expected = steps.stream().map(ManifestModel.Step::revision).toList();
    if (!order.equals(expected)) {
      throw disagrees("lists segments of the revisions " + order + ", but the script's steps are "
          + expected);
    }
    if (!segments.getLast().headsAfter().equals(to)) {
      throw disagrees("ends its last segment at " + segments.getLast().headsAfter()
          + ", but the script ends at " + to);
    }
    opening(segments, facts);
  }

  private void shape(ManifestModel.Segment segment, ManifestModel.Segment previous, int number)
      throws BundleProblem {
    if (segment.number() != number) {
      throw disagrees("numbers its segment " + number + " as " + segment.number());
    }
    boolean transaction = segment.transactional();
    boolean fits = switch (mode) {
      case "none" -> !transaction;
      case "revision" -> !transaction || segment.revisions().size() <= 1;
      default -> !transaction || previous == null || !previous.transactional()
          || previous.statements().stream().anyMatch(s -> ADDS_ENUM_VALUE.matcher(s).find());
    };
    if (!fits) {
      throw new BundleProblem(BundleProblem.Kind.DISAGREES, Bundle.MANIFEST + " says"
          + " transactionMode " + BundleProblem.quoted(mode) + ", but segment " + number + " of "
          + path + (mode.equals("bundle") ? " is a second transaction in a row"
              : " is a transaction" + (mode.equals("none") ? "" : " of "
                  + segment.revisions().size() + " revisions")));
    }
  }

  /** The line that opens the first segment in the script. */
  private void opening(List<ManifestModel.Segment> segments, ScriptFacts facts)
      throws BundleProblem {
    ManifestModel.Segment first = segments.getFirst();
    String line = facts.firstBodyLine().orElse("");
    if (facts.header().stream().anyMatch(header -> header.startsWith("-- run: "))) {
      String expected = "-- segment 1 of " + segments.size() + " ("
          + (first.transactional() ? "one transaction" : "no transaction") + ")"
          + (first.revisions().isEmpty() ? "" : ": " + String.join(", ", first.revisions()));
      if (!line.equals(expected)) {
        throw disagrees("says its first segment is " + BundleProblem.quoted(expected)
            + ", but the script opens it with " + BundleProblem.quoted(line));
      }
    } else if (line.equals("BEGIN;") != first.transactional()) {
      throw disagrees("says its first segment is " + (first.transactional() ? "" : "not ")
          + "a transaction, but the script " + (line.equals("BEGIN;") ? "opens" : "does not open")
          + " one");
    }
  }

  private BundleProblem disagrees(String what) {
    return new BundleProblem(BundleProblem.Kind.DISAGREES,
        Bundle.MANIFEST + "'s " + (path.equals(Bundle.UPGRADE) ? "upgrade" : "rollback") + " "
            + what);
  }
}
