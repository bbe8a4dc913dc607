package dev.strata.dialects.lint;

import dev.strata.compiler.lint.Volatility;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.TableConstraint;
import java.util.Optional;

/**
 * How InnoDB runs each {@code ALTER TABLE} action strata renders for MySQL 8.0 and MariaDB 10.11:
 * the weakest {@code ALGORITHM} the server accepts for it, and whether writes may go on ({@code
 * LOCK=NONE}). From the MySQL 8.0 manual, "Online DDL Operations" (15.12.1: columns, indexes,
 * primary keys, foreign keys, tables) and MariaDB's "InnoDB Online DDL Operations with the
 * INSTANT/NOCOPY/INPLACE Alter Algorithm" pages, and checked against MariaDB 10.11 by running each
 * action with {@code ALGORITHM=INSTANT}, then {@code INPLACE, LOCK=NONE}, then {@code INPLACE,
 * LOCK=SHARED} (the first the server accepts is the action's algorithm; none is {@code COPY}):
 * a foreign key (with {@code foreign_key_checks} on), a {@code CHECK}, a type change (but a wider
 * {@code VARCHAR}), a stored generated column, a column whose default is a sequence's next value,
 * a column made {@code AUTO_INCREMENT} and a primary key dropped without a new one all copy the
 * table. So does a column whose default PostgreSQL evaluates row by row ({@link Volatility}):
 * MariaDB adds one with {@code DEFAULT (rand())} instantly, but then every existing row reads one
 * value, so strata renders it with {@code ALGORITHM = COPY}, which evaluates it row by row.
 * {@code DROP NOT NULL} is instant on MariaDB only for a column in no index: it is counted in
 * place.
 */
final class MysqlOnlineDdl {
  private MysqlOnlineDdl() {}

  /** The weakest way the server runs an action, weakest first. */
  enum Algorithm {
    /** metadata only ({@code ALGORITHM=INSTANT}) */
    INSTANT,
    /** in place, reads and writes go on ({@code ALGORITHM=INPLACE, LOCK=NONE}) */
    INPLACE,
    /** in place, reads go on but writes wait ({@code ALGORITHM=INPLACE, LOCK=SHARED}) */
    INPLACE_SHARED,
    /** a copy of the table ({@code ALGORITHM=COPY}): writes wait until every row is copied */
    COPY;

    /** The clause that asks for this algorithm (and refuses anything worse). */
    String clause() {
      return switch (this) {
        case INSTANT -> "ALGORITHM=INSTANT";
        case INPLACE -> "ALGORITHM=INPLACE, LOCK=NONE";
        case INPLACE_SHARED -> "ALGORITHM=INPLACE, LOCK=SHARED";
        case COPY -> "ALGORITHM=COPY";
      };
    }
  }

