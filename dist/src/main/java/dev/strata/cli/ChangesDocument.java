package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Step;
import dev.strata.compiler.schema.Change;
import dev.strata.compiler.schema.HandEdit;
import dev.strata.compiler.schema.SchemaDiff;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * A bundle's {@code CHANGES.md}: for reviewers and auditors, what each revision of the upgrade
 * changes in the schema, in the order {@code upgrade.sql} applies them. Per step: its position,
 * revision and message, then one {@link Change#description()} per line, from the model of the
 * database before the step to the model after it ({@link SchemaDiff}); a step that changes
 * nothing in the schema (data only) says so, and one with a {@code -- +dialect} block the model
 * cannot follow says that its list may be incomplete. Markdown, LF line ends, a pure function of
 * the plan and the models. The layout is in {@code docs/bundle-format.md}.
 */
final class ChangesDocument {
  private ChangesDocument() {}

  /** The schema of a database whose version table holds {@code heads} ({@code Replay::at}). */
  @FunctionalInterface
  interface Models {
    SchemaModel at(List<String> heads) throws DiagnosticException;
  }

  /**
   * The document for {@code upgrade}, each step diffed between the models at the version-table
   * rows before and after it.
   *
   * @throws DiagnosticException when a model cannot be made (a revision replay refuses)
   */
  static String render(Plan upgrade, Models models) throws DiagnosticException {
    StringWriter text = new StringWriter();
    try {
      write(upgrade, models, text);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return text.toString();
  }

  /**
   * {@link #render}, written to {@code text} step by step (the document grows with the number of
   * revisions), without flushing or closing it.
   *
   * @throws DiagnosticException as {@link #render}
   * @throws IOException when {@code text} fails
   */
  static void write(Plan upgrade, Models models, Writer text)
      throws DiagnosticException, IOException {
    text.append("# Changes\n\n")
        .append("What each revision of this bundle changes in the schema, in the order\n")
        .append("`upgrade.sql` applies them, as strata's schema model sees it (`strata diff`).\n\n")
        .append("From: ").append(side(upgrade.fromHeads())).append('\n')
        .append("To: ").append(side(upgrade.toHeads())).append('\n');
    List<List<String>> after = upgrade.headsAfterEachStep();
    List<String> rows = upgrade.fromHeads();
    SchemaModel before = models.at(rows);
    for (int i = 0; i < upgrade.steps().size(); i++) {
      Step step = upgrade.steps().get(i);
      SchemaModel now = models.at(after.get(i));
      text.append("\n## ").append(String.valueOf(i + 1)).append(". ").append(step.id())
          .append('\n')
          .append('\n').append(step.message().isEmpty() ? "(no message)" : step.message())
          .append("\n\n");
      List<Change> changes = SchemaDiff.between(before, now);
      if (changes.isEmpty()) {
        text.append("- no change to the schema\n");
      }
      for (Change change : changes) {
        text.append("- ").append(change.description()).append('\n');
      }
      for (HandEdit edit : now.handEdits()) {
        if (edit.origin().revision().equals(step.id())) {
          text.append("- a `-- +dialect ").append(edit.dialect()).append("` block at ")
              .append(edit.origin().describe()).append(" changes the schema by hand; the")
              .append(" list above may be incomplete\n");
        }
      }
      before = now;
    }
  }

  private static String side(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join(", ", heads);
  }
}
