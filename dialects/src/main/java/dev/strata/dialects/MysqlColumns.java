package dev.strata.dialects;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.DataType.Kind;
import dev.strata.grammar.ast.Expr;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * A MySQL or MariaDB column from the schema model's {@link Column}, which holds all that defines it:
 * the type ({@link DataTypes}: an enum type spelled inline as {@code enum('a', 'b')} from the
 * model's values, {@code SERIAL} as its integer, here with {@code AUTO_INCREMENT}), {@code NOT
 * NULL}, the default ({@link Expressions#columnDefault}), the identity
 * ({@code AUTO_INCREMENT}), the generation ({@code GENERATED ALWAYS AS (...) STORED}) and the
 * comment. {@code CREATE TABLE} and {@code ADD COLUMN} take the column as a jOOQ field; {@code
 * MODIFY COLUMN} restates it with {@link #definition}, the text jOOQ writes for it in {@code CREATE
 * TABLE}, so that both spell a column alike.
 */
final class MysqlColumns {
  /** The types MySQL cannot index without a key length (TEXT and BLOB kinds, JSON). */
  private static final Pattern UNKEYABLE =
      Pattern.compile("(tiny|medium|long)?(text|blob)|json|geometry.*", Pattern.CASE_INSENSITIVE);

  private final Dialect dialect;
  private final SqlContext sql;
  private final Expressions expressions;

  MysqlColumns(Dialect dialect, SqlContext sql, Expressions expressions) {
    this.dialect = dialect;
    this.sql = sql;
    this.expressions = expressions;
  }

  /** Whether the column's values are numbered by the server: an identity or a {@code SERIAL}. */
  static boolean autoIncrement(Column column) {
    return column.identity().isPresent() || column.type().kind().autoIncrement();
  }

  /**
   * The column as a jOOQ field named {@code name}: its type with every attribute, and its comment.
   *
   * @throws DiagnosticException E0440 for a collation or a named type that is not an enum type of
   *     the model; E0449 for a generated column declared {@code NOT NULL} on MariaDB
   */
  Field<?> field(Name name, Column column, SchemaModel model, Site site)
      throws DiagnosticException {
    DataType<?> type = type(column, model, site);
    return column.comment().isPresent()
        ? DSL.field(name, type, DSL.comment(column.comment().get()))
        : DSL.field(name, type);
  }

  /**
   * {@code name type [GENERATED ALWAYS AS (...) STORED] [NOT NULL] [DEFAULT ...] [AUTO_INCREMENT]
   * [COMMENT '...']}: the column as jOOQ writes it in a {@code CREATE TABLE} (jOOQ's own {@code
   * ALTER TABLE ... CHANGE COLUMN} leaves out the default and the comment, so {@code MODIFY COLUMN}
   * is written by hand around this text).
   *
   * @throws DiagnosticException as {@link #field}
   */
  String definition(Name name, Column column, SchemaModel model, Site site)
      throws DiagnosticException {
    Name table = DSL.unquotedName("t");
    String rendered = sql.render(sql.dsl().createTable(table)
        .column(field(name, column, model, site)));
    String open = "CREATE TABLE " + sql.render(table) + " (";
    if (!rendered.startsWith(open) || !rendered.endsWith(")")) {
      throw new IllegalStateException("unexpected CREATE TABLE shape: " + rendered);
    }
    return rendered.substring(open.length(), rendered.length() - 1);
  }

  /**
   * The column's type with its {@code NOT NULL}, default, {@code AUTO_INCREMENT} and generation.
   *
   * @throws DiagnosticException as {@link #field}
   */
  DataType<?> type(Column column, SchemaModel model, Site site) throws DiagnosticException {
    if (column.collation().isPresent()) {
      throw site.error("E0440", "column " + ObjectName.quoted(column.name()) + " has a collation"
              + " (COLLATE " + column.collation().get().name().value() + "), which cannot be"
              + " rendered for " + dialect.id(),
          "note: collation names are PostgreSQL's; " + dialect.id() + " names its own"
              + " (utf8mb4_bin, utf8mb4_0900_ai_ci, ...)",
          "help: write the column without COLLATE, or the statement in a '-- +dialect "
              + dialect.id() + "' block");
    }
    // the dialect's type: an enum type of the model as enum('a', 'b'), a SERIAL as its integer
    DataType<?> base = DataTypes.of(column.type(), dialect, sql, model, site);
    if (column.generated().isPresent()) {
      if (column.notNull() && !dialect.has(Capability.GENERATED_NOT_NULL)) {
        throw site.error("E0449", "generated column " + ObjectName.quoted(column.name())
                + " is NOT NULL, which cannot be rendered for " + dialect.id(),
            "note: MariaDB refuses NOT NULL on a generated column",
            "help: drop NOT NULL (the expression decides whether the value is null), or write"
                + " the statement in a '-- +dialect mariadb' block");
      }
      base = DataTypes.written(DataTypes.name(column.type(), dialect, sql, model, site)
          + " GENERATED ALWAYS AS ("
          + expressions.generated(column.generated().get(), column.type(), site)
          + ") STORED");
    }
    return attributes(base, column, site);
  }

  private <T> DataType<T> attributes(DataType<T> type, Column column, Site site)
      throws DiagnosticException {
    DataType<T> out = column.notNull() ? type.notNull() : type;
    Optional<Expr> value = column.defaultValue();
    if (value.isPresent() && !column.type().kind().autoIncrement()) {
      out = expressions.columnDefault(value.get(), out, column.type(), site).applyTo(out, dialect);
    }
    return autoIncrement(column) ? out.identity(true) : out;
  }

  /**
   * What a foreign key's column must share with the column it references, as the dialect's type
   * renders: the servers refuse a foreign key whose columns differ ("Foreign key constraint is
   * incorrectly formed", errno 150; MySQL's error 3780) unless their types are "similar" (MySQL's
   * manual, "FOREIGN KEY Constraints": the size and sign of integer types must be the same, the
   * length of string types need not). Integers compare by their type ({@code int} and {@code
   * bigint} differ, a display width does not count), {@code char} and {@code varchar} are one
   * class, as are {@code datetime} and {@code timestamp} and every {@code decimal} (MariaDB accepts
   * any precision; MySQL, which wants the same, is not checked for it); any other type compares by
   * its name without modifiers. Measured against MariaDB 10.11.
   */
  String referenceClass(Column column, SchemaModel model, Site site) throws DiagnosticException {
    String name = DataTypes.name(column.type(), dialect, sql, model, site)
        .toLowerCase(Locale.ROOT).strip();
    String base = name.replaceFirst("\\(.*", "").strip();
    String sign = name.contains("unsigned") ? " unsigned" : "";
    return switch (base) {
      case "bool", "boolean" -> "tinyint";
      case "integer" -> "int" + sign;
      case "char", "varchar", "character varying", "character" -> "string";
      case "datetime", "timestamp" -> "datetime";
      case "decimal", "numeric", "dec", "fixed" -> "decimal";
      default -> base + sign;
    };
  }

  /**
   * E0441 when a key of {@code columns} (in key order; a key part that is an expression counts 0)
   * is longer than InnoDB takes ({@link MysqlTypes#MAX_KEY_BYTES}): the statement would stop the
   * script at error 1071, in the middle of a release whose earlier statements MySQL has committed.
   * MariaDB makes a longer {@code UNIQUE} key a hash of the values ({@code USING HASH}, 10.4+) and
   * a longer one-column index a prefix of the column's values; both work, and are taken there.
   *
   * @param what the statement or constraint, for the message ({@code CREATE INDEX ix})
   * @param unique a unique constraint or index (not a primary key)
   * @param primaryKey a primary key, which MariaDB cannot make a hash
   */
  void requireKeyFits(String what, List<Column> columns, boolean unique, boolean primaryKey,
      Site site) throws DiagnosticException {
    int bytes = 0;
    StringBuilder parts = new StringBuilder();
    for (Column column : columns) {
      int part = MysqlTypes.keyBytes(column.type(), dialect);
      bytes += part;
      parts.append(parts.isEmpty() ? "" : " + ").append(ObjectName.quoted(column.name()))
          .append(' ').append(part);
    }
    boolean mariadbTakes = dialect == Dialect.MARIADB && !primaryKey
        && (unique || columns.size() == 1);
    if (bytes <= MysqlTypes.MAX_KEY_BYTES || mariadbTakes) {
      return;
    }
    throw site.error("E0441", what + " cannot be rendered for " + dialect.id() + ": its key is "
            + bytes + " bytes (" + parts + "), and InnoDB's keys hold at most "
            + MysqlTypes.MAX_KEY_BYTES + " (error 1071, which stops the script after the"
            + " statements before it have been committed)",
        "note: a character counts 4 bytes in utf8mb4, the default character set of MySQL 8 and"
            + " of Debian's MariaDB",
        "help: declare the text columns shorter (VARCHAR(768) at most for a key of one column),"
            + " or write the index with key prefixes (v(191)) in a '-- +dialect " + dialect.id()
            + "' block");
  }

  /**
   * Whether MySQL and MariaDB refuse the column as a key part without a key length: its type is a
   * TEXT or BLOB kind, JSON or a geometry (as the type renders for the dialect).
   */
  boolean unkeyable(Column column, SchemaModel model, Site site) throws DiagnosticException {
    if (column.type().kind() == Kind.NAMED || column.type().kind().autoIncrement()) {
      return false;
    }
    String name = DataTypes.name(column.type(), dialect, sql, model, site)
        .toLowerCase(Locale.ROOT).replaceFirst("\\(.*", "").strip();
    return UNKEYABLE.matcher(name).matches();
  }
}
