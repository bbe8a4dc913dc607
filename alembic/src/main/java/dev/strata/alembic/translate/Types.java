package dev.strata.alembic.translate;

import dev.strata.alembic.py.PyExpr;
import dev.strata.alembic.translate.SqlType.Affinity;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLAlchemy column types translated to strata's types, as SQLAlchemy 1.4's PostgreSQL dialect
 * compiles them ({@code sa.String(50)} is {@code VARCHAR(50)}, {@code sa.DateTime(timezone=True)}
 * is {@code TIMESTAMP WITH TIME ZONE}, {@code sa.Float()} is PostgreSQL's {@code FLOAT}, that is
 * {@code DOUBLE PRECISION}). A type of the application goes through the {@link TypeMap}.
 */
final class Types {
  private final Names names;
  private final TypeMap typeMap;

  Types(Names names, TypeMap typeMap) {
    this.names = names;
    this.typeMap = typeMap;
  }

  /** The type a column, {@code type_} or {@code ARRAY} argument names (a class or a call). */
  SqlType translate(PyExpr expression) {
    if (expression instanceof PyExpr.Name name && !names.isImported(name.id())
        && names.moduleValue(name.id()) instanceof PyExpr.Call value) {
      // status = postgresql.ENUM(..., name='status') at module level or earlier in the function
      return translate(value);
    }
    PyExpr callee = expression instanceof PyExpr.Call call ? call.function() : expression;
    String qualified = names.qualified(callee);
    if (qualified == null) {
      throw new Refusal(expression, "column type " + Literals.oneLine(expression.span().text())
          + " is not a type name");
    }
    if (!qualified.startsWith("sqlalchemy.")) {
      String mapped = typeMap.typeOf(qualified);
      if (mapped == null) {
        throw new Refusal(expression, "application type " + qualified + " (map it with"
            + " --type-map " + qualified + "=SQLTYPE)");
      }
      return new SqlType(mapped, affinityOfMapped(mapped), null);
    }
    if (qualified.contains(".dialects.") && !qualified.contains(".dialects.postgresql")) {
      throw new Refusal(expression, "type " + qualified + " belongs to another database than"
          + " PostgreSQL");
    }
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    PyExpr.Call call = expression instanceof PyExpr.Call c ? c : null;
    String written = Literals.oneLine(callee.span().text());
    Args args = new Args(call == null ? new PyExpr.Call(expression, List.of(), List.of(),
        expression.span()) : call, written, names, params(simple));
    SqlType type = build(simple, args, expression, written);
    args.finish();
    return type;
  }

  private static Affinity affinityOfMapped(String sql) {
    String upper = sql.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (upper) {
      case "INTEGER", "INT", "INT4" -> Affinity.INTEGER;
      case "BIGINT", "INT8" -> Affinity.BIG_INTEGER;
      case "SMALLINT", "INT2" -> Affinity.SMALL_INTEGER;
      default -> Affinity.OTHER;
    };
  }

  /** The positional parameters of each type's constructor, as SQLAlchemy 1.4 declares them. */
  private static String[] params(String simple) {
    return switch (simple) {
      case "String", "VARCHAR", "Unicode", "CHAR", "Text", "TEXT", "UnicodeText", "CITEXT" ->
          new String[] {"length", "collation"};
      case "Numeric", "NUMERIC", "DECIMAL" -> new String[] {"precision", "scale", "decimal_return_scale", "asdecimal"};
      case "Float", "FLOAT", "REAL", "DOUBLE_PRECISION", "DOUBLE" ->
          new String[] {"precision", "asdecimal", "decimal_return_scale"};
      case "DateTime", "TIMESTAMP" -> new String[] {"timezone", "precision"};
      case "Time", "TIME" -> new String[] {"timezone", "precision"};
      case "ARRAY" -> new String[] {"item_type", "as_tuple", "dimensions", "zero_indexes"};
      case "Enum", "ENUM" -> new String[] {"*enums"};
      case "LargeBinary", "BYTEA" -> new String[] {"length"};
      case "Interval", "INTERVAL" -> new String[] {"precision", "fields"};
      case "BIT" -> new String[] {"length", "varying"};
      case "JSON", "JSONB" -> new String[] {"none_as_null", "astext_type"};
      case "UUID", "Uuid" -> new String[] {"as_uuid"};
      default -> new String[0];
    };
  }

