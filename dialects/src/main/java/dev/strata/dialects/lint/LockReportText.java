package dev.strata.dialects.lint;

import dev.strata.compiler.lint.TableLock;
import dev.strata.dialects.lint.LockReport.RevisionLocks;
import dev.strata.dialects.lint.LockReport.StatementLocksLine;
import dev.strata.grammar.DialectId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The two renderings of a {@link LockReport}: plain text for the terminal, Markdown for APPLY.md. */
final class LockReportText {
  private LockReportText() {}

  static String text(LockReport report) {
    StringBuilder out = new StringBuilder();
    if (report.dialect() != DialectId.POSTGRESQL) {
      return out.append(notAnalysed(report.dialect())).append('\n').toString();
    }
    out.append("Locks on PostgreSQL, per revision in script order:\n");
    for (RevisionLocks revision : report.revisions()) {
      out.append('\n').append(revision.revision()).append("  ").append(revision.source())
          .append('\n');
      if (revision.statements().isEmpty()) {
        out.append("  no table locks\n");
      }
      for (StatementLocksLine statement : revision.statements()) {
        out.append("  line ").append(statement.line()).append(": ").append(statement.summary())
            .append(statement.inTransaction() ? "" : "  (outside a transaction)").append('\n');
        for (int i = 0; i < statement.locks().size(); i++) {
          out.append("    ").append(lockWords(statement.locks().get(i),
              statement.existing().get(i))).append('\n');
        }
        statement.unknown().ifPresent(
            why -> out.append("    locks unknown: ").append(why).append('\n'));
      }
    }
    return out.toString();
  }

  static String markdown(LockReport report, UnaryOperator<String> where) {
    List<String> lines = new ArrayList<>();
    lines.add("## Locks");
    lines.add("");
    if (report.dialect() != DialectId.POSTGRESQL) {
      lines.add(notAnalysed(report.dialect()));
      return String.join("\n", lines) + "\n";
    }
    lines.add("The table locks `upgrade.sql` takes, per revision, as strata knows them from the");
    lines.add("revisions (`strata lint --locks` prints the same). A statement waits for its lock and,");
    lines.add("in a transaction, holds it until the transaction commits; while it waits, the queries");
    lines.add("that its lock blocks queue behind it. A rewrite copies the whole table, a scan reads it");
    lines.add("all: both take time in proportion to its size.");
    for (RevisionLocks revision : report.revisions()) {
      lines.add("");
      lines.add("### " + revision.revision() + " (`" + where.apply(revision.source()) + "`)");
      lines.add("");
      if (revision.statements().isEmpty()) {
        lines.add("No table locks.");
        continue;
      }
      lines.add("| line | statement | table | lock | blocks | rewrite / scan |");
      lines.add("|---|---|---|---|---|---|");
      for (StatementLocksLine statement : revision.statements()) {
        String what = "`" + statement.summary().replace("`", "'").replace("|", "\\|") + "`"
            + (statement.inTransaction() ? "" : " (outside a transaction)");
        if (statement.locks().isEmpty()) {
          lines.add("| " + statement.line() + " | " + what + " | ? | ? | "
              + statement.unknown().orElse("no table lock").replace("|", "\\|") + " | |");
        }
        for (int i = 0; i < statement.locks().size(); i++) {
          TableLock lock = statement.locks().get(i);
          boolean existing = statement.existing().get(i);
          lines.add("| " + statement.line() + " | " + what + " | " + lock.table()
              + (existing ? "" : " (new)") + " | " + lock.level().sql() + " | "
              + (existing ? lock.level().blocks().replaceFirst("^blocks ", "")
                  : "nobody: created by this revision") + " | "
              + effect(lock) + " |");
        }
        if (!statement.locks().isEmpty() && statement.unknown().isPresent()) {
          lines.add("| " + statement.line() + " | " + what + " | ? | ? | "
              + statement.unknown().get().replace("|", "\\|") + " | |");
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String lockWords(TableLock lock, boolean existing) {
    String effect = effect(lock);
    return lock.table() + ": " + lock.level().sql() + (effect.isEmpty() ? "" : ", " + effect)
        + "; " + (existing ? lock.level().blocks()
            : "blocks nobody: created by this revision");
  }

  private static String effect(TableLock lock) {
    return lock.rewrite() ? "rewrites the table" : lock.scan() ? "scans the table" : "";
  }

  private static String notAnalysed(DialectId dialect) {
    return "strata analyses the table locks of PostgreSQL scripts only; this " + dialect.id()
        + " script's locks are not listed (see the lint rules of " + dialect.id()
        + ": strata lint --dialect " + dialect.id() + ").";
  }
}
