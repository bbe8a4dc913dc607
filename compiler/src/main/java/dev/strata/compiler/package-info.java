/**
 * From a versions directory to a {@link dev.strata.compiler.Plan}: {@link
 * dev.strata.compiler.VersionsLoader} reads the revision files, {@link
 * dev.strata.compiler.RevisionGraph} checks and queries the graph (heads, bases, branch points,
 * merge points), and {@link dev.strata.compiler.Planner} resolves a typed {@link
 * dev.strata.compiler.Range} and orders the steps and version-table changes as Alembic does
 * ({@code docs/revision-graph.md}).
 */
package dev.strata.compiler;
