package dev.strata.cli;

import dev.strata.compiler.schema.ColumnRef;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.Extension;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Origin;
import dev.strata.compiler.schema.Routine;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Sequence;
import dev.strata.compiler.schema.Table;
import dev.strata.compiler.schema.Trigger;
import dev.strata.compiler.schema.View;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.MatchType;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.RoutineKind;
import dev.strata.grammar.ast.TriggerEvent;
import dev.strata.grammar.ast.ViewDefinition;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a live PostgreSQL database's catalog ({@code pg_catalog}, read only, in the READ ONLY
 * transaction {@link VersionTableReader} opens) into a {@link SchemaModel}: schemas, enum types,
 * sequences, tables with their columns and constraints, indexes, views, routines, triggers and
 * extensions, as PostgreSQL holds them (types from {@code pg_type} and {@code atttypmod},
 * expressions as {@code pg_get_expr} prints them). {@link Drift} compares it with the model of
 * the revisions.
 *
 * <p>Left out: {@code pg_catalog}, {@code information_schema}, the {@code pg_*} schemas, objects
 * that belong to an extension ({@code pg_depend} deptype {@code e}), the version table and {@code
 * strata_progress}, the sequences of identity columns, and the extension {@code plpgsql} (every
 * database has it). Exclusion constraints are read by name only ({@link #exclusions}).
 *
 * <p>The queries are written by hand: jOOQ has no model of {@code pg_catalog} without code
 * generation, and these are plain SELECTs with bind parameters.
 */
final class CatalogReader {
  /** The origin of everything read from the catalog: the database, the object's key as path. */
  static final String REVISION = "database";

  private static final String USER_SCHEMA =
      "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";
  private static final String NOT_EXTENSION = "NOT EXISTS (SELECT 1 FROM pg_depend d"
      + " WHERE d.objid = %s AND d.deptype = 'e')";

  private final Connection connection;
  private final long versionTable;
  private final long progressTable;
  private final Map<Long, ObjectName> relations = new LinkedHashMap<>();
  private final Map<String, List<String>> exclusions = new LinkedHashMap<>();

  private CatalogReader(Connection connection, long versionTable, long progressTable) {
    this.connection = connection;
    this.versionTable = versionTable;
    this.progressTable = progressTable;
  }

  /**
   * The schema of the database behind {@code connection} (a read-only transaction), without the
   * version table {@code versionTable} and {@code progressTable} (both quoted names, resolved with
   * {@code to_regclass}; absent ones are ignored).
   *
   * @return the model, and the exclusion constraints by table key ({@link #exclusions})
   */
  static Catalog read(Connection connection, String versionTable, String progressTable)
      throws SQLException {
    long version = oid(connection, versionTable);
    long progress = oid(connection, progressTable);
    try (Statement set = connection.createStatement()) {
      // names outside public print qualified, as the model's display() does
      set.execute("SET LOCAL search_path TO public");
    }
    CatalogReader reader = new CatalogReader(connection, version, progress);
    Optional<String> strataSchema = Optional.empty();
    try (PreparedStatement schema = connection.prepareStatement("SELECT n.nspname FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ?")) {
      schema.setLong(1, version);
      try (ResultSet result = schema.executeQuery()) {
        if (result.next()) {
          strataSchema = Optional.of(result.getString(1));
        }
      }
    }
    return new Catalog(reader.model(), reader.exclusions, strataSchema);
  }

  /**
   * What {@link #read} answers.
   *
   * @param model the catalog as a schema model
   * @param exclusions the exclusion constraints' names by table ({@link ObjectName#sql()})
   * @param versionSchema the schema of the version table, when it exists: strata's own, not
   *     drift when the revisions do not create it
   */
  record Catalog(
      SchemaModel model, Map<String, List<String>> exclusions, Optional<String> versionSchema) {
    Catalog {
      exclusions = Map.copyOf(exclusions);
      Objects.requireNonNull(versionSchema, "versionSchema");
    }
  }

  private static long oid(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT coalesce(to_regclass(?)::oid, 0)")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private SchemaModel model() throws SQLException {
    Map<String, Origin> schemas = schemas();
    Map<ObjectName, EnumType> types = enums();
    Map<ObjectName, Table> tables = tables();
    Map<ObjectName, Sequence> sequences = sequences();
    Map<ObjectName, Index> indexes = indexes();
    Map<ObjectName, View> views = views();
    Map<String, Routine> routines = routines();
    Map<String, Trigger> triggers = triggers();
    Map<String, Extension> extensions = extensions();
    return new SchemaModel(schemas, types, sequences, tables, indexes, views, routines, triggers,
        extensions, List.of());
  }

  static Origin origin(String key) {
    return new Origin(REVISION, key, Span.at(1, 1));
  }

  private interface Row {
    void accept(ResultSet row) throws SQLException;
  }

  private void query(String sql, Row row) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        row.accept(result);
      }
    }
  }

  private static Optional<String> text(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }

  private static List<String> strings(ResultSet row, String column) throws SQLException {
    Array array = row.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Identifier exact(String name) {
    return new Identifier(name, true, Optional.empty());
  }

  private static QualifiedName qualified(ObjectName name) {
    return new QualifiedName(Optional.of(exact(name.schema())), exact(name.name()));
  }

  private Map<String, Origin> schemas() throws SQLException {
    Map<String, Origin> schemas = new LinkedHashMap<>();
    query("SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA
        + " AND n.nspname <> 'public' AND " + NOT_EXTENSION.formatted("n.oid")
        + " ORDER BY n.nspname", row -> schemas.put(row.getString(1), origin(row.getString(1))));
    return schemas;
  }

  private Map<ObjectName, EnumType> enums() throws SQLException {
    Map<ObjectName, EnumType> types = new LinkedHashMap<>();
    query("SELECT n.nspname, t.typname, obj_description(t.oid, 'pg_type') AS comment,"
        + " array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid"
        + " ORDER BY e.enumsortorder) AS labels"
        + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
        + " WHERE t.typtype = 'e' AND " + USER_SCHEMA + " AND " + NOT_EXTENSION.formatted("t.oid")
        + " ORDER BY t.oid", row -> {
          ObjectName name = new ObjectName(row.getString(1), row.getString(2));
          types.put(name, new EnumType(name, strings(row, "labels"), text(row, "comment"),
              origin(name.sql())));
        });
    return types;
  }

  private Map<ObjectName, Table> tables() throws SQLException {
    Map<ObjectName, List<Column>> columns = new LinkedHashMap<>();
    Map<ObjectName, Table> shells = new LinkedHashMap<>();
    query("SELECT c.oid, n.nspname, c.relname, c.relpersistence = 'u' AS unlogged,"
        + " obj_description(c.oid, 'pg_class') AS comment FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMA
        + " AND c.oid NOT IN (" + versionTable + ", " + progressTable + ") AND "
        + NOT_EXTENSION.formatted("c.oid") + " ORDER BY c.oid", row -> {
          ObjectName name = new ObjectName(row.getString(2), row.getString(3));
          relations.put(row.getLong(1), name);
          columns.put(name, new ArrayList<>());
          shells.put(name, new Table(name, List.of(), List.of(), row.getBoolean("unlogged"),
              Optional.empty(), Optional.empty(), List.of(), text(row, "comment"),
              origin(name.sql())));
        });
    query("SELECT a.attrelid, a.attname, a.attnotnull, a.attidentity, a.attgenerated,"
        + " a.atttypmod, a.attndims, t.typname, t.typcategory, tn.nspname AS typschema,"
        + " et.typname AS elemname, etn.nspname AS elemschema,"
        + " pg_get_expr(ad.adbin, ad.adrelid) AS expr,"
        + " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,"
        + " col_description(a.attrelid, a.attnum) AS comment"
        + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
        + " JOIN pg_namespace tn ON tn.oid = t.typnamespace"
        + " LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
        + " LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace"
        + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
        + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
        + " WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum", row -> {
          ObjectName table = relations.get(row.getLong(1));
          if (table == null) {
            return;
          }
          String column = row.getString("attname");
          boolean array = "A".equals(row.getString("typcategory"))
              && row.getString("elemname") != null;
          DataType type = array
              ? type(row.getString("elemschema"), row.getString("elemname"),
                  row.getInt("atttypmod")).withArrayDimensions(Math.max(1, row.getInt("attndims")))
              : type(row.getString("typschema"), row.getString("typname"),
                  row.getInt("atttypmod"));
          String identity = row.getString("attidentity");
          boolean generated = "s".equals(row.getString("attgenerated"));
          Optional<Expr> expr = text(row, "expr").map(CatalogReader::expr);
          columns.get(table).add(new Column(column, type, row.getBoolean("attnotnull"),
              generated ? Optional.empty() : expr,
              identity.isEmpty() ? Optional.empty()
                  : Optional.of(new ColumnConstraint.Identity(identity.equals("a"))),
              generated ? expr : Optional.empty(),
              text(row, "collation").map(c -> new QualifiedName(Optional.empty(), exact(c))),
              text(row, "comment"), origin(table.sql() + "." + ObjectName.quoted(column))));
        });
    Map<ObjectName, List<Constraint>> constraints = constraints();
    Map<ObjectName, Table> tables = new LinkedHashMap<>();
    shells.forEach((name, shell) -> tables.put(name, new Table(name, columns.get(name),
        constraints.getOrDefault(name, List.of()), shell.unlogged(), Optional.empty(),
        Optional.empty(), List.of(), shell.comment(), shell.origin())));
    return tables;
  }

  static Expr expr(String sql) {
    return new Expr(sql, Span.at(1, 1));
  }

  /**
   * A catalog type as the model's {@link DataType}: built-in types by their {@code pg_type}
   * name, sizes decoded from {@code atttypmod} as PostgreSQL's {@code format_type} does; any
   * other type {@link DataType.Kind#NAMED} (qualified unless in {@code public} or {@code
   * pg_catalog}), its modifiers left out.
   */
  static DataType type(String schema, String name, int typmod) {
    OptionalInt none = OptionalInt.empty();
    OptionalInt length = typmod >= 4 ? OptionalInt.of(typmod - 4) : none;
    OptionalInt precision = typmod >= 0 ? OptionalInt.of(typmod) : none;
    if (schema.equals("pg_catalog")) {
      switch (name) {
        case "numeric" -> {
          return typmod >= 4
              ? new DataType(DataType.Kind.NUMERIC, OptionalInt.of(((typmod - 4) >> 16) & 0xffff),
                  OptionalInt.of((typmod - 4) & 0xffff))
              : DataType.of(DataType.Kind.NUMERIC);
        }
        case "varchar" -> {
          return new DataType(DataType.Kind.VARCHAR, length, none);
        }
        case "bpchar" -> {
          return new DataType(DataType.Kind.CHAR, length, none);
        }
        case "bit" -> {
          return new DataType(DataType.Kind.BIT, precision, none);
        }
        case "varbit" -> {
          return new DataType(DataType.Kind.VARBIT, precision, none);
        }
        case "time" -> {
          return new DataType(DataType.Kind.TIME, precision, none);
        }
        case "timetz" -> {
          return new DataType(DataType.Kind.TIMETZ, precision, none);
        }
        case "timestamp" -> {
          return new DataType(DataType.Kind.TIMESTAMP, precision, none);
        }
        case "timestamptz" -> {
          return new DataType(DataType.Kind.TIMESTAMPTZ, precision, none);
        }
        case "interval" -> {
          int digits = typmod & 0xffff;
          return new DataType(DataType.Kind.INTERVAL,
              typmod >= 0 && digits != 0xffff ? OptionalInt.of(digits) : none, none);
        }
        default -> {
          Optional<DataType.Kind> kind = plain(name);
          if (kind.isPresent()) {
            return DataType.of(kind.get());
          }
          return DataType.named(new QualifiedName(Optional.empty(), exact(name)), List.of());
        }
      }
    }
    return DataType.named(schema.equals(ObjectName.DEFAULT_SCHEMA)
        ? new QualifiedName(Optional.empty(), exact(name))
        : new QualifiedName(Optional.of(exact(schema)), exact(name)), List.of());
  }

  private static Optional<DataType.Kind> plain(String name) {
    return Optional.ofNullable(switch (name) {
      case "int2" -> DataType.Kind.SMALLINT;
      case "int4" -> DataType.Kind.INTEGER;
      case "int8" -> DataType.Kind.BIGINT;
      case "float4" -> DataType.Kind.REAL;
      case "float8" -> DataType.Kind.DOUBLE_PRECISION;
      case "text" -> DataType.Kind.TEXT;
      case "bool" -> DataType.Kind.BOOLEAN;
      case "date" -> DataType.Kind.DATE;
      case "json" -> DataType.Kind.JSON;
      case "jsonb" -> DataType.Kind.JSONB;
      case "uuid" -> DataType.Kind.UUID;
      case "bytea" -> DataType.Kind.BYTEA;
      case "xml" -> DataType.Kind.XML;
      case "money" -> DataType.Kind.MONEY;
      case "inet" -> DataType.Kind.INET;
      case "cidr" -> DataType.Kind.CIDR;
      case "macaddr" -> DataType.Kind.MACADDR;
      case "macaddr8" -> DataType.Kind.MACADDR8;
      case "tsvector" -> DataType.Kind.TSVECTOR;
      case "tsquery" -> DataType.Kind.TSQUERY;
      case "oid" -> DataType.Kind.OID;
      case "regclass" -> DataType.Kind.REGCLASS;
      case "int4range" -> DataType.Kind.INT4RANGE;
      case "int8range" -> DataType.Kind.INT8RANGE;
      case "numrange" -> DataType.Kind.NUMRANGE;
      case "tsrange" -> DataType.Kind.TSRANGE;
      case "tstzrange" -> DataType.Kind.TSTZRANGE;
      case "daterange" -> DataType.Kind.DATERANGE;
      case "point" -> DataType.Kind.POINT;
      case "line" -> DataType.Kind.LINE;
      case "lseg" -> DataType.Kind.LSEG;
      case "box" -> DataType.Kind.BOX;
      case "path" -> DataType.Kind.PATH;
      case "polygon" -> DataType.Kind.POLYGON;
      case "circle" -> DataType.Kind.CIRCLE;
      default -> null;
    });
  }

  private Map<ObjectName, List<Constraint>> constraints() throws SQLException {
    Map<ObjectName, List<Constraint>> constraints = new LinkedHashMap<>();
    query("SELECT co.conrelid, co.conname, co.contype, co.condeferrable, co.condeferred,"
        + " co.convalidated, co.confrelid, co.confmatchtype, co.confdeltype, co.confupdtype,"
        + " pg_get_expr(co.conbin, co.conrelid) AS expr,"
        + " array(SELECT a.attname::text FROM unnest(co.conkey) WITH ORDINALITY k(n, i)"
        + " JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.n ORDER BY k.i)"
        + " AS columns,"
        + " array(SELECT a.attname::text FROM unnest(co.confkey) WITH ORDINALITY k(n, i)"
        + " JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.n ORDER BY k.i)"
        + " AS refcolumns,"
        + " rn.nspname AS refschema, rc.relname AS reftable,"
        + " coalesce((SELECT i.indnullsnotdistinct FROM pg_index i"
        + " WHERE i.indexrelid = co.conindid), false) AS nullsnotdistinct"
        + " FROM pg_constraint co LEFT JOIN pg_class rc ON rc.oid = co.confrelid"
        + " LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
        + " WHERE co.contype IN ('p', 'u', 'c', 'f', 'x') AND co.conrelid <> 0"
        + " ORDER BY co.conrelid, co.oid", row -> {
          ObjectName table = relations.get(row.getLong("conrelid"));
          if (table == null) {
            return;
          }
          String name = row.getString("conname");
          Origin origin = origin(table.sql() + "." + ObjectName.quoted(name));
          ConstraintTiming timing = new ConstraintTiming(
              row.getBoolean("condeferrable") ? ConstraintTiming.Deferrable.DEFERRABLE
                  : ConstraintTiming.Deferrable.DEFAULT,
              row.getBoolean("condeferred") ? ConstraintTiming.Initially.DEFERRED
                  : ConstraintTiming.Initially.DEFAULT);
          List<String> columns = strings(row, "columns");
          boolean notValid = !row.getBoolean("convalidated");
          Constraint constraint = switch (row.getString("contype")) {
            case "p" -> new Constraint.PrimaryKey(name, columns, timing, origin);
            case "u" -> new Constraint.Unique(name, columns, row.getBoolean("nullsnotdistinct"),
                timing, origin);
            case "c" -> new Constraint.Check(name, expr(row.getString("expr")), notValid, origin);
            case "f" -> new Constraint.ForeignKey(name, columns,
                new ObjectName(row.getString("refschema"), row.getString("reftable")),
                strings(row, "refcolumns"),
                Optional.of(row.getString("confmatchtype").equals("f") ? MatchType.FULL
                    : MatchType.SIMPLE),
                Optional.of(action(row.getString("confdeltype"))),
                Optional.of(action(row.getString("confupdtype"))), timing, notValid, origin);
            default -> null; // 'x': by name only
          };
          if (constraint == null) {
            exclusions.computeIfAbsent(table.sql(), t -> new ArrayList<>()).add(name);
          } else {
            constraints.computeIfAbsent(table, t -> new ArrayList<>()).add(constraint);
          }
        });
    return constraints;
  }

  private static ReferentialAction action(String code) {
    return switch (code) {
      case "r" -> ReferentialAction.RESTRICT;
      case "c" -> ReferentialAction.CASCADE;
      case "n" -> ReferentialAction.SET_NULL;
      case "d" -> ReferentialAction.SET_DEFAULT;
      default -> ReferentialAction.NO_ACTION;
    };
  }

  private Map<ObjectName, Sequence> sequences() throws SQLException {
    Map<ObjectName, Sequence> sequences = new LinkedHashMap<>();
    query("SELECT n.nspname, c.relname, obj_description(c.oid, 'pg_class') AS comment,"
        + " d.refobjid AS owner, a.attname AS column"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
        + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
        + " LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
        + " WHERE c.relkind = 'S' AND " + USER_SCHEMA + " AND " + NOT_EXTENSION.formatted("c.oid")
        + " AND (d.deptype IS NULL OR d.deptype = 'a') ORDER BY c.oid", row -> {
          ObjectName name = new ObjectName(row.getString(1), row.getString(2));
          String column = row.getString("column");
          Optional<ColumnRef> owner = Optional.ofNullable(relations.get(row.getLong("owner")))
              .filter(t -> column != null)
              .map(t -> new ColumnRef(t, column));
          sequences.put(name, new Sequence(name, List.of(), owner, text(row, "comment"),
              origin(name.sql())));
        });
    return sequences;
  }

  private Map<ObjectName, Index> indexes() throws SQLException {
    Map<ObjectName, Index> indexes = new LinkedHashMap<>();
    query("SELECT i.indrelid, n.nspname, c.relname, i.indisunique, am.amname,"
        + " i.indnkeyatts, i.indnatts, i.indoption::int2[] AS options, i.indnullsnotdistinct,"
        + " pg_get_expr(i.indpred, i.indrelid) AS predicate,"
        + " obj_description(c.oid, 'pg_class') AS comment,"
        + " array(SELECT CASE WHEN k.n = 0 THEN '(' || pg_get_indexdef(i.indexrelid, k.i::int,"
        + " true) || ')' ELSE (SELECT a.attname::text FROM pg_attribute a"
        + " WHERE a.attrelid = i.indrelid AND a.attnum = k.n) END"
        + " FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, i) ORDER BY k.i) AS keys"
        + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = c.relam"
        + " WHERE NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid"
        + " AND co.contype IN ('p', 'u', 'x')) ORDER BY i.indexrelid", row -> {
          ObjectName table = relations.get(row.getLong("indrelid"));
          if (table == null) {
            return;
          }
          ObjectName name = new ObjectName(row.getString(2), row.getString(3));
          List<String> all = strings(row, "keys");
          int keyCount = row.getInt("indnkeyatts");
          Array optionArray = row.getArray("options");
          Object[] options = optionArray == null ? new Object[0] : (Object[]) optionArray.getArray();
          List<IndexElement> keys = new ArrayList<>();
          for (int k = 0; k < keyCount; k++) {
            String key = all.get(k);
            int option = k < options.length ? ((Number) options[k]).intValue() : 0;
            boolean desc = (option & 1) != 0;
            boolean nullsFirst = (option & 2) != 0;
            IndexElement.NullsOrder nulls = nullsFirst == desc ? IndexElement.NullsOrder.DEFAULT
                : nullsFirst ? IndexElement.NullsOrder.FIRST : IndexElement.NullsOrder.LAST;
            boolean expression = key.startsWith("(");
            keys.add(new IndexElement(
                expression ? Optional.empty() : Optional.of(exact(key)),
                expression ? Optional.of(expr(key)) : Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(),
                desc ? IndexElement.SortOrder.DESC : IndexElement.SortOrder.DEFAULT, nulls));
          }
          String method = row.getString("amname");
          indexes.put(name, new Index(name, table, row.getBoolean("indisunique"),
              method.equals("btree") ? Optional.empty() : Optional.of(method), keys,
              all.subList(keyCount, all.size()), row.getBoolean("indnullsnotdistinct"), List.of(),
              text(row, "predicate").map(CatalogReader::expr), text(row, "comment"),
              origin(name.sql())));
        });
    return indexes;
  }

  private Map<ObjectName, View> views() throws SQLException {
    Map<ObjectName, View> views = new LinkedHashMap<>();
    query("SELECT n.nspname, c.relname, c.relkind = 'm' AS materialized,"
        + " pg_get_viewdef(c.oid, true) AS query, obj_description(c.oid, 'pg_class') AS comment"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('v', 'm') AND " + USER_SCHEMA + " AND "
        + NOT_EXTENSION.formatted("c.oid") + " ORDER BY c.oid", row -> {
          ObjectName name = new ObjectName(row.getString(1), row.getString(2));
          views.put(name, new View(name, row.getBoolean("materialized"),
              new ViewDefinition(List.of(), List.of(), expr(row.getString("query").strip()),
                  List.of()),
              text(row, "comment"), origin(name.sql())));
        });
    return views;
  }

  private Map<String, Routine> routines() throws SQLException {
    Map<String, Routine> routines = new LinkedHashMap<>();
    query("SELECT n.nspname, p.proname, p.prokind, oidvectortypes(p.proargtypes) AS arguments"
        + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        + " WHERE p.prokind IN ('f', 'p') AND " + USER_SCHEMA + " AND "
        + NOT_EXTENSION.formatted("p.oid") + " ORDER BY p.oid", row -> {
          ObjectName name = new ObjectName(row.getString(1), row.getString(2));
          String arguments = row.getString("arguments");
          List<String> types = arguments.isBlank() ? List.of()
              : Arrays.stream(arguments.split(", ")).toList();
          RoutineKind kind = row.getString("prokind").equals("p") ? RoutineKind.PROCEDURE
              : RoutineKind.FUNCTION;
          Routine routine = new Routine(name, kind, types,
              new Operation.PostgresOnly.CreateRoutine(kind, false, qualified(name), List.of(),
                  Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
              "", origin(Routine.signature(name, types)));
          routines.put(routine.signature(), routine);
        });
    return routines;
  }

  private Map<String, Trigger> triggers() throws SQLException {
    Map<String, Trigger> triggers = new LinkedHashMap<>();
    query("SELECT t.tgrelid, t.tgname, t.tgtype, t.tgconstraint <> 0 AS isconstraint,"
        + " fn.nspname AS fschema, f.proname AS fname"
        + " FROM pg_trigger t JOIN pg_proc f ON f.oid = t.tgfoid"
        + " JOIN pg_namespace fn ON fn.oid = f.pronamespace"
        + " WHERE NOT t.tgisinternal ORDER BY t.oid", row -> {
          ObjectName table = relations.get(row.getLong("tgrelid"));
          if (table == null) {
            return;
          }
          String name = row.getString("tgname");
          int type = row.getInt("tgtype"); // pg_trigger.h: ROW 1, BEFORE 2, INSERT 4, DELETE 8,
          // UPDATE 16, TRUNCATE 32, INSTEAD 64
          List<TriggerEvent> events = new ArrayList<>();
          for (var event : List.of(Map.entry(4, TriggerEvent.Kind.INSERT),
              Map.entry(16, TriggerEvent.Kind.UPDATE), Map.entry(8, TriggerEvent.Kind.DELETE),
              Map.entry(32, TriggerEvent.Kind.TRUNCATE))) {
            if ((type & event.getKey()) != 0) {
              events.add(new TriggerEvent(event.getValue(), List.of()));
            }
          }
          var timing = (type & 64) != 0 ? Operation.PostgresOnly.TriggerTiming.INSTEAD_OF
              : (type & 2) != 0 ? Operation.PostgresOnly.TriggerTiming.BEFORE
              : Operation.PostgresOnly.TriggerTiming.AFTER;
          Trigger trigger = new Trigger(name, table,
              new Operation.PostgresOnly.CreateTrigger(exact(name), false,
                  row.getBoolean("isconstraint"), timing, events, qualified(table),
                  Optional.empty(), List.of(), (type & 1) != 0, Optional.empty(),
                  qualified(new ObjectName(row.getString("fschema"), row.getString("fname"))),
                  Optional.empty()),
              "", origin(Trigger.key(table, name)));
          triggers.put(trigger.key(), trigger);
        });
    return triggers;
  }

  private Map<String, Extension> extensions() throws SQLException {
    Map<String, Extension> extensions = new LinkedHashMap<>();
    query("SELECT e.extname, n.nspname FROM pg_extension e"
        + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'"
        + " ORDER BY e.oid", row -> extensions.put(row.getString(1),
            new Extension(row.getString(1), Optional.of(row.getString(2)),
                origin(row.getString(1)))));
    return extensions;
  }
}
