package dev.strata.dialects.lint;

import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.lint.StatementContext;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Table;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.StatementSql;
import dev.strata.dialects.lint.MysqlOnlineDdl.Algorithm;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Location;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MySQL and MariaDB rules, over the statements strata renders for them (which never carry an
 * {@code ALGORITHM} or {@code LOCK} clause), on tables that existed before the revision:
 *
 * <ul>
 *   <li>{@code mysql-table-copy}: each action the server can only run by copying the table
 *       ({@link MysqlOnlineDdl}), with the way around it for that action;
 *   <li>{@code mysql-alter-without-algorithm}: an {@code ALTER TABLE}, {@code CREATE INDEX} or
 *       {@code DROP INDEX} that the server can run without a copy, rendered without the clause
 *       that makes it refuse to fall back to one; the alternative is the rendered statement with
 *       the clause.
 * </ul>
 */
public final class MysqlAlterRules {
  private MysqlAlterRules() {}

  private static final java.util.regex.Pattern DROP_INDEX = java.util.regex.Pattern.compile(
      "(?is)DROP INDEX (\\S+) ON (.+)");

  /** One renderer per dialect the rules speak about, made once (a jOOQ context each). */
  private static final java.util.Map<DialectId, StatementSql> RENDERERS = java.util.Map.of(
      DialectId.MYSQL, StatementSql.forDialect(Dialect.MYSQL),
      DialectId.MARIADB, StatementSql.forDialect(Dialect.MARIADB));

  /** {@code mysql-table-copy}. */
  public static final StatementRule TABLE_COPY = MysqlAlterRules::tableCopy;

  /** {@code mysql-alter-without-algorithm}. */
  public static final StatementRule WITHOUT_ALGORITHM = MysqlAlterRules::withoutAlgorithm;

  private static List<Finding> tableCopy(StatementContext context) {
    if (!Rule.MYSQL_TABLE_COPY.dialects().contains(context.dialect())
        || !(context.statement().operation() instanceof Operation.AlterTable alter)
        || !context.existedBefore(ObjectName.of(alter.table()))) {
      return List.of();
    }
    Optional<Table> found = context.before().table(ObjectName.of(alter.table()));
    if (found.isEmpty()) {
      return List.of(); // dropped earlier in the revision: the replay reports it
    }
    Table old = found.get();
    List<Finding> out = new ArrayList<>();
    for (AlterAction action : alter.actions()) {
      if (MysqlOnlineDdl.of(context.dialect(), alter, action, old).orElse(Algorithm.INSTANT)
          != Algorithm.COPY) {
        continue;
      }
      String table = old.name().display();
      Finding finding = Finding.of(Rule.MYSQL_TABLE_COPY, context.revisionId(),
          context.dialect(), location(context, caret(action, alter)),
          describe(action, old) + " copies table '" + table + "' on " + context.dialect().id()
              + " (ALGORITHM=COPY): writes to it wait until every row is copied", List.of());
      out.add(alternative(action, alter, context).map(finding::withAlternative)
          .orElse(finding));
    }
    return out;
  }

