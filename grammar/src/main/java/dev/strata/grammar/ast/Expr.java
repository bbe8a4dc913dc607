package dev.strata.grammar.ast;

import dev.strata.grammar.Span;

/**
 * An SQL expression kept as its source text ({@code now()}, {@code amount > 0},
 * {@code 'VIEWTRADE'}); dialects render it, through jOOQ's parser where it can translate it.
 * {@code span} is where it starts.
 */
public record Expr(String sql, Span span) {}
