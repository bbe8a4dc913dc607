package dev.strata.alembic;

import dev.strata.alembic.py.PyModule;
import dev.strata.alembic.py.PyStmt;
import dev.strata.alembic.py.SourceSpan;
import dev.strata.grammar.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One Alembic revision file, read: the module-level values Alembic's {@code Script} reads
 * ({@code alembic/script/base.py}: {@code revision}, {@code down_revision}, {@code branch_labels},
 * {@code depends_on}, the docstring) and its two functions.
 *
 * @param id {@code revision = "..."}, a valid strata id (1-32 of {@code [A-Za-z0-9_]})
 * @param downRevisions the parents, in written order: empty for {@code down_revision = None} (a
 *     root), one for a string, several for a tuple or list (a merge)
 * @param branchLabels {@code branch_labels}: None → empty, a string → one, a tuple/list → each
 * @param dependsOn {@code depends_on}, as written (ids or branch labels)
 * @param message the first paragraph of the docstring, its lines joined with a space (Alembic's
 *     {@code Script.doc}); the file name's slug when the docstring is missing or empty
 * @param source the file as read, its path as diagnostics and the {@code -- source:} line print it
 * @param module the parsed file
 * @param upgrade {@code def upgrade()}
 * @param downgrade {@code def downgrade()}
 */
public record AlembicRevision(
    Value id,
    List<Value> downRevisions,
    List<Value> branchLabels,
    List<Value> dependsOn,
    String message,
    SourceFile source,
    PyModule module,
    PyStmt.Def upgrade,
    PyStmt.Def downgrade) {

  /** Copies the lists and checks that nothing is missing. */
  public AlembicRevision {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(upgrade, "upgrade");
    Objects.requireNonNull(downgrade, "downgrade");
    downRevisions = List.copyOf(downRevisions);
    branchLabels = List.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
  }

  /**
   * One string value of the file and where it is written.
   *
   * @param text the value
   * @param span the string literal (or the file's first character for an id taken from the file
   *     name, as Alembic does for legacy files without {@code revision})
   */
  public record Value(String text, SourceSpan span) {
    /** Checks that both are given. */
    public Value {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(span, "span");
    }
  }

  /** The file, as given to the import. */
  public Path file() {
    return module.file();
  }

  /** The revision id. */
  public String revision() {
    return id.text();
  }

  /** The parent ids. */
  public List<String> parents() {
    return downRevisions.stream().map(Value::text).toList();
  }
}
