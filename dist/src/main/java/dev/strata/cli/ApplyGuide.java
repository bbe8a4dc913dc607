package dev.strata.cli;

import dev.strata.dialects.RenderedScript;
import dev.strata.dialects.ScriptOptions;
import dev.strata.dialects.TransactionMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code APPLY.md}: the instructions for the DBA who applies a bundle, in plain words, with the
 * exact commands (PostgreSQL: {@code sha256sum} and {@code psql}, no Java), the version-table rows
 * expected before and after, and each segment of the scripts with what a failure in it leaves. The
 * shell commands are in fenced {@code sh} blocks, in this order: check, apply, confirm, roll back.
 */
final class ApplyGuide {
  private final BundleCompiler.Compiled bundle;
  private final StringBuilder text = new StringBuilder();

  private ApplyGuide(BundleCompiler.Compiled bundle) {
    this.bundle = bundle;
  }

  /** The guide's Markdown text (LF line ends, one final LF). */
  static String render(BundleCompiler.Compiled bundle) {
    ApplyGuide guide = new ApplyGuide(bundle);
    guide.introduction();
    guide.psqlMetaCommands();
    guide.steps();
    guide.segments("upgrade.sql", bundle.upgradeScript(), bundle.upgrade().fromHeads());
    guide.segments("rollback.sql", bundle.rollbackScript(), bundle.rollback().fromHeads());
    guide.outsideTransactions();
    return guide.text.toString();
  }

  private void introduction() {
    line("# Applying " + bundle.root());
    line();
    line("This bundle upgrades a " + database() + " database from " + rows(bundle.upgrade().fromHeads())
        + " to " + rows(bundle.upgrade().toHeads()) + " (" + count(bundle.steps().size(), "revision")
        + "), and rolls it back. It was made by strata " + bundle.options().toolVersion() + " with "
        + modeWords(bundle.options().transactionMode()) + ".");
    line();
    line("You need `sha256sum` and `psql`; no Java. Run every command below in this folder, with");
    line("`DATABASE_URL` set to the database, for example");
    line("`export DATABASE_URL='postgresql://user@host:5432/dbname'`.");
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
    block("psql -X -v ON_ERROR_STOP=1 -f upgrade.sql \"$DATABASE_URL\"");
    line("The script opens and commits its own transactions: do not add `-1` (`--single-transaction`).");
    if (bundle.options().guards()) {
      line("Before its first change it takes an advisory lock, so that no two strata scripts run on");
      line("the database at once (a second one " + bundle.options().lockWait()
          .map(wait -> "waits up to " + wait + " for it, then stops").orElse("stops at once")
          + "), and checks that the version table");
      line("holds exactly the starting rows below, stopping with an error naming both when not.");
    }
    line();
    line("Expected version-table rows before: " + rowList(bundle.upgrade().fromHeads())
        + (bundle.upgrade().startsFromBase()
            ? " (on a new database the table does not exist yet; the script creates it)." : "."));
    line();
    line("## 3. Confirm");
    line();
    block(query());
    line("Expected rows after the upgrade (one per line): " + rowList(bundle.upgrade().toHeads())
        + ".");
    line();
    line("## 4. Roll back, if needed");
    line();
    block("psql -X -v ON_ERROR_STOP=1 -f rollback.sql \"$DATABASE_URL\"");
    line("This returns the database to where it started: the query of step 3 then shows "
        + rowList(bundle.upgrade().fromHeads()) + ".");
    line();
  }

  private void segments(String script, RenderedScript rendered, List<String> startRows) {
    line("## Segments of " + script);
    line();
    List<String> before = startRows;
    for (RenderedScript.Segment segment : rendered.segments()) {
      line("- Segment " + segment.number() + ", " + (segment.transactional()
          ? "one transaction" : "outside any transaction") + ": " + revisions(segment.revisions())
          + "; the version table then holds " + rowList(segment.headsAfter()) + ".");
      line("  If it fails: " + failure(segment, before));
      before = segment.headsAfter();
    }
    line();
  }

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

  private void outsideTransactions() {
    line("## Statements outside a transaction");
    line();
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
      outside.forEach(statement -> line("- `" + statement + "`"));
    }
  }

  /** The query that lists the version table's rows, as a psql command. */
  private String query() {
    ScriptOptions options = bundle.options();
    String table = options.versionTableSchema().map(s -> identifier(s) + ".").orElse("")
        + identifier(options.versionTable());
    String sql = "SELECT version_num FROM " + table + " ORDER BY version_num";
    return "psql -X -A -t -c '" + sql.replace("'", "'\\''") + "' \"$DATABASE_URL\"";
  }

  /** A PostgreSQL identifier as the scripts write it: plain when lowercase, quoted otherwise. */
  private static String identifier(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
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
    text.append(s).append('\n');
  }

  private void line() {
    text.append('\n');
  }
}
