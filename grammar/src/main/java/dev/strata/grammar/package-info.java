/**
 * The revision-file language: {@link dev.strata.grammar.RevisionFileParser} turns one {@code .sql}
 * revision file into a {@link dev.strata.grammar.ast.RevisionFile}; problems come out as
 * {@link dev.strata.grammar.Diagnostic}s with file, line and column.
 */
package dev.strata.grammar;