  private static List<Finding> withoutAlgorithm(StatementContext context) {
    if (!Rule.MYSQL_ALTER_WITHOUT_ALGORITHM.dialects().contains(context.dialect())) {
      return List.of();
    }
    Operation operation = context.statement().operation();
    Algorithm algorithm;
    Span caret;
    String what;
    if (operation instanceof Operation.AlterTable alter) {
      Optional<Table> old = context.before().table(ObjectName.of(alter.table()));
      if (old.isEmpty() || !context.existedBefore(old.get().name())) {
        return List.of();
      }
      algorithm = null;
      for (AlterAction action : alter.actions()) {
        Optional<Algorithm> a = MysqlOnlineDdl.of(context.dialect(), alter, action, old.get());
        if (a.isPresent() && (algorithm == null || a.get().compareTo(algorithm) > 0)) {
          algorithm = a.get();
        }
      }
      if (algorithm == null || algorithm == Algorithm.COPY) {
        return List.of(); // nothing rendered, or mysql-table-copy's
      }
      caret = alter.table().name().span().orElse(context.statement().span());
      what = "ALTER TABLE " + old.get().name().display();
    } else if (operation instanceof Operation.CreateIndex create) {
      if (!context.existedBefore(ObjectName.of(create.table()))) {
        return List.of();
      }
      algorithm = Algorithm.INPLACE;
      caret = create.name().flatMap(Identifier::span)
          .or(() -> create.table().name().span()).orElse(context.statement().span());
      what = "CREATE INDEX" + create.name().map(n -> " " + n.value()).orElse("") + " on table '"
          + ObjectName.of(create.table()).display() + "'";
    } else if (operation instanceof Operation.DropIndex drop) {
      Optional<Index> index = drop.indexes().stream().map(ObjectName::of)
          .map(n -> context.before().indexes().get(n)).filter(i -> i != null).findFirst();
      if (index.isEmpty() || !context.existedBefore(index.get().table())) {
        return List.of();
      }
      algorithm = Algorithm.INPLACE;
      caret = drop.indexes().getFirst().name().span().orElse(context.statement().span());
      what = "DROP INDEX " + index.get().name().name() + " on table '"
          + index.get().table().display() + "'";
    } else {
      return List.of();
    }
    List<String> rendered = render(context);
    if (!rendered.isEmpty() && rendered.stream()
        .allMatch(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("ALGORITHM"))) {
      return List.of(); // CREATE INDEX CONCURRENTLY: rendered with ALGORITHM = INPLACE LOCK = NONE
    }
    // several rendered statements (a DROP COLUMN that drops a foreign key first): in place is
    // what each of them allows
    Algorithm asked = algorithm == Algorithm.INSTANT && rendered.size() > 1
        ? Algorithm.INPLACE : algorithm;
    Finding finding = Finding.of(Rule.MYSQL_ALTER_WITHOUT_ALGORITHM, context.revisionId(),
        context.dialect(), location(context, caret),
        what + " is rendered for " + context.dialect().id() + " without ALGORITHM and LOCK:"
            + " should the server not run it as expected it copies the table, blocking writes,"
            + " without a word; it can run with " + asked.clause(), List.of());
    return List.of(rendered.isEmpty() ? finding
        : finding.withAlternative(String.join(";\n", rendered.stream()
            .map(sql -> withClause(sql, asked)).toList()) + ";"));
  }

  /** The statement as the script renders it; empty when the renderer refuses it. */
  private static List<String> render(StatementContext context) {
    try {
      return RENDERERS.get(context.dialect()).render(context.statement(),
          context.revision().source(), context.before(), context.after());
    } catch (DiagnosticException refused) {
      return List.of();
    }
  }

  /** {@code sql} with {@code algorithm}'s clause, where the statement takes one. */
  private static String withClause(String sql, Algorithm algorithm) {
    String body = sql.lines().filter(l -> !l.startsWith("--")).findFirst().orElse("")
        .toUpperCase(Locale.ROOT);
    if (body.startsWith("ALTER TABLE")) {
      return sql + ", " + algorithm.clause();
    }
    if (body.startsWith("CREATE INDEX") || body.startsWith("CREATE UNIQUE INDEX")) {
      return sql + " " + algorithm.clause().replace(",", "");
    }
    // MariaDB 10.11 refuses ALGORITHM and LOCK after DROP INDEX ... ON t: the ALTER TABLE form
    // takes them on both servers
    java.util.regex.Matcher drop = DROP_INDEX.matcher(sql);
    if (drop.matches()) {
      return "ALTER TABLE " + drop.group(2) + " DROP INDEX " + drop.group(1) + ", "
          + algorithm.clause();
    }
    return sql;
  }