  /**
   * How {@code action} of {@code alter} runs on {@code dialect}, on the table as it was ({@code
   * old}); empty for an action strata renders as nothing or refuses for MySQL and MariaDB.
   */
  static Optional<Algorithm> of(DialectId dialect, Operation.AlterTable alter, AlterAction action,
      Table old) {
    boolean mariadb = dialect == DialectId.MARIADB;
    return switch (action) {
      case AlterAction.AddColumn add -> Optional.of(addColumn(add));
      case AlterAction.DropColumn drop -> Optional.of(
          old.primaryKey().filter(k -> k.columns().contains(ObjectName.fold(drop.column())))
              .isPresent() ? Algorithm.COPY : Algorithm.INSTANT);
      case AlterAction.RenameColumn rename -> Optional.of(Algorithm.INSTANT);
      case AlterAction.RenameTable rename -> Optional.of(Algorithm.INSTANT);
      case AlterAction.AlterColumnType change -> Optional.of(
          widerVarchar(old.column(ObjectName.fold(change.column())), change.type(), mariadb)
              ? (mariadb ? Algorithm.INSTANT : Algorithm.INPLACE) : Algorithm.COPY);
      case AlterAction.SetDefault set -> Optional.of(Algorithm.INSTANT);
      case AlterAction.DropDefault drop -> Optional.of(Algorithm.INSTANT);
      case AlterAction.SetNotNull set -> Optional.of(Algorithm.INPLACE);
      // MariaDB does it instantly only for a column in no index: in place is what both allow
      case AlterAction.DropNotNull drop -> Optional.of(Algorithm.INPLACE);
      case AlterAction.DropExpression drop -> Optional.of(Algorithm.COPY);
      case AlterAction.AddConstraint add -> Optional.of(switch (add.constraint()) {
        case TableConstraint.PrimaryKey key -> Algorithm.INPLACE;
        case TableConstraint.Unique unique -> Algorithm.INPLACE;
        case TableConstraint.ForeignKey key -> Algorithm.COPY;
        case TableConstraint.Check check -> Algorithm.COPY;
        case TableConstraint.Exclude exclude -> Algorithm.COPY;
        case TableConstraint.UsingIndex using -> Algorithm.INPLACE;
      });
      case AlterAction.DropConstraint drop -> {
        Optional<Constraint> c = old.constraint(ObjectName.fold(drop.name()));
        if (c.isEmpty()) {
          yield Optional.empty();
        }
        yield Optional.of(switch (c.get()) {
          // a new primary key in the same statement lets the server rebuild in place
          case Constraint.PrimaryKey key -> alter.actions().stream().anyMatch(a ->
              a instanceof AlterAction.AddConstraint add
                  && add.constraint() instanceof TableConstraint.PrimaryKey)
              ? Algorithm.INPLACE : Algorithm.COPY;
          case Constraint.ForeignKey key -> Algorithm.INPLACE;
          case Constraint.Unique unique -> Algorithm.INPLACE;
          case Constraint.Check check -> Algorithm.INSTANT;
          case Constraint.Exclude exclude -> Algorithm.INSTANT;
        });
      }
      case AlterAction.RenameConstraint rename -> Optional.of(Algorithm.INSTANT);
      case AlterAction.AddIdentity add -> Optional.of(Algorithm.COPY);
      case AlterAction.DropIdentity drop -> Optional.of(Algorithm.COPY);
      // rendered as nothing, or refused for MySQL and MariaDB
      case AlterAction.AlterIdentity change -> Optional.empty();
      case AlterAction.AlterConstraint change -> Optional.empty();
      case AlterAction.ValidateConstraint validate -> Optional.empty();
      case AlterAction.AttachPartition attach -> Optional.empty();
      case AlterAction.DetachPartition detach -> Optional.empty();
      case AlterAction.SetSchema move -> Optional.empty();
    };
  }

  private static Algorithm addColumn(AlterAction.AddColumn add) {
    Algorithm worst = add.column().type().kind().autoIncrement()
        ? Algorithm.INPLACE_SHARED : Algorithm.INSTANT;
    for (ColumnConstraint c : add.column().constraints()) {
      Algorithm a = switch (c) {
        case ColumnConstraint.Generated generated -> Algorithm.COPY;
        case ColumnConstraint.References references -> Algorithm.COPY;
        case ColumnConstraint.Check check -> Algorithm.COPY;
        case ColumnConstraint.Identity identity -> Algorithm.INPLACE_SHARED;
        case ColumnConstraint.PrimaryKey key -> Algorithm.INPLACE;
        case ColumnConstraint.Unique unique -> Algorithm.INPLACE;
        case ColumnConstraint.NotNull notNull -> Algorithm.INSTANT;
        case ColumnConstraint.Null nullable -> Algorithm.INSTANT;
        // a default PostgreSQL evaluates row by row (a sequence's next value, random(), ...):
        // MariaDB copies the table, and strata renders ALGORITHM = COPY so that it does
        case ColumnConstraint.Default value -> Volatility.isVolatile(value.value())
            ? Algorithm.COPY : Algorithm.INSTANT;
      };
      worst = a.compareTo(worst) > 0 ? a : worst;
    }
    return worst;
  }

  /**
   * Whether a type change only widens a {@code VARCHAR}: MariaDB does it instantly; MySQL in place
   * while the length prefix keeps its size (both lengths at most 63 or both above, at four bytes a
   * character in {@code utf8mb4}: at most 255 bytes takes one length byte).
   */
  private static boolean widerVarchar(Optional<Column> old, DataType to, boolean mariadb) {
    if (old.isEmpty() || old.get().type().kind() != DataType.Kind.VARCHAR
        || to.kind() != DataType.Kind.VARCHAR || to.isArray() || old.get().type().isArray()
        || old.get().type().size().isEmpty() || to.size().isEmpty()) {
      return false;
    }
    int from = old.get().type().size().getAsInt();
    int wider = to.size().getAsInt();
    if (wider < from) {
      return false;
    }
    return mariadb || (from * 4 <= 255) == (wider * 4 <= 255);
  }
}
