package dev.strata.compiler.schema;

import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.QualifiedName;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of a schema object (table, view, index, sequence, type, routine) as PostgreSQL resolves
 * it: {@code schema} and {@code name} folded (unquoted names lower-cased, quoted ones as written),
 * the schema {@code public} when the name is unqualified. Two spellings of one object ({@code
 * Users}, {@code users}, {@code public.users}) give equal names.
 *
 * <p>strata does not know the search path a script runs with; it assumes PostgreSQL's default,
 * where unqualified names resolve in {@code public}.
 */
public record ObjectName(String schema, String name) implements Comparable<ObjectName> {
  /** The schema an unqualified name resolves in. */
  public static final String DEFAULT_SCHEMA = "public";

  public ObjectName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    if (schema.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("an object name has a schema and a name");
    }
  }

  /** The object {@code name} names, unqualified names in {@link #DEFAULT_SCHEMA}. */
  public static ObjectName of(QualifiedName name) {
    return new ObjectName(
        name.schema().map(ObjectName::fold).orElse(DEFAULT_SCHEMA), fold(name.name()));
  }

  /** {@code name} in the schema of {@code sibling} (an index lives in its table's schema). */
  public static ObjectName in(ObjectName sibling, Identifier name) {
    return new ObjectName(sibling.schema(), fold(name));
  }

  /** An identifier as PostgreSQL folds it: unquoted lower-cased (ASCII letters), quoted as is. */
  public static String fold(Identifier identifier) {
    return identifier.quoted() ? identifier.value() : identifier.value().toLowerCase(Locale.ROOT);
  }

  /** {@code name} quoted when PostgreSQL needs it ({@code "Users"}, {@code "order"} is not). */
  public static String quoted(String name) {
    return plain(name) ? name : '"' + name.replace("\"", "\"\"") + '"';
  }

  /**
   * Whether {@code name} needs no quotes: {@code [a-z_][a-z0-9_$]*}, tested char by char (every
   * column of a replay builds its key with it: a regular expression's matcher per call showed in
   * the profile).
   */
  private static boolean plain(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '$'))) {
        return false;
      }
    }
    return true;
  }

  /** {@code schema.name}, each part quoted when needed: for messages and SQL. */
  public String sql() {
    return quoted(schema) + "." + quoted(name);
  }

  /** The name as a person reads it: {@code name} in {@code public}, else {@code schema.name}. */
  public String display() {
    return schema.equals(DEFAULT_SCHEMA) ? quoted(name) : sql();
  }

  /**
   * The name of {@code public} whose {@link #display()} is {@code text} ({@code users}, {@code
   * "Pets ""Log"""}), or empty when none is: {@code display()} of a name of {@code public} is one
   * quoted token or a plain one, never a name of another schema's.
   */
  public static Optional<ObjectName> ofPublicDisplay(String text) {
    String unquoted = text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
    if (unquoted.isEmpty()) {
      return Optional.empty();
    }
    ObjectName named = new ObjectName(DEFAULT_SCHEMA, unquoted);
    return named.display().equals(text) ? Optional.of(named) : Optional.empty();
  }

  @Override
  public int compareTo(ObjectName other) {
    int bySchema = schema.compareTo(other.schema);
    return bySchema != 0 ? bySchema : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return display();
  }
}
