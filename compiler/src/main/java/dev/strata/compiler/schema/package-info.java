/**
 * The schema model: what the database holds at one point of the revision chain, as strata knows it
 * offline by replaying the revisions' operations (see {@code docs/schema-model.md}).
 *
 * <p>Names are folded as PostgreSQL folds them ({@link ObjectName}): an unquoted name is
 * lower-cased, a quoted one kept, an unqualified relation is in schema {@code public}. Every
 * object records its {@link Origin}, the revision and position where it was created, so that a
 * check can point at it. A {@link SchemaModel} is an immutable snapshot; its maps keep the order in
 * which objects were created, which is an order that recreates them.
 */
package dev.strata.compiler.schema;
