package dev.strata.compiler.schema;

import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.SequenceOption;
import dev.strata.grammar.ast.StorageParameter;
import dev.strata.grammar.ast.TableConstraint;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The model's objects as short SQL-ish text for people ({@link SchemaDiff}'s descriptions, {@code
 * strata diff}): neutral, not any dialect's DDL. Keywords upper case, names folded and quoted
 * only where PostgreSQL needs it, expressions as written. A type prints as the SQL standard and
 * PostgreSQL's documentation spell it ({@code VARCHAR(64)}, {@code NUMERIC(12, 2)}, {@code
 * TIMESTAMP(3) WITH TIME ZONE}, {@code DOUBLE PRECISION}, {@code BIT VARYING(8)}, {@code
 * mood[]}); a dialect renders its own DDL with {@code dev.strata.dialects.DataTypes}.
 */
public final class SchemaText {
  private SchemaText() {}

  /** {@code type} as SQL-ish text, e.g. {@code VARCHAR(64)}, {@code public."Mood"[]}. */
  public static String type(DataType type) {
    String size = type.size().isPresent() ? "(" + type.size().getAsInt()
        + (type.scale().isPresent() ? ", " + type.scale().getAsInt() : "") + ")" : "";
    String element = switch (type.kind()) {
      case DOUBLE_PRECISION -> "DOUBLE PRECISION";
      case TIMESTAMPTZ -> "TIMESTAMP" + size + " WITH TIME ZONE";
      case TIMETZ -> "TIME" + size + " WITH TIME ZONE";
      case VARBIT -> "BIT VARYING" + size;
      case NAMED -> {
        DataType.Named named = type.named().orElseThrow();
        yield name(named.name()) + (named.modifiers().isEmpty() ? "" : "("
            + named.modifiers().stream().map(Expr::sql).collect(Collectors.joining(", ")) + ")");
      }
      case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, VARCHAR, CHAR, TEXT, BOOLEAN, DATE, TIME,
          TIMESTAMP, INTERVAL, JSON, JSONB, UUID, BYTEA, SERIAL, BIGSERIAL, SMALLSERIAL, BIT, XML,
          MONEY, INET, CIDR, MACADDR, MACADDR8, TSVECTOR, TSQUERY, OID, REGCLASS, INT4RANGE,
          INT8RANGE, NUMRANGE, TSRANGE, TSTZRANGE, DATERANGE, POINT, LINE, LSEG, BOX, PATH,
          POLYGON, CIRCLE -> type.kind().name() + size;
    };
    return element + "[]".repeat(type.arrayDimensions());
  }

  /**
   * A column's definition: {@code name TYPE [COLLATE c] [GENERATED ...] [DEFAULT expr]
   * NULL|NOT NULL}, e.g. {@code settlement_utr VARCHAR(64) NULL}. Nullability is always printed,
   * so that a reader sees it without knowing the default.
   */
  public static String column(Column column) {
    StringBuilder text = new StringBuilder(ObjectName.quoted(column.name()))
        .append(' ').append(type(column.type()));
    column.collation().ifPresent(c -> text.append(" COLLATE ").append(name(c)));
    column.generated().ifPresent(g -> text.append(" GENERATED ALWAYS AS (").append(g.sql())
        .append(") STORED"));
    column.identity().ifPresent(i -> text.append(' ').append(identity(i)));
    column.defaultValue().ifPresent(d -> text.append(" DEFAULT ").append(d.sql()));
    text.append(column.notNull() ? " NOT NULL" : " NULL");
    return text.toString();
  }

