package dev.strata.cli;

import dev.strata.compiler.schema.Change;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.Extension;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Routine;
import dev.strata.compiler.schema.SchemaDiff;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.SchemaText;
import dev.strata.compiler.schema.Sequence;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.Trigger;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.MatchType;
import dev.strata.grammar.ast.ReferentialAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Drift: how a live database's schema ({@link CatalogReader}) differs from the model of the
 * revisions its version table names ({@code Replay}), as {@link SchemaDiff} changes from the model
 * (before) to the database (after): {@code table `t`: dropped column `c`} says the database has no
 * column {@code c}.
 *
 * <p>The model holds definitions as written ({@code BIGINT}, {@code status IN ('A', 'B')}), the
 * catalog as PostgreSQL normalises them ({@code bigint}, {@code ((status)::text = ANY
 * ((ARRAY['A'::character varying, ...])::text[]))}). Each object of the database that means the
 * same as the model's object of the same name is replaced by the model's ({@link #reconciled}),
 * attribute by attribute, so that only real differences remain, printed as each side says them:
 *
 * <ul>
 *   <li>types compare by a canonical {@link DataType} ({@code SERIAL} is {@code INTEGER}, {@code
 *       CHAR} is {@code CHAR(1)}, a named type by its folded, qualified name, modifiers left out);
 *   <li>expressions (defaults, checks, generated columns, index keys and predicates) compare by
 *       {@link #normal} text: casts, parentheses, case and spacing left out, {@code = ANY
 *       (ARRAY[...])} read as {@code IN (...)}, {@code similar_to_escape} as {@code SIMILAR TO};
 *   <li>a {@code SERIAL} column matches an integer column {@code NOT NULL} with a {@code
 *       nextval(...)} default, its owned sequence left out;
 *   <li>identity columns by {@code ALWAYS}/{@code BY DEFAULT}, sequences by name, owner and
 *       comment, views by name, kind and comment, routines by name and argument types, triggers by
 *       table, name and function, exclusion constraints by name: their other options and bodies
 *       are not compared;
 *   <li>foreign keys with {@code NO ACTION}/{@code MATCH SIMPLE} written or not, constraint
 *       timing as PostgreSQL keeps it (deferrable, initially deferred).
 * </ul>
 */
final class Drift {
  private Drift() {}

  /** The differences from {@code model} to {@code database}; empty when they agree. */
  static List<Change> between(SchemaModel model, CatalogReader.Catalog database) {
    return SchemaDiff.between(model, reconciled(model, database));
  }

  /** {@code database} with every object that means the same as the model's replaced by it. */
  static SchemaModel reconciled(SchemaModel model, CatalogReader.Catalog catalog) {
    SchemaModel db = catalog.model();
    Map<ObjectName, EnumType> types = db.types();
    Map<ObjectName, Table> tables = new LinkedHashMap<>();
    db.tables().forEach((name, table) -> tables.put(name,
        model.table(name).map(m -> table(m, table, catalog)).orElse(table)));
    Map<ObjectName, Sequence> sequences = new LinkedHashMap<>();
    db.sequences().forEach((name, sequence) -> {
      Sequence expected = model.sequences().get(name);
      if (expected == null && sequence.ownedBy().map(o -> serial(model, o.table(), o.column()))
          .orElse(false)) {
        return; // the sequence a SERIAL column implies
      }
      sequences.put(name, expected != null && expected.ownedBy().equals(sequence.ownedBy())
          ? new Sequence(name, expected.options(), expected.ownedBy(), sequence.comment(),
              expected.origin())
          : expected != null ? new Sequence(name, expected.options(), sequence.ownedBy(),
              sequence.comment(), sequence.origin()) : sequence);
    });
    Map<ObjectName, Index> indexes = new LinkedHashMap<>();
    db.indexes().forEach((name, index) -> {
      Index expected = model.indexes().get(name);
      indexes.put(name, expected != null && canonical(expected).equals(canonical(index))
          ? new Index(name, expected.table(), expected.unique(), expected.method(),
              expected.keys(), expected.include(), expected.nullsNotDistinct(), expected.options(),
              expected.where(), index.comment(), expected.origin())
          : index);
    });
    Map<ObjectName, View> views = new LinkedHashMap<>();
    db.views().forEach((name, view) -> {
      View expected = model.views().get(name);
      views.put(name, expected != null && expected.materialized() == view.materialized()
          ? new View(name, expected.materialized(), expected.definition(), view.comment(),
              expected.origin())
          : view);
    });
    Map<String, Routine> byCanonical = new LinkedHashMap<>();
    model.routines().values().forEach(r -> byCanonical.put(canonicalSignature(r), r));
    Map<String, Routine> routines = new LinkedHashMap<>();
    db.routines().values().forEach(routine -> {
      Routine expected = byCanonical.get(canonicalSignature(routine));
      Routine kept = expected != null && expected.kind() == routine.kind() ? expected : routine;
      routines.put(kept.signature(), kept);
    });
    Map<String, Trigger> triggers = new LinkedHashMap<>();
    db.triggers().forEach((key, trigger) -> {
      Trigger expected = model.triggers().get(key);
      triggers.put(key, expected != null
          && ObjectName.of(expected.definition().function())
              .equals(ObjectName.of(trigger.definition().function())) ? expected : trigger);
    });
    Map<String, Extension> extensions = new LinkedHashMap<>();
    db.extensions().forEach((name, extension) -> {
      Extension expected = model.extensions().get(name);
      extensions.put(name, expected != null && (expected.schema().isEmpty()
          || expected.schema().equals(extension.schema())) ? expected : extension);
    });
    Map<String, dev.strata.compiler.schema.Origin> schemas = new LinkedHashMap<>(db.schemas());
    catalog.versionSchema().filter(s -> !model.schemas().containsKey(s)).ifPresent(schemas::remove);
    return new SchemaModel(schemas, types, sequences, tables, indexes, views, routines,
        triggers, extensions, List.of());
  }

  private static boolean serial(SchemaModel model, ObjectName table, String column) {
    return model.table(table).flatMap(t -> t.column(column))
        .map(c -> c.type().kind().autoIncrement()).orElse(false);
  }

  /** The database's table, its columns and constraints that mean the model's replaced by them. */
  private static Table table(Table model, Table db, CatalogReader.Catalog catalog) {
    List<Column> columns = new ArrayList<>();
    for (Column column : db.columns()) {
      columns.add(model.column(column.name()).map(m -> column(m, column)).orElse(column));
    }
    List<Constraint> constraints = new ArrayList<>();
    for (Constraint constraint : db.constraints()) {
      Optional<Constraint> expected = model.constraint(constraint.name());
      constraints.add(expected.filter(m -> canonical(m).equals(canonical(constraint)))
          .orElse(constraint));
    }
    List<String> exclusions = catalog.exclusions().getOrDefault(db.name().sql(), List.of());
    for (Constraint constraint : model.constraints()) {
      if (constraint instanceof Constraint.Exclude && exclusions.contains(constraint.name())) {
        constraints.add(constraint);
      }
    }
    return new Table(db.name(), columns, constraints, db.unlogged(), model.partitionBy(),
        model.partitionOf(), model.options(), db.comment(), db.origin());
  }

  /** The database's column, each attribute that means the model's replaced by it. */
  private static Column column(Column model, Column db) {
    boolean serial = model.type().kind().autoIncrement();
    DataType type = canonical(model.type()).equals(canonical(db.type())) ? model.type()
        : db.type();
    boolean notNull = db.notNull() == (model.notNull() || serial) ? model.notNull() : db.notNull();
    Optional<Expr> defaultValue;
    if (serial && model.defaultValue().isEmpty() && db.defaultValue()
        .filter(d -> normal(d.sql()).startsWith("nextval ")).isPresent()) {
      defaultValue = model.defaultValue();
    } else {
      defaultValue = same(model.defaultValue(), db.defaultValue()) ? model.defaultValue()
          : db.defaultValue();
    }
    var identity = model.identity().isPresent() && db.identity().isPresent()
        && model.identity().get().always() == db.identity().get().always()
        ? model.identity() : db.identity();
    Optional<Expr> generated = same(model.generated(), db.generated()) ? model.generated()
        : db.generated();
    var collation = model.collation().map(ObjectName::of).map(ObjectName::name)
        .equals(db.collation().map(ObjectName::of).map(ObjectName::name))
        ? model.collation() : db.collation();
    return new Column(db.name(), type, notNull, defaultValue, identity, generated, collation,
        db.comment(), db.origin());
  }

  private static boolean same(Optional<Expr> a, Optional<Expr> b) {
    return a.map(e -> normal(e.sql())).equals(b.map(e -> normal(e.sql())));
  }

  /**
   * A type as PostgreSQL stores it: {@code SERIAL} kinds as their integers, {@code CHAR} and
   * {@code BIT} without a length as length 1, a named type by its folded, qualified name without
   * modifiers ({@code pg_catalog} types unqualified), arrays by their dimensions.
   */
  static String canonical(DataType type) {
    DataType plain = switch (type.kind()) {
      case SERIAL -> DataType.of(DataType.Kind.INTEGER);
      case BIGSERIAL -> DataType.of(DataType.Kind.BIGINT);
      case SMALLSERIAL -> DataType.of(DataType.Kind.SMALLINT);
      case CHAR, BIT -> new DataType(type.kind(),
          type.size().isPresent() ? type.size() : OptionalInt.of(1), OptionalInt.empty());
      case NAMED -> type; // named below
      default -> new DataType(type.kind(), type.size(), type.scale());
    };
    if (type.kind() == DataType.Kind.NAMED) {
      ObjectName name = ObjectName.of(type.named().orElseThrow().name());
      boolean builtIn = type.named().orElseThrow().name().schema().isEmpty()
          || name.schema().equals("pg_catalog");
      return (builtIn ? ObjectName.quoted(name.name()) : name.display())
          + "[]".repeat(type.arrayDimensions());
    }
    return SchemaText.type(plain) + "[]".repeat(type.arrayDimensions());
  }

  /** A routine's name and argument types as PostgreSQL's {@code format_type} names them. */
  static String canonicalSignature(Routine routine) {
    return routine.name().sql() + "(" + String.join(",",
        routine.argumentTypes().stream().map(Drift::argumentType).toList()) + ")";
  }

  private static String argumentType(String written) {
    String type = written.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
        .replaceAll("\\s*\\(.*?\\)", "");
    int array = 0;
    while (type.endsWith("[]")) {
      type = type.substring(0, type.length() - 2).strip();
      array++;
    }
    String base = switch (type) {
      case "int", "int4", "serial", "serial4" -> "integer";
      case "int8", "bigserial", "serial8" -> "bigint";
      case "int2", "smallserial", "serial2" -> "smallint";
      case "varchar" -> "character varying";
      case "char", "bpchar" -> "character";
      case "bool" -> "boolean";
      case "float8", "float" -> "double precision";
      case "float4" -> "real";
      case "decimal" -> "numeric";
      case "timestamptz" -> "timestamp with time zone";
      case "timestamp" -> "timestamp without time zone";
      case "timetz" -> "time with time zone";
      case "time" -> "time without time zone";
      case "varbit" -> "bit varying";
      default -> type.startsWith("public.") ? type.substring("public.".length()) : type;
    };
    return base + "[]".repeat(array);
  }

  /** An index without its name, comment and origin, in the form the catalog gives. */
  private static String canonical(Index index) {
    StringBuilder out = new StringBuilder();
    out.append(index.table().sql()).append(index.unique() ? " unique " : " ")
        .append(index.method().map(m -> m.toLowerCase(Locale.ROOT)).filter(m -> !m.equals("btree"))
            .orElse("btree"))
        .append(" (");
    for (IndexElement key : index.keys()) {
      out.append(key.column().map(ObjectName::fold)
          .orElseGet(() -> "expr " + normal(key.expression().orElseThrow().sql())));
      boolean desc = key.order() == IndexElement.SortOrder.DESC;
      boolean nullsFirst = switch (key.nulls()) {
        case DEFAULT -> desc;
        case FIRST -> true;
        case LAST -> false;
      };
      out.append(desc ? " desc" : "").append(nullsFirst ? " nulls first" : "").append(", ");
    }
    out.append(") include ").append(index.include())
        .append(index.nullsNotDistinct() ? " nulls not distinct" : "")
        .append(" where ").append(index.where().map(w -> normal(w.sql())).orElse(""));
    return out.toString();
  }

  /** A constraint without its origin, in the form the catalog gives. */
  private static String canonical(Constraint constraint) {
    return switch (constraint) {
      case Constraint.PrimaryKey pk -> "pk " + pk.columns() + timing(pk.timing());
      case Constraint.Unique u ->
          "unique " + u.columns() + u.nullsNotDistinct() + timing(u.timing());
      case Constraint.Check c -> "check " + normal(c.condition().sql()) + " " + c.notValid();
      case Constraint.ForeignKey fk -> "fk " + fk.columns() + " " + fk.references().sql() + " "
          + fk.referencedColumns() + " " + fk.match().orElse(MatchType.SIMPLE) + " "
          + fk.onDelete().orElse(ReferentialAction.NO_ACTION) + " "
          + fk.onUpdate().orElse(ReferentialAction.NO_ACTION) + timing(fk.timing()) + " "
          + fk.notValid();
      case Constraint.Exclude x -> "exclude " + x.name();
    };
  }

  /** Timing as the catalog keeps it: deferrable or not, initially deferred or not. */
  private static String timing(ConstraintTiming timing) {
    boolean deferred = timing.initially() == ConstraintTiming.Initially.DEFERRED;
    boolean deferrable = deferred || timing.deferrable() == ConstraintTiming.Deferrable.DEFERRABLE;
    return (deferrable ? " deferrable" : "") + (deferred ? " deferred" : "");
  }

  /**
   * An expression in a form that the text as written and the text {@code pg_get_expr} prints
   * share: tokens joined by one space, words lower-cased (quoted identifiers as written, string
   * literals untouched), {@code ::type} casts and parentheses left out (a cast's quoted number
   * {@code '-1'::integer} read as {@code -1}), {@code = ANY (ARRAY[...])} read as {@code IN
   * (...)}, {@code <> ALL (ARRAY[...])} as {@code NOT IN (...)}, {@code ~ similar_to_escape(...)}
   * as {@code SIMILAR TO}, {@code ~~} as {@code LIKE}, {@code !=} as {@code <>}. Two texts with one
   * normal form may still differ (parentheses that change the grouping): drift misses that.
   */
  static String normal(String sql) {
    List<String> tokens = tokens(sql);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.equals("::")) {
        i = skipType(tokens, i + 1) - 1;
        if (!out.isEmpty() && out.getLast().matches("'-?[0-9]+(\\.[0-9]+)?'")) {
          String last = out.removeLast();
          String number = last.substring(1, last.length() - 1);
          if (number.startsWith("-")) {
            out.add("-");
            number = number.substring(1);
          }
          out.add(number);
        }
        continue;
      }
      if (token.equals("(") || token.equals(")")) {
        continue;
      }
      out.add(token);
    }
    List<String> rewritten = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      String token = out.get(i);
      boolean any = token.equals("=") && next(out, i + 1, "any", "array", "[");
      boolean all = token.equals("<>") && next(out, i + 1, "all", "array", "[");
      if (any || all) {
        rewritten.addAll(any ? List.of("in") : List.of("not", "in"));
        int depth = 0;
        int j = i + 3;
        for (; j < out.size(); j++) {
          String t = out.get(j);
          if (t.equals("[")) {
            depth++;
          } else if (t.equals("]") && --depth == 0) {
            break;
          } else if (depth > 1 || !t.equals("[")) {
            rewritten.add(t);
          }
        }
        i = j;
        continue;
      }
      if (token.equals("~") && next(out, i + 1, "similar_to_escape")) {
        rewritten.addAll(List.of("similar", "to"));
        i++;
        continue;
      }
      rewritten.add(switch (token) {
        case "~~" -> "like";
        case "~~*" -> "ilike";
        case "!=" -> "<>";
        default -> token;
      });
    }
    return String.join(" ", rewritten);
  }

  private static boolean next(List<String> tokens, int from, String... expected) {
    for (int k = 0; k < expected.length; k++) {
      if (from + k >= tokens.size() || !tokens.get(from + k).equals(expected[k])) {
        return false;
      }
    }
    return true;
  }

  /** The index after the type name that starts at {@code i} (after {@code ::}). */
  private static int skipType(List<String> tokens, int i) {
    if (i < tokens.size() && isWord(tokens.get(i))) {
      String first = tokens.get(i++);
      if (i + 1 < tokens.size() && tokens.get(i).equals(".") && isWord(tokens.get(i + 1))) {
        first = tokens.get(i + 1);
        i += 2;
      }
      switch (first) {
        case "character", "bit" -> i = optional(tokens, i, "varying");
        case "double" -> i = optional(tokens, i, "precision");
        case "timestamp", "time" -> {
          i = modifiers(tokens, i);
          if (next(tokens, i, "with", "time", "zone") || next(tokens, i, "without", "time",
              "zone")) {
            i += 3;
          }
        }
        default -> { }
      }
      i = modifiers(tokens, i);
      while (next(tokens, i, "[", "]")) {
        i += 2;
      }
    }
    return i;
  }

  private static int optional(List<String> tokens, int i, String word) {
    return next(tokens, i, word) ? i + 1 : i;
  }

  /** After {@code (n)} or {@code (p, s)} at {@code i}, else {@code i}. */
  private static int modifiers(List<String> tokens, int i) {
    if (next(tokens, i, "(") && i + 1 < tokens.size() && tokens.get(i + 1).matches("[0-9]+")) {
      int j = i + 2;
      while (j < tokens.size() && !tokens.get(j).equals(")")) {
        j++;
      }
      return j + 1;
    }
    return i;
  }

  private static boolean isWord(String token) {
    return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_'
        || token.charAt(0) == '"');
  }

  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

  /** The tokens of {@code sql}: literals, identifiers, numbers, operators, punctuation. */
  private static List<String> tokens(String sql) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < sql.length()
          && sql.charAt(i + 1) == '\'')) {
        int start = c == '\'' ? i : i + 1;
        int j = start + 1;
        while (j < sql.length()) {
          if (sql.charAt(j) == '\'') {
            if (j + 1 < sql.length() && sql.charAt(j + 1) == '\'') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        tokens.add(sql.substring(start, Math.min(j + 1, sql.length())));
        i = j + 1;
      } else if (c == '"') {
        int j = sql.indexOf('"', i + 1);
        j = j < 0 ? sql.length() : j;
        tokens.add(sql.substring(i + 1, j));
        i = j + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j))
            || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
          j++;
        }
        tokens.add(sql.substring(i, j).toLowerCase(Locale.ROOT));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < sql.length() && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
          j++;
        }
        tokens.add(sql.substring(i, j));
        i = j;
      } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
        tokens.add("::");
        i += 2;
      } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
        int j = i;
        while (j < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(j)) >= 0) {
          j++;
        }
        tokens.add(sql.substring(i, j));
        i = j;
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }
}