  private SqlType build(String simple, Args args, PyExpr expression, String written) {
    return switch (simple) {
      case "Integer", "INTEGER", "INT" -> new SqlType("INTEGER", Affinity.INTEGER, null);
      case "BigInteger", "BIGINT" -> new SqlType("BIGINT", Affinity.BIG_INTEGER, null);
      case "SmallInteger", "SMALLINT" -> new SqlType("SMALLINT", Affinity.SMALL_INTEGER, null);
      case "String", "VARCHAR", "Unicode" -> text("VARCHAR", args, true);
      case "CHAR" -> text("CHAR", args, true);
      case "Text", "TEXT", "UnicodeText" -> text("TEXT", args, false);
      case "CITEXT" -> text("CITEXT", args, false);
      case "Numeric", "NUMERIC", "DECIMAL" -> numeric(args);
      case "Float", "FLOAT" -> {
        PyExpr precision = args.take("precision");
        args.ignore("asdecimal", "decimal_return_scale");
        String sql = precision == null || precision instanceof PyExpr.NoneLiteral
            || Literals.integer(precision, names, "precision of " + simple) > 24
            ? "DOUBLE PRECISION" : "REAL";
        yield new SqlType(sql, Affinity.NUMERIC, null);
      }
      case "REAL" -> {
        // SQLAlchemy writes REAL and DOUBLE PRECISION without their precision argument
        args.ignore("precision", "asdecimal", "decimal_return_scale");
        yield new SqlType("REAL", Affinity.NUMERIC, null);
      }
      case "DOUBLE_PRECISION", "DOUBLE" -> {
        args.ignore("precision", "asdecimal", "decimal_return_scale");
        yield new SqlType("DOUBLE PRECISION", Affinity.NUMERIC, null);
      }
      case "DateTime", "TIMESTAMP" -> time("TIMESTAMP", args, simple);
      case "Time", "TIME" -> time("TIME", args, simple);
      case "Date", "DATE" -> plain("DATE");
      case "Boolean", "BOOLEAN" -> {
        args.ignore("create_constraint", "name");
        yield plain("BOOLEAN");
      }
      case "LargeBinary", "BYTEA", "PickleType" -> {
        args.ignore("length");
        yield plain("BYTEA");
      }
      case "Interval", "INTERVAL" -> {
        args.ignore("native", "second_precision", "day_precision");
        PyExpr fields = args.take("fields");
        if (fields != null && !(fields instanceof PyExpr.NoneLiteral)) {
          throw new Refusal(fields, "INTERVAL with fields= is not in strata's language");
        }
        PyExpr precision = args.take("precision");
        yield plain(precision == null || precision instanceof PyExpr.NoneLiteral ? "INTERVAL"
            : "INTERVAL(" + Literals.integer(precision, names, "precision of INTERVAL") + ")");
      }
      case "JSON" -> {
        args.ignore("none_as_null", "astext_type");
        yield plain("JSON");
      }
      case "JSONB" -> {
        args.ignore("none_as_null", "astext_type");
        yield plain("JSONB");
      }
      case "UUID", "Uuid" -> {
        args.ignore("as_uuid", "native_uuid");
        yield plain("UUID");
      }
      case "INET", "CIDR", "MACADDR", "MACADDR8", "MONEY", "OID", "REGCLASS", "TSVECTOR",
          "TSQUERY", "HSTORE", "INT4RANGE", "INT8RANGE", "NUMRANGE", "DATERANGE", "TSRANGE",
          "TSTZRANGE" -> plain(simple);
      case "BIT" -> {
        PyExpr length = args.take("length");
        boolean varying = args.bool("varying", false);
        String size = length == null || length instanceof PyExpr.NoneLiteral
            ? (varying ? "" : "(1)")
            : "(" + Literals.integer(length, names, "length of BIT") + ")";
        yield plain((varying ? "BIT VARYING" : "BIT") + size);
      }
      case "ARRAY" -> array(args);
      case "Enum", "ENUM" -> enumType(args, written, expression);
      default -> throw new Refusal(expression, "SQLAlchemy type " + simple
          + " is not translated");
    };
  }

  private static SqlType plain(String sql) {
    return new SqlType(sql, Affinity.OTHER, null);
  }

