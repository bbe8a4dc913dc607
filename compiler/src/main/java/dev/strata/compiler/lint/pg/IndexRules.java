package dev.strata.compiler.lint.pg;

import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LockLevel;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code create-index-not-concurrently} and {@code drop-index-not-concurrently}: an index built or
 * dropped without {@code CONCURRENTLY} on a table that existed before the revision (Squawk's
 * {@code require-concurrent-index-creation} and {@code require-concurrent-index-deletion},
 * strong_migrations' "Adding an index non-concurrently").
 */
final class IndexRules {
  private static final Pattern CREATE =
      Pattern.compile("^(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX)\\b", Pattern.CASE_INSENSITIVE);

  private IndexRules() {}

  /**
   * {@code CREATE INDEX} without {@code CONCURRENTLY} takes a SHARE lock on the table (writes wait
   * until the index is built); the caret is at the index's name (the table's when it has none).
   */
  static final StatementRule CREATE_INDEX = context -> {
    if (!(context.statement().operation() instanceof Operation.CreateIndex index)
        || index.concurrently()) {
      return List.of();
    }
    ObjectName table = ObjectName.of(index.table());
    if (!context.existedBefore(table)) {
      return List.of();
    }
    Span span = index.name().map(n -> Sites.of(context, n)).orElse(Sites.of(context, index.table()));
    String named = index.name().map(n -> "CREATE INDEX " + Sites.sql(n)).orElse("CREATE INDEX");
    String message = named + " on " + Sites.sql(table) + ", a table that existed before this"
        + " revision, blocks writes to it until the index is built";
    Finding finding = Sites.finding(context, Rule.CREATE_INDEX_NOT_CONCURRENTLY, span, message,
        Sites.locks(context, Sites.lock(table, LockLevel.SHARE, false, true)));
    Matcher create = CREATE.matcher(context.statement().text());
    return List.of(create.find()
        ? finding.withAlternative(Sites.oneLine(create.replaceFirst("$1 CONCURRENTLY")))
        : finding);
  };

  /**
   * {@code DROP INDEX} without {@code CONCURRENTLY} takes an ACCESS EXCLUSIVE lock on the index's
   * table; the caret is at each index's name. Indexes of tables created in this revision, and
   * indexes this revision created, are exempt.
   */
  static final StatementRule DROP_INDEX = context -> {
    if (!(context.statement().operation() instanceof Operation.DropIndex drop)
        || drop.concurrently()) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (QualifiedName name : drop.indexes()) {
      ObjectName indexName = ObjectName.of(name);
      Optional<Index> existing = Optional.ofNullable(context.revisionStart().indexes().get(indexName));
      if (existing.isEmpty() || !context.existedBefore(existing.get().table())) {
        continue;
      }
      ObjectName table = existing.get().table();
      String message = "DROP INDEX " + Sites.sql(indexName) + " locks " + Sites.sql(table)
          + " against reads and writes while the index is dropped";
      out.add(Sites.finding(context, Rule.DROP_INDEX_NOT_CONCURRENTLY, Sites.of(context, name),
              message, Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false,
                  false)))
          .withAlternative("DROP INDEX CONCURRENTLY " + (drop.ifExists() ? "IF EXISTS " : "")
              + Sites.sql(indexName) + (drop.cascade() ? " CASCADE" : "") + ";"));
    }
    return out;
  };
}
