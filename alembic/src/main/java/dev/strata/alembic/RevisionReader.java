package dev.strata.alembic;

import dev.strata.alembic.AlembicRevision.Value;
import dev.strata.alembic.py.Position;
import dev.strata.alembic.py.PyExpr;
import dev.strata.alembic.py.PyModule;
import dev.strata.alembic.py.PyStmt;
import dev.strata.alembic.py.PythonSource;
import dev.strata.alembic.py.SourceSpan;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionId;
import dev.strata.grammar.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one Alembic revision file into an {@link AlembicRevision}, as Alembic's {@code Script}
 * reads the module ({@code alembic/script/base.py}, {@code Script._from_filename} and {@code
 * Script.__init__}): {@code revision} (or, for a legacy file without it, a file name of hex digits),
 * {@code down_revision} (required), {@code branch_labels} and {@code depends_on} (optional, None, a
 * string, or a tuple or list of strings), and the docstring's first paragraph as the message. The
 * values must be literals: the import reads the file, it does not run it.
 */
public final class RevisionReader {
  /** Alembic's {@code _legacy_rev}: a file named by its revision id, hex digits only. */
  private static final Pattern LEGACY_NAME = Pattern.compile("([a-f0-9]+)\\.py");
  private static final List<String> NAMES =
      List.of("revision", "down_revision", "branch_labels", "depends_on");

  private RevisionReader() {}

  /**
   * Reads one file.
   *
   * @param file the path diagnostics and the {@code -- source:} line print (as the user named it)
   * @param text the file's content
   * @throws DiagnosticException E0701 (Python syntax) or E0702-E0712, at the offending value
   */
  public static AlembicRevision read(Path file, String text) throws DiagnosticException {
    SourceFile source = new SourceFile(file.toString(), text);
    PyModule module = PythonSource.parse(file, text);
    Map<String, PyStmt.Assign> values = new HashMap<>();
    PyStmt.Def upgrade = null;
    PyStmt.Def downgrade = null;
    for (PyStmt statement : module.body()) {
      switch (statement) {
        case PyStmt.Assign assign -> {
          for (PyExpr target : assign.targets()) {
            if (target instanceof PyExpr.Name name && NAMES.contains(name.id())) {
              PyStmt.Assign first = values.putIfAbsent(name.id(), assign);
              if (first != null) {
                throw AlembicCode.ASSIGNED_TWICE.fail(source, name.span(),
                    "'" + name.id() + "' is assigned twice",
                    "note: first assigned at " + where(file, first.span()),
                    "help: keep one assignment: Alembic would take the last, the import does not"
                        + " guess which was meant");
              }
            }
          }
        }
        case PyStmt.Def def when def.name().equals("upgrade") -> upgrade = def;
        case PyStmt.Def def when def.name().equals("downgrade") -> downgrade = def;
        default -> { }
      }
    }
    Value id = revisionId(source, file, values.get("revision"));
    PyStmt.Assign down = values.get("down_revision");
    if (down == null) {
      throw AlembicCode.NO_DOWN_REVISION.fail(source, id.span().text().isEmpty()
              ? firstChar(text) : values.get("revision").span(),
          "revision '" + id.text() + "' sets no 'down_revision'",
          "help: write 'down_revision = None' for a first revision, or the parent's id");
    }
    List<Value> parents = strings(source, down, "down_revision");
    for (Value parent : parents) {
      requireId(source, parent, "down_revision");
    }
    List<Value> labels = values.containsKey("branch_labels")
        ? strings(source, values.get("branch_labels"), "branch_labels") : List.of();
    for (Value label : labels) {
      if (!RevisionId.isWord(label.text()) || RevisionId.isReserved(label.text())) {
        throw AlembicCode.BAD_BRANCH_LABEL.fail(source, label.span(),
            "branch label '" + label.text() + "' cannot be a strata branch label",
            "note: strata's branch labels are letters, digits and '_', and not 'base', 'head'"
                + " or 'heads'");
      }
    }
    List<Value> dependencies = values.containsKey("depends_on")
        ? strings(source, values.get("depends_on"), "depends_on") : List.of();
    for (Value dependency : dependencies) {
      if (!RevisionId.isWord(dependency.text()) || RevisionId.isReserved(dependency.text())) {
        requireId(source, dependency, "depends_on");
      }
    }
    if (upgrade == null) {
      throw AlembicCode.NO_UPGRADE.fail(source, firstChar(text),
          "revision '" + id.text() + "' has no 'def upgrade()'",
          "note: Alembic calls upgrade() of every revision it applies");
    }
    if (downgrade == null) {
      throw AlembicCode.NO_DOWNGRADE.fail(source, firstChar(text),
          "revision '" + id.text() + "' has no 'def downgrade()'",
          "note: Alembic calls downgrade() of every revision it rolls back");
    }
    return new AlembicRevision(id, parents, labels, dependencies, message(module, file), source,
        module, upgrade, downgrade);
  }

