package dev.strata.grammar.ast;

import dev.strata.grammar.Span;

/** One value of a header line (an id, a parent, a label) with where it was written. */
public record HeaderValue(String text, Span span) {}