  /** The way around a copying action, spelled out for it. */
  private static Optional<String> alternative(AlterAction action, Operation.AlterTable alter,
      StatementContext context) {
    String table = ObjectName.of(alter.table()).display();
    String tool = "run it with an online schema change tool (gh-ost, pt-online-schema-change),"
        + " which copies the table in the background while writes go on";
    boolean foreignKey = action instanceof AlterAction.AddConstraint add
            && add.constraint() instanceof TableConstraint.ForeignKey
        || action instanceof AlterAction.AddColumn column && column.column().constraints()
            .stream().anyMatch(ColumnConstraint.References.class::isInstance);
    if (foreignKey) {
      List<String> rendered = render(context);
      String statements = rendered.isEmpty() ? "ALTER TABLE " + table + " ..."
          : String.join(";\n", rendered.stream()
              .map(sql -> withClause(sql, Algorithm.INPLACE)).toList());
      return Optional.of("SET SESSION foreign_key_checks = 0;\n" + statements
          + ";\nSET SESSION foreign_key_checks = 1;\n-- the server then does not check the rows"
          + " already there: check them with a query first");
    }
    return Optional.of(switch (action) {
      case AlterAction.AlterColumnType change -> "add a new column of the new type, write both,"
          + " backfill it in batches, then swap the columns; or " + tool;
      case AlterAction.AddColumn add -> add.column().constraints().stream()
              .anyMatch(ColumnConstraint.Generated.class::isInstance)
          ? "a VIRTUAL generated column, which the server adds instantly (ALGORITHM=INSTANT),"
              + " with an index if queries need one; or " + tool
          : add.column().constraints().stream().anyMatch(ColumnConstraint.Default.class::isInstance)
              ? "add the column nullable without the default (ALGORITHM=INSTANT), set the default"
                  + " (ALTER COLUMN " + add.column().name().value() + " SET DEFAULT ...), backfill"
                  + " it in batches, then make it NOT NULL; or " + tool
              : tool;
      case AlterAction.DropConstraint drop -> "drop and add the primary key in one statement,"
          + " which the server rebuilds in place: ALTER TABLE " + table + " DROP PRIMARY KEY,"
          + " ADD PRIMARY KEY (...), ALGORITHM=INPLACE, LOCK=NONE";
      case AlterAction.DropColumn drop -> "drop the column together with a new primary key in"
          + " one statement: ALTER TABLE " + table + " DROP COLUMN " + drop.column().value()
          + ", ADD PRIMARY KEY (...), ALGORITHM=INPLACE, LOCK=NONE";
      // the other copying actions (a CHECK, identities, DROP EXPRESSION) have no online form
      case AlterAction.RenameColumn rename -> tool;
      case AlterAction.SetDefault set -> tool;
      case AlterAction.DropDefault drop -> tool;
      case AlterAction.SetNotNull set -> tool;
      case AlterAction.DropNotNull drop -> tool;
      case AlterAction.DropExpression drop -> tool;
      case AlterAction.AddConstraint add -> tool;
      case AlterAction.RenameTable rename -> tool;
      case AlterAction.AddIdentity add -> tool;
      case AlterAction.AlterIdentity change -> tool;
      case AlterAction.DropIdentity drop -> tool;
      case AlterAction.RenameConstraint rename -> tool;
      case AlterAction.AlterConstraint change -> tool;
      case AlterAction.ValidateConstraint validate -> tool;
      case AlterAction.AttachPartition attach -> tool;
      case AlterAction.DetachPartition detach -> tool;
      case AlterAction.SetSchema move -> tool;
    });
  }

