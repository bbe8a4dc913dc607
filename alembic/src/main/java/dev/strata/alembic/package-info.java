/**
 * Importing an Alembic history: {@code strata import alembic DIR} reads Alembic revision files
 * ({@code versions/*.py}) with an ANTLR grammar for the subset of Python they use and writes one
 * strata revision file per Alembic revision, keeping its id, parents, branch labels, dependencies
 * and message, and translating its {@code op.*} calls into the revision-file language.
 */
package dev.strata.alembic;
