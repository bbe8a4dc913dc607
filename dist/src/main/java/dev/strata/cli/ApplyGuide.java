package dev.strata.cli;

import dev.strata.dialects.Capability;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.ScriptOptions;
import dev.strata.dialects.TransactionMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code APPLY.md}: the instructions for the DBA who applies a bundle, in plain words, with the
 * exact commands ({@code sha256sum} and the dialect's own client, {@link ClientCommands}; no
 * Java), the version-table rows expected before and after, and each segment of the scripts with
 * what a failure in it leaves and how to go on. The shell commands are in fenced {@code sh} blocks,
 * in this order: check, apply, confirm, roll back; then, for the clients that cannot skip what a
 * stopped run did (mysql, mariadb, sqlite3), the command that runs the rest of a script from each
 * of its segments, in the segment's item. After the four steps, the "Locks" section ({@link
 * dev.strata.dialects.lint.LockReport#markdown}): per revision, the table locks of the upgrade
 * script on PostgreSQL, one sentence for the other dialects. The PostgreSQL text is otherwise
 * unchanged from before the other dialects (its tests pin it).
 */
final class ApplyGuide {
  private final BundleCompiler.Compiled bundle;
  private final ClientCommands client;
  /** APPLY.md grows with the number of segments: written out as it goes. */
  private final LineSink text;

  private ApplyGuide(BundleCompiler.Compiled bundle, Writer out) {
    this.bundle = bundle;
    this.client = new ClientCommands(bundle.dialect());
    this.text = new LineSink(out);
  }