  /** The action, named for a message: {@code ALTER COLUMN amount TYPE}. */
  private static String describe(AlterAction action, Table old) {
    return switch (action) {
      case AlterAction.AddColumn add -> "ADD COLUMN " + add.column().name().value();
      case AlterAction.DropColumn drop -> "DROP COLUMN " + drop.column().value()
          + " (in the primary key)";
      case AlterAction.AlterColumnType change -> "ALTER COLUMN " + change.column().value()
          + " TYPE";
      case AlterAction.AddConstraint add -> "ADD " + switch (add.constraint()) {
        case TableConstraint.ForeignKey key -> "FOREIGN KEY";
        case TableConstraint.Check check -> "CHECK";
        case TableConstraint.PrimaryKey key -> "PRIMARY KEY";
        case TableConstraint.Unique unique -> "UNIQUE";
        case TableConstraint.Exclude exclude -> "EXCLUDE";
        case TableConstraint.UsingIndex using -> "CONSTRAINT ... USING INDEX";
      } + add.constraint().name().map(n -> " " + n.value()).orElse("");
      case AlterAction.DropConstraint drop -> old.constraint(ObjectName.fold(drop.name()))
          .filter(Constraint.PrimaryKey.class::isInstance).isPresent()
          ? "DROP CONSTRAINT " + drop.name().value() + " (the primary key)"
          : "DROP CONSTRAINT " + drop.name().value();
      case AlterAction.DropExpression drop -> "ALTER COLUMN " + drop.column().value()
          + " DROP EXPRESSION";
      case AlterAction.AddIdentity add -> "ALTER COLUMN " + add.column().value()
          + " ADD GENERATED AS IDENTITY (AUTO_INCREMENT)";
      case AlterAction.DropIdentity drop -> "ALTER COLUMN " + drop.column().value()
          + " DROP IDENTITY (AUTO_INCREMENT)";
      case AlterAction.RenameColumn rename -> "RENAME COLUMN " + rename.from().value();
      case AlterAction.SetDefault set -> "ALTER COLUMN " + set.column().value() + " SET DEFAULT";
      case AlterAction.DropDefault drop -> "ALTER COLUMN " + drop.column().value()
          + " DROP DEFAULT";
      case AlterAction.SetNotNull set -> "ALTER COLUMN " + set.column().value()
          + " SET NOT NULL";
      case AlterAction.DropNotNull drop -> "ALTER COLUMN " + drop.column().value()
          + " DROP NOT NULL";
      case AlterAction.RenameTable rename -> "RENAME TO " + rename.newName().value();
      case AlterAction.AlterIdentity change -> "ALTER COLUMN " + change.column().value()
          + " SET (identity)";
      case AlterAction.RenameConstraint rename -> "RENAME CONSTRAINT " + rename.from().value();
      case AlterAction.AlterConstraint change -> "ALTER CONSTRAINT " + change.name().value();
      case AlterAction.ValidateConstraint validate -> "VALIDATE CONSTRAINT "
          + validate.name().value();
      case AlterAction.AttachPartition attach -> "ATTACH PARTITION";
      case AlterAction.DetachPartition detach -> "DETACH PARTITION";
      case AlterAction.SetSchema move -> "SET SCHEMA " + move.schema().value();
    };
  }

  /** The name an action is about, else the table's. */
  private static Span caret(AlterAction action, Operation.AlterTable alter) {
    Optional<Identifier> name = switch (action) {
      case AlterAction.AddColumn add -> Optional.of(add.column().name());
      case AlterAction.DropColumn drop -> Optional.of(drop.column());
      case AlterAction.AlterColumnType change -> Optional.of(change.column());
      case AlterAction.AddConstraint add -> add.constraint().name();
      case AlterAction.DropConstraint drop -> Optional.of(drop.name());
      case AlterAction.DropExpression drop -> Optional.of(drop.column());
      case AlterAction.AddIdentity add -> Optional.of(add.column());
      case AlterAction.DropIdentity drop -> Optional.of(drop.column());
      case AlterAction.RenameColumn rename -> Optional.of(rename.from());
      case AlterAction.SetDefault set -> Optional.of(set.column());
      case AlterAction.DropDefault drop -> Optional.of(drop.column());
      case AlterAction.SetNotNull set -> Optional.of(set.column());
      case AlterAction.DropNotNull drop -> Optional.of(drop.column());
      case AlterAction.AlterIdentity change -> Optional.of(change.column());
      case AlterAction.RenameConstraint rename -> Optional.of(rename.from());
      case AlterAction.AlterConstraint change -> Optional.of(change.name());
      case AlterAction.ValidateConstraint validate -> Optional.of(validate.name());
      case AlterAction.RenameTable rename -> Optional.<Identifier>empty();
      case AlterAction.AttachPartition attach -> Optional.<Identifier>empty();
      case AlterAction.DetachPartition detach -> Optional.<Identifier>empty();
      case AlterAction.SetSchema move -> Optional.<Identifier>empty();
    };
    QualifiedName table = alter.table();
    return name.flatMap(Identifier::span).or(() -> table.name().span())
        .orElseThrow(() -> new IllegalStateException("a parsed table name has a position"));
  }

  private static Location location(StatementContext context, Span span) {
    return new Location(context.revision().source(), span);
  }
}