  /** {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(options)]}. */
  public static String identity(ColumnConstraint.Identity identity) {
    return "GENERATED " + (identity.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
        + (identity.options().isEmpty() ? "" : " (" + sequenceOptions(identity.options()) + ")");
  }

  /** Sequence options as written in {@code CREATE SEQUENCE}, space-separated. */
  public static String sequenceOptions(List<SequenceOption> options) {
    return options.stream().map(SchemaText::sequenceOption).collect(Collectors.joining(" "));
  }

  /** One sequence option, e.g. {@code INCREMENT BY 5}, {@code NO MAXVALUE}, {@code AS bigint}. */
  public static String sequenceOption(SequenceOption option) {
    return switch (option) {
      case SequenceOption.As as -> "AS " + type(as.type());
      case SequenceOption.IncrementBy i -> "INCREMENT BY " + i.value();
      case SequenceOption.MinValue m -> m.value().map(v -> "MINVALUE " + v).orElse("NO MINVALUE");
      case SequenceOption.MaxValue m -> m.value().map(v -> "MAXVALUE " + v).orElse("NO MAXVALUE");
      case SequenceOption.StartWith s -> "START WITH " + s.value();
      case SequenceOption.Restart r -> r.value().map(v -> "RESTART WITH " + v).orElse("RESTART");
      case SequenceOption.Cache c -> "CACHE " + c.value();
      case SequenceOption.Cycle c -> c.cycle() ? "CYCLE" : "NO CYCLE";
      case SequenceOption.OwnedBy o -> "OWNED BY " + o.table().map(t -> name(t) + "."
          + identifier(o.column().orElseThrow())).orElse("NONE");
      case SequenceOption.SequenceName n -> "SEQUENCE NAME " + name(n.name());
    };
  }

  /**
   * A constraint's definition without its name, e.g. {@code PRIMARY KEY (id)}, {@code FOREIGN KEY
   * (account_id) REFERENCES accounts (id) ON DELETE CASCADE}, {@code CHECK (amount > 0)}.
   */
  public static String constraint(Constraint constraint) {
    return switch (constraint) {
      case Constraint.PrimaryKey pk -> "PRIMARY KEY " + columns(pk.columns())
          + timing(pk.timing().sql());
      case Constraint.Unique u -> "UNIQUE" + (u.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
          + " " + columns(u.columns()) + timing(u.timing().sql());
      case Constraint.Check c -> "CHECK (" + c.condition().sql() + ")"
          + (c.notValid() ? " NOT VALID" : "");
      case Constraint.ForeignKey fk -> "FOREIGN KEY " + columns(fk.columns()) + " REFERENCES "
          + fk.references().display() + " " + columns(fk.referencedColumns())
          + fk.match().map(m -> " " + m.sql()).orElse("")
          + fk.onDelete().map(a -> " ON DELETE " + a.sql()).orElse("")
          + fk.onUpdate().map(a -> " ON UPDATE " + a.sql()).orElse("")
          + timing(fk.timing().sql()) + (fk.notValid() ? " NOT VALID" : "");
      case Constraint.Exclude x -> exclude(x.definition());
    };
  }

  /**
   * An index's definition without its name, e.g. {@code UNIQUE ON payments USING gin (a, lower(b))
   * INCLUDE (c) WHERE settled}.
   */
  public static String index(Index index) {
    return (index.unique() ? "UNIQUE " : "") + "ON " + index.table().display()
        + index.method().map(m -> " USING " + m).orElse("") + " " + elements(index.keys())
        + (index.include().isEmpty() ? "" : " INCLUDE " + columns(index.include()))
        + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
        + parameters(index.options())
        + index.where().map(w -> " WHERE " + w.sql()).orElse("");
  }

  /** {@code (a, lower(b) DESC NULLS LAST)}: index keys as written, names folded. */
  public static String elements(List<IndexElement> keys) {
    return keys.stream().map(SchemaText::element).collect(Collectors.joining(", ", "(", ")"));
  }

  /** {@code [schema.]name} with each part folded and quoted where needed. */
  public static String name(QualifiedName name) {
    return name.schema().map(s -> identifier(s) + ".").orElse("") + identifier(name.name());
  }

  /** A string as an SQL literal: {@code 'it''s'}. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String identifier(Identifier identifier) {
    return ObjectName.quoted(ObjectName.fold(identifier));
  }

  private static String element(IndexElement key) {
    return key.column().map(SchemaText::identifier)
        .orElseGet(() -> "(" + key.expression().orElseThrow().sql() + ")")
        + key.collation().map(c -> " COLLATE " + name(c)).orElse("")
        + key.opclass().map(o -> " " + name(o)).orElse("")
        + (key.opclassParameters().isEmpty() ? "" : " " + parameterList(key.opclassParameters()))
        + switch (key.order()) {
          case DEFAULT -> "";
          case ASC -> " ASC";
          case DESC -> " DESC";
        }
        + switch (key.nulls()) {
          case DEFAULT -> "";
          case FIRST -> " NULLS FIRST";
          case LAST -> " NULLS LAST";
        };
  }

  private static String exclude(TableConstraint.Exclude x) {
    return "EXCLUDE" + x.method().map(m -> " USING " + m).orElse("") + " "
        + x.elements().stream().map(e -> element(e.key()) + " WITH " + e.operator())
            .collect(Collectors.joining(", ", "(", ")"))
        + (x.include().isEmpty() ? "" : " INCLUDE " + x.include().stream()
            .map(SchemaText::identifier).collect(Collectors.joining(", ", "(", ")")))
        + parameters(x.options())
        + x.where().map(w -> " WHERE (" + w.sql() + ")").orElse("")
        + timing(x.timing().sql());
  }

  private static String parameters(List<StorageParameter> options) {
    return options.isEmpty() ? "" : " WITH " + parameterList(options);
  }

  static String parameterList(List<StorageParameter> options) {
    return options.stream()
        .map(p -> name(p.name()) + p.value().map(v -> " = " + v.sql()).orElse(""))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String columns(List<String> columns) {
    return columns.stream().map(ObjectName::quoted).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String timing(String sql) {
    return sql.isEmpty() ? "" : " " + sql;
  }

  /** {@code value} when present, for the before/after of a change. */
  static Optional<String> text(Optional<Expr> expr) {
    return expr.map(Expr::sql);
  }
}
