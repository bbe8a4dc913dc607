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
 * </ul>
 */
package dev.strata.dialects;
