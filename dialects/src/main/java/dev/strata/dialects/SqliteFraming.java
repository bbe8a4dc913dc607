package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.VersionTableOp;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The script framing of {@link Dialect#SQLITE}, for {@code sqlite3 db.sqlite < script.sql}
 * ({@code docs/dialects.md}, "SQLite: scripts, guard, failure and resume").
 *
 * <p>A script opens with the dialect's {@link Dialect#clientDirectives() directives} ({@code .bail
 * on}, so that the first error stops it, and {@code PRAGMA foreign_keys = ON}) and the {@link
 * ScriptHeader header}, then {@code .timeout} when a lock timeout is set. Each transaction starts
 * with {@code BEGIN IMMEDIATE}, which takes SQLite's write lock at once (and waits for it only as
 * long as the busy timeout): with one writer at a time, that lock keeps a second script out as
 * PostgreSQL's advisory lock does, and no other lock is needed while the script is one
 * transaction. A guarded script checks the version table right after that {@code BEGIN} ({@link
 * SqliteGuard}). A segment that holds a table rebuild ({@link SqliteRebuild}) runs with {@code
 * PRAGMA foreign_keys = OFF}, set before its {@code BEGIN} (SQLite ignores the pragma inside a
 * transaction) and set back after its {@code COMMIT}, and checks every foreign key before its
 * {@code COMMIT}.
 *
 * <p>A script of several segments (guarded) marks each with a line {@code -- strata: segment k of
 * n ...} followed by {@code .bail on}, a {@code .print} of its number and its {@code PRAGMA
 * foreign_keys}, and guards each segment with the rows it starts from: a re-run after a failure
 * stops at the first guard with the command that runs the script from the failed segment's
 * marker. A segment outside a transaction ({@code --transaction none}, {@code --
 * +no-transaction}) runs its guard in a transaction of its own, and first sets {@code PRAGMA
 * locking_mode = EXCLUSIVE}, which keeps SQLite's lock from its first write to the end of the
 * script (sqlite3 prints {@code exclusive}).
 */
final class SqliteFraming implements ScriptFraming {
  private final SqlContext sql;
  private final Dialect dialect;
  private final VersionTable versionTable;

  SqliteFraming(SqlContext sql, Dialect dialect, VersionTable versionTable) {
    this.sql = sql;
    this.dialect = dialect;
    this.versionTable = versionTable;
  }

