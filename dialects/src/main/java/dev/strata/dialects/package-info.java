/**
 * Rendering a {@link dev.strata.compiler.Plan} as an SQL script for one {@link
 * dev.strata.dialects.Dialect}: statements built with jOOQ's DSL (hand-written only where jOOQ cannot
 * express a construct), the version-table bookkeeping, and the script framing (header, session
 * settings, the guard and row-count checks, banners, transactions, resumable segments; {@code
 * docs/scripts.md} describes the shape). The entry point is {@link dev.strata.dialects.Renderer}.
 *
 * <p>Diagnostic codes of this stage (E04xx, dialect support):
 *
 * <ul>
 *   <li>{@code E0401} an {@code INSERT ... VALUES} row does not have one value per listed column
 *   <li>{@code E0402} {@code CREATE INDEX IF NOT EXISTS} without an index name
 *   <li>{@code E0403} {@code ADD COLUMN IF NOT EXISTS} with a key, unique, check or foreign-key
 *       constraint on the column
 *   <li>{@code E0404} {@code CREATE TABLE IF NOT EXISTS} or {@code ADD COLUMN IF NOT EXISTS} with a
 *       {@code GENERATED ALWAYS AS IDENTITY} column
 *   <li>{@code E0405} an upgrade whose statements are all {@code -- +dialect} blocks of other
 *       dialects
 *   <li>{@code E0406} the same of a downgrade whose upgrade has a statement for the dialect
 *   <li>{@code E0407} a PostgreSQL-only statement rendered for a dialect that does not run them
 *   <li>{@code E0440}-{@code E0449} what MySQL or MariaDB cannot express ({@link
 *       dev.strata.dialects.MysqlStatements}; {@code docs/dialects.md}, "MySQL and MariaDB:
 *       statements"): E0440 no counterpart (schemas, partitions, sequences on MySQL, ...), E0441 an
 *       index form, E0442 an {@code IF [NOT] EXISTS} the model cannot decide, E0443 nothing in the
 *       model to restate or locate, E0444 {@code CASCADE} with dependents, E0445 a constraint form,
 *       E0446 {@code AUTO_INCREMENT}, E0447 a DML form, E0448 enum values and comments, E0449 a
 *       column form
 *   <li>{@code E0450} a statement or clause SQLite cannot express (schemas, sequences, comments,
 *       arrays, partitions, ...; see {@link dev.strata.dialects.SqliteStatements})
 *   <li>{@code E0451} a SQLite change that needs the schema model's definition of an object (a
 *       table rebuild, a renamed index or view) where the model does not know the object
 *   <li>{@code E0452} a script option SQLite cannot honour (a statement timeout, a version-table
 *       schema)
 *   <li>{@code E0453} a name the dialect cannot hold: longer than 64 characters (MySQL, MariaDB),
 *       a table, view or index named {@code sqlite_...} (SQLite); {@link
 *       dev.strata.dialects.DefinedNames}
 *   <li>{@code E0454} a foreign key whose column's type MySQL and MariaDB refuse for the column it
 *       references (an {@code int} referencing a {@code bigint}); {@code MysqlTables}
 * </ul>
 *
 * <p>A downgrade through a revision marked {@code -- +irreversible} is refused here too, with the
 * revision-level code {@code E0216}.
 */
package dev.strata.dialects;
