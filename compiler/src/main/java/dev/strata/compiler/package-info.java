/**
 * From a versions directory to a {@link dev.strata.compiler.Plan}: loading revision files, the
 * {@link dev.strata.compiler.RevisionGraph} (heads, bases, branch points, merge points), resolving
 * {@code FROM:TO} ranges and ordering the steps as Alembic does.
 */
package dev.strata.compiler;