  /**
   * @throws DiagnosticException E0452 for a statement timeout (SQLite has none) or a version-table
   *     schema (SQLite has no schemas)
   */
  @Override
  public void check(ScriptOptions options) throws DiagnosticException {
    List<Diagnostic> problems = new ArrayList<>();
    if (options.statementTimeout().isPresent()) {
      problems.add(Diagnostic.error("E0452",
          "a statement timeout cannot be set in a sqlite script: SQLite has none",
          "note: sqlite3 can only limit how long a statement waits for a lock (--lock-timeout,"
              + " written as .timeout)",
          "help: drop --statement-timeout"));
    }
    if (options.versionTableSchema().isPresent()) {
      problems.add(Diagnostic.error("E0452",
          "the version table cannot be in a schema in a sqlite script: SQLite has no schemas",
          "help: drop --version-table-schema"));
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
  }

  @Override
  public ScriptElement.Sql versionChange(VersionTableOp op, String statement,
      ScriptOptions options) {
    boolean checked = options.guards() && !(op instanceof VersionTableOp.InsertHead);
    return checked
        ? new ScriptElement.Sql(String.join(";\n", guard().exactlyOneRow(statement, op)), false,
            statement)
        : new ScriptElement.Sql(statement, false);
  }

  /** A guarded script makes the version table in its guard: the body's own create is dropped. */
  @Override
  public boolean keeps(String block, ScriptOptions options, ScriptKind kind) {
    return !(options.guards() && kind.checksStart() && block.equals(versionTable.create() + ";"));
  }

  @Override
  public void write(Plan plan, ScriptOptions options, List<TransactionFramer.Segment> segments,
      SegmentBodies bodies, ScriptKind kind, Writer writer) throws IOException {
    List<List<String>> rows = rows(plan, segments);
    boolean checked = options.guards() && kind.checksStart();
    // the guards name the line of each segment's marker: counted first when there are markers
    long[] lines = null;
    if (checked && segments.size() > 1) {
      lines = new long[segments.size() + 1];
      write(plan, options, segments, bodies, kind, ScriptOut.counting(), rows, checked, lines,
          true);
    }
    write(plan, options, segments, bodies, kind, ScriptOut.to(writer), rows, checked, lines,
        false);
  }

  /**
   * Writes the script to {@code out}; when {@code counting}, fills {@code lines[k]} with the line
   * of segment {@code k}'s marker instead of writing the guards' line numbers.
   */
  private void write(Plan plan, ScriptOptions options, List<TransactionFramer.Segment> segments,
      SegmentBodies bodies, ScriptKind kind, ScriptOut out, List<List<String>> rows,
      boolean checked, long[] lines, boolean counting) throws IOException {
    out.header(String.join("\n", dialect.clientDirectives()) + "\n"
        + ScriptHeader.render(kind, plan, options, dialect, versionTable.displayName()));
    Timeouts timeouts = new Timeouts(options);
    Optional<String> session = timeouts.session();
    if (session.isPresent()) {
      out.block(session.get());
    }
    if (segments.isEmpty() && checked) {
      out.blocks(timeouts.begin());
      out.blocks(guard(1, rows));
      out.block("COMMIT;");
    }
    boolean several = segments.size() > 1;
    for (int i = 0; i < segments.size(); i++) {
      TransactionFramer.Segment segment = segments.get(i);
      int number = i + 1;
      List<String> before = before(number, segment, rows, several, options, checked, timeouts);
      for (int b = 0; b < before.size(); b++) {
        if (b == 0 && counting && several && options.guards()) {
          lines[number] = out.nextLine();
        }
        out.block(lines == null || counting ? before.get(b) : lineNumbers(before.get(b), lines));
      }
      out.body(bodies, i);
      out.blocks(after(number, segment, several));
    }
    out.end();
  }

  // one per script: it keeps the row-count check's shape, rendered once
  private SqliteGuard guard;

  private SqliteGuard guard() {
    if (guard == null) {
      guard = new SqliteGuard(sql, versionTable.name(), versionTable.displayName());
    }
    return guard;
  }

  /** The guard of segment {@code number}, each statement ending with {@code ;}. */
  private List<String> guard(int number, List<List<String>> rows) {
    return guard().check(versionTable.create(), number, rows).stream().map(s -> s + ";").toList();
  }

  /** The version-table rows after each segment; element 0: the rows the script starts from. */
  private static List<List<String>> rows(Plan plan, List<TransactionFramer.Segment> segments) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(plan.fromHeads());
    segments.forEach(s -> rows.add(s.headsAfter()));
    if (segments.isEmpty()) {
      rows.add(plan.toHeads());
    }
    return rows;
  }

  /** The blocks of segment {@code number} before its body: marker, pragmas, transaction, guard. */
  private List<String> before(int number, TransactionFramer.Segment segment,
      List<List<String>> rows, boolean several, ScriptOptions options, boolean checked,
      Timeouts timeouts) {
    boolean rebuild = segment.rebuild();
    boolean guarded = options.guards();
    List<String> out = new ArrayList<>();
    if (several && guarded) {
      String of = number + " of " + (rows.size() - 1);
      String revisions = segment.revisions().isEmpty() ? ""
          : ": " + String.join(", ", segment.revisions());
      out.add(marker(number, rows.size() - 1) + " ("
          + (segment.transactional() ? "one transaction" : "no transaction") + ")" + revisions
          + "\n.bail on\n.print 'strata: segment " + of + "'");
      out.add(rebuild ? FOREIGN_KEYS_OFF : FOREIGN_KEYS_ON);
    } else if (rebuild) {
      out.add(FOREIGN_KEYS_OFF);
    }
    if (!segment.transactional() && guarded) {
      // statements outside a transaction: keep SQLite's lock to the end of the script
      out.add("PRAGMA locking_mode = EXCLUSIVE;");
    }
    if (segment.transactional()) {
      out.addAll(guarded ? timeouts.begin() : List.of("BEGIN;"));
      if (checked) {
        out.addAll(guard(number, rows));
      }
    } else if (checked) {
      out.addAll(timeouts.begin());
      out.addAll(guard(number, rows));
      out.add("COMMIT;");
    }
    return out;
  }

