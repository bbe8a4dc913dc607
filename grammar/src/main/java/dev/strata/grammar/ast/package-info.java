/**
 * The syntax tree of a revision file: records for values, sealed interfaces for alternatives. It
 * keeps complete definitions (every column attribute, constraint and index detail) so later stages
 * can replay the schema, not only print SQL.
 */
package dev.strata.grammar.ast;