  private SqlType text(String base, Args args, boolean lengthAllowed) {
    PyExpr length = args.take("length");
    String sql = base;
    if (length != null && !(length instanceof PyExpr.NoneLiteral)) {
      if (!lengthAllowed) {
        throw new Refusal(length, base + " with a length is not a PostgreSQL type");
      }
      sql += "(" + Literals.integer(length, names, "length of " + base) + ")";
    }
    String collation = args.string("collation");
    args.ignore("convert_unicode", "unicode_error", "_warn_on_bytestring");
    if (collation != null) {
      sql += " COLLATE \"" + collation.replace("\"", "\"\"") + "\"";
    }
    return new SqlType(sql, Affinity.OTHER, null);
  }

  private SqlType numeric(Args args) {
    PyExpr precision = args.take("precision");
    PyExpr scale = args.take("scale");
    args.ignore("asdecimal", "decimal_return_scale");
    String sql = "NUMERIC";
    if (precision != null && !(precision instanceof PyExpr.NoneLiteral)) {
      sql += "(" + Literals.integer(precision, names, "precision of NUMERIC");
      if (scale != null && !(scale instanceof PyExpr.NoneLiteral)) {
        sql += ", " + Literals.integer(scale, names, "scale of NUMERIC");
      }
      sql += ")";
    }
    return new SqlType(sql, Affinity.NUMERIC, null);
  }

  private SqlType time(String base, Args args, String simple) {
    boolean zone = args.bool("timezone", false);
    PyExpr precision = args.take("precision");
    String sql = base;
    if (precision != null && !(precision instanceof PyExpr.NoneLiteral)) {
      sql += "(" + Literals.integer(precision, names, "precision of " + simple) + ")";
    }
    return plain(sql + (zone ? " WITH TIME ZONE" : " WITHOUT TIME ZONE"));
  }

  private SqlType array(Args args) {
    SqlType item = translate(args.required("item_type"));
    PyExpr dimensions = args.take("dimensions");
    args.ignore("as_tuple", "zero_indexes");
    long count = dimensions == null || dimensions instanceof PyExpr.NoneLiteral ? 1
        : Math.max(1, Literals.integer(dimensions, names, "dimensions of ARRAY"));
    String sql = item.sql();
    if (sql.contains(" COLLATE ")) {
      throw new Refusal(args.call(), "ARRAY of a type with a collation is not translated");
    }
    return new SqlType(sql + "[]".repeat((int) count), Affinity.OTHER, item.enumType());
  }

  private SqlType enumType(Args args, String simple, PyExpr expression) {
    List<String> values = new ArrayList<>();
    for (PyExpr value : args.rest()) {
      PyExpr resolved = Literals.resolve(value, names);
      if (resolved instanceof PyExpr.Str str) {
        values.add(str.value());
      } else if (resolved instanceof PyExpr.ListExpr || resolved instanceof PyExpr.Tuple) {
        values.addAll(Literals.strings(resolved, names, "values of " + simple));
      } else {
        throw new Refusal(value, simple + " over " + Literals.oneLine(value.span().text())
            + ", a Python enum class or expression (its values are Python code)");
      }
    }
    String name = args.string("name");
    String schema = args.string("schema");
    boolean nativeEnum = args.bool("native_enum", true);
    boolean createConstraint = args.bool("create_constraint", false);
    boolean createType = args.bool("create_type", true);
    PyExpr length = args.take("length");
    if (args.bool("inherit_schema", false)) {
      throw new Refusal(expression, simple + " with inherit_schema=True is not translated");
    }
    args.ignore("metadata", "validate_strings", "values_callable",
        "omit_aliases", "quote", "_create_events");
    if (!nativeEnum) {
      if (createConstraint) {
        throw new Refusal(expression, simple + " with native_enum=False and"
            + " create_constraint=True is not translated");
      }
      long size = length != null && !(length instanceof PyExpr.NoneLiteral)
          ? Literals.integer(length, names, "length of " + simple)
          : values.stream().mapToInt(String::length).max().orElse(0);
      return plain("VARCHAR(" + size + ")");
    }
    if (name == null) {
      throw new Refusal(expression, simple + " without name= (PostgreSQL needs a name for the"
          + " enum type)");
    }
    SqlType.EnumType type = new SqlType.EnumType(schema, name, values, createType);
    return new SqlType(Sql.typeName(schema, name), Affinity.OTHER, type);
  }
}
