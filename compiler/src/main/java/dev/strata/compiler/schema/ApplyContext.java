package dev.strata.compiler.schema;

import dev.strata.compiler.schema.ModelState.Key;
import dev.strata.compiler.schema.ModelState.Keys;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.Location;
import dev.strata.grammar.Severity;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the parts of an {@link Applier} share while one revision's statements are applied: the
 * model, the revision file, the diagnostics found so far and the statement being applied; the
 * checks and reports every kind of statement makes (a missing relation, column or object, a
 * duplicate, a model blind after a hand edit) and the origins kept for their notes; and the parts
 * themselves ({@link TableApplier}, {@link ConstraintApplier}, ...), so that one statement's effect
 * can reach another kind of object (dropping a schema drops its tables). One per revision applied;
 * not thread-safe.
 */
final class ApplyContext {
  final ModelState state;
  final RevisionFile file;
  final List<Diagnostic> diagnostics;
  /** The statement being applied: where a report points by default, where what it makes is made. */
  Statement statement;
  /** The relations one DROP statement names: they may depend on each other. */
  Set<ObjectName> together = Set.of();
  final TableApplier tableApplier;
  final ConstraintApplier constraintApplier;
  final IndexApplier indexApplier;
  final TypeApplier typeApplier;
  final SequenceApplier sequenceApplier;
  final ViewApplier viewApplier;
  final RoutineApplier routineApplier;
  final CommentApplier commentApplier;

  /**
   * The context of applying {@code file}'s statements to {@code state}, reporting to {@code
   * diagnostics}.
   */
  ApplyContext(ModelState state, RevisionFile file, List<Diagnostic> diagnostics) {
    this.state = state;
    this.file = file;
    this.diagnostics = diagnostics;
    this.tableApplier = new TableApplier(this);
    this.constraintApplier = new ConstraintApplier(this);
    this.indexApplier = new IndexApplier(this);
    this.typeApplier = new TypeApplier(this);
    this.sequenceApplier = new SequenceApplier(this);
    this.viewApplier = new ViewApplier(this);
    this.routineApplier = new RoutineApplier(this);
    this.commentApplier = new CommentApplier(this);
  }

  /**
   * Whether the schema {@code name} is written in exists (none written, {@code public}, a system
   * schema, or one {@code CREATE SCHEMA} made); reports the missing schema when not.
   */
  boolean requireSchema(QualifiedName name) {
    if (name.schema().isEmpty()) {
      return true;
    }
    String schema = ObjectName.fold(name.schema().get());
    if (schema.equals(ObjectName.DEFAULT_SCHEMA) || schema.startsWith("pg_")
        || schema.equals("information_schema") || state.schemas.containsKey(schema)) {
      return true;
    }
    missingObject("schema", ObjectName.quoted(schema), Keys.other("schema", schema),
        name.schema().get().span(), false);
    return false;
  }

  /**
   * Whether no table, view, sequence or index is called {@code written} yet; reports the duplicate
   * unless {@code ifNotExists}.
   */
  boolean freeRelation(QualifiedName written, boolean ifNotExists) {
    ObjectName name = ObjectName.of(written);
    if (!state.relationTaken(name)) {
      return true;
    }
    if (!ifNotExists) {
      duplicate(SchemaCode.DUPLICATE_RELATION, "relation " + name.display(),
          written.name().span(), state.relationOrigin(name));
    }
    return false;
  }

  /**
   * The table {@code written}, or empty after reporting that it is missing or not a table (nothing
   * with {@code ifExists}).
   */
  Optional<Table> requireTable(QualifiedName written, boolean ifExists) {
    ObjectName name = ObjectName.of(written);
    Table table = state.tables.get(name);
    if (table == null) {
      if (state.views.containsKey(name)) {
        if (!ifExists) {
          wrongKind(written, "table");
        }
        return Optional.empty();
      }
      missingRelation(written, "table", ifExists);
    }
    return Optional.ofNullable(table);
  }

  /**
   * Reports a {@code kind} (table, view) {@code written} that does not exist; system catalogs
   * ({@code pg_*}) always do.
   */
  void requireRelation(QualifiedName written, String kind) {
    ObjectName name = ObjectName.of(written);
    if (!state.tables.containsKey(name) && !state.views.containsKey(name)
        && !(written.schema().isPresent() && written.schema().get().value().toLowerCase(Locale.ROOT)
            .startsWith("pg_"))) {
      missingRelation(written, kind, false);
    }
  }