  /** The blocks of segment {@code number} after its body: foreign-key check, commit, pragma. */
  private List<String> after(int number, TransactionFramer.Segment segment, boolean several) {
    boolean rebuild = segment.rebuild();
    List<String> out = new ArrayList<>();
    if (rebuild) {
      SqliteGuard.foreignKeys(sql, "strata: foreign keys are broken at the end of "
          + (several ? "segment " + number : "this script")
          + " (a table rebuild runs with PRAGMA foreign_keys = OFF, see the rows printed above)")
          .forEach(s -> out.add(s + ";"));
    }
    if (segment.transactional()) {
      out.add("COMMIT;");
    }
    if (rebuild) {
      out.add(FOREIGN_KEYS_ON);
    }
    return out;
  }

  private static final String FOREIGN_KEYS_OFF = "PRAGMA foreign_keys = OFF;";
  private static final String FOREIGN_KEYS_ON = "PRAGMA foreign_keys = ON;";

  /** The first words of the marker line of segment {@code number} of {@code total}. */
  static String marker(int number, int total) {
    return "-- strata: segment " + number + " of " + total;
  }

  /**
   * {@code block} with each {@link SqliteGuard#LINE}{@code k\u0000} placeholder replaced by
   * {@code lines[k]}, the line of segment {@code k}'s marker.
   */
  private static String lineNumbers(String block, long[] lines) {
    int at = block.indexOf(SqliteGuard.LINE);
    if (at < 0) {
      return block;
    }
    StringBuilder out = new StringBuilder(block.length());
    int from = 0;
    while (at >= 0) {
      int digits = at + SqliteGuard.LINE.length();
      int end = block.indexOf('\u0000', digits);
      out.append(block, from, at).append(lines[Integer.parseInt(block.substring(digits, end))]);
      from = end + 1;
      at = block.indexOf(SqliteGuard.LINE, from);
    }
    return out.append(block, from, block.length()).toString();
  }

  /**
   * SQLite's busy timeout, in milliseconds, from the script's PostgreSQL-style durations: the lock
   * timeout for the whole run ({@code .timeout}), and the lock wait around each {@code BEGIN
   * IMMEDIATE} (the write lock is what keeps two scripts apart).
   */
  private static final class Timeouts {
    private final Optional<Long> session;
    private final Optional<Long> wait;

    Timeouts(ScriptOptions options) {
      this.session = options.lockTimeout().map(Timeouts::millis);
      this.wait = options.lockWait().map(Timeouts::millis);
    }

    /** {@code .timeout MS} for the whole run, when a lock timeout is set. */
    Optional<String> session() {
      return session.map(ms -> ".timeout " + ms);
    }

    /** {@code BEGIN IMMEDIATE;}, under the lock wait when one is set. */
    List<String> begin() {
      if (wait.isEmpty()) {
        return List.of("BEGIN IMMEDIATE;");
      }
      return List.of(".timeout " + wait.get() + "\nBEGIN IMMEDIATE;\n.timeout " + session.orElse(0L));
    }

    /**
     * A duration as {@link ScriptOptions} takes it ({@code 5s}, {@code 500ms}, {@code 2min}; no
     * unit: milliseconds, as PostgreSQL reads {@code lock_timeout}) in milliseconds, microseconds
     * rounded up, at most {@link Integer#MAX_VALUE} (what {@code .timeout} takes).
     */
    static long millis(String duration) {
      String digits = duration.replaceAll("[a-z]+$", "");
      String unit = duration.substring(digits.length());
      long n = Long.parseLong(digits);
      long ms = switch (unit) {
        case "us" -> (n + 999) / 1000;
        case "", "ms" -> n;
        case "s" -> n * 1000;
        case "min" -> n * 60_000;
        case "h" -> n * 3_600_000;
        case "d" -> n * 86_400_000;
        default -> throw new IllegalArgumentException("bad duration: " + duration);
      };
      return Math.min(ms, Integer.MAX_VALUE);
    }
  }
}
