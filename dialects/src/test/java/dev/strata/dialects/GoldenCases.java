package dev.strata.dialects;

import static dev.strata.dialects.Ast.*;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The golden cases that revision files cannot express: other script options (version table name
 * and schema, transaction modes), an empty plan, and revision ids the grammar rejects. Everything
 * else is a file-driven {@link FileCase} under {@code golden/<case>/versions/}. Plans that start
 * from base run against a real PostgreSQL.
 */
final class GoldenCases {
  /** The options of every golden case: Alembic's defaults and a fixed tool version. */
  static final ScriptOptions OPTIONS = ScriptOptions.defaults("test");

  private GoldenCases() {}

  static List<GoldenCase> all() throws DiagnosticException {
    return List.of(
        transactionCase("transaction_per_revision", TransactionMode.REVISION),
        transactionCase("transaction_none", TransactionMode.NONE),
        revisionTimeoutsCase("revision_timeouts_revision", OPTIONS.withTransactionMode(
            TransactionMode.REVISION)),
        revisionTimeoutsCase("revision_timeouts_none", OPTIONS.withTransactionMode(
            TransactionMode.NONE)),
        revisionTimeoutsCase("revision_timeouts_script_timeouts", OPTIONS.withTimeouts(
            Optional.of("2s"), Optional.of("10min"))),
        unguardedCase(),
        timeoutsCase(),
        lockWaitCase(),
        versionTableQuotedSegmentsCase(),
        versionTableCustomCase(),
        versionTableQuotedCase(),
        quoteEscapingCase(),
        emptyPlanCase(),
        noColumnsCase(),
        enumValueCase("enum_add_value_per_revision", TransactionMode.REVISION),
        enumValueCase("enum_add_value_none", TransactionMode.NONE));
  }

  private static final List<String> BASE = List.of();

  /** The {@code no_transaction} file case's plan in another transaction mode. */
  private static GoldenCase transactionCase(String name, TransactionMode mode)
      throws DiagnosticException {
    FileCase files = new FileCase("no_transaction", GoldenTest.GOLDEN.resolve("no_transaction"));
    return new GoldenCase(name, files.upgradePlan(), OPTIONS.withTransactionMode(mode), "");
  }

  /**
   * The {@code enum_add_value_in_use} file case's plan in another transaction mode: per revision,
   * the value added in a revision that uses it still needs its own commit; without transactions
   * every statement commits alone and nothing is cut.
   */
  private static GoldenCase enumValueCase(String name, TransactionMode mode)
      throws DiagnosticException {
    FileCase files =
        new FileCase("enum_add_value_in_use", GoldenTest.GOLDEN.resolve("enum_add_value_in_use"));
    return new GoldenCase(name, files.upgradePlan(), OPTIONS.withTransactionMode(mode), "");
  }

  /**
   * The {@code revision_timeouts} file case's plan with other options: its settings must hold for
   * its own statements, in every segment, and end with the revision, whatever the mode, and end at
   * the script's own timeouts when the script sets them.
   */
  private static GoldenCase revisionTimeoutsCase(String name, ScriptOptions options)
      throws DiagnosticException {
    FileCase files =
        new FileCase("revision_timeouts", GoldenTest.GOLDEN.resolve("revision_timeouts"));
    return new GoldenCase(name, files.upgradePlan(), options, "");
  }

  /**
   * The {@code no_transaction} plan with guards off: Alembic's unguarded shape, byte for byte what
   * strata printed before guards existed (no guard, no row-count checks, no segment bookkeeping).
   */
  private static GoldenCase unguardedCase() throws DiagnosticException {
    FileCase files = new FileCase("no_transaction", GoldenTest.GOLDEN.resolve("no_transaction"));
    return new GoldenCase("unguarded", files.upgradePlan(), OPTIONS.withGuards(false), "");
  }

  /** Session timeouts: two {@code SET} lines after the header, before the guard. */
  private static GoldenCase timeoutsCase() {
    return GoldenCase.of(
            "timeouts",
            upgrade(BASE, List.of("0001_init"), up("0001_init", BASE, "init", List.of(), insert("0001_init"))))
        .withOptions(OPTIONS.withTimeouts(Optional.of("5s"), Optional.of("15min")));
  }

  /**
   * A lock wait beside a session lock timeout: the lock block sets {@code lock_timeout} to the wait
   * for its one statement and restores the session's value.
   */
  private static GoldenCase lockWaitCase() {
    return GoldenCase.of(
            "lock_wait",
            upgrade(BASE, List.of("0001_init"), up("0001_init", BASE, "init", List.of(), insert("0001_init"))))
        .withOptions(OPTIONS.withTimeouts(Optional.of("5s"), Optional.empty())
            .withLockWait(Optional.of("30s")));
  }

  /**
   * A quoted version table in a quoted schema, cut into two segments (one transaction per
   * revision): the progress table lives in the same schema, and every name in the guard's dynamic
   * SQL keeps its quotes.
   */
  private static GoldenCase versionTableQuotedSegmentsCase() {
    return GoldenCase.of(
            "version_table_quoted_segments",
            upgrade(BASE, List.of("0002_next"),
                up("0001_init", BASE, "init", List.of(), insert("0001_init")),
                up("0002_next", List.of("0001_init"), "next", List.of(), update("0001_init", "0002_next"))))
        .withOptions(new ScriptOptions("Schema 100% Versions", Optional.of("O'ps"), "test",
            TransactionMode.REVISION))
        .withPrelude("CREATE SCHEMA \"O'ps\"");
  }

  private static GoldenCase versionTableCustomCase() {
    return GoldenCase.of(
            "version_table_custom",
            upgrade(BASE, List.of("0002_next"),
                up("0001_init", BASE, "init", List.of(), insert("0001_init")),
                up("0002_next", List.of("0001_init"), "next", List.of(), update("0001_init", "0002_next"))))
        .withOptions(new ScriptOptions("strata_version", Optional.of("public"), "test"));
  }

  private static GoldenCase versionTableQuotedCase() {
    return GoldenCase.of(
            "version_table_quoted",
            upgrade(BASE, List.of("0001_init"), up("0001_init", BASE, "init", List.of(), insert("0001_init"))))
        .withOptions(new ScriptOptions("Schema Versions", Optional.of("Ops"), "test"))
        .withPrelude("CREATE SCHEMA \"Ops\"");
  }

  private static GoldenCase quoteEscapingCase() {
    return GoldenCase.of(
        "quote_escaping",
        upgrade(BASE, List.of("x'y"),
            up("o'brien", BASE, "ids are literals", List.of(), insert("o'brien")),
            up("x'y", List.of("o'brien"), "", List.of(), update("o'brien", "x'y"))));
  }

  /** {@code CREATE TABLE t ()}: PostgreSQL accepts it, the grammar wants a column or constraint. */
  private static GoldenCase noColumnsCase() {
    Statement marker =
        stmt(new Operation.CreateTable(table("marker"), false, List.of(), List.of()));
    return GoldenCase.of(
        "create_table_no_columns",
        upgrade(BASE, List.of("0001_marker"),
            up("0001_marker", BASE, "a table without columns", List.of(marker),
                insert("0001_marker"))));
  }

  private static GoldenCase emptyPlanCase() {
    return GoldenCase.of("empty_plan", upgrade(List.of("0002_b", "0003_c"), List.of("0002_b", "0003_c")));
  }
}
