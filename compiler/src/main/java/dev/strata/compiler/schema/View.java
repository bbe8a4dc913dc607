package dev.strata.compiler.schema;

import dev.strata.grammar.ast.ViewDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view or materialized view: its definition as written (query, columns, options), and the
 * renames since then that its query names the old name of ({@code renamedSince}, in order).
 *
 * <p>PostgreSQL keeps a view parsed, by object and column number, so its view follows {@code
 * ALTER TABLE t RENAME COLUMN a TO b} ({@code pg_get_viewdef} then shows {@code t.b AS a}), a
 * table's or view's rename and a move to another schema. The model keeps the query as text, as
 * written: after such a rename the text names what is no longer there, and {@code CREATE VIEW}
 * made from it again fails ({@code column "a" does not exist}). Whatever would create the view
 * again from the model's text (a derived downgrade of {@code DROP VIEW}, SQLite's drop and create
 * of {@code ALTER VIEW}, {@code strata schema}) reads {@code renamedSince} first and refuses, or
 * says so, instead of writing a view that fails.
 */
public record View(
    ObjectName name,
    boolean materialized,
    ViewDefinition definition,
    Optional<String> comment,
    Origin origin,
    List<Rename> renamedSince) {
  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(origin, "origin");
    renamedSince = List.copyOf(renamedSince);
  }

  /** A view whose query, as written, names the objects as they are now (no rename since). */
  public View(ObjectName name, boolean materialized, ViewDefinition definition,
      Optional<String> comment, Origin origin) {
    this(name, materialized, definition, comment, origin, List.of());
  }

  /** Whether the query as written still names everything it reads by its current name. */
  public boolean current() {
    return renamedSince.isEmpty();
  }

  /** This view with its comment set to {@code text}. */
  public View withComment(Optional<String> text) {
    return new View(name, materialized, definition, text, origin, renamedSince);
  }

  /**
   * This view after {@code rename} of something its query names: {@code rename} added to {@link
   * #renamedSince}, or, when it {@link #undoes undoes} the last one there, that one taken off, so
   * that the text is current again.
   */
  public View renamed(Rename rename) {
    List<Rename> out = new ArrayList<>(renamedSince);
    if (undoes(rename)) {
      out.removeLast();
    } else {
      out.add(rename);
    }
    return new View(name, materialized, definition, comment, origin, out);
  }

  /**
   * Whether {@code rename} undoes the last rename of {@link #renamedSince}: the same object
   * renamed back to the name the query was written with.
   */
  public boolean undoes(Rename rename) {
    if (renamedSince.isEmpty()) {
      return false;
    }
    Rename last = renamedSince.getLast();
    return last.object.equals(rename.object) && last.owner.equals(rename.owner)
        && last.from.equals(rename.to) && last.to.equals(rename.from);
  }

  /**
   * This view reading the relation {@code to} where its query reads {@code from} (a table or view
   * renamed or moved to another schema), the rename added as {@link #renamed}: the relations it
   * reads are the ones PostgreSQL's view reads, by their current names, so that what depends on
   * them finds it ({@code DROP TABLE u} refused while the view reads it); its query stays as
   * written.
   */
  public View readsMoved(ObjectName from, ObjectName to, Rename rename) {
    ViewDefinition d = definition;
    ViewDefinition moved = new ViewDefinition(d.columns(), d.options(), d.query(),
        d.reads().stream().map(r -> ObjectName.of(r).equals(from) ? ModelOperations.name(to) : r)
            .toList());
    return new View(name, materialized, moved, comment, origin, renamedSince).renamed(rename);
  }

  /**
   * A rename of an object a view's query names, after the query was written.
   *
   * @param object what was renamed, without its name: {@code "column"}, {@code "table"}, {@code
   *     "view"}
   * @param owner the table or view a renamed column belongs to ({@code "table public.t"}); empty
   *     for a table or view
   * @param from the old name, as the diagnostics print it
   * @param to the new name, likewise
   * @param at where the rename was written
   */
  public record Rename(String object, Optional<String> owner, String from, String to,
      Origin at) {
    public Rename {
      Objects.requireNonNull(object, "object");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(at, "at");
    }

    /** {@code column a of table public.t was renamed to b at versions/b.sql:4:29}. */
    public String describe() {
      return object + " " + from + owner.map(o -> " of " + o).orElse("") + " was renamed to "
          + to + " at " + at.describe();
    }
  }
}