  /**
   * Reports the relation {@code written} missing (a warning when a hand edit may have made it),
   * unless {@code ifExists}.
   */
  void missingRelation(QualifiedName written, String kind, boolean ifExists) {
    if (ifExists) {
      return;
    }
    ObjectName name = ObjectName.of(written);
    if (blindWarning(SchemaCode.MISSING_RELATION, kind + " " + name, Keys.relation(name),
        span(written))) {
      return;
    }
    error(SchemaCode.MISSING_RELATION, kind + " " + name + " does not exist", span(written),
        goneNote(Keys.relation(name)));
  }

  /**
   * Reports {@code column} missing from {@code table} (a warning when a hand edit may have made
   * it).
   */
  void missingColumn(Table table, Identifier column) {
    String name = ObjectName.fold(column);
    missingMember(SchemaCode.MISSING_COLUMN, "column", table, column,
        Keys.column(table.name(), name));
  }

  /**
   * Reports the constraint {@code id} missing from {@code table} (a warning when a hand edit may
   * have made it).
   */
  void missingConstraint(Table table, Identifier id) {
    String name = ObjectName.fold(id);
    missingMember(SchemaCode.MISSING_CONSTRAINT, "constraint", table, id,
        Keys.constraint(table.name(), name));
  }

  /**
   * Reports the {@code kind} (column, constraint) {@code id} of {@code table}, whose key is
   * {@code key}, missing (a warning when a hand edit may have made it).
   */
  private void missingMember(SchemaCode code, String kind, Table table, Identifier id, Key key) {
    String what = kind + " " + ObjectName.quoted(ObjectName.fold(id)) + " of table " + table.name();
    if (blindWarning(code, what, key, id.span())) {
      return;
    }
    error(code, what + " does not exist", id.span(), goneNote(key,
        "note: table " + table.name() + " is created at " + table.origin().describe()));
  }

  /**
   * Reports the {@code kind} {@code shown} missing (a warning when a hand edit may have made it),
   * unless {@code ifExists}.
   */
  void missingObject(String kind, String shown, Key key, Optional<Span> at,
      boolean ifExists) {
    if (ifExists) {
      return;
    }
    if (blindWarning(SchemaCode.MISSING_OBJECT, kind + " " + shown, key, at)) {
      return;
    }
    error(SchemaCode.MISSING_OBJECT, kind + " " + shown + " does not exist", at, goneNote(key));
  }

  /**
   * Reports that {@code written} is another kind of relation than {@code expected}, with where it
   * was made.
   */
  void wrongKind(QualifiedName written, String expected) {
    ObjectName name = ObjectName.of(written);
    String actual = state.relationKind(name);
    error(SchemaCode.WRONG_KIND, name + " is not a " + expected, span(written),
        "note: it is a " + actual + ", created at " + state.relationOrigin(name)
            .map(Origin::describe).orElse("?"));
  }

  /** Reports {@code what} as existing already, with where it was made when known. */
  void duplicate(SchemaCode code, String what, Optional<Span> at,
      Optional<Origin> first) {
    error(code, what + " already exists", at, first.map(o -> "note: created at "
        + o.describe()).orElse("note: it already exists at this revision"));
  }

  /**
   * When the model is blind (a hand edit before), reports {@code what} as a warning that it may
   * have been made by hand, and answers true.
   */
  boolean blindWarning(SchemaCode code, String what, Key key, Optional<Span> at) {
    if (state.handEdits.isEmpty()) {
      return false;
    }
    ModelState.Gone gone = state.gone.get(key);
    if (gone != null && gone.handEdits() == state.handEdits.size()) {
      return false; // dropped or renamed after the last hand edit: surely missing
    }
    HandEdit last = state.handEdits.getLast();
    String block = last.dialect().equals("DO") ? "DO block" : "'-- +dialect " + last.dialect()
        + "' block";
    warning(SchemaCode.MAYBE_MADE_BY_HAND, what + " does not exist in the schema model ("
            + code.code() + ")", at,
        "note: it may have been made by hand in the " + block + " at " + last.origin().describe(),
        "help: say what the block does to the schema in a '-- +model' block after it"
            + " (docs/schema-model.md)");
    return true;
  }

  /**
   * The notes for a missing object: where it was dropped or renamed when it was, then {@code more}.
   */
  String[] goneNote(Key key, String... more) {
    List<String> notes = new ArrayList<>();
    ModelState.Gone gone = state.gone.get(key);
    if (gone != null) {
      notes.add("note: " + gone.note());
    }
    notes.addAll(List.of(more));
    if (notes.isEmpty()) {
      notes.add("note: no revision before this one creates it");
    }
    return notes.toArray(String[]::new);
  }

  /**
   * Adds an error with {@code code} at {@code at} (the statement when empty) in this revision's
   * file.
   */
  void error(SchemaCode code, String message, Optional<Span> at, String... notes) {
    report(Severity.ERROR, code, message, at, notes);
  }

