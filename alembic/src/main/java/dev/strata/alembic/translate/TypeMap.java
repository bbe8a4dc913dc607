package dev.strata.alembic.translate;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Column types of the application, mapped to strata SQL types: what {@code --type-map
 * myapp.types.GUID=UUID} says. Alembic revision files often use types that the application
 * defines ({@code sqlalchemy_utils.UUIDType}, {@code myapp.types.GUID}); their DDL is Python code
 * the import cannot run, so each needs a mapping, else its column is a placeholder.
 *
 * @param types qualified Python name (the module path the revision file imports it from and the
 *     class name, e.g. {@code myapp.types.GUID}, {@code sqlalchemy_utils.types.uuid.UUIDType} or
 *     {@code sqlalchemy_utils.UUIDType} as imported) to a type of strata's language, written as in a
 *     revision file ({@code UUID}, {@code VARCHAR(255)}, {@code NUMERIC(12, 2)}); in the order given
 */
public record TypeMap(Map<String, String> types) {
  /** No mapping. */
  public static final TypeMap EMPTY = new TypeMap(Map.of());

  private static final Pattern QUALIFIED =
      Pattern.compile("\\.*[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  /** Copies the map (keeping its order) and checks each entry as {@link #parse} does. */
  public TypeMap {
    Objects.requireNonNull(types, "types");
    Map<String, String> copy = new LinkedHashMap<>();
    types.forEach((name, type) -> {
      if (name == null || !QUALIFIED.matcher(name).matches()) {
        throw new IllegalArgumentException("not a Python name: " + name);
      }
      if (type == null || StrataSql.typeProblem(type).isPresent()) {
        throw new IllegalArgumentException("not a strata type: " + type);
      }
      copy.put(name, type.strip());
    });
    types = java.util.Collections.unmodifiableMap(copy);
  }

  /** The strata type for a qualified Python name, or null. */
  public String typeOf(String qualifiedName) {
    return types.get(qualifiedName);
  }

  /**
   * Reads {@code NAME=TYPE} entries as given on the command line ({@code --type-map}, each its own
   * entry). Errors point into the entry, reported under the path {@code --type-map} (line = the
   * entry's 1-based index):
   *
   * <ul>
   *   <li>E0715: no {@code =} in the entry;
   *   <li>E0716: the name is not a Python name ({@code module.Class}, or {@code Class} for one
   *       the revision file defines);
   *   <li>E0717: the type is not a type of strata's language (strata's parser says why);
   *   <li>E0718: the same name mapped twice to different types.
   * </ul>
   *
   * @throws DiagnosticException with one diagnostic per bad entry, in order
   */
  public static TypeMap parse(List<String> entries) throws DiagnosticException {
    return parse("--type-map", entries);
  }

  /**
   * As {@link #parse(List)}, with errors reported under {@code origin} (e.g. {@code strata.toml}
   * for entries read from a configuration file).
   */
  public static TypeMap parse(String origin, List<String> entries) throws DiagnosticException {
    Map<String, String> types = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      SourceFile source = new SourceFile(origin, String.join("\n", entries));
      int line = i + 1;
      int equals = entry.indexOf('=');
      if (equals < 0) {
        problems.add(Diagnostic.error("E0715", "type mapping '" + entry + "' has no '='", source,
            new Span(line, 1, Math.max(1, entry.length())),
            "help: write NAME=TYPE, e.g. myapp.types.GUID=UUID"));
        continue;
      }
      String name = entry.substring(0, equals).strip();
      int nameColumn = 1 + leading(entry);
      if (!QUALIFIED.matcher(name).matches()) {
        problems.add(Diagnostic.error("E0716",
            "'" + name + "' is not a Python name", source,
            new Span(line, nameColumn, Math.max(1, name.length())),
            "help: name the class with the module it is imported from, e.g."
                + " myapp.types.GUID or sqlalchemy_utils.UUIDType",
            "note: a revision file's 'from myapp.types import GUID' makes 'GUID' mean"
                + " myapp.types.GUID"));
        continue;
      }
      String type = entry.substring(equals + 1).strip();
      int typeColumn = equals + 2 + leading(entry.substring(equals + 1));
      var problem = StrataSql.typeProblem(type);
      if (problem.isPresent()) {
        problems.add(Diagnostic.error("E0717",
            "'" + type + "' is not a column type of strata's language", source,
            new Span(line, Math.min(typeColumn, Math.max(1, entry.length())),
                Math.max(1, type.length())),
            "note: strata's parser says: " + problem.get(),
            "help: write the type as in a revision file: UUID, VARCHAR(255), NUMERIC(12, 2),"
                + " JSONB, TEXT[]"));
        continue;
      }
      String before = types.get(name);
      if (before != null && !before.equals(type)) {
        problems.add(Diagnostic.error("E0718",
            "'" + name + "' is mapped twice: to " + before + " and to " + type, source,
            new Span(line, nameColumn, name.length()),
            "help: keep one mapping for each type"));
        continue;
      }
      types.put(name, type);
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new TypeMap(types);
  }

  private static int leading(String text) {
    int n = 0;
    while (n < text.length() && Character.isWhitespace(text.charAt(n))) {
      n++;
    }
    return n;
  }
}
