package dev.strata.dialects;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Constraint;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A check that stops a {@code sqlite3} script with a readable message, for the guard, the
 * row-count checks and the table rebuild ({@code docs/dialects.md}, "SQLite: scripts, guard,
 * failure and resume"). SQLite has no {@code RAISE} outside triggers, and a trigger's {@code RAISE}
 * takes only a string literal, so a check is a temporary table whose {@code CHECK} constraints are
 * named by their messages, and an {@code INSERT} of the value to check: a value that breaks a rule
 * fails the {@code INSERT} with {@code CHECK constraint failed: <message>}, which {@code .bail on}
 * turns into a stop (and an open transaction rolls back). The rules are tested in order and the
 * first one broken names the error.
 *
 * <p>The table is {@code temp.strata_check_<12 hex digits>}, the digits from the SHA-256 of its
 * rules, created {@code IF NOT EXISTS}: a script (or the part of it a resumed run starts with)
 * can run a check without an earlier statement, and two checks with the same messages share one
 * table. Built with jOOQ, naming the table in the schema {@code temp} (jOOQ 3.20 writes {@code
 * CREATE GLOBAL TEMPORARY TABLE} for SQLite, which SQLite refuses).
 *
 * @param <T> the type of the checked value
 */
final class SqliteCheck<T> {
  /** What the rules see: the checked value, in the column {@code value}. */
  private final Field<T> value;

  private final SqlContext sql;
  private final List<Rule> rules;
  private final Table<?> table;

  /** One rule: the value passes when {@code passes} holds (or is NULL); else {@code message}. */
  record Rule(String message, Condition passes) {
    Rule {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(passes, "passes");
      if (message.isBlank() || message.contains("\n")) {
        throw new IllegalArgumentException("a rule's message is one line: " + message);
      }
    }
  }

  /**
   * A check of a value of {@code type}, whose rules are made from the value's column.
   *
   * @param rules the rules in the order SQLite tests them, made from the column {@code value}
   */
  SqliteCheck(SqlContext sql, DataType<T> type, Function<Field<T>, List<Rule>> rules) {
    this.sql = sql;
    this.value = DSL.field(DSL.unquotedName("value"), type);
    this.rules = List.copyOf(rules.apply(value));
    if (this.rules.isEmpty()) {
      throw new IllegalArgumentException("a check has at least one rule");
    }
    this.table = DSL.table(DSL.name(DSL.unquotedName("temp"),
        DSL.unquotedName("strata_check_" + digest(sql, this.rules))));
  }

  /** The column the rules test, for building them. */
  Field<T> value() {
    return value;
  }

  /** {@code CREATE TABLE IF NOT EXISTS temp.strata_check_... (value ..., CONSTRAINT ...)}. */
  String define() {
    List<Constraint> constraints = new ArrayList<>();
    for (Rule rule : rules) {
      constraints.add(DSL.constraint(DSL.quotedName(rule.message())).check(rule.passes()));
    }
    return sql.renderFormatted(sql.dsl().createTableIfNotExists(table)
        .column(value)
        .constraints(constraints));
  }

  /** {@code INSERT INTO temp.strata_check_... (value) VALUES (checked)}: the check itself. */
  String run(Field<T> checked) {
    return sql.render(sql.dsl().insertInto(table, value).values(checked));
  }

  /** {@code INSERT INTO temp.strata_check_... (value) SELECT ...}: the check of a query's rows. */
  String run(Select<? extends org.jooq.Record1<T>> checked) {
    return sql.render(sql.dsl().insertInto(table, value).select(checked));
  }

  /** The table's name as the statements write it. */
  String tableName() {
    return sql.render(table);
  }

  /** 12 hex digits of the SHA-256 of the rules' messages and conditions, one line each. */
  private static String digest(SqlContext sql, List<Rule> rules) {
    StringBuilder text = new StringBuilder();
    rules.forEach(rule -> text.append(rule.message()).append('\n')
        .append(sql.render(rule.passes())).append('\n'));
    return digest(text.toString());
  }

  /**
   * The digest of a table's name: 12 hex digits of the SHA-256 of {@code rules}, each rule's
   * message and rendered condition on a line of their own.
   */
  static String digest(String rules) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(rules.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
