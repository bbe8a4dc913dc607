/**
 * Lint that knows the schema: rules over each statement of a revision with the schema model before
 * and after it (so a table created in the same revision is exempt from the lock rules), the
 * PostgreSQL locks each statement takes, and the findings {@code strata lint} reports.
 */
package dev.strata.compiler.lint;
