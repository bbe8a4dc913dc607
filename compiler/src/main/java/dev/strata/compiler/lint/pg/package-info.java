/**
 * The PostgreSQL statement rules of {@code strata lint}: locks, scans and rewrites of tables that
 * existed before the revision, renames and data loss. Each rule is a {@link
 * dev.strata.compiler.lint.StatementRule}; {@link dev.strata.compiler.lint.pg.PgStatementRules}
 * lists them.
 */
package dev.strata.compiler.lint.pg;