  /**
   * Writes the guide's Markdown text (LF line ends, one final LF) to {@code out} as it goes,
   * without flushing or closing it.
   *
   * @throws IOException when {@code out} fails
   */
  static void write(BundleCompiler.Compiled bundle, Writer out) throws IOException {
    ApplyGuide guide = new ApplyGuide(bundle, out);
    try {
      guide.introduction();
      guide.psqlMetaCommands();
      guide.steps();
      guide.line(bundle.locks().markdown(
          source -> Bundle.SOURCES + Path.of(source).getFileName()));
      guide.segments(Bundle.UPGRADE, bundle.upgradeScript(), bundle.upgrade().fromHeads());
      guide.segments(Bundle.ROLLBACK, bundle.rollbackScript(), bundle.rollback().fromHeads());
      guide.outsideTransactions();
      guide.text.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The markers whose first lines a script's {@link BundleScript#lines()} must give, for a script
   * of {@code segments} segments: where the commands that run the rest of a mysql, mariadb or
   * sqlite3 script from a segment start ({@link Resume}); none for psql, which resumes by itself.
   */
  static List<String> markers(Dialect dialect, ScriptOptions options, int segments) {
    if (dialect == Dialect.POSTGRESQL || !options.guards()) {
      return List.of();
    }
    List<String> markers = new ArrayList<>();
    if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB) {
      markers.add(MYSQL_GUARD);
    }
    for (int number = 2; number <= segments; number++) {
      markers.add(segmentMarker(number, segments));
    }
    return List.copyOf(markers);
  }

  private static String segmentMarker(int number, int total) {
    return "-- strata: segment " + number + " of " + total;
  }

  private void introduction() {
    line("# Applying " + bundle.root());
    line();
    line("This bundle upgrades a " + database() + " database from " + rows(bundle.upgrade().fromHeads())
        + " to " + rows(bundle.upgrade().toHeads()) + " (" + count(bundle.steps().size(), "revision")
        + "), and rolls it back. It was made by strata " + bundle.options().toolVersion() + " with "
        + modeWords(bundle.options().transactionMode()) + ".");
    line();
    line("You need `sha256sum` and `" + bundle.dialect().client() + "`; no Java. Run every command"
        + " below in this folder, with");
    client.setUp().forEach(this::line);
    line();
  }

  /** The revisions that run psql meta-commands, when there are any, before the commands. */
  private void psqlMetaCommands() {
    List<String> blocks = new ArrayList<>();
    for (BundleCompiler.StepFiles step : bundle.steps()) {
      for (PsqlMetaCommandBlock block
          : PsqlMetaCommandBlock.of(step.step().revision(), bundle.dialect())) {
        blocks.add("- `" + step.step().id() + "`, " + block.direction().word() + ": `"
            + step.source() + "` line " + block.line());
      }
    }
    if (blocks.isEmpty()) {
      return;
    }
    line("## psql meta-commands");
    line();
    line("These revisions run psql meta-commands (backslash commands, psql variables) from a");
    line("`-- +dialect postgresql psql-meta-commands` block, which strata passes to psql as");
    line("written. Read each block before applying:");
    line();
    blocks.forEach(this::line);
    line();
  }

  private void steps() {
    line("## 1. Check the bundle");
    line();
    block("sha256sum -c SHA256SUMS");
    line("Every line must end in `OK`. If one does not, the bundle was changed or damaged after it");
    line("was made: do not apply it.");
    line();
    line("## 2. Apply");
    line();
    block(client.apply("upgrade.sql"));
    clientNotes();
    line();
    line("Expected version-table rows before: " + rowList(bundle.upgrade().fromHeads())
        + (bundle.upgrade().startsFromBase()
            ? " (on a new database the table does not exist yet; the script creates it)." : "."));
    line();
    line("## 3. Confirm");
    line();
    block(client.query(bundle.options()));
    line("Expected rows after the upgrade (one per line): " + rowList(bundle.upgrade().toHeads())
        + ".");
    line();
    line("## 4. Roll back, if needed");
    line();
    block(client.apply("rollback.sql"));
    line("This returns the database to where it started: the query of step 3 then shows "
        + rowList(bundle.upgrade().fromHeads()) + ".");
    line();
  }

  private void segments(String script, BundleScript written, List<String> startRows) {
    line("## Segments of " + script);
    line();
    Resume resume = new Resume(script, written);
    List<String> before = startRows;
    for (RenderedScript.Segment segment : written.segments()) {
      line("- Segment " + segment.number() + ", " + (segment.transactional()
          ? "one transaction" : "outside any transaction") + ": " + revisions(segment.revisions())
          + "; the version table then holds " + rowList(segment.headsAfter()) + ".");
      switch (bundle.dialect()) {
        case POSTGRESQL -> line("  If it fails: " + failure(segment, before));
        case MYSQL, MARIADB, SQLITE -> {
          wrapped("  ", "If it fails: " + failure(segment, before, resume.command(segment)
              .isPresent()));
          resume.command(segment).ifPresent(command -> {
            line();
            line("  ```sh");
            line("  " + command);
            line("  ```");
            line();
          });
        }
      }
      before = segment.headsAfter();
    }
    if (!text.endsWithBlankLine()) {
      line();
    }
  }

  /** What a failure in a psql script's segment leaves (a re-run resumes by itself). */
  private String failure(RenderedScript.Segment segment, List<String> before) {
    String rows = rowList(before);
    if (segment.transactional()) {
      return "the segment is undone as a whole; the database is as before it (version table: "
          + rows + "). Fix the cause and run the script again.";
    }
    return "the statements of the segment that completed before the failing one stay applied; the"
        + " version table still holds " + rows + ". Fix the cause (a failed CREATE INDEX CONCURRENTLY"
        + " leaves an INVALID index to drop) and run the script again: it resumes at this segment.";
  }

  /**
   * What a failure in a segment of a mysql, mariadb or sqlite3 script leaves, and what to run then:
   * the script again (from its first segment, or when it has one), or the rest of it from this
   * segment ({@code rest}: the command follows), since these clients cannot skip what ran.
   */
  private String failure(RenderedScript.Segment segment, List<String> before, boolean rest) {
    String rows = rowList(before);
    String then = rest ? "run the rest of the script, from this segment:"
        : "run the script again.";
    if (segment.transactional()) {
      return "the segment is undone as a whole; the database is as before it (version table: "
          + rows + "). Fix the cause and " + then;
    }
    String commits = switch (bundle.dialect()) {
      case POSTGRESQL, SQLITE -> "";
      case MYSQL -> " (MySQL commits each DDL statement as it runs)";
      case MARIADB -> " (MariaDB commits each DDL statement as it runs, even one that fails)";
    };
    return "the statements of the segment that ran before the failing one stay applied" + commits
        + "; the version table still holds " + rows + ". Undo them by hand (the client's error"
        + " names the line of the failing statement), fix the cause, then " + then;
  }

  /**
   * The commands that run the rest of a script from one of its segments, where the script marks
   * its segments (guarded, several segments): for mysql and mariadb the script's head up to its
   * guard (directives, settings, lock: the line {@value #MYSQL_GUARD}) and then everything from
   * the segment's marker line ({@code -- strata: segment K of N:}), whose own check stands for the
   * guard; for sqlite3 the script from the segment's marker line, which sets {@code .bail on}
   * again. None for the first segment, for which the whole script runs again.
   */
  private final class Resume {
    private final String script;
    private final java.util.Map<String, Long> lines;
    private final int total;

    Resume(String script, BundleScript written) {
      this.script = script;
      this.lines = written.lines();
      this.total = written.segments().size();
    }

    java.util.Optional<String> command(RenderedScript.Segment segment) {
      if (segment.number() == 1 || !bundle.options().guards()) {
        return java.util.Optional.empty();
      }
      String marker = segmentMarker(segment.number(), total);
      long at = lineOf(marker);
      return java.util.Optional.of(switch (bundle.dialect()) {
        case POSTGRESQL -> throw new IllegalStateException("psql scripts resume by themselves");
        case MYSQL, MARIADB -> {
          lineOf(MYSQL_GUARD);
          yield client.piped("sed -n '1,/^" + MYSQL_GUARD + "$/p;/^" + marker + ":/,$p' "
              + script);
        }
        case SQLITE -> client.piped("tail -n +" + at + " " + script);
      });
    }

    /**
     * The 1-based number of the first line that starts with {@code start}, one of the {@link
     * #markers}.
     */
    private long lineOf(String start) {
      Long at = lines.get(start);
      if (at == null) {
        throw new IllegalStateException(script + " has no line '" + start + "'");
      }
      return at;
    }
  }

  /** The line before a mysql or mariadb script's guard, the end of its head when it resumes. */
  private static final String MYSQL_GUARD = "-- strata: guard";

  private void outsideTransactions() {
    line("## Statements outside a transaction");
    line();
    if (!bundle.dialect().has(Capability.TRANSACTIONAL_DDL)) {
      wrapped("", "All of them: " + database() + " commits each DDL statement as it runs, so a"
          + " failure never undoes the statements before it. Each revision records its"
          + " version-table row once its statements have run, so the version table names the last"
          + " revision that ran to its end.");
      return;
    }
    List<String> outside = java.util.stream.Stream.concat(
            bundle.upgradeScript().segments().stream(), bundle.rollbackScript().segments().stream())
        .filter(s -> !s.transactional())
        .flatMap(s -> s.statements().stream())
        .toList();
    if (outside.isEmpty()) {
      line("None: every statement of both scripts runs inside a transaction, so a failure undoes");
      line("the transaction it is in.");
    } else {
      line("These statements autocommit: a failure after one of them does not undo it.");
      line();
      outside.forEach(statement -> line("- " + code(statement)));
    }
  }

  /** What the client does around the apply command: how it stops, what it refuses, the guard. */
  private void clientNotes() {
    ScriptOptions options = bundle.options();
    String others = options.lockWait()
        .map(wait -> "waits up to " + wait + " for it, then stops").orElse("stops at once");
    switch (bundle.dialect()) {
      case POSTGRESQL -> {
        line("The script opens and commits its own transactions: do not add `-1` (`--single-transaction`).");
        if (options.guards()) {
          line("Before its first change it takes an advisory lock, so that no two strata scripts run on");
          line("the database at once (a second one " + others + "), and checks that the version table");
          line("holds exactly the starting rows below, stopping with an error naming both when not.");
        }
      }
      case MYSQL, MARIADB -> {
        wrapped("", "The client stops at the first error: do not add `--force`. With"
            + " `--binary-mode` it runs none of its own commands but `\\C` (the script's first"
            + " line, which makes it read the script as UTF-8) and `DELIMITER`, so nothing but SQL"
            + " runs.");
        if (options.guards()) {
          wrapped("", "Before its first change the script takes a named lock (`GET_LOCK`), so"
              + " that no two strata scripts run on the database at once (a second one " + others
              + "), and checks that the version table holds exactly the starting rows below,"
              + " stopping with an error naming both when not."
              + (bundle.dialect() == Dialect.MYSQL ? " Its checks stop the client from a"
                  + " procedure, `strata_abort`, that it creates first and drops at its end: the"
                  + " user needs the `CREATE ROUTINE` privilege." : ""));
        }
      }
      case SQLITE -> {
        wrapped("", "`-bail` stops the client at the first error (the script says `.bail on` as"
            + " well), and `-safe` refuses `.shell`, `.system`, `ATTACH` and file access, so"
            + " nothing but SQL runs.");
        if (options.guards()) {
          wrapped("", "Each transaction starts with `BEGIN IMMEDIATE`, which takes the database's"
              + " write lock, so that no two scripts write at once, and before its first change"
              + " the script checks that the version table holds exactly the starting rows below,"
              + " stopping with an error naming both when not.");
        }
      }
    }
  }

  /**
   * {@code text} as a Markdown code span: in single backquotes, or in double ones with spaces
   * when it holds a backquote (MySQL's and SQLite's quoted names).
   */
  private static String code(String text) {
    return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
  }

  /** {@code text} as lines of at most 100 characters, each starting with {@code indent}. */
  private void wrapped(String indent, String text) {
    StringBuilder current = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (current.length() > indent.length() && current.length() + 1 + word.length() > 100) {
        line(current.toString());
        current = new StringBuilder(indent);
      }
      if (current.length() > indent.length()) {
        current.append(' ');
      }
      current.append(word);
    }
    line(current.toString());
  }

  private String database() {
    return switch (bundle.dialect()) {
      case POSTGRESQL -> "PostgreSQL";
      case MYSQL -> "MySQL";
      case MARIADB -> "MariaDB";
      case SQLITE -> "SQLite";
    };
  }

  private static String modeWords(TransactionMode mode) {
    return switch (mode) {
      case BUNDLE -> "one transaction for the whole script (--transaction bundle)";
      case REVISION -> "one transaction per revision (--transaction revision)";
      case NONE -> "no transactions: every statement commits on its own (--transaction none)";
    };
  }

  private static String rows(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join(", ", heads);
  }

  private static String rowList(List<String> heads) {
    return heads.isEmpty() ? "no rows" : "`" + String.join("`, `", heads) + "`";
  }

  private static String revisions(List<String> ids) {
    return ids.isEmpty() ? "no revision" : count(ids.size(), "revision") + " (" + String.join(", ", ids) + ")";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void block(String command) {
    line("```sh");
    line(command);
    line("```");
    line();
  }

  private void line(String s) {
    text.line(s);
  }

  private void line() {
    text.line("");
  }
}
