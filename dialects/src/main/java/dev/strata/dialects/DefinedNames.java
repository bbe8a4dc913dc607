package dev.strata.dialects;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.TableConstraint;
import dev.strata.grammar.ast.ViewDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names a statement gives to the objects it makes or renames, as the revision wrote them, and
 * the refusal (E0453) of one the dialect cannot hold: longer than 64 characters on MySQL and
 * MariaDB (their limit for tables, columns, indexes, constraints, views and sequences: MySQL's
 * manual, "Identifier Length Limits"; PostgreSQL shortens such a name to 63 bytes instead, with a
 * notice), or, on SQLite, a table, view or index whose name starts with {@code sqlite_}, which
 * SQLite keeps for itself ("object name reserved for internal use"). Names strata makes itself
 * (PostgreSQL's {@code t_c_fkey}, shortened as PostgreSQL shortens them) always fit.
 */
final class DefinedNames {
  private DefinedNames() {}

  /** What a defined name names: the limits differ by kind. */
  enum Kind {
    /** a table, view, sequence or index */
    RELATION,
    /** a column of a table or view */
    COLUMN,
    /** a table constraint */
    CONSTRAINT
  }

  /** One name the statement defines, where the revision wrote it. */
  record Defined(Identifier name, Kind kind) {}

  /** MySQL's and MariaDB's limit on an identifier's length, in characters. */
  static final int MYSQL_IDENTIFIER_LENGTH = 64;

  /**
   * Refuses the first name {@code operation} defines that {@code dialect} cannot hold.
   *
   * @throws DiagnosticException E0453, the caret at the name
   */
  static void check(Operation operation, Dialect dialect, Site site) throws DiagnosticException {
    boolean limited = switch (dialect) {
      case POSTGRESQL -> false; // it shortens long names itself, and keeps no prefix
      case MYSQL, MARIADB, SQLITE -> true;
    };
    if (!limited) {
      return;
    }
    if (operation instanceof Operation.CreateTable create) {
      // PostgreSQL tells "Name" from name; these compare column names without case
      java.util.Map<String, Identifier> seen = new java.util.HashMap<>();
      for (ColumnDef column : create.columns()) {
        Identifier first = seen.putIfAbsent(
            column.name().value().toLowerCase(Locale.ROOT), column.name());
        if (first != null) {
          throw DataTypes.at(site, column.name()).error("E0453", "the columns "
                  + first.value() + " and " + column.name().value() + " differ only in case,"
                  + " which " + dialect.id() + " does not tell apart",
              "note: " + dialect.id() + " compares column names without case (\"Duplicate"
                  + " column name\"); PostgreSQL compares quoted names with it",
              "help: give the columns names that differ in more than case");
        }
      }
    }
    for (Defined defined : of(operation)) {
      String name = defined.name().value();
      switch (dialect) {
        case POSTGRESQL -> {}
        case MYSQL, MARIADB -> {
          int length = name.codePointCount(0, name.length());
          if (length > MYSQL_IDENTIFIER_LENGTH) {
            throw DataTypes.at(site, defined.name()).error("E0453", "the name " + name + " is "
                    + length + " characters long: " + dialect.id() + " allows "
                    + MYSQL_IDENTIFIER_LENGTH,
                "note: MySQL and MariaDB refuse a longer name (\"Identifier name ... is too long\","
                    + " error 1059; a table's: \"Incorrect table name\", error 1103); PostgreSQL"
                    + " shortens it to 63 bytes",
                "help: give it a name of at most " + MYSQL_IDENTIFIER_LENGTH + " characters");
          }
        }
        case SQLITE -> {
          if (defined.kind() == Kind.RELATION
              && name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            throw DataTypes.at(site, defined.name()).error("E0453", "the name " + name
                    + " starts with sqlite_, which sqlite keeps for its own tables",
                "note: SQLite refuses it (\"object name reserved for internal use\")",
                "help: give it a name that does not start with sqlite_");
          }
        }
      }
    }
  }

  /**
   * Refuses a name {@code operation} defines that differs only in case from another of its kind
   * in the schema model after it: a column of the same table (MySQL, MariaDB and SQLite compare
   * column names without case, PostgreSQL compares quoted names with it), or, in SQLite, a table,
   * view or index of the same schema (one namespace there, compared without case), for a name with
   * an upper-case letter (quoted): a lower-case name made after its mixed-case twin is left to
   * SQLite's own error ("already exists"), as looking for its twin would read every relation of
   * the model at every statement. The {@code
   * CREATE TABLE} columns among themselves are {@link #check}'s. A name that is not in {@code
   * after} (a model without the statement applied) is not checked.
   *
   * @param after the schema model right after the statement
   * @throws DiagnosticException E0453, the caret at the name
   */
  static void checkCase(Operation operation, Dialect dialect, SchemaModel after, Site site)
      throws DiagnosticException {
    switch (dialect) {
      case POSTGRESQL -> {
        return;
      }
      case MYSQL, MARIADB, SQLITE -> {}
    }
    // the table whose columns the names are; for another statement its names are relations
    Optional<ObjectName> table = operation instanceof Operation.CreateTable create
        ? Optional.of(ObjectName.of(create.table()))
        : operation instanceof Operation.AlterTable alter
            ? Optional.of(ObjectName.of(alter.table()))
            : Optional.empty();
    for (Defined defined : of(operation)) {
      String name = ObjectName.fold(defined.name());
      if (defined.kind() == Kind.COLUMN && table.isPresent()) {
        Optional<dev.strata.compiler.schema.Table> columns = after.table(table.get());
        if (columns.isEmpty() || columns.get().column(name).isEmpty()) {
          continue;
        }
        for (dev.strata.compiler.schema.Column other : columns.get().columns()) {
          if (!other.name().equals(name) && other.name().equalsIgnoreCase(name)) {
            throw DataTypes.at(site, defined.name()).error("E0453", "the column " + name
                    + " differs from the column " + other.name() + " of " + table.get().name()
                    + " only in case, which " + dialect.id() + " does not tell apart",
                "note: " + dialect.id() + " compares column names without case (\"Duplicate"
                    + " column name\"); PostgreSQL compares quoted names with it",
                "help: give the column a name that differs in more than case");
          }
        }
      }
      // only a name with an upper-case letter is looked for among the others: every statement
      // of a chain would otherwise read every relation of the model, a term that grows with the
      // square of the chain (a lower-case name made after its mixed-case twin is SQLite's error)
      boolean mixedCase = !name.equals(name.toLowerCase(Locale.ROOT));
      if (defined.kind() == Kind.RELATION && dialect == Dialect.SQLITE && mixedCase) {
        String schema = table.map(ObjectName::schema).orElse(ObjectName.DEFAULT_SCHEMA);
        ObjectName own = new ObjectName(schema, name);
        if (!after.relationExists(own)) {
          continue;
        }
        List<ObjectName> relations = new ArrayList<>(after.tables().keySet());
        relations.addAll(after.views().keySet());
        relations.addAll(after.indexes().keySet());
        for (ObjectName other : relations) {
          if (other.schema().equals(schema) && !other.name().equals(name)
              && other.name().equalsIgnoreCase(name)) {
            throw DataTypes.at(site, defined.name()).error("E0453", "the name " + name
                    + " differs from " + other.name() + " only in case, which sqlite does not"
                    + " tell apart",
                "note: SQLite compares the names of tables, views and indexes without case"
                    + " (\"there is already another table or index with this name\")",
                "help: give it a name that differs in more than case");
          }
        }
      }
    }
  }

  /**
   * The names {@code operation} gives, in written order: a table's, its columns' and its
   * constraints' in {@code CREATE TABLE}; a new column's, constraint's or table name in {@code
   * ALTER TABLE}; an index's, view's or sequence's, made or renamed. Statements that make nothing
   * with a name a dialect limits give none.
   */
  static List<Defined> of(Operation operation) {
    List<Defined> out = new ArrayList<>();
    switch (operation) {
      case Operation.CreateTable create -> {
        out.add(new Defined(create.table().name(), Kind.RELATION));
        for (ColumnDef column : create.columns()) {
          column(column, out);
        }
        for (TableConstraint constraint : create.constraints()) {
          constraint.name().ifPresent(n -> out.add(new Defined(n, Kind.CONSTRAINT)));
        }
      }
      case Operation.CreatePartition create ->
          out.add(new Defined(create.table().name(), Kind.RELATION));
      case Operation.CreateTableAs create ->
          out.add(new Defined(create.table().name(), Kind.RELATION));
      case Operation.AlterTable alter -> {
        for (AlterAction action : alter.actions()) {
          alterAction(action, out);
        }
      }
      case Operation.CreateIndex index ->
          index.name().ifPresent(n -> out.add(new Defined(n, Kind.RELATION)));
      case Operation.RenameIndex rename -> out.add(new Defined(rename.newName(), Kind.RELATION));
      case Operation.CreateSequence create ->
          out.add(new Defined(create.sequence().name(), Kind.RELATION));
      case Operation.RenameSequence rename ->
          out.add(new Defined(rename.newName(), Kind.RELATION));
      case Operation.CreateView create -> {
        out.add(new Defined(create.view().name(), Kind.RELATION));
        create.definition().columns().forEach(c -> out.add(new Defined(c, Kind.COLUMN)));
      }
      case Operation.AlterView alter -> {
        switch (alter.change()) {
          case ViewDefinition.Change.RenameTo rename ->
              out.add(new Defined(rename.name(), Kind.RELATION));
          case ViewDefinition.Change.RenameColumn rename ->
              out.add(new Defined(rename.to(), Kind.COLUMN));
          case ViewDefinition.Change.SetSchema move -> {}
        }
      }
      case Operation.DropTable drop -> {}
      case Operation.DropIndex drop -> {}
      case Operation.CreateSchema create -> {}
      case Operation.DropSchema drop -> {}
      case Operation.Insert insert -> {}
      case Operation.Update update -> {}
      case Operation.Delete delete -> {}
      case Operation.Select select -> {}
      case Operation.Truncate truncate -> {}
      case Operation.CreateEnumType create -> {}
      case Operation.AddEnumValue add -> {}
      case Operation.RenameEnumValue rename -> {}
      case Operation.RenameType rename -> {}
      case Operation.DropType drop -> {}
      case Operation.AlterSequence alter -> {}
      case Operation.DropSequence drop -> {}
      case Operation.CommentOn comment -> {}
      case Operation.RawSql raw -> {}
      case Operation.DropView drop -> {}
      case Operation.PostgresOnly only -> {}
    }
    return out;
  }

  private static void column(ColumnDef column, List<Defined> out) {
    out.add(new Defined(column.name(), Kind.COLUMN));
    for (ColumnConstraint constraint : column.constraints()) {
      Optional<Identifier> name = switch (constraint) {
        case ColumnConstraint.PrimaryKey key -> key.name();
        case ColumnConstraint.Unique unique -> unique.name();
        case ColumnConstraint.Check check -> check.name();
        case ColumnConstraint.References ref -> ref.name();
        case ColumnConstraint.NotNull notNull -> Optional.empty();
        case ColumnConstraint.Null nullable -> Optional.empty();
        case ColumnConstraint.Default value -> Optional.empty();
        case ColumnConstraint.Identity identity -> Optional.empty();
        case ColumnConstraint.Generated generated -> Optional.empty();
      };
      name.ifPresent(n -> out.add(new Defined(n, Kind.CONSTRAINT)));
    }
  }

  private static void alterAction(AlterAction action, List<Defined> out) {
    switch (action) {
      case AlterAction.AddColumn add -> column(add.column(), out);
      case AlterAction.RenameColumn rename -> out.add(new Defined(rename.to(), Kind.COLUMN));
      case AlterAction.AddConstraint add ->
          add.constraint().name().ifPresent(n -> out.add(new Defined(n, Kind.CONSTRAINT)));
      case AlterAction.RenameTable rename -> out.add(new Defined(rename.newName(), Kind.RELATION));
      case AlterAction.RenameConstraint rename ->
          out.add(new Defined(rename.to(), Kind.CONSTRAINT));
      case AlterAction.DropColumn drop -> {}
      case AlterAction.AlterColumnType change -> {}
      case AlterAction.SetDefault set -> {}
      case AlterAction.DropDefault drop -> {}
      case AlterAction.SetNotNull set -> {}
      case AlterAction.DropNotNull drop -> {}
      case AlterAction.DropExpression drop -> {}
      case AlterAction.DropConstraint drop -> {}
      case AlterAction.AddIdentity add -> {}
      case AlterAction.AlterIdentity change -> {}
      case AlterAction.DropIdentity drop -> {}
      case AlterAction.AlterConstraint change -> {}
      case AlterAction.ValidateConstraint validate -> {}
      case AlterAction.AttachPartition attach -> {}
      case AlterAction.SetSchema move -> {}
      case AlterAction.DetachPartition detach -> {}
    }
  }
}
