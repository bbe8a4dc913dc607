package dev.strata.dialects.lint;

import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.lint.StatementContext;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Table;
import dev.strata.dialects.Dialect;
import dev.strata.dialects.StatementSql;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Location;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sqlite-table-rebuild}: each table that a statement's SQLite script rebuilds (SQLite's
 * 12-step {@code ALTER TABLE} procedure: a new table, every row copied, the old one dropped, its
 * indexes built again). Which statements rebuild is the renderer's decision ({@code SqliteAlter},
 * {@code SqliteRebuild}): the rule renders the statement as the script does and reports each
 * rebuild it finds, so that lint and the script never disagree. A table created in the same
 * revision is exempt (it holds only the rows the revision wrote).
 */
public final class SqliteTableRebuildRule implements StatementRule {
  /** The rule. */
  public static final SqliteTableRebuildRule INSTANCE = new SqliteTableRebuildRule();

  private final StatementSql sqlite = StatementSql.forDialect(Dialect.SQLITE);

  private SqliteTableRebuildRule() {}

  @Override
  public List<Finding> check(StatementContext context) {
    if (context.dialect() != DialectId.SQLITE || !mayRebuild(context.statement().operation())) {
      return List.of();
    }
    List<String> rendered;
    try {
      rendered = sqlite.render(context.statement(), context.revision().source(),
          context.before(), context.after());
    } catch (DiagnosticException refused) {
      return List.of(); // the script refuses it: check and upgrade report that, not lint
    }
    List<Finding> out = new ArrayList<>();
    for (String sql : rendered) {
      Optional<String> table = StatementSql.rebuiltTable(sql);
      if (table.isEmpty() || !existedBefore(context, table.get())) {
        continue;
      }
      out.add(Finding.of(Rule.SQLITE_TABLE_REBUILD, context.revisionId(), context.dialect(),
          new Location(context.revision().source(), caret(context)),
          what(context) + " rebuilds table '" + table.get() + "' on SQLite: its ALTER TABLE"
              + " cannot do this in place, so strata copies every row into a new table, drops"
              + " the old one and builds its indexes again, with the database locked for writes"
              + " throughout", List.of())
          .withAlternative("SQLite has no online way: run it while nothing writes to the"
              + " database; for a big table, create the new table in an earlier revision, copy"
              + " the rows in batches, then switch"));
    }
    return out;
  }

  /**
   * Whether the SQLite script of {@code operation} may rebuild a table: only {@code SqliteAlter}
   * rebuilds, for these three (a switch with no default, so that a new operation is placed here).
   * The rest are not rendered a second time for lint.
   */
  private static boolean mayRebuild(Operation operation) {
    return switch (operation) {
      case Operation.AlterTable alter -> true;
      case Operation.AddEnumValue add -> true;
      case Operation.RenameEnumValue rename -> true;
      case Operation.CreateTable x -> false;
      case Operation.CreatePartition x -> false;
      case Operation.CreateTableAs x -> false;
      case Operation.DropTable x -> false;
      case Operation.CreateIndex x -> false;
      case Operation.DropIndex x -> false;
      case Operation.RenameIndex x -> false;
      case Operation.CreateSchema x -> false;
      case Operation.DropSchema x -> false;
      case Operation.Insert x -> false;
      case Operation.Update x -> false;
      case Operation.Delete x -> false;
      case Operation.Select x -> false;
      case Operation.Truncate x -> false;
      case Operation.RawSql x -> false;
      case Operation.CreateView x -> false;
      case Operation.DropView x -> false;
      case Operation.AlterView x -> false;
      case Operation.PostgresOnly x -> false;
      case Operation.CreateEnumType x -> false;
      case Operation.RenameType x -> false;
      case Operation.DropType x -> false;
      case Operation.CreateSequence x -> false;
      case Operation.AlterSequence x -> false;
      case Operation.RenameSequence x -> false;
      case Operation.DropSequence x -> false;
      case Operation.CommentOn x -> false;
    };
  }

  /**
   * Whether the rebuilt table (as the marker names it, {@link ObjectName#display}: the name after
   * the change) was there when the revision began: a map access for a name of {@code public}
   * (SQLite has no other schema; another name is looked for among every table).
   */
  private static boolean existedBefore(StatementContext context, String table) {
    Map<ObjectName, Table> start = context.revisionStart().tables();
    boolean there = ObjectName.ofPublicDisplay(table).map(start::containsKey)
        .orElseGet(() -> start.keySet().stream().anyMatch(name -> name.display().equals(table)));
    return there || context.statement().operation() instanceof Operation.AlterTable alter
        && context.existedBefore(ObjectName.of(alter.table()));
  }

  /** The statement, named for the message: {@code ALTER TABLE payments}. */
  private static String what(StatementContext context) {
    Operation operation = context.statement().operation();
    if (operation instanceof Operation.AlterTable alter) {
      return "ALTER TABLE " + written(alter.table());
    } else if (operation instanceof Operation.AddEnumValue add) {
      return "ALTER TYPE " + written(add.type()) + " ADD VALUE";
    } else if (operation instanceof Operation.RenameEnumValue rename) {
      return "ALTER TYPE " + written(rename.type()) + " RENAME VALUE";
    }
    return "the statement";
  }

  /** The table's (or type's) name in the statement, else the statement's start. */
  private static Span caret(StatementContext context) {
    Operation operation = context.statement().operation();
    Optional<Identifier> name = Optional.empty();
    if (operation instanceof Operation.AlterTable alter) {
      name = Optional.of(alter.table().name());
    } else if (operation instanceof Operation.AddEnumValue add) {
      name = Optional.of(add.type().name());
    } else if (operation instanceof Operation.RenameEnumValue rename) {
      name = Optional.of(rename.type().name());
    }
    return name.flatMap(Identifier::span).orElse(context.statement().span());
  }

  private static String written(QualifiedName name) {
    return name.schema().map(s -> s.value() + ".").orElse("") + name.name().value();
  }
}
