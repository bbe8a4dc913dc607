package dev.strata.dialects;

import dev.strata.compiler.schema.ModelOperations;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.MatchType;
import dev.strata.grammar.ast.Operation.CreateTable;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code CREATE TABLE} as SQLite must be told it, for {@link SqliteStatements}, the table rebuild
 * and {@code strata schema}: the statement rewritten so that {@link SqliteTableSql} writes what
 * SQLite keeps (a column of an enum type is {@link DataTypes}'s {@code text} with the check {@link
 * DataTypes#impliedCheck} gives).
 *
 * <ul>
 *   <li>An identity or {@code SERIAL} column is SQLite's {@code INTEGER PRIMARY KEY AUTOINCREMENT}
 *       (jOOQ writes it so), the only column SQLite numbers itself; {@code AUTOINCREMENT} never
 *       reuses a number, as a PostgreSQL sequence does not. It must be the whole primary key and
 *       have no sequence options. {@code GENERATED ALWAYS} is written as {@code BY DEFAULT}: SQLite
 *       cannot refuse a value given for the column (documented).
 *   <li>Every primary-key column is {@code NOT NULL}: SQLite lets a primary key other than an
 *       {@code INTEGER PRIMARY KEY} hold NULLs, PostgreSQL does not.
 *   <li>{@code COLLATE "C"} (and {@code "POSIX"}) is {@code COLLATE BINARY}, which compares the same
 *       bytes; another collation has no SQLite counterpart.
 *   <li>{@code MATCH SIMPLE}, {@code NOT DEFERRABLE} and {@code NOT VALID} on a new table are what
 *       SQLite does anyway, so they are left out; {@code UNLOGGED} is left out too (a table that
 *       survives a crash whole promises more, documented).
 * </ul>
 *
 * <p>What SQLite cannot keep is refused (E0450): arrays, partitions, storage parameters, deferrable
 * keys, {@code NULLS NOT DISTINCT}, {@code MATCH FULL}, exclusion constraints, names in a schema.
 */
final class SqliteTables {
  private SqliteTables() {}

  /**
   * {@code create} as SQLite keeps it ({@link SqliteTableSql} writes it).
   *
   * @throws DiagnosticException E0450 for what SQLite cannot keep
   */
  static CreateTable normalize(CreateTable create, Site site)
      throws DiagnosticException {
    SqliteStatements.requireLocal(create.table(), site);
    if (create.partitionBy().isPresent()) {
      throw SqliteStatements.refuse(site, "CREATE TABLE ... PARTITION BY",
          "SQLite has no partitioned tables");
    }
    if (!create.options().isEmpty()) {
      throw SqliteStatements.refuse(site, "CREATE TABLE ... WITH (storage parameters)",
          "SQLite has no storage parameters");
    }
    Set<String> keyColumns = new LinkedHashSet<>();
    for (TableConstraint constraint : create.constraints()) {
      if (constraint instanceof TableConstraint.PrimaryKey key) {
        key.columns().forEach(c -> keyColumns.add(ObjectName.fold(c)));
      }
    }
    for (ColumnDef column : create.columns()) {
      if (column.constraints().stream().anyMatch(ColumnConstraint.PrimaryKey.class::isInstance)) {
        keyColumns.add(ObjectName.fold(column.name()));
      }
    }
    List<ColumnDef> columns = new ArrayList<>();
    for (ColumnDef column : create.columns()) {
      columns.add(column(column, keyColumns.contains(ObjectName.fold(column.name())), site));
    }
    List<TableConstraint> constraints = new ArrayList<>();
    for (TableConstraint constraint : create.constraints()) {
      constraints.add(constraint(constraint, site));
    }
    requireIdentityKey(columns, keyColumns, site);
    return new CreateTable(create.table(), create.ifNotExists(), false, columns, constraints,
        Optional.empty(), List.of());
  }

  /**
   * The {@code CREATE TABLE} of the model's {@code table} named {@code name}, with every constraint
   * (foreign keys and {@code NOT VALID} checks too, which {@link ModelOperations#table} leaves for
   * later statements), as SQLite keeps it.
   *
   * @throws DiagnosticException E0450 for what SQLite cannot keep
   */
  static CreateTable fromModel(Table table, QualifiedName name, Site site)
      throws DiagnosticException {
    CreateTable written = ModelOperations.table(table);
    List<TableConstraint> constraints = new ArrayList<>(written.constraints());
    for (var alter : ModelOperations.laterConstraints(table)) {
      for (AlterAction action : alter.actions()) {
        if (action instanceof AlterAction.AddConstraint add) {
          constraints.add(add.constraint());
        }
      }
    }
    return normalize(new CreateTable(name, false, written.unlogged(), written.columns(),
        constraints, written.partitionBy(), written.options()), site);
  }

  private static ColumnDef column(ColumnDef column, boolean inKey, Site site)
      throws DiagnosticException {
    String name = ObjectName.fold(column.name());
    Span at = column.name().span().orElse(site.span());
    DataType type = column.type();
    if (type.isArray()) {
      throw SqliteStatements.refuse(site, at, "the array column " + ObjectName.quoted(name),
          "SQLite has no array types");
    }
    List<ColumnConstraint> constraints = new ArrayList<>();
    if (type.kind().autoIncrement()) {
      type = DataType.of(DataType.Kind.INTEGER);
      constraints.add(new ColumnConstraint.Identity(false));
    }
    boolean notNull = false;
    for (ColumnConstraint constraint : column.constraints()) {
      switch (constraint) {
        case ColumnConstraint.NotNull n -> {
          notNull = true;
          constraints.add(n);
        }
        case ColumnConstraint.Null n -> constraints.add(n);
        case ColumnConstraint.Default d -> constraints.add(d);
        case ColumnConstraint.Generated g -> constraints.add(g);
        case ColumnConstraint.Check c -> constraints.add(c);
        case ColumnConstraint.PrimaryKey key -> constraints.add(
            new ColumnConstraint.PrimaryKey(key.name(), keyTiming(key.timing(), site)));
        case ColumnConstraint.Unique unique -> constraints.add(
            new ColumnConstraint.Unique(unique.name(), keyTiming(unique.timing(), site)));
        case ColumnConstraint.References ref -> {
          SqliteStatements.requireLocal(ref.table(), site);
          constraints.add(new ColumnConstraint.References(ref.name(), ref.table(), ref.column(),
              match(ref.match(), site), ref.onDelete(), ref.onUpdate(), ref.timing()));
        }
        case ColumnConstraint.Identity identity -> {
          if (!identity.options().isEmpty()) {
            throw SqliteStatements.refuse(site, at, "the identity column "
                    + ObjectName.quoted(name) + " with sequence options",
                "SQLite numbers an INTEGER PRIMARY KEY AUTOINCREMENT column from 1, by 1");
          }
          constraints.add(new ColumnConstraint.Identity(false));
        }
      }
    }
    if (inKey && !notNull) {
      constraints.add(0, new ColumnConstraint.NotNull(Optional.empty()));
    }
    return new ColumnDef(column.name(), type, collation(column.collation(), site), constraints);
  }

  private static TableConstraint constraint(TableConstraint constraint, Site site)
      throws DiagnosticException {
    return switch (constraint) {
      case TableConstraint.PrimaryKey key ->
          new TableConstraint.PrimaryKey(key.name(), key.columns(), keyTiming(key.timing(), site));
      case TableConstraint.Unique unique -> {
        if (unique.nullsNotDistinct()) {
          throw SqliteStatements.refuse(site, "UNIQUE NULLS NOT DISTINCT",
              "every NULL is distinct in a SQLite unique constraint");
        }
        yield new TableConstraint.Unique(unique.name(), unique.columns(), false,
            keyTiming(unique.timing(), site));
      }
      case TableConstraint.Check check -> new TableConstraint.Check(check.name(),
          check.condition());
      case TableConstraint.ForeignKey key -> {
        SqliteStatements.requireLocal(key.table(), site);
        yield new TableConstraint.ForeignKey(key.name(), key.columns(), key.table(),
            key.referencedColumns(), match(key.match(), site), key.onDelete(), key.onUpdate(),
            key.timing(), false);
      }
      case TableConstraint.UsingIndex using -> throw SqliteStatements.refuse(site,
          (using.primaryKey() ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX",
          "SQLite cannot make an index into a constraint");
      case TableConstraint.Exclude exclude -> throw SqliteStatements.refuse(site,
          "an EXCLUDE constraint", "SQLite has no exclusion constraints");
    };
  }

  /** A key's timing: SQLite's keys are never deferrable ({@code NOT DEFERRABLE} is the default). */
  private static ConstraintTiming keyTiming(ConstraintTiming timing, Site site)
      throws DiagnosticException {
    if (timing.deferrable() == ConstraintTiming.Deferrable.DEFERRABLE
        || timing.initially() == ConstraintTiming.Initially.DEFERRED) {
      throw SqliteStatements.refuse(site, "a DEFERRABLE primary key or unique constraint",
          "SQLite checks keys at once; only its foreign keys can be deferred");
    }
    return ConstraintTiming.NONE;
  }

  private static Optional<MatchType> match(Optional<MatchType> match, Site site)
      throws DiagnosticException {
    if (match.isPresent() && match.get() == MatchType.FULL) {
      throw SqliteStatements.refuse(site, "a foreign key with MATCH FULL",
          "SQLite parses MATCH but checks every foreign key as MATCH SIMPLE");
    }
    return Optional.empty();
  }

  /** {@code COLLATE "C"} as {@code COLLATE BINARY}; another collation is refused. */
  private static Optional<QualifiedName> collation(Optional<QualifiedName> collation, Site site)
      throws DiagnosticException {
    if (collation.isEmpty()) {
      return collation;
    }
    QualifiedName name = collation.get();
    String folded = ObjectName.fold(name.name());
    if (name.schema().isPresent() && !ObjectName.fold(name.schema().get()).equals("pg_catalog")
        || !(folded.equals("C") || folded.equals("POSIX"))) {
      throw SqliteStatements.refuse(site, "the collation " + folded,
          "SQLite's collations are BINARY, NOCASE and RTRIM; only \"C\" and \"POSIX\" (as BINARY)"
              + " mean the same");
    }
    return Optional.of(new QualifiedName(Optional.empty(), new Identifier("BINARY", false)));
  }

  /**
   * An identity column must be the whole primary key, of an integer type: SQLite numbers only its
   * {@code INTEGER PRIMARY KEY}.
   */
  private static void requireIdentityKey(List<ColumnDef> columns, Set<String> keyColumns,
      Site site) throws DiagnosticException {
    for (ColumnDef column : columns) {
      boolean identity = column.constraints().stream()
          .anyMatch(ColumnConstraint.Identity.class::isInstance);
      if (!identity) {
        continue;
      }
      String name = ObjectName.fold(column.name());
      DataType.Kind kind = column.type().kind();
      boolean integer = kind == DataType.Kind.SMALLINT || kind == DataType.Kind.INTEGER
          || kind == DataType.Kind.BIGINT;
      if (!integer || !keyColumns.equals(Set.of(name))) {
        throw SqliteStatements.refuse(site, column.name().span().orElse(site.span()),
            "the identity column " + ObjectName.quoted(name) + " that is not the table's whole"
                + " integer primary key",
            "SQLite numbers rows only through an INTEGER PRIMARY KEY column");
      }
    }
  }
}
