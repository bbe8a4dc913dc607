package dev.strata.dialects;

import dev.strata.compiler.Plan;
import dev.strata.compiler.VersionTableOp;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
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

  @Override
  public RenderedScript write(Plan plan, ScriptOptions options,
      List<TransactionFramer.Segment> segments, ScriptKind kind) {
    String header = String.join("\n", dialect.clientDirectives()) + "\n"
        + ScriptHeader.render(kind, plan, options, dialect, versionTable.displayName());
    List<String> blocks = new ArrayList<>();
    Timeouts timeouts = new Timeouts(options);
    timeouts.session().ifPresent(blocks::add);
    List<List<String>> rows = rows(plan, segments);
    boolean checked = options.guards() && kind.checksStart();
    if (segments.isEmpty() && checked) {
      blocks.addAll(timeouts.begin());
      blocks.addAll(guard(1, rows));
      blocks.add("COMMIT;");
    }
    boolean several = segments.size() > 1;
    for (int i = 0; i < segments.size(); i++) {
      blocks.addAll(segment(i + 1, segments.get(i), rows, several, options, checked, timeouts));
    }
    String text = blocks.isEmpty() ? header : header + "\n" + String.join("\n\n", blocks) + "\n";
    return new RenderedScript(lineNumbers(text, segments.size()), described(plan, segments));
  }

  private SqliteGuard guard() {
    return new SqliteGuard(sql, versionTable.name(), versionTable.displayName());
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

  private List<String> segment(int number, TransactionFramer.Segment segment,
      List<List<String>> rows, boolean several, ScriptOptions options, boolean checked,
      Timeouts timeouts) {
    boolean rebuild = segment.blocks().stream().anyMatch(SqliteRebuild::marks);
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
    String create = versionTable.create() + ";";
    // the guard has made the version table already
    segment.blocks().stream().filter(b -> !(checked && b.equals(create))).forEach(out::add);
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

  /** {@code text} with each {@link SqliteGuard#LINE} placeholder replaced by its line number. */
  private static String lineNumbers(String text, int segments) {
    if (!text.contains(SqliteGuard.LINE)) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    String out = text;
    for (int k = 1; k <= segments; k++) {
      String prefix = marker(k, segments) + " ";
      int line = 0;
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith(prefix)) {
          line = i + 1;
          break;
        }
      }
      out = out.replace(SqliteGuard.LINE + k + "\u0000", Integer.toString(line));
    }
    return out;
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

  /** The segments as {@link RenderedScript} reports them; one empty segment for an empty body. */
  private static List<RenderedScript.Segment> described(
      Plan plan, List<TransactionFramer.Segment> segments) {
    if (segments.isEmpty()) {
      return List.of(new RenderedScript.Segment(1, false, List.of(), List.of(), plan.toHeads()));
    }
    List<RenderedScript.Segment> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      TransactionFramer.Segment s = segments.get(i);
      out.add(new RenderedScript.Segment(
          i + 1, s.transactional(), s.revisions(), s.statements(), s.headsAfter()));
    }
    return out;
  }
}
