package dev.strata.cli;

import dev.strata.dialects.Capability;
import dev.strata.dialects.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the {@code segments} the manifest gives for {@code upgrade.sql} or {@code rollback.sql}
 * against the transaction mode, the dialect and the script, as {@code TransactionFramer} cuts
 * them: numbered from 1; in {@code none} mode none is a transaction; in {@code revision} mode a
 * transaction holds one revision at most; in {@code bundle} mode two transactions follow each other
 * only after an {@code ALTER TYPE ... ADD VALUE}, which the script commits before the value can be
 * used (otherwise only a statement that must run outside one splits the script); where DDL is not
 * transactional (MySQL, MariaDB: the mode is {@code none}, {@link ManifestChecker}) a segment is
 * one revision; their revisions, in order, are the script's steps; the last ends at the script's
 * end rows; and the script opens the first one as its framing does: psql's {@code -- segment 1 of
 * N} line when it records progress, else {@code BEGIN;} exactly when it is a transaction; for
 * mysql, mariadb and sqlite3, the marker {@code -- strata: segment 1 of N ...} when the script is
 * guarded and has several segments, else no marker, and a transaction opened as the framing opens
 * it ({@code BEGIN;}, or SQLite's {@code BEGIN IMMEDIATE;} when guarded).
 */
final class SegmentCheck {
  /**
   * The summary of an {@code ALTER TYPE ... ADD VALUE}, after which the script commits: a summary
   * is the statement's first line only, so {@code ADD VALUE} may be on a later one.
   */
  private static final Pattern ADDS_ENUM_VALUE =
      Pattern.compile("^ALTER\\s+TYPE\\b", Pattern.CASE_INSENSITIVE);

  private final String mode;
  private final Dialect dialect;
  private final boolean guards;
  private final String path;

  SegmentCheck(String mode, Dialect dialect, boolean guards, String path) {
    this.mode = mode;
    this.dialect = dialect;
    this.guards = guards;
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
    if (!dialect.has(Capability.TRANSACTIONAL_DDL) && segment.revisions().size() > 1) {
      throw disagrees("segment " + number + " holds " + segment.revisions().size() + " revisions,"
          + " but " + dialect.id() + " scripts, whose DDL commits as it runs, have one segment per"
          + " revision");
    }
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

  /** The line that opens the first segment in the script, as the dialect's framing writes it. */
  private void opening(List<ManifestModel.Segment> segments, ScriptFacts facts)
      throws BundleProblem {
    switch (dialect) {
      case POSTGRESQL -> psqlOpening(segments, facts);
      case MYSQL, MARIADB, SQLITE -> markedOpening(segments, facts);
    }
  }

  /**
   * mysql, mariadb, sqlite3: a guarded script of several segments opens the first with its marker
   * ({@code -- strata: segment 1 of N: revisions}; SQLite's says {@code (one transaction)} or
   * {@code (no transaction)} before the colon), any other with no marker at all; an unguarded
   * SQLite script opens a transaction with {@code BEGIN;} exactly when its first segment is one,
   * a guarded one of one segment with {@code BEGIN IMMEDIATE;} (its guard runs in a transaction
   * even before statements that run outside one); a MySQL or MariaDB script never opens one.
   */
  private void markedOpening(List<ManifestModel.Segment> segments, ScriptFacts facts)
      throws BundleProblem {
    ManifestModel.Segment first = segments.getFirst();
    String line = facts.firstBodyLine().orElse("");
    if (guards && segments.size() > 1) {
      String revisions = first.revisions().isEmpty() ? ""
          : ": " + String.join(", ", first.revisions());
      String expected = "-- strata: segment 1 of " + segments.size() + switch (dialect) {
        case POSTGRESQL, MYSQL, MARIADB -> revisions.isEmpty() ? ":" : revisions;
        case SQLITE -> " (" + (first.transactional() ? "one transaction" : "no transaction") + ")"
            + revisions;
      };
      if (!line.equals(expected)) {
        throw disagrees("says its first segment is " + BundleProblem.quoted(expected)
            + ", but the script opens it with " + BundleProblem.quoted(line));
      }
      return;
    }
    if (line.startsWith("-- strata: segment ")) {
      throw disagrees("lists " + segments.size() + " segment" + (segments.size() == 1 ? "" : "s")
          + (guards ? "" : " and says guards: false") + ", but the script marks its segments ("
          + BundleProblem.quoted(line) + ")");
    }
    String begin = switch (dialect) {
      case POSTGRESQL, SQLITE -> guards ? "BEGIN IMMEDIATE;" : "BEGIN;";
      case MYSQL, MARIADB -> null;
    };
    boolean opens = line.equals("BEGIN;") || line.equals("BEGIN IMMEDIATE;");
    boolean wanted = begin != null && (guards || first.transactional());
    if (opens != wanted || opens && !line.equals(begin)) {
      throw disagrees("says its first segment is " + (first.transactional() ? "" : "not ")
          + "a transaction, but the script opens it with " + BundleProblem.quoted(line));
    }
  }

  /** psql: the progress marker of a script that records progress, else {@code BEGIN;} or none. */
  private void psqlOpening(List<ManifestModel.Segment> segments, ScriptFacts facts)
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