  /**
   * Adds a warning with {@code code} at {@code at} (the statement when empty) in this revision's
   * file.
   */
  private void warning(SchemaCode code, String message, Optional<Span> at, String... notes) {
    report(Severity.WARNING, code, message, at, notes);
  }

  /** Adds a diagnostic at {@code at}, or at the statement being applied when empty. */
  private void report(Severity severity, SchemaCode code, String message, Optional<Span> at,
      String... notes) {
    SourceFile source = file.source();
    diagnostics.add(new Diagnostic(severity, code.code(), message,
        Optional.of(new Location(source, at.orElse(statement.span()))), List.of(notes)));
  }

  /** Where this revision makes or changes an object: at {@code at}, or the statement when empty. */
  Origin origin(Optional<Span> at) {
    return new Origin(file.id(), file.source().path(), at.orElse(statement.span()));
  }

  /**
   * The origin of an object {@code key} made here, which is no longer gone and was touched here.
   */
  Origin created(Key key, Optional<Span> at) {
    Origin origin = origin(at);
    state.gone.remove(key);
    state.touched.put(key, origin);
    return origin;
  }

  /** Records that this revision changed the object {@code key} (what E0619 compares at a merge). */
  void touch(Key key, Optional<Span> at) {
    state.touched.put(key, origin(at));
  }

  /** Records that this revision dropped the object {@code key}, for the notes of later reports. */
  void dropped(Key key, Optional<Span> at) {
    Origin origin = origin(at);
    state.gone.put(key, new ModelState.Gone("dropped at " + origin.describe(),
        state.handEdits.size()));
    state.touched.put(key, origin);
  }

  /**
   * Records that this revision renamed the object {@code key} away, for the notes of later reports.
   */
  void renamed(Key key, Optional<Span> at) {
    Origin origin = origin(at);
    state.gone.put(key, new ModelState.Gone("renamed at " + origin.describe(),
        state.handEdits.size()));
    state.touched.put(key, origin);
  }

  /** The span of {@code schema.name}, or of the name when the parts are on two lines. */
  static Optional<Span> span(QualifiedName name) {
    Optional<Span> last = name.name().span();
    if (name.schema().isEmpty() || last.isEmpty() || name.schema().get().span().isEmpty()) {
      return last;
    }
    Span first = name.schema().get().span().get();
    Span end = last.get();
    if (first.line() != end.line() || end.column() < first.column()) {
      return last;
    }
    return Optional.of(new Span(first.line(), first.column(),
        end.column() + end.length() - first.column()));
  }

  /** The span of the first of {@code ids}, or empty when there are none. */
  static Optional<Span> first(List<Identifier> ids) {
    return ids.isEmpty() ? Optional.empty() : ids.getFirst().span();
  }

  /** The span of the string literal {@code 'value'} in the statement, or empty. */
  Optional<Span> literal(String value) {
    return find("'" + value.replace("'", "''") + "'", 0);
  }

  /**
   * The span of the string literal {@code 'value'} after the literal {@code 'before'} in the
   * statement, or empty.
   */
  Optional<Span> literalAfter(String value, String before) {
    String text = statement.text();
    int from = text.indexOf("'" + before.replace("'", "''") + "'");
    return find("'" + value.replace("'", "''") + "'", Math.max(0, from + 1));
  }

  /** The span of {@code needle} in the statement's text from offset {@code from}, or empty. */
  private Optional<Span> find(String needle, int from) {
    String text = statement.text();
    int at = text.indexOf(needle, from);
    if (at < 0) {
      return Optional.empty();
    }
    int line = statement.span().line();
    int column = statement.span().column();
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return Optional.of(new Span(line, column, needle.length()));
  }

  /** {@code t} with {@code columns} instead of its own. */
  static Table withColumns(Table t, List<Column> columns) {
    return new Table(t.name(), columns, t.constraints(), t.unlogged(), t.partitionBy(),
        t.partitionOf(), t.options(), t.comment(), t.origin());
  }

  /** {@code t} with {@code constraints} instead of its own. */
  static Table withConstraints(Table t, List<Constraint> constraints) {
    return new Table(t.name(), t.columns(), constraints, t.unlogged(), t.partitionBy(),
        t.partitionOf(), t.options(), t.comment(), t.origin());
  }

  /** {@code c} with its nullability set. */
  static Column withNotNull(Column c, boolean notNull) {
    return new Column(c.name(), c.type(), notNull, c.defaultValue(), c.identity(), c.generated(),
        c.collation(), c.comment(), c.origin());
  }
}