  private static Value revisionId(SourceFile source, Path file, PyStmt.Assign assign)
      throws DiagnosticException {
    if (assign == null) {
      String name = file.getFileName().toString();
      var legacy = LEGACY_NAME.matcher(name);
      if (legacy.matches()) {
        Value id = new Value(legacy.group(1),
            new SourceSpan(new Position(1, 1), new Position(1, 1), ""));
        requireId(source, id, "revision");
        return id;
      }
      throw AlembicCode.NOT_A_REVISION.fail(source, firstChar(source.text()),
          "'" + name + "' is not an Alembic revision: it sets no 'revision'",
          "note: Alembic loads every '.py' file of the versions directory but '__init__.py'"
              + " and fails on one without 'revision = \"<id>\"'",
          "help: move the file out of the versions directory, or give it its revision id");
    }
    if (!(assign.value() instanceof PyExpr.Str str)) {
      throw notLiteral(source, assign.value(), "revision", "a string");
    }
    Value id = new Value(str.value(), str.span());
    requireId(source, id, "revision");
    return id;
  }

  /** None → empty; a string → one; a tuple or list of strings → each. */
  private static List<Value> strings(SourceFile source, PyStmt.Assign assign, String name)
      throws DiagnosticException {
    List<Value> values = new ArrayList<>();
    List<PyExpr> items = switch (assign.value()) {
      case PyExpr.NoneLiteral none -> List.of();
      case PyExpr.Str str -> List.of(str);
      case PyExpr.Tuple tuple -> tuple.items();
      case PyExpr.ListExpr list -> list.items();
      default -> throw notLiteral(source, assign.value(), name,
          "None, a string, or a tuple of strings");
    };
    for (PyExpr item : items) {
      if (!(item instanceof PyExpr.Str str)) {
        throw notLiteral(source, item, name, "a string");
      }
      values.add(new Value(str.value(), str.span()));
    }
    return values;
  }

  private static void requireId(SourceFile source, Value value, String name)
      throws DiagnosticException {
    Optional<String> problem = RevisionId.problem(value.text());
    if (problem.isPresent()) {
      throw AlembicCode.BAD_ID.fail(source, value.span().text().isEmpty()
              ? firstChar(source.text()) : value.span(),
          "'" + name + "' is '" + value.text() + "', which strata cannot take as a revision id",
          "note: " + problem.get(),
          "note: strata keeps Alembic's ids so that alembic_version rows stay valid; rename"
              + " the revision in Alembic first (its file, 'revision' and its children's"
              + " 'down_revision')");
    }
  }

  private static DiagnosticException notLiteral(
      SourceFile source, PyExpr value, String name, String expected) {
    return AlembicCode.NOT_A_LITERAL.fail(source, value.span(),
        "'" + name + "' is not a literal: expected " + expected,
        "note: the import reads revision files without running them, so these values must be"
            + " written out");
  }

  /**
   * The docstring's first paragraph (Alembic's {@code Script.doc}: the stripped docstring up to the
   * first blank line), its lines joined by a space; the file name's slug when there is none.
   */
  static String message(PyModule module, Path file) {
    String doc = module.docstring() == null ? "" : module.docstring().strip();
    String first = doc.split("\n\n", 2)[0];
    String message = first.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ").strip();
    if (!message.isEmpty()) {
      return message;
    }
    String stem = file.getFileName().toString().replaceAll("\\.py$", "");
    int underscore = stem.indexOf('_');
    String slug = underscore >= 0 && underscore < stem.length() - 1
        ? stem.substring(underscore + 1) : stem;
    return slug.replace('_', ' ').strip();
  }

  private static SourceSpan firstChar(String text) {
    String shown = text.isEmpty() || text.charAt(0) == '\n' ? "" : text.substring(0, 1);
    return new SourceSpan(new Position(1, 1), new Position(1, 1), shown);
  }

  private static String where(Path file, SourceSpan span) {
    return file + ":" + span.start().line() + ":" + span.start().column();
  }
}
